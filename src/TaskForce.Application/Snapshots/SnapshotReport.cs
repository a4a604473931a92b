using System.Net;
using System.Text;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Writes a snapshot as a self-contained HTML report for people (ADR-026), in the reader's language (the
/// current UI culture, Bahasa Indonesia or English; <c>&lt;html lang&gt;</c> says which): first a summary in words
/// with the headline figures and their charts (how many victims, of what kind, how far the cases got), then the court
/// verdicts, the case records and the estimate of hidden victims as real tables (two-way tables for
/// cross-tabulations, zero rows left out, indicators without data named in one sentence), then what was counted and
/// how in plain language. Withheld figures show a dash, explained once. Printable on A4. Contains counts and
/// estimates only (UU 21/2007 Pasal 44).</summary>
public static partial class SnapshotReport
{
    /// <summary>The file-name endings of the charts <see cref="SnapshotFiles"/> writes, by chart.</summary>
    internal const string CourtChartSuffix = ".png", VictimsChartSuffix = "-victims-identified.png", FunnelChartSuffix = "-justice-funnel.png", DelayChartSuffix = "-reporting-delay.png";

    /// <summary>Renders the report.</summary>
    /// <param name="snapshot">The snapshot. Cannot be <see langword="null"/>.</param>
    /// <param name="chartFiles">The chart file names to embed, relative to the report, as <see cref="SnapshotFiles"/>
    /// names them (each placed in its section by its ending); a chart that was not written is simply absent.</param>
    /// <returns>The HTML text (UTF-8, deterministic for a given snapshot and language).</returns>
    public static string Html(IndicatorSnapshot snapshot, IReadOnlyList<string> chartFiles)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chartFiles);
        var h = new StringBuilder();
        var head = new SnapshotHeadline(snapshot);
        string region = ReportFormat.Region(snapshot.Region);
        string? Chart(string suffix) => chartFiles.FirstOrDefault(f => f.EndsWith(suffix, StringComparison.Ordinal)
            && (suffix != CourtChartSuffix || !new[] { VictimsChartSuffix, FunnelChartSuffix, DelayChartSuffix }.Any(s => f.EndsWith(s, StringComparison.Ordinal))));

        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(ReportLabels.LanguageTag).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"{ReportText.Title} — {region}, {snapshot.Period.Label}")).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(E(ReportText.Title)).Append("</h1>\n")
            .Append("<p class=\"sub\">").Append(E(Texts.Format(ReportText.Subtitle, region, snapshot.Period.Label))).Append("</p>\n")
            .Append("<p class=\"meta\">").Append(E(ReportFormat.Period(snapshot.Period))).Append(" · ")
            .Append(E(Texts.Format(ReportText.Generated, ReportFormat.DateTime(snapshot.GeneratedAt, snapshot.ZoneId)))).Append(" · ")
            .Append(E(Texts.Format(ReportText.SuppressionThreshold, snapshot.SuppressionK))).Append("</p>\n</header>\n");

        Summary(h, snapshot, head, Chart(CourtChartSuffix), Chart(FunnelChartSuffix));
        if (head.HasVerdicts)
        {
            Section(h, "court", ReportText.HeadCourt);
            VictimsBySexAndAge(h, snapshot);
            Indicators(h, snapshot, IndicatorCatalogue.CourtOutcomes);
            h.Append("</section>\n");
        }

        Section(h, "cases", ReportText.HeadCases);
        if (head.HasCaseRecords)
        {
            Figure(h, Chart(VictimsChartSuffix), ReportText.ChartVictimsIdentified);
            Figure(h, Chart(DelayChartSuffix), ReportText.ChartDelay);
            Indicators(h, snapshot, IndicatorCatalogue.CaseRecords);
        }
        else
        {
            P(h, ReportText.SumNoCases);
            var ctdc = IndicatorCatalogue.CaseRecords.Where(d => d.Id == IndicatorIds.CtdcGlobalVictims).ToList();
            Indicators(h, snapshot, ctdc);
        }

        h.Append("</section>\n");
        if (snapshot.HiddenVictims is { } hidden)
        {
            HiddenVictims(h, hidden);
        }

        Coverage(h, snapshot);
        h.Append("<footer>").Append(E(ReportText.ReportFooter)).Append("</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The first section: the summary in words, the four headline figures, the note on withheld figures and
    /// the headline charts.</summary>
    private static void Summary(StringBuilder h, IndicatorSnapshot s, SnapshotHeadline head, string? courtChart, string? funnelChart)
    {
        Section(h, "summary", ReportText.HeadSummary);
        h.Append("<div class=\"lead\">\n");
        foreach (string sentence in SummarySentences(head))
        {
            P(h, sentence);
        }

        h.Append("</div>\n<div class=\"cards\">\n");
        if (head.HasVerdicts)
        {
            Card(h, head.CourtVictims, ReportText.CardCourtVictims);
            Card(h, head.Verdicts, ReportText.CardVerdicts);
        }

        if (head.HasCaseRecords)
        {
            Card(h, head.VictimsIdentified, ReportText.CardVictimsIdentified);
            Card(h, head.CasesReported, ReportText.CardCasesReported);
        }

        h.Append("</div>\n");
        Figure(h, courtChart, ReportText.ChartCourtVictims);
        Figure(h, funnelChart, ReportText.ChartFunnel);
        if (head.HasCaseRecords)
        {
            h.Append("<p class=\"note\">").Append(E(Texts.Format(ReportText.SuppressionNote, s.SuppressionK - 1))).Append("</p>\n");
        }

        h.Append("</section>\n");
    }

    /// <summary>Returns the summary in words: the court verdicts, the case records and the justice funnel.</summary>
    /// <param name="head">The headline figures.</param>
    /// <returns>One to four sentences in the reader's language.</returns>
    public static IReadOnlyList<string> SummarySentences(SnapshotHeadline head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var sentences = new List<string>();
        static string N(decimal? v) => ReportFormat.Value(v, "persons");
        if (head.HasVerdicts)
        {
            sentences.Add(Texts.Format(ReportText.SumCourt, N(head.Verdicts), N(head.CourtVictims),
                N(head.CourtVictimsBy("sex", "female")), N(head.CourtVictimsBy("sex", "male")), N(head.CourtVictimsBy("sex", "unknown")),
                N(head.CourtVictimsBy("age_group", "child")), N(head.CourtVictimsBy("age_group", "adult")), N(head.CourtVictimsBy("age_group", "unknown"))));
            if (head.TopCourtForm is { } top)
            {
                sentences.Add(Texts.Format(ReportText.SumCourtForm, ReportLabels.Value("exploitation_form", top.Form).ToLowerInvariant(), N(top.Count)));
            }

            if (head.MedianSentenceMonths is { } median)
            {
                sentences.Add(Texts.Format(ReportText.SumCourtSentence, ReportFormat.Number(median), N(head.RestitutionVerdicts ?? 0),
                    ReportFormat.Rupiah(head.RestitutionTotal ?? 0).Replace("Rp ", string.Empty, StringComparison.Ordinal)));
            }
        }
        else
        {
            sentences.Add(ReportText.SumNoCourt);
        }

        if (head.HasCaseRecords)
        {
            sentences.Add(Texts.Format(ReportText.SumCases, N(head.VictimsIdentified), N(head.CasesReported)));
            sentences.Add(Texts.Format(ReportText.SumFunnel, N(head.Funnel("laporan_polisi")), N(head.Funnel("p21")), N(head.Funnel("putusan"))));
        }
        else
        {
            sentences.Add(ReportText.SumNoCases);
        }

        return sentences;
    }

    private static void Card(StringBuilder h, decimal? value, string label) =>
        h.Append("<div class=\"card\"><b>").Append(E(ReportFormat.Value(value, "persons"))).Append("</b><span>").Append(E(label)).Append("</span></div>\n");

    private static void Figure(StringBuilder h, string? file, string caption)
    {
        if (file is null)
        {
            return;
        }

        h.Append("<figure><img src=\"").Append(E(file)).Append("\" alt=\"").Append(E(caption)).Append("\"></figure>\n");
    }

    private static void Section(StringBuilder h, string id, string heading) =>
        h.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(E(heading)).Append("</h2>\n");

    private static void P(StringBuilder h, string text, string? cssClass = null)
    {
        h.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
