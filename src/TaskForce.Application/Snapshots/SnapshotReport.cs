using System.Globalization;
using System.Net;
using System.Text;
using NodaTime.Text;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Writes a snapshot as a self-contained bilingual HTML report (Bahasa Indonesia / English): header with region,
/// period, catalogue version and k, the PNG charts, warnings, one table per indicator with its definition, and the
/// coverage. Contains counts only (UU 21/2007 Pasal 44).</summary>
public static class SnapshotReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="snapshot">The snapshot. Cannot be <see langword="null"/>.</param>
    /// <param name="chartFiles">The chart file names to embed, relative to the report.</param>
    /// <returns>The HTML text (UTF-8, deterministic for a given snapshot).</returns>
    public static string Html(IndicatorSnapshot snapshot, IReadOnlyList<string> chartFiles)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chartFiles);
        var h = new StringBuilder();
        string E(string s) => WebUtility.HtmlEncode(s);
        string date(NodaTime.LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        string region = snapshot.Region == "*" ? "* (semua / all)" : snapshot.Region;

        h.Append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append(CultureInfo.InvariantCulture, $"<title>Laporan indikator / Indicator report — {E(region)} {E(snapshot.Period.Label)}</title>\n");
        h.Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}"
            + "td,th{border:1px solid #bbb;padding:.2em .6em;text-align:left}td.v{text-align:right}.s{color:#888}.note{background:#f4f4f4;padding:.6em}"
            + "img{max-width:100%;border:1px solid #ddd;margin:.5em 0}</style>\n</head>\n<body>\n");
        h.Append("<h1>Laporan indikator Gugus Tugas PP-TPPO / Task-force indicator report</h1>\n<table>\n");
        Row(h, "Wilayah / Region", E(region));
        Row(h, "Periode / Period", E($"{snapshot.Period.Label} ({date(snapshot.Period.Start)} – {date(snapshot.Period.End)}, {snapshot.ZoneId})"));
        Row(h, "Versi katalog / Catalogue version", E(snapshot.CatalogueVersion));
        Row(h, "Ambang sensor / Suppression threshold", E($"k = {snapshot.SuppressionK}"));
        Row(h, "Dibuat / Generated", E(InstantPattern.ExtendedIso.Format(snapshot.GeneratedAt)));
        h.Append("</table>\n");
        string kMinus1 = (snapshot.SuppressionK - 1).ToString(CultureInfo.InvariantCulture);
        h.Append("<p class=\"note\">Sel data kasus dengan jumlah 1 sampai " + kMinus1 + " disembunyikan (—), "
            + "dan sel lain ikut disembunyikan bila jumlahnya dapat dihitung dari total. Korban dihitung sebagai orang, bukan catatan; "
            + "catatan tanpa persetujuan pelaporan tidak dihitung.<br>"
            + "Case-record cells with counts from 1 to " + kMinus1 + " are suppressed (—), and further cells are suppressed "
            + "where a total would reveal them. Victims are counted as persons, not records; records without consent to reporting "
            + "are left out. Court-outcome figures come from public verdicts and are not suppressed.</p>\n");

        if (chartFiles.Count > 0)
        {
            h.Append("<h2>Grafik / Charts</h2>\n");
            foreach (string file in chartFiles)
            {
                h.Append(CultureInfo.InvariantCulture, $"<img src=\"{E(file)}\" alt=\"{E(file)}\">\n");
            }
        }

        if (snapshot.Coverage.Warnings.Count > 0)
        {
            h.Append("<h2>Peringatan / Warnings</h2>\n<ul>\n");
            foreach (string w in snapshot.Coverage.Warnings)
            {
                h.Append(CultureInfo.InvariantCulture, $"<li>{E(w)}</li>\n");
            }

            h.Append("</ul>\n");
        }

        foreach (var def in IndicatorCatalogue.All)
        {
            var cells = snapshot.Indicators.Where(c => c.Id == def.Id).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            h.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{E(def.Id)}\">{E(def.NameId)} / {E(def.NameEn)}</h2>\n");
            h.Append(CultureInfo.InvariantCulture, $"<p>{E(def.Definition)} <span class=\"s\">[{E(def.Unit)}; {E(def.Source)}]</span></p>\n");
            h.Append("<table>\n<tr><th>Rincian / Breakdown</th><th>Nilai / Value</th></tr>\n");
            foreach (var cell in cells)
            {
                string breakdown = cell.Disaggregation.Count == 0
                    ? "Total / Total"
                    : string.Join("; ", cell.Disaggregation.Select(d => $"{ReportLabels.Dimension(d.Key)}: {ReportLabels.Value(d.Key, d.Value)}"));
                string value = cell.Suppressed ? "—" : cell.Value is { } v ? SnapshotJson.Format(v) : "";
                if (cell.Population is { } p)
                {
                    value += $" (penduduk / population {p.Value.ToString(CultureInfo.InvariantCulture)}, {p.Year.ToString(CultureInfo.InvariantCulture)}: {p.Source})";
                }

                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(breakdown)}</td><td class=\"v\">{E(value)}</td></tr>\n");
            }

            h.Append("</table>\n");
        }

        h.Append("<h2>Cakupan data / Coverage</h2>\n<table>\n");
        var cov = snapshot.Coverage;
        Row(h, "Putusan dibaca / Verdicts read", cov.RecordsRead.ToString(CultureInfo.InvariantCulture));
        Row(h, "Putusan dalam periode / Verdicts in period", cov.RecordsInPeriod.ToString(CultureInfo.InvariantCulture));
        if (cov.CaseRecords is { } c)
        {
            Row(h, "Catatan kasus dibaca / Case records read", c.CaseRecordsRead.ToString(CultureInfo.InvariantCulture));
            Row(h, "Tanpa persetujuan pelaporan / Without consent to reporting", c.CaseRecordsWithoutConsent.ToString(CultureInfo.InvariantCulture));
            Row(h, "Kasus dilaporkan dalam periode / Cases reported in period", c.CasesReportedInPeriod.ToString(CultureInfo.InvariantCulture));
            Row(h, "Orang dalam periode / Persons in period", c.PersonsInPeriod.ToString(CultureInfo.InvariantCulture));
            Row(h, "Orang di beberapa lembaga / Persons in several agencies", c.PersonsInSeveralAgencies.ToString(CultureInfo.InvariantCulture));
            Row(h, "Orang tanpa kunci penautan / Persons without a linkage key", c.PersonsWithoutLinkageKey.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (k, v) in cov.Rules)
        {
            Row(h, E(k), E(v));
        }

        h.Append("</table>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Row(StringBuilder h, string label, string value) =>
        h.Append(CultureInfo.InvariantCulture, $"<tr><th>{label}</th><td>{value}</td></tr>\n");
}
