using Ardalis.Specification;
using TaskForce.Application.Cases;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Ports;

/// <summary>A case as stored: the aggregate, the agency that owns it, and the version to send back on an update.</summary>
/// <param name="Record">The case, rebuilt with <see cref="CaseRecord.Restore"/>.</param>
/// <param name="OwnerAgency">The owning agency code.</param>
/// <param name="ETag">The version of the case row (an opaque ETag); an update with an older one is refused.</param>
public sealed record StoredCase(CaseRecord Record, string OwnerAgency, string ETag);

/// <summary>The idempotency record a create carries: the caller's <c>Idempotency-Key</c> and the request it guards.</summary>
/// <param name="Operation">The operation, e.g. <c>create_case</c>.</param>
/// <param name="Key">The caller's key (1–200 printable ASCII characters).</param>
/// <param name="CanonicalRequest">The request's canonical JSON (UTF-8). Implementations keep only a keyed
/// fingerprint of it, never the bytes (they hold identity values).</param>
public sealed record IdempotencyClaim(string Operation, string Key, ReadOnlyMemory<byte> CanonicalRequest);

/// <summary>What a create did.</summary>
public enum CaseCreateOutcome
{
    /// <summary>The case was written now.</summary>
    Created = 1,

    /// <summary>The same <c>Idempotency-Key</c> with the same request was seen before: nothing written; the earlier
    /// case is returned.</summary>
    Replayed = 2,

    /// <summary>The same <c>Idempotency-Key</c> came with a different request: nothing written.</summary>
    KeyReusedWithDifferentRequest = 3,

    /// <summary>A case with this id exists (and no idempotency record explains it): nothing written.</summary>
    IdAlreadyExists = 4,
}

/// <summary>The result of <see cref="ICaseRepository.AddAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Case">The stored case for <see cref="CaseCreateOutcome.Created"/> and
/// <see cref="CaseCreateOutcome.Replayed"/>; otherwise <see langword="null"/>.</param>
public sealed record CaseCreateResult(CaseCreateOutcome Outcome, StoredCase? Case);

/// <summary>One page of a case listing.</summary>
/// <param name="Items">The matching cases, in key order, at most the limit asked.</param>
/// <param name="ResumeAfter">The partition key to resume after (to be handed out as an opaque cursor), or
/// <see langword="null"/> when the listing is complete.</param>
public sealed record CaseSummaryPage(IReadOnlyList<CaseSummary> Items, string? ResumeAfter);

/// <summary>
/// Stores case records: one case with its persons written atomically, identity fields encrypted (ADR-004), updates
/// guarded by the case's version (ETag), creates made idempotent with an <c>Idempotency-Key</c> (ADR-007).
/// </summary>
public interface ICaseRepository
{
    /// <summary>Adds a new case with its persons, and the idempotency record when one is given, in one transaction.</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The owning agency code. Cannot be <see langword="null"/>.</param>
    /// <param name="idempotency">The idempotency record, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened; nothing is written unless the outcome is <see cref="CaseCreateOutcome.Created"/>.</returns>
    /// <exception cref="Domain.Common.DomainValidationException">The case has more persons than one transaction can
    /// hold (see <see cref="CaseStorageLimits.MaxPersonsPerCase"/>).</exception>
    /// <exception cref="IdentityProtectionException">The case holds identity values and no identity key is configured
    /// (writes of identity fail closed).</exception>
    Task<CaseCreateResult> AddAsync(CaseRecord record, string ownerAgency, IdempotencyClaim? idempotency, CancellationToken cancellationToken = default);

    /// <summary>Reads a case with its persons, identity decrypted.</summary>
    /// <param name="id">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case, or <see langword="null"/> when none is stored under the id.</returns>
    /// <exception cref="IdentityProtectionException">Identity is stored and cannot be decrypted (no key, an unknown key
    /// id, or a value moved or altered: the authenticated encryption refuses it).</exception>
    Task<StoredCase?> GetAsync(CaseId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a case's summary from its case row only (no persons, nothing decrypted).</summary>
    /// <param name="id">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summary, or <see langword="null"/> when none is stored under the id.</returns>
    Task<CaseSummary?> GetSummaryAsync(CaseId id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored case (case row and person rows) if it is still at the version read.</summary>
    /// <param name="record">The changed case. Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The owning agency code. Cannot be <see langword="null"/>.</param>
    /// <param name="etag">The version read (<see cref="StoredCase.ETag"/>). Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="ConcurrencyConflictException">The case changed since it was read, or no longer exists.</exception>
    Task<string> UpdateAsync(CaseRecord record, string ownerAgency, string etag, CancellationToken cancellationToken = default);

    /// <summary>Lists case summaries that satisfy a specification, in partition-key order, after a position.</summary>
    /// <param name="specification">The filter, evaluated in memory (no caller text reaches the storage query).
    /// Cannot be <see langword="null"/>.</param>
    /// <param name="resumeAfter">The position returned by the previous page, or <see langword="null"/> to start.</param>
    /// <param name="limit">The most items to return, in [1, 100].</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page; a page may hold fewer than <paramref name="limit"/> items and still have a continuation
    /// (the scan per page is bounded).</returns>
    Task<CaseSummaryPage> ListAsync(ISpecification<CaseSummary> specification, string? resumeAfter, int limit, CancellationToken cancellationToken = default);
}

/// <summary>The limits of case storage.</summary>
public static class CaseStorageLimits
{
    /// <summary>The most persons (victims, suspects and witnesses together) one case may hold: a case and its persons
    /// are written in one Table Storage transaction of at most 100 entities, with the case row and the idempotency
    /// record (docs/sources.md#azure-table-storage; ADR-007).</summary>
    public const int MaxPersonsPerCase = 98;
}

/// <summary>Thrown when a write is refused because the stored data changed since it was read (an ETag mismatch,
/// HTTP 412 Precondition Failed): read again, decide again, write again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What changed (no personal data).</param>
    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public ConcurrencyConflictException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What changed.</param>
    /// <param name="innerException">The storage error.</param>
    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Thrown when identity fields must be encrypted or decrypted and cannot be: no identity key is configured
/// (<c>TaskForce:IdentityKey</c>), the stored key id is unknown, or a stored value fails authentication. Identity is
/// never written or shown unprotected instead (fail closed; ADR-004).</summary>
public sealed class IdentityProtectionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong (never an identity value).</param>
    public IdentityProtectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public IdentityProtectionException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public IdentityProtectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
