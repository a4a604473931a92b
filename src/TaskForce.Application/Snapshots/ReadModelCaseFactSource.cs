using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// The case-record indicator input from the counting read model (ADR-012): the fact rows of the period's years and of
/// the cases with a running deadline, in partition-range queries of 1,000 rows a page; cases with a write not yet
/// followed (an intent row) are read from the case partition instead, so nothing stale is counted.
/// </summary>
/// <param name="projector">The projector (reads pending cases the same way the rows are made).</param>
public sealed class ReadModelCaseFactSource(CaseFactProjector projector) : IPeriodCaseFactSource, IVictimListSource
{
    private ICaseFactStore Store => projector.Store;

    /// <inheritdoc/>
    /// <remarks>Every case reported up to the date, all years (no bound): prefer the period overload.</remarks>
    public async IAsyncEnumerable<VictimCaseFact> ListAsync(RegionCode region, LocalDate lastReportDate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        var years = Enumerable.Range(1900, lastReportDate.Year - 1900 + 1).Select(y => y.ToString("D4", CultureInfo.InvariantCulture));
        await foreach (var f in ReadAsync(region, [.. years], lastReportDate, cancellationToken).ConfigureAwait(false))
        {
            yield return f;
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<VictimCaseFact> ListForPeriodAsync(RegionCode region, ReportingPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        var years = Enumerable.Range(period.Start.Year, period.End.Year - period.Start.Year + 1)
            .Select(y => y.ToString("D4", CultureInfo.InvariantCulture)).Append(CaseFactProjection.Open);
        await foreach (var f in ReadAsync(region, [.. years], period.End, cancellationToken).ConfigureAwait(false))
        {
            yield return f;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="IdentityProtectionException">A stored entry cannot be decrypted.</exception>
    public async IAsyncEnumerable<VictimListEntry> ListAsync(RegionCode region, ReportingPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        var pending = await PendingAsync(cancellationToken).ConfigureAwait(false);
        for (int y = period.Start.Year; y <= period.End.Year; y++)
        {
            await foreach (var row in Store.ReadListEntriesAsync(y, region, cancellationToken).ConfigureAwait(false))
            {
                if (!pending.Contains(row.CaseId) && row.ReportedOn >= period.Start && row.ReportedOn <= period.End)
                {
                    yield return row.Entry;
                }
            }
        }

        foreach (string id in pending.Order(StringComparer.Ordinal))
        {
            var p = await projector.ReadAsync(id, cancellationToken).ConfigureAwait(false);
            if (p is null || !region.Covers(p.Region) || p.Facts.Count == 0)
            {
                continue;
            }

            var reportedOn = DistrictTime.BusinessDate(p.Facts[0].ReportedAt, projector.Zone);
            if (reportedOn >= period.Start && reportedOn <= period.End)
            {
                foreach (var e in p.ListEntries)
                {
                    yield return e;
                }
            }
        }
    }

    private async Task<HashSet<string>> PendingAsync(CancellationToken cancellationToken) =>
        [.. (await Store.ListIntentsAsync(cancellationToken).ConfigureAwait(false)).Select(i => i.CaseId)];

    private async IAsyncEnumerable<VictimCaseFact> ReadAsync(RegionCode region, IReadOnlyList<string> years, LocalDate lastReportDate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(cancellationToken).ConfigureAwait(false);
        var byCase = new Dictionary<string, (string Partition, List<VictimCaseFact> Facts)>(StringComparer.Ordinal);
        foreach (string year in years)
        {
            await foreach (var row in Store.ReadFactsAsync(year, region, cancellationToken).ConfigureAwait(false))
            {
                if (pending.Contains(row.CaseId) || !region.Covers(row.Fact.Region))
                {
                    continue;
                }

                if (row.KeyId != Store.KeyId)
                {
                    throw new InvalidOperationException(
                        $"Fact rows of case {row.CaseId} were keyed with person-key secret {row.KeyId}, not the current {Store.KeyId} (identity key rotated?): run 'taskforce rebuild-facts' before computing snapshots (ADR-012).");
                }

                if (!byCase.TryGetValue(row.CaseId, out var entry))
                {
                    entry = (row.Partition, []);
                    byCase.Add(row.CaseId, entry);
                }

                if (entry.Partition == row.Partition)
                {
                    entry.Facts.Add(row.Fact); // a case's rows are the same in every partition it is in: keep one copy
                }
            }
        }

        foreach (string id in pending)
        {
            var p = await projector.ReadAsync(id, cancellationToken).ConfigureAwait(false);
            if (p is not null && region.Covers(p.Region))
            {
                byCase[id] = (string.Empty, [.. p.Facts]);
            }
        }

        foreach (var (_, (_, facts)) in byCase.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (facts.Count > 0 && DistrictTime.BusinessDate(facts[0].ReportedAt, projector.Zone) <= lastReportDate)
            {
                foreach (var f in facts)
                {
                    yield return f;
                }
            }
        }
    }
}
