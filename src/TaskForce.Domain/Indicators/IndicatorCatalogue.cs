using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

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
    private readonly string _definition = Definition;

    /// <summary>Gets what is counted, in plain words, in the reader's language: for the definitions of
    /// <see cref="IndicatorCatalogue"/> the text of the current UI culture (Bahasa Indonesia for <c>id</c>, else
    /// English; ADR-025), for any other definition (or one given a new text with <c>with</c>) the text it was given.</summary>
    /// <value>One or a few sentences.</value>
    public string Definition
    {
        get => DefinitionKey is null
            ? _definition
            : IndicatorsText.ResourceManager.GetString(DefinitionKey, CultureInfo.CurrentUICulture) ?? _definition;
        init
        {
            _definition = value;
            DefinitionKey = null;
        }
    }

    /// <summary>Gets the resource key of <see cref="Definition"/> (catalogue definitions only).</summary>
    internal string? DefinitionKey { get; init; }

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
    public static IReadOnlyList<IndicatorDefinition> CourtOutcomes { get; } = Keyed(
    [
        new(IndicatorIds.Cases, "Jumlah putusan", "Verdicts",
            En(IndicatorIds.Cases), "cases",
            [[], ["article"], ["participation"]], FirstSnapshot) { Numerator = "verdicts decided in the period" },
        new(IndicatorIds.Victims, "Jumlah korban", "Victims",
            En(IndicatorIds.Victims),
            "persons",
            [[], ["sex"], ["age_group"], ["exploitation_form"], ["destination_country"], ["sex", "age_group", "exploitation_form"]],
            FirstSnapshot + "; GLOTIP child/adult split; exploitation form by the verdict-text keyword rule")
        {
            Numerator = "victims in verdicts decided in the period", AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping,
        },
        new(IndicatorIds.SentenceMonths, "Lama pidana penjara (bulan)", "Prison sentence (months)",
            En(IndicatorIds.SentenceMonths),
            "months", [["stat"]], FirstSnapshot) { Numerator = "prison sentences of verdicts decided in the period" },
        new(IndicatorIds.RestitutionOrdered, "Restitusi yang diputus", "Restitution ordered",
            En(IndicatorIds.RestitutionOrdered),
            "cases|idr", [["stat"]], FirstSnapshot) { Numerator = "verdicts ordering restitution; Rupiah ordered" },
        new(IndicatorIds.DaysArrestToVerdict, "Hari dari penangkapan sampai putusan", "Days from arrest to verdict",
            En(IndicatorIds.DaysArrestToVerdict),
            "days", [["stat"]], FirstSnapshot) { Numerator = "days from arrest to verdict" },
    ]);

    /// <summary>Gets the case-record indicators (<see cref="CaseIndicators"/>), over consented case records of the
    /// region; persons de-duplicated across agencies; small cells suppressed.</summary>
    /// <value>The definitions in the order snapshots list them.</value>
    public static IReadOnlyList<IndicatorDefinition> CaseRecords { get; } = Keyed(
    [
        new(IndicatorIds.VictimsIdentified, "Korban TPPO teridentifikasi", "Victims of trafficking identified",
            En(IndicatorIds.VictimsIdentified),
            "persons",
            [[], ["sex"], ["age_group"], ["age_broad"], ["exploitation_form"], ["citizenship"], ["destination_country"], ["migrant_worker_status"], ["sex", "age_group", "exploitation_form"]],
            "docs/sources.md#sdg-16-2-2, #district-indicators (victims by sex, age group and form); SDG 16.2.2 forms; " + Rules)
        {
            Numerator = "distinct victims of trafficking reported in the period",
            AgeGrouping = $"age_group={AgeGroups.SimfoniGrouping}; age_broad={AgeGroups.CtdcGrouping}",
            Suppressed = true,
        },
        new(IndicatorIds.Sdg1622, "Angka korban perdagangan manusia per 100.000 penduduk", "Victims of human trafficking per 100,000 population (SDG 16.2.2)",
            En(IndicatorIds.Sdg1622),
            "per_100000", [[], ["sex", "age_group", "exploitation_form"]],
            "SDG indicator 16.2.2 metadata (UNODC); docs/sources.md#sdg-16-2-2, #population; " + Rules)
        {
            Numerator = "victims_identified (same cells)", Denominator = "population of the region in the period's year (PopulationTable)",
            AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping, Suppressed = true,
        },
        new(IndicatorIds.CasesReported, "Kasus yang dilaporkan", "Cases reported",
            En(IndicatorIds.CasesReported),
            "cases", [[], ["case_type"], ["kecamatan"], ["case_type", "kecamatan"]], "docs/sources.md#uptd-ppa, #simfoni-ppa; " + Rules)
        { Numerator = "case records reported in the period", Suppressed = true },
        new(IndicatorIds.ReportingDelay, "Jeda pelaporan", "Reporting delay",
            En(IndicatorIds.ReportingDelay),
            "cases", [["delay_days"]], "GBVIMS / Primero GBV KPI 3 buckets, with Primero's missing-date bug fixed (docs/sources.md#primero, #gbvims; ADR-023); " + Rules)
        { Numerator = "cases reported in the period", Suppressed = true },
        new(IndicatorIds.JusticeFunnel, "Alur peradilan pidana", "Criminal-justice funnel",
            En(IndicatorIds.JusticeFunnel),
            "cases", [["stage"], ["case_type", "stage"]], "docs/sources.md#district-indicators (% reaching P21, verdict, inkracht; restitution); KUHAP; UU 21/2007 Pasal 48-50; " + Rules)
        { Numerator = "cases of the period's cohort that reached the stage", Suppressed = true },
        new(IndicatorIds.JusticeConversion, "Konversi antar tahap peradilan", "Conversion between justice stages",
            En(IndicatorIds.JusticeConversion),
            "percent", [["from_stage", "to_stage"]], Rules)
        { Numerator = "cases reaching to_stage", Denominator = "cases reaching from_stage", Suppressed = true },
        new(IndicatorIds.FirstResponse, "Respons pertama", "First response",
            En(IndicatorIds.FirstResponse),
            "cases", [["status"]], "Permen PPPA 2/2022 / SIPPN first-response standard [C]; reference defaults 0/6/24 h [U]; " + Rules)
        { Numerator = "cases reported in the period", Suppressed = true },
        new(IndicatorIds.FirstResponseOnTime, "Respons pertama tepat waktu", "First response on time",
            En(IndicatorIds.FirstResponseOnTime), "percent", [[]], Rules)
        { Numerator = "cases with the first response met", Denominator = "cases met or late", Suppressed = true },
        new(IndicatorIds.StatutoryServicesTimeliness, "Layanan Pasal 52-53 dalam 7 hari", "UU 21/2007 Pasal 52-53 services within 7 days",
            En(IndicatorIds.StatutoryServicesTimeliness),
            "persons", [[], ["status"]], "UU 21/2007 Pasal 52(1), 53 [R]; docs/sources.md#district-indicators; " + Rules)
        { Numerator = "victims with a Pasal 52-53 request in the period", Suppressed = true },
        new(IndicatorIds.StatutoryServicesOnTime, "Layanan Pasal 52-53 tepat waktu", "Pasal 52-53 services on time",
            En(IndicatorIds.StatutoryServicesOnTime), "percent", [[]], Rules)
        { Numerator = "victims all of whose requests were met", Denominator = "victims met or late", Suppressed = true },
        new(IndicatorIds.ServicesDelivered, "Layanan yang diberikan", "Services delivered",
            En(IndicatorIds.ServicesDelivered),
            "persons", [[], ["service_type"]], "Permen PPPA 2/2022; PP 9/2008; Primero KPI 8 counted by person (docs/sources.md#primero); " + Rules)
        { Numerator = "persons served in the period", Suppressed = true },
        new(IndicatorIds.Referrals, "Rujukan", "Referrals",
            En(IndicatorIds.Referrals),
            "referrals", [[], ["outcome"]], "Primero referral statuses (docs/sources.md#primero); " + Rules)
        { Numerator = "referrals sent in the period", Suppressed = true },
        new(IndicatorIds.ReferralsAcceptedRate, "Rujukan yang diterima", "Referrals accepted",
            En(IndicatorIds.ReferralsAcceptedRate), "percent", [[]], Rules)
        { Numerator = "referrals accepted", Denominator = "referrals accepted or rejected", Suppressed = true },
        new(IndicatorIds.CasesOpenPastDue, "Kasus melewati tenggat", "Cases open past a due date",
            En(IndicatorIds.CasesOpenPastDue),
            "cases", [[], ["deadline"]], "workflow deadlines (TaskForce.Domain.Workflows); Primero overdue counters (docs/sources.md#primero); " + Rules)
        { Numerator = "cases with an overdue deadline", Suppressed = true },
        new(IndicatorIds.CtdcGlobalVictims, "Korban dalam data global CTDC", "Victims in the CTDC global data set",
            En(IndicatorIds.CtdcGlobalVictims),
            "persons", [[], ["sex"], ["age_broad"], ["exploitation_form"], ["citizenship"], ["citizenship", "sex"], ["citizenship", "age_broad"], ["citizenship", "exploitation_form"]],
            "CTDC global synthetic data set codebook 2024 (docs/sources.md#ctdc)")
        { Numerator = "CTDC records registered in the year", AgeGrouping = "age_broad=" + AgeGroups.CtdcGrouping },
    ]);

    /// <summary>Gets the figures of the snapshot's <c>hidden_victims</c> section
    /// (<see cref="Estimation.HiddenVictimIndicators"/>): the multiple systems estimate of the victims of trafficking no
    /// agency has seen, and the SDG 16.2.2 rate with it. They are a section of the snapshot, not cells; the CSV writes
    /// them as rows under these ids.</summary>
    /// <value>The definitions in the order the CSV lists them.</value>
    public static IReadOnlyList<IndicatorDefinition> HiddenVictims { get; } = Keyed(
    [
        new(IndicatorIds.HiddenVictims, "Perkiraan korban TPPO (terlihat dan tersembunyi)", "Estimated victims of trafficking (seen and hidden)",
            En(IndicatorIds.HiddenVictims),
            "persons", [["stat"], ["sex", "age_group", "exploitation_form", "stat"]],
            "Chan, Silverman & Vincent 2019 (SparseMSE 2.0.2); UNODC MSE for SDG 16.2.2 (docs/sources.md#mse); docs/decisions/ADR-009-hidden-victims-in-snapshots.md")
        {
            Numerator = "victims seen and unseen", AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping, Suppressed = true,
        },
        new(IndicatorIds.Sdg1622Estimated, "Angka korban perdagangan manusia per 100.000 penduduk, termasuk perkiraan korban tersembunyi", "Victims of human trafficking per 100,000 population, including the estimated hidden victims (SDG 16.2.2)",
            En(IndicatorIds.Sdg1622Estimated),
            "per_100000", [["stat"], ["sex", "age_group", "exploitation_form", "stat"]],
            "SDG indicator 16.2.2 metadata (UNODC); docs/sources.md#sdg-16-2-2 (detected + MSE-estimated undetected victims); ADR-009")
        {
            Numerator = "hidden_victims estimate", Denominator = "population of the region in the period's year (PopulationTable)",
            AgeGrouping = "age_group=" + AgeGroups.ChildAdultGrouping, Suppressed = true,
        },
    ]);

    /// <summary>Gets every indicator: the court-outcome ones, the case-record ones, then the hidden-victim figures.</summary>
    /// <value>The definitions in the order snapshots list them.</value>
    public static IReadOnlyList<IndicatorDefinition> All { get; } = [.. CourtOutcomes, .. CaseRecords, .. HiddenVictims];

    private static string KeyOf(string id) => "Definition_" + id;

    /// <summary>The English definition of an indicator from the resource set (the text the record is created with).</summary>
    private static string En(string id) => Texts.In(IndicatorsText.ResourceManager, KeyOf(id), Texts.English);

    /// <summary>Marks the definitions as the catalogue's, so that <see cref="IndicatorDefinition.Definition"/> reads
    /// the reader's language.</summary>
    private static IReadOnlyList<IndicatorDefinition> Keyed(IndicatorDefinition[] definitions) =>
        [.. definitions.Select(d => d with { DefinitionKey = KeyOf(d.Id) })];
}
