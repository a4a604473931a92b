using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Indicators;

/// <summary>A service request and the victim it is for.</summary>
/// <param name="Victim">The victim within the case, or <see langword="null"/> for a service to the whole case (it is
/// then attributed to every victim of the case).</param>
/// <param name="Instance">The service workflow instance.</param>
public sealed record VictimService(PersonId? Victim, WorkflowInstance<ServiceState, ServiceContext> Instance);

/// <summary>The workflow instances of one case, as storage holds them.</summary>
public sealed record CaseWorkflows
{
    /// <summary>No workflow started.</summary>
    public static readonly CaseWorkflows None = new();

    /// <summary>Gets the case-management instance, or <see langword="null"/>.</summary>
    public WorkflowInstance<CaseStage, CaseManagementContext>? CaseManagement { get; init; }

    /// <summary>Gets the service requests.</summary>
    public IReadOnlyList<VictimService> Services { get; init; } = [];

    /// <summary>Gets the referrals and transfers.</summary>
    public IReadOnlyList<WorkflowInstance<ReferralState, ReferralContext>> Referrals { get; init; } = [];

    /// <summary>Gets the criminal-justice tracks: one per suspect and at most one for the case as a whole (ADR-023), in
    /// any order (the mapping does not depend on it, ADR-008 rule 12).</summary>
    public IReadOnlyList<WorkflowInstance<JusticeStage, CriminalJusticeContext>> CriminalJusticeTracks { get; init; } = [];

    /// <summary>Gets the criminal-justice track of a case that has one, or sets the tracks to this one; kept for the
    /// consumers of 0.1.0, from when a case had one track.</summary>
    /// <value>The first track by subject id (ordinal), or <see langword="null"/> when there is none; setting
    /// <see langword="null"/> leaves no track. Use <see cref="CriminalJusticeTracks"/>: a case can hold several.</value>
    [Obsolete("A case holds one criminal-justice track per suspect (ADR-023): use CriminalJusticeTracks.")]
    public WorkflowInstance<JusticeStage, CriminalJusticeContext>? CriminalJustice
    {
        get => CriminalJusticeTracks.OrderBy(t => t.SubjectId, StringComparer.Ordinal).FirstOrDefault();
        init => CriminalJusticeTracks = value is null ? [] : [value];
    }

    /// <summary>Gets the restitution claims.</summary>
    public IReadOnlyList<WorkflowInstance<RestitutionState, RestitutionContext>> Restitutions { get; init; } = [];
}

/// <summary>
/// Maps a case record and its workflow instances to the de-identified indicator input: one
/// <see cref="VictimCaseFact"/> per victim (one without a person when the case has no victim yet).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Person key: <see cref="PersonKeyer"/>; no identity value is copied.</item>
/// <item>Consent (ADR-018): only the victims whose consent to reporting stands now
/// (<see cref="CaseRecord.CountsForReporting"/>) get a fact; when no victim of the case has it, every victim gets a
/// fact with <see cref="VictimCaseFact.ConsentToReporting"/> false (a case without victims follows its intake
/// consent).</item>
/// <item>Trafficking: case type <c>tppo</c>, or the SIMFONI-PPA form <c>trafficking</c>; a <c>tppo</c> case without
/// SIMFONI forms is recorded with the form <c>trafficking</c>.</item>
/// <item>Destination: the destination country; a destination province alone means Indonesia (<c>ID</c>).</item>
/// <item>Age: the age at the act; an unborn victim is 0.</item>
/// <item>Milestones: the business date each stage was first entered (<see cref="TransitionRecord.EffectiveOn"/>); SPDP
/// is the SPDP date of the criminal-justice facts, else the date investigation (penyidikan) was entered. A case with
/// several criminal-justice tracks (one per suspect, ADR-023) reached a stage when any track did, on the earliest date
/// any track did (ADR-008 rule 12); restitution ordered and paid are likewise the earliest over the case's claims.</item>
/// <item>First response: the due instant of the <c>first_response</c> deadline (from the case's <c>reported_at</c>, ADR-023)
/// and the effective instant of the first contact (the step out of intake; its recording instant when none was given).</item>
/// <item>Services: request date, <c>service_due</c> date, the delivery date, or the date it was refused or referred.</item>
/// <item>Referrals: the first decision after <c>in_progress</c> and its date.</item>
/// <item>Deadlines: every deadline of every workflow (of every criminal-justice track, in subject-id order), as
/// <c>workflow.deadline_id</c>.</item>
/// </list>
/// </remarks>
public static class VictimCaseFactMapper
{
    /// <summary>Maps one case.</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="workflows">Its workflow instances. Cannot be <see langword="null"/>.</param>
    /// <param name="keyer">The person keyer. Cannot be <see langword="null"/>.</param>
    /// <returns>One fact per victim consenting to reporting (or per victim when none does), in the case's victim order;
    /// one fact without a person when there is no victim.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<VictimCaseFact> Map(CaseRecord record, CaseWorkflows workflows, PersonKeyer keyer)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(keyer);

