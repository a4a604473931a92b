using TaskForce.Domain.Common;

namespace TaskForce.Domain.Legal;

/// <summary>
/// The wire codes of the legal vocabularies (docs/wire-contract.md, <c>qualify</c> and <c>sentence-check</c>) in
/// one place, with strict parsing: an unknown code throws <see cref="DomainValidationException"/> naming the field
/// and listing the allowed codes.
/// </summary>
public static class LegalCodes
{
    internal static readonly WireCodeMap<TraffickingStatus> Statuses = new(
        "trafficking status", (TraffickingStatus.NotAVictim, "not_a_victim"), (TraffickingStatus.PossibleVictim, "possible_victim"),
        (TraffickingStatus.ActualVictim, "actual_victim"));

    internal static readonly WireCodeMap<TraffickingAct> Acts = new(
        "act",
        (TraffickingAct.Recruitment, "perekrutan"),
        (TraffickingAct.Transport, "pengangkutan"),
        (TraffickingAct.Harbouring, "penampungan"),
        (TraffickingAct.Sending, "pengiriman"),
        (TraffickingAct.Transfer, "pemindahan"),
        (TraffickingAct.Receipt, "penerimaan"));

    internal static readonly WireCodeMap<TraffickingMeans> Means = new(
        "means",
        (TraffickingMeans.ThreatOfViolence, "ancaman_kekerasan"),
        (TraffickingMeans.UseOfViolence, "penggunaan_kekerasan"),
        (TraffickingMeans.Abduction, "penculikan"),
        (TraffickingMeans.Confinement, "penyekapan"),
        (TraffickingMeans.Forgery, "pemalsuan"),
        (TraffickingMeans.Deception, "penipuan"),
        (TraffickingMeans.AbuseOfPower, "penyalahgunaan_kekuasaan"),
        (TraffickingMeans.PositionOfVulnerability, "posisi_rentan"),
        (TraffickingMeans.DebtBondage, "penjeratan_utang"),
        (TraffickingMeans.GivingPaymentOrBenefit, "memberi_bayaran"));

    internal static readonly WireCodeMap<ExploitationPurpose> Purposes = new(
        "purpose",
        (ExploitationPurpose.SexualExploitation, "eksploitasi_seksual"),
        (ExploitationPurpose.Prostitution, "pelacuran"),
        (ExploitationPurpose.ForcedLabour, "kerja_paksa"),
        (ExploitationPurpose.ForcedServices, "pelayanan_paksa"),
        (ExploitationPurpose.Slavery, "perbudakan"),
        (ExploitationPurpose.SlaveryLikePractice, "praktik_serupa_perbudakan"),
        (ExploitationPurpose.Oppression, "penindasan"),
        (ExploitationPurpose.Extortion, "pemerasan"),
        (ExploitationPurpose.PhysicalExploitation, "pemanfaatan_fisik"),
        (ExploitationPurpose.ReproductiveOrganExploitation, "pemanfaatan_organ_reproduksi"),
        (ExploitationPurpose.OrganRemoval, "transplantasi_organ"),
        (ExploitationPurpose.IllegalAdoption, "adopsi_ilegal"),
        (ExploitationPurpose.Other, "lainnya"));

    internal static readonly WireCodeMap<VictimHarm> Harms = new(
        "harm",
        (VictimHarm.SeriousInjury, "luka_berat"),
        (VictimHarm.SevereMentalDisorder, "gangguan_jiwa_berat"),
        (VictimHarm.LifeThreateningInfection, "penyakit_menular"),
        (VictimHarm.Pregnancy, "kehamilan"),
        (VictimHarm.ReproductiveFunctionLoss, "fungsi_reproduksi"),
        (VictimHarm.Death, "kematian"));

    internal static readonly WireCodeMap<LegalParticipation> Participations = new(
        "participation",
        (LegalParticipation.Perpetrator, "perpetrator"),
        (LegalParticipation.Attempt, "attempt"),
        (LegalParticipation.Aiding, "aiding"),
        (LegalParticipation.Conspiracy, "conspiracy"));

    /// <summary>Gets the act codes in the statute's order.</summary>
    /// <value>perekrutan, pengangkutan, penampungan, pengiriman, pemindahan, penerimaan.</value>
    public static IReadOnlyList<string> ActCodes => Acts.Codes;

    /// <summary>Gets the means codes in the statute's order.</summary>
    /// <value>Ten codes, from ancaman_kekerasan to memberi_bayaran.</value>
    public static IReadOnlyList<string> MeansCodes => Means.Codes;

    /// <summary>Gets the purpose codes.</summary>
    /// <value>Thirteen codes, from eksploitasi_seksual to lainnya.</value>
    public static IReadOnlyList<string> PurposeCodes => Purposes.Codes;

