using NodaTime;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.CourtOutcomes;

/// <summary>
/// The facts of one first-instance court verdict (putusan) in a case charged as trafficking (TPPO), as read from
/// the published verdict text: the input of <see cref="CourtVerdict.Create(CourtVerdictFacts)"/>.
/// </summary>
/// <remarks>
/// Field meanings follow samples/verdicts/README.md. Every value is as printed in the verdict; <see langword="null"/>
/// means the verdict does not say. No names, ID numbers or addresses belong here (UU 21/2007 Pasal 44).
/// </remarks>
public sealed record CourtVerdictFacts
{
    /// <summary>Gets the court's case number (nomor perkara), e.g. <c>27/Pid.Sus/2019/PN Kpg</c>. Required.</summary>
    public string CaseNumber { get; init; } = string.Empty;

    /// <summary>Gets the Kemendagri region the importer attributed the record to (<c>--region</c>), or
    /// <see langword="null"/>: a verdict carries a court, not a region code.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the court, e.g. <c>PN Kupang</c>.</summary>
    public string? Court { get; init; }

    /// <summary>Gets the date the verdict was pronounced (business date).</summary>
    public LocalDate? DecisionDate { get; init; }

    /// <summary>Gets the date of the judges' deliberation (musyawarah).</summary>
    public LocalDate? DeliberationDate { get; init; }

    /// <summary>Gets the number of defendants in the verdict, ≥ 1 when known.</summary>
    public int? Defendants { get; init; }

    /// <summary>Gets the first day of the offence period (tempus delicti).</summary>
    public LocalDate? OffenceDateFrom { get; init; }

    /// <summary>Gets the last day of the offence period.</summary>
    public LocalDate? OffenceDateTo { get; init; }

    /// <summary>Gets the articles held proven, as printed (e.g. <c>UU21/2007 Pasal 2 ayat (1) jo Pasal 17</c>).</summary>
    public IReadOnlyList<string> ArticlesHeldProven { get; init; } = [];

    /// <summary>Gets how the defendant took part.</summary>
    public Participation Participation { get; init; }

    /// <summary>Gets the aggravating circumstances the verdict states.</summary>
    public VerdictAggravations Aggravations { get; init; } = new();

    /// <summary>Gets one entry per victim the verdict identifies.</summary>
    public IReadOnlyList<VerdictVictim> Victims { get; init; } = [];

    /// <summary>Gets the number of victims the verdict states, which may exceed the identified ones.</summary>
    public int? VictimsCount { get; init; }

    /// <summary>Gets the number of child victims the verdict states.</summary>
    public int? VictimsChildrenCount { get; init; }

    /// <summary>Gets the free-text description of the exploitation (classified by <see cref="ExploitationFormClassifier"/>).</summary>
    public string? ExploitationDescription { get; init; }

    /// <summary>Gets the destination country, ISO 3166-1 alpha-2 (e.g. <c>MY</c>).</summary>
    public string? DestinationCountry { get; init; }

    /// <summary>Gets the victims' province of origin as printed.</summary>
    public string? OriginProvince { get; init; }

    /// <summary>Gets the means of recruitment, as UU 21/2007 means codes (e.g. <c>penipuan</c>).</summary>
    public IReadOnlyList<string> RecruitmentMeans { get; init; } = [];

    /// <summary>Gets the prison sentence in months.</summary>
    public int? SentencePrisonMonths { get; init; }

    /// <summary>Gets the fine in Rupiah.</summary>
    public long? FineIdr { get; init; }

    /// <summary>Gets the substitute for an unpaid fine in months.</summary>
    public int? FineSubstituteMonths { get; init; }

    /// <summary>Gets the substitute for an unpaid fine in days (the 2026 criminal code's wording).</summary>
    public int? FineSubstituteDays { get; init; }

    /// <summary>Gets the kind of substitute (<c>kurungan</c> or <c>penjara</c>) as printed.</summary>
    public string? FineSubstituteType { get; init; }

    /// <summary>Gets the restitution ordered in Rupiah (UU 21/2007 Pasal 48).</summary>
    public long? RestitutionIdr { get; init; }

