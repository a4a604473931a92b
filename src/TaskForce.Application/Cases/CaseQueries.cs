using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Cases.Specifications;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Cases;

/// <summary>A case read for a caller: the document (identity shown or redacted) and its version.</summary>
/// <param name="Document">The document.</param>
/// <param name="ETag">The version of the case (for <c>ETag</c> / <c>If-Match</c>).</param>
public sealed record CaseRead(CaseDocument Document, string ETag);

/// <summary>
/// Reads one case for a caller (<c>GET /cases/{id}</c>): identity is shown to the owning agency and the task-force
/// coordinator and redacted for everyone else, and every read of a case with identity is written to the audit log —
/// who, which agency, which case, when, shown or withheld — never the values (UU 21/2007 Pasal 44; ADR-004).
/// </summary>
/// <param name="cases">The case store.</param>
/// <param name="ties">The case's ties to agencies (ADR-020): who may read it, and its identity.</param>
/// <param name="clock">The clock stamping audit entries.</param>
/// <param name="logger">The audit logger (category <c>TaskForce.Application.Cases.GetCaseUseCase</c>).</param>
/// <param name="accessLog">The stored access log (ADR-022): every read with identity shown is appended before the case
/// is returned; <see langword="null"/> only in tests that do not look at it.</param>
public sealed class GetCaseUseCase(ICaseRepository cases, ICaseTiesStore ties, IClock clock, ILogger<GetCaseUseCase> logger, AccessLog.AccessLogRecorder? accessLog = null)
{
    /// <summary>The event id of an audit entry for identity shown to a caller.</summary>
    public static readonly EventId IdentityShown = new(30, "CaseIdentityShown");

    /// <summary>The event id of an audit entry for identity withheld (redacted) from a caller.</summary>
    public static readonly EventId IdentityWithheld = new(31, "CaseIdentityWithheld");

    private static readonly Action<ILogger, string, string, string, string, Instant, Exception?> LogShown =
        LoggerMessage.Define<string, string, string, string, Instant>(LogLevel.Information, IdentityShown,
            "Audit: identity fields of case {CaseId} shown to user {UserId} of agency {Agency} (roles {Roles}) at {At}");

    private static readonly Action<ILogger, string, string, string, string, Instant, Exception?> LogWithheld =
        LoggerMessage.Define<string, string, string, string, Instant>(LogLevel.Information, IdentityWithheld,
            "Audit: identity fields of case {CaseId} withheld from user {UserId} of agency {Agency} (roles {Roles}) at {At}");

