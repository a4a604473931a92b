using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Alerts;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Hosting;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Workflows;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.Alerts;

/// <summary>The outbox and the settings of alert delivery (ADR-021), on Azurite.</summary>
[Collection(StorageGroup.Name)]
public sealed class AlertOutboxTests(AzuriteFixture storage)
{
    // 08:00 WITA on 9 January 2026; a service requested at 10:00 WITA on 3 January is due that day (3..9 January).
    private static readonly Instant RunAt = Instant.FromUtc(2026, 1, 9, 0, 0);

    [Fact]
    public async Task Run_QueuesTheAlertOnTheNextRun_GivenAQueueThatRefusedTheFirst()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Instant.FromUtc(2026, 1, 3, 2, 0));
        h.Facts.Set("case-q", TestCaseFacts.Plain);
        await h.StartAsync("case-q", "service", "svc-1", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiSosial });
        var real = AlertRig.NewQueue(storage.ConnectionString);
        var flaky = new FlakySender(real, failures: 1);
        h.Clock.Reset(RunAt);

        var first = await Daily(h, flaky).RunAsync();
        var second = await Daily(h, flaky).RunAsync();
        var third = await Daily(h, flaky).RunAsync();

        Assert.Equal((1, 0), (first.Written, first.Queued));   // written, but the queue refused it: stays unqueued
        Assert.Equal((0, 1), (second.Written, second.Queued)); // the next run sends it
        Assert.Equal((0, 0), (third.Written, third.Queued));   // and never again
        string message = Assert.Single(await AlertRig.PeekAllAsync(real.Queue));
        var alert = Assert.Single(await new TableAlertRepository(h.Tables).ListAsync(new LocalDate(2026, 1, 9)));
        Assert.Equal(AlertMessage.From(alert, DistrictTime.DefaultZone).ToJson(), message);
        Assert.Equal("uptd_ppa_ttu", alert.Agency); // no case row: the agency that started the instance
        Assert.Equal(new LocalDate(2026, 1, 9), alert.DueOn);
    }

    [Fact]
    public void Validate_NamesEachBadSettingButNoValue_GivenAPublicHttpWebhookABadAddressAndNoSmtpServer()
    {
        var options = new AlertDeliveryOptions { QueueName = "Alerts_Q", MaxAttempts = 0 };
        options.Agencies["uptd_ppa_ttu"] = new AgencyAlertSettings { Email = "not-an-address", WebhookUrl = "http://agency.example/hook" };
        options.Agencies["Dinsos TTU"] = new AgencyAlertSettings { WebhookUrl = "https://dinsos.example/hook" };

        var result = new AlertDeliveryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(8, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("The setting TaskForce:Alerts:QueueName ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("The setting TaskForce:Alerts:MaxAttempts ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("The section TaskForce:Alerts:Agencies:Dinsos TTU ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("The setting TaskForce:Alerts:Agencies:uptd_ppa_ttu:Email ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("The setting TaskForce:Alerts:Agencies:uptd_ppa_ttu:WebhookUrl ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("The setting TaskForce:Alerts:Smtp:Host ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("The setting TaskForce:Alerts:Smtp:From ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("The setting TaskForce:Alerts:PublicBaseUrl ", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("not-an-address", StringComparison.Ordinal) || f.Contains("agency.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Succeeds_GivenNoAgencies()
    {
        Assert.True(new AlertDeliveryOptionsValidator().Validate(null, new AlertDeliveryOptions()).Succeeded);
    }

    private static DailyDeadlineAlertsUseCase Daily(WorkflowHarness h, IAlertMessageSender sender) => AlertRig.Daily(h, sender);

    /// <summary>A sender that refuses the first <c>failures</c> messages, then passes them to the real queue.</summary>
    private sealed class FlakySender(IAlertMessageSender inner, int failures) : IAlertMessageSender
    {
        private int _left = failures;

        public Task EnqueueAsync(string messageJson, CancellationToken cancellationToken = default) =>
            _left-- > 0 ? throw new Azure.RequestFailedException(503, "queue unavailable (test)") : inner.EnqueueAsync(messageJson, cancellationToken);

        public Task DeadLetterAsync(string messageJson, CancellationToken cancellationToken = default) => inner.DeadLetterAsync(messageJson, cancellationToken);
    }
}
