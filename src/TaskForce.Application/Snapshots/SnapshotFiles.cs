using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// Writes a snapshot as files people use: <c>snapshot-REGION-PERIOD.json</c> (the contract JSON, indented),
/// <c>.csv</c> (one row per cell with bilingual indicator names), <c>.png</c> charts and <c>.html</c>, the report for
/// people (ADR-026) with the charts, both in the reader's language (the current UI culture). A chart with nothing to
/// draw is not written.
/// </summary>
public static class SnapshotFiles
{
    /// <summary>The CSV columns for dimensions, in order; a cell leaves the ones it does not use empty.</summary>
    public static readonly IReadOnlyList<string> DimensionColumns =
    [
        "article", "participation", "sex", "age_group", "age_broad", "exploitation_form", "citizenship", "destination_country",
        "migrant_worker_status", "case_type", "kecamatan", "delay_days", "stage", "from_stage", "to_stage", "status", "service_type",
        "outcome", "deadline", "stat",
    ];

    private static readonly string[] LeadingColumns = ["region", "period", "period_start", "period_end", "indicator_id", "name_id", "name_en"];
    private static readonly string[] TrailingColumns = ["value", "unit", "suppressed", "population", "population_year", "population_source", "note"];

    /// <summary>Writes the files into a folder, creating it when missing: JSON, CSV, the PNG charts that have something
/// to draw and the HTML report.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written, JSON first, the HTML report last.</returns>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static IReadOnlyList<string> WriteAll(IndicatorSnapshot snapshot, string directory)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Directory.CreateDirectory(directory);
        string stem = Path.Combine(directory, $"snapshot-{(snapshot.Region == "*" ? "all" : snapshot.Region)}-{snapshot.Period.Label}");
        string json = stem + ".json", csv = stem + ".csv", png = stem + ".png";
        File.WriteAllText(json, SnapshotJson.Write(snapshot, indented: true) + "\n");
        using (var writer = new StreamWriter(csv))
        {
            WriteCsv(snapshot, writer);
        }

        var charts = new List<string>();
        if (SnapshotChart.WritePng(snapshot, png))
        {
            charts.Add(png);
        }

