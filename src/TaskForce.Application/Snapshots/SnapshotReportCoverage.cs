using System.Text;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>The report's estimate of hidden victims and its coverage section: what was read and counted, and the
/// counting rules in plain language (no rule codes; the rule versions stay in the snapshot JSON).</summary>
public static partial class SnapshotReport
{
    /// <summary>The hidden-victim section: one sentence when no estimate could be made for want of lists; otherwise a
    /// plain-language note, the estimate with its intervals, the SDG 16.2.2 rate beside the detected rate, notes and
    /// the groups that have persons.</summary>
    private static void HiddenVictims(StringBuilder h, HiddenVictimsSection hidden)
    {
        static string N(decimal? v) => v is { } x ? ReportFormat.Number(x) : ReportFormat.Dash;
        static string Range(HiddenVictimInterval? i) => i is null ? ReportFormat.Dash : $"{ReportFormat.Number(i.Low)} – {ReportFormat.Number(i.High)}";
        var o = hidden.Overall;
        Section(h, IndicatorIds.HiddenVictims, ReportText.HeadHidden);
        if (o.Lists.Count == 0)
        {
            P(h, ReportLabels.HiddenStatus(o.Status, o.Reason) + ".");
            h.Append("</section>\n");
            return;
        }

        P(h, ReportText.HiddenIntro, "note");
        h.Append("<table><tbody>\n");
        Row(h, ReportText.HiddenStatus, ReportLabels.HiddenStatus(o.Status, o.Reason));
        Row(h, ReportText.HiddenLists, string.Join(", ", o.Lists));
        Row(h, ReportText.HiddenSeen, o.ObservedSuppressed ? ReportFormat.Dash : N(o.Observed));
        if (o.Status == HiddenVictimFigure.Estimated)
        {
            string level = ReportFormat.Number(hidden.ConfidenceLevel * 100);
            Row(h, ReportText.HiddenDark, N(o.DarkFigure));
            Row(h, ReportText.HiddenTotal, Texts.Format(ReportText.HiddenTotalValue, N(o.Estimate), level, Range(o.Wald), Range(o.Profile)));
            Row(h, ReportText.HiddenModel, $"{hidden.Model}, p < {ReportFormat.Number(hidden.PThreshold)}: {string.Join(", ", o.Terms)}");
        }

        Row(h, ReportText.HiddenDetectedRate, hidden.DetectedRateSuppressed ? ReportFormat.Dash : N(hidden.DetectedRate));
        if (o.Rate is { } rate)
        {
            Row(h, ReportText.HiddenEstimatedRate, Texts.Format(ReportText.HiddenRateValue, ReportFormat.Number(rate.Estimated), Range(rate.Wald), Range(rate.Profile)));
        }

        if (hidden.Population is { } p)
        {
            Row(h, ReportText.HiddenPopulation, Texts.Format(ReportText.Population, p.Value, p.Year, p.Source));
        }

        Row(h, ReportText.HiddenLinkage, hidden.LinkageRule);
        h.Append("</tbody></table>\n");
        var notes = o.Warnings.Concat(hidden.Notes).ToList();
        if (notes.Count > 0)
        {
            h.Append("<ul class=\"def\">\n");
            foreach (var n in notes)
            {
                h.Append("<li>").Append(E(n.Message)).Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        var strata = hidden.Strata.Where(st => st.Figure.Reason != "no_persons").ToList();
        if (strata.Count > 0)
        {
            h.Append("<table><thead><tr><th>").Append(E(ReportText.HiddenGroup)).Append("</th><th>").Append(E(ReportText.HiddenStatus))
                .Append("</th><th class=\"v\">").Append(E(ReportText.HiddenSeen)).Append("</th><th class=\"v\">").Append(E(ReportText.HiddenTotal))
                .Append("</th><th class=\"v\">").Append(E(ReportText.HiddenInterval)).Append("</th><th class=\"v\">").Append(E(ReportText.HiddenPer100k)).Append("</th></tr></thead><tbody>\n");
            foreach (var st in strata)
            {
                var f = st.Figure;
                string group = $"{ReportLabels.Value("sex", st.Sex)} · {ReportLabels.Value("age_group", st.AgeGroup)} · {ReportLabels.Value("exploitation_form", st.ExploitationForm)}";
                h.Append("<tr><td>").Append(E(group)).Append("</td><td>").Append(E(ReportLabels.HiddenStatus(f.Status, f.Reason)))
                    .Append("</td><td class=\"v\">").Append(E(f.ObservedSuppressed ? ReportFormat.Dash : N(f.Observed)))
                    .Append("</td><td class=\"v\">").Append(E(N(f.Estimate))).Append("</td><td class=\"v\">").Append(E(Range(f.Wald)))
                    .Append("</td><td class=\"v\">").Append(E(f.Rate is { } r ? $"{ReportFormat.Number(r.Estimated)} ({Range(r.Wald)})" : ReportFormat.Dash)).Append("</td></tr>\n");
            }

            h.Append("</tbody></table>\n");
        }

        h.Append("</section>\n");
    }

    /// <summary>What was read and counted, the rules in plain language, and the snapshot's warnings.</summary>
    private static void Coverage(StringBuilder h, IndicatorSnapshot s)
    {
        var cov = s.Coverage;
        Section(h, "coverage", ReportText.HeadCoverage);
        P(h, Texts.Format(ReportText.CovVerdicts, cov.RecordsRead, cov.RecordsInPeriod, cov.RecordsWithoutDate));
        P(h, ReportText.RuleCourt);
        if (cov.CaseRecords is { CaseRecordsRead: > 0 } c)
        {
            P(h, Texts.Format(ReportText.CovCases, c.CaseRecordsRead, c.CaseRecordsWithoutConsent, c.CasesReportedInPeriod, c.PersonsInPeriod,
                c.PersonsInSeveralAgencies, c.PersonsWithoutLinkageKey));
            P(h, ReportText.RuleCases);
            P(h, ReportText.RuleRates);
        }

        if (cov.Warnings.Count > 0)
        {
            h.Append("<h3>").Append(E(ReportText.HeadNotes)).Append("</h3>\n<ul class=\"def\">\n");
            foreach (string w in cov.Warnings)
            {
                h.Append("<li>").Append(E(w)).Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("</section>\n");
    }

    private static void Row(StringBuilder h, string label, string value) =>
        h.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
}
