using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Infrastructure;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.Workflows;

/// <summary>ADR-023 on Azurite: one case-management instance per case, one criminal-justice track per suspect, and a
/// reassessment and an effective time that survive storage.</summary>
[Collection(StorageGroup.Name)]
public sealed class WorkflowInstanceRuleTests(AzuriteFixture storage)
{
    // 2026-03-10 09:00 WITA.
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 10, 1, 0);

    [Fact]
    public async Task StartAsync_RefusesASecondCaseManagementInstance_GivenAnotherSubjectId()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-1", TestCaseFacts.Plain);
        var risk = new WorkflowStartFacts { RiskLevel = RiskLevel.Sedang };

        Assert.True((await h.StartAsync("case-1", "case_management", "case-1", Uptd, risk)).Created);
        var refused = await Assert.ThrowsAsync<WorkflowInstanceLimitException>(() => h.StartAsync("case-1", "case_management", "cm-2", Uptd, risk));
        Assert.Equal("case-1", refused.ExistingSubjectId);
        Assert.False((await h.StartAsync("case-1", "case_management", "case-1", Uptd, risk)).Created); // the same start again
        Assert.Single(await h.Repository.ListByCaseAsync("case-1"));
    }

    [Fact]
    public async Task StartAsync_AllowsOneCriminalJusticeTrackPerSuspect_GivenTwoSuspects()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-1", TestCaseFacts.Plain with { SuspectIds = ["suspect-1", "suspect-2"] });

        await h.StartAsync("case-1", "criminal_justice", "cj-1", Police, new WorkflowStartFacts { SuspectId = "suspect-1" });
        await Assert.ThrowsAsync<WorkflowInstanceLimitException>(() => h.StartAsync("case-1", "criminal_justice", "cj-2", Police, new WorkflowStartFacts { SuspectId = "suspect-1" }));
        await h.StartAsync("case-1", "criminal_justice", "cj-2", Police, new WorkflowStartFacts { SuspectId = "suspect-2" });
        var unknown = await Assert.ThrowsAsync<DomainValidationException>(() => h.StartAsync("case-1", "criminal_justice", "cj-3", Police, new WorkflowStartFacts { SuspectId = "suspect-9" }));
        Assert.Equal("facts.suspect_id", unknown.Field);
        await h.StartAsync("case-1", "criminal_justice", "case-1", Police); // the track of the case as a whole
        await Assert.ThrowsAsync<WorkflowInstanceLimitException>(() => h.StartAsync("case-1", "criminal_justice", "cj-4", Police));

        Assert.Equal(["case-1", "cj-1", "cj-2"], (await h.Repository.ListByCaseAsync("case-1")).Select(w => w.SubjectId));
    }

    [Fact]
    public async Task TransitionAsync_StoresTheReassessmentAndTheEffectiveTime_GivenAReloadedInstance()
    {
        // Reported 23:00 WITA on 9 March 2026 (15:00Z). Rendah due +24 h; reassessed to tinggi at 09:00 WITA on
        // 10 March: due = reported + 0 h = 15:00Z 9 March. First contact effective 08:30 WITA (00:30Z 10 March): late.
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        var reported = Instant.FromUtc(2026, 3, 9, 15, 0);
        h.Facts.Set("case-1", TestCaseFacts.Plain with { ReportedAt = reported });
        await h.StartAsync("case-1", "case_management", "case-1", Uptd, new WorkflowStartFacts { RiskLevel = RiskLevel.Rendah });

        await h.Transition.TransitionAsync(new TransitionCommand("case-1", "case_management", "case-1", "intake", Uptd) { RiskLevel = RiskLevel.Tinggi, Reason = "threat reported" });
        var contact = Instant.FromUtc(2026, 3, 10, 0, 30);
        await h.Transition.TransitionAsync(new TransitionCommand("case-1", "case_management", "case-1", "assessment", Uptd) { EffectiveAt = contact });
        var same = await Assert.ThrowsAsync<DomainValidationException>(() => h.Transition.TransitionAsync(new TransitionCommand("case-1", "case_management", "case-1", "assessment", Uptd) { RiskLevel = RiskLevel.Tinggi, Reason = "again" }));
        Assert.Equal("risk_level", same.Field);
        var wrong = await Assert.ThrowsAsync<DomainValidationException>(() => h.Transition.TransitionAsync(new TransitionCommand("case-1", "case_management", "case-1", "assessment", Uptd) { EffectiveAt = reported.Minus(Duration.FromHours(1)) }));
        Assert.Equal("effective_at", wrong.Field);

        var stored = (await h.Repository.LoadAsync("case-1", "case_management", "case-1"))!;
        Assert.Equal(3, stored.Version);
        Assert.Equal(contact, stored.History[2].EffectiveAt);
        Assert.Null(stored.History[1].EffectiveAt);
        Assert.Contains("\"reassessments\"", stored.ContextJson, StringComparison.Ordinal);
        var session = WorkflowRegistry.Default.Find("case_management").Rehydrate("case-1", stored.ContextJson, null, stored.History, DistrictTime.DefaultZone);
        var d = Assert.Single(session.Deadlines(h.Clock));
        Assert.Equal(reported, d.StartsAt);
        Assert.Equal(reported, d.DueAt);
        Assert.Equal(DeadlineStatus.MetLate, d.Status);
    }
}
