using Ardalis.Specification;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;

namespace TaskForce.Application.Snapshots;

/// <summary>What a rebuild did.</summary>
/// <param name="Cases">Cases projected.</param>
/// <param name="RowsRemoved">Rows deleted because no case places them there any more.</param>
/// <param name="IntentsCleared">Intents older than the rebuild's start removed.</param>
public sealed record RebuildFactsReport(int Cases, int RowsRemoved, int IntentsCleared);

/// <summary>Recomputes every row of the counting read model from the stored cases and workflows
/// (<c>taskforce rebuild-facts</c>; ADR-012): after an identity-key rotation, a change of the mapping or counting rules,
/// or to clear intents left by writers that stopped.</summary>
/// <param name="cases">The case store (undecorated).</param>
/// <param name="projector">The projector.</param>
/// <param name="clock">The clock.</param>
public sealed class RebuildFactsUseCase(ICaseRepository cases, CaseFactProjector projector, IClock clock)
{
    /// <summary>How old an intent must be for the rebuild to clear it: a writer still running is younger.</summary>
    public static readonly Duration IntentGrace = Duration.FromMinutes(5);

    /// <summary>Rebuilds every row.</summary>
    /// <param name="cancellationToken">Cancels the work (what is done stays; run it again).</param>
    /// <returns>The report.</returns>
    public async Task<RebuildFactsReport> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetCurrentInstant();
        var intents = await projector.Store.ListIntentsAsync(cancellationToken).ConfigureAwait(false);
        var placed = new HashSet<(string Partition, string CaseId)>();
        var ids = new List<string>();
        string? resume = null;
        do
        {
            var page = await cases.ListAsync(new AllCases(), resume, 100, cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.Items.Select(s => s.Id));
            resume = page.ResumeAfter;
        }
        while (resume is not null);

        foreach (string id in ids)
        {
            await projector.ProjectAsync(id, cancellationToken).ConfigureAwait(false);
            var marker = await projector.Store.GetMarkerAsync(id, cancellationToken).ConfigureAwait(false);
            foreach (string p in marker?.Partitions ?? [])
            {
                placed.Add((p, id));
            }
        }

        int removed = 0;
        var stray = new List<(string Partition, string RowKey)>();
        await foreach (var (partition, rowKey, caseId) in projector.Store.ListAllRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!placed.Contains((partition, caseId)))
            {
                stray.Add((partition, rowKey));
            }
        }

        foreach (var (partition, rowKey) in stray)
        {
            await projector.Store.DeleteRowAsync(partition, rowKey, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        int cleared = 0;
        foreach (var intent in intents.Where(i => Instant.FromDateTimeOffset(i.CreatedAt) < started - IntentGrace))
        {
            await projector.Store.RemoveIntentAsync(intent.CaseId, intent.IntentId, cancellationToken).ConfigureAwait(false);
            cleared++;
        }

        return new RebuildFactsReport(ids.Count, removed, cleared);
    }

    private sealed class AllCases : Specification<CaseSummary>
    {
    }
}
