using NodaTime;

namespace TaskForce.Domain.Indicators;

/// <summary>One cell of an indicator: its id, value, unit, whether it is suppressed, and the disaggregation it is for.</summary>
/// <param name="Id">The indicator id from the <see cref="IndicatorCatalogue"/>, e.g. <c>victims</c>.</param>
/// <param name="Value">The value in <paramref name="Unit"/>; <see langword="null"/> exactly when <paramref name="Suppressed"/>.</param>
/// <param name="Unit">The unit: <c>persons</c>, <c>cases</c>, <c>referrals</c>, <c>months</c>, <c>days</c>, <c>idr</c>
/// (Rupiah), <c>percent</c> or <c>per_100000</c>.</param>
/// <param name="Suppressed">Whether the cell is withheld because it is below the suppression threshold k.</param>
/// <param name="Disaggregation">The dimensions of the cell in a fixed order, e.g. <c>sex=female</c>; empty for a total.</param>
public sealed record IndicatorValue(
    string Id,
    decimal? Value,
    string Unit,
    bool Suppressed,
    IReadOnlyList<KeyValuePair<string, string>> Disaggregation)
{
    /// <summary>Gets the population a rate per 100,000 is computed over, or <see langword="null"/> for other units.</summary>
    /// <value>The denominator with its year, kind and source (docs/wire-contract.md, <c>sdg_16_2_2</c>).</value>
    public PopulationDenominator? Population { get; init; }
}

/// <summary>The population denominator of a rate, named in the output (docs/sources.md#population: a rate says which
/// denominator it used).</summary>
/// <param name="Value">The population, persons.</param>
/// <param name="Year">The year of the figure.</param>
/// <param name="Reference">The kind of figure: <c>mid_year_estimate</c>, <c>census</c> or <c>civil_registry</c>.</param>
/// <param name="Source">The source, e.g. <c>BPS mid-year population estimate 2023</c>.</param>
public sealed record PopulationDenominator(long Value, int Year, string Reference, string Source);

/// <summary>How many records a snapshot looked at and which rules it applied, so a reader can judge its coverage.</summary>
/// <param name="RecordsRead">Records read from storage for the region.</param>
/// <param name="RecordsInPeriod">Records whose date lies in the period (those counted).</param>
/// <param name="RecordsWithoutDate">Records that could not be placed in any period because their date is missing.</param>
/// <param name="Rules">Named rule versions applied (e.g. the exploitation-form keyword rule), in a fixed order.</param>
public sealed record SnapshotCoverage(
    int RecordsRead,
    int RecordsInPeriod,
    int RecordsWithoutDate,
    IReadOnlyList<KeyValuePair<string, string>> Rules)
{
    /// <summary>Gets what the case-record indicators read, or <see langword="null"/> when they were not computed.</summary>
    /// <value>The case-record coverage.</value>
    public CaseRecordCoverage? CaseRecords { get; init; }

    /// <summary>Gets warnings the reader must see: unconfirmed groupings, substituted population years, missing
    /// denominators.</summary>
    /// <value>Empty when there is nothing to warn about.</value>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// A computed set of indicators for a region and a period: what the snapshot contract (docs/wire-contract.md,
/// <c>snapshot</c>) serialises. Contains no personal data (UU 21/2007 Pasal 44).
/// </summary>
/// <param name="Region">The region code or <c>*</c>.</param>
/// <param name="Period">The reporting period, dates in <paramref name="ZoneId"/>.</param>
/// <param name="ZoneId">The IANA zone the period's dates are in, normally <c>Asia/Makassar</c>.</param>
/// <param name="CatalogueVersion">The version of the indicator catalogue used.</param>
/// <param name="SuppressionK">The threshold k used: person-level cells below k are suppressed.</param>
/// <param name="GeneratedAt">When the snapshot was computed (UTC instant).</param>
/// <param name="Indicators">The cells, in the catalogue's order.</param>
/// <param name="Coverage">What was read and counted.</param>
public sealed record IndicatorSnapshot(
    string Region,
    ReportingPeriod Period,
    string ZoneId,
    string CatalogueVersion,
    int SuppressionK,
    Instant GeneratedAt,
    IReadOnlyList<IndicatorValue> Indicators,
    SnapshotCoverage Coverage)
{
    /// <summary>Gets the hidden-victim section: the multiple systems estimate of the victims no agency has seen and the
    /// SDG 16.2.2 rate with it (<see cref="Estimation.HiddenVictimIndicators"/>), or <see langword="null"/> when it was
    /// not computed (court-outcome indicators alone).</summary>
    /// <value>Agency codes, counts and estimates only.</value>
    public Estimation.HiddenVictimsSection? HiddenVictims { get; init; }
}