    /// <summary>Gets the harm codes.</summary>
    /// <value>luka_berat, gangguan_jiwa_berat, penyakit_menular, kehamilan, fungsi_reproduksi, kematian.</value>
    public static IReadOnlyList<string> HarmCodes => Harms.Codes;

    /// <summary>Returns the wire code of an act.</summary>
    /// <param name="value">The act.</param>
    /// <returns>For example <c>perekrutan</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined act.</exception>
    public static string ToCode(this TraffickingAct value) => Acts.ToCode(value);

    /// <summary>Returns the wire code of a means.</summary>
    /// <param name="value">The means.</param>
    /// <returns>For example <c>penipuan</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined means.</exception>
    public static string ToCode(this TraffickingMeans value) => Means.ToCode(value);

    /// <summary>Returns the wire code of a purpose.</summary>
    /// <param name="value">The purpose.</param>
    /// <returns>For example <c>kerja_paksa</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined purpose.</exception>
    public static string ToCode(this ExploitationPurpose value) => Purposes.ToCode(value);

    /// <summary>Returns the wire code of a harm.</summary>
    /// <param name="value">The harm.</param>
    /// <returns>For example <c>luka_berat</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined harm.</exception>
    public static string ToCode(this VictimHarm value) => Harms.ToCode(value);

    /// <summary>Returns the wire code of a participation form.</summary>
    /// <param name="value">The form.</param>
    /// <returns><c>perpetrator</c>, <c>attempt</c>, <c>aiding</c> or <c>conspiracy</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined form.</exception>
    public static string ToCode(this LegalParticipation value) => Participations.ToCode(value);

    /// <summary>Parses act codes.</summary>
    /// <param name="codes">The codes, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the list, e.g. <c>acts</c>; errors name the item, e.g. <c>acts[1]</c>.</param>
    /// <returns>The distinct acts in input order.</returns>
    /// <exception cref="DomainValidationException">A code is null or unknown.</exception>
    public static IReadOnlyList<TraffickingAct> ParseActs(IReadOnlyList<string>? codes, string field = "acts") => Acts.ParseList(codes, field);

    /// <summary>Parses means codes.</summary>
    /// <param name="codes">The codes, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the list.</param>
    /// <returns>The distinct means in input order.</returns>
    /// <exception cref="DomainValidationException">A code is null or unknown.</exception>
    public static IReadOnlyList<TraffickingMeans> ParseMeans(IReadOnlyList<string>? codes, string field = "means") => Means.ParseList(codes, field);

    /// <summary>Parses purpose codes.</summary>
    /// <param name="codes">The codes, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the list.</param>
    /// <returns>The distinct purposes in input order.</returns>
    /// <exception cref="DomainValidationException">A code is null or unknown.</exception>
    public static IReadOnlyList<ExploitationPurpose> ParsePurposes(IReadOnlyList<string>? codes, string field = "purposes") => Purposes.ParseList(codes, field);

    /// <summary>Parses harm codes.</summary>
    /// <param name="codes">The codes, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the list.</param>
    /// <returns>The distinct harms in input order.</returns>
    /// <exception cref="DomainValidationException">A code is null or unknown.</exception>
    public static IReadOnlyList<VictimHarm> ParseHarms(IReadOnlyList<string>? codes, string field = "harms") => Harms.ParseList(codes, field);

    /// <summary>Parses a participation code; <see langword="null"/> means perpetrator (the contract's default).</summary>
    /// <param name="code"><c>perpetrator</c>, <c>attempt</c>, <c>aiding</c>, <c>conspiracy</c> or <see langword="null"/>.</param>
    /// <param name="field">The wire name of the field.</param>
    /// <returns>The form.</returns>
    /// <exception cref="DomainValidationException">The code is unknown.</exception>
    public static LegalParticipation ParseParticipation(string? code, string field = "participation") =>
        code is null ? LegalParticipation.Perpetrator : Participations.Parse(code, field);

    /// <summary>Returns the wire code of an identification status (HTCDS v2 <c>vic_TraffickingStatus</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns><c>not_a_victim</c>, <c>possible_victim</c> or <c>actual_victim</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToCode(this TraffickingStatus value) => Statuses.ToCode(value);

    /// <summary>Parses an identification-status code.</summary>
    /// <param name="code"><c>not_a_victim</c>, <c>possible_victim</c> or <c>actual_victim</c> (case-sensitive).</param>
    /// <param name="field">The wire name of the field.</param>
    /// <returns>The status.</returns>
    /// <exception cref="DomainValidationException">The code is missing or unknown; the message lists the codes.</exception>
    public static TraffickingStatus ParseTraffickingStatus(string? code, string field = "trafficking_status") => Statuses.Parse(code, field);
}
