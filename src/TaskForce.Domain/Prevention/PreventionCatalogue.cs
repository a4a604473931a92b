using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Prevention;

/// <summary>The definitions of the prevention indicators (issue 16 item 1; ADR-033), in the shape of the indicator
/// catalogue. Not suppressed (see <see cref="PreventionIndicators"/>).</summary>
public static class PreventionCatalogue
{
    /// <summary>The id of the count of activities.</summary>
    public const string Activities = "prevention_activities";

    /// <summary>The id of the count of participants.</summary>
    public const string Participants = "prevention_participants";

    /// <summary>The id of the coverage of desa reached.</summary>
    public const string DesaCoverage = "prevention_desa_coverage";

    private const string Source = "UU 21/2007 Pasal 57-58; Perpres 69/2008 as amended by Perpres 22/2021 (duties of the GT-PPTPPO); docs/decisions/ADR-033-prevention-activities.md";

    /// <summary>Gets the definitions, in the order the cells are listed.</summary>
    /// <value>Three definitions.</value>
    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(Activities, "Kegiatan pencegahan", "Prevention activities",
            "Prevention activities recorded with a date in the period and a place in the region, by kind, kecamatan and calendar quarter.",
            "activities", [[], ["kind"], ["kecamatan"], ["quarter"], ["kind", "kecamatan", "quarter"]], Source)
        { Numerator = "activities in the period" },
        new(Participants, "Peserta kegiatan pencegahan", "Participants of prevention activities",
            "Sum of the participants (for a complaint channel: contacts received) of the counted activities, by kind, kecamatan, quarter, and by sex x adult/child (child: under 18). Attendance, not distinct persons: one person at two activities counts twice.",
            "persons", [[], ["kind"], ["kecamatan"], ["quarter"], ["kind", "kecamatan", "quarter"], ["sex", "age_broad"]], Source)
        { Numerator = "participants of activities in the period" },
        new(DesaCoverage, "Cakupan desa yang dijangkau", "Coverage of desa reached",
            "Desa/kelurahan with at least one socialisation, training or community group formed recorded at that desa in the period, over the desa/kelurahan of the region in the Kemendagri list (Kepmendagri 300.2.2-2138/2025), x 100, 1 decimal.",
            "percent", [[]], Source + "; Kepmendagri 300.2.2-2138/2025 (docs/sources.md#kepmendagri-2138-2025)")
        { Numerator = "desa reached in the period", Denominator = "desa/kelurahan of the region in the Kemendagri list" },
    ];
}
