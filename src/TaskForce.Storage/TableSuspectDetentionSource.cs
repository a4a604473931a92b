using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;

namespace TaskForce.Storage;

/// <summary>The columns of a case row that serve the daily detention alerts (ADR-024).</summary>
internal static class SuspectDetentionColumns
{
    /// <summary>The latest release date by law over the case's suspects (ISO text, so a string comparison is a date
    /// comparison), or <see langword="null"/> when no suspect has a usable period.</summary>
    public static string? LatestReleaseByLaw(CaseRecord record)
    {
        LocalDate? latest = null;
        foreach (var s in record.Suspects)
        {
            if (record.CheckDetention(s.Id)?.ReleaseByLaw is { } release && (latest is null || release > latest))
            {
                latest = release;
            }
        }

        return latest is { } l ? LocalDatePattern.Iso.Format(l) : null;
    }
}

/// <summary>
/// Table Storage implementation of <see cref="ISuspectDetentionSource"/>: one filtered scan of the <c>case</c> rows of
/// the <c>cases</c> table on <c>DetentionReleaseByLaw ge {date}</c>, reading three columns (case id, offence date,
/// the suspects' detention JSON). No person row is read and nothing is decrypted.
/// </summary>
/// <param name="tables">The shared table clients.</param>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class TableSuspectDetentionSource(TaskForceTables tables) : ISuspectDetentionSource
{
    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredSuspectDetention> ListAsync(LocalDate releaseOnOrAfter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string from = LocalDatePattern.Iso.Format(releaseOnOrAfter);
        string filter = TableClient.CreateQueryFilter($"RowKey eq {TableKeys.CaseRow} and DetentionReleaseByLaw ge {from}");
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, select: ["CaseId", "OffenceDate", "SuspectDetentions"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            string? json = row.GetString("SuspectDetentions");
            if (json is null)
            {
                continue;
            }

            LocalDate? offence = row.GetString("OffenceDate") is { } o ? LocalDatePattern.Iso.Parse(o).GetValueOrThrow() : null;
            var suspects = JsonSerializer.Deserialize<List<PersonState<SuspectDetentionState>>>(json, TaskForceJson.Options) ?? [];
            foreach (var s in suspects)
            {
                yield return new StoredSuspectDetention(row.GetString("CaseId") ?? row.PartitionKey, s.Id, offence, s.Person);
            }
        }
    }
}
