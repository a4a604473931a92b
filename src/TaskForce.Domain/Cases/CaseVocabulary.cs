using TaskForce.Domain.Common;

namespace TaskForce.Domain.Cases;

/// <summary>The kind of case a district service records.</summary>
/// <remarks>The three caseloads of a district: trafficking handled with the GT-PPTPPO (UU 21/2007), and violence
/// against women (KtP) and against children (KtA) handled by Dinas P3A / UPTD PPA and recorded in SIMFONI-PPA
/// (Permen PPPA 2/2022; docs/sources.md#uptd-ppa, #simfoni-ppa). A violence case can reveal trafficking; the case keeps its type
/// and records the trafficking elements.</remarks>
public enum CaseType
{
    /// <summary>Trafficking in persons (tindak pidana perdagangan orang). Wire code <c>tppo</c>.</summary>
    Tppo = 1,

    /// <summary>Violence against women (kekerasan terhadap perempuan, KtP). Wire code <c>violence_against_women</c>.</summary>
    ViolenceAgainstWomen = 2,

    /// <summary>Violence against children (kekerasan terhadap anak, KtA). Wire code <c>violence_against_children</c>.</summary>
    ViolenceAgainstChildren = 3,
}

/// <summary>How a report reached the service (intake channel).</summary>
/// <remarks>Project vocabulary, not an official SIMFONI list (its code lists are unpublished,
/// docs/sources.md#simfoni-ppa [U]); built from the UPTD PPA service functions pengaduan and penjangkauan (Permen PPPA 2/2022 [C]) and the
/// police report (LP).</remarks>
public enum IntakeChannel
{
    /// <summary>The person came to the office (pengaduan langsung). Wire code <c>walk_in</c>.</summary>
    WalkIn = 1,

    /// <summary>Telephone or hotline, e.g. SAPA 129. Wire code <c>hotline</c>.</summary>
    Hotline = 2,

    /// <summary>Web, application, e-mail or social media. Wire code <c>online</c>.</summary>
    Online = 3,

    /// <summary>Outreach by the service (penjangkauan). Wire code <c>outreach</c>.</summary>
    Outreach = 4,

    /// <summary>Referred by another agency. Wire code <c>referral</c>.</summary>
    Referral = 5,

    /// <summary>A police report (laporan polisi, LP). Wire code <c>police_report</c>.</summary>
    PoliceReport = 6,

    /// <summary>Any other channel. Wire code <c>other</c>.</summary>
    Other = 7,
}

/// <summary>The kind of agency that reported or holds the case (HTCDS v2 <c>org_type</c>, adapted to the district
/// task force's members, Perpres 22/2021 and 49/2023 [C]).</summary>
public enum AgencyKind
{
    /// <summary>Police, usually the Unit PPA. Wire code <c>police</c>.</summary>
    Police = 1,

    /// <summary>Public prosecutor (kejaksaan). Wire code <c>prosecutor</c>.</summary>
    Prosecutor = 2,

    /// <summary>UPTD PPA (the district's integrated service unit). Wire code <c>uptd_ppa</c>.</summary>
    UptdPpa = 3,

    /// <summary>Dinas P3A (women's empowerment and child protection office). Wire code <c>dinas_p3a</c>.</summary>
    DinasP3a = 4,

    /// <summary>Social affairs office (dinas sosial). Wire code <c>dinas_sosial</c>.</summary>
    DinasSosial = 5,

    /// <summary>Labour office (disnakertrans). Wire code <c>labour_office</c>.</summary>
    LabourOffice = 6,

    /// <summary>Migrant-worker protection agency (BP3MI / KP2MI). Wire code <c>bp3mi</c>.</summary>
    Bp3mi = 7,

    /// <summary>Immigration office. Wire code <c>immigration</c>.</summary>
    Immigration = 8,

    /// <summary>Health service (puskesmas, hospital). Wire code <c>health</c>.</summary>
    Health = 9,

    /// <summary>Village government. Wire code <c>village</c>.</summary>
    Village = 10,

    /// <summary>Non-governmental or faith organisation. Wire code <c>ngo</c>.</summary>
    Ngo = 11,

    /// <summary>Any other agency. Wire code <c>other</c>.</summary>
    Other = 12,
}

/// <summary>Migrant-worker status of a victim (UU 18/2017 on the protection of Indonesian migrant workers, PMI).</summary>
public enum MigrantWorkerStatus
{
    /// <summary>Not recorded. Wire code <c>unknown</c>.</summary>
    Unknown = 0,

    /// <summary>Not a migrant worker. Wire code <c>not_migrant_worker</c>.</summary>
    NotMigrantWorker = 1,

    /// <summary>A migrant worker placed through the legal procedure (PMI prosedural). Wire code <c>procedural</c>.</summary>
    Procedural = 2,

    /// <summary>A migrant worker placed outside the procedure (PMI nonprosedural), the pattern behind most real
    /// UU 18/2017 Pasal 81 jo 69 convictions (samples/verdicts). Wire code <c>non_procedural</c>.</summary>
    NonProcedural = 3,
}

