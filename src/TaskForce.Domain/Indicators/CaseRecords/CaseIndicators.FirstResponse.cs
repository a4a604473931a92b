namespace TaskForce.Domain.Indicators;

/// <content>The <c>first_response</c> and <c>first_response_on_time</c> family: the case-management first-response deadline.</content>
public static partial class CaseIndicators
{
    private static int FirstResponseIndex(IndicatorInput input, int c, long endTicks)
    {
        if ((input.CaseFlags[c] & IndicatorInput.FlagFirstResponse) == 0)
        {
            return 4; // unknown
        }

        long due = input.CaseFirstResponseDue[c];
        long at = input.CaseFirstResponseAt[c];
        if (at != IndicatorInput.NoTicks && at < endTicks)
        {
            return at <= due ? 0 : 1;
        }

        return endTicks > due ? 1 : 2;
    }

    private static void AddFirstResponse(CellSet cells, CaseCounts counts, int reportedTotal)
    {
        const string id = IndicatorIds.FirstResponse;
        int[] statuses = [0, 1, 2, 4]; // met, late, pending, unknown (no "stopped" for a first response)
        var parts = statuses.Select(i => cells.Count(id, "cases", counts.FirstResponse[i], ("status", TimelinessStatuses[i]))).ToArray();
        cells.Total(reportedTotal, parts);
        cells.Rate(IndicatorIds.FirstResponseOnTime, parts[0], [parts[0], parts[1]], 100m, 1);
    }
}
