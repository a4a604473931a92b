namespace TaskForce.Domain.Indicators;

/// <content>The <c>reporting_delay</c> family: cases by report date minus date of the act, in half-open buckets.</content>
public static partial class CaseIndicators
{
    /// <summary>Returns the reporting-delay bucket of a delay.</summary>
    /// <param name="days">Report date minus date of the act, in days, or <see langword="null"/>.</param>
    /// <returns>A code of <see cref="DelayBuckets"/>; <c>unknown</c> for a missing or negative delay.</returns>
    public static string DelayBucket(int? days) => DelayBuckets[DelayIndex(days)];

    private static int DelayIndex(int? days)
    {
        if (days is not { } d || d < 0)
        {
            return DelayLows.Length;
        }

        int i = DelayLows.Length - 1;
        while (DelayLows[i] > d)
        {
            i--;
        }

        return i;
    }

    private static void AddDelay(CellSet cells, CaseCounts counts, int reportedTotal)
    {
        var parts = Enumerable.Range(0, DelayBuckets.Count).Select(i => cells.Count(IndicatorIds.ReportingDelay, "cases", counts.Delay[i], ("delay_days", DelayBuckets[i]))).ToArray();
        cells.Total(reportedTotal, parts);
    }
}
