using System.Globalization;
using TaskForce.Application.Resources;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Reports;

/// <summary>One row of a section: a figure of the reporting year beside the same figure of the year before.</summary>
/// <param name="IndicatorId">The indicator id.</param>
/// <param name="Label">What the row counts, in the reader's language (indicator name, and the breakdown value).</param>
/// <param name="Unit">The unit code (<c>persons</c>, <c>cases</c>, <c>percent</c>, <c>per_100000</c>, <c>months</c>,
/// <c>days</c>, <c>idr</c> Rupiah, …).</param>
/// <param name="Current">The year's value; <see langword="null"/> when suppressed or not computed.</param>
/// <param name="Previous">The previous year's value; <see langword="null"/> when suppressed or not computed.</param>
/// <param name="CurrentSuppressed">Whether the year's cell is withheld (fewer than k persons).</param>
/// <param name="PreviousSuppressed">Whether the previous year's cell is withheld.</param>
public sealed record AnnualReportRow(
    string IndicatorId,
    string Label,
    string Unit,
    decimal? Current,
    decimal? Previous,
    bool CurrentSuppressed,
    bool PreviousSuppressed);

/// <summary>One section of the annual report: a duty of the task force and its rows.</summary>
/// <param name="Duty">The duty.</param>
/// <param name="Title">The section title in the reader's language.</param>
/// <param name="Introduction">One paragraph saying what the section covers and where its figures come from.</param>
/// <param name="Rows">The rows; empty when no records of this duty were kept for either year.</param>
/// <param name="NotRecorded">Plain sentences naming what the duty asks for that TaskForce does not (yet) record, so the
/// secretariat can add it by hand.</param>
public sealed record AnnualReportSection(
    AnnualReportDuty Duty,
    string Title,
    string Introduction,
    IReadOnlyList<AnnualReportRow> Rows,
    IReadOnlyList<string> NotRecorded);

