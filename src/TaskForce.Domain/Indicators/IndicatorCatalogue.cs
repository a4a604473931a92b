namespace TaskForce.Domain.Indicators;

/// <summary>The definition of one indicator: what it counts, in which unit, how it may be split, and its source.</summary>
/// <param name="Id">The stable id written into snapshots, e.g. <c>victims</c>.</param>
/// <param name="NameId">The name in Bahasa Indonesia, for people.</param>
/// <param name="NameEn">The name in English, for people.</param>
/// <param name="Definition">What is counted, including the counting rule.</param>
/// <param name="Unit">The unit of its values.</param>
/// <param name="Disaggregations">The allowed disaggregations, each a list of dimension names; an empty list is the total.</param>
/// <param name="Source">The standard or contract the definition follows.</param>
public sealed record IndicatorDefinition(
    string Id,
    string NameId,
    string NameEn,
    string Definition,
    string Unit,
    IReadOnlyList<IReadOnlyList<string>> Disaggregations,
    string Source)
{
    /// <summary>Gets what the numerator counts.</summary>
    /// <value>For a count, the count itself.</value>
    public string Numerator { get; init; } = string.Empty;

    /// <summary>Gets what the denominator counts, or <see langword="null"/> for a count.</summary>
    /// <value>For example the population of the region in the period's year.</value>
    public string? Denominator { get; init; }

    /// <summary>Gets the age groupings the indicator's age dimensions use, or <see langword="null"/> when it has none.</summary>
    /// <value>For example <c>age_group=simfoni_ppa; age_broad=ctdc_age_broad</c>.</value>
    public string? AgeGrouping { get; init; }

    /// <summary>Gets a value indicating whether small cells are suppressed (person-level case-record indicators).</summary>
    /// <value><see langword="false"/> for public court records and for the published CTDC figures.</value>
    public bool Suppressed { get; init; }
}

/// <summary>
/// The one list of every indicator TaskForce computes, with its bilingual names, definition, numerator, denominator,
/// unit, allowed disaggregations and source. Snapshots carry <see cref="Version"/>.
/// </summary>
public static class IndicatorCatalogue
{
    /// <summary>The catalogue version written into every snapshot; it changes whenever a definition changes.</summary>
    public const string Version = "2026.3-hidden-victims";

    /// <summary>The default suppression threshold k: person-level cells below k are withheld.</summary>
    /// <remarks>k = 11 is the threshold the Counter Trafficking Data Collaborative publishes with (CTDC, "cells of at
    /// least 11", docs/sources.md#ctdc), the standard of the global data set the task force's numbers are
    /// compared with; a district's yearly counts are small, so a lower k would publish groups of a few identifiable
    /// victims (UU 21/2007 Pasal 44). k is configurable per snapshot (<c>--k</c>, <c>?k=</c>) and always written into
    /// it. The court-outcome indicators are not suppressed because verdicts are public (docs/wire-contract.md).</remarks>
    public const int DefaultSuppressionK = 11;

    private const string FirstSnapshot = "docs/wire-contract.md, 'Indicator ids of the first snapshot'";
    private const string Rules = "counting rules: docs/decisions/ADR-008-indicator-counting-rules.md";

    /// <summary>Gets the court-outcome indicators, computed over verdicts decided in the period.</summary>
    /// <value>The definitions in the order snapshots list them.</value>
    public static IReadOnlyList<IndicatorDefinition> CourtOutcomes { get; } =
    [
        new(IndicatorIds.Cases, "Jumlah putusan", "Verdicts",
            "Number of first-instance verdicts decided in the period, one per record.", "cases",
            [[], ["article"], ["participation"]], FirstSnapshot) { Numerator = "verdicts decided in the period" },
        new(IndicatorIds.Victims, "Jumlah korban", "Victims",
            "Distinct victims in verdicts decided in the period: victims_count persons per verdict, the identified victims first and the rest of unknown sex and age; one per identified victim when the count is missing.",
            "persons",
            [[], ["sex"], ["age_group"], ["exploitation_form"], ["destination_country"], ["sex", "age_group", "exploitation_form"]],
            FirstSnapshot + "; GLOTIP child/adult split; exploitation form by the verdict-text keyword rule")
        {
            Numerator = "victims in verdicts decided in the period", AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping,
        },
        new(IndicatorIds.SentenceMonths, "Lama pidana penjara (bulan)", "Prison sentence (months)",
            "Count, median (mean of the two middle values for an even count), minimum and maximum of the prison sentence over verdicts with a prison sentence.",
            "months", [["stat"]], FirstSnapshot) { Numerator = "prison sentences of verdicts decided in the period" },
        new(IndicatorIds.RestitutionOrdered, "Restitusi yang diputus", "Restitution ordered",
            "Verdicts ordering restitution above Rp0 (stat=cases) and the total ordered in Rupiah (stat=total_idr); UU 21/2007 Pasal 48.",
            "cases|idr", [["stat"]], FirstSnapshot) { Numerator = "verdicts ordering restitution; Rupiah ordered" },
        new(IndicatorIds.DaysArrestToVerdict, "Hari dari penangkapan sampai putusan", "Days from arrest to verdict",
            "Median of decision_date minus arrest_date in days over verdicts with both dates and the arrest not after the decision (an arrest printed after the decision is a data error, flagged on import and left out), stat=median; and how many verdicts that is, stat=count.",
            "days", [["stat"]], FirstSnapshot) { Numerator = "days from arrest to verdict" },
    ];