        var simfoni = SimfoniFormSet.Of(record.SimfoniForms);
        if (record.CaseType == CaseType.Tppo && simfoni.Bits == 0)
        {
            simfoni = SimfoniFormSet.Of([SimfoniViolenceForm.Trafficking]);
        }

        var template = new VictimCaseFact
        {
            CaseId = record.Id.Value,
            Agency = $"{record.ReportingAgency.Kind.ToCode()}:{record.ReportingAgency.Name}",
            CaseType = record.CaseType,
            Trafficking = record.CaseType == CaseType.Tppo || simfoni.Contains(SimfoniViolenceForm.Trafficking),
            Region = record.Region,
            Kecamatan = record.Places.OriginKecamatan,
            ConsentToReporting = record.Victims.Count == 0 ? record.Consent?.ForReporting == true : record.Victims.Any(v => record.CountsForReporting(v.Id)),
            ReportedAt = record.ReportedAt,
            OffenceDate = record.OffenceDate,
            Destination = record.Places.DestinationCountry ?? (record.Places.DestinationProvince is null ? null : CountryCode.Indonesia),
            Purposes = PurposeSet.Of(record.Elements.Purposes),
            SimfoniForms = simfoni,
            FirstResponse = FirstResponse(workflows.CaseManagement),
            Milestones = Milestones(workflows),
            Referrals = [.. workflows.Referrals.Select(Referral)],
            Deadlines = Deadlines(workflows),
        };

        if (record.Victims.Count == 0)
        {
            return [template];
        }

