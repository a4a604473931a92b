namespace TaskForce.Domain.Legal;

/// <summary>
/// Element A of trafficking, the process or act (UU 21/2007 Pasal 1 angka 1; Palermo Protocol art. 3(a)). Wire codes
/// are the statute's own terms in snake_case (docs/wire-contract.md, <c>qualify</c>).
/// </summary>
public enum TraffickingAct
{
    /// <summary>Recruitment (perekrutan; Pasal 1 angka 9: inviting, gathering, bringing or separating a person from
    /// family or community). Wire code <c>perekrutan</c>.</summary>
    Recruitment = 1,

    /// <summary>Transport (pengangkutan). Wire code <c>pengangkutan</c>.</summary>
    Transport = 2,

    /// <summary>Harbouring (penampungan). Wire code <c>penampungan</c>.</summary>
    Harbouring = 3,

    /// <summary>Sending (pengiriman; Pasal 1 angka 10). Wire code <c>pengiriman</c>.</summary>
    Sending = 4,

    /// <summary>Transfer (pemindahan). Wire code <c>pemindahan</c>.</summary>
    Transfer = 5,

    /// <summary>Receipt (penerimaan). Wire code <c>penerimaan</c>.</summary>
    Receipt = 6,
}

/// <summary>
/// Element B of trafficking, the means (cara) used to control the victim (UU 21/2007 Pasal 1 angka 1 and Pasal 2(1);
/// Palermo Protocol art. 3(a)). The contract splits "penyalahgunaan kekuasaan atau posisi rentan" into two codes, so
/// there are ten.
/// </summary>
public enum TraffickingMeans
{
    /// <summary>Threat of violence (ancaman kekerasan). Wire code <c>ancaman_kekerasan</c>.</summary>
    ThreatOfViolence = 1,

    /// <summary>Use of violence (penggunaan kekerasan). Wire code <c>penggunaan_kekerasan</c>.</summary>
    UseOfViolence = 2,

    /// <summary>Abduction (penculikan). Wire code <c>penculikan</c>.</summary>
    Abduction = 3,

    /// <summary>Confinement (penyekapan). Wire code <c>penyekapan</c>.</summary>
    Confinement = 4,

    /// <summary>Forgery (pemalsuan). Wire code <c>pemalsuan</c>.</summary>
    Forgery = 5,

    /// <summary>Deception (penipuan). Wire code <c>penipuan</c>.</summary>
    Deception = 6,

    /// <summary>Abuse of power (penyalahgunaan kekuasaan). Wire code <c>penyalahgunaan_kekuasaan</c>.</summary>
    AbuseOfPower = 7,

    /// <summary>Abuse of a position of vulnerability (posisi rentan). Wire code <c>posisi_rentan</c>.</summary>
    PositionOfVulnerability = 8,

    /// <summary>Debt bondage (penjeratan utang). Wire code <c>penjeratan_utang</c>.</summary>
    DebtBondage = 9,

    /// <summary>Giving payments or benefits to obtain the consent of a person in control of the victim (memberi
    /// bayaran atau manfaat). Wire code <c>memberi_bayaran</c>.</summary>
    GivingPaymentOrBenefit = 10,
}

/// <summary>
/// Element C of trafficking, the exploitative purpose (UU 21/2007 Pasal 1 angka 7 and 8: exploitation "with or without
/// the victim's consent"; Pasal 5 for adoption). Wire codes per docs/wire-contract.md.
/// </summary>
public enum ExploitationPurpose
{
    /// <summary>Sexual exploitation (eksploitasi seksual, Pasal 1 angka 8). Wire code <c>eksploitasi_seksual</c>.</summary>
    SexualExploitation = 1,

    /// <summary>Prostitution (pelacuran). Wire code <c>pelacuran</c>.</summary>
    Prostitution = 2,

    /// <summary>Forced labour (kerja paksa). Wire code <c>kerja_paksa</c>.</summary>
    ForcedLabour = 3,

    /// <summary>Forced services (pelayanan paksa). Wire code <c>pelayanan_paksa</c>.</summary>
    ForcedServices = 4,

    /// <summary>Slavery (perbudakan). Wire code <c>perbudakan</c>.</summary>
    Slavery = 5,

    /// <summary>Practices similar to slavery (praktik serupa perbudakan). Wire code <c>praktik_serupa_perbudakan</c>.</summary>
    SlaveryLikePractice = 6,

    /// <summary>Oppression (penindasan). Wire code <c>penindasan</c>.</summary>
    Oppression = 7,

    /// <summary>Extortion (pemerasan). Wire code <c>pemerasan</c>.</summary>
    Extortion = 8,

    /// <summary>Physical exploitation (pemanfaatan fisik). Wire code <c>pemanfaatan_fisik</c>.</summary>
    PhysicalExploitation = 9,

    /// <summary>Exploitation of reproductive organs (pemanfaatan organ reproduksi). Wire code
    /// <c>pemanfaatan_organ_reproduksi</c>.</summary>
    ReproductiveOrganExploitation = 10,

    /// <summary>Unlawful removal or transplantation of organs or body tissue (transplantasi organ). Wire code
    /// <c>transplantasi_organ</c>.</summary>
    OrganRemoval = 11,

    /// <summary>Adoption of a child for exploitation (Pasal 5). Wire code <c>adopsi_ilegal</c>.</summary>
    IllegalAdoption = 12,

    /// <summary>Another use of a person's labour or ability for gain (Pasal 1 angka 7, last clause). Wire code
    /// <c>lainnya</c>.</summary>
    Other = 13,
}

/// <summary>
/// A result for the victim that aggravates the penalty (UU 21/2007 Pasal 7(1); death: Pasal 7(2)). Wire codes per
/// docs/wire-contract.md.
/// </summary>
public enum VictimHarm
{
    /// <summary>Serious injury (luka berat). Wire code <c>luka_berat</c>.</summary>
    SeriousInjury = 1,

    /// <summary>Severe mental disorder (gangguan jiwa berat). Wire code <c>gangguan_jiwa_berat</c>.</summary>
    SevereMentalDisorder = 2,

    /// <summary>Another life-threatening infectious disease (penyakit menular lain yang membahayakan jiwa). Wire code
    /// <c>penyakit_menular</c>.</summary>
    LifeThreateningInfection = 3,

    /// <summary>Pregnancy (kehamilan). Wire code <c>kehamilan</c>.</summary>
    Pregnancy = 4,

    /// <summary>Impaired or lost reproductive function (terganggu atau hilangnya fungsi reproduksi). Wire code
    /// <c>fungsi_reproduksi</c>.</summary>
    ReproductiveFunctionLoss = 5,

    /// <summary>Death of the victim (Pasal 7(2)). Wire code <c>kematian</c>.</summary>
    Death = 6,
}
