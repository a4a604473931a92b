using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Alerts;

/// <summary>What handling one queue message did.</summary>
public enum AlertDeliveryOutcome
{
    /// <summary>Every configured channel has the alert (now or on an earlier attempt).</summary>
    Delivered = 1,

    /// <summary>The agency has no channel configured: the alert stays in the inbox only.</summary>
    NoChannel = 2,

    /// <summary>The last allowed attempt failed on some channel, or the message was not a valid alert message: it was
    /// put on the poison queue and the failed channels were recorded dead-lettered.</summary>
    DeadLettered = 3,
}

/// <summary>
/// Delivers one alert message from the queue (ADR-021): for each channel the agency has (e-mail, webhook) that has no
/// delivery record for the alert yet, sends the notice and records it delivered. A channel that fails leaves the
/// message to be retried by the queue (this method throws, the host makes the message visible again), and a retried
/// message skips the channels that already got it. On the last allowed attempt
/// (<see cref="AlertDeliveryOptions.MaxAttempts"/>) a failure puts the message on the poison queue and records the
/// failed channels dead-lettered instead of throwing.
/// </summary>
/// <param name="outbox">The delivery records.</param>
/// <param name="queue">The queue (for its poison queue).</param>
/// <param name="channels">The channels.</param>
/// <param name="options">The delivery settings.</param>
/// <param name="clock">The clock.</param>
/// <param name="logger">The logger (ids, codes and counts only).</param>
public sealed partial class DeliverAlertUseCase(
    IAlertOutbox outbox,
    IAlertMessageSender queue,
    IEnumerable<IAlertChannel> channels,
    AlertDeliveryOptions options,
    IClock clock,
    ILogger<DeliverAlertUseCase> logger)
{
    /// <summary>Handles one message.</summary>
    /// <param name="messageText">The message text as received. Cannot be <see langword="null"/>.</param>
    /// <param name="dequeueCount">How many times the queue has handed out the message, this time included (1 first).</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="AlertDeliveryFailedException">A channel failed and attempts remain: let the queue retry.</exception>
    public async Task<AlertDeliveryOutcome> DeliverAsync(string messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        AlertMessage message;
        try
        {
            message = AlertMessage.Parse(messageText);
        }
        catch (DomainValidationException ex)
        {
            LogMalformed(logger, ex.Field);
            await queue.DeadLetterAsync(messageText, cancellationToken).ConfigureAwait(false);
            return AlertDeliveryOutcome.DeadLettered;
        }

        var settings = options.For(message.Agency);
        var active = settings is null ? [] : channels.Where(c => c.Serves(settings)).ToList();
        if (settings is null || active.Count == 0)
        {
            LogNoChannel(logger, message.AlertId, message.Agency);
            return AlertDeliveryOutcome.NoChannel;
        }

        var notice = new AlertNotice(message, Link(message));
        var failed = new List<(string Channel, string Why)>();
        foreach (var channel in active)
        {
            if (await outbox.FindDeliveryAsync(message.BusinessDate, message.AlertId, channel.Code, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue; // settled on an earlier attempt: never sent twice
            }

            try
            {
                await channel.SendAsync(notice, settings, cancellationToken).ConfigureAwait(false);
            }
            catch (AlertChannelException ex)
            {
                failed.Add((channel.Code, ex.Message));
                LogChannelFailed(logger, message.AlertId, channel.Code, dequeueCount, ex.Message);
                continue;
            }

            await outbox.AddDeliveryAsync(new AlertDeliveryRecord(message.BusinessDate, message.AlertId, channel.Code, AlertDeliveryState.Delivered, clock.GetCurrentInstant(), dequeueCount), cancellationToken).ConfigureAwait(false);
        }

        if (failed.Count == 0)
        {
            return AlertDeliveryOutcome.Delivered;
        }

        if (dequeueCount < options.MaxAttempts)
        {
            throw new AlertDeliveryFailedException($"Alert {message.AlertId}: attempt {dequeueCount} of {options.MaxAttempts} failed on {string.Join(", ", failed.Select(f => f.Channel))}; the queue retries it.");
        }

        await queue.DeadLetterAsync(messageText, cancellationToken).ConfigureAwait(false);
        foreach (var (channel, _) in failed)
        {
            await outbox.AddDeliveryAsync(new AlertDeliveryRecord(message.BusinessDate, message.AlertId, channel, AlertDeliveryState.DeadLettered, clock.GetCurrentInstant(), dequeueCount), cancellationToken).ConfigureAwait(false);
        }

        LogDeadLettered(logger, message.AlertId, dequeueCount);
        return AlertDeliveryOutcome.DeadLettered;
    }

    private Uri Link(AlertMessage message)
    {
        string baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? "http://localhost" : options.PublicBaseUrl.TrimEnd('/');
        return new Uri($"{baseUrl}/api/cases/{Uri.EscapeDataString(message.CaseId)}/timeline", UriKind.Absolute);
    }

    [LoggerMessage(EventId = 53, Level = LogLevel.Error, Message = "An alert message is not valid (field {Field}); it goes to the poison queue")]
    private static partial void LogMalformed(ILogger logger, string field);

    [LoggerMessage(EventId = 54, Level = LogLevel.Information, Message = "Alert {AlertId}: agency {Agency} has no delivery channel; inbox only")]
    private static partial void LogNoChannel(ILogger logger, string alertId, string agency);

    [LoggerMessage(EventId = 55, Level = LogLevel.Warning, Message = "Alert {AlertId}: channel {Channel} failed on attempt {Attempt}: {Why}")]
    private static partial void LogChannelFailed(ILogger logger, string alertId, string channel, long attempt, string why);

    [LoggerMessage(EventId = 56, Level = LogLevel.Error, Message = "Alert {AlertId}: dead-lettered after {Attempts} attempts")]
    private static partial void LogDeadLettered(ILogger logger, string alertId, long attempts);
}

/// <summary>Thrown when a delivery attempt failed on some channel and the queue should retry the message (the
/// message names the alert id and the channels, never the content).</summary>
public sealed class AlertDeliveryFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public AlertDeliveryFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public AlertDeliveryFailedException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public AlertDeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