        charts.AddRange(SnapshotChart.WriteCaseRecordCharts(snapshot, stem));
        string html = stem + ".html";
        File.WriteAllText(html, SnapshotReport.Html(snapshot, [.. charts.Select(Path.GetFileName).OfType<string>()]));
        return [json, csv, .. charts, html];
    }

    /// <summary>Writes the snapshot as CSV: one row per cell, then the hidden-victim figures.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="writer">The destination.</param>
    /// <remarks>Columns: region, period, period_start, period_end, indicator_id, name_id, name_en, the
    /// <see cref="DimensionColumns"/>, value, unit, suppressed, population, population_year, population_source, note.
    /// Values in invariant culture; a suppressed value is empty. The hidden-victim section
    /// (<see cref="IndicatorCatalogue.HiddenVictims"/>) gives rows <c>hidden_victims</c> (persons) and
    /// <c>sdg_16_2_2_estimated</c> (per 100,000) with <c>stat</c> = observed, dark_figure, estimate, ci_low, ci_high,
    /// profile_ci_low, profile_ci_high, overall and per sex × age_group × exploitation_form; <c>note</c> says
    /// <c>estimated</c> or <c>not_estimated: REASON</c> (then only the observed row, no estimate).</remarks>
    public static void WriteCsv(IndicatorSnapshot snapshot, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var names = IndicatorCatalogue.All.ToDictionary(d => d.Id);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var h in LeadingColumns.Concat(DimensionColumns).Concat(TrailingColumns))
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var cell in snapshot.Indicators)
        {
            WriteRow(csv, snapshot, names, cell, string.Empty);
        }

        if (snapshot.HiddenVictims is { } hidden)
        {
            foreach (var (cell, note) in HiddenVictimRows(hidden))
            {
                WriteRow(csv, snapshot, names, cell, note);
            }
        }
    }

    /// <summary>Returns the hidden-victim section as CSV rows (cells with a <c>stat</c> dimension) and their notes.</summary>
    /// <param name="hidden">The section.</param>
    /// <returns>The rows: overall, then each stratum.</returns>
    public static IReadOnlyList<(IndicatorValue Cell, string Note)> HiddenVictimRows(HiddenVictimsSection hidden)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        var rows = new List<(IndicatorValue, string)>();
        void Add(HiddenVictimFigure f, KeyValuePair<string, string>[] dims)
        {
            string note = f.Status == HiddenVictimFigure.Estimated ? "estimated" : $"not_estimated: {f.Reason}";
            IndicatorValue Cell(string id, string unit, string stat, decimal? value, bool suppressed, PopulationDenominator? population = null) =>
                new(id, value, unit, suppressed, [.. dims, new("stat", stat)]) { Population = population };

            rows.Add((Cell(IndicatorIds.HiddenVictims, "persons", "observed", f.Observed, f.ObservedSuppressed), note));
            if (f.Status != HiddenVictimFigure.Estimated)
            {
                return;
            }

            rows.Add((Cell(IndicatorIds.HiddenVictims, "persons", "dark_figure", f.DarkFigure, false), note));
            rows.Add((Cell(IndicatorIds.HiddenVictims, "persons", "estimate", f.Estimate, false), note));
            rows.Add((Cell(IndicatorIds.HiddenVictims, "persons", "ci_low", f.Wald?.Low, false), note));
            rows.Add((Cell(IndicatorIds.HiddenVictims, "persons", "ci_high", f.Wald?.High, false), note));
            rows.Add((Cell(IndicatorIds.HiddenVictims, "persons", "profile_ci_low", f.Profile?.Low, false), note));
            rows.Add((Cell(IndicatorIds.HiddenVictims, "persons", "profile_ci_high", f.Profile?.High, false), note));
            if (f.Rate is { } r)
            {
                rows.Add((Cell(IndicatorIds.Sdg1622Estimated, "per_100000", "estimate", r.Estimated, false, hidden.Population), note));
                rows.Add((Cell(IndicatorIds.Sdg1622Estimated, "per_100000", "ci_low", r.Wald.Low, false, hidden.Population), note));
                rows.Add((Cell(IndicatorIds.Sdg1622Estimated, "per_100000", "ci_high", r.Wald.High, false, hidden.Population), note));
                rows.Add((Cell(IndicatorIds.Sdg1622Estimated, "per_100000", "profile_ci_low", r.Profile?.Low, false, hidden.Population), note));
                rows.Add((Cell(IndicatorIds.Sdg1622Estimated, "per_100000", "profile_ci_high", r.Profile?.High, false, hidden.Population), note));
            }
        }

        Add(hidden.Overall, []);
        foreach (var s in hidden.Strata)
        {
            Add(s.Figure, [new("sex", s.Sex), new("age_group", s.AgeGroup), new("exploitation_form", s.ExploitationForm)]);
        }

        return rows;
    }

    private static void WriteRow(CsvWriter csv, IndicatorSnapshot snapshot, Dictionary<string, IndicatorDefinition> names, IndicatorValue cell, string note)
    {
        var dims = cell.Disaggregation.ToDictionary(d => d.Key, d => d.Value);
        csv.WriteField(snapshot.Region);
        csv.WriteField(snapshot.Period.Label);
        csv.WriteField(snapshot.Period.Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        csv.WriteField(snapshot.Period.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        csv.WriteField(cell.Id);
        csv.WriteField(names.TryGetValue(cell.Id, out var d) ? d.NameId : string.Empty);
        csv.WriteField(d?.NameEn ?? string.Empty);
        foreach (var col in DimensionColumns)
        {
            csv.WriteField(dims.TryGetValue(col, out var v) ? v : string.Empty);
        }

        csv.WriteField(cell.Value is { } value ? SnapshotJson.Format(value) : string.Empty);
        csv.WriteField(cell.Unit);
        csv.WriteField(cell.Suppressed ? "true" : "false");
        csv.WriteField(cell.Population?.Value.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(cell.Population?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(cell.Population?.Source ?? string.Empty);
        csv.WriteField(note);
        csv.NextRecord();
    }
}
