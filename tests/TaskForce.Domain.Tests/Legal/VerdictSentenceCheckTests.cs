using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Legal;

/// <summary>
/// Every verdict in samples/verdicts/verdicts.jsonl through sentence-check. The table below is written by hand,
/// verdict by verdict, from the statute: for each case number the article held proven (as a contract id), the
/// participation, the aggravations the court applied, the regime the statute gives for its dates, and the expected
/// flags. The sentence, the fine and the dates are read from the file; nothing expected comes from the engine.
/// </summary>
/// <remarks>
/// Ranges used (docs/sources.md): UU21-2007 Pasal 2-6, 36-180 months and Rp120-600 juta,
/// cumulative (#uu-21-2007-penalties), Pasal 10 attempt/aiding at the base range; Pasal 17: maximum 240 months and Rp800 juta, minimum
/// unchanged under the default reading. UU18-2017 Pasal 81 jo 69: at most 120 months and at most Rp15 miliar,
/// cumulative (#uu-18-2017); aiding (KUHP Pasal 57(1)) at most 80 months. From 2 January 2026, for a 2025 act (lex mitior):
/// at most 120 months and/or at most category VI (Rp2 miliar), attempt at most 80 months (UU 1/2023 Pasal 17).
/// UU35-2014 Pasal 88 jo 76I: at most 120 months and/or Rp200 juta (#uu-35-2014). KUHP Pasal 296 is not in the tables.
/// Where the verdict prints no offence date, its decision date is used as the latest possible act date (all such
/// verdicts were decided before 2026, so the regime is the same).
/// </remarks>
public class VerdictSentenceCheckTests
{
    private const string Uu21 = "UU21-2007";
    private const string Uu18 = "UU18-2017";
    private const string Uu18Adj = "UU18-2017+UU1-2026";
    private const string Uu35 = "UU35-2014";

    /// <summary>A hand-written expectation for one verdict.</summary>
    public sealed record Expected(
        string CaseNumber,
        string? Article,
        string Participation,
        string[] Aggravations,
        string? Regime,
        bool PrisonLow = false,
        bool PrisonHigh = false,
        bool FineLow = false,
        bool FineHigh = false,
        string? Why = null)
    {
        public bool InRange => !(PrisonLow || PrisonHigh || FineLow || FineHigh);
    }

    private static readonly string[] NoAgg = [];
    private static readonly string[] Child = ["UU21-2007:17"];

    private static Expected Ok(string caseNumber, string article, string participation, string regime, string[]? aggravations = null) =>
        new(caseNumber, article, participation, aggravations ?? NoAgg, regime);

    private static Expected NotSupported(string caseNumber, string article, string why) => new(caseNumber, article, "perpetrator", NoAgg, null, Why: why);

