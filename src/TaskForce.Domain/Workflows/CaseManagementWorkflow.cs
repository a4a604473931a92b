using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>The stages of a case's management at the UPTD PPA.</summary>
public enum CaseStage
{
    /// <summary><c>intake</c>: the complaint (pengaduan) is received and identified by case type, risk level and
    /// service authority.</summary>
    Intake = 1,

    /// <summary><c>assessment</c>: bio-psycho-social assessment.</summary>
    Assessment = 2,

    /// <summary><c>intervention_plan</c>: the intervention plan agreed with the beneficiary.</summary>
    InterventionPlan = 3,

    /// <summary><c>services</c>: services are being delivered (each in its own service workflow).</summary>
    Services = 4,

    /// <summary><c>closed</c>: case closed; it can be reopened.</summary>
    Closed = 5,
}

/// <summary>The risk level set at intake (tingkat risiko).</summary>
public enum RiskLevel
{
    /// <summary><c>rendah</c>: low.</summary>
    Rendah = 1,

    /// <summary><c>sedang</c>: medium.</summary>
    Sedang = 2,

    /// <summary><c>tinggi</c>: the victim's safety or physical or psychological integrity is threatened without help.</summary>
    Tinggi = 3,
}

/// <summary>The facts of a case that its management workflow reads.</summary>
/// <param name="RiskLevel">The risk level now: set at intake, changed only by a recorded reassessment
/// (<see cref="Reassessments"/>); it chooses the first-response time limit.</param>
public sealed record CaseManagementContext(RiskLevel RiskLevel)
{
    /// <summary>Gets when the case was reported (the case's <c>reported_at</c>): the first-response clock starts here
    /// (ADR-023).</summary>
    /// <value>A UTC instant, or <see langword="null"/> for an instance stored before it was kept (the clock then starts
    /// at the instance's start event).</value>
    public Instant? ReportedAt { get; init; }

    /// <summary>Gets the recorded risk reassessments, oldest first.</summary>
    /// <value>Empty when the level set at intake stands.</value>
    public IReadOnlyList<RiskReassessment> Reassessments { get; init; } = [];

    /// <summary>Returns the risk level in force when the event with a given sequence happened, before that event's own
    /// change.</summary>
    /// <param name="sequence">The event's sequence (1-based); <see cref="int.MaxValue"/> for the level now.</param>
    /// <returns>The level set at intake with every reassessment recorded before that event applied.</returns>
    public RiskLevel RiskLevelBefore(int sequence)
    {
        RiskLevel level = Reassessments.Count > 0 ? Reassessments[0].From : RiskLevel;
        foreach (var r in Reassessments)
        {
            if (r.Sequence < sequence)
            {
                level = r.To;
            }
        }

        return level;
    }
}

/// <summary>One recorded change of a case's risk level (ADR-023).</summary>
/// <param name="Sequence">The sequence of the workflow event that recorded it.</param>
/// <param name="From">The level before.</param>
/// <param name="To">The level after; never equal to <paramref name="From"/>.</param>
public sealed record RiskReassessment(int Sequence, RiskLevel From, RiskLevel To);

/// <summary>
/// First-response time limits per risk level, in hours from the case's report (<c>reported_at</c>, ADR-023).
/// Configurable: the national numbers are not confirmed (docs/sources.md#uptd-ppa, #confidence).
/// </summary>
/// <remarks>
/// Defaults (docs/sources.md#uptd-ppa, "[U default]"): tinggi 0 h, sedang 6 h, rendah 24 h. Sources: a local DP3A standard
/// (SK 301/2022, SIPPN) serves high risk <i>immediately</i> and medium risk within about 6 hours [C for that
/// standard]; the low-risk time is not published [U]; Kab. Aceh Utara does outreach within 12 hours [C]. An SLA of
/// 0 hours means the first response is due at the instant of the report: it is met only by a first contact whose
/// effective time is the report itself (a walk-in served at once); a later contact counts as met late.
/// </remarks>
/// <param name="TinggiHours">Hours for <see cref="RiskLevel.Tinggi"/>, in [0, 8760].</param>
/// <param name="SedangHours">Hours for <see cref="RiskLevel.Sedang"/>, in [0, 8760].</param>
/// <param name="RendahHours">Hours for <see cref="RiskLevel.Rendah"/>, in [0, 8760].</param>
public sealed record FirstResponseOptions(int TinggiHours = 0, int SedangHours = 6, int RendahHours = 24)
{
    /// <summary>Gets the reference defaults.</summary>
    /// <value>0 / 6 / 24 hours.</value>
    public static FirstResponseOptions Default { get; } = new();
}

