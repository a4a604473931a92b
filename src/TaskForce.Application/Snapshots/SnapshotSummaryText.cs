using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>The few lines the tool prints for a snapshot when no <c>--json</c> is asked for (ADR-026): the period and
/// region, the court figures, the case-record figures, the estimate of hidden victims and where the report is, in the
/// reader's language. Every figure stays in the JSON (<c>--json</c>, and the files of <c>--out</c>).</summary>
public static class SnapshotSummaryText
{
    /// <summary>Returns the summary lines.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="reportPath">The HTML report written, or <see langword="null"/> when none was.</param>
    /// <returns>Four to six lines, without line ends.</returns>
    public static IReadOnlyList<string> Lines(IndicatorSnapshot snapshot, string? reportPath)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var head = new SnapshotHeadline(snapshot);
        static string N(decimal? v) => ReportFormat.Value(v, "persons");
        var lines = new List<string>
        {
            Texts.Format(ReportText.TermTitle, ReportFormat.Region(snapshot.Region), snapshot.Period.Label, ReportFormat.Period(snapshot.Period)),
            head.HasVerdicts
                ? Texts.Format(ReportText.TermCourt, N(head.Verdicts), N(head.CourtVictims), N(head.CourtVictimsBy("sex", "female")),
                    N(head.CourtVictimsBy("sex", "male")), N(head.CourtVictimsBy("sex", "unknown")), N(head.CourtVictimsBy("age_group", "child")),
                    N(head.MedianSentenceMonths), N(head.RestitutionVerdicts ?? 0))
                : ReportText.SumNoCourt,
            head.HasCaseRecords
                ? Texts.Format(ReportText.TermCases, N(head.CasesReported), N(head.VictimsIdentified), N(head.Funnel("laporan_polisi")),
                    N(head.Funnel("p21")), N(head.Funnel("putusan")))
                : ReportText.TermNoCases,
        };
        if (snapshot.HiddenVictims?.Overall is { } hidden)
        {
            lines.Add(hidden.Status == HiddenVictimFigure.Estimated
                ? Texts.Format(ReportText.TermHidden, N(hidden.Estimate), N(hidden.Wald?.Low), N(hidden.Wald?.High))
                : Texts.Format(ReportText.TermHiddenNot, ReportLabels.HiddenReason(hidden.Reason)));
        }

        if (reportPath is not null)
        {
            lines.Add(Texts.Format(ReportText.TermReport, reportPath));
        }

        lines.Add(ReportText.TermJsonHint);
        return lines;
    }
}
