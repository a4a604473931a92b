using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Application.Resources;

namespace TaskForce.Application.AccessLog;

/// <summary>One access-log entry as listed: who, agency, roles, when, what, which case; never a value.</summary>
/// <param name="At">When (UTC instant).</param>
/// <param name="UserId">The staff account.</param>
/// <param name="Agency">The agency the caller acted for, or <see langword="null"/>.</param>
/// <param name="Roles">The caller's role codes.</param>
/// <param name="Operation">The operation code: <c>read_identity</c>, <c>read_history_identity</c>,
/// <c>subject_access_export</c> or <c>export_identity</c>.</param>
/// <param name="CaseId">The case.</param>
public sealed record AccessLogItem(Instant At, string UserId, string? Agency, IReadOnlyList<string> Roles, string Operation, string CaseId)
{
    internal static AccessLogItem From(AccessLogEntry e) =>
        new(e.At, e.UserId, e.Agency, e.Roles, JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Operation.ToString()), e.CaseId);
}

/// <summary>One page of the access log (<c>GET /cases/{id}/access-log</c>, <c>GET /access-log</c>).</summary>
/// <param name="Items">The entries, oldest first.</param>
/// <param name="NextCursor">The opaque cursor of the next page, or <see langword="null"/> when there is none.</param>
public sealed record AccessLogPage(IReadOnlyList<AccessLogItem> Items, string? NextCursor);

/// <summary>Writes access-log entries for the use cases that show or export identity (ADR-022).</summary>
/// <param name="log">The access log.</param>
/// <param name="clock">The clock stamping the entries.</param>
public sealed class AccessLogRecorder(IAccessLog log, IClock clock)
{
    /// <summary>Appends one entry for a caller's access to a case.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">What was done.</param>
    /// <param name="caseId">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored. A failure propagates: the identity is not handed out
    /// unrecorded.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Task RecordAsync(Caller caller, AccessOperation operation, string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(caseId);
        var roles = caller.Roles.Select(CallerClaims.ToCode).Order(StringComparer.Ordinal).ToList();
        var entry = new AccessLogEntry(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), clock.GetCurrentInstant(), caller.UserId, caller.Agency, roles, operation, caseId);
        return log.AddAsync(entry, cancellationToken);
    }
}

/// <summary>
/// Reads the access log for the task-force coordinator (ADR-022): every identity read and export of one case, or of a
/// period of business dates (district zone), oldest first, paged by an opaque cursor bound to the query.
/// </summary>
/// <param name="log">The access log.</param>
/// <param name="cases">The case store (a case's log is listed only for a stored case).</param>
public sealed class ReadAccessLogUseCase(IAccessLog log, ICaseRepository cases)
{
    /// <summary>The page size when none is asked.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The longest period listed in one query, in days.</summary>
    public const int MaxPeriodDays = 366;

    /// <summary>Lists the access log of one case.</summary>
    /// <param name="id">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="limit">The page size in [1, <see cref="MaxLimit"/>], or <see langword="null"/> for <see cref="DefaultLimit"/>.</param>
    /// <param name="cursor">The previous page's cursor, or <see langword="null"/>.</param>
    /// <param name="caller">The coordinator. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, or <see langword="null"/> when no case has the id.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AccessDeniedException">The caller is not the task-force coordinator.</exception>
    /// <exception cref="DomainValidationException">Bad id (<c>id</c>), limit (<c>limit</c>) or cursor (<c>cursor</c>).</exception>
    public async Task<AccessLogPage?> ForCaseAsync(string id, int? limit, string? cursor, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        Demand(caller);
        var caseId = CaseId.Parse(id, "id");
        int n = Limit(limit);
        string scope = "case|" + caseId.Value;
        string? after = cursor is null ? null : Decode(cursor, scope);
        if (await cases.GetSummaryAsync(caseId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var slice = await log.ListByCaseAsync(caseId.Value, after, n, cancellationToken).ConfigureAwait(false);
        return Page(slice, scope);
    }

    /// <summary>Lists the access log of a period of business dates.</summary>
    /// <param name="from">The first business date (district zone); required.</param>
    /// <param name="to">The last business date; required; not before <paramref name="from"/>, at most
    /// <see cref="MaxPeriodDays"/> days in all.</param>
    /// <param name="limit">The page size in [1, <see cref="MaxLimit"/>], or <see langword="null"/>.</param>
    /// <param name="cursor">The previous page's cursor, or <see langword="null"/>.</param>
    /// <param name="caller">The coordinator. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessDeniedException">The caller is not the task-force coordinator.</exception>
    /// <exception cref="DomainValidationException">A date is missing (<c>from</c>, <c>to</c>), reversed or the period is
    /// too long (<c>to</c>), or the limit or cursor is bad.</exception>
    public async Task<AccessLogPage> ForPeriodAsync(LocalDate? from, LocalDate? to, int? limit, string? cursor, Caller caller, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        LocalDate first = from ?? throw new DomainValidationException("from", AccessText.AccessLogFromYYYYMMDD);
        LocalDate last = to ?? throw new DomainValidationException("to", AccessText.AccessLogYYYYMMDDRequired);
        if (last < first)
        {
            throw new DomainValidationException("to", Texts.Format(AccessText.AccessLogBeforeFrom, last, first));
        }

        if (Period.Between(first, last, PeriodUnits.Days).Days + 1 > MaxPeriodDays)
        {
            throw new DomainValidationException("to", Texts.Format(AccessText.AccessLogPeriodListsAtMost, MaxPeriodDays));
        }

        int n = Limit(limit);
        string scope = $"period|{first:uuuu-MM-dd}|{last:uuuu-MM-dd}";
        string? after = cursor is null ? null : Decode(cursor, scope);
        var slice = await log.ListByPeriodAsync(first, last, after, n, cancellationToken).ConfigureAwait(false);
        return Page(slice, scope);
    }

    private static void Demand(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsCoordinator)
        {
            throw new AccessDeniedException(AccessText.AccessLogOnlyTaskForceCoordinator);
        }
    }

    private static int Limit(int? limit)
    {
        int n = limit ?? DefaultLimit;
        return n is < 1 or > MaxLimit ? throw new DomainValidationException("limit", Texts.Format(AccessText.AccessLogLimitMust, MaxLimit)) : n;
    }

    private static AccessLogPage Page(AccessLogSlice slice, string scope) =>
        new([.. slice.Items.Select(AccessLogItem.From)], slice.ResumeAfter is null ? null : Encode(slice.ResumeAfter, scope));

    private static string Encode(string after, string scope) => Serialization.PageCursor.Encode(after, scope);

    private static string Decode(string cursor, string scope) => Serialization.PageCursor.Decode(cursor, scope, AccessText.AccessLogCursorOther);
}
