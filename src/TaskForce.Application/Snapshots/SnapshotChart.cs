using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Draws the snapshot's charts with bilingual labels: the court-outcome headline chart (victims by form of
/// exploitation, bars split by sex) and the case-record charts (victims identified by form, the justice funnel, the
/// reporting delay). A withheld cell draws no bar and its label says so.</summary>
public static class SnapshotChart
{
    /// <summary>Writes the case-record charts as PNGs (horizontal bars, 1200 pixels wide) next to a file stem.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="stem">The path without extension, e.g. <c>out/snapshot-53.03-2025</c>.</param>
    /// <returns>The paths written: <c>-victims-identified.png</c>, <c>-justice-funnel.png</c>, <c>-reporting-delay.png</c>
    /// (a chart whose indicator is absent is not written).</returns>
    public static IReadOnlyList<string> WriteCaseRecordCharts(IndicatorSnapshot snapshot, string stem)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stem);
        var written = new List<string>();
        void Chart(string suffix, string id, string dimension, string title, string yLabel)
        {
            var cells = snapshot.Indicators.Where(c => c.Id == id && c.Disaggregation.Count == 1 && c.Disaggregation[0].Key == dimension).ToList();
            if (cells.Count == 0)
            {
                return;
            }

            string path = stem + suffix;
            Bars(cells.Select(c => ReportLabels.Value(dimension, c.Disaggregation[0].Value) + (c.Suppressed ? " (disensor / suppressed)" : string.Empty)).ToList(),
                cells.Select(c => c.Suppressed ? (double?)null : (double)(c.Value ?? 0m)).ToList(),
                $"{title} — {snapshot.Region} {snapshot.Period.Label} (k = {snapshot.SuppressionK})", yLabel, path);
            written.Add(path);
        }

        Chart("-victims-identified.png", IndicatorIds.VictimsIdentified, "exploitation_form", "Korban TPPO menurut bentuk eksploitasi / Trafficking victims by form of exploitation", "Orang / Persons");
        Chart("-justice-funnel.png", IndicatorIds.JusticeFunnel, "stage", "Alur peradilan pidana / Criminal-justice funnel", "Kasus / Cases");
        Chart("-reporting-delay.png", IndicatorIds.ReportingDelay, "delay_days", "Jeda pelaporan (hari) / Reporting delay (days)", "Kasus / Cases");
        return written;
    }

    private static void Bars(List<string> labels, List<double?> values, string title, string xLabel, string path)
    {
        // Horizontal bars, first category on top: long bilingual labels stay readable.
        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        int n = values.Count;
        for (int i = 0; i < n; i++)
        {
            if (values[i] is { } v)
            {
                bars.Add(new ScottPlot.Bar { Position = n - 1 - i, Value = v, FillColor = ScottPlot.Colors.SteelBlue, Label = v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], [.. labels]);
        plot.Axes.Margins(left: 0);
        plot.Axes.SetLimitsY(-0.5, n - 0.5);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.SavePng(path, 1200, 140 + (40 * n));
    }

    /// <summary>Writes the chart as a PNG of 900 × 500 pixels.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">The PNG path.</param>
    public static void WritePng(IndicatorSnapshot snapshot, string path)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string[] forms = ["sexual_exploitation", "labour_exploitation", "other", "unknown"];
        string[] formLabels = ["Eksploitasi seksual\nSexual exploitation", "Eksploitasi tenaga kerja\nLabour exploitation", "Lainnya\nOther", "Tidak diketahui\nUnknown"];
        (string Code, string Label, ScottPlot.Color Color)[] sexes =
        [
            ("female", "Perempuan / Female", ScottPlot.Colors.Orchid),
            ("male", "Laki-laki / Male", ScottPlot.Colors.SteelBlue),
            ("unknown", "Tidak diketahui / Unknown", ScottPlot.Colors.Gray),
        ];

        var cross = snapshot.Indicators
            .Where(c => c.Id == IndicatorIds.Victims && c.Disaggregation.Count == 3 && !c.Suppressed)
            .Select(c => (Sex: c.Disaggregation[0].Value, Form: c.Disaggregation[2].Value, Value: (double)(c.Value ?? 0m)))
            .ToList();

        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        for (int f = 0; f < forms.Length; f++)
        {
            double bottom = 0;
            foreach (var (code, _, color) in sexes)
            {
                double n = cross.Where(c => c.Form == forms[f] && c.Sex == code).Sum(c => c.Value);
                if (n > 0)
                {
                    bars.Add(new ScottPlot.Bar { Position = f, ValueBase = bottom, Value = bottom + n, FillColor = color });
                    bottom += n;
                }
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, forms.Length).Select(i => (double)i)], formLabels);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(-0.5, forms.Length - 0.5);
        foreach (var (_, label, color) in sexes)
        {
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = label, FillColor = color });
        }

        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        string region = snapshot.Region == "*" ? "semua wilayah / all regions" : snapshot.Region;
        plot.Title($"Korban menurut bentuk eksploitasi / Victims by form of exploitation\n{region}, {snapshot.Period.Label}", size: 14);
        plot.YLabel("Orang / Persons");
        plot.SavePng(path, 900, 500);
    }
}
