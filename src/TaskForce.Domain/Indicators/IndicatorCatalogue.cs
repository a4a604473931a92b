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
    string Source);

/// <summary>
/// The one list of every indicator TaskForce computes, with its bilingual names, definition, unit, allowed
/// disaggregations and source. Snapshots carry <see cref="Version"/>.
/// </summary>
public static class IndicatorCatalogue
{
    /// <summary>The catalogue version written into every snapshot; it changes whenever a definition changes.</summary>
    public const string Version = "2026.1-court-outcomes";

    /// <summary>The default suppression threshold k: person-level cells below k are withheld.</summary>
    /// <remarks>k = 11 is the threshold the Counter Trafficking Data Collaborative publishes with (CTDC, "cells of at
    /// least 11", anchors-case-management.md §3.2); the court-outcome indicators are not suppressed because verdicts are
    /// public (shared/contracts/cli.md).</remarks>
    public const int DefaultSuppressionK = 11;

    private const string FirstSnapshot = "shared/contracts/cli.md, 'Indicator ids of the first snapshot'";

    /// <summary>Gets the court-outcome indicators, computed over verdicts decided in the period.</summary>
    /// <value>The definitions in the order snapshots list them.</value>
    public static IReadOnlyList<IndicatorDefinition> CourtOutcomes { get; } =
    [
        new("cases", "Jumlah putusan", "Verdicts",
            "Number of first-instance verdicts decided in the period, one per record.", "cases",
            [[], ["article"], ["participation"]], FirstSnapshot),
        new("victims", "Jumlah korban", "Victims",
            "Distinct victims in verdicts decided in the period: victims_count persons per verdict, the identified victims first and the rest of unknown sex and age; one per identified victim when the count is missing.",
            "persons",
            [[], ["sex"], ["age_group"], ["exploitation_form"], ["destination_country"], ["sex", "age_group", "exploitation_form"]],
            FirstSnapshot + "; GLOTIP child/adult split; exploitation form by the verdict-text keyword rule"),
        new("sentence_months", "Lama pidana penjara (bulan)", "Prison sentence (months)",
            "Count, median (mean of the two middle values for an even count), minimum and maximum of the prison sentence over verdicts with a prison sentence.",
            "months", [["stat"]], FirstSnapshot),
        new("restitution_ordered", "Restitusi yang diputus", "Restitution ordered",
            "Verdicts ordering restitution above Rp0 (stat=cases) and the total ordered in Rupiah (stat=total_idr); UU 21/2007 Pasal 48.",
            "cases|idr", [["stat"]], FirstSnapshot),
        new("days_arrest_to_verdict", "Hari dari penangkapan sampai putusan", "Days from arrest to verdict",
            "Median of decision_date minus arrest_date in days over verdicts with both dates and the arrest not after the decision (an arrest printed after the decision is a data error, flagged on import and left out), stat=median; and how many verdicts that is, stat=count.",
            "days", [["stat"]], FirstSnapshot),
    ];
}
