using System.Globalization;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Draws the snapshot's charts in the reader's language (ADR-026): the court-outcome headline chart (victims
/// by form of exploitation, bars split by sex) and the case-record charts (victims identified by form, the justice
/// funnel, the reporting delay). A chart with nothing to draw is not written (no empty plot); value axes start at 0;
/// titles are short enough to fit; drawn at twice the pixel density of a 800-pixel-wide column so they stay sharp
/// when printed on A4. A withheld cell draws no bar and its label says so.</summary>
public static class SnapshotChart
{
    /// <summary>The width of every chart in layout pixels (the PNG has twice as many).</summary>
    public const int Width = 800;

    private const float Density = 2f;

    /// <summary>Writes the case-record charts as PNGs (horizontal bars) next to a file stem.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="stem">The path without extension, e.g. <c>out/snapshot-53.03-2025</c>.</param>
    /// <returns>The paths written: <c>-victims-identified.png</c>, <c>-justice-funnel.png</c>, <c>-reporting-delay.png</c>;
    /// a chart whose indicator is absent, or whose every bar would be 0 or withheld, is not written.</returns>
    public static IReadOnlyList<string> WriteCaseRecordCharts(IndicatorSnapshot snapshot, string stem)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stem);
        var written = new List<string>();
        void Chart(string suffix, string id, string dimension, string title, string axis)
        {
            var cells = snapshot.Indicators.Where(c => c.Id == id && c.Disaggregation.Count == 1 && c.Disaggregation[0].Key == dimension).ToList();
            if (!cells.Any(c => c is { Suppressed: false, Value: > 0 }))
            {
                return;
            }

            string path = stem + suffix;
            Bars(
                [.. cells.Select(c => c.Suppressed
                    ? Texts.Format(ReportText.ChartWithheld, ReportLabels.Value(dimension, c.Disaggregation[0].Value))
                    : ReportLabels.Value(dimension, c.Disaggregation[0].Value))],
                [.. cells.Select(c => c.Suppressed ? (double?)null : (double)(c.Value ?? 0m))],
                title, axis, path);
            written.Add(path);
        }

        Chart(SnapshotReport.VictimsChartSuffix, IndicatorIds.VictimsIdentified, "exploitation_form", ReportText.ChartVictimsIdentified, ReportText.AxisPersons);
        Chart(SnapshotReport.FunnelChartSuffix, IndicatorIds.JusticeFunnel, "stage", ReportText.ChartFunnel, ReportText.AxisCases);
        Chart(SnapshotReport.DelayChartSuffix, IndicatorIds.ReportingDelay, "delay_days", ReportText.ChartDelay, ReportText.AxisCases);
        return written;
    }

    private static void Bars(List<string> labels, List<double?> values, string title, string axis, string path)
    {
        // Horizontal bars, first category on top: long labels stay readable; the value axis runs from 0.
        var plot = NewPlot(title);
        var bars = new List<ScottPlot.Bar>();
        int n = values.Count;
        for (int i = 0; i < n; i++)
        {
            if (values[i] is { } v && v > 0)
            {
                bars.Add(new ScottPlot.Bar { Position = n - 1 - i, Value = v, FillColor = ScottPlot.Colors.SteelBlue, Label = v.ToString("0", CultureInfo.InvariantCulture) });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 13;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], [.. labels]);
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        double max = values.Max(v => v ?? 0);
        plot.Axes.SetLimitsX(0, Math.Max(1, max * 1.15));
        plot.Axes.SetLimitsY(-0.5, n - 0.5);
        plot.Axes.Bottom.Label.Text = axis;
        plot.Axes.Bottom.Label.FontSize = 13;
        Save(plot, path, 90 + (34 * n));
    }

    /// <summary>Writes the court-outcome chart (victims in the period's verdicts by form of exploitation, bars split by
    /// sex) as a PNG, unless no verdict of the period has a victim.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">The PNG path.</param>
    /// <returns><see langword="true"/> when the chart was written; <see langword="false"/> (nothing written) when there is
    /// no victim to draw.</returns>
    public static bool WritePng(IndicatorSnapshot snapshot, string path)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string[] forms = ["sexual_exploitation", "labour_exploitation", "other", "unknown"];
        (string Code, ScottPlot.Color Color)[] sexes = [("female", ScottPlot.Colors.Orchid), ("male", ScottPlot.Colors.SteelBlue), ("unknown", ScottPlot.Colors.Gray)];
        var cross = snapshot.Indicators
            .Where(c => c.Id == IndicatorIds.Victims && c.Disaggregation.Count == 3 && !c.Suppressed)
            .Select(c => (Sex: c.Disaggregation[0].Value, Form: c.Disaggregation[2].Value, Value: (double)(c.Value ?? 0m)))
            .ToList();
        if (!cross.Any(c => c.Value > 0))
        {
            return false;
        }

        var plot = NewPlot(ReportText.ChartCourtVictims);
        var bars = new List<ScottPlot.Bar>();
        double top = 0;
        for (int f = 0; f < forms.Length; f++)
        {
            double bottom = 0;
            foreach (var (code, color) in sexes)
            {
                double n = cross.Where(c => c.Form == forms[f] && c.Sex == code).Sum(c => c.Value);
                if (n > 0)
                {
                    bars.Add(new ScottPlot.Bar { Position = f, ValueBase = bottom, Value = bottom + n, FillColor = color });
                    bottom += n;
                }
            }

            if (bottom > 0)
            {
                bars.Add(new ScottPlot.Bar { Position = f, ValueBase = bottom, Value = bottom, Label = bottom.ToString("0", CultureInfo.InvariantCulture), FillColor = ScottPlot.Colors.Transparent });
            }

            top = Math.Max(top, bottom);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 13;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, forms.Length).Select(i => (double)i)], [.. forms.Select(f => ReportLabels.Value("exploitation_form", f))]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.SetLimitsX(-0.5, forms.Length - 0.5);
        plot.Axes.SetLimitsY(0, Math.Max(1, top * 1.15));
        plot.Axes.Left.Label.Text = ReportText.AxisPersons;
        plot.Axes.Left.Label.FontSize = 13;
        foreach (var (code, color) in sexes)
        {
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = ReportLabels.Value("sex", code), FillColor = color });
        }

        plot.Legend.FontSize = 13;
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        Save(plot, path, 420);
        return true;
    }

    private static ScottPlot.Plot NewPlot(string title)
    {
        var plot = new ScottPlot.Plot { ScaleFactor = Density };
        plot.Font.Set("DejaVu Sans"); // the report's sans-serif (Debian: fonts-dejavu-core); a missing font falls back to the default
        plot.Title(title, size: 15);
        return plot;
    }

    private static void Save(ScottPlot.Plot plot, string path, int height) =>
        plot.SavePng(path, (int)(Width * Density), (int)(height * Density));
}