    /// <summary>Gets the case-record indicators (<see cref="CaseIndicators"/>), over consented case records of the
    /// region; persons de-duplicated across agencies; small cells suppressed.</summary>
    /// <value>The definitions in the order snapshots list them.</value>
    public static IReadOnlyList<IndicatorDefinition> CaseRecords { get; } =
    [
        new(IndicatorIds.VictimsIdentified, "Korban TPPO teridentifikasi", "Victims of trafficking identified",
            "Distinct persons (by person key) recorded as victims in trafficking cases (type tppo, or SIMFONI form trafficking) reported in the period. A person with several forms of exploitation counts once in the total and once in each form; unknown values form their own cell; countries with fewer than k persons are recoded to 'other'.",
            "persons",
            [[], ["sex"], ["age_group"], ["age_broad"], ["exploitation_form"], ["citizenship"], ["destination_country"], ["migrant_worker_status"], ["sex", "age_group", "exploitation_form"]],
            "docs/sources.md#sdg-16-2-2, #district-indicators (victims by sex, age group and form); SDG 16.2.2 forms; " + Rules)
        {
            Numerator = "distinct victims of trafficking reported in the period",
            AgeGrouping = $"age_group={AgeGroups.SimfoniGrouping}; age_broad={AgeGroups.CtdcGrouping}",
            Suppressed = true,
        },
        new(IndicatorIds.Sdg1622, "Angka korban perdagangan manusia per 100.000 penduduk", "Victims of human trafficking per 100,000 population (SDG 16.2.2)",
            "Victims identified in the period divided by the region's population and multiplied by 100,000, rounded to 2 decimals (half away from zero); each cell of sex x child/adult x form over the total population. The population is chosen by year from the versioned population table and named in the cell. Not annualised for periods shorter than a year.",
            "per_100000", [[], ["sex", "age_group", "exploitation_form"]],
            "SDG indicator 16.2.2 metadata (UNODC); docs/sources.md#sdg-16-2-2, #population; " + Rules)
        {
            Numerator = "victims_identified (same cells)", Denominator = "population of the region in the period's year (PopulationTable)",
            AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping, Suppressed = true,
        },
        new(IndicatorIds.CasesReported, "Kasus yang dilaporkan", "Cases reported",
            "Consented case records reported in the period, by case type and by kecamatan of origin (the region's full kecamatan list when embedded, plus other and unknown). One per case record: the same incident recorded by two agencies is two records (persons are de-duplicated in the victim indicators).",
            "cases", [[], ["case_type"], ["kecamatan"], ["case_type", "kecamatan"]], "docs/sources.md#uptd-ppa, #simfoni-ppa; " + Rules)
        { Numerator = "case records reported in the period", Suppressed = true },
        new(IndicatorIds.ReportingDelay, "Jeda pelaporan", "Reporting delay",
            "Cases reported in the period by report date minus date of the act, in the GBVIMS/Primero buckets 0-3, 4-5, 6-14, 15-30, 31-90, 91+ days (half-open [0,4), [4,6), [6,15), [15,31), [31,91), [91,inf)); no date of the act (or a negative delay) is 'unknown', never 0.",
            "cases", [["delay_days"]], "GBVIMS / Primero GBV KPI 3 buckets, with Primero's missing-date bug fixed (docs/sources.md#primero, #gbvims; ADR-023); " + Rules)
        { Numerator = "cases reported in the period", Suppressed = true },
        new(IndicatorIds.JusticeFunnel, "Alur peradilan pidana", "Criminal-justice funnel",
            "Of the cases reported in the period (stage=reported), those that reached each stage by the end of the period: police report (laporan_polisi), SPDP, P-21, first-instance verdict (putusan), final verdict (inkracht), restitution ordered, restitution paid.",
            "cases", [["stage"], ["case_type", "stage"]], "docs/sources.md#district-indicators (% reaching P21, verdict, inkracht; restitution); KUHAP; UU 21/2007 Pasal 48-50; " + Rules)
        { Numerator = "cases of the period's cohort that reached the stage", Suppressed = true },
        new(IndicatorIds.JusticeConversion, "Konversi antar tahap peradilan", "Conversion between justice stages",
            "justice_funnel(to_stage) / justice_funnel(from_stage) x 100 for consecutive stages, 1 decimal; withheld when either count is withheld; not listed when from_stage is 0.",
            "percent", [["from_stage", "to_stage"]], Rules)
        { Numerator = "cases reaching to_stage", Denominator = "cases reaching from_stage", Suppressed = true },
        new(IndicatorIds.FirstResponse, "Respons pertama", "First response",
            "Cases reported in the period by the status of their first-response deadline (case-management workflow) at the end of the period: met (left intake by the due instant), late (left intake after it, or still in intake past it), pending (in intake, not yet due), unknown (no case-management workflow).",
            "cases", [["status"]], "Permen PPPA 2/2022 / SIPPN first-response standard [C]; reference defaults 0/6/24 h [U]; " + Rules)
        { Numerator = "cases reported in the period", Suppressed = true },
        new(IndicatorIds.FirstResponseOnTime, "Respons pertama tepat waktu", "First response on time",
            "first_response(met) / (met + late) x 100, 1 decimal.", "percent", [[]], Rules)
        { Numerator = "cases with the first response met", Denominator = "cases met or late", Suppressed = true },
        new(IndicatorIds.StatutoryServicesTimeliness, "Layanan Pasal 52-53 dalam 7 hari", "UU 21/2007 Pasal 52-53 services within 7 days",
            "Distinct victims of trafficking cases with a request in the period for health or social rehabilitation, repatriation, social reintegration (Pasal 52) or first aid (Pasal 53), by the worst status of those requests at the end of the period: late (delivered after the 7-day due date, or still open or ended after it), pending (open, not yet due), met (delivered by the due date), stopped (refused or referred by the due date).",
            "persons", [[], ["status"]], "UU 21/2007 Pasal 52(1), 53 [R]; docs/sources.md#district-indicators; " + Rules)
        { Numerator = "victims with a Pasal 52-53 request in the period", Suppressed = true },
        new(IndicatorIds.StatutoryServicesOnTime, "Layanan Pasal 52-53 tepat waktu", "Pasal 52-53 services on time",
            "statutory_services_timeliness(met) / (met + late) x 100, 1 decimal.", "percent", [[]], Rules)
        { Numerator = "victims all of whose requests were met", Denominator = "victims met or late", Suppressed = true },
        new(IndicatorIds.ServicesDelivered, "Layanan yang diberikan", "Services delivered",
            "Distinct persons (every case type) who received a service delivered in the period, in total and by service function (the six UPTD PPA functions of Permen PPPA 2/2022, the PP 9/2008 services and Pasal 53 first aid); a person with several services counts once in each.",
            "persons", [[], ["service_type"]], "Permen PPPA 2/2022; PP 9/2008; Primero KPI 8 counted by person (docs/sources.md#primero); " + Rules)
        { Numerator = "persons served in the period", Suppressed = true },
        new(IndicatorIds.Referrals, "Rujukan", "Referrals",
            "Referrals and transfers sent in the period by their first decision at the end of the period: accepted (including done), rejected, revoked before a decision, in_progress.",
            "referrals", [[], ["outcome"]], "Primero referral statuses (docs/sources.md#primero); " + Rules)
        { Numerator = "referrals sent in the period", Suppressed = true },
        new(IndicatorIds.ReferralsAcceptedRate, "Rujukan yang diterima", "Referrals accepted",
            "referrals(accepted) / (accepted + rejected) x 100, 1 decimal.", "percent", [[]], Rules)
        { Numerator = "referrals accepted", Denominator = "referrals accepted or rejected", Suppressed = true },
        new(IndicatorIds.CasesOpenPastDue, "Kasus melewati tenggat", "Cases open past a due date",
            "Consented cases reported by the end of the period with at least one workflow deadline overdue at the end of the period (started, not closed, due date passed), in total and by deadline.",
            "cases", [[], ["deadline"]], "workflow deadlines (TaskForce.Domain.Workflows); Primero overdue counters (docs/sources.md#primero); " + Rules)
        { Numerator = "cases with an overdue deadline", Suppressed = true },
        new(IndicatorIds.CtdcGlobalVictims, "Korban dalam data global CTDC", "Victims in the CTDC global data set",
            "Records of the imported CTDC global synthetic data set registered in the period's year (else the latest earlier year, named in coverage), all and with citizenship Indonesia, by sex, ageBroad and form of exploitation (multi-select: a record counts in each form flagged). Published synthetic data: not suppressed again.",
            "persons", [[], ["sex"], ["age_broad"], ["exploitation_form"], ["citizenship"], ["citizenship", "sex"], ["citizenship", "age_broad"], ["citizenship", "exploitation_form"]],
            "CTDC global synthetic data set codebook 2024 (docs/sources.md#ctdc)")
        { Numerator = "CTDC records registered in the year", AgeGrouping = "age_broad=" + AgeGroups.CtdcGrouping },
    ];

