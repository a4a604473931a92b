using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Indicators;

/// <summary>
/// The de-identified input of the case-record indicators: one victim of one case record, with the case's facts
/// repeated on each of its victims' rows, and no identity value (UU 21/2007 Pasal 44).
/// </summary>
/// <remarks>
/// <para>Built from a <see cref="CaseRecord"/> and its workflow instances by <see cref="VictimCaseFactMapper"/>, or by an
/// adapter from another source. The person is known only by <see cref="PersonKey"/>, a keyed hash computed outside the
/// indicators (<see cref="PersonKeyer"/>): equal keys in two agencies' records are one person.</para>
/// <para>A case with no victim recorded yet is one row whose <see cref="PersonKey"/> is <see langword="null"/>: it counts
/// in the case indicators and in no person indicator.</para>
/// <para>Case facts (<see cref="CaseId"/> to <see cref="Deadlines"/>) must be equal on every row of one case; the
/// indicator input keeps those of the first row it sees.</para>
/// </remarks>
public sealed record VictimCaseFact
{
    /// <summary>Gets the case id (not personal data).</summary>
    public required string CaseId { get; init; }

    /// <summary>Gets the agency that reported or holds the case, e.g. <c>police:Polres TTU</c>.</summary>
    public required string Agency { get; init; }

    /// <summary>Gets the case type.</summary>
    public required CaseType CaseType { get; init; }

    /// <summary>Gets a value indicating whether the case is a trafficking case: type <c>tppo</c>, or a violence case
    /// recorded with the SIMFONI-PPA form <c>trafficking</c>. Only these count as victims of trafficking.</summary>
    public bool Trafficking { get; init; }

    /// <summary>Gets the Kemendagri region of the case (kabupaten, e.g. <c>53.03</c>).</summary>
    public required RegionCode Region { get; init; }

    /// <summary>Gets the kecamatan of origin (<c>NN.NN.NN</c>), or <see langword="null"/> when not recorded.</summary>
    public RegionCode? Kecamatan { get; init; }

    /// <summary>Gets a value indicating whether consent to be counted in reports was given. Rows without it are left
    /// out of every indicator (Primero's <c>consent_reporting</c> rule, docs/sources.md#primero).</summary>
    public bool ConsentToReporting { get; init; }

    /// <summary>Gets when the report was received (UTC); its business date in the district zone places the case in
    /// a period.</summary>
    public required Instant ReportedAt { get; init; }

    /// <summary>Gets the date of the act, or <see langword="null"/> when unknown.</summary>
    public LocalDate? OffenceDate { get; init; }

    /// <summary>Gets the destination country (a domestic destination is <c>ID</c>), or <see langword="null"/>.</summary>
    public CountryCode? Destination { get; init; }

    /// <summary>Gets the exploitation purposes recorded on the case.</summary>
    public PurposeSet Purposes { get; init; }

    /// <summary>Gets the SIMFONI-PPA forms of violence of the case.</summary>
    public SimfoniFormSet SimfoniForms { get; init; }

    /// <summary>Gets the first-response deadline of the case's management, or <see langword="null"/> when the case has
    /// no case-management workflow.</summary>
    public FirstResponseFact? FirstResponse { get; init; }

    /// <summary>Gets the dates the case reached each stage of the justice funnel.</summary>
    public JusticeMilestones Milestones { get; init; } = JusticeMilestones.None;

    /// <summary>Gets the referrals and transfers of the case.</summary>
    public IReadOnlyList<ReferralFact> Referrals { get; init; } = [];

    /// <summary>Gets every deadline of the case's workflows (for "open past due").</summary>
    public IReadOnlyList<DeadlineFact> Deadlines { get; init; } = [];

    /// <summary>Gets the de-duplication key of the victim (32 lower-case hex digits), or <see langword="null"/> for a
    /// case with no victim recorded.</summary>
    public string? PersonKey { get; init; }

    /// <summary>Gets a value indicating whether <see cref="PersonKey"/> can link records (made from a NIK, or from
    /// name, birth date and sex); an unlinkable key is unique to the record, so the person may be counted twice.</summary>
    public bool PersonKeyLinkable { get; init; }

    /// <summary>Gets the victim's sex.</summary>
    public Sex Sex { get; init; }

    /// <summary>Gets the victim's age in whole years at the act (0 for the unborn), or <see langword="null"/>.</summary>
    public int? AgeAtOffence { get; init; }

