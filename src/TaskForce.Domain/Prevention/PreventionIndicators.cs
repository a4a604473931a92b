using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Prevention;

/// <summary>The coverage of desa reached: desa/kelurahan with at least one outreach activity in the period over the
/// desa/kelurahan of the region in the Kemendagri list.</summary>
/// <param name="Reached">Distinct desa/kelurahan codes where an outreach activity (socialisation, training, a group
/// formed) took place in the period.</param>
/// <param name="Total">Desa/kelurahan codes of the region in the embedded Kemendagri list
/// (<see cref="KemendagriRegions.DesaWithin"/>; 190 for 53.03).</param>
/// <param name="Percent">Reached / Total × 100, rounded half away from zero to 1 decimal; <see langword="null"/> when
/// Total is 0 (a region outside NTT).</param>
public sealed record DesaCoverage(int Reached, int Total, decimal? Percent);

/// <summary>The prevention indicators of a region and period.</summary>
/// <param name="Region">The region code.</param>
/// <param name="Period">The period label, e.g. <c>2025</c>.</param>
/// <param name="Cells">The cells, in the order of <see cref="PreventionCatalogue.Definitions"/> and, within an
/// indicator, total first then each disaggregation with its keys sorted ordinally.</param>
/// <param name="Coverage">The coverage of desa reached, with numerator and denominator.</param>
public sealed record PreventionIndicatorSet(string Region, string Period, IReadOnlyList<IndicatorValue> Cells, DesaCoverage Coverage);

/// <summary>
/// Computes the prevention indicators (issue 16 item 1; ADR-033): activities and participants by kind, kecamatan and
/// quarter, participants by sex and adult/child, and the coverage of desa reached.
/// </summary>
/// <remarks>
/// <para>An activity counts when its place lies within the region (<see cref="RegionCode.Covers"/>) and its date in
/// the period. Quarters are calendar quarters of the activity's business date (<c>2025-Q1</c>). Kecamatan is the
/// first three segments of the place.</para>
/// <para>Not suppressed: an activity count describes the work of agencies, and participants are attendance figures,
/// not persons with a case; no cell can single out a victim (ADR-033).</para>
/// <para>Coverage counts only outreach held in a desa: <see cref="PreventionKind.Socialisation"/>,
/// <see cref="PreventionKind.Training"/> and <see cref="PreventionKind.CommunityGroupFormed"/> recorded with a
/// desa/kelurahan code. A pre-departure check or a complaint channel is held at an office and reaches people from
/// many desa; an activity recorded with a kecamatan code does not say which desa it reached.</para>
/// </remarks>
public static class PreventionIndicators
{
    /// <summary>Computes the indicators.</summary>
    /// <param name="activities">The stored activities (any region and date). Cannot be <see langword="null"/>.</param>
    /// <param name="region">The region, a kabupaten/kota code for a meaningful coverage (e.g. <c>53.03</c>).</param>
    /// <param name="period">The reporting period.</param>
    /// <returns>The indicator set.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PreventionIndicatorSet Compute(IEnumerable<PreventionActivity> activities, RegionCode region, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        var counted = activities.Where(a => region.Covers(a.Facts.Place) && period.Contains(a.Facts.Date)).ToList();
        var cells = new List<IndicatorValue>();

        void Add(string id, string unit, Func<PreventionActivity, long> measure, params string[] dims)
        {
            var groups = counted.GroupBy(a => string.Join('\u0001', dims.Select(d => Dimension(a, d))), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var g in groups)
            {
                var first = g.First();
                cells.Add(new IndicatorValue(id, g.Sum(measure), unit, false,
                    [.. dims.Select(d => new KeyValuePair<string, string>(d, Dimension(first, d)))]));
            }
        }

        void Total(string id, string unit, Func<PreventionActivity, long> measure) =>
            cells.Add(new IndicatorValue(id, counted.Sum(measure), unit, false, []));

        Total(PreventionCatalogue.Activities, "activities", _ => 1);
        Add(PreventionCatalogue.Activities, "activities", _ => 1, "kind");
        Add(PreventionCatalogue.Activities, "activities", _ => 1, "kecamatan");
        Add(PreventionCatalogue.Activities, "activities", _ => 1, "quarter");
        Add(PreventionCatalogue.Activities, "activities", _ => 1, "kind", "kecamatan", "quarter");

        Total(PreventionCatalogue.Participants, "persons", a => a.Facts.Participants.Total);
        Add(PreventionCatalogue.Participants, "persons", a => a.Facts.Participants.Total, "kind");
        Add(PreventionCatalogue.Participants, "persons", a => a.Facts.Participants.Total, "kecamatan");
        Add(PreventionCatalogue.Participants, "persons", a => a.Facts.Participants.Total, "quarter");
        Add(PreventionCatalogue.Participants, "persons", a => a.Facts.Participants.Total, "kind", "kecamatan", "quarter");
        foreach (var (sex, age, pick) in SexAge)
        {
            cells.Add(new IndicatorValue(PreventionCatalogue.Participants, counted.Sum(a => (long)pick(a.Facts.Participants)), "persons", false,
                [new("sex", sex), new("age_broad", age)]));
        }

        var coverage = Coverage(counted, region);
        cells.Add(new IndicatorValue(PreventionCatalogue.DesaCoverage, coverage.Percent, "percent", false, []));
        return new PreventionIndicatorSet(region.Value, period.Label, cells, coverage);
    }

    /// <summary>Computes the coverage of desa reached by already filtered activities.</summary>
    /// <param name="counted">Activities of the region and period.</param>
    /// <param name="region">The region.</param>
    /// <returns>The coverage.</returns>
    private static DesaCoverage Coverage(IReadOnlyList<PreventionActivity> counted, RegionCode region)
    {
        var desa = KemendagriRegions.DesaWithin(region).ToHashSet(StringComparer.Ordinal);
        int reached = counted
            .Where(a => a.Facts.Kind is PreventionKind.Socialisation or PreventionKind.Training or PreventionKind.CommunityGroupFormed)
            .Select(a => a.Facts.Place.Value)
            .Where(desa.Contains)
            .Distinct(StringComparer.Ordinal)
            .Count();
        decimal? percent = desa.Count == 0 ? null : Math.Round(reached * 100m / desa.Count, 1, MidpointRounding.AwayFromZero);
        return new DesaCoverage(reached, desa.Count, percent);
    }

    private static readonly (string Sex, string Age, Func<ParticipantCounts, int> Pick)[] SexAge =
    [
        ("female", "adult", p => p.FemaleAdult),
        ("female", "child", p => p.FemaleChild),
        ("male", "adult", p => p.MaleAdult),
        ("male", "child", p => p.MaleChild),
    ];

    private static string Dimension(PreventionActivity a, string dimension) => dimension switch
    {
        "kind" => PreventionCodes.ToCode(a.Facts.Kind),
        "kecamatan" => a.Kecamatan,
        "quarter" => ReportingPeriod.Containing(PeriodKind.Quarter, a.Facts.Date).Label,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}
