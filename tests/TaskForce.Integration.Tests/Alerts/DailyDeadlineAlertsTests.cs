using TaskForce.Integration.Tests.Cases;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Alerts;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Functions.Timers;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Workflows;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.Alerts;

/// <summary>
/// The daily deadline run against Azurite: workflow instances written through the use cases at chosen WITA times,
/// then the run at 08:00 WITA. Every expected due date below is counted by hand (day-based deadlines count the start
/// date as day 1; hour-based ones run from the recorded instant).
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class DailyDeadlineAlertsTests(AzuriteFixture storage)
{
    // 2026-01-09T00:00Z = 08:00 WITA on Friday 9 January 2026, the schedule "0 0 0 * * *".
    private static readonly Instant RunAt = Instant.FromUtc(2026, 1, 9, 0, 0);

    private static readonly string[] AllowedAlertColumns =
        ["BusinessDate", "CaseId", "Workflow", "SubjectId", "DeadlineId", "DueOn", "DueAtText", "Status", "DaysOverdue", "StartedBySequence", "RuleConfirmed", "RaisedAt", "RaisedAtText",
         "AlertId", "Agency", "Assignee", "Queued", "QueuedAtText", "Kind"];

    [Fact]
    public async Task Run_WritesOneAlertPerDueOrOverdueDeadline_AndNothingNewOnASecondRunThatDay()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), RunAt);
        await SeedAsync(h);

        h.Clock.Reset(RunAt);
        var first = await UseCase(h).RunAsync();
        var alerts = await new TableAlertRepository(h.Tables).ListAsync(D(2026, 1, 9));

        Assert.Equal(D(2026, 1, 9), first.BusinessDate);
        Assert.Equal(9, first.InstancesScanned);
        Assert.Equal(0, first.InstancesUnreadable);
        Assert.Equal(3, first.DueToday);
        Assert.Equal(3, first.Overdue);
        Assert.Equal(6, first.Written);
        var got = alerts.Select(a => (a.CaseId, a.SubjectId, a.DeadlineId, a.DueOn, a.Status, a.DaysOverdue)).OrderBy(a => a.CaseId).ThenBy(a => a.SubjectId).ToList();
        Assert.Equal(
            [
                ("case-a", "svc-due", "service_due", D(2026, 1, 9), DeadlineAlertStatus.DueToday, 0),        // requested 3 Jan: 3..9 Jan is 7 days
                ("case-a", "svc-late", "service_due", D(2026, 1, 7), DeadlineAlertStatus.Overdue, 2),        // requested 1 Jan, accepted, not delivered
                ("case-b", "case-b", "first_response", D(2026, 1, 9), DeadlineAlertStatus.DueToday, 0),      // rendah: 20:00 WITA 8 Jan + 24 h
                ("case-c", "case-c", "first_response", D(2026, 1, 8), DeadlineAlertStatus.Overdue, 1),       // tinggi: due at intake, 09:00 WITA 8 Jan
                ("case-d", "case-d", "p19_file_return", D(2026, 1, 9), DeadlineAlertStatus.DueToday, 0),     // P-19 27 Dec 2025: 27 Dec..9 Jan is 14 days
                ("case-e", "rst-1", "restitution_payment_due", D(2026, 1, 2), DeadlineAlertStatus.Overdue, 7), // due 20 Dec 2025: 20 Dec..2 Jan is 14 days
            ],
            got);
        var firstResponse = alerts.Single(a => a.CaseId == "case-b");
        Assert.Equal(Instant.FromUtc(2026, 1, 9, 12, 0), firstResponse.DueAt);
        Assert.All(alerts, a => Assert.Equal(RunAt, a.RaisedAt));

        var rows = await TableRows.AllAsync(h.Tables.Alerts);
        Assert.All(rows, r => Assert.Equal("d2026-01-09", r.PartitionKey));
        Assert.Contains(rows, r => r.RowKey == "case-a|service|svc-due|service_5Fdue");
        Assert.Contains(rows, r => r.RowKey == "case-e|restitution|rst-1|restitution_5Fpayment_5Fdue");
        var before = await TableRows.FingerprintAsync(h.Tables.Alerts);

        // 21:00 WITA the same day: the rendah first response is now overdue, but the day's alerts are already written.
        h.Clock.Reset(Instant.FromUtc(2026, 1, 9, 13, 0));
        var second = await UseCase(h).RunAsync();

        Assert.Equal(D(2026, 1, 9), second.BusinessDate);
        Assert.Equal(0, second.Written);
        Assert.Equal(6, second.AlreadyStored);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Alerts));
        Assert.Equal(DeadlineAlertStatus.DueToday, (await new TableAlertRepository(h.Tables).ListAsync(D(2026, 1, 9))).Single(a => a.CaseId == "case-b").Status);
    }

    [Fact]
    public async Task Run_WritesTheNextDaysAlertsInTheirOwnPartition_GivenTheFollowingMorning()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), RunAt);
        await SeedAsync(h);
        h.Clock.Reset(RunAt);
        await UseCase(h).RunAsync();

        h.Clock.Reset(RunAt.Plus(Duration.FromDays(1)));
        var next = await UseCase(h).RunAsync();
        var alerts = await new TableAlertRepository(h.Tables).ListAsync(D(2026, 1, 10));

        Assert.Equal(6, next.Written);
        Assert.All(alerts, a => Assert.Equal(DeadlineAlertStatus.Overdue, a.Status));
        Assert.Equal([1, 3, 1, 2, 1, 8], alerts.OrderBy(a => a.CaseId).ThenBy(a => a.SubjectId).Select(a => a.DaysOverdue));
        Assert.Equal(6, (await new TableAlertRepository(h.Tables).ListAsync(D(2026, 1, 9))).Count);
    }

    [Fact]
    public async Task Run_WritesNoPersonalData_GivenReasonsThatNameAPerson()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), RunAt);
        await SeedAsync(h);
        h.Clock.Reset(RunAt);

        await UseCase(h).RunAsync();

        var rows = await TableRows.AllAsync(h.Tables.Alerts);
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var columns = row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).ToList();
            Assert.All(columns, c => Assert.Contains(c, AllowedAlertColumns));
            Assert.DoesNotContain(columns, c => row[c] is string s && s.Contains("Maria", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Run_SkipsAnUnreadableInstanceAndAlertsTheOthers_GivenACorruptStateRow()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), RunAt);
        await SeedAsync(h);
        var corrupt = new TableEntity(TableKeys.CasePartition("case-z"), TableKeys.WorkflowRow("retired_workflow", "x"))
        {
            ["Kind"] = "workflow", ["CaseId"] = "case-z", ["Workflow"] = "retired_workflow", ["SubjectId"] = "x", ["State"] = "open", ["Version"] = 1, ["Context"] = "{}",
        };
        await h.Tables.Cases.AddEntityAsync(corrupt);
        h.Clock.Reset(RunAt);

        var run = await UseCase(h).RunAsync();

        Assert.Equal(10, run.InstancesScanned);
        Assert.Equal(1, run.InstancesUnreadable);
        Assert.Equal(6, run.Written);
    }

    [Theory]
    [InlineData(2026, 1, 8, 15, 59, "2026-01-08")] // 23:59 WITA on 8 January
    [InlineData(2026, 1, 8, 16, 0, "2026-01-09")]  // 00:00 WITA on 9 January, still 8 January in UTC
    [InlineData(2025, 12, 31, 16, 1, "2026-01-01")] // 00:01 WITA on New Year's Day
    public async Task TimerFunction_UsesTheWitaBusinessDate_GivenRunsAroundMidnight(int y, int m, int d, int hour, int minute, string expected)
    {
        var tables = await storage.NewTablesAsync();
        var clock = new FakeClock(Instant.FromUtc(y, m, d, hour, minute));
        var function = new DeadlineAlertTimerFunctions(
            new DailyDeadlineAlertsUseCase(new TableWorkflowRepository(tables, CaseTestData.SharedProtector), new TableAlertRepository(tables), WorkflowRegistry.Default, clock, DistrictTime.DefaultZone, NullLogger<DailyDeadlineAlertsUseCase>.Instance,
                new AlertRouting(new TableCaseTies(tables, CaseTestData.SharedProtector)),
                new AlertOutboxDispatcher(new TableAlertRepository(tables), AlertRig.NewQueue(storage.ConnectionString), clock, DistrictTime.DefaultZone, NullLogger<AlertOutboxDispatcher>.Instance)),
            NullLogger<DeadlineAlertTimerFunctions>.Instance);

        var run = await function.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(expected, run.BusinessDate.ToString("uuuu-MM-dd", null));
        Assert.Equal("Asia/Makassar", run.Zone);
        Assert.Equal(0, run.InstancesScanned);
    }

    private DailyDeadlineAlertsUseCase UseCase(WorkflowHarness h) => AlertRig.Daily(h, AlertRig.NewQueue(storage.ConnectionString));

    /// <summary>Nine instances in six cases, each written at its own WITA time.</summary>
    private static async Task SeedAsync(WorkflowHarness h)
    {
        foreach (string c in new[] { "case-a", "case-b", "case-c", "case-d", "case-e", "case-f" })
        {
            h.Facts.Set(c, TestCaseFacts.Plain with { SpdpSentOn = D(2025, 12, 22) });
        }

        // case-a: four service requests.
        h.Clock.Reset(Instant.FromUtc(2026, 1, 1, 2, 0)); // 10:00 WITA 1 Jan
        await h.StartAsync("case-a", "service", "svc-late", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.Pemulangan });
        await h.StartAsync("case-a", "service", "svc-done", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiKesehatan });
        await h.StartAsync("case-a", "service", "svc-none", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.BantuanHukum });
        h.Clock.Reset(Instant.FromUtc(2026, 1, 2, 2, 0));
        await h.MoveAsync("case-a", "service", "svc-late", "accepted", Hospital);
        await h.MoveAsync("case-a", "service", "svc-done", "accepted", Hospital);
        h.Clock.Reset(Instant.FromUtc(2026, 1, 3, 2, 0));
        await h.StartAsync("case-a", "service", "svc-due", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiSosial });
        h.Clock.Reset(Instant.FromUtc(2026, 1, 5, 2, 0));
        await h.MoveAsync("case-a", "service", "svc-done", "delivered", Hospital);

        // case-b: rendah intake at 20:00 WITA on 8 January; case-c: tinggi intake at 09:00 WITA on 8 January;
        // case-f: sedang intake at 08:00 WITA, assessed at 11:00 WITA (within 6 hours).
        h.Clock.Reset(Instant.FromUtc(2026, 1, 8, 12, 0));
        await h.StartAsync("case-b", "case_management", "case-b", Uptd, new WorkflowStartFacts { RiskLevel = RiskLevel.Rendah });
        h.Clock.Reset(Instant.FromUtc(2026, 1, 8, 1, 0));
        await h.StartAsync("case-c", "case_management", "case-c", Uptd, new WorkflowStartFacts { RiskLevel = RiskLevel.Tinggi });
        h.Clock.Reset(Instant.FromUtc(2026, 1, 8, 0, 0));
        await h.StartAsync("case-f", "case_management", "case-f", Uptd, new WorkflowStartFacts { RiskLevel = RiskLevel.Sedang });
        h.Clock.Reset(Instant.FromUtc(2026, 1, 8, 3, 0));
        await h.MoveAsync("case-f", "case_management", "case-f", "assessment", Uptd);

        // case-d: criminal case with a P-19 on 27 December 2025 (the reason names a witness: it must stay in the case).
        h.Clock.Reset(Instant.FromUtc(2025, 12, 28, 2, 0));
        await h.StartAsync("case-d", "criminal_justice", "case-d", Police, effectiveOn: D(2025, 12, 20));
        await h.MoveAsync("case-d", "criminal_justice", "case-d", "penyelidikan", Police, effectiveOn: D(2025, 12, 21));
        await h.MoveAsync("case-d", "criminal_justice", "case-d", "penyidikan", Police, effectiveOn: D(2025, 12, 22));
        await h.MoveAsync("case-d", "criminal_justice", "case-d", "p19", Actor.Create("staff-kejari-1", "kejari_ttu"), reason: "Saksi Maria belum diperiksa", effectiveOn: D(2025, 12, 27));

        // case-e: restitution under UU 21/2007, final verdict notified on 20 December 2025, unpaid.
        h.Clock.Reset(Instant.FromUtc(2025, 12, 21, 2, 0));
        await h.StartAsync("case-e", "restitution", "rst-1", Uptd, new WorkflowStartFacts { RestitutionBasis = RestitutionBasis.Uu21Tahun2007 }, effectiveOn: D(2025, 6, 1));
        await h.MoveAsync("case-e", "restitution", "rst-1", "in_tuntutan", Uptd, effectiveOn: D(2025, 8, 1));
        await h.MoveAsync("case-e", "restitution", "rst-1", "ordered", Uptd, effectiveOn: D(2025, 10, 1));
        await h.MoveAsync("case-e", "restitution", "rst-1", "due", Uptd, effectiveOn: D(2025, 12, 20));
    }
}
