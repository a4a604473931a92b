using TaskForce.Domain.Cases;

namespace TaskForce.Domain.Indicators;

/// <content>The <c>justice_funnel</c> and <c>justice_conversion</c> family: cases of the period's cohort by the stage reached.</content>
public static partial class CaseIndicators
{
    private static void AddFunnel(CellSet cells, CaseCounts counts, int reportedTotal)
    {
        const string id = IndicatorIds.JusticeFunnel;
        int stages = FunnelStages.Count;
        var stageCells = new int[stages];
        for (int st = 0; st < stages; st++)
        {
            long n = 0;
            for (int t = 0; t < 3; t++)
            {
                n += counts.Funnel[t, st];
            }

            stageCells[st] = cells.Count(id, "cases", n, ("stage", FunnelStages[st]));
        }

        cells.Total(reportedTotal, [stageCells[0]]);
        var typeStage = new int[3, stages];
        for (int t = 0; t < 3; t++)
        {
            for (int st = 0; st < stages; st++)
            {
                typeStage[t, st] = cells.Count(id, "cases", counts.Funnel[t, st], ("case_type", TypeOrder[t].ToCode()), ("stage", FunnelStages[st]));
            }

            cells.Total(cells.CaseTypeCells![t], [typeStage[t, 0]]);
        }

        for (int st = 0; st < stages; st++)
        {
            cells.Total(stageCells[st], [.. Enumerable.Range(0, 3).Select(t => typeStage[t, st])]);
        }

        for (int st = 1; st < stages; st++)
        {
            cells.Rate(IndicatorIds.JusticeConversion, stageCells[st], [stageCells[st - 1]], 100m, 1, ("from_stage", FunnelStages[st - 1]), ("to_stage", FunnelStages[st]));
        }
    }
}
