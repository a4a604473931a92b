namespace TaskForce.Domain.Indicators;

/// <content>The <c>cases_open_past_due</c> family: cases with a workflow deadline overdue at the end of the period.</content>
public static partial class CaseIndicators
{
    private static void AddOpenPastDue(CellSet cells, Scope s)
    {
        var input = s.Input;
        var kinds = KnownDeadlineKinds.Concat(input.DeadlineKinds.Where(x => !KnownDeadlineKinds.Contains(x)).Order(StringComparer.Ordinal)).ToList();
        var kindPosition = input.DeadlineKinds.Select(x => kinds.IndexOf(x)).ToArray();
        long[] byKind = new long[kinds.Count];
        bool[] hit = new bool[kinds.Count];
        long total = 0;
        for (int c = 0; c < input.CaseCount; c++)
        {
            if (!s.Selected[c] || input.CaseReportedDay[c] > s.LastDay)
            {
                continue;
            }

            Array.Clear(hit);
            bool any = false;
            for (int i = input.CaseDeadlineStart[c]; i < input.CaseDeadlineStart[c + 1]; i++)
            {
                if (input.DeadlineStarts[i] > s.LastDay)
                {
                    continue;
                }

                int closed = input.DeadlineClosed[i];
                if (closed != IndicatorInput.NoDay && closed <= s.LastDay)
                {
                    continue;
                }

                long dueAt = input.DeadlineDueAt[i];
                bool overdue = dueAt != IndicatorInput.NoTicks ? dueAt < s.EndTicks : input.DeadlineDue[i] < s.LastDay;
                if (overdue)
                {
                    hit[kindPosition[input.DeadlineKind[i]]] = true;
                    any = true;
                }
            }

            if (any)
            {
                total++;
                for (int kk = 0; kk < kinds.Count; kk++)
                {
                    byKind[kk] += hit[kk] ? 1 : 0;
                }
            }
        }

        const string id = IndicatorIds.CasesOpenPastDue;
        cells.Count(id, "cases", total);
        for (int kk = 0; kk < kinds.Count; kk++)
        {
            cells.Count(id, "cases", byKind[kk], ("deadline", kinds[kk]));
        }
    }
}
