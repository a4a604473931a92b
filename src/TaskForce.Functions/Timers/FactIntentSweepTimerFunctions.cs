using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using TaskForce.Application.Snapshots;

namespace TaskForce.Functions.Timers;

/// <summary>
/// The daily sweep of the counting read model's stale write intents (ADR-012): an intent left by a writer that stopped
/// makes readers count its case the slow way (from its partition) until it is cleared; this run projects each such case
/// again and removes intents older than <c>TaskForce:IntentSweepMinutes</c> (default 60). It runs on the daily alert
/// schedule (<c>TaskForce:DailyAlertSchedule</c>, a UTC NCRONTAB), so no further setting is needed. A second run finds
/// nothing to do; a run that stops midway leaves the rest for the next.
/// </summary>
/// <param name="sweep">The sweep use case (the age configured).</param>
/// <param name="logger">The logger (counts only).</param>
public sealed partial class FactIntentSweepTimerFunctions(SweepStaleIntentsUseCase sweep, ILogger<FactIntentSweepTimerFunctions> logger)
{
    /// <summary>Projects the cases of stale intents again and removes those intents.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is <see langword="null"/>.</exception>
    [Function("FactIntentSweep")]
    public async Task<IntentSweepRun> RunAsync(
        [TimerTrigger("%TaskForce:DailyAlertSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var run = await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
        LogRun(logger, run.Stale, run.Cases, run.Cleared, run.Young);
        return run;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Intent sweep: {Stale} stale intents of {Cases} cases, {Cleared} cleared, {Young} younger left.")]
    private static partial void LogRun(ILogger logger, int stale, int cases, int cleared, int young);
}
