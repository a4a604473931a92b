using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Ports;

/// <summary>One record of a person found by <see cref="IDataSubjectStore.FindAsync"/>: which case, which person.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="PersonId">The person's id in the case, e.g. <c>victim-2</c>.</param>
/// <param name="Role">The person's role: <c>victim</c>, <c>suspect</c> or <c>witness</c>.</param>
public sealed record DataSubjectMatch(string CaseId, string PersonId, string Role);

/// <summary>The storage side of requests of the person recorded (UU 27/2022; ADR-019): finding every record of one
/// person, and removing the identity values that live outside the case and person rows.</summary>
public interface IDataSubjectStore
{
    /// <summary>Finds every person row whose decrypted identity matches: the NIK, or (for victims, the only persons
    /// with a birth date) the normalised full name (<see cref="NameNormaliser.Normalise"/>) and the birth date.</summary>
    /// <param name="nationalIdNumber">The NIK (16 digits), or <see langword="null"/>.</param>
    /// <param name="normalisedName">The normalised full name, or <see langword="null"/>; used only with a birth date.</param>
    /// <param name="birthDate">The birth date, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The matches, in case and person order.</returns>
    /// <exception cref="IdentityProtectionException">A person row cannot be decrypted (fail closed: a request is not
    /// answered from part of the data).</exception>
    Task<IReadOnlyList<DataSubjectMatch>> FindAsync(string? nationalIdNumber, string? normalisedName, LocalDate? birthDate, CancellationToken cancellationToken = default);

    /// <summary>Removes a person's identity values from the rows of their case that keep them apart from the person
    /// row: the encrypted identity values and reasons of history rows about the person (history rows up to
    /// <paramref name="throughSequence"/>), the encrypted reasons of the person's workflow events and replayed answers,
    /// and the keyed fingerprints of the case's create requests (whose bodies held the identity). Run before the
    /// erasure is written, so a failure leaves the person findable and the request can be repeated.</summary>
    /// <param name="caseId">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="personId">The person. Cannot be <see langword="null"/>.</param>
    /// <param name="throughSequence">The last history row to scrub (the case's history count as read).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of rows rewritten.</returns>
    /// <exception cref="IdentityProtectionException">An encrypted history value cannot be decrypted.</exception>
    Task<int> ScrubAsync(string caseId, string personId, int throughSequence, CancellationToken cancellationToken = default);

    /// <summary>Reads how many history rows a case has written (its case row's history count).</summary>
    /// <param name="caseId">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count (0 for a case never amended).</returns>
    Task<int> HistoryCountAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>The kind of a request of the person recorded (UU 27/2022).</summary>
public enum SubjectRequestKind
{
    /// <summary>Access to the data held (Pasal 7). Wire code <c>access</c>.</summary>
    Access = 1,

    /// <summary>Correction of the data (Pasal 6), carried out through the case amendments. Wire code <c>correction</c>.</summary>
    Correction = 2,

    /// <summary>Erasure of the identity (Pasal 8). Wire code <c>erasure</c>.</summary>
    Erasure = 3,
}

/// <summary>What became of a request.</summary>
public enum SubjectRequestOutcome
{
    /// <summary>Carried out. Wire code <c>completed</c>.</summary>
    Completed = 1,

    /// <summary>No record of the person was found. Wire code <c>not_found</c>.</summary>
    NotFound = 2,

    /// <summary>Refused because a retention rule overrides erasure. Wire code <c>refused_retention</c>.</summary>
    RefusedRetention = 3,
}

/// <summary>One logged request (no identity value: who handled it, when, which kind, the outcome, the records
/// touched by case and person id).</summary>
/// <param name="Id">The request id (32 hex digits).</param>
/// <param name="Kind">The kind.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="MatchedBy">What the person was found by: <c>national_id_number</c> or <c>full_name_birth_date</c>.</param>
/// <param name="HandledBy">The coordinator's staff account id.</param>
/// <param name="Agency">The coordinator's agency, or <see langword="null"/>.</param>
/// <param name="At">When the request was handled (UTC instant).</param>
/// <param name="Records">The records touched, as <c>{case id}/{person id}</c>.</param>
/// <param name="Detail">The refusal's reason code or a note (no personal data), or <see langword="null"/>.</param>
public sealed record SubjectRequestEntry(string Id, SubjectRequestKind Kind, SubjectRequestOutcome Outcome, string MatchedBy, string HandledBy, string? Agency, Instant At, IReadOnlyList<string> Records, string? Detail);

/// <summary>The log of requests of the person recorded (table <c>subjectrequests</c>).</summary>
public interface ISubjectRequestLog
{
    /// <summary>Adds an entry (insert-only).</summary>
    /// <param name="entry">The entry. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    Task AddAsync(SubjectRequestEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Lists entries, newest first.</summary>
    /// <param name="limit">The most entries to return, in [1, 1000].</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<SubjectRequestEntry>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
