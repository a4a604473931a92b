using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Workflows;
using static TaskForce.Domain.Tests.Workflows.WorkflowFixture;

namespace TaskForce.Domain.Tests.Workflows;

/// <summary>Deadlines at the boundaries, with FakeClock; every due date below is counted by hand in the comment.</summary>
public class DeadlineTests
{
    private static WorkflowInstance<ServiceState, ServiceContext> RequestRehab(FakeClock clock) =>
        ServiceWorkflow.Default.Start("svc-1", new ServiceContext(ServiceType.RehabilitasiSosial, false, false), Staff, clock, Wita);

    [Fact]
    public void ServiceDue_CountsFromWitaDate_GivenRequestAt2359Wita()
    {
        // 23:59 WITA on 31 Jan 2025 = 15:59Z the same day. Business date 31 Jan; 7 days counting 31 Jan as day 1:
        // 31 Jan (1), 1 Feb (2), 2 (3), 3 (4), 4 (5), 5 (6), 6 Feb (7) -> due 6 Feb 2025.
        var clock = ClockAt(2025, 1, 31, 23, 59);
        Assert.Equal(Instant.FromUtc(2025, 1, 31, 15, 59), clock.GetCurrentInstant());
        var service = RequestRehab(clock);

        var deadline = Assert.Single(service.Deadlines(clock));
        Assert.Equal(new LocalDate(2025, 1, 31), deadline.StartsOn);
        Assert.Equal(new LocalDate(2025, 2, 6), deadline.DueOn);
        Assert.Equal(DeadlineStatus.Pending, deadline.Status);
        Assert.Equal("service_due", deadline.Id);
        Assert.False(deadline.Confirmed);
        Assert.Contains("Pasal 52(1)", deadline.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceDue_CountsFromNextWitaDate_GivenRequestAt0001WitaWhileUtcIsStillPreviousDay()
    {
        // 00:01 WITA on 1 Feb 2025 = 16:01Z on 31 Jan: the UTC date is still 31 Jan, the business date is 1 Feb.
        // 1 Feb (1) ... 7 Feb (7) -> due 7 Feb 2025.
        var clock = ClockAt(2025, 2, 1, 0, 1);
        Assert.Equal(Instant.FromUtc(2025, 1, 31, 16, 1), clock.GetCurrentInstant());
        var service = RequestRehab(clock);

        Assert.Equal(new LocalDate(2025, 2, 7), Assert.Single(service.Deadlines(clock)).DueOn);
    }

    [Fact]
    public void ServiceDue_IsDueTodayAt2359AndOverdueAt0001_GivenTheDueDateInWita()
    {
        var service = RequestRehab(ClockAt(2025, 1, 31, 23, 59)); // due 6 Feb (above)

        var lastMinute = ClockAt(2025, 2, 6, 23, 59);
        Assert.Equal(DeadlineStatus.DueToday, Assert.Single(service.Deadlines(lastMinute)).Status);

        var nextDay = ClockAt(2025, 2, 7, 0, 1); // = 16:01Z on 6 Feb: UTC still says 6 Feb, WITA says 7 Feb.
        var overdue = Assert.Single(service.Deadlines(nextDay));
        Assert.Equal(DeadlineStatus.Overdue, overdue.Status);
        Assert.Equal(1, overdue.DaysOverdue);
    }

    [Theory]
    [InlineData(2024, "2024-03-02")] // leap year: 25, 26, 27, 28, 29 Feb, 1, 2 Mar = 7 days
    [InlineData(2025, "2025-03-03")] // 25, 26, 27, 28 Feb, 1, 2, 3 Mar = 7 days
    public void ServiceDue_CrossesMonthEnd_GivenRequestOn25February(int year, string expected)
    {
        var clock = ClockAt(year, 2, 25, 9, 0);
        var service = RequestRehab(clock);

        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(expected).Value, Assert.Single(service.Deadlines(clock)).DueOn);
    }

    [Fact]
    public void ServiceDue_IsMetOnDueDateAndMetLateAfter_GivenDelivery()
    {
        var request = ClockAt(2025, 1, 31, 23, 59); // due 6 Feb
        var onTime = RequestRehab(request);
        onTime.TransitionTo(ServiceState.Accepted, Staff, ClockAt(2025, 2, 3, 10, 0));
        onTime.TransitionTo(ServiceState.Delivered, Staff, ClockAt(2025, 2, 6, 23, 0));
        var met = Assert.Single(onTime.Deadlines(ClockAt(2025, 3, 1, 0, 0)));
        Assert.Equal((DeadlineStatus.Met, new LocalDate(2025, 2, 6), 0), (met.Status, met.ClosedOn!.Value, met.DaysOverdue));

        var late = RequestRehab(request);
        late.TransitionTo(ServiceState.Accepted, Staff, ClockAt(2025, 2, 3, 10, 0));
        late.TransitionTo(ServiceState.Delivered, Staff, ClockAt(2025, 2, 7, 0, 1));
        var metLate = Assert.Single(late.Deadlines(ClockAt(2025, 3, 1, 0, 0)));
        Assert.Equal((DeadlineStatus.MetLate, 1), (metLate.Status, metLate.DaysOverdue));
    }

    [Fact]
    public void ServiceDue_IsStoppedOrMissed_GivenRefusalBeforeOrAfterDueDate()
    {
        var before = RequestRehab(ClockAt(2025, 1, 31, 23, 59));
        before.TransitionTo(ServiceState.Refused, Staff, ClockAt(2025, 2, 3, 8, 0), "victim declined");
        Assert.Equal(DeadlineStatus.Stopped, Assert.Single(before.Deadlines(ClockAt(2025, 3, 1, 0, 0))).Status);

        var after = RequestRehab(ClockAt(2025, 1, 31, 23, 59));
        after.TransitionTo(ServiceState.Refused, Staff, ClockAt(2025, 2, 10, 8, 0), "no provider");
        var missed = Assert.Single(after.Deadlines(ClockAt(2025, 3, 1, 0, 0)));
        Assert.Equal((DeadlineStatus.Missed, 4), (missed.Status, missed.DaysOverdue)); // 7, 8, 9, 10 Feb
    }

    [Fact]
    public void ServiceDue_IsAbsent_GivenNonStatutoryServiceWithoutConfiguration()
    {
        var clock = ClockAt(2025, 1, 10, 9, 0);
        var legalAid = ServiceWorkflow.Default.Start("svc-2", new ServiceContext(ServiceType.BantuanHukum, false, false), Staff, clock, Wita);
        Assert.Empty(legalAid.Deadlines(clock));

        var configured = ServiceWorkflow.Create(new ServiceDeadlineOptions(new Dictionary<ServiceType, int> { [ServiceType.BantuanHukum] = 14, [ServiceType.Pemulangan] = 30 }));
        var legalAid2 = configured.Start("svc-3", new ServiceContext(ServiceType.BantuanHukum, false, false), Staff, clock, Wita);
        Assert.Equal(new LocalDate(2025, 1, 23), Assert.Single(legalAid2.Deadlines(clock)).DueOn); // 10 Jan (1) ... 23 Jan (14)

        // The statutory 7 days cannot be configured away.
        var repatriation = configured.Start("svc-4", new ServiceContext(ServiceType.Pemulangan, false, false), Staff, clock, Wita);
        Assert.Equal(new LocalDate(2025, 1, 16), Assert.Single(repatriation.Deadlines(clock)).DueOn); // 10 Jan (1) ... 16 Jan (7)
    }

    [Fact]
    public void RestitutionDeadlines_CrossDecember31_GivenNoticeOn25December()
    {
        // Notice of the final verdict on 25 Dec 2025. 14 days counting 25 Dec as day 1: 25-31 Dec = 7 days, 1-7 Jan = 7 days
        // -> due 7 Jan 2026. A warning can be dated 8 Jan at the earliest.
        var claim = RestitutionWorkflow.Default.Start("rest-1", new RestitutionContext(RestitutionBasis.Uu21Tahun2007), Staff, ClockAt(2025, 3, 1, 9, 0), Wita);
        claim.TransitionTo(RestitutionState.InTuntutan, Staff, ClockAt(2025, 9, 1, 9, 0));
        claim.TransitionTo(RestitutionState.Ordered, Staff, ClockAt(2025, 10, 1, 9, 0));
        claim.TransitionTo(RestitutionState.Due, Staff, ClockAt(2025, 12, 27, 9, 0), effectiveOn: new LocalDate(2025, 12, 25));

        var due = Assert.Single(claim.Deadlines(ClockAt(2026, 1, 7, 12, 0)));
        Assert.Equal((RestitutionWorkflow.PaymentDeadlineId, new LocalDate(2026, 1, 7), DeadlineStatus.DueToday), (due.Id, due.DueOn, due.Status));

        var tooEarly = Assert.Throws<IllegalTransitionException>(() => claim.TransitionTo(RestitutionState.Warned, Staff, ClockAt(2026, 1, 7, 12, 0)));
        Assert.Contains("2026-01-07", tooEarly.Refusal, StringComparison.Ordinal);
        Assert.Equal(["paid"], tooEarly.AllowedTargets);

        claim.TransitionTo(RestitutionState.Warned, Staff, ClockAt(2026, 1, 8, 9, 0));
        // Warning on 8 Jan: 14 days counting 8 Jan as day 1 -> 21 Jan 2026; seizure from 22 Jan.
        var deadlines = claim.Deadlines(ClockAt(2026, 1, 22, 9, 0));
        Assert.Equal(DeadlineStatus.Missed, deadlines[0].Status);
        Assert.Equal((RestitutionWorkflow.WarningDeadlineId, new LocalDate(2026, 1, 21), DeadlineStatus.Overdue, 1), (deadlines[1].Id, deadlines[1].DueOn, deadlines[1].Status, deadlines[1].DaysOverdue));
        Assert.Throws<IllegalTransitionException>(() => claim.TransitionTo(RestitutionState.SeizureAuction, Staff, ClockAt(2026, 1, 21, 23, 59)));
        claim.TransitionTo(RestitutionState.SeizureAuction, Staff, ClockAt(2026, 1, 22, 0, 1));
        Assert.Equal("seizure_auction", claim.StateCode);
    }

    [Fact]
    public void RestitutionPayment_Is30Days_GivenTpksBasis()
    {
        // UU 12/2022 Pasal 33: 30 days; copy received 15 Dec 2025: 15-31 Dec = 17 days, 1-13 Jan = 13 days -> 13 Jan 2026.
        var claim = RestitutionWorkflow.Default.Rehydrate("rest-2", new RestitutionContext(RestitutionBasis.Uu12Tahun2022),
            History(RestitutionWorkflow.Default, "rest-2", [RestitutionState.Claimed, RestitutionState.InTuntutan, RestitutionState.Ordered]), Wita);
        claim.TransitionTo(RestitutionState.Due, Staff, ClockAt(2025, 12, 16, 9, 0), effectiveOn: new LocalDate(2025, 12, 15));
        Assert.Equal(new LocalDate(2026, 1, 13), Assert.Single(claim.Deadlines(ClockAt(2025, 12, 16, 9, 0))).DueOn);
    }

    [Fact]
    public void FirstResponse_RunsInHoursAcrossMidnight_GivenSedangIntakeAt2000Wita()
    {
        // Sedang: 6 hours. Intake 31 Mar 2025 20:00 WITA -> due 1 Apr 02:00 WITA (business date 1 Apr, a new month).
        var intake = ClockAt(2025, 3, 31, 20, 0);
        var file = CaseManagementWorkflow.Default.Start("case-1", new CaseManagementContext(RiskLevel.Sedang), Staff, intake, Wita);

        var pending = Assert.Single(file.Deadlines(ClockAt(2025, 4, 1, 1, 59)));
        Assert.Equal((DeadlineStatus.Pending, new LocalDate(2025, 4, 1)), (pending.Status, pending.DueOn));
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 18, 0), pending.DueAt);
        Assert.Equal(DeadlineStatus.Overdue, Assert.Single(file.Deadlines(ClockAt(2025, 4, 1, 2, 1))).Status);

