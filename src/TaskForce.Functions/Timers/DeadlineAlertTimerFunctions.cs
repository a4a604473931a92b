using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using TaskForce.Application.Alerts;

namespace TaskForce.Functions.Timers;

/// <summary>
/// The daily deadline run. The schedule is a UTC NCRONTAB (6 fields) from <c>TaskForce:DailyAlertSchedule</c>, e.g.
/// <c>0 0 0 * * *</c> = 00:00 UTC = 08:00 WITA (timer schedules are UTC on Linux Consumption plans,
/// docs/sources.md#azure-functions); the business date is computed in the district zone from the injected clock by the use case. Re-running for
/// the same day writes nothing new (alerts are insert-only with deterministic keys), which also covers timer retries
/// and a past-due run.
/// </summary>
/// <param name="alerts">The daily deadline use case.</param>
/// <param name="logger">The logger (counts only).</param>
public sealed partial class DeadlineAlertTimerFunctions(DailyDeadlineAlertsUseCase alerts, ILogger<DeadlineAlertTimerFunctions> logger)
{
    /// <summary>Finds the due and overdue deadlines of every workflow instance and writes the day's alerts.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What the run did.</returns>
    [Function("DailyDeadlineAlerts")]
    public async Task<DailyAlertRun> RunAsync(
        [TimerTrigger("%TaskForce:DailyAlertSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            LogPastDue(logger);
        }

        return await alerts.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "The daily deadline timer is past due; running for today's business date.")]
    private static partial void LogPastDue(ILogger logger);
}