/// <summary>
/// Case management at the UPTD PPA: intake (pengaduan) → assessment → intervention plan → services → closure, with
/// reopening, and a first-response deadline per risk level.
/// </summary>
/// <remarks>
/// Flow per Permen PPPA 2/2022 (Standar Layanan PPA) as implemented in SIPPN service standards: channels → identification
/// by case type, risk level and service authority → assessment → intervention plan → recording in SIMFONI
/// (docs/sources.md#uptd-ppa) [C]. Unlike Primero, whose <c>workflow</c> field is recomputed from data on every save
/// (docs/sources.md#primero), every change here is an explicit, audited transition. Reopening follows Primero's reopen rule
/// (docs/sources.md#primero, <c>reopenable.rb</c>): a closed case returns to assessment or to services, always with a reason.
/// </remarks>
public static class CaseManagementWorkflow
{
    /// <summary>The workflow code.</summary>
    public const string Code = "case_management";

    private const string Flow = "Permen PPPA 2/2022 service flow (SIPPN standards) [C]";

    private const string Reassess = "risk reassessment in place (the stage is kept): the level identified at intake is re-examined on new information; Permen PPPA 2/2022 identification by risk level [C], reassessment as a recorded step [U, ADR-023]";

    private const string RiskReassessedGuard = "risk_level_reassessed";

    /// <summary>The transition table: the only place the case-management rules live.</summary>
    public static readonly IReadOnlyList<TransitionRule<CaseStage, CaseManagementContext>> Transitions =
    [
        new(CaseStage.Intake, CaseStage.Assessment, ReasonRule.Optional, Flow),
        new(CaseStage.Intake, CaseStage.Services, ReasonRule.Required,
            "SIPPN outreach standard: for high-risk cases emergency service comes before assessment [C]",
            "risk_level_tinggi", RiskTinggi),
        new(CaseStage.Intake, CaseStage.Closed, ReasonRule.Required,
            "Permen PPPA 2/2022 identification by service authority (refer out or not a case) [C]"),
        new(CaseStage.Assessment, CaseStage.InterventionPlan, ReasonRule.Optional, Flow),
        new(CaseStage.Assessment, CaseStage.Closed, ReasonRule.Required, Flow),
        new(CaseStage.InterventionPlan, CaseStage.Services, ReasonRule.Optional, Flow),
        new(CaseStage.InterventionPlan, CaseStage.Assessment, ReasonRule.Required, "reassessment before the plan is carried out; " + Flow),
        new(CaseStage.InterventionPlan, CaseStage.Closed, ReasonRule.Required, Flow),
        new(CaseStage.Services, CaseStage.InterventionPlan, ReasonRule.Required, "plan revised during services; " + Flow),
        new(CaseStage.Services, CaseStage.Closed, ReasonRule.Optional, Flow),
        new(CaseStage.Closed, CaseStage.Assessment, ReasonRule.Required, "reopen (Primero reopenable.rb, docs/sources.md#primero)"),
        new(CaseStage.Closed, CaseStage.Services, ReasonRule.Required, "reopen for a new service (Primero reopenable.rb, docs/sources.md#primero)"),
        new(CaseStage.Intake, CaseStage.Intake, ReasonRule.Required, Reassess, RiskReassessedGuard, RiskReassessed),
        new(CaseStage.Assessment, CaseStage.Assessment, ReasonRule.Required, Reassess, RiskReassessedGuard, RiskReassessed),
        new(CaseStage.InterventionPlan, CaseStage.InterventionPlan, ReasonRule.Required, Reassess, RiskReassessedGuard, RiskReassessed),
        new(CaseStage.Services, CaseStage.Services, ReasonRule.Required, Reassess, RiskReassessedGuard, RiskReassessed),
    ];

    /// <summary>The state codes.</summary>
    public static readonly IReadOnlyList<KeyValuePair<CaseStage, string>> StateCodes =
    [
        new(CaseStage.Intake, "intake"),
        new(CaseStage.Assessment, "assessment"),
        new(CaseStage.InterventionPlan, "intervention_plan"),
        new(CaseStage.Services, "services"),
        new(CaseStage.Closed, "closed"),
    ];

    /// <summary>Gets the workflow with the reference's default first-response times.</summary>
    /// <value>The definition.</value>
    public static WorkflowDefinition<CaseStage, CaseManagementContext> Default { get; } = Create(FirstResponseOptions.Default);

