using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Alerts;

namespace TaskForce.Functions.Queues;

/// <summary>
/// Delivers the alerts put on the delivery queue by the daily deadline run (ADR-021): one message per alert, handed to
/// <see cref="DeliverAlertUseCase"/> with its dequeue count. When a channel fails and attempts remain, the use case
/// throws and the host makes the message visible again after the queue extension's back-off; on the last attempt
/// (<c>TaskForce:Alerts:MaxAttempts</c>, kept below host.json's <c>maxDequeueCount</c>) it moves the message to
/// <c>{queue}-poison</c> itself and records the failed channels, so the dead letter is visible per channel.
/// </summary>
/// <param name="deliver">The delivery use case.</param>
public sealed class AlertDeliveryQueueFunctions(DeliverAlertUseCase deliver)
{
    /// <summary>Handles one queue message.</summary>
    /// <param name="message">The message (its text and dequeue count).</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="AlertDeliveryFailedException">A channel failed and attempts remain: the host retries.</exception>
    [Function("DeliverAlert")]
    public Task<AlertDeliveryOutcome> RunAsync(
        [QueueTrigger("%TaskForce:Alerts:QueueName%", Connection = "TASKFORCE_STORAGE")] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return deliver.DeliverAsync(message.MessageText, message.DequeueCount, cancellationToken);
    }
}
