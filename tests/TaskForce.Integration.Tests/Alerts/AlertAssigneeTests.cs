using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Alerts;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Workflows;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.Alerts;

/// <summary>
/// Alerts per assignee on Azurite (ADR-020, ADR-021): the daily run records the case's assigned case worker on the
/// alert row next to the agency, and <c>assignee=me</c> lists the alerts of the caller's cases only. Two cases of the
/// UPTD PPA, each with a rehabilitation service requested at 10:00 WITA on Tuesday 10 March 2026: 7 days counting the
/// request day as day 1 are 10..16 March, so at 08:00 WITA on 16 March both are due today. One case is assigned to
/// worker-1; the other is unassigned.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class AlertAssigneeTests(AzuriteFixture storage)
{
    private const string Agency = "uptd_ppa_ttu";
    private const string Assigned = "case-ttu-assigned-1";
    private const string Unassigned = "case-ttu-unassigned-1";

    // 2026-03-16T00:00Z = 08:00 WITA on Monday 16 March 2026.
    private static readonly Instant RunAt = Instant.FromUtc(2026, 3, 16, 0, 0);
    private static readonly LocalDate Day = new(2026, 3, 16);

    private static readonly Caller Worker1 = CaseTestData.Caller("worker-1", Agency, "case_worker");
    private static readonly Caller Worker2 = CaseTestData.Caller("worker-2", Agency, "case_worker");
    private static readonly Caller Coordinator = CaseTestData.Caller("coord-1", "gugus_tugas_ttu", "coordinator");

    [Fact]
    public async Task Run_RecordsTheCasesAssignee_AndAssigneeMeListsItForTheAssigneeOnly()
    {
        var h = await SeedAsync();
        h.Clock.Reset(RunAt);

        var run = await AlertRig.Daily(h, AlertRig.NewQueue(storage.ConnectionString)).RunAsync();

        Assert.Equal(2, run.Written);
        var stored = (await new TableAlertRepository(h.Tables).ListAsync(Day)).ToDictionary(a => a.CaseId);
        Assert.Equal((Agency, "worker-1", Day, DeadlineAlertStatus.DueToday), (stored[Assigned].Agency, stored[Assigned].Assignee, stored[Assigned].DueOn, stored[Assigned].Status));
        Assert.Equal((Agency, (string?)null), (stored[Unassigned].Agency, stored[Unassigned].Assignee));

        var inbox = Inbox(h);
        var mine = await inbox.ListAsync(new AlertQuery(null, null, null, "me"), Worker1);
        var colleague = await inbox.ListAsync(new AlertQuery(null, null, null, "me"), Worker2);
        var agency = await inbox.ListAsync(new AlertQuery(null, null, null, null), Worker2);
        var named = await inbox.ListAsync(new AlertQuery(null, null, null, "worker-1"), Coordinator);

        var item = Assert.Single(mine.Items);
        Assert.Equal((Assigned, "worker-1", "service_due", "due_today"), (item.CaseId, item.Assignee, item.Deadline, item.Status));
        Assert.Empty(colleague.Items);
        Assert.Equal([Assigned, Unassigned], agency.Items.Select(a => a.CaseId).Order(StringComparer.Ordinal));
        Assert.Equal(Assigned, Assert.Single(named.Items).CaseId);
    }

    [Fact]
    public async Task ListAsync_RefusesNamingTheAssignee_GivenAPersonWhoIsNotTheCoordinator()
    {
        var h = await SeedAsync();
        h.Clock.Reset(RunAt);
        await AlertRig.Daily(h, AlertRig.NewQueue(storage.ConnectionString)).RunAsync();
        var inbox = Inbox(h);

        var named = await Assert.ThrowsAsync<DomainValidationException>(() => inbox.ListAsync(new AlertQuery(null, null, null, "worker-1"), Worker2));
        var blank = await Assert.ThrowsAsync<DomainValidationException>(() => inbox.ListAsync(new AlertQuery(null, null, null, " "), Coordinator));

        Assert.Equal("assignee", named.Field);
        Assert.Equal("assignee", blank.Field);
    }

    [Fact]
    public async Task Run_FollowsAReassignment_OnTheNextDaysAlert()
    {
        var h = await SeedAsync();
        h.Clock.Reset(RunAt);
        await AlertRig.Daily(h, AlertRig.NewQueue(storage.ConnectionString)).RunAsync();
        await new AssignCaseUseCase(new TableCaseTies(h.Tables, CaseTestData.SharedProtector), h.Clock)
            .AssignAsync(Assigned, new CaseAssignmentRequest { AssignedTo = "worker-2", Reason = "cuti" }, Worker1);

        h.Clock.Reset(RunAt.Plus(Duration.FromDays(1))); // 08:00 WITA 17 March: overdue by one day
        await AlertRig.Daily(h, AlertRig.NewQueue(storage.ConnectionString)).RunAsync();

        var first = (await new TableAlertRepository(h.Tables).ListAsync(Day)).Single(a => a.CaseId == Assigned);
        var next = (await new TableAlertRepository(h.Tables).ListAsync(Day.PlusDays(1))).Single(a => a.CaseId == Assigned);
        Assert.Equal("worker-1", first.Assignee); // the stored alert stays as first written
        Assert.Equal(("worker-2", DeadlineAlertStatus.Overdue, 1), (next.Assignee, next.Status, next.DaysOverdue));
    }

    private static AlertInboxUseCase Inbox(WorkflowHarness h)
    {
        var alerts = new TableAlertRepository(h.Tables);
        return new AlertInboxUseCase(alerts, alerts, h.Clock, DistrictTime.DefaultZone);
    }

    private async Task<WorkflowHarness> SeedAsync()
    {
        var tables = await storage.NewTablesAsync();
        var h = new WorkflowHarness(tables, Instant.FromUtc(2026, 3, 10, 2, 0));
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        foreach (string id in new[] { Assigned, Unassigned })
        {
            await cases.AddAsync(CaseTestData.Record(id), Agency, null);
            h.Facts.Set(id, TestCaseFacts.Plain);
            await h.StartAsync(id, "service", "svc-1", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiSosial });
        }

        var assignment = await new AssignCaseUseCase(new TableCaseTies(tables, CaseTestData.SharedProtector), h.Clock)
            .AssignAsync(Assigned, new CaseAssignmentRequest { AssignedTo = "worker-1" }, Worker1);
        Assert.Equal("worker-1", assignment.AssignedTo);
        return h;
    }
}
