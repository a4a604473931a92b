using NodaTime;
using TaskForce.Application.Alerts;

namespace TaskForce.Application.Ports;

/// <summary>What happened to one alert on one delivery channel (ADR-021).</summary>
public enum AlertDeliveryState
{
    /// <summary><c>delivered</c>: the channel accepted the message (SMTP server accepted it; webhook answered 2xx).</summary>
    Delivered = 1,

    /// <summary><c>dead_lettered</c>: every attempt failed; the message went to the poison queue.</summary>
    DeadLettered = 2,
}

/// <summary>One delivery record: an alert, a channel, what happened, when, after how many attempts.</summary>
/// <param name="BusinessDate">The alert's business date.</param>
/// <param name="AlertId">The alert id (<see cref="AlertIds"/>).</param>
/// <param name="Channel">The channel code: <c>email</c> or <c>webhook</c>.</param>
/// <param name="State">Delivered or dead-lettered.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Attempt">The queue's dequeue count of the message at that time (1 for the first attempt).</param>
public sealed record AlertDeliveryRecord(LocalDate BusinessDate, string AlertId, string Channel, AlertDeliveryState State, Instant At, long Attempt);

/// <summary>
/// The outbox side of the alert store (ADR-021): which alerts of a day still wait to be put on the delivery queue,
/// marking them queued, and the per-channel delivery records that make a redelivered message skip a channel that
/// already got it. Implemented on the same table as <see cref="IAlertRepository"/>.
/// </summary>
public interface IAlertOutbox
{
    /// <summary>Lists the alerts of a day written but not yet put on the queue.</summary>
    /// <param name="businessDate">The business date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The waiting alerts, in key order.</returns>
    Task<IReadOnlyList<DeadlineAlert>> ListUnqueuedAsync(LocalDate businessDate, CancellationToken cancellationToken = default);

    /// <summary>Marks an alert as put on the queue (a merge of its row; nothing else changes).</summary>
    /// <param name="alert">The alert. Cannot be <see langword="null"/>.</param>
    /// <param name="at">When it was queued.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark is stored.</returns>
    Task MarkQueuedAsync(DeadlineAlert alert, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Finds the delivery record of an alert on a channel.</summary>
    /// <param name="businessDate">The alert's business date.</param>
    /// <param name="alertId">The alert id.</param>
    /// <param name="channel">The channel code.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/> when the channel has not been settled for the alert.</returns>
    Task<AlertDeliveryRecord?> FindDeliveryAsync(LocalDate businessDate, string alertId, string channel, CancellationToken cancellationToken = default);

    /// <summary>Adds a delivery record, insert-only: a record already stored for the alert and channel is kept.</summary>
    /// <param name="record">The record. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when written now.</returns>
    Task<bool> AddDeliveryAsync(AlertDeliveryRecord record, CancellationToken cancellationToken = default);

    /// <summary>Lists the delivery records of a day's alerts.</summary>
    /// <param name="businessDate">The business date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<AlertDeliveryRecord>> ListDeliveriesAsync(LocalDate businessDate, CancellationToken cancellationToken = default);

    /// <summary>Finds one alert by its id.</summary>
    /// <param name="alertId">The alert id; its date names the partition.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alert, or <see langword="null"/> when no alert has this id.</returns>
    Task<DeadlineAlert?> FindAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>Records an acknowledgement on the alert's row, once: a second acknowledgement keeps the first.</summary>
    /// <param name="alert">The stored alert. Cannot be <see langword="null"/>.</param>
    /// <param name="at">When.</param>
    /// <param name="userId">The staff account id of the person acknowledging.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The alert as stored afterwards.</returns>
    Task<DeadlineAlert> AcknowledgeAsync(DeadlineAlert alert, Instant at, string userId, CancellationToken cancellationToken = default);
}

/// <summary>The delivery queue (Azure Storage Queue): one message per alert, and its poison queue (ADR-021).</summary>
public interface IAlertMessageSender
{
    /// <summary>Puts a message on the delivery queue.</summary>
    /// <param name="messageJson">The message (<see cref="AlertMessage"/> as JSON). Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the queue accepted the message.</returns>
    Task EnqueueAsync(string messageJson, CancellationToken cancellationToken = default);

    /// <summary>Puts a message that could not be delivered on the poison queue (<c>{queue}-poison</c>).</summary>
    /// <param name="messageJson">The message text as received. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the poison queue accepted it.</returns>
    Task DeadLetterAsync(string messageJson, CancellationToken cancellationToken = default);
}

/// <summary>One way an alert reaches an agency: e-mail or the agency's webhook (ADR-021).</summary>
public interface IAlertChannel
{
    /// <summary>Gets the channel code stored in delivery records.</summary>
    /// <value><c>email</c> or <c>webhook</c>.</value>
    string Code { get; }

    /// <summary>Tells whether the agency's settings configure this channel.</summary>
    /// <param name="settings">The agency's settings. Cannot be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the channel has an address for the agency.</returns>
    bool Serves(AgencyAlertSettings settings);

    /// <summary>Sends one notice.</summary>
    /// <param name="notice">What to send (ids, codes, dates, a link and the bilingual text only). Cannot be <see langword="null"/>.</param>
    /// <param name="settings">The agency's settings. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the receiver accepted the notice.</returns>
    /// <exception cref="AlertChannelException">The receiver refused it or could not be reached (the message names the
    /// channel and the status, never the content).</exception>
    Task SendAsync(AlertNotice notice, AgencyAlertSettings settings, CancellationToken cancellationToken = default);
}
