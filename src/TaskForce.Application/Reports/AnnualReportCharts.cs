using System.Globalization;

namespace TaskForce.Application.Reports;

/// <summary>The annual report's charts: for each section, its count rows as pairs of horizontal bars, the year beside
/// the year before. Axes start at zero; a withheld cell draws no bar; a section with nothing to draw has no chart.</summary>
public static class AnnualReportCharts
{
    /// <summary>The units drawn: counts of persons, cases and referrals (rates, percentages and durations stay in the
    /// tables, since one axis cannot hold them together).</summary>
    private static readonly HashSet<string> CountUnits = new(StringComparer.Ordinal) { "persons", "cases", "referrals", "verdicts", "activities", "participants" };

    /// <summary>Draws a section's chart.</summary>
    /// <param name="section">The section. Cannot be <see langword="null"/>.</param>
    /// <param name="year">The reporting year.</param>
    /// <returns>The PNG bytes (1000 pixels wide, fits A4 width at 150 dpi), or <see langword="null"/> when the section has
    /// no count with a value above zero in either year.</returns>
    public static byte[]? Png(AnnualReportSection section, int year)
    {
        ArgumentNullException.ThrowIfNull(section);
        var rows = section.Rows.Where(r => CountUnits.Contains(r.Unit) && ((r.Current ?? 0) > 0 || (r.Previous ?? 0) > 0)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        for (int i = 0; i < rows.Count; i++)
        {
            double position = rows.Count - 1 - i;
            if (rows[i].Previous is { } previous)
            {
                bars.Add(new ScottPlot.Bar { Position = position + 0.2, Value = (double)previous, FillColor = ScottPlot.Colors.LightGray, Size = 0.38 });
            }

            if (rows[i].Current is { } current)
            {
                bars.Add(new ScottPlot.Bar { Position = position - 0.2, Value = (double)current, FillColor = ScottPlot.Colors.SteelBlue, Size = 0.38 });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks(
            [.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))],
            [.. rows.Select(r => Shorten(r.Label))]);
        double max = rows.Max(r => (double)Math.Max(r.Current ?? 0, r.Previous ?? 0));
        plot.Axes.SetLimitsX(0, Math.Max(1, max * 1.1));
        plot.Axes.SetLimitsY(-0.6, rows.Count - 0.4);
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = year.ToString(CultureInfo.InvariantCulture), FillColor = ScottPlot.Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = (year - 1).ToString(CultureInfo.InvariantCulture), FillColor = ScottPlot.Colors.LightGray });
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        plot.Title(section.Title, size: 16);
        return plot.GetImageBytes(1000, 120 + (44 * rows.Count), ScottPlot.ImageFormat.Png);
    }

    private static string Shorten(string label) => label.Length <= 48 ? label : label[..46] + "…";
}