    /// <summary>Reads a case.</summary>
    /// <param name="id">The case id as sent. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The authenticated caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case, or <see langword="null"/> when none is stored under the id.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The id is malformed (field <c>id</c>).</exception>
    /// <exception cref="AccessDeniedException">The caller may not read cases, or not this agency's case.</exception>
    /// <exception cref="IdentityProtectionException">The stored identity cannot be decrypted.</exception>
    public async Task<CaseRead?> ExecuteAsync(string id, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        var caseId = CaseId.Parse(id, "id");
        Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Read));
        var stored = await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var caseTies = await ties.ReadAsync(caseId.Value, cancellationToken).ConfigureAwait(false) ?? CaseTies.OwnedBy(stored.OwnerAgency);
        Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Read, caseTies));
        bool show = CaseAccessPolicy.MaySeeIdentity(caller, caseTies);
        if (CaseDocument.HasIdentity(stored.Record))
        {
            var log = show ? LogShown : LogWithheld;
            log(logger, caseId.Value, caller.UserId, caller.Agency ?? "-", caller.RoleCodes(), clock.GetCurrentInstant(), null);
            if (show && accessLog is not null)
            {
                await accessLog.RecordAsync(caller, AccessOperation.ReadIdentity, caseId.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        return new CaseRead(CaseDocument.From(stored.Record, stored.OwnerAgency, show), stored.ETag);
    }

    internal static void Demand(AccessDecision decision)
    {
        if (!decision.Allowed)
        {
            throw new AccessDeniedException(decision.Reason);
        }
    }
}

/// <summary>A listing request.</summary>
/// <param name="Filter">The filters.</param>
/// <param name="Limit">The most items per page, in [1, <see cref="ListCasesUseCase.MaxLimit"/>]; <see langword="null"/>
/// for <see cref="ListCasesUseCase.DefaultLimit"/>.</param>
/// <param name="Cursor">The cursor of the previous page, or <see langword="null"/> for the first page.</param>
public sealed record CaseListQuery(CaseListFilter Filter, int? Limit, string? Cursor);

/// <summary>One page of <c>GET /cases</c>.</summary>
/// <param name="Items">The cases (summaries: no person-level field).</param>
/// <param name="NextCursor">The opaque cursor of the next page, or <see langword="null"/> when there is none.</param>
public sealed record CaseListPage(IReadOnlyList<CaseSummary> Items, string? NextCursor);

/// <summary>
/// Lists cases with the named specifications (<see cref="CaseListSpec"/>) evaluated in memory over the case rows,
/// paged by an opaque cursor (ADR-007). Callers whose roles reach only their own agency see only its cases.
/// </summary>
/// <remarks>The cursor is base64url JSON holding the last key scanned and a fingerprint of the filters; a cursor
/// sent with other filters is refused, so a page never mixes two queries. A page may hold fewer items than the limit
/// (even none) and still have a next cursor: follow it until it is <see langword="null"/>.</remarks>
/// <param name="cases">The case store.</param>
public sealed class ListCasesUseCase(ICaseRepository cases)
{
    /// <summary>The page size when none is asked.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxLimit = 100;

    /// <summary>Lists one page.</summary>
    /// <param name="query">The query. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The authenticated caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The limit is outside [1, <see cref="MaxLimit"/>] (<c>limit</c>),
    /// the dates are reversed (<c>reported_from</c>), or the cursor is not one this listing handed out for these
    /// filters (<c>cursor</c>).</exception>
    /// <exception cref="AccessDeniedException">The caller may not list cases.</exception>
    public async Task<CaseListPage> ExecuteAsync(CaseListQuery query, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        var decision = CaseAccessPolicy.Decide(caller, CaseOperation.List);
        GetCaseUseCase.Demand(decision);
        int limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw new DomainValidationException("limit", Texts.Format(CasesAppText.CaseQueriesLimitMust, MaxLimit));
        }

        if (query.Filter.ReportedFrom is { } from && query.Filter.ReportedTo is { } to && from > to)
        {
            throw new DomainValidationException("reported_from", Texts.Format(CasesAppText.CaseQueriesReportedFromAfterReported, from, to));
        }

        var filter = decision.Scope == AccessScope.OwnAgency ? query.Filter with { OwnerAgency = caller.Agency } : query.Filter;
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(filter, TaskForceJson.Options)))[..16];
        string? after = query.Cursor is null ? null : DecodeCursor(query.Cursor, fingerprint);
        var page = await cases.ListAsync(new CaseListSpec(filter), after, limit, cancellationToken).ConfigureAwait(false);
        return new CaseListPage(page.Items, page.ResumeAfter is null ? null : EncodeCursor(page.ResumeAfter, fingerprint));
    }

    private static string EncodeCursor(string after, string fingerprint) =>
        Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Cursor(1, after, fingerprint), TaskForceJson.Options));

    private static string DecodeCursor(string cursor, string fingerprint)
    {
        Cursor? c = null;
        try
        {
            string b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            c = JsonSerializer.Deserialize<Cursor>(Convert.FromBase64String(b64), TaskForceJson.Options);
        }
        catch (FormatException)
        {
        }
        catch (JsonException)
        {
        }

        if (c is null || c.V != 1 || string.IsNullOrEmpty(c.After))
        {
            throw new DomainValidationException("cursor", CasesAppText.CaseQueriesCursorOneThisListing);
        }

        if (c.Filter != fingerprint)
        {
            throw new DomainValidationException("cursor", CasesAppText.CaseQueriesCursorBelongsListingWith);
        }

        return c.After;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Cursor(int V, string After, string Filter);
}

/// <summary>
/// Qualifies a stored case (<c>POST /cases/{id}/qualification</c>): the element test and the candidate charges with
/// their ranges, from the same rules as <c>taskforce qualify</c> (<see cref="CaseRecord.ToQualifyRequest"/>,
/// <see cref="TraffickingQualifier"/>). The result carries no identity.
/// </summary>
/// <param name="cases">The case store.</param>
/// <param name="ties">The case's ties to agencies (ADR-020).</param>
/// <param name="clock">The clock ("today" for the default judgment date).</param>
/// <param name="zone">The district zone.</param>
public sealed class QualifyCaseUseCase(ICaseRepository cases, ICaseTiesStore ties, IClock clock, DateTimeZone zone)
{
    /// <summary>Qualifies a stored case.</summary>
    /// <param name="id">The case id as sent. Cannot be <see langword="null"/>.</param>
    /// <param name="decisionDate">The date of judgment, if known (lex mitior, UU 1/2026 Pasal 3); today when absent.</param>
    /// <param name="caller">The authenticated caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The contract's <c>qualify</c> result, or <see langword="null"/> when no case has the id.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The id is malformed (<c>id</c>); <c>decision_date</c> is before the
    /// offence date; or the stored case cannot be qualified yet (e.g. <c>offence_date</c> not recorded).</exception>
    /// <exception cref="AccessDeniedException">The caller may not qualify this case.</exception>
    public async Task<QualificationResult?> ExecuteAsync(string id, LocalDate? decisionDate, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        var caseId = CaseId.Parse(id, "id");
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Qualify));
        var stored = await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var caseTies = await ties.ReadAsync(caseId.Value, cancellationToken).ConfigureAwait(false) ?? CaseTies.OwnedBy(stored.OwnerAgency);
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Qualify, caseTies));
        return TraffickingQualifier.Qualify(stored.Record.ToQualifyRequest(decisionDate), clock, new LegalEngineOptions { Zone = zone });
    }
}