    /// <summary>Gets the victim's citizenship, or <see langword="null"/>.</summary>
    public CountryCode? Citizenship { get; init; }

    /// <summary>Gets the victim's migrant-worker status (UU 18/2017).</summary>
    public MigrantWorkerStatus MigrantWorkerStatus { get; init; }

    /// <summary>Gets the services requested for this victim.</summary>
    public IReadOnlyList<ServiceFact> Services { get; init; } = [];
}

/// <summary>The first-response deadline of a case (case-management workflow, deadline <c>first_response</c>).</summary>
/// <param name="DueAt">When the first response is due (UTC).</param>
/// <param name="RespondedAt">When the case left intake (the first response), or <see langword="null"/> while in intake.</param>
public sealed record FirstResponseFact(Instant DueAt, Instant? RespondedAt);

/// <summary>The business dates on which a case first reached each stage of the justice funnel, or
/// <see langword="null"/> for a stage not reached.</summary>
/// <param name="LaporanPolisi">Police report (LP) registered (criminal-justice workflow started).</param>
/// <param name="Spdp">SPDP sent to the prosecutor (investigation started, KUHAP Pasal 109(1)).</param>
/// <param name="P21">File declared complete (P-21, KUHAP Pasal 138(1)).</param>
/// <param name="Putusan">First-instance verdict.</param>
/// <param name="Inkracht">Verdict final (inkracht).</param>
/// <param name="RestitutionOrdered">Restitution ordered in a verdict (UU 21/2007 Pasal 48(3)).</param>
/// <param name="RestitutionPaid">Restitution paid (Pasal 49).</param>
public sealed record JusticeMilestones(
    LocalDate? LaporanPolisi,
    LocalDate? Spdp,
    LocalDate? P21,
    LocalDate? Putusan,
    LocalDate? Inkracht,
    LocalDate? RestitutionOrdered,
    LocalDate? RestitutionPaid)
{
    /// <summary>No stage reached.</summary>
    public static readonly JusticeMilestones None = new(null, null, null, null, null, null, null);
}

/// <summary>One service requested for a victim (service workflow).</summary>
/// <param name="Type">The service.</param>
/// <param name="RequestedOn">The business date of the request.</param>
/// <param name="DueOn">The last date on which it is on time (UU 21/2007 Pasal 52–53: request + 6 days), or
/// <see langword="null"/> when the service has no time limit.</param>
/// <param name="DeliveredOn">The date it was delivered, or <see langword="null"/>.</param>
/// <param name="EndedOn">The date it was refused or referred without delivery, or <see langword="null"/>.</param>
public sealed record ServiceFact(ServiceType Type, LocalDate RequestedOn, LocalDate? DueOn, LocalDate? DeliveredOn, LocalDate? EndedOn);

/// <summary>How a referral or transfer was first decided.</summary>
public enum ReferralOutcome
{
    /// <summary>Not decided. Wire code <c>in_progress</c>.</summary>
    InProgress = 0,

    /// <summary>Accepted by the receiving agency. Wire code <c>accepted</c>.</summary>
    Accepted = 1,

    /// <summary>Rejected by the receiving agency. Wire code <c>rejected</c>.</summary>
    Rejected = 2,

    /// <summary>Revoked by the referring agency before a decision. Wire code <c>revoked</c>.</summary>
    Revoked = 3,
}

/// <summary>One referral or transfer of a case (referral workflow).</summary>
/// <param name="Id">The referral's id, unique in the case.</param>
/// <param name="SentOn">The business date it was sent.</param>
/// <param name="Outcome">Its first decision.</param>
/// <param name="DecidedOn">The date of that decision, or <see langword="null"/> while in progress.</param>
public sealed record ReferralFact(string Id, LocalDate SentOn, ReferralOutcome Outcome, LocalDate? DecidedOn);

/// <summary>One deadline of one of a case's workflows (see <see cref="Deadline"/>).</summary>
/// <param name="Kind">The workflow and deadline id, e.g. <c>service.service_due</c>.</param>
/// <param name="StartsOn">The business date the clock started.</param>
/// <param name="DueOn">The last business date on which it is met.</param>
/// <param name="DueAt">The due instant of an hour-based deadline, or <see langword="null"/>.</param>
/// <param name="ClosedOn">The business date it was closed, or <see langword="null"/> while running.</param>
public sealed record DeadlineFact(string Kind, LocalDate StartsOn, LocalDate DueOn, Instant? DueAt, LocalDate? ClosedOn);
