using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Ports;

namespace TaskForce.Application.Alerts;

/// <summary>
/// The outbox of the alerts (ADR-021): the alert row itself is the outbox entry. It is written insert-only by the daily
/// run, unqueued; this dispatcher puts each unqueued alert of a day on the delivery queue and then marks it queued. A
/// second timer run finds nothing unqueued and sends nothing; a run that stopped between the send and the mark sends
/// that alert again on its next run, and the per-channel delivery records make the second message a no-op.
/// </summary>
/// <param name="outbox">The alert store's outbox side.</param>
/// <param name="queue">The delivery queue.</param>
/// <param name="clock">The clock.</param>
/// <param name="zone">The district zone.</param>
/// <param name="logger">The logger (ids and counts only).</param>
public sealed partial class AlertOutboxDispatcher(IAlertOutbox outbox, IAlertMessageSender queue, IClock clock, DateTimeZone zone, ILogger<AlertOutboxDispatcher> logger)
{
    /// <summary>Queues the day's unqueued alerts.</summary>
    /// <param name="businessDate">The business date.</param>
    /// <param name="cancellationToken">Cancels the run; what is not marked queued is sent on the next run.</param>
    /// <returns>How many alerts were queued now.</returns>
    /// <remarks>A queue that cannot be reached stops the dispatch for this run (logged, not thrown): the alerts stay
    /// unqueued and the next run sends them; the day's alert list is already stored either way.</remarks>
    public async Task<int> DispatchAsync(LocalDate businessDate, CancellationToken cancellationToken = default)
    {
        int queued = 0;
        foreach (var alert in await outbox.ListUnqueuedAsync(businessDate, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await queue.EnqueueAsync(AlertMessage.From(alert, zone).ToJson(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogQueueDown(logger, businessDate, alert.Id, ex);
                break;
            }

            await outbox.MarkQueuedAsync(alert, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            queued++;
        }

        return queued;
    }

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Alerts of {BusinessDate}: the delivery queue refused alert {AlertId}; the rest stay unqueued until the next run")]
    private static partial void LogQueueDown(ILogger logger, LocalDate businessDate, string alertId, Exception exception);
}