/// <summary>A suspect's role in the trafficking process (HTCDS v2 <c>per_RoleInProcess</c>, docs/sources.md#htcds).</summary>
public enum PerpetratorRole
{
    /// <summary>Travelling partner. Wire code <c>travelling_partner</c>.</summary>
    TravellingPartner = 1,

    /// <summary>Transporter. Wire code <c>transporter</c>.</summary>
    Transporter = 2,

    /// <summary>Recruiter or intermediary. Wire code <c>recruiter</c>.</summary>
    Recruiter = 3,

    /// <summary>Broker or travel agent. Wire code <c>broker</c>.</summary>
    Broker = 4,

    /// <summary>Transferred, harboured, sold, bought, received or controlled the victim. Wire code <c>controller</c>.</summary>
    Controller = 5,

    /// <summary>Smuggler. Wire code <c>smuggler</c>.</summary>
    Smuggler = 6,

    /// <summary>Abuser. Wire code <c>abuser</c>.</summary>
    Abuser = 7,

    /// <summary>Kidnapper. Wire code <c>kidnapper</c>.</summary>
    Kidnapper = 8,

    /// <summary>Exploiter. Wire code <c>exploiter</c>.</summary>
    Exploiter = 9,

    /// <summary>Other role. Wire code <c>other</c>.</summary>
    Other = 10,
}

/// <summary>Who gave the consent recorded on a case (Primero <c>consent_source</c>, docs/sources.md#primero).</summary>
public enum ConsentGiver
{
    /// <summary>The person themself. Wire code <c>self</c>.</summary>
    Self = 1,

    /// <summary>A parent or guardian (required for a child). Wire code <c>parent_or_guardian</c>.</summary>
    ParentOrGuardian = 2,

    /// <summary>Another person with authority, e.g. a social worker. Wire code <c>other</c>.</summary>
    Other = 3,
}

/// <summary>
/// The GBVIMS classification of an incident: one type per incident, the first "yes" in the tool's decision order
/// (GBV Classification Tool, GBVIMS User Guide ch. 3; docs/sources.md#gbvims).
/// </summary>
public enum GbvType
{
    /// <summary>Rape: non-consensual penetration, however slight. Wire code <c>rape</c>.</summary>
    Rape = 1,

    /// <summary>Sexual assault: non-consensual sexual contact without penetration, including attempted rape and FGM/C.
    /// Wire code <c>sexual_assault</c>.</summary>
    SexualAssault = 2,

    /// <summary>Physical assault: non-sexual physical violence. Wire code <c>physical_assault</c>.</summary>
    PhysicalAssault = 3,

    /// <summary>Forced marriage, including early marriage. Wire code <c>forced_marriage</c>.</summary>
    ForcedMarriage = 4,

    /// <summary>Denial of resources, opportunities or services. Wire code <c>denial_of_resources</c>.</summary>
    DenialOfResources = 5,

    /// <summary>Psychological or emotional abuse. Wire code <c>psychological_abuse</c>.</summary>
    PsychologicalAbuse = 6,

    /// <summary>None of the six: not gender-based violence. Wire code <c>non_gbv</c>.</summary>
    NonGbv = 7,
}

/// <summary>A SIMFONI-PPA form of violence; several may apply to one victim (multi-select; docs/sources.md#simfoni-ppa [C]).</summary>
public enum SimfoniViolenceForm
{
    /// <summary>Physical (fisik). Wire code <c>fisik</c>.</summary>
    Physical = 1,

    /// <summary>Psychological (psikis). Wire code <c>psikis</c>.</summary>
    Psychological = 2,

    /// <summary>Sexual (seksual). Wire code <c>seksual</c>.</summary>
    Sexual = 3,

    /// <summary>Exploitation (eksploitasi). Wire code <c>eksploitasi</c>.</summary>
    Exploitation = 4,

    /// <summary>Trafficking (trafficking). Wire code <c>trafficking</c>.</summary>
    Trafficking = 5,

    /// <summary>Neglect (penelantaran). Wire code <c>penelantaran</c>.</summary>
    Neglect = 6,

    /// <summary>Other (lainnya). Wire code <c>lainnya</c>.</summary>
    Other = 7,
}

/// <summary>The wire codes of the case vocabularies, with strict parsing (an unknown code throws
/// <see cref="DomainValidationException"/> naming the field).</summary>
public static class CaseCodes
{
    internal static readonly WireCodeMap<CaseType> CaseTypes = new(
        "case type", (CaseType.Tppo, "tppo"), (CaseType.ViolenceAgainstWomen, "violence_against_women"), (CaseType.ViolenceAgainstChildren, "violence_against_children"));

    internal static readonly WireCodeMap<IntakeChannel> Channels = new(
        "intake channel", (IntakeChannel.WalkIn, "walk_in"), (IntakeChannel.Hotline, "hotline"), (IntakeChannel.Online, "online"), (IntakeChannel.Outreach, "outreach"),
        (IntakeChannel.Referral, "referral"), (IntakeChannel.PoliceReport, "police_report"), (IntakeChannel.Other, "other"));