    /// <summary>Returns the wire code of a risk level.</summary>
    /// <param name="level">The level.</param>
    /// <returns><c>tinggi</c>, <c>sedang</c> or <c>rendah</c>.</returns>
    public static string ToCode(this RiskLevel level) => level switch
    {
        RiskLevel.Tinggi => "tinggi",
        RiskLevel.Sedang => "sedang",
        _ => "rendah",
    };

    /// <summary>Parses a risk-level code.</summary>
    /// <param name="code"><c>tinggi</c>, <c>sedang</c> or <c>rendah</c>.</param>
    /// <returns>The level.</returns>
    /// <exception cref="Common.DomainValidationException">The code is none of these (field <c>risk_level</c>).</exception>
    public static RiskLevel ParseRiskLevel(string? code) => code switch
    {
        "tinggi" => RiskLevel.Tinggi,
        "sedang" => RiskLevel.Sedang,
        "rendah" => RiskLevel.Rendah,
        _ => throw new Common.DomainValidationException("risk_level", Common.Texts.Format(Resources.WorkflowsText.RiskLevelUnknown, code)),
    };

    /// <summary>Creates the workflow with configured first-response times.</summary>
    /// <param name="options">Hours per risk level.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An hour value is outside [0, 8760].</exception>
    public static WorkflowDefinition<CaseStage, CaseManagementContext> Create(FirstResponseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string source = "first response per risk level: docs/sources.md#uptd-ppa defaults 0/6/24 h [U]; SK 301/2022 local standard (immediate / ~6 h) [C]";
        var tinggi = DeadlineTerms.InHours(options.TinggiHours, source, confirmed: false);
        var sedang = DeadlineTerms.InHours(options.SedangHours, source, confirmed: false);
        var rendah = DeadlineTerms.InHours(options.RendahHours, source, confirmed: false);
        var leaveIntake = new HashSet<CaseStage>(Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Intake));
        DeadlineTerms Terms(RiskLevel level) => level switch { RiskLevel.Tinggi => tinggi, RiskLevel.Sedang => sedang, _ => rendah };
        return new WorkflowDefinition<CaseStage, CaseManagementContext>(
            Code,
            CaseStage.Intake,
            StateCodes,
            Transitions,
            [
                new DeadlineRule<CaseStage, CaseManagementContext>(
                    "first_response",
                    new HashSet<CaseStage> { CaseStage.Intake },
                    new HashSet<CaseStage> { CaseStage.Intake },
                    leaveIntake,
                    c => Terms(c.RiskLevel))
                {
                    StartsAtFact = c => c.ReportedAt,
                    RestartsOnReentry = false,
                    TermsAsOf = (c, sequence) => Terms(c.RiskLevelBefore(sequence)),
                },
            ],
            contextChangeCheck: CheckReassessment)
        {
            EffectiveAtCheck = (c, at) => c.ReportedAt is { } reported && at < reported
                ? Texts.Format(WorkflowsText.FirstContactBeforeReport, at, reported)
                : null,
        };
    }

    private static string? CheckReassessment(CaseManagementContext before, CaseManagementContext after)
    {
        int added = after.Reassessments.Count - before.Reassessments.Count;
        bool samePrefix = added >= 0 && before.Reassessments.SequenceEqual(after.Reassessments.Take(before.Reassessments.Count));
        if (!samePrefix || added > 1)
        {
            return WorkflowsText.ReassessmentsImmutable;
        }

        if (added == 0)
        {
            return before.RiskLevel == after.RiskLevel
                ? null
                : WorkflowsText.RiskLevelOnlyByReassessment;
        }

        var last = after.Reassessments[^1];
        if (last.From != before.RiskLevel || last.To != after.RiskLevel || last.From == last.To)
        {
            return Texts.Format(WorkflowsText.ReassessmentMustChangeLevel, before.RiskLevel.ToCode());
        }

        return null;
    }

    private static string? RiskReassessed(TransitionAttempt<CaseStage, CaseManagementContext> a) =>
        a.Context.Reassessments.Count > 0 && a.Context.Reassessments[^1].Sequence == a.History.Count + 1
            ? null
            : WorkflowsText.RepeatedStageNeedsReassessment;

    private static string? RiskTinggi(TransitionAttempt<CaseStage, CaseManagementContext> a) =>
        a.Context.RiskLevel == RiskLevel.Tinggi
            ? null
            : Texts.Format(WorkflowsText.ServicesBeforeAssessmentHighRiskOnly, a.Context.RiskLevel.ToCode());
}