/// <summary>
/// The annual report of a district task force (Laporan Tahunan GT-PPTPPO) for one region and year: the sections by
/// duty with the year's figures beside the previous year's, and the year's snapshot as the statistical annex. Built
/// from two snapshots, so it holds counts only and every small cell stays suppressed as in the snapshot
/// (UU 21/2007 Pasal 44). Texts are in the current UI language (ADR-025).
/// </summary>
/// <param name="Region">The region code, e.g. <c>53.03</c>, or <c>*</c>.</param>
/// <param name="Year">The reporting year (1 January to 31 December in the district zone).</param>
/// <param name="Current">The year's snapshot (the annex).</param>
/// <param name="Previous">The previous year's snapshot.</param>
/// <param name="Sections">The sections in the order of <see cref="AnnualReportSections.All"/>.</param>
public sealed record AnnualReportModel(
    string Region,
    int Year,
    IndicatorSnapshot Current,
    IndicatorSnapshot Previous,
    IReadOnlyList<AnnualReportSection> Sections)
{
    /// <summary>Builds the report from the year's and the previous year's snapshots.</summary>
    /// <param name="current">The snapshot of the year. Cannot be <see langword="null"/>.</param>
    /// <param name="previous">The snapshot of the year before, same region. Cannot be <see langword="null"/>.</param>
    /// <returns>The model; a figure is shown when either year holds its cell.</returns>
    /// <exception cref="ArgumentException">The snapshots are not for one region and two consecutive years.</exception>
    public static AnnualReportModel From(IndicatorSnapshot current, IndicatorSnapshot previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        if (current.Region != previous.Region || current.Period.Kind != PeriodKind.Year || previous.Period.Kind != PeriodKind.Year
            || previous.Period.Start.Year != current.Period.Start.Year - 1)
        {
            throw new ArgumentException("The snapshots must be of one region and two consecutive years.", nameof(previous));
        }

        var sections = AnnualReportSections.All
            .Select(s => new AnnualReportSection(
                s.Duty,
                Title(s.Duty),
                Introduction(s.Duty),
                [.. s.Figures.SelectMany(f => Rows(f, current, previous))],
                NotRecorded(s.Duty)))
            .ToList();
        return new AnnualReportModel(current.Region, current.Period.Start.Year, current, previous, sections);
    }

    private static IEnumerable<AnnualReportRow> Rows(AnnualReportFigure figure, IndicatorSnapshot current, IndicatorSnapshot previous)
    {
        string name = AnnualReportText.Name(figure.IndicatorId);
        var now = Cells(current, figure);
        var before = Cells(previous, figure);
        IEnumerable<string> keys = figure.Only ?? now.Keys.Concat(before.Keys).Distinct(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            now.TryGetValue(key, out var a);
            before.TryGetValue(key, out var b);
            if (a is null && b is null)
            {
                continue;
            }

            string label = figure.Dimension is null ? name : $"{name}: {AnnualReportText.Label(figure.Dimension, key)}";
            yield return new AnnualReportRow(
                figure.IndicatorId,
                label,
                (a ?? b)!.Unit,
                a is { Suppressed: false } ? a.Value : null,
                b is { Suppressed: false } ? b.Value : null,
                a?.Suppressed ?? false,
                b?.Suppressed ?? false);
        }
    }

    private static Dictionary<string, IndicatorValue> Cells(IndicatorSnapshot snapshot, AnnualReportFigure figure) =>
        snapshot.Indicators
            .Where(c => c.Id == figure.IndicatorId && (figure.Dimension is null
                ? c.Disaggregation.Count == 0
                : c.Disaggregation.Count == 1 && c.Disaggregation[0].Key == figure.Dimension))
            .GroupBy(c => figure.Dimension is null ? string.Empty : c.Disaggregation[0].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static string Title(AnnualReportDuty duty) => duty switch
    {
        AnnualReportDuty.Prevention => ReportsText.SectionPrevention,
        AnnualReportDuty.VictimProtection => ReportsText.SectionVictimProtection,
        AnnualReportDuty.LawEnforcement => ReportsText.SectionLawEnforcement,
        _ => ReportsText.SectionCoordination,
    };

    private static string Introduction(AnnualReportDuty duty) => duty switch
    {
        AnnualReportDuty.Prevention => ReportsText.IntroPrevention,
        AnnualReportDuty.VictimProtection => ReportsText.IntroVictimProtection,
        AnnualReportDuty.LawEnforcement => ReportsText.IntroLawEnforcement,
        _ => ReportsText.IntroCoordination,
    };

    private static IReadOnlyList<string> NotRecorded(AnnualReportDuty duty) => duty switch
    {
        AnnualReportDuty.VictimProtection => [ReportsText.NotRecordedReintegrationFollowUp],
        AnnualReportDuty.LawEnforcement => [ReportsText.NotRecordedRestitutionPaid],
        _ => [],
    };

    /// <summary>Formats a value for a reader (invariant digits, grouping, one decimal for rates and percentages).</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="unit">The unit code.</param>
    /// <param name="suppressed">Whether the cell is withheld.</param>
    /// <returns><c>—</c> for a withheld cell (marked <c>*</c>), an en dash for no value, else the number with its unit
    /// sign (<c>%</c>, <c>Rp</c>).</returns>
    public static string Show(decimal? value, string unit, bool suppressed)
    {
        if (suppressed)
        {
            return "—*";
        }

        if (value is not { } v)
        {
            return "–";
        }

        return unit switch
        {
            "percent" => v.ToString("0.0", CultureInfo.InvariantCulture) + " %",
            "per_100000" => v.ToString("0.00", CultureInfo.InvariantCulture),
            "idr" => "Rp " + v.ToString("#,0", CultureInfo.InvariantCulture),
            _ => v == decimal.Truncate(v) ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("#,0.0", CultureInfo.InvariantCulture),
        };
    }
}
