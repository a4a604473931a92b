using Azure.Storage.Queues;
using TaskForce.Application.Ports;

namespace TaskForce.Storage;

/// <summary>
/// The alert delivery queue on Azure Queue Storage (ADR-021): messages base64-encoded, as the Functions queue trigger
/// reads them by default; the poison queue is the queue's name with <c>-poison</c>, the name the Functions host uses
/// for its own dead letters. Both queues are created on first use.
/// </summary>
/// <threadsafety>Thread-safe (SDK clients are).</threadsafety>
public sealed class StorageQueueAlertSender : IAlertMessageSender
{
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private volatile bool _exists;

    /// <summary>Creates the clients.</summary>
    /// <param name="connectionString">A storage connection string with a queue endpoint (Azurite with its queue service, or an account).</param>
    /// <param name="queueName">The queue's name.</param>
    public StorageQueueAlertSender(string connectionString, string queueName)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        _queue = new QueueClient(connectionString, queueName, options);
        _poison = new QueueClient(connectionString, queueName + "-poison", options);
    }

    /// <summary>Gets the delivery queue's client (the tests read it like the host).</summary>
    /// <value>The shared client.</value>
    public QueueClient Queue => _queue;

    /// <summary>Gets the poison queue's client.</summary>
    /// <value>The shared client.</value>
    public QueueClient Poison => _poison;

    /// <inheritdoc/>
    public async Task EnqueueAsync(string messageJson, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _queue.SendMessageAsync(messageJson, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task DeadLetterAsync(string messageJson, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _poison.SendMessageAsync(messageJson, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return;
        }

        // Idempotent: two first calls at once both create-if-not-exists, harmlessly.
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _exists = true;
    }
}
