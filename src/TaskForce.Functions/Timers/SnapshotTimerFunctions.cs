using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Functions.Timers;

/// <summary>
/// Scheduled snapshots. Schedules are UTC NCRONTAB (6 fields) from app settings; the period is computed from the
/// business date in the district zone (Asia/Makassar), so a run at 17:00 UTC on 31 December (01:00 WITA on
/// 1 January) covers the year just ended. Re-running for the same period stores nothing new.
/// </summary>
/// <param name="snapshots">The snapshot use case (the same code as <c>taskforce snapshot</c>).</param>
/// <param name="zone">The district zone.</param>
/// <param name="logger">The logger (counts only).</param>
public sealed class SnapshotTimerFunctions(SnapshotUseCase snapshots, DateTimeZone zone, ILogger<SnapshotTimerFunctions> logger)
{
    /// <summary>Writes the annual snapshot of all records for the last complete year.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The stored snapshot run.</returns>
    [Function("AnnualSnapshot")]
    public async Task<SnapshotRun> RunAnnualAsync(
        [TimerTrigger("%TaskForce:AnnualSnapshotSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            LogPastDue(logger, null);
        }

        var period = snapshots.LastCompletePeriod(PeriodKind.Year, zone);
        var run = await snapshots.ComputeAndStoreAsync(RegionCode.All, period, null, cancellationToken).ConfigureAwait(false);
        LogRun(logger, period.Label, run.Created, null);
        return run;
    }

    private static readonly Action<ILogger, Exception?> LogPastDue =
        LoggerMessage.Define(LogLevel.Warning, new EventId(10, "PastDue"), "The annual snapshot timer is past due.");

    private static readonly Action<ILogger, string, bool, Exception?> LogRun =
        LoggerMessage.Define<string, bool>(LogLevel.Information, new EventId(11, "AnnualSnapshot"), "Annual snapshot for {Period}: stored now = {Created}");
}