    internal static readonly WireCodeMap<AgencyKind> Agencies = new(
        "agency kind", (AgencyKind.Police, "police"), (AgencyKind.Prosecutor, "prosecutor"), (AgencyKind.UptdPpa, "uptd_ppa"), (AgencyKind.DinasP3a, "dinas_p3a"),
        (AgencyKind.DinasSosial, "dinas_sosial"), (AgencyKind.LabourOffice, "labour_office"), (AgencyKind.Bp3mi, "bp3mi"), (AgencyKind.Immigration, "immigration"),
        (AgencyKind.Health, "health"), (AgencyKind.Village, "village"), (AgencyKind.Ngo, "ngo"), (AgencyKind.Other, "other"));

    internal static readonly WireCodeMap<MigrantWorkerStatus> MigrantStatuses = new(
        "migrant-worker status", (MigrantWorkerStatus.Unknown, "unknown"), (MigrantWorkerStatus.NotMigrantWorker, "not_migrant_worker"),
        (MigrantWorkerStatus.Procedural, "procedural"), (MigrantWorkerStatus.NonProcedural, "non_procedural"));

    internal static readonly WireCodeMap<PerpetratorRole> Roles = new(
        "perpetrator role", (PerpetratorRole.TravellingPartner, "travelling_partner"), (PerpetratorRole.Transporter, "transporter"), (PerpetratorRole.Recruiter, "recruiter"),
        (PerpetratorRole.Broker, "broker"), (PerpetratorRole.Controller, "controller"), (PerpetratorRole.Smuggler, "smuggler"), (PerpetratorRole.Abuser, "abuser"),
        (PerpetratorRole.Kidnapper, "kidnapper"), (PerpetratorRole.Exploiter, "exploiter"), (PerpetratorRole.Other, "other"));

    internal static readonly WireCodeMap<ConsentGiver> ConsentGivers = new(
        "consent giver", (ConsentGiver.Self, "self"), (ConsentGiver.ParentOrGuardian, "parent_or_guardian"), (ConsentGiver.Other, "other"));

    internal static readonly WireCodeMap<GbvType> GbvTypes = new(
        "GBV type", (GbvType.Rape, "rape"), (GbvType.SexualAssault, "sexual_assault"), (GbvType.PhysicalAssault, "physical_assault"), (GbvType.ForcedMarriage, "forced_marriage"),
        (GbvType.DenialOfResources, "denial_of_resources"), (GbvType.PsychologicalAbuse, "psychological_abuse"), (GbvType.NonGbv, "non_gbv"));

    internal static readonly WireCodeMap<SimfoniViolenceForm> SimfoniForms = new(
        "SIMFONI form of violence", (SimfoniViolenceForm.Physical, "fisik"), (SimfoniViolenceForm.Psychological, "psikis"), (SimfoniViolenceForm.Sexual, "seksual"),
        (SimfoniViolenceForm.Exploitation, "eksploitasi"), (SimfoniViolenceForm.Trafficking, "trafficking"), (SimfoniViolenceForm.Neglect, "penelantaran"), (SimfoniViolenceForm.Other, "lainnya"));

    /// <summary>Returns the wire code of a case type.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>tppo</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this CaseType value) => CaseTypes.ToCode(value);

    /// <summary>Returns the wire code of an intake channel.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>walk_in</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this IntakeChannel value) => Channels.ToCode(value);

    /// <summary>Returns the wire code of an agency kind.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>uptd_ppa</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this AgencyKind value) => Agencies.ToCode(value);

    /// <summary>Returns the wire code of a migrant-worker status.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>non_procedural</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this MigrantWorkerStatus value) => MigrantStatuses.ToCode(value);

    /// <summary>Returns the wire code of a perpetrator role.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>recruiter</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this PerpetratorRole value) => Roles.ToCode(value);

    /// <summary>Returns the wire code of a consent giver.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>parent_or_guardian</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this ConsentGiver value) => ConsentGivers.ToCode(value);

    /// <summary>Returns the wire code of a GBVIMS type.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>sexual_assault</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this GbvType value) => GbvTypes.ToCode(value);

    /// <summary>Returns the wire code of a SIMFONI form of violence.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>psikis</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this SimfoniViolenceForm value) => SimfoniForms.ToCode(value);

    /// <summary>Parses a case-type code.</summary>
    /// <param name="code"><c>tppo</c>, <c>violence_against_women</c> or <c>violence_against_children</c> (case-sensitive).</param>
    /// <param name="field">The wire name of the field.</param>
    /// <returns>The case type.</returns>
    /// <exception cref="DomainValidationException">The code is missing or unknown; the message lists the codes.</exception>
    public static CaseType ParseCaseType(string? code, string field = "case_type") => CaseTypes.Parse(code, field);

    /// <summary>Parses an intake-channel code.</summary>
    /// <param name="code">A code of <see cref="ToCode(IntakeChannel)"/>, e.g. <c>walk_in</c> (case-sensitive).</param>
    /// <param name="field">The wire name of the field.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="DomainValidationException">The code is missing or unknown; the message lists the codes.</exception>
    public static IntakeChannel ParseIntakeChannel(string? code, string field = "intake_channel") => Channels.Parse(code, field);
}
