using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MimeKit;
using netDumbster.smtp;
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

/// <summary>
/// Alert delivery end to end on Azurite (ADR-021): the daily run writes the alert and its queue message (the outbox),
/// the queue function delivers it to a real in-process SMTP server (netDumbster) and a local webhook (HttpListener).
/// The case's victim has a known name and the service's acceptance a reason naming her; neither may appear anywhere.
/// Dates worked out by hand: a service requested at 10:00 WITA on Tuesday 10 March 2026 must be delivered within 7
/// days counting the request day as day 1 (10..16 March), so at 08:00 WITA on 16 March it is due today.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class AlertDeliveryTests(AzuriteFixture storage) : IDisposable
{
    private const string CaseId = "case-ttu-alert-1";
    private const string Owner = "dinsos_ttu";
    private const string Reason = "Korban Yohana Sanam perlu pendampingan psikolog karena trauma berat";
    private const string Secret = "webhook-secret-for-tests";

    // 2026-03-16T00:00Z = 08:00 WITA on Monday 16 March 2026 (the schedule "0 0 0 * * *").
    private static readonly Instant RunAt = Instant.FromUtc(2026, 3, 16, 0, 0);

    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start(AlertRig.FreePort());

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task Deliver_ReachesSmtpAndWebhookExactlyOnce_GivenTheTimerRunTwiceAndAFirstWebhookAnswer500()
    {
        using var hook = new FakeWebhook(failFirst: 1);
        var (h, queue) = await SeedAsync();
        var options = Options(hook, maxAttempts: 5);
        Assert.True(new AlertDeliveryOptionsValidator().Validate(null, options).Succeeded);

        h.Clock.Reset(RunAt);
        var first = await AlertRig.Daily(h, queue).RunAsync();
        h.Clock.Reset(RunAt.Plus(Duration.FromHours(3)));
        var second = await AlertRig.Daily(h, queue).RunAsync();

        Assert.Equal((1, 1), (first.Written, first.Queued));
        Assert.Equal((0, 0, 1), (second.Written, second.Queued, second.AlreadyStored));
        var queued = await AlertRig.PeekAllAsync(queue.Queue);
        var message = Assert.Single(queued);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var function = AlertRig.Function(h.Tables, queue, options, h.Clock, http);
        var drained = await AlertRig.DrainAsync(queue, function);

        Assert.Equal((2, 1), drained); // attempt 1: e-mail sent, webhook 500; attempt 2: webhook only
        Assert.Equal(1, _smtp.ReceivedEmailCount);
        Assert.Equal([500, 204], hook.Requests.Select(r => r.Status));
        Assert.Single(hook.Accepted);
        Assert.Empty(await AlertRig.PeekAllAsync(queue.Poison));

        var alert = Assert.Single(await new TableAlertRepository(h.Tables).ListAsync(new LocalDate(2026, 3, 16)));
        Assert.Equal(Owner, alert.Agency); // the case's owner, not the agency that requested the service
        Assert.Equal(new LocalDate(2026, 3, 16), alert.DueOn);
        var deliveries = (await new TableAlertRepository(h.Tables).ListDeliveriesAsync(new LocalDate(2026, 3, 16))).OrderBy(d => d.Channel).ToList();
        Assert.Equal([("email", AlertDeliveryState.Delivered, 1L), ("webhook", AlertDeliveryState.Delivered, 2L)], deliveries.Select(d => (d.Channel, d.State, d.Attempt)));

        // The queue message: ids, codes, the WITA date; nothing else.
        using (var doc = JsonDocument.Parse(message))
        {
            Assert.Equal(
                ["agency", "alert_id", "business_date", "case_id", "days_overdue", "deadline_id", "due_at", "due_on", "status", "workflow", "zone"],
                doc.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(alert.Id, doc.RootElement.GetProperty("alert_id").GetString());
            Assert.Equal("2026-03-16", doc.RootElement.GetProperty("due_on").GetString());
            Assert.Equal("service_due", doc.RootElement.GetProperty("deadline_id").GetString());
        }

        // The e-mail: both languages, the case id, the due date in WITA and the link.
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(_smtp.ReceivedEmail[0].Data)));
        Assert.Equal("desk-alerts@dinsos.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("[TaskForce] Tenggat hari ini / Deadline due today: service_due, kasus/case case-ttu-alert-1", mail.Subject);
        Assert.Contains("jatuh hari ini, 2026-03-16 WITA.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("is due today, 2026-03-16 WITA.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://taskforce-ttu.example/api/cases/case-ttu-alert-1/timeline", mail.TextBody, StringComparison.Ordinal);

        // The webhook: the same fields plus link and text, signed with the agency's secret.
        var (body, signature, _) = hook.Requests[1];
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))), signature);
        using (var doc = JsonDocument.Parse(body))
        {
            Assert.Equal(CaseId, doc.RootElement.GetProperty("case_id").GetString());
            Assert.Equal("https://taskforce-ttu.example/api/cases/case-ttu-alert-1/timeline", doc.RootElement.GetProperty("link").GetString());
        }

        // No name, no reason, no identity value anywhere a message went.
        var everything = new List<string> { message, _smtp.ReceivedEmail[0].Data, mail.Subject ?? string.Empty, mail.TextBody ?? string.Empty };
        everything.AddRange(hook.Requests.Select(r => r.Body));
        foreach (string text in everything)
        {
            foreach (string secret in CaseTestData.Secrets.Append(Reason).Append("Yohana").Append("psikolog"))
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        // A third run later that day, and another drain: nothing more is sent.
        h.Clock.Reset(RunAt.Plus(Duration.FromHours(10)));
        Assert.Equal(0, (await AlertRig.Daily(h, queue).RunAsync()).Queued);
        Assert.Equal((0, 0), await AlertRig.DrainAsync(queue, function));
        Assert.Equal(1, _smtp.ReceivedEmailCount);
        Assert.Equal(2, hook.Requests.Count);
    }

    [Fact]
    public async Task Deliver_DeadLettersAfterMaxAttempts_GivenAWebhookThatAlwaysAnswers500()
    {
        using var hook = new FakeWebhook(failFirst: int.MaxValue);
        var (h, queue) = await SeedAsync();
        var options = Options(hook, maxAttempts: 3);
        h.Clock.Reset(RunAt);
        await AlertRig.Daily(h, queue).RunAsync();
        string message = Assert.Single(await AlertRig.PeekAllAsync(queue.Queue));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var drained = await AlertRig.DrainAsync(queue, AlertRig.Function(h.Tables, queue, options, h.Clock, http));

        Assert.Equal((3, 2), drained); // attempts 1 and 2 throw for a retry; attempt 3 dead-letters and completes
        Assert.Equal(3, hook.Requests.Count);
        Assert.Equal(1, _smtp.ReceivedEmailCount); // the e-mail went on attempt 1 and was never sent again
        Assert.Empty(await AlertRig.PeekAllAsync(queue.Queue));
        Assert.Equal([message], await AlertRig.PeekAllAsync(queue.Poison));
        var deliveries = (await new TableAlertRepository(h.Tables).ListDeliveriesAsync(new LocalDate(2026, 3, 16))).OrderBy(d => d.Channel).ToList();
        Assert.Equal([("email", AlertDeliveryState.Delivered, 1L), ("webhook", AlertDeliveryState.DeadLettered, 3L)], deliveries.Select(d => (d.Channel, d.State, d.Attempt)));
    }

    [Fact]
    public async Task Deliver_SendsNothing_GivenAnAgencyWithoutChannels()
    {
        using var hook = new FakeWebhook();
        var (h, queue) = await SeedAsync();
        var options = Options(hook, maxAttempts: 5);
        options.Agencies.Clear();
        options.Agencies["uptd_ppa_ttu"] = new AgencyAlertSettings { Email = "desk@uptd.example" };
        h.Clock.Reset(RunAt);
        await AlertRig.Daily(h, queue).RunAsync();
        using var http = new HttpClient();

        var drained = await AlertRig.DrainAsync(queue, AlertRig.Function(h.Tables, queue, options, h.Clock, http));

        Assert.Equal((1, 0), drained);
        Assert.Equal(0, _smtp.ReceivedEmailCount);
        Assert.Empty(hook.Requests);
        Assert.Empty(await new TableAlertRepository(h.Tables).ListDeliveriesAsync(new LocalDate(2026, 3, 16)));
    }

    [Fact]
    public async Task Deliver_DeadLettersAtOnce_GivenAMessageThatIsNotAnAlert()
    {
        using var hook = new FakeWebhook();
        var tables = await storage.NewTablesAsync();
        var queue = AlertRig.NewQueue(storage.ConnectionString);
        await queue.EnqueueAsync("""{"case_id":"x","note":"Yohana Sanam"}""");
        using var http = new HttpClient();

        var drained = await AlertRig.DrainAsync(queue, AlertRig.Function(tables, queue, Options(hook, 5), new NodaTime.Testing.FakeClock(RunAt), http));

        Assert.Equal((1, 0), drained);
        Assert.Single(await AlertRig.PeekAllAsync(queue.Poison));
        Assert.Equal(0, _smtp.ReceivedEmailCount);
        Assert.Empty(hook.Requests);
    }

    private AlertDeliveryOptions Options(FakeWebhook hook, int maxAttempts)
    {
        var options = new AlertDeliveryOptions { PublicBaseUrl = "https://taskforce-ttu.example/", MaxAttempts = maxAttempts };
        options.Smtp.Host = "127.0.0.1";
        options.Smtp.Port = _smtp.Configuration.Port;
        options.Smtp.Security = "none";
        options.Smtp.From = "gugus-tugas@ttukab.example";
        options.Agencies[Owner] = new AgencyAlertSettings { Email = "desk-alerts@dinsos.example", WebhookUrl = hook.Url, WebhookSecret = Secret };
        return options;
    }

    /// <summary>A stored case owned by dinsos_ttu (victim Yohana Sanam), with a rehabilitation service requested by
    /// the UPTD PPA at 10:00 WITA on 10 March 2026 and accepted by the hospital the next day with a reason naming her.</summary>
    private async Task<(WorkflowHarness H, StorageQueueAlertSender Queue)> SeedAsync()
    {
        var tables = await storage.NewTablesAsync();
        var h = new WorkflowHarness(tables, Instant.FromUtc(2026, 3, 10, 2, 0));
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        await cases.AddAsync(CaseTestData.Record(CaseId), Owner, null);
        h.Facts.Set(CaseId, TestCaseFacts.Plain);
        await h.StartAsync(CaseId, "service", "svc-1", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiSosial });
        h.Clock.Reset(Instant.FromUtc(2026, 3, 11, 2, 0));
        await h.MoveAsync(CaseId, "service", "svc-1", "accepted", Hospital, reason: Reason);
        return (h, AlertRig.NewQueue(storage.ConnectionString));
    }
}
