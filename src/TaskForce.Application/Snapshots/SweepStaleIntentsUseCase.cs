using NodaTime;

namespace TaskForce.Application.Snapshots;

/// <summary>What a sweep of stale write intents did.</summary>
/// <param name="Stale">Intents older than the sweep's age found.</param>
/// <param name="Cases">Distinct cases among them, each projected again from storage.</param>
/// <param name="Cleared">Intents removed (each after its case was projected).</param>
/// <param name="Young">Intents left because they are younger than the age (a writer may still be running).</param>
public sealed record IntentSweepRun(int Stale, int Cases, int Cleared, int Young);

/// <summary>Clears the write intents of the counting read model left by writers that stopped (ADR-012 decision 3 and
/// "Bulk import"): each case with an intent older than <see cref="Age"/> is projected again from what storage holds now
/// (<see cref="CaseFactProjector.ProjectAsync"/>, compare-and-set), then those intents are removed. Run daily by the
/// <c>FactIntentSweep</c> timer; <c>taskforce rebuild-facts</c> does the same for every case.</summary>
/// <remarks>Safe against a writer still running: only intents older than the age are touched, and a writer's own
/// younger intent stays, so readers keep reading that case from its partition until that writer has projected. The age
/// must exceed the longest write (a function's <c>functionTimeout</c> is 10 minutes; a bulk-import chunk of 100 cases
/// takes seconds).</remarks>
/// <param name="projector">The projector (its store lists and removes the intents).</param>
/// <param name="clock">The clock.</param>
/// <param name="age">How old an intent must be to be swept; at least <see cref="MinimumAge"/>.</param>
public sealed class SweepStaleIntentsUseCase(CaseFactProjector projector, IClock clock, Duration age)
{
    /// <summary>The smallest accepted age: 10 minutes, the function app's <c>functionTimeout</c> (host.json).</summary>
    public static readonly Duration MinimumAge = Duration.FromMinutes(10);

    /// <summary>The default age: one hour.</summary>
    public static readonly Duration DefaultAge = Duration.FromHours(1);

    private readonly CaseFactProjector projector = projector ?? throw new ArgumentNullException(nameof(projector));
    private readonly IClock clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Gets how old an intent must be to be swept.</summary>
    /// <value>At least <see cref="MinimumAge"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The age given is below <see cref="MinimumAge"/>.</exception>
    public Duration Age { get; } = age >= MinimumAge ? age : throw new ArgumentOutOfRangeException(nameof(age), age, $"The intent sweep's age must be at least {MinimumAge}.");

    /// <summary>Projects every case with a stale intent again and removes those intents.</summary>
    /// <param name="cancellationToken">Cancels the sweep (what is done stays; the rest waits for the next run).</param>
    /// <returns>What the sweep did.</returns>
    /// <exception cref="Ports.ConcurrencyConflictException">Other writers kept changing a case's rows (its intents stay
    /// for the next run).</exception>
    public async Task<IntentSweepRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetCurrentInstant() - Age;
        var intents = await projector.Store.ListIntentsAsync(cancellationToken).ConfigureAwait(false);
        var stale = intents.Where(i => Instant.FromDateTimeOffset(i.CreatedAt) < cutoff).ToList();
        int cleared = 0;
        var byCase = stale.GroupBy(i => i.CaseId, StringComparer.Ordinal).ToList();
        foreach (var group in byCase)
        {
            // Project first, then remove: removed earlier, a reader could count rows older than the case's last write.
            await projector.ProjectAsync(group.Key, cancellationToken).ConfigureAwait(false);
            foreach (var intent in group)
            {
                await projector.Store.RemoveIntentAsync(intent.CaseId, intent.IntentId, cancellationToken).ConfigureAwait(false);
                cleared++;
            }
        }

        return new IntentSweepRun(stale.Count, byCase.Count, cleared, intents.Count - stale.Count);
    }
}
