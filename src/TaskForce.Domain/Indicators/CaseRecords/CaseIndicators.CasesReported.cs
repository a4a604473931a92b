using TaskForce.Domain.Cases;

namespace TaskForce.Domain.Indicators;

/// <content>The <c>cases_reported</c> family, and the per-case counts the delay, funnel and first-response families share.</content>
public static partial class CaseIndicators
{
    private sealed class CaseCounts(int kecamatans)
    {
        public int Reported { get; set; }

        public long[] ByType { get; } = new long[3];

        public long[] ByKecamatan { get; } = new long[kecamatans];

        public long[,] ByTypeKecamatan { get; } = new long[3, kecamatans];

        public long[] Delay { get; } = new long[DelayBuckets.Count];

        public long[,] Funnel { get; } = new long[3, FunnelStages.Count];

        public long[] FirstResponse { get; } = new long[TimelinessStatuses.Count];
    }

    private static CaseCounts CountCases(Scope s)
    {
        var input = s.Input;
        var counts = new CaseCounts(input.Kecamatans.Length);
        int n = input.CaseCount;
        for (int c = 0; c < n; c++)
        {
            if (!s.InPeriod[c])
            {
                continue;
            }

            counts.Reported++;
            int t = TypeIndex(input.CaseType[c]);
            int kec = input.CaseKecamatan[c];
            counts.ByType[t]++;
            counts.ByKecamatan[kec]++;
            counts.ByTypeKecamatan[t, kec]++;
            int off = input.CaseOffenceDay[c];
            counts.Delay[DelayIndex(off == IndicatorInput.NoDay ? null : input.CaseReportedDay[c] - off)]++;
            counts.Funnel[t, 0]++;
            for (int st = 1; st < FunnelStages.Count; st++)
            {
                int day = input.CaseStageDay[((st - 1) * n) + c];
                if (day != IndicatorInput.NoDay && day <= s.LastDay)
                {
                    counts.Funnel[t, st]++;
                }
            }

            counts.FirstResponse[FirstResponseIndex(input, c, s.EndTicks)]++;
        }

        return counts;
    }

    private static int TypeIndex(byte type) => type switch
    {
        (byte)CaseType.Tppo => 0,
        (byte)CaseType.ViolenceAgainstWomen => 1,
        _ => 2,
    };

    private static int AddCases(CellSet cells, Scope s, CaseCounts counts, int k)
    {
        const string id = IndicatorIds.CasesReported;
        const string unit = "cases";
        var input = s.Input;
        int total = cells.Count(id, unit, counts.Reported);
        var typeCells = Enumerable.Range(0, 3).Select(t => cells.Count(id, unit, counts.ByType[t], ("case_type", TypeOrder[t].ToCode()))).ToArray();
        cells.Total(total, typeCells);

        // Kecamatan vocabulary: the region's embedded list (+ other, unknown), else the values seen (small ones -> other).
        var listed = KecamatanList.Of(s.Region).Select(p => p.Key).ToList();
        var groups = new List<(string Code, List<int> Indexes)>();
        if (listed.Count > 0)
        {
            var other = new List<int>();
            var byCode = listed.ToDictionary(code => code, _ => new List<int>(), StringComparer.Ordinal);
            for (int i = 1; i < input.Kecamatans.Length; i++)
            {
                (byCode.TryGetValue(input.Kecamatans[i], out var list) ? list : other).Add(i);
            }

            groups.AddRange(listed.Select(code => (code, byCode[code])));
            groups.Add(("other", other));
        }
        else
        {
            var other = new List<int>();
            for (int i = 1; i < input.Kecamatans.Length; i++)
            {
                if (counts.ByKecamatan[i] == 0)
                {
                    continue;
                }

                if (counts.ByKecamatan[i] < k)
                {
                    other.Add(i);
                }
                else
                {
                    groups.Add((input.Kecamatans[i], [i]));
                }
            }

            groups.Sort((x, y) => string.CompareOrdinal(x.Code, y.Code));
            if (other.Count > 0)
            {
                groups.Add(("other", other));
            }
        }

        groups.Add(("unknown", [0]));
        var kecCells = new int[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            kecCells[g] = cells.Count(id, unit, groups[g].Indexes.Sum(i => counts.ByKecamatan[i]), ("kecamatan", groups[g].Code));
        }

        cells.Total(total, kecCells);
        var crossCells = new int[3, groups.Count];
        for (int t = 0; t < 3; t++)
        {
            for (int g = 0; g < groups.Count; g++)
            {
                crossCells[t, g] = cells.Count(id, unit, groups[g].Indexes.Sum(i => counts.ByTypeKecamatan[t, i]),
                    ("case_type", TypeOrder[t].ToCode()), ("kecamatan", groups[g].Code));
            }

            cells.Total(typeCells[t], [.. Enumerable.Range(0, groups.Count).Select(g => crossCells[t, g])]);
        }

        for (int g = 0; g < groups.Count; g++)
        {
            cells.Total(kecCells[g], [.. Enumerable.Range(0, 3).Select(t => crossCells[t, g])]);
        }

        cells.CaseTypeCells = typeCells;
        return total;
    }
}
