using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using static TaskForce.Domain.Tests.Workflows.WorkflowFixture;

namespace TaskForce.Domain.Tests.Workflows;

/// <summary>Issue 14 item 6 (ADR-023): first response from the report to the effective time of the first contact,
/// risk reassessment in place, and the new criminal-justice exits, with FakeClock at WITA (UTC+8) boundaries. Every
/// instant below is converted by hand in the comment.</summary>
public class FieldSemanticsTests
{
    private static WorkflowInstance<CaseStage, CaseManagementContext> Intake(RiskLevel level, Instant reportedAt, FakeClock clock) =>
        CaseManagementWorkflow.Default.Start("case-1", new CaseManagementContext(level) { ReportedAt = reportedAt }, Staff, clock, Wita, effectiveOn: DistrictTime.BusinessDate(reportedAt, Wita));

    private static Instant AtWita(int y, int m, int d, int h, int min) =>
        new LocalDateTime(y, m, d, h, min).InZoneStrictly(Wita).ToInstant();

    [Fact]
    public void FirstResponse_StartsAtReportedAt_GivenTheWorkflowEnteredTwoDaysLate()
    {
        // Reported 23:30 WITA on 31 March 2025 (15:30Z); rendah: 24 h -> due 23:30 WITA on 1 April (15:30Z).
        // The workflow row is created on 2 April at 09:00 WITA: the old clock would have started then (due 3 April).
        var reported = AtWita(2025, 3, 31, 23, 30);
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 15, 30), reported);
        var clock = ClockAt(2025, 4, 2, 9, 0);
        var cm = Intake(RiskLevel.Rendah, reported, clock);

        var d = Assert.Single(cm.Deadlines(clock));
        Assert.Equal(reported, d.StartsAt);
        Assert.Equal(new LocalDate(2025, 3, 31), d.StartsOn);
        Assert.Equal(Instant.FromUtc(2025, 4, 1, 15, 30), d.DueAt);
        Assert.Equal(new LocalDate(2025, 4, 1), d.DueOn);
        Assert.Equal(DeadlineStatus.Overdue, d.Status);
    }

    [Fact]
    public void FirstResponse_IsMetByTheEffectiveTime_GivenTheContactEnteredAfterTheDue()
    {
        // Sedang, reported 20:00 WITA on 31 Jan 2025 (12:00Z): due +6 h = 02:00 WITA on 1 Feb (18:00Z 31 Jan).
        // The worker met the victim at 01:59 WITA on 1 Feb and records it at 10:00 WITA: met, on business date 1 Feb.
        var reported = AtWita(2025, 1, 31, 20, 0);
        var cm = Intake(RiskLevel.Sedang, reported, ClockAt(2025, 1, 31, 20, 5));
        var entry = ClockAt(2025, 2, 1, 10, 0);
        var contact = AtWita(2025, 2, 1, 1, 59);
        Assert.Equal(Instant.FromUtc(2025, 1, 31, 17, 59), contact);

        var record = cm.TransitionTo(CaseStage.Assessment, Staff, entry, null, null, null, contact);

        Assert.Equal(contact, record.EffectiveAt);
        Assert.Equal(new LocalDate(2025, 2, 1), record.EffectiveOn);
        var d = Assert.Single(cm.Deadlines(entry));
        Assert.Equal(Instant.FromUtc(2025, 1, 31, 18, 0), d.DueAt);
        Assert.Equal(DeadlineStatus.Met, d.Status);
        Assert.Equal(new LocalDate(2025, 2, 1), d.ClosedOn);
    }

    [Fact]
    public void FirstResponse_IsMetLate_GivenTheContactOneMinuteAfterTheDue()
    {
        var reported = AtWita(2025, 1, 31, 20, 0); // due 02:00 WITA on 1 Feb (above)
        var cm = Intake(RiskLevel.Sedang, reported, ClockAt(2025, 1, 31, 20, 5));
        var entry = ClockAt(2025, 2, 1, 10, 0);

        cm.TransitionTo(CaseStage.Assessment, Staff, entry, null, null, null, AtWita(2025, 2, 1, 2, 1));

        Assert.Equal(DeadlineStatus.MetLate, Assert.Single(cm.Deadlines(entry)).Status);
    }

    [Fact]
    public void FirstResponse_IsMetForTinggi_GivenTheContactAtTheReportInstant()
    {
        // Tinggi is "immediately" (0 h): a walk-in whose first contact is the report itself is on time.
        var reported = AtWita(2025, 6, 1, 23, 59);
        var clock = ClockAt(2025, 6, 2, 0, 30);
        var cm = Intake(RiskLevel.Tinggi, reported, clock);

        cm.TransitionTo(CaseStage.Services, Staff, clock, "emergency shelter", null, null, reported);

        Assert.Equal(DeadlineStatus.Met, Assert.Single(cm.Deadlines(clock)).Status);
    }

    [Fact]
    public void TransitionTo_RefusesEffectiveAt_GivenATimeBeforeTheReportOrAfterNow()
    {
        var reported = AtWita(2025, 1, 31, 20, 0);
        var clock = ClockAt(2025, 1, 31, 23, 0);
        var cm = Intake(RiskLevel.Sedang, reported, clock);

        var early = Assert.Throws<DomainValidationException>(() => cm.TransitionTo(CaseStage.Assessment, Staff, clock, null, null, null, reported.Minus(Duration.FromMinutes(1))));
        Assert.Equal("effective_at", early.Field);
        var future = Assert.Throws<DomainValidationException>(() => cm.TransitionTo(CaseStage.Assessment, Staff, clock, null, null, null, clock.GetCurrentInstant().Plus(Duration.FromMinutes(1))));
        Assert.Equal("effective_at", future.Field);
        var otherDay = Assert.Throws<DomainValidationException>(() => cm.TransitionTo(CaseStage.Assessment, Staff, clock, null, new LocalDate(2025, 1, 30), null, AtWita(2025, 1, 31, 21, 0)));
        Assert.Equal("effective_at", otherDay.Field);
        Assert.Equal(CaseStage.Intake, cm.State);
        Assert.Equal(1, cm.Version);
    }

    [Fact]
    public void Reassessment_RecomputesTheFirstResponseDue_GivenRendahRaisedToSedangInIntake()
    {
        // Reported 22:00 WITA on 28 Feb 2025 (14:00Z). Rendah: due +24 h = 22:00 WITA 1 March. Raised to sedang at
        // 23:00 WITA: due reported + 6 h = 04:00 WITA on 1 March (20:00Z 28 Feb). Not restarted by the step in place.
        var reported = AtWita(2025, 2, 28, 22, 0);
        var clock = ClockAt(2025, 2, 28, 23, 0);
        var cm = Intake(RiskLevel.Rendah, reported, clock);
        Assert.Equal(Instant.FromUtc(2025, 3, 1, 14, 0), Assert.Single(cm.Deadlines(clock)).DueAt);

        var raised = cm.Context with { RiskLevel = RiskLevel.Sedang, Reassessments = [new RiskReassessment(2, RiskLevel.Rendah, RiskLevel.Sedang)] };
        var record = cm.TransitionTo(CaseStage.Intake, Staff, clock, "threats by phone", null, raised);

        Assert.Equal("intake", record.From);
        Assert.Equal("intake", record.To);
        var d = Assert.Single(cm.Deadlines(clock));
        Assert.Equal(1, d.StartedBySequence);
        Assert.Equal(Instant.FromUtc(2025, 2, 28, 20, 0), d.DueAt);
        Assert.Equal(new LocalDate(2025, 3, 1), d.DueOn);
        Assert.Equal(DeadlineStatus.Pending, d.Status);
        Assert.Equal(DeadlineStatus.Overdue, Assert.Single(cm.Deadlines(ClockAt(2025, 3, 1, 4, 1))).Status);
    }

    [Fact]
    public void Reassessment_KeepsAClosedFirstResponse_GivenTheLevelRaisedAfterTheContact()
    {
        // Rendah reported 08:00 WITA 3 March 2025, contact 20:00 WITA (12 h < 24 h): met. Raised to tinggi in
        // assessment the next day: the closed deadline keeps the rendah terms.
        var reported = AtWita(2025, 3, 3, 8, 0);
        var clock = ClockAt(2025, 3, 3, 20, 0);
        var cm = Intake(RiskLevel.Rendah, reported, clock);
        cm.TransitionTo(CaseStage.Assessment, Staff, clock);
        var later = ClockAt(2025, 3, 4, 9, 0);

        cm.TransitionTo(CaseStage.Assessment, Staff, later, "new facts", null, cm.Context with { RiskLevel = RiskLevel.Tinggi, Reassessments = [new RiskReassessment(3, RiskLevel.Rendah, RiskLevel.Tinggi)] });

        var d = Assert.Single(cm.Deadlines(later));
        Assert.Equal(DeadlineStatus.Met, d.Status);
        Assert.Equal(Instant.FromUtc(2025, 3, 4, 0, 0), d.DueAt); // 08:00 WITA 4 March = 00:00Z
        Assert.Equal(RiskLevel.Tinggi, cm.Context.RiskLevel);
    }

    [Fact]
    public void Reassessment_IsRefused_GivenAStepInPlaceWithoutANewLevelOrAChangeWithoutRecord()
    {
        var clock = ClockAt(2025, 3, 3, 9, 0);
        var cm = Intake(RiskLevel.Rendah, AtWita(2025, 3, 3, 8, 0), clock);

        var illegal = Assert.Throws<IllegalTransitionException>(() => cm.TransitionTo(CaseStage.Intake, Staff, clock, "again"));
        Assert.Contains("risk_level", illegal.Refusal!, StringComparison.Ordinal);
        var silent = Assert.Throws<DomainValidationException>(() => cm.TransitionTo(CaseStage.Assessment, Staff, clock, null, null, cm.Context with { RiskLevel = RiskLevel.Tinggi }));
        Assert.Equal("context", silent.Field);
        Assert.Equal(1, cm.Version);
    }

    [Fact]
    public void Penyelidikan_EndsAsDihentikanAndResumes_GivenNoCrimeFoundThenNewInformation()
    {
        var clock = ClockAt(2025, 5, 31, 23, 59); // business date 31 May (15:59Z)
        var cj = CriminalJusticeWorkflow.Default.Start("case-1", new CriminalJusticeContext(null), Staff, clock, Wita);
        cj.TransitionTo(JusticeStage.Penyelidikan, Staff, clock);

        Assert.Throws<DomainValidationException>(() => cj.TransitionTo(JusticeStage.Dihentikan, Staff, clock));
        var stop = cj.TransitionTo(JusticeStage.Dihentikan, Staff, ClockAt(2025, 6, 1, 0, 1), "gelar perkara: not a criminal act");
        Assert.Equal("dihentikan", stop.To);
        Assert.Equal(new LocalDate(2025, 6, 1), stop.EffectiveOn); // 00:01 WITA = 16:01Z on 31 May
        Assert.Equal(["penyelidikan"], cj.AllowedTargets(Staff, new LocalDate(2025, 6, 1)).Select(cj.Definition.ToCode));
        Assert.Throws<IllegalTransitionException>(() => cj.TransitionTo(JusticeStage.Penyidikan, Staff, ClockAt(2025, 6, 2, 9, 0)));
        Assert.Equal("penyelidikan", cj.TransitionTo(JusticeStage.Penyelidikan, Staff, ClockAt(2025, 6, 2, 9, 0), "new witness").To);
    }

    [Fact]
    public void TahapII_EndsAsSkp2AndReopens_GivenTheProsecutorStopsThenFindsNewReasons()
    {
        var clock = ClockAt(2025, 7, 1, 9, 0);
        var cj = CriminalJusticeWorkflow.Default.Start("case-1", new CriminalJusticeContext(new LocalDate(2025, 7, 1)), Staff, clock, Wita);
        foreach (var s in new[] { JusticeStage.Penyidikan, JusticeStage.P21, JusticeStage.TahapII })
        {
            cj.TransitionTo(s, Staff, clock);
        }

        Assert.Equal("skp2", cj.TransitionTo(JusticeStage.Skp2, Staff, clock, "KUHAP 140(2)(a): insufficient evidence").To);
        Assert.Equal("penuntutan", cj.TransitionTo(JusticeStage.Penuntutan, Staff, clock, "new evidence").To);
    }
}
