using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using static TaskForce.Domain.Tests.Workflows.WorkflowFixture;

namespace TaskForce.Domain.Tests.Workflows;

/// <summary>Guards, audit events and bad input, one rule at a time.</summary>
public class WorkflowRuleTests
{
    private static readonly NodaTime.Testing.FakeClock Noon = ClockAt(2025, 5, 20, 12, 0);

    [Fact]
    public void TransitionTo_RecordsAuditEvent_GivenLegalTransition()
    {
        var start = ClockAt(2025, 5, 19, 8, 30);
        var file = CaseManagementWorkflow.Default.Start("case-10", new CaseManagementContext(RiskLevel.Sedang), Staff, start, Wita);
        var worker = Actor.Create("staff-002", "uptd_ppa_ttu");

        var record = file.TransitionTo("assessment", worker, Noon, "  first home visit done  ");

        Assert.Equal(new TransitionRecord("case_management", "case-10", 2, "intake", "assessment", "staff-002", "uptd_ppa_ttu",
            Instant.FromUtc(2025, 5, 20, 4, 0), new LocalDate(2025, 5, 20), "first home visit done"), record);
        Assert.Equal(new TransitionRecord("case_management", "case-10", 1, null, "intake", "staff-001", "uptd_ppa_ttu",
            Instant.FromUtc(2025, 5, 19, 0, 30), new LocalDate(2025, 5, 19), null), file.History[0]);
        Assert.Equal((CaseStage.Assessment, 2), (file.State, file.Version));
    }

    [Fact]
    public void TransitionTo_ThrowsNamingAllowedTargets_GivenPairNotInTable()
    {
        var file = CaseManagementWorkflow.Default.Start("case-11", new CaseManagementContext(RiskLevel.Rendah), Staff, Noon, Wita);

        var ex = Assert.Throws<IllegalTransitionException>(() => file.TransitionTo(CaseStage.InterventionPlan, Staff, Noon));

        Assert.Equal(["assessment", "closed"], ex.AllowedTargets); // services needs tinggi; this case is rendah
        Assert.Equal("case_management: cannot change from 'intake' to 'intervention_plan': the transition is not in the table. Allowed from 'intake': assessment, closed.", ex.Message);
        Assert.Equal(1, file.Version);
    }

    [Fact]
    public void IntakeToServices_IsRefused_GivenRiskNotTinggi()
    {
        var file = CaseManagementWorkflow.Default.Start("case-12", new CaseManagementContext(RiskLevel.Sedang), Staff, Noon, Wita);
        var ex = Assert.Throws<IllegalTransitionException>(() => file.TransitionTo(CaseStage.Services, Staff, Noon, "emergency shelter"));
        Assert.Contains("tinggi", ex.Refusal, StringComparison.Ordinal);

        var urgent = CaseManagementWorkflow.Default.Start("case-13", new CaseManagementContext(RiskLevel.Tinggi), Staff, Noon, Wita);
        urgent.TransitionTo(CaseStage.Services, Staff, Noon, "emergency shelter before assessment");
        Assert.Equal(CaseStage.Services, urgent.State);
    }

    [Fact]
    public void Reopen_RequiresReason_GivenClosedCase()
    {
        var file = CaseManagementWorkflow.Default.Start("case-14", new CaseManagementContext(RiskLevel.Rendah), Staff, Noon, Wita);
        file.TransitionTo(CaseStage.Closed, Staff, Noon, "outside the district's service authority");

        var ex = Assert.Throws<DomainValidationException>(() => file.TransitionTo(CaseStage.Assessment, Staff, Noon, "   "));
        Assert.Equal("reason", ex.Field);
        Assert.Equal(2, file.Version);

        file.TransitionTo(CaseStage.Assessment, Staff, Noon, "victim returned with new information");
        Assert.Equal("assessment", file.StateCode);
    }