    /// <summary>Gets the substitute for unpaid restitution in months (Pasal 50(4)).</summary>
    public int? RestitutionSubstituteMonths { get; init; }

    /// <summary>Gets the kind of restitution substitute as printed.</summary>
    public string? RestitutionSubstituteType { get; init; }

    /// <summary>Gets the note on restitution (what was asked, why refused).</summary>
    public string? RestitutionNote { get; init; }

    /// <summary>Gets the prosecutor's demand (tuntutan) for prison in months.</summary>
    public int? ProsecutorDemandPrisonMonths { get; init; }

    /// <summary>Gets the prosecutor's demand for a fine in Rupiah.</summary>
    public long? ProsecutorDemandFineIdr { get; init; }

    /// <summary>Gets the prosecutor's demanded fine substitute in months.</summary>
    public int? ProsecutorDemandFineSubstituteMonths { get; init; }

    /// <summary>Gets the date of arrest (penangkapan).</summary>
    public LocalDate? ArrestDate { get; init; }

    /// <summary>Gets the detention periods in the order printed; per defendant when their chains differ.</summary>
    public IReadOnlyList<RecordedDetentionPeriod> DetentionPeriods { get; init; } = [];

    /// <summary>Gets the note on detention as recorded.</summary>
    public string? DetentionNote { get; init; }

    /// <summary>Gets where the verdict text was read (a public address).</summary>
    public string? Source { get; init; }

    /// <summary>Gets the reader's confidence in the extraction (<c>high</c>, <c>medium</c>, <c>low</c>).</summary>
    public string? Confidence { get; init; }

    /// <summary>Gets the reader's notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Aggravating circumstances a verdict states (UU 21/2007 Pasal 7, 8, 15, 16, 17).</summary>
/// <param name="ChildVictim">A victim was a child (Pasal 17: penalty +1/3).</param>
/// <param name="OrganizedGroup">Committed by an organised criminal group (Pasal 16: +1/3).</param>
/// <param name="StateOfficial">Committed by a state official abusing power (Pasal 8: +1/3).</param>
/// <param name="SeriousHarm">Serious injury, severe mental disorder, infectious disease, pregnancy or loss of
/// reproductive function (Pasal 7(1): +1/3).</param>
/// <param name="VictimDied">The victim died (Pasal 7(2)).</param>
/// <param name="Corporation">Committed by a corporation (Pasal 13–15).</param>
public sealed record VerdictAggravations(
    bool? ChildVictim = null,
    bool? OrganizedGroup = null,
    bool? StateOfficial = null,
    bool? SeriousHarm = null,
    bool? VictimDied = null,
    bool? Corporation = null);

/// <summary>One victim a verdict identifies, without identity (UU 21/2007 Pasal 44).</summary>
/// <param name="Sex">The victim's sex, <see cref="Sex.Unknown"/> when not stated.</param>
/// <param name="Age">Age in whole years at the time of the offence as stated, in [0, 130], or <see langword="null"/>.</param>
/// <param name="Child">Whether the verdict calls the victim a child (anak: under 18, UU 21/2007 Pasal 1 angka 5),
/// or <see langword="null"/> when it does not say.</param>
public sealed record VerdictVictim(Sex Sex, int? Age, bool? Child);

/// <summary>One detention period as printed in a verdict (KUHAP Pasal 20–31).</summary>
/// <param name="Defendant">The defendant label when chains differ per defendant (e.g. <c>terdakwa_I</c>), else <see langword="null"/>.</param>
/// <param name="Label">Who ordered it, as printed (e.g. <c>perpanjangan ketua PN (penyidikan, 1)</c>).</param>
/// <param name="From">First day, as printed.</param>
/// <param name="To">Last day, as printed (may be before <paramref name="From"/> in a misprinted verdict).</param>
/// <param name="DaysInclusiveAsRecorded">The inclusive day count recorded with the period, if any.</param>
public sealed record RecordedDetentionPeriod(string? Defendant, string Label, LocalDate? From, LocalDate? To, int? DaysInclusiveAsRecorded);
