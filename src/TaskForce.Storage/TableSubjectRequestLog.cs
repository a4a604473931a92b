using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;

namespace TaskForce.Storage;

/// <summary>
/// The log of requests of the person recorded in table <c>subjectrequests</c> (ADR-019): partition <c>request</c>,
/// row key <c>{19-digit reverse tick count}|{request id}</c> so a listing reads newest first. Columns: kind, outcome,
/// what the person was found by, who handled it and for which agency, when, the records touched (case and person ids)
/// and a reason code. No identity value is ever written here (the request's identifiers are not kept).
/// </summary>
/// <param name="tables">The tables.</param>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class TableSubjectRequestLog(TaskForceTables tables) : ISubjectRequestLog
{
    private const string Partition = "request";

    /// <inheritdoc/>
    public async Task AddAsync(SubjectRequestEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        long reverse = long.MaxValue - entry.At.ToUnixTimeTicks();
        var row = new TableEntity(Partition, string.Create(CultureInfo.InvariantCulture, $"{reverse:D19}{TableKeys.Separator}{entry.Id}"))
        {
            ["RequestId"] = entry.Id,
            ["RequestKind"] = Code(entry.Kind),
            ["Outcome"] = Code(entry.Outcome),
            ["MatchedBy"] = entry.MatchedBy,
            ["HandledBy"] = entry.HandledBy,
            ["Agency"] = entry.Agency,
            ["AtText"] = InstantPattern.ExtendedIso.Format(entry.At),
            ["At"] = entry.At.ToDateTimeOffset(),
            ["Records"] = JsonSerializer.Serialize(entry.Records),
            ["Detail"] = entry.Detail,
        };
        await tables.SubjectRequests.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SubjectRequestEntry>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var result = new List<SubjectRequestEntry>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in tables.SubjectRequests.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new SubjectRequestEntry(
                row.GetString("RequestId"),
                Parse<SubjectRequestKind>(row.GetString("RequestKind")),
                Parse<SubjectRequestOutcome>(row.GetString("Outcome")),
                row.GetString("MatchedBy"),
                row.GetString("HandledBy"),
                row.GetString("Agency"),
                InstantPattern.ExtendedIso.Parse(row.GetString("AtText") ?? string.Empty).GetValueOrThrow(),
                JsonSerializer.Deserialize<List<string>>(row.GetString("Records") ?? "[]") ?? [],
                row.GetString("Detail")));
            if (result.Count == limit)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The wire code of an enum member: its snake_case name.</summary>
    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static T Parse<T>(string? code)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Code(v) == code).Select(v => (T?)v).FirstOrDefault()
            ?? throw new InvalidDataException("A request-log row has an unknown code.");
}
