using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;

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

/// <summary>
/// Decides which agency an alert is addressed to (ADR-021): the case's owning agency; for workflow rows whose case row
/// is not stored (or not readable), the agency that started the workflow instance. Case assignment to a person is not
/// part of the model yet, so alerts are addressed to agencies only.
/// </summary>
/// <param name="cases">The case store.</param>
public sealed class AlertRouting(ICaseRepository cases)
{
    /// <summary>Returns the addressee of an alert of a workflow instance.</summary>
    /// <param name="workflow">The stored instance. Cannot be <see langword="null"/>.</param>
    /// <param name="owners">The owners read so far in this run, by case id (one run reads each case row once; a new
    /// run reads again, so a transfer of ownership is followed). Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>An agency code (lower case), or empty when neither the case nor the instance names one.</returns>
    public async Task<string> AgencyOfAsync(StoredWorkflow workflow, IDictionary<string, string?> owners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        string? owner = await OwnerOfAsync(workflow.CaseId, owners, cancellationToken).ConfigureAwait(false);
        string? agency = owner ?? (workflow.History.Count > 0 ? workflow.History[0].Agency : null);
        return agency?.Trim().ToLowerInvariant() ?? string.Empty;
    }

    /// <summary>Returns the addressee of an alert about a case itself (a suspect's release by law, ADR-024): the case's
    /// owning agency.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="owners">The owners read so far in this run, by case id. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>An agency code (lower case), or empty when the case row is not stored.</returns>
    public async Task<string> AgencyOfCaseAsync(string caseId, IDictionary<string, string?> owners, CancellationToken cancellationToken = default) =>
        (await OwnerOfAsync(caseId, owners, cancellationToken).ConfigureAwait(false))?.Trim().ToLowerInvariant() ?? string.Empty;

    private async Task<string?> OwnerOfAsync(string caseId, IDictionary<string, string?> owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(owners);
        if (!owners.TryGetValue(caseId, out var owner))
        {
            owner = null;
            try
            {
                owner = (await cases.GetSummaryAsync(CaseId.Parse(caseId), cancellationToken).ConfigureAwait(false))?.OwnerAgency;
            }
            catch (DomainValidationException)
            {
                // not a case id of the case store: the caller falls back
            }

            owners[caseId] = owner;
        }

        return owner;
    }
}