    /// <summary>Gets the figures of the snapshot's <c>hidden_victims</c> section
    /// (<see cref="Estimation.HiddenVictimIndicators"/>): the multiple systems estimate of the victims of trafficking no
    /// agency has seen, and the SDG 16.2.2 rate with it. They are a section of the snapshot, not cells; the CSV writes
    /// them as rows under these ids.</summary>
    /// <value>The definitions in the order the CSV lists them.</value>
    public static IReadOnlyList<IndicatorDefinition> HiddenVictims { get; } =
    [
        new(IndicatorIds.HiddenVictims, "Perkiraan korban TPPO (terlihat dan tersembunyi)", "Estimated victims of trafficking (seen and hidden)",
            "Multiple systems estimate of the victims of trafficking of the period, seen and unseen, from the task-force agencies' victim lists linked by person (keyed NIK hash, else name, birth date and kecamatan): stat=observed (linked persons), dark_figure (estimated on no list), estimate (observed + dark figure), ci_low/ci_high (Wald on the log dark figure, 95%), profile_ci_low/profile_ci_high (profile likelihood, 95%); SparseMSE stepwise model, p < 0.02; no BCa bootstrap in snapshots. Overall and per sex x child/adult x form. Not estimated (no numbers) with fewer than two lists, lists that do not overlap, an estimate that does not exist or is not identifiable, or a group withheld by small-count suppression.",
            "persons", [["stat"], ["sex", "age_group", "exploitation_form", "stat"]],
            "Chan, Silverman & Vincent 2019 (SparseMSE 2.0.2); UNODC MSE for SDG 16.2.2 (docs/sources.md#mse); docs/decisions/ADR-009-hidden-victims-in-snapshots.md")
        {
            Numerator = "victims seen and unseen", AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping, Suppressed = true,
        },
        new(IndicatorIds.Sdg1622Estimated, "Angka korban perdagangan manusia per 100.000 penduduk, termasuk perkiraan korban tersembunyi", "Victims of human trafficking per 100,000 population, including the estimated hidden victims (SDG 16.2.2)",
            "hidden_victims estimate (and its interval bounds) divided by the region's population and multiplied by 100,000, 2 decimals; the same denominator as sdg_16_2_2, whose detected-victim rate is shown beside it. Not annualised for periods shorter than a year.",
            "per_100000", [["stat"], ["sex", "age_group", "exploitation_form", "stat"]],
            "SDG indicator 16.2.2 metadata (UNODC); docs/sources.md#sdg-16-2-2 (detected + MSE-estimated undetected victims); ADR-009")
        {
            Numerator = "hidden_victims estimate", Denominator = "population of the region in the period's year (PopulationTable)",
            AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping, Suppressed = true,
        },
    ];

    /// <summary>Gets every indicator: the court-outcome ones, the case-record ones, then the hidden-victim figures.</summary>
    /// <value>The definitions in the order snapshots list them.</value>
    public static IReadOnlyList<IndicatorDefinition> All { get; } = [.. CourtOutcomes, .. CaseRecords, .. HiddenVictims];
}
