using System.Globalization;
using System.Net;
using System.Text;
using NodaTime.Text;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Writes a snapshot as a self-contained bilingual HTML report (Bahasa Indonesia / English): header with region,
/// period, catalogue version and k, the PNG charts, warnings, one table per indicator with its definition, the estimate of
/// hidden victims with its interval and a plain-language note, and the coverage. Contains counts and estimates only
/// (UU 21/2007 Pasal 44).</summary>
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

        if (snapshot.HiddenVictims is { } hidden)
        {
            HiddenVictims(h, hidden);
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

    /// <summary>The hidden-victim section: a plain-language note, the estimate with its intervals, the SDG 16.2.2 rate
    /// with it beside the detected rate, warnings and notes, and the strata that have persons.</summary>
    private static void HiddenVictims(StringBuilder h, HiddenVictimsSection hidden)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string N(decimal? v) => v is { } x ? SnapshotJson.Format(x) : "—";
        static string Range(HiddenVictimInterval? i) => i is null ? "—" : $"{SnapshotJson.Format(i.Low)} – {SnapshotJson.Format(i.High)}";
        var o = hidden.Overall;
        h.Append($"<h2 id=\"{IndicatorIds.HiddenVictims}\">Perkiraan korban tersembunyi / Estimated hidden victims</h2>\n");
        h.Append("<p class=\"note\">Angka ini adalah <b>perkiraan</b>, bukan hitungan: perkiraan jumlah korban perdagangan orang yang "
            + "<b>tidak terlihat oleh lembaga mana pun</b> (polisi, UPTD PPA, lembaga lain), dihitung dari seberapa banyak daftar korban "
            + "antar lembaga saling tumpang tindih (<i>multiple systems estimation</i>). Rentang menunjukkan ketidakpastian perkiraan; "
            + "perkiraan hanya dibuat bila ada sedikitnya dua daftar yang saling beririsan. Tidak ada data pribadi yang ditampilkan.<br>"
            + "This figure is an <b>estimate</b>, not a count: the estimated number of trafficking victims that <b>no agency has seen</b> "
            + "(police, UPTD PPA, other agencies), worked out from how much the agencies' victim lists overlap (multiple systems "
            + "estimation). The range shows the estimate's uncertainty; an estimate is made only when at least two lists overlap. "
            + "No personal data is shown.</p>\n<table>\n");
        Row(h, "Status / Status", E(ReportLabels.HiddenStatus(o.Status, o.Reason)));
        Row(h, "Daftar lembaga / Agency lists", E(o.Lists.Count == 0 ? "—" : string.Join(", ", o.Lists)));
        Row(h, "Korban terlihat (orang tertaut) / Victims seen (linked persons)", E(o.ObservedSuppressed ? "—" : N(o.Observed)));
        if (o.Status == HiddenVictimFigure.Estimated)
        {
            string level = SnapshotJson.Format(hidden.ConfidenceLevel * 100);
            Row(h, "Perkiraan korban tidak terlihat / Estimated victims not seen", E(N(o.DarkFigure)));
            Row(h, "Perkiraan total korban / Estimated total victims",
                E($"{N(o.Estimate)} (selang kepercayaan / confidence interval {level}%: {Range(o.Wald)}; profil kemungkinan / profile likelihood: {Range(o.Profile)})"));
            Row(h, "Model / Model", E($"{hidden.Model}, p < {SnapshotJson.Format(hidden.PThreshold)}: {string.Join(", ", o.Terms)}"));
        }

        string detected = hidden.DetectedRateSuppressed ? "—" : N(hidden.DetectedRate);
        Row(h, "SDG 16.2.2 korban teridentifikasi per 100.000 / detected victims per 100,000", E(detected));
        if (o.Rate is { } rate)
        {
            Row(h, "SDG 16.2.2 termasuk korban tersembunyi per 100.000 / including hidden victims per 100,000",
                E($"{SnapshotJson.Format(rate.Estimated)} ({Range(rate.Wald)}; profil / profile: {Range(rate.Profile)})"));
        }

        if (hidden.Population is { } p)
        {
            Row(h, "Penduduk / Population", E($"{p.Value.ToString(CultureInfo.InvariantCulture)} ({p.Year.ToString(CultureInfo.InvariantCulture)}: {p.Source})"));
        }

        Row(h, "Penautan catatan / Record linkage", E(hidden.LinkageRule));
        h.Append("</table>\n");
        var notes = o.Warnings.Concat(hidden.Notes).ToList();
        if (notes.Count > 0)
        {
            h.Append("<ul>\n");
            foreach (var n in notes)
            {
                h.Append(CultureInfo.InvariantCulture, $"<li><code>{E(n.Code)}</code>: {E(n.Message)}</li>\n");
            }

            h.Append("</ul>\n");
        }

        var strata = hidden.Strata.Where(st => st.Figure.Reason != "no_persons").ToList();
        if (strata.Count > 0)
        {
            h.Append("<table>\n<tr><th>Rincian / Breakdown</th><th>Status</th><th>Terlihat / Seen</th><th>Perkiraan / Estimate</th>"
                + "<th>Selang / Interval</th><th>Per 100.000 / per 100,000</th></tr>\n");
            foreach (var st in strata)
            {
                var f = st.Figure;
                string breakdown = $"{ReportLabels.Value("sex", st.Sex)}; {ReportLabels.Value("age_group", st.AgeGroup)}; {ReportLabels.Value("exploitation_form", st.ExploitationForm)}";
                h.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(breakdown)}</td><td>{E(ReportLabels.HiddenStatus(f.Status, f.Reason))}</td><td class=\"v\">{E(f.ObservedSuppressed ? "—" : N(f.Observed))}</td>"
                    + $"<td class=\"v\">{E(N(f.Estimate))}</td><td class=\"v\">{E(Range(f.Wald))}</td><td class=\"v\">{E(f.Rate is { } r ? $"{SnapshotJson.Format(r.Estimated)} ({Range(r.Wald)})" : "—")}</td></tr>\n");
            }

            h.Append("</table>\n");
        }
    }

    private static void Row(StringBuilder h, string label, string value) =>
        h.Append(CultureInfo.InvariantCulture, $"<tr><th>{label}</th><td>{value}</td></tr>\n");
}
