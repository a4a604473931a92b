using NodaTime;

namespace TaskForce.Application.Ports;

/// <summary>What an access-log entry records (ADR-022). Reads and exports of identity only: changes are recorded by
/// the case history rows and the workflow audit events in the case's own partition (ADR-016, ADR-005).</summary>
public enum AccessOperation
{
    /// <summary><c>read_identity</c>: a case read with its identity fields shown (<c>GET /cases/{id}</c>).</summary>
    ReadIdentity = 1,

    /// <summary><c>read_history_identity</c>: a case history read with identity values or reasons shown
    /// (<c>GET /cases/{id}/history</c>).</summary>
    ReadHistoryIdentity = 2,

    /// <summary><c>subject_access_export</c>: a record of the case was exported to the person recorded (UU 27/2022
    /// Pasal 7; ADR-019).</summary>
    SubjectAccessExport = 3,

    /// <summary><c>export_identity</c>: an export that carries identity values (none of the indicator exports does:
    /// SIMFONI, HTCDS and CTDC are de-identified; reserved for identity-bearing exports).</summary>
    ExportIdentity = 4,
}

/// <summary>One access-log entry: who, for which agency and with which roles, when, what, on which case. Never a value
/// (UU 21/2007 Pasal 44; UU 27/2022).</summary>
/// <param name="Id">A random id (32 hex characters) that makes the entry's keys unique.</param>
/// <param name="At">When the access happened (UTC instant, from the injected clock).</param>
/// <param name="UserId">The staff account.</param>
/// <param name="Agency">The agency the caller acted for, or <see langword="null"/> when the principal carries none.</param>
/// <param name="Roles">The caller's role codes, sorted.</param>
/// <param name="Operation">What was done.</param>
/// <param name="CaseId">The case read or exported.</param>
public sealed record AccessLogEntry(string Id, Instant At, string UserId, string? Agency, IReadOnlyList<string> Roles, AccessOperation Operation, string CaseId);

/// <summary>One page of access-log entries.</summary>
/// <param name="Items">The entries, oldest first.</param>
/// <param name="ResumeAfter">The store's position to resume after, or <see langword="null"/> when there are no more.</param>
public sealed record AccessLogSlice(IReadOnlyList<AccessLogEntry> Items, string? ResumeAfter);

/// <summary>
/// The append-only access log (ADR-022): written wherever identity is read or exported, read by the coordinator per
/// case and per period. Implemented on Table Storage (table <c>accesslog</c>), one row per entry in the case's
/// partition and one in the partition of its business date.
/// </summary>
public interface IAccessLog
{
    /// <summary>Appends an entry (insert-only).</summary>
    /// <param name="entry">The entry. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when both rows are written.</returns>
    Task AddAsync(AccessLogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Lists the entries of one case, oldest first.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="resumeAfter">The position of the previous page, or <see langword="null"/>.</param>
    /// <param name="limit">The most entries, in [1, 1000].</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    Task<AccessLogSlice> ListByCaseAsync(string caseId, string? resumeAfter, int limit, CancellationToken cancellationToken = default);

    /// <summary>Lists the entries of a period of business dates (district zone), oldest first.</summary>
    /// <param name="first">The first business date.</param>
    /// <param name="last">The last business date, not before <paramref name="first"/>.</param>
    /// <param name="resumeAfter">The position of the previous page, or <see langword="null"/>.</param>
    /// <param name="limit">The most entries, in [1, 1000].</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    Task<AccessLogSlice> ListByPeriodAsync(LocalDate first, LocalDate last, string? resumeAfter, int limit, CancellationToken cancellationToken = default);
}