        // Consent is per victim (ADR-018): a victim without consent to reporting has no fact while another victim of
        // the case has one; when none has, every victim keeps a fact marked without consent, so the case is counted
        // among the records without consent and left out of everything else.
        var counted = record.Victims.Where(v => record.CountsForReporting(v.Id)).ToList();
        return [.. (counted.Count > 0 ? counted : record.Victims).Select(v =>
        {
            var key = record.LinkagePseudonyms.TryGetValue(v.Id.Value, out string? pseudonym) ? keyer.KeyOfPseudonym(pseudonym) : keyer.KeyOf(record.Id, v);
            return template with
            {
                PersonKey = key.Value,
                PersonKeyLinkable = key.Linkable,
                Sex = v.Sex,
                AgeAtOffence = v.Unborn ? 0 : v.AgeAtOffence,
                Citizenship = v.Citizenship,
                MigrantWorkerStatus = v.MigrantWorkerStatus,
                Services = [.. workflows.Services.Where(s => s.Victim is null || s.Victim == v.Id).Select(s => Service(s.Instance))],
            };
        })];
    }

    private static FirstResponseFact? FirstResponse(WorkflowInstance<CaseStage, CaseManagementContext>? cm)
    {
        if (cm is null)
        {
            return null;
        }

        var deadline = cm.Deadlines(ClockAtEnd(cm.History)).FirstOrDefault(d => d.Id == "first_response" && d.DueAt is not null);
        if (deadline is null)
        {
            return null;
        }

        string intake = cm.Definition.ToCode(CaseStage.Intake);
        var left = cm.History.FirstOrDefault(r => r.From == intake && r.To != intake); // a reassessment in intake is not a response
        return new FirstResponseFact(deadline.DueAt!.Value, left is null ? null : left.EffectiveAt ?? left.RecordedAt);
    }

    private static JusticeMilestones Milestones(CaseWorkflows w)
    {
        // ADR-008 rule 12: the funnel counts cases, so each stage is the earliest date over the case's tracks; a track
        // that stopped (dihentikan, SP3, SKP2) takes nothing away from another, and the read order does not matter.
        LocalDate? AnyTrack(Func<WorkflowInstance<JusticeStage, CriminalJusticeContext>, LocalDate?> date) =>
            w.CriminalJusticeTracks.Select(date).Where(d => d is not null).Min();
        LocalDate? Track(JusticeStage stage) => AnyTrack(t => Entered(t, stage));
        LocalDate? Earliest(RestitutionState state) =>
            w.Restitutions.Select(r => Entered(r, state)).Where(d => d is not null).Min();

        return new JusticeMilestones(
            Track(JusticeStage.LaporanPolisi),
            AnyTrack(t => t.Context.SpdpSentOn ?? Entered(t, JusticeStage.Penyidikan)),
            Track(JusticeStage.P21),
            Track(JusticeStage.PutusanPn),
            Track(JusticeStage.Inkracht),
            Earliest(RestitutionState.Ordered),
            Earliest(RestitutionState.Paid));
    }

    private static ServiceFact Service(WorkflowInstance<ServiceState, ServiceContext> s)
    {
        var due = s.Deadlines(ClockAtEnd(s.History)).FirstOrDefault(d => d.Id == "service_due");
        return new ServiceFact(
            s.Context.Type,
            s.History[0].EffectiveOn,
            due?.DueOn,
            Entered(s, ServiceState.Delivered),
            s.History.FirstOrDefault(r => s.Definition.ParseState(r.To) is ServiceState.Refused or ServiceState.Referred)?.EffectiveOn);
    }

    private static ReferralFact Referral(WorkflowInstance<ReferralState, ReferralContext> r)
    {
        string inProgress = r.Definition.ToCode(ReferralState.InProgress);
        var decision = r.History.FirstOrDefault(e => e.From == inProgress);
        var outcome = decision is null ? ReferralOutcome.InProgress : r.Definition.ParseState(decision.To) switch
        {
            ReferralState.Accepted => ReferralOutcome.Accepted,
            ReferralState.Rejected => ReferralOutcome.Rejected,
            ReferralState.Revoked => ReferralOutcome.Revoked,
            _ => ReferralOutcome.InProgress,
        };
        return new ReferralFact(r.SubjectId, r.History[0].EffectiveOn, outcome, outcome == ReferralOutcome.InProgress ? null : decision!.EffectiveOn);
    }

    private static List<DeadlineFact> Deadlines(CaseWorkflows w)
    {
        var result = new List<DeadlineFact>();
        void Add(string workflow, IReadOnlyList<TransitionRecord> history, Func<IClock, IReadOnlyList<Deadline>> evaluate)
        {
            foreach (var d in evaluate(ClockAtEnd(history)))
            {
                result.Add(new DeadlineFact($"{workflow}.{d.Id}", d.StartsOn, d.DueOn, d.DueAt, d.ClosedOn));
            }
        }

        if (w.CaseManagement is { } cm)
        {
            Add(CaseManagementWorkflow.Code, cm.History, cm.Deadlines);
        }

        foreach (var s in w.Services)
        {
            Add(ServiceWorkflow.Code, s.Instance.History, s.Instance.Deadlines);
        }

        foreach (var cj in w.CriminalJusticeTracks.OrderBy(t => t.SubjectId, StringComparer.Ordinal))
        {
            Add(CriminalJusticeWorkflow.Code, cj.History, cj.Deadlines);
        }

        foreach (var r in w.Restitutions)
        {
            Add(RestitutionWorkflow.Code, r.History, r.Deadlines);
        }

        return result;
    }

    /// <summary>Returns the business date a workflow first entered a state (by the workflow's own state code).</summary>
    private static LocalDate? Entered<TState, TContext>(WorkflowInstance<TState, TContext>? workflow, TState state)
        where TState : struct, Enum
        where TContext : class
    {
        if (workflow is null)
        {
            return null;
        }

        string code = workflow.Definition.ToCode(state);
        return workflow.History.FirstOrDefault(r => r.To == code)?.EffectiveOn;
    }

    /// <summary>A clock at the last event: the deadlines' start, due and closing dates do not depend on it.</summary>
    private static FixedClock ClockAtEnd(IReadOnlyList<TransitionRecord> history) => new(history[^1].RecordedAt);

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