    /// <summary>The table, one row per verdict, in file order.</summary>
    private static readonly Expected[] Table =
    [
        Ok("27/Pid.Sus/2019/PN Kpg", "UU21-2007:6", "aiding", Uu21), // 60 m, Rp120 jt; Pasal 10 jo 6; Pasal 17 does not apply to Pasal 6
        Ok("4/Pid.Sus/2025/PN Kpg", "UU21-2007:6", "perpetrator", Uu21), // 60 m, Rp120 jt
        Ok("29/Pid.Sus/2025/PN Kpg", "UU21-2007:4", "attempt", Uu21), // 72 m, Rp500 jt
        Ok("46/Pid.Sus/2025/PN Kpg", "UU21-2007:2(1)", "perpetrator", Uu21), // 42 m, Rp400 jt
        Ok("65/Pid.Sus/2025/PN Kla", "UU21-2007:2(1)", "perpetrator", Uu21, Child), // 48 m, Rp200 jt within 36-240 / 120-800 jt
        new("37/Pid.Sus/2025/PN Tte", "UU21-2007:2(1)", "perpetrator", NoAgg, Uu21, PrisonLow: true), // 12 m < 36 m (court departed from the minimum)
        Ok("112/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 10 m, Rp1 M
        Ok("127/Pid.Sus/2024/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 8 m, Rp600 jt
        Ok("129/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 9 m, Rp500 jt
        Ok("165/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 10 m, Rp500 jt
        Ok("190/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18), // 14 m, Rp5 jt; attempt keeps the 120 m bound (KUHP 53(2) "may")
        Ok("195/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 10 m, Rp600 jt
        Ok("218/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 10 m, Rp500 jt
        Ok("219/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18), // 24 m, Rp200 jt
        new("297/Pid.Sus/2024/PN Nnk", "UU21-2007:4", "attempt", NoAgg, Uu21, PrisonLow: true), // 30 m < 36 m, no reason given; fine at the minimum
        Ok("306/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18Adj), // 2026: 48 m ≤ 80 m, no fine (dan/atau)
        Ok("339/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18Adj), // 2026: 18 m, no fine
        Ok("33/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18), // 48 m, Rp5 jt
        Ok("340/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18Adj), // 2026: 36 m, no fine
        Ok("344/Pid.Sus/2024/PN Nnk", "UU18-2017:81", "attempt", Uu18), // 24 m, Rp50 jt
        Ok("345/Pid.Sus/2024/PN Nnk", "UU18-2017:81", "attempt", Uu18), // 26 m, Rp5 jt
        Ok("402/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 12 m, Rp800 jt
        Ok("426/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 6 m, Rp500 jt
        Ok("427/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 6 m, Rp500 jt
        Ok("43/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18), // 24 m, Rp5 jt
        new("60/Pid.Sus/2025/PN Nnk", null, "perpetrator", NoAgg, null, Why: "no conviction: indictment declared void"),
        Ok("73/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "aiding", Uu18), // 16 m ≤ 80 m (KUHP 57(1)), Rp5 jt
        Ok("74/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 8 m, Rp500 jt
        Ok("74/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", Uu18), // 16 m, Rp5 jt
        Ok("84/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 7 m, Rp500 jt
        Ok("99/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", Uu18), // 7 m, Rp500 jt
        Ok("101/Pid.Sus/2024/PN Tbk", "UU35-2014:88", "perpetrator", Uu35), // 26 m, Rp100 jt within 0-120 m / 0-200 jt
        Ok("113/Pid.Sus/2024/PN Tbk", "UU21-2007:4", "attempt", Uu21), // 60 m, Rp120 jt
        Ok("1174/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "perpetrator", Uu21), // 48 m, Rp120 jt (Pasal 17 not applied by the court)
        Ok("126/Pid.Sus/2025/PN Tbk", "UU18-2017:81", "perpetrator", Uu18), // 42 m, Rp100 jt
        Ok("1307/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "perpetrator", Uu21, Child), // 60 m, Rp150 jt ≥ 120 jt (default reading)
        Ok("131/Pid.Sus/2024/PN Tbk", "UU18-2017:81", "perpetrator", Uu18), // 15 m, Rp75 jt
        NotSupported("144/Pid.Sus/2025/PN Sby", "KUHP:296", "KUHP"), // convicted under KUHP Pasal 296, not encoded
        Ok("154/Pid.Sus/2018/PN Tbk", "UU21-2007:2(1)", "perpetrator", Uu21), // 36 m = minimum, Rp200 jt
        Ok("1556/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "perpetrator", Uu21), // 60 m, Rp600 jt = maximum
        Ok("156/Pid.Sus/2024/PN Tbk", "UU18-2017:81", "perpetrator", Uu18), // 16 m, Rp200 jt
        Ok("163/Pid.Sus/2024/PN Tbk", "UU21-2007:4", "attempt", Uu21), // 72 m, Rp200 jt
        NotSupported("2471/Pid.Sus/2024/PN Sby", "KUHP:296", "KUHP"),
        Ok("559/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "aiding", Uu21, Child), // 48 m, Rp200 jt
        Ok("561/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "aiding", Uu21, Child), // 60 m, Rp200 jt
        Ok("563/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "aiding", Uu21, Child), // 51 m, Rp200 jt
        Ok("622/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "perpetrator", Uu21), // 60 m, Rp200 jt
        Ok("689/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "perpetrator", Uu21), // 48 m, Rp120 jt (Pasal 17 charged, not applied)
        Ok("761/Pid.Sus/2025/PN Sby", "UU35-2014:88", "perpetrator", Uu35), // 60 m, Rp200 jt = maximum
        Ok("879/Pid.Sus/2025/PN Sby", "UU21-2007:2(1)", "perpetrator", Uu21), // 54 m, Rp200 jt
        Ok("101/Pid.Sus/2025/PN Blt", "UU18-2017:81", "perpetrator", Uu18), // 19 m, Rp1 M
        Ok("103/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 36 m, Rp500 jt
        NotSupported("111/Pid.Sus/2025/PN Blt", "KUHP:296", "KUHP"),
        Ok("119/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 48 m, Rp500 jt
        Ok("131/Pid.Sus/2025/PN Blt", "UU21-2007:2(1)", "perpetrator", Uu21), // 36 m, Rp200 jt
        new("135/Pid.Sus/2025/PN Blt", "UU21-2007:2(1)", "perpetrator", Child, Uu21, FineLow: true), // Rp50 jt < Rp120 jt; 84 m fine
        Ok("149/Pid.Sus/2025/PN Blt", "UU18-2017:81", "perpetrator", Uu18), // 12 m, Rp100 jt
        Ok("150/Pid.Sus/2025/PN Blt", "UU18-2017:81", "perpetrator", Uu18), // 18 m, Rp100 jt
        Ok("151/Pid.Sus/2025/PN Blt", "UU18-2017:81", "perpetrator", Uu18), // 24 m, Rp100 jt
        Ok("180/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 24 m, Rp200 jt
        Ok("219/Pid.Sus/2025/PN Blt", "UU21-2007:2(1)", "perpetrator", Uu21), // 36 m, Rp200 jt
        Ok("222/Pid.Sus/2025/PN Btm", "UU21-2007:2(1)", "attempt", Uu21), // 66 m, Rp300 jt
        Ok("280/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 42 m, Rp300 jt
        Ok("281/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 42 m, Rp300 jt
        Ok("288/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 42 m, Rp200 jt
        Ok("30/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 36 m, Rp500 jt
        Ok("319/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 48 m, Rp200 jt
        Ok("31/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 36 m, Rp500 jt
        Ok("320/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 48 m, Rp200 jt
        Ok("465/Pid.Sus/2024/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 42 m, Rp150 jt
        new("50/Pid.Sus/2025/PN Btm", "UU21-2007:4", "attempt", NoAgg, Uu21, FineHigh: true), // Rp800 jt > Rp600 jt
        Ok("515/Pid.Sus/2025/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 39 m, Rp1.875 M
        Ok("521/Pid.Sus/2024/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 36 m, Rp150 jt
        Ok("534/Pid.Sus/2024/PN Btm", "UU21-2007:4", "attempt", Uu21), // 41 m, Rp200 jt
        Ok("612/Pid.Sus/2024/PN Btm", "UU18-2017:81", "perpetrator", Uu18), // 48 m, Rp200 jt
        Ok("613/Pid.Sus/2024/PN Btm", "UU21-2007:4", "attempt", Uu21), // 39 m, Rp200 jt
        Ok("62/Pid.Sus/2025/PN Blt", "UU18-2017:81", "perpetrator", Uu18), // 34 m, Rp1 M
    ];

    /// <summary>Under the "minimum_and_maximum" reading (Pasal 17 raises the minimum to 48 months and Rp160 juta),
    /// the aggravated verdicts flag differently where the court stayed between the two minima.</summary>
    private static readonly Dictionary<string, (bool PrisonLow, bool FineLow)> RaisedMinimum = new()
    {
        ["65/Pid.Sus/2025/PN Kla"] = (false, false), // 48 m = 48; Rp200 jt ≥ 160 jt
        ["1307/Pid.Sus/2025/PN Sby"] = (false, true), // Rp150 jt < Rp160 jt
        ["559/Pid.Sus/2025/PN Sby"] = (false, false), // 48 m = 48
        ["561/Pid.Sus/2025/PN Sby"] = (false, false),
        ["563/Pid.Sus/2025/PN Sby"] = (false, false), // 51 m
        ["135/Pid.Sus/2025/PN Blt"] = (false, true), // Rp50 jt
    };

    private static readonly Lazy<Dictionary<string, JsonElement>> Verdicts = new(() =>
        File.ReadLines(RepoData.Verdicts)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToDictionary(e => e.GetProperty("case_number").GetString()!));

    public static TheoryData<string> CaseNumbers() => [.. Table.Select(t => t.CaseNumber)];

    private static LocalDate? Date(JsonElement v, string name) =>
        v.GetProperty(name).ValueKind == JsonValueKind.String ? LocalDatePattern.Iso.Parse(v.GetProperty(name).GetString()!).Value : null;

    private static SentenceCheckRequest RequestFor(Expected row, JsonElement v)
    {
        var decision = Date(v, "decision_date");
        return new SentenceCheckRequest
        {
            OffenceDate = Date(v, "offence_date_from") ?? decision,
            DecisionDate = decision,
            Article = row.Article,
            Participation = row.Participation,
            Aggravations = row.Aggravations,
            Sentence = new SentenceFacts
            {
                PrisonMonths = v.GetProperty("sentence_prison_months").ValueKind == JsonValueKind.Number ? v.GetProperty("sentence_prison_months").GetInt32() : null,
                FineIdr = v.GetProperty("fine_rupiah").ValueKind == JsonValueKind.Number ? v.GetProperty("fine_rupiah").GetInt64() : null,
            },
        };
    }

    [Fact]
    public void Table_CoversEveryVerdictInTheFile_Once()
    {
        var inFile = Verdicts.Value.Keys.Order(StringComparer.Ordinal).ToList();
        var inTable = Table.Select(t => t.CaseNumber).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(77, inFile.Count);
        Assert.Equal(inFile, inTable);
        Assert.Equal(45, Table.Count(t => t.Article == "UU18-2017:81")); // the data README: 45 of 77 under UU 18/2017
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void SentenceCheck_GivesHandWrittenFlags_PerVerdict(string caseNumber)
    {
        var row = Table.Single(t => t.CaseNumber == caseNumber);
        var v = Verdicts.Value[caseNumber];
        if (row.Article is null)
        {
            // No conviction: there is no article to check; the engine refuses the request, naming the field.
            var e = Assert.Throws<DomainValidationException>(() => SentenceChecker.Check(RequestFor(row, v), SentenceCheckerRangeTests.Clock));
            Assert.Equal("article", e.Field);
            return;
        }

        var r = SentenceChecker.Check(RequestFor(row, v), SentenceCheckerRangeTests.Clock);

        if (row.Regime is null)
        {
            Assert.False(r.Supported);
            Assert.Contains(row.Why!, r.NotSupportedReason, StringComparison.Ordinal);
            return;
        }

        Assert.True(r.Supported, r.NotSupportedReason);
        Assert.Equal(row.Regime, r.Regime);
        Assert.Equal(
            (row.InRange, row.PrisonLow, row.PrisonHigh, row.FineLow, row.FineHigh),
            (r.InRange!.Value, r.PrisonBelowMinimum!.Value, r.PrisonAboveMaximum!.Value, r.FineBelowMinimum!.Value, r.FineAboveMaximum!.Value));
    }

    [Fact]
    public void SentenceCheck_RaisedMinimumReading_FlagsTheAggravatedVerdicts()
    {
        var options = LegalEngineOptions.Default with { RaiseMinimumWithAggravation = true };
        foreach (var (caseNumber, (prisonLow, fineLow)) in RaisedMinimum)
        {
            var row = Table.Single(t => t.CaseNumber == caseNumber);

            var r = SentenceChecker.Check(RequestFor(row, Verdicts.Value[caseNumber]), SentenceCheckerRangeTests.Clock, options);

            Assert.Equal((caseNumber, prisonLow, fineLow), (caseNumber, r.PrisonBelowMinimum!.Value, r.FineBelowMinimum!.Value));
            Assert.Equal(new MonthRange(48, 240), r.PrisonMonths);
        }
    }

    [Fact]
    public void HandTable_AgreesWithThePrintedArticles_ForUu21Verdicts()
    {
        // Independent cross-check against the court-outcome reader (not the legal engine): the offence article in the
        // hand table is the one printed first among the articles held proven.
        foreach (var row in Table.Where(t => t.Article?.StartsWith("UU21-2007:", StringComparison.Ordinal) == true))
        {
            var printed = Verdicts.Value[row.CaseNumber].GetProperty("articles_charged").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.Equal((row.CaseNumber, row.Article), (row.CaseNumber, ProvenArticle.FirstArticleId(printed)));
        }
    }
}
