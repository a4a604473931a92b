using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;

namespace TaskForce.Storage;

/// <summary>
/// The access log in table <c>accesslog</c> (ADR-022): each entry is written twice, insert-only, with the same row key
/// <c>{Unix ticks:D19}|{entry id}</c>: once in the case's partition <c>c|{case}</c> (the per-case listing is one
/// partition read) and once in the partition of its business date <c>d{yyyy-MM-dd}</c> in the district zone (a
/// period listing is one range of partitions). Columns: who, agency, roles, operation code, case id, when. No value
/// of any person is ever written here.
/// </summary>
/// <param name="tables">The tables.</param>
/// <param name="zone">The district zone (business dates of the day partitions).</param>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class TableAccessLog(TaskForceTables tables, DateTimeZone zone) : IAccessLog
{
    /// <inheritdoc/>
    /// <remarks>The case row is written first, then the day row; the two are in different partitions, so a failure
    /// between them leaves the entry in the case's listing only (the error reaches the caller, who gets no identity).</remarks>
    public async Task AddAsync(AccessLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string row = TableKeys.AccessLogRow(entry.At, entry.Id);
        LocalDate day = entry.At.InZone(zone).Date;
        await tables.AccessLog.AddEntityAsync(ToRow(TableKeys.AccessLogCasePartition(entry.CaseId), row, entry), cancellationToken).ConfigureAwait(false);
        await tables.AccessLog.AddEntityAsync(ToRow(TableKeys.AccessLogDayPartition(day), row, entry), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<AccessLogSlice> ListByCaseAsync(string caseId, string? resumeAfter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        string partition = TableKeys.AccessLogCasePartition(caseId);
        string filter = resumeAfter is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {resumeAfter}");
        return ReadAsync(filter, limit, r => r.RowKey, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<AccessLogSlice> ListByPeriodAsync(LocalDate first, LocalDate last, string? resumeAfter, int limit, CancellationToken cancellationToken = default)
    {
        string low = TableKeys.AccessLogDayPartition(first);
        string high = TableKeys.AccessLogDayPartition(last);
        string filter;
        if (resumeAfter is null)
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey le {high}");
        }
        else
        {
            int bar = resumeAfter.IndexOf(TableKeys.Separator, StringComparison.Ordinal);
            string pk = bar > 0 ? resumeAfter[..bar] : throw new ArgumentException("Not a position of this log.", nameof(resumeAfter));
            string rk = resumeAfter[(bar + 1)..];
            filter = TableClient.CreateQueryFilter($"(PartitionKey eq {pk} and RowKey gt {rk}) or (PartitionKey gt {pk} and PartitionKey le {high})");
        }

        return ReadAsync(filter, limit, r => r.PartitionKey + TableKeys.Separator + r.RowKey, cancellationToken);
    }

    private static TableEntity ToRow(string partition, string row, AccessLogEntry e) => new(partition, row)
    {
        ["EntryId"] = e.Id,
        ["UserId"] = e.UserId,
        ["Agency"] = e.Agency,
        ["Roles"] = string.Join(',', e.Roles),
        ["Operation"] = e.Operation.ToString(),
        ["CaseId"] = e.CaseId,
        ["AtText"] = InstantPattern.ExtendedIso.Format(e.At),
        ["At"] = e.At.ToDateTimeOffset(),
    };

    private async Task<AccessLogSlice> ReadAsync(string filter, int limit, Func<TableEntity, string> position, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var items = new List<AccessLogEntry>(limit);
        string? last = null;
        bool more = false;
        await foreach (var r in tables.AccessLog.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit + 1, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(new AccessLogEntry(
                r.GetString("EntryId") ?? string.Empty,
                InstantPattern.ExtendedIso.Parse(r.GetString("AtText") ?? string.Empty).GetValueOrThrow(),
                r.GetString("UserId") ?? string.Empty,
                r.GetString("Agency"),
                (r.GetString("Roles") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                Enum.Parse<AccessOperation>(r.GetString("Operation") ?? string.Empty, ignoreCase: false),
                r.GetString("CaseId") ?? string.Empty));
            last = position(r);
        }

        return new AccessLogSlice(items, more ? last : null);
    }
}
