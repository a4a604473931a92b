using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TaskForce.Domain.Detention;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Detention;

/// <summary>
/// detention-check on every detention chain in samples/verdicts/verdicts.jsonl, against what a careful reader of
/// each verdict reports. The table below was written by hand from the printed dates (and the data's own notes), then
/// cross-checked with a separate throw-away script; it was not produced by the code under test.
/// </summary>
/// <remarks>
/// Keys: over = periods over their legal limit; within = periods overlapping an earlier order of the same level;
/// overlap = period:days already covered by chronologically earlier periods (every other period 0); gap = period:days
/// covered by no order before it; order = periods listed after one that starts later; unrec = unrecognised labels;
/// arrest=yes = the printed arrest date is after the first detention day; release = release_by_law; total = distinct
/// days detained; regime (default KUHAP-1981) and k2025 = periods under the (unconfirmed) KUHAP 2025. Day counts per
/// period are compared with the data's own days_inclusive. The record-level arrest date belongs to one defendant, so
/// per-defendant chains are checked without it.
/// </remarks>
public class VerdictDetentionChainTests
{
    public static readonly TheoryData<string, string, string> Expected = new()
    {
        { "27/Pid.Sus/2019/PN Kpg", "", "over=1; within=1; overlap=1:1,3:2,4:1; release=2019-06-21; total=251" },
        { "29/Pid.Sus/2025/PN Kpg", "", "overlap=4:3,5:11; release=2025-08-15; total=276" },
        { "46/Pid.Sus/2025/PN Kpg", "", "overlap=3:7,4:16; release=2025-08-06; total=177" },
        { "65/Pid.Sus/2025/PN Kla", "", "overlap=4:5,5:12; release=2025-06-10; total=213" },
        { "37/Pid.Sus/2025/PN Tte", "", "overlap=5:13; release=2025-08-06; total=277" },
        { "112/Pid.Sus/2025/PN Mpw", "", "order=1; within=0; overlap=0:20,3:1,4:5; release=2025-07-16; total=204" },
        { "127/Pid.Sus/2024/PN Mpw", "", "arrest=yes; overlap=4:4,5:13; release=2024-07-30; total=243" },
        { "129/Pid.Sus/2025/PN Mpw", "", "overlap=3:20,4:3,5:10; release=2025-08-12; total=227" },
        { "165/Pid.Sus/2025/PN Mpw", "", "overlap=4:2,6:1; release=2025-08-05; total=257" },
        { "195/Pid.Sus/2025/PN Mpw", "", "overlap=3:14,4:6; release=2025-08-19; total=180" },
        { "218/Pid.Sus/2025/PN Mpw", "", "order=4; gap=3:13; overlap=6:9; release=2025-10-01; total=281" },
        { "219/Pid.Sus/2025/PN Nnk", "", "overlap=3:19,4:1; release=2025-11-02; total=180" },
        { "297/Pid.Sus/2024/PN Nnk", "", "overlap=2:5,3:1; release=2025-02-11; total=194" },
        { "306/Pid.Sus/2025/PN Nnk", "", "overlap=4:20,5:8; release=2026-03-03; total=232; regime=mixed; k2025=7" },
        { "339/Pid.Sus/2025/PN Nnk", "", "overlap=3:1,4:2; release=2026-03-14; total=197; regime=mixed; k2025=5" },
        { "33/Pid.Sus/2025/PN Nnk", "", "overlap=4:18,5:1; release=2025-05-03; total=211" },
        { "340/Pid.Sus/2025/PN Nnk", "", "overlap=3:1,4:2; release=2026-05-13; total=257; regime=mixed; k2025=5,6,7" },
        { "344/Pid.Sus/2024/PN Nnk", "", "order=4; overlap=3:9,5:1; release=2025-04-07; total=250" },
        { "345/Pid.Sus/2024/PN Nnk", "", "over=5; within=5; overlap=3:2,4:1,5:1; release=2025-03-07; total=197" },
        { "402/Pid.Sus/2025/PN Mpw", "", "overlap=2:3,4:9; release=2025-12-22; total=188" },
        { "426/Pid.Sus/2025/PN Mpw", "", "overlap=4:19,5:7; release=2026-01-05; total=204" },
        { "427/Pid.Sus/2025/PN Mpw", "", "overlap=4:19,5:7; release=2026-01-05; total=204" },
        { "43/Pid.Sus/2025/PN Nnk", "", "overlap=3:8,4:1; release=2025-06-10; total=221" },
        { "60/Pid.Sus/2025/PN Nnk", "", "overlap=4:18,5:1; release=2025-07-01; total=241" },
        { "73/Pid.Sus/2025/PN Nnk", "", "overlap=4:8,5:4; release=2025-06-11; total=218" },
        { "74/Pid.Sus/2025/PN Mpw", "", "overlap=3:11,4:7; release=2025-06-23; total=212" },
        { "74/Pid.Sus/2025/PN Nnk", "", "overlap=4:20,5:8; release=2025-06-11; total=202" },
        { "84/Pid.Sus/2025/PN Mpw", "", "within=2; overlap=2:1,3:15,5:3; release=2025-07-08; total=241" },
        { "99/Pid.Sus/2025/PN Mpw", "", "overlap=4:20,5:2; release=2025-07-14; total=238" },
        { "101/Pid.Sus/2024/PN Tbk", "", "overlap=4:7,5:6; release=2024-10-31; total=277" },
        { "113/Pid.Sus/2024/PN Tbk", "", "overlap=3:6,4:5; release=2024-11-10; total=249" },
        { "1174/Pid.Sus/2025/PN Sby", "", "overlap=3:2,5:13; release=2025-08-19; total=215" },
        { "126/Pid.Sus/2025/PN Tbk", "", "overlap=4:3,5:7; release=2025-11-17; total=220" },
        { "1307/Pid.Sus/2025/PN Sby", "", "overlap=3:3,5:5; release=2025-09-09; total=222" },
        { "131/Pid.Sus/2024/PN Tbk", "", "overlap=4:20,5:18; release=2024-11-06; total=192" },
        { "144/Pid.Sus/2025/PN Sby", "", "overlap=3:20,5:19; release=2025-04-15; total=191" },
        { "154/Pid.Sus/2018/PN Tbk", "", "over=4; overlap=3:13,4:12; release=2018-11-23; total=206" },
        { "1556/Pid.Sus/2025/PN Sby", "", "order=4; overlap=3:10,5:5; release=2025-10-07; total=215" },
        { "156/Pid.Sus/2024/PN Tbk", "terdakwa_I", "overlap=1:6; release=2025-02-05; total=164" },
        { "156/Pid.Sus/2024/PN Tbk", "terdakwa_II", "overlap=4:1,5:6; release=2025-02-05; total=283" },
        { "163/Pid.Sus/2024/PN Tbk", "", "overlap=3:8,4:5; release=2025-02-15; total=247" },
        { "2471/Pid.Sus/2024/PN Sby", "", "overlap=3:8,4:13; release=2025-03-16; total=179" },
        { "559/Pid.Sus/2025/PN Sby", "", "unrec=2; overlap=3:7,5:8; release=2025-07-03; total=245" },
        { "561/Pid.Sus/2025/PN Sby", "", "unrec=3; order=2,3; overlap=1:7,5:8; release=2025-07-03; total=245" },
        { "563/Pid.Sus/2025/PN Sby", "", "overlap=3:7,5:8; release=2025-07-03; total=245" },
        { "622/Pid.Sus/2025/PN Sby", "", "overlap=4:3,5:7; release=2025-07-08; total=250" },
        { "689/Pid.Sus/2025/PN Sby", "", "overlap=4:4,5:8; release=2025-06-15; total=218" },
        { "761/Pid.Sus/2025/PN Sby", "", "overlap=4:1,6:26; release=2025-07-08; total=233" },
        { "879/Pid.Sus/2025/PN Sby", "", "overlap=2:6,4:15; release=2025-07-20; total=179" },
        { "101/Pid.Sus/2025/PN Blt", "", "overlap=4:5,5:18; release=2025-07-16; total=237" },
        { "103/Pid.Sus/2025/PN Btm", "", "overlap=4:2,5:5; release=2025-07-13; total=283" },
        { "111/Pid.Sus/2025/PN Blt", "", "overlap=1:1,2:3; release=2025-06-17; total=126" },
        { "119/Pid.Sus/2025/PN Btm", "", "overlap=4:1,5:4; release=2025-07-20; total=285" },
        { "131/Pid.Sus/2025/PN Blt", "", "overlap=2:3,3:6; release=2025-07-22; total=161" },
        { "135/Pid.Sus/2025/PN Blt", "", "overlap=2:3,3:8; release=2025-08-03; total=159" },
        { "149/Pid.Sus/2025/PN Blt", "", "overlap=4:11,6:7; release=2025-08-04; total=242" },
        { "150/Pid.Sus/2025/PN Blt", "", "overlap=4:11,6:7; release=2025-08-04; total=242" },
        { "151/Pid.Sus/2025/PN Blt", "", "overlap=4:11,6:7; release=2025-08-04; total=242" },
        { "180/Pid.Sus/2025/PN Btm", "", "overlap=4:2,5:3; release=2025-07-14; total=255" },
        { "219/Pid.Sus/2025/PN Blt", "", "overlap=1:14; release=2025-09-22; total=96" },
        { "222/Pid.Sus/2025/PN Btm", "", "overlap=4:5,5:3; release=2025-08-17; total=282" },
        { "280/Pid.Sus/2025/PN Btm", "", "overlap=4:2,5:2; release=2025-09-24; total=286" },
        { "281/Pid.Sus/2025/PN Btm", "", "overlap=4:2,5:2; release=2025-09-24; total=286" },
        { "288/Pid.Sus/2025/PN Btm", "", "overlap=3:5,4:7; release=2025-07-28; total=188" },
        { "30/Pid.Sus/2025/PN Btm", "", "order=4; overlap=4:17,5:19; release=2025-05-16; total=224" },
        { "319/Pid.Sus/2025/PN Btm", "", "overlap=4:15,6:2; release=2025-08-03; total=243" },
        { "31/Pid.Sus/2025/PN Btm", "", "order=4; overlap=4:17,5:19; release=2025-05-16; total=224" },
        { "320/Pid.Sus/2025/PN Btm", "", "overlap=3:1,5:2; release=2025-08-03; total=227" },
        { "465/Pid.Sus/2024/PN Btm", "", "order=3; overlap=2:7,4:1; release=2024-12-25; total=252" },
        { "50/Pid.Sus/2025/PN Btm", "", "order=4; overlap=3:9,6:17; release=2025-05-20; total=264" },
        { "515/Pid.Sus/2025/PN Btm", "", "overlap=4:1,5:6; release=2025-09-22; total=223" },
        { "521/Pid.Sus/2024/PN Btm", "", "within=8; overlap=4:20,5:16,8:7; release=2025-01-04; total=247" },
        { "534/Pid.Sus/2024/PN Btm", "", "order=6; overlap=4:11,5:5; release=2025-01-19; total=304" },
        { "612/Pid.Sus/2024/PN Btm", "", "over=8; order=8; arrest=yes; within=5,6,7; overlap=0:20,1:40,2:30,3:30,4:20,5:30,6:60,7:30; release=2024-02-19; total=396" },
        { "613/Pid.Sus/2024/PN Btm", "", "over=7; order=4; overlap=3:20,5:13; release=2025-01-20; total=257" },
        { "62/Pid.Sus/2025/PN Blt", "terdakwa_I", "overlap=4:20,5:12; release=2025-07-20; total=258" },
        { "62/Pid.Sus/2025/PN Blt", "terdakwa_II", "overlap=4:17,5:10; release=2025-07-20; total=263" },
        { "62/Pid.Sus/2025/PN Blt", "terdakwa_III", "overlap=4:17,5:10; release=2025-07-20; total=263" },
        { "62/Pid.Sus/2025/PN Blt", "terdakwa_IV", "overlap=4:17,5:10; release=2025-07-20; total=263" },
        { "62/Pid.Sus/2025/PN Blt", "terdakwa_V", "overlap=4:17,5:10; release=2025-07-20; total=263" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Check_ReportsWhatACarefulReaderReports_GivenVerdictChain(string caseNumber, string defendant, string expectation)
    {
        var (chain, arrest) = LoadChain(caseNumber, defendant);
        var want = Parse(expectation);
        var labels = chain.Select(p => p.GetProperty("by").GetString()!).ToList();
        var mapped = DetentionLabelMapper.MapChain(labels);
        var request = new DetentionCheckRequest
        {
            ArrestDate = arrest,
            Periods = [.. chain.Select((p, i) => new DetentionPeriodInput(mapped[i].Stage, Date(p, "from"), Date(p, "to"), labels[i], mapped[i].Type))],
        };

        var result = DetentionLedger.Check(request);

        Assert.Equal(chain.Count, result.Periods.Count);
        for (int i = 0; i < chain.Count; i++)
        {
            var p = result.Periods[i];
            Assert.Equal(chain[i].GetProperty("days_inclusive").GetInt32(), p.Days);
            Assert.Equal(want.Overlap.GetValueOrDefault(i), p.OverlapDaysWithPrevious);
            Assert.Equal(want.Gap.GetValueOrDefault(i), p.GapDaysBefore);
            string expectedRegime = want.Kuhap2025.Contains(i) ? "KUHAP-2025" : "KUHAP-1981";
            Assert.Equal(expectedRegime, p.Regime);
            Assert.Equal(expectedRegime == "KUHAP-1981", p.RegimeConfirmed);
        }

        Assert.Equal(want.Over, Indices(result, "over_limit"));
        Assert.Equal(want.Within, Indices(result, "overlap_within_level"));
        Assert.Equal(want.Gap.Keys.Order(), Indices(result, "gap"));
        Assert.Equal(want.Order, Indices(result, "out_of_order"));
        Assert.Equal(want.Unrecognised, Indices(result, "unrecognised_stage"));
        Assert.Equal(want.Unrecognised, result.Periods.Where(p => p.Stage == "unrecognised").Select(p => p.Index));
        Assert.Equal(want.Arrest, result.Problems.Any(p => p.Code == "arrest_after_detention_start"));
        Assert.DoesNotContain(result.Problems, p => p.Code is not ("over_limit" or "overlap_within_level" or "gap" or "out_of_order" or "unrecognised_stage" or "arrest_after_detention_start"));
        Assert.Equal(want.Release, result.ReleaseByLaw);
        Assert.Equal(want.Total, result.TotalDays);
        Assert.Equal(want.Regime, result.Regime);
        Assert.Equal(want.Regime == "mixed", result.Warnings.Any(w => w.Code == "regimes_mixed"));
        Assert.Equal(want.Kuhap2025.Count > 0, result.Warnings.Any(w => w.Code == "regime_unconfirmed"));
        Assert.Equal(mapped.Any(m => m.Stage?.IsPasal29() == true), result.Warnings.Any(w => w.Code == "pasal29_grounds_unknown"));
    }

    [Fact]
    public void Expected_CoversEveryChainInTheData()
    {
        var chains = new List<string>();
        var withoutChain = new List<string>();
        foreach (string line in File.ReadLines(RepoData.Verdicts))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string number = r.GetProperty("case_number").GetString()!;
            var dp = r.GetProperty("detention_periods");
            if (dp.ValueKind == JsonValueKind.Object)
            {
                chains.AddRange(dp.EnumerateObject().Select(o => number + "|" + o.Name));
            }
            else if (dp.ValueKind == JsonValueKind.Array && dp.GetArrayLength() > 0)
            {
                chains.Add(number + "|");
            }
            else
            {
                withoutChain.Add(number);
            }
        }

        Assert.Equal(chains.Order(StringComparer.Ordinal), Expected.Select(row => (string)row[0] + "|" + (string)row[1]).Order(StringComparer.Ordinal));
        Assert.Equal(["4/Pid.Sus/2025/PN Kpg", "190/Pid.Sus/2025/PN Nnk"], withoutChain); // not detained in these cases
    }

    private static IEnumerable<int> Indices(DetentionCheckResult result, string code) =>
        result.Periods.Where(p => p.Problems.Contains(code)).Select(p => p.Index);

    private static LocalDate? Date(JsonElement period, string name) =>
        period.GetProperty(name).ValueKind == JsonValueKind.Null ? null : LocalDatePattern.Iso.Parse(period.GetProperty(name).GetString()!).Value;

    private static (List<JsonElement> Chain, LocalDate? Arrest) LoadChain(string caseNumber, string defendant)
    {
        foreach (string line in File.ReadLines(RepoData.Verdicts))
        {
            var r = JsonDocument.Parse(line).RootElement;
            if (r.GetProperty("case_number").GetString() != caseNumber)
            {
                continue;
            }

            var dp = r.GetProperty("detention_periods");
            if (defendant.Length > 0)
            {
                return ([.. dp.GetProperty(defendant).EnumerateArray()], null);
            }

            return ([.. dp.EnumerateArray()], Date(r, "arrest_date"));
        }

        throw new InvalidOperationException($"{caseNumber} not in verdicts.jsonl");
    }

    private static Expectation Parse(string text)
    {
        var kv = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        List<int> List(string key) => kv.TryGetValue(key, out var v) ? [.. v.Split(',').Select(int.Parse)] : [];
        Dictionary<int, int> Map(string key) => kv.TryGetValue(key, out var v)
            ? v.Split(',').Select(x => x.Split(':')).ToDictionary(x => int.Parse(x[0]), x => int.Parse(x[1]))
            : [];
        return new Expectation(
            List("over"), List("within"), Map("overlap"), Map("gap"), List("order"), List("unrec"),
            kv.GetValueOrDefault("arrest") == "yes",
            LocalDatePattern.Iso.Parse(kv["release"]).Value,
            int.Parse(kv["total"]),
            kv.GetValueOrDefault("regime", "KUHAP-1981"),
            List("k2025"));
    }

    private sealed record Expectation(
        List<int> Over, List<int> Within, Dictionary<int, int> Overlap, Dictionary<int, int> Gap, List<int> Order, List<int> Unrecognised,
        bool Arrest, LocalDate Release, int Total, string Regime, List<int> Kuhap2025);
}
