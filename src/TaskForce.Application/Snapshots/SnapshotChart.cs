using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Draws the snapshot's headline chart: victims by form of exploitation, bars split by sex, bilingual labels.</summary>
public static class SnapshotChart
{
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
            .Where(c => c.Id == "victims" && c.Disaggregation.Count == 3 && !c.Suppressed)
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
        plot.Title($"Korban menurut bentuk eksploitasi / Victims by form of exploitation — {region}, {snapshot.Period.Label}");
        plot.YLabel("Orang / Persons");
        plot.SavePng(path, 900, 500);
    }
}