        file.TransitionTo(CaseStage.Assessment, Staff, ClockAt(2025, 4, 1, 2, 30));
        Assert.Equal(DeadlineStatus.MetLate, Assert.Single(file.Deadlines(ClockAt(2025, 4, 2, 0, 0))).Status);
    }

    [Fact]
    public void FirstResponse_UsesConfiguredHours_GivenOptions()
    {
        var workflow = CaseManagementWorkflow.Create(new FirstResponseOptions(TinggiHours: 1, SedangHours: 12, RendahHours: 48));
        var intake = ClockAt(2025, 6, 1, 8, 0);
        var file = workflow.Start("case-2", new CaseManagementContext(RiskLevel.Rendah), Staff, intake, Wita);
        Assert.Equal(new LocalDate(2025, 6, 3), Assert.Single(file.Deadlines(intake)).DueOn); // +48 h = 3 Jun 08:00
        file.TransitionTo(CaseStage.Assessment, Staff, ClockAt(2025, 6, 2, 8, 0));
        Assert.Equal(DeadlineStatus.Met, Assert.Single(file.Deadlines(ClockAt(2025, 7, 1, 0, 0))).Status);
    }

    [Fact]
    public void P19FileReturn_Crosses31December_GivenP19On20December()
    {
        // 14 days counting 20 Dec as day 1: 20-31 Dec = 12 days, 1-2 Jan = 2 days -> due 2 Jan 2026.
        var def = CriminalJusticeWorkflow.Default;
        var proceeding = def.Rehydrate("lp-1", new CriminalJusticeContext(new LocalDate(2020, 1, 15)),
            History(def, "lp-1", [JusticeStage.LaporanPolisi, JusticeStage.Penyelidikan, JusticeStage.Penyidikan]), Wita);
        proceeding.TransitionTo(JusticeStage.P19, Staff, ClockAt(2025, 12, 22, 9, 0), "victim's statement missing", new LocalDate(2025, 12, 20));

        var deadline = Assert.Single(proceeding.Deadlines(ClockAt(2026, 1, 3, 9, 0)));
        Assert.Equal((new LocalDate(2026, 1, 2), DeadlineStatus.Overdue, 1), (deadline.DueOn, deadline.Status, deadline.DaysOverdue));

        proceeding.TransitionTo(JusticeStage.P21, Staff, ClockAt(2026, 1, 5, 9, 0));
        var closed = Assert.Single(proceeding.Deadlines(ClockAt(2026, 1, 6, 9, 0)));
        Assert.Equal((DeadlineStatus.MetLate, 3), (closed.Status, closed.DaysOverdue)); // 3, 4, 5 Jan
    }
}
