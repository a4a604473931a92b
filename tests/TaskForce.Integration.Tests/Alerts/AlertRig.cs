using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Alerts;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Functions.Queues;
using TaskForce.Hosting;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Workflows;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Alerts;

/// <summary>What the alert tests share: a fresh delivery queue on Azurite, the daily use case wired to it, and the
/// delivery function with real channels.</summary>
internal static class AlertRig
{
    public static StorageQueueAlertSender NewQueue(string connectionString) =>
        new(connectionString, "alerts" + Guid.NewGuid().ToString("N")[..12]);

    public static DailyDeadlineAlertsUseCase Daily(WorkflowHarness h, IAlertMessageSender queue)
    {
        var alerts = new TableAlertRepository(h.Tables);
        var ties = new TableCaseTies(h.Tables, CaseTestData.SharedProtector);
        return new DailyDeadlineAlertsUseCase(h.Repository, alerts, WorkflowRegistry.Default, h.Clock, DistrictTime.DefaultZone, NullLogger<DailyDeadlineAlertsUseCase>.Instance,
            new AlertRouting(ties), new AlertOutboxDispatcher(alerts, queue, h.Clock, DistrictTime.DefaultZone, NullLogger<AlertOutboxDispatcher>.Instance));
    }

    public static AlertDeliveryQueueFunctions Function(TaskForceTables tables, IAlertMessageSender queue, AlertDeliveryOptions options, IClock clock, HttpClient http) =>
        new(new DeliverAlertUseCase(new TableAlertRepository(tables), queue, [new SmtpAlertChannel(options), new WebhookAlertChannel(http)], options, clock, NullLogger<DeliverAlertUseCase>.Instance));

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Plays the Functions host's part for the queue (the host itself cannot run here): receives each message,
    /// invokes the function, deletes it on success, and on an exception makes it visible again at once (the host
    /// waits a back-off; the dequeue count rises the same way). Stops when the queue is empty.</summary>
    /// <returns>The number of invocations and how many threw.</returns>
    public static async Task<(int Invocations, int Failures)> DrainAsync(StorageQueueAlertSender queue, AlertDeliveryQueueFunctions function, int maxInvocations = 50)
    {
        int invocations = 0, failures = 0;
        while (invocations < maxInvocations)
        {
            QueueMessage[] batch = (await queue.Queue.ReceiveMessagesAsync(maxMessages: 16, visibilityTimeout: TimeSpan.FromSeconds(30))).Value;
            if (batch.Length == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                invocations++;
                try
                {
                    await function.RunAsync(message, CancellationToken.None);
                    await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (AlertDeliveryFailedException)
                {
                    failures++;
                    await queue.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                }
            }
        }

        return (invocations, failures);
    }

    public static async Task<List<string>> PeekAllAsync(Azure.Storage.Queues.QueueClient client)
    {
        var texts = new List<string>();
        foreach (var m in (await client.PeekMessagesAsync(32)).Value)
        {
            texts.Add(m.MessageText);
        }

        return texts;
    }
}

/// <summary>A local webhook receiver (HttpListener on 127.0.0.1): records every body and answers 500 to the first
/// <see cref="FailFirst"/> requests, 204 afterwards.</summary>
internal sealed class FakeWebhook : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _seen;

    public FakeWebhook(int failFirst = 0)
    {
        FailFirst = failFirst;
        int port = AlertRig.FreePort();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public int FailFirst { get; set; }

    /// <summary>Bodies of requests answered 2xx.</summary>
    public List<string> Accepted { get; } = [];

    /// <summary>Every request: (body, signature header, answered status).</summary>
    public List<(string Body, string? Signature, int Status)> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            int status = Interlocked.Increment(ref _seen) <= FailFirst ? 500 : 204;
            lock (Requests)
            {
                Requests.Add((body, ctx.Request.Headers["X-TaskForce-Signature"], status));
                if (status == 204)
                {
                    Accepted.Add(body);
                }
            }

            ctx.Response.StatusCode = status;
            ctx.Response.Close();
        }
    }
}
