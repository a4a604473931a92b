using NodaTime;

namespace TaskForce.Domain.Indicators;

/// <summary>One cell of an indicator: its id, value, unit, whether it is suppressed, and the disaggregation it is for.</summary>
/// <param name="Id">The indicator id from the <see cref="IndicatorCatalogue"/>, e.g. <c>victims</c>.</param>
/// <param name="Value">The value in <paramref name="Unit"/>; <see langword="null"/> exactly when <paramref name="Suppressed"/>.</param>
/// <param name="Unit">The unit: <c>persons</c>, <c>cases</c>, <c>months</c>, <c>days</c>, <c>idr</c> (Rupiah) or
/// <c>per_100000</c>.</param>
/// <param name="Suppressed">Whether the cell is withheld because it is below the suppression threshold k.</param>
/// <param name="Disaggregation">The dimensions of the cell in a fixed order, e.g. <c>sex=female</c>; empty for a total.</param>
public sealed record IndicatorValue(
    string Id,
    decimal? Value,
    string Unit,
    bool Suppressed,
    IReadOnlyList<KeyValuePair<string, string>> Disaggregation);

/// <summary>How many records a snapshot looked at and which rules it applied, so a reader can judge its coverage.</summary>
/// <param name="RecordsRead">Records read from storage for the region.</param>
/// <param name="RecordsInPeriod">Records whose date lies in the period (those counted).</param>
/// <param name="RecordsWithoutDate">Records that could not be placed in any period because their date is missing.</param>
/// <param name="Rules">Named rule versions applied (e.g. the exploitation-form keyword rule), in a fixed order.</param>
public sealed record SnapshotCoverage(
    int RecordsRead,
    int RecordsInPeriod,
    int RecordsWithoutDate,
    IReadOnlyList<KeyValuePair<string, string>> Rules);

/// <summary>
/// A computed set of indicators for a region and a period: what the snapshot contract (shared/contracts/cli.md,
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
    SnapshotCoverage Coverage);
