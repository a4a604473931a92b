using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Functions.Timers;

/// <summary>
/// Scheduled snapshots: monthly, quarterly and annual. Schedules are UTC NCRONTAB (6 fields) from app settings
/// (<c>TaskForce:MonthlySnapshotSchedule</c>, <c>TaskForce:QuarterlySnapshotSchedule</c>,
/// <c>TaskForce:AnnualSnapshotSchedule</c>); the period is the last complete one before today's business date in the
/// district zone (<c>TaskForce:TimeZone</c>, Asia/Makassar by default, held by the use case), so a run at 17:00 UTC on 31 December (01:00 WITA on 1 January) covers the year just
/// ended, and one at 16:30 UTC on 31 March (00:30 WITA on 1 April) covers the first quarter. Each run stores one
/// immutable snapshot per configured region; re-running for the same period stores nothing new (same content, same
/// entity, same bytes).
/// </summary>
public sealed class SnapshotTimerFunctions
{
    private readonly SnapshotUseCase _snapshots;
    private readonly SnapshotTimerOptions _options;
    private readonly ILogger<SnapshotTimerFunctions> _logger;

    /// <summary>Creates the functions for the default regions (<c>*</c>).</summary>
    /// <param name="snapshots">The snapshot use case (the same code as <c>taskforce snapshot</c>), holding the district zone.</param>
    /// <param name="logger">The logger (counts only).</param>
    public SnapshotTimerFunctions(SnapshotUseCase snapshots, ILogger<SnapshotTimerFunctions> logger)
        : this(snapshots, SnapshotTimerOptions.Default, logger)
    {
    }

    /// <summary>Creates the functions.</summary>
    /// <param name="snapshots">The snapshot use case, holding the district zone.</param>
    /// <param name="options">The regions to snapshot (each checked against the Kemendagri list by the use case).</param>
    /// <param name="logger">The logger (counts only).</param>
    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public SnapshotTimerFunctions(SnapshotUseCase snapshots, SnapshotTimerOptions options, ILogger<SnapshotTimerFunctions> logger)
    {
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Writes the monthly snapshots for the last complete month.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One run per region, in the configured order.</returns>
    [Function("MonthlySnapshot")]
    public Task<IReadOnlyList<SnapshotRun>> RunMonthlyAsync(
        [TimerTrigger("%TaskForce:MonthlySnapshotSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) => RunAsync(PeriodKind.Month, timer, cancellationToken);

    /// <summary>Writes the quarterly snapshots for the last complete quarter.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One run per region, in the configured order.</returns>
    [Function("QuarterlySnapshot")]
    public Task<IReadOnlyList<SnapshotRun>> RunQuarterlyAsync(
        [TimerTrigger("%TaskForce:QuarterlySnapshotSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) => RunAsync(PeriodKind.Quarter, timer, cancellationToken);

    /// <summary>Writes the annual snapshots for the last complete year.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One run per region, in the configured order.</returns>
    [Function("AnnualSnapshot")]
    public Task<IReadOnlyList<SnapshotRun>> RunAnnualAsync(
        [TimerTrigger("%TaskForce:AnnualSnapshotSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) => RunAsync(PeriodKind.Year, timer, cancellationToken);

    private async Task<IReadOnlyList<SnapshotRun>> RunAsync(PeriodKind kind, TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            LogPastDue(_logger, kind.ToString(), null);
        }

        var period = _snapshots.LastCompletePeriod(kind);
        var runs = new List<SnapshotRun>();
        foreach (var region in _options.Regions)
        {
            var run = await _snapshots.ComputeAndStoreAsync(region, period, null, cancellationToken).ConfigureAwait(false);
            LogRun(_logger, region.Value, period.Label, run.Created, null);
            runs.Add(run);
        }

        return runs;
    }

    private static readonly Action<ILogger, string, Exception?> LogPastDue =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(10, "PastDue"), "The {Kind} snapshot timer is past due.");

    private static readonly Action<ILogger, string, string, bool, Exception?> LogRun =
        LoggerMessage.Define<string, string, bool>(LogLevel.Information, new EventId(11, "ScheduledSnapshot"), "Scheduled snapshot for region {Region} period {Period}: stored now = {Created}");
}
