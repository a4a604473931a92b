using TaskForce.Domain.Cases;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Indicators;

/// <content>The <c>victims_identified</c> family: distinct persons of trafficking cases by sex, age, form, citizenship, destination and migrant-worker status.</content>
public static partial class CaseIndicators
{
    private static int AddVictimsIdentified(CellSet cells, Scope s, PersonAggregate a, int k)
    {
        const string id = IndicatorIds.VictimsIdentified;
        const string unit = "persons";
        var input = s.Input;
        int ageS = AgeGroups.Codes(AgeGrouping.SimfoniPpa).Count;
        int ageB = AgeGroups.Codes(AgeGrouping.CtdcAgeBroad).Count;
        long[] bySex = new long[3], byAgeS = new long[ageS], byAgeB = new long[ageB], byForm = new long[4], byMigrant = new long[4];
        long[] byCit = new long[input.Countries.Length], byDest = new long[input.Countries.Length];
        long[,,] cross = new long[3, ageS, 4];
        foreach (int p in a.Order)
        {
            int sx = SexIndex(a.Sex[p]);
            int age = a.Age[p] == IndicatorInput.NoAge ? -1 : a.Age[p];
            int ai = AgeGroups.IndexOf(AgeGrouping.SimfoniPpa, age < 0 ? null : age);
            int bi = AgeGroups.IndexOf(AgeGrouping.CtdcAgeBroad, age < 0 ? null : age);
            bySex[sx]++;
            byAgeS[ai]++;
            byAgeB[bi]++;
            byCit[a.Citizenship[p]]++;
            byDest[a.Destination[p]]++;
            byMigrant[MigrantIndex(a.Migrant[p])]++;
            int forms = FormsOfPurposes[a.Purposes[p] & 0x1FFF];
            if (forms == 0)
            {
                byForm[3]++;
                cross[sx, ai, 3]++;
            }
            else
            {
                for (int f = 0; f < 3; f++)
                {
                    if ((forms & (int)FormOrder[f]) != 0)
                    {
                        byForm[f]++;
                        cross[sx, ai, f]++;
                    }
                }
            }
        }

        int total = cells.Count(id, unit, a.Count);
        var sexCells = Enumerable.Range(0, 3).Select(i => cells.Count(id, unit, bySex[i], ("sex", SexOrder[i].ToCode()))).ToArray();
        cells.Total(total, sexCells);
        var ageCodes = AgeGroups.Codes(AgeGrouping.SimfoniPpa);
        var ageCells = Enumerable.Range(0, ageS).Select(i => cells.Count(id, unit, byAgeS[i], ("age_group", ageCodes[i]))).ToArray();
        cells.Total(total, ageCells);
        var broadCodes = AgeGroups.Codes(AgeGrouping.CtdcAgeBroad);
        var broadCells = Enumerable.Range(0, ageB).Select(i => cells.Count(id, unit, byAgeB[i], ("age_broad", broadCodes[i]))).ToArray();
        cells.Total(total, broadCells);

        // Both groupings split at 18 and share "unknown": their child groups and their unknown cells are equal.
        cells.Problem.AddRelation(
            [.. Enumerable.Range(0, ageS - 1).Where(i => AgeGroups.ChildStatusOfGroup(AgeGrouping.SimfoniPpa, i) == ChildStatus.Child).Select(i => ageCells[i])],
            [.. Enumerable.Range(0, ageB - 1).Where(i => AgeGroups.ChildStatusOfGroup(AgeGrouping.CtdcAgeBroad, i) == ChildStatus.Child).Select(i => broadCells[i])]);
        cells.Problem.AddTotal(ageCells[^1], [broadCells[^1]]);

        var formCells = Enumerable.Range(0, 4).Select(i => cells.Count(id, unit, byForm[i], ("exploitation_form", ExploitationForms.Codes[i]))).ToArray();
        AddOpen(cells, id, unit, "citizenship", byCit, input.Countries, k, total);
        AddOpen(cells, id, unit, "destination_country", byDest, input.Countries, k, total);
        var migrantCells = Enumerable.Range(0, 4).Select(i => cells.Count(id, unit, byMigrant[i], ("migrant_worker_status", MigrantOrder[i].ToCode()))).ToArray();
        cells.Total(total, migrantCells);

        var crossCells = new int[3, ageS, 4];
        for (int sx = 0; sx < 3; sx++)
        {
            for (int ai = 0; ai < ageS; ai++)
            {
                for (int f = 0; f < 4; f++)
                {
                    crossCells[sx, ai, f] = cells.Count(id, unit, cross[sx, ai, f],
                        ("sex", SexOrder[sx].ToCode()), ("age_group", ageCodes[ai]), ("exploitation_form", ExploitationForms.Codes[f]));
                }
            }
        }

        for (int f = 0; f < 4; f++)
        {
            var parts = new List<int>();
            for (int sx = 0; sx < 3; sx++)
            {
                for (int ai = 0; ai < ageS; ai++)
                {
                    parts.Add(crossCells[sx, ai, f]);
                }
            }

            cells.Total(formCells[f], parts);
        }

        cells.Cross = crossCells;
        return total;
    }

    private static void AddOpen(CellSet cells, string id, string unit, string dimension, long[] counts, string[] names, int k, int total)
    {
        // Index 0 is "unknown". Values seen with fewer than k persons are recoded into "other".
        var shown = new List<(string Code, long N)>();
        long other = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            if (counts[i] < k)
            {
                other += counts[i];
            }
            else
            {
                shown.Add((names[i], counts[i]));
            }
        }

        var parts = shown.OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => cells.Count(id, unit, x.N, (dimension, x.Code))).ToList();
        if (other > 0)
        {
            parts.Add(cells.Count(id, unit, other, (dimension, "other")));
        }

        parts.Add(cells.Count(id, unit, counts[0], (dimension, "unknown")));
        cells.Total(total, parts);
    }

    private static int SexIndex(byte sex) => sex switch
    {
        (byte)Sex.Female => 0,
        (byte)Sex.Male => 1,
        _ => 2,
    };

    private static int MigrantIndex(byte m) => m switch
    {
        (byte)MigrantWorkerStatus.NotMigrantWorker => 0,
        (byte)MigrantWorkerStatus.Procedural => 1,
        (byte)MigrantWorkerStatus.NonProcedural => 2,
        _ => 3,
    };
}