    [Fact]
    public void TransitionTo_ThrowsNamingField_GivenUnknownStateCode()
    {
        var file = CaseManagementWorkflow.Default.Start("case-15", new CaseManagementContext(RiskLevel.Rendah), Staff, Noon, Wita);
        var ex = Assert.Throws<DomainValidationException>(() => file.TransitionTo("pengaduan", Staff, Noon));
        Assert.Equal("to", ex.Field);
        Assert.Contains("intervention_plan", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransitionTo_ThrowsNamingField_GivenEffectiveDateOutOfOrderOrInFuture()
    {
        var file = CaseManagementWorkflow.Default.Start("case-16", new CaseManagementContext(RiskLevel.Rendah), Staff, Noon, Wita);

        var before = Assert.Throws<DomainValidationException>(() => file.TransitionTo(CaseStage.Assessment, Staff, Noon, effectiveOn: new LocalDate(2025, 5, 19)));
        Assert.Equal("effective_on", before.Field);
        Assert.Contains("out of order", before.Message, StringComparison.Ordinal);

        var future = Assert.Throws<DomainValidationException>(() => file.TransitionTo(CaseStage.Assessment, Staff, Noon, effectiveOn: new LocalDate(2025, 5, 21)));
        Assert.Equal("effective_on", future.Field);
        Assert.Equal(1, file.Version);
    }

    [Fact]
    public void TransitionTo_RejectsContextChange_GivenFixedFacts()
    {
        var file = CaseManagementWorkflow.Default.Start("case-17", new CaseManagementContext(RiskLevel.Rendah), Staff, Noon, Wita);
        var ex = Assert.Throws<DomainValidationException>(() => file.TransitionTo(CaseStage.Assessment, Staff, Noon, context: new CaseManagementContext(RiskLevel.Tinggi)));
        Assert.Equal("context", ex.Field);
    }

    [Theory]
    [InlineData("case\u00011")]
    [InlineData("")]
    [InlineData("   ")]
    public void Start_ThrowsNamingField_GivenBlankOrControlCharacterSubjectId(string id)
    {
        var ex = Assert.Throws<DomainValidationException>(() => CaseManagementWorkflow.Default.Start(id, new CaseManagementContext(RiskLevel.Rendah), Staff, Noon, Wita));
        Assert.Equal("subject_id", ex.Field);
    }

    [Fact]
    public void Start_AcceptsCourtCaseNumber_GivenSlashesInSubjectId()
    {
        var proceeding = CriminalJusticeWorkflow.Default.Start("27/Pid.Sus/2019/PN Kpg", new CriminalJusticeContext(null), Staff, Noon, Wita);
        Assert.Equal("27/Pid.Sus/2019/PN Kpg", proceeding.History[0].SubjectId);
    }

    [Fact]
    public void Actor_Create_ThrowsNamingField_GivenBlankAgency()
    {
        Assert.Equal("agency", Assert.Throws<DomainValidationException>(() => Actor.Create("staff-1", " ")).Field);
        Assert.Equal("actor", Assert.Throws<DomainValidationException>(() => Actor.Create(null, "polres_ttu")).Field);
    }

    [Fact]
    public void Rehydrate_ThrowsNamingEvent_GivenStepNotInTable()
    {
        var def = CriminalJusticeWorkflow.Default;
        var history = History(def, "lp-9", [JusticeStage.LaporanPolisi, JusticeStage.Penyelidikan, JusticeStage.Penyidikan]);
        history[2] = history[2] with { From = "laporan_polisi" };
        var mismatch = Assert.Throws<DomainValidationException>(() => def.Rehydrate("lp-9", new CriminalJusticeContext(null), history, Wita));
        Assert.Equal("history[2]", mismatch.Field);

        var skip = History(def, "lp-9", [JusticeStage.LaporanPolisi, JusticeStage.Penyelidikan, JusticeStage.Penyidikan]);
        skip[2] = skip[2] with { From = "penyelidikan", To = "p21" };
        Assert.Contains("not in the criminal_justice transition table", Assert.Throws<DomainValidationException>(() => def.Rehydrate("lp-9", new CriminalJusticeContext(null), skip, Wita)).Message, StringComparison.Ordinal);

        var reordered = History(def, "lp-9", [JusticeStage.LaporanPolisi, JusticeStage.Penyelidikan]);
        reordered[1] = reordered[1] with { EffectiveOn = new LocalDate(2019, 1, 1) };
        Assert.Equal("history[1]", Assert.Throws<DomainValidationException>(() => def.Rehydrate("lp-9", new CriminalJusticeContext(null), reordered, Wita)).Field);
    }

    [Theory]
    [InlineData(true, false, "sexual-violence (TPKS)")]
    [InlineData(false, true, "child sexual-violence")]
    public void Mediation_CanOnlyBeRefused_GivenTpksOrChildSexualViolence(bool tpks, bool childSexualViolence, string expected)
    {
        var mediation = ServiceWorkflow.Default.Start("svc-20", new ServiceContext(ServiceType.Mediasi, tpks, childSexualViolence), Staff, Noon, Wita);

        var ex = Assert.Throws<IllegalTransitionException>(() => mediation.TransitionTo(ServiceState.Accepted, Staff, Noon));
        Assert.Contains(expected, ex.Refusal, StringComparison.Ordinal);
        Assert.Contains("UU 12/2022 Pasal 23", ex.Refusal, StringComparison.Ordinal);
        Assert.Equal(["refused"], ex.AllowedTargets);
        Assert.Throws<IllegalTransitionException>(() => mediation.TransitionTo(ServiceState.Referred, Staff, Noon, "to another UPTD"));

        mediation.TransitionTo(ServiceState.Refused, Staff, Noon, "mediation not permitted in a sexual-violence case");
        Assert.Equal(ServiceState.Refused, mediation.State);
    }

    [Fact]
    public void Mediation_IsBlockedAtDelivery_GivenCaseReclassifiedAsTpksAfterAcceptance()
    {
        var mediation = ServiceWorkflow.Default.Start("svc-21", new ServiceContext(ServiceType.Mediasi, false, false), Staff, Noon, Wita);
        mediation.TransitionTo(ServiceState.Accepted, Staff, Noon);

        var ex = Assert.Throws<IllegalTransitionException>(() => mediation.TransitionTo(ServiceState.Delivered, Staff, Noon, context: new ServiceContext(ServiceType.Mediasi, true, false)));
        Assert.Equal(["refused"], ex.AllowedTargets);
        Assert.False(mediation.Context.IsTpks); // nothing changed
    }

    [Fact]
    public void Referral_Start_Throws_GivenNoConsentOrWrongAgency()
    {
        var noConsent = new ReferralContext(ReferralKind.Referral, "uptd_ppa_ttu", "rsud_kefamenanu", ConsentToShare.NotRecorded);
        Assert.Equal("consent_to_share", Assert.Throws<DomainValidationException>(() => ReferralWorkflow.Default.Start("ref-1", noConsent, Staff, Noon, Wita)).Field);

        var consent = noConsent with { Consent = ConsentToShare.Given };
        var police = Actor.Create("staff-9", "polres_ttu");
        Assert.Equal("agency", Assert.Throws<DomainValidationException>(() => ReferralWorkflow.Default.Start("ref-1", consent, police, Noon, Wita)).Field);
    }

    [Fact]
    public void Referral_OnlyReceiverAccepts_AndConsentWithdrawalLeavesOnlyRejectOrRevoke()
    {
        var context = new ReferralContext(ReferralKind.Referral, "uptd_ppa_ttu", "rsud_kefamenanu", ConsentToShare.Given);
        var hospital = Actor.Create("staff-h1", "RSUD_Kefamenanu");
        var referral = ReferralWorkflow.Default.Start("ref-2", context, Staff, Noon, Wita);

        var bySender = Assert.Throws<IllegalTransitionException>(() => referral.TransitionTo(ReferralState.Accepted, Staff, Noon));
        Assert.Equal(["revoked"], bySender.AllowedTargets);

        var withdrawn = Assert.Throws<IllegalTransitionException>(() => referral.TransitionTo(ReferralState.Accepted, hospital, Noon, context: context with { Consent = ConsentToShare.Withdrawn }));
        Assert.Contains("withdrawn", withdrawn.Refusal, StringComparison.Ordinal);
        Assert.Equal(["rejected"], withdrawn.AllowedTargets);

        referral.TransitionTo(ReferralState.Accepted, hospital, Noon);
        referral.TransitionTo(ReferralState.Done, hospital, Noon, "health screening completed");
        Assert.Equal("done", referral.StateCode);
    }

    [Fact]
    public void Transfer_IsCompleteOnAcceptance_GivenTransferKind()
    {
        var context = new ReferralContext(ReferralKind.Transfer, "uptd_ppa_ttu", "uptd_ppa_ntt", ConsentToShare.Given);
        var province = Actor.Create("staff-p1", "uptd_ppa_ntt");
        var transfer = ReferralWorkflow.Default.Start("trf-1", context, Staff, Noon, Wita);
        transfer.TransitionTo(ReferralState.Accepted, province, Noon);

        var done = Assert.Throws<IllegalTransitionException>(() => transfer.TransitionTo(ReferralState.Done, province, Noon));
        Assert.Contains("transfer is complete", done.Refusal, StringComparison.Ordinal);
        Assert.Empty(done.AllowedTargets);
        Assert.Empty(transfer.AllowedTargets(Staff, new LocalDate(2025, 5, 20)));
    }

    [Fact]
    public void Penyidikan_RequiresSpdp_GivenNoSpdpDate()
    {
        var police = Actor.Create("penyidik-1", "polres_ttu");
        var lp = CriminalJusticeWorkflow.Default.Start("lp-1", new CriminalJusticeContext(null), police, Noon, Wita);
        lp.TransitionTo(JusticeStage.Penyelidikan, police, Noon);

        var ex = Assert.Throws<IllegalTransitionException>(() => lp.TransitionTo(JusticeStage.Penyidikan, police, Noon));
        Assert.Contains("SPDP", ex.Refusal, StringComparison.Ordinal);
        Assert.Equal(["dihentikan"], ex.AllowedTargets); // only the end of the inquiry without a crime found (ADR-023)

        lp.TransitionTo(JusticeStage.Penyidikan, police, Noon, context: new CriminalJusticeContext(new LocalDate(2025, 5, 20)));
        Assert.Equal("penyidikan", lp.StateCode);
    }

    [Fact]
    public void P21_CannotGoBackToP19_AndDpoReturnsOnlyToStageLeft()
    {
        var def = CriminalJusticeWorkflow.Default;
        var context = new CriminalJusticeContext(new LocalDate(2020, 1, 1));
        var p21 = def.Rehydrate("lp-2", context, History(def, "lp-2", [JusticeStage.LaporanPolisi, JusticeStage.Penyelidikan, JusticeStage.Penyidikan, JusticeStage.P21]), Wita);
        Assert.Equal(["tahap_ii", "dpo"], Assert.Throws<IllegalTransitionException>(() => p21.TransitionTo(JusticeStage.P19, Staff, Noon, "x")).AllowedTargets);

        p21.TransitionTo(JusticeStage.Dpo, Staff, Noon, "suspect absconded before Tahap II");
        var ex = Assert.Throws<IllegalTransitionException>(() => p21.TransitionTo(JusticeStage.Penyidikan, Staff, Noon));
        Assert.Equal(["p21"], ex.AllowedTargets);
        p21.TransitionTo(JusticeStage.P21, Staff, Noon);
        Assert.Equal(JusticeStage.P21, p21.State);
    }

    [Fact]
    public void Restitution_RefundOnAcquittal_RequiresReason()
    {
        var def = RestitutionWorkflow.Default;
        var claim = def.Rehydrate("rest-9", new RestitutionContext(RestitutionBasis.Uu21Tahun2007), History(def, "rest-9", [RestitutionState.Claimed, RestitutionState.InTuntutan, RestitutionState.Ordered]), Wita);
        Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => claim.TransitionTo("refunded", Staff, Noon)).Field);
        claim.TransitionTo("refunded", Staff, Noon, "acquitted on cassation; deposit returned");
        Assert.Equal(RestitutionState.Refunded, claim.State);
        Assert.Empty(claim.AllowedTargets(Staff, new LocalDate(2025, 5, 20)));
    }

    [Fact]
    public void Timeline_ListsHistoryAndDeadlines_AsOfClockDateInWita()
    {
        var service = ServiceWorkflow.Default.Start("svc-30", new ServiceContext(ServiceType.PertolonganPertama, false, false), Staff, ClockAt(2025, 5, 20, 23, 30), Wita);
        var timeline = service.Timeline(ClockAt(2025, 5, 27, 0, 30)); // 20 May (1) ... 26 May (7): overdue on 27 May

        Assert.Equal(("service", "svc-30", "requested", 1, new LocalDate(2025, 5, 27), "Asia/Makassar"), (timeline.Workflow, timeline.SubjectId, timeline.State, timeline.Version, timeline.AsOf, timeline.Zone));
        var deadline = Assert.Single(timeline.Deadlines);
        Assert.Equal((new LocalDate(2025, 5, 26), DeadlineStatus.Overdue), (deadline.DueOn, deadline.Status));
        Assert.Contains("Pasal 53", deadline.Source, StringComparison.Ordinal);
    }
}
