using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Tests.Legal;

/// <summary>The statutory range of every article and aggravation of the contract, worked out by hand from
/// docs/sources.md#uu-21-2007-penalties (UU 21/2007 as enacted), #uu-35-2014 and #uu-18-2017 (alternatives), #legal-regime-2026 (2026).</summary>
public class SentenceCheckerRangeTests
{
    internal static readonly FakeClock Clock = new(Instant.FromUtc(2026, 6, 15, 2, 0)); // 2026-06-15 10:00 WITA

    private static readonly LocalDate Act2025 = new(2025, 6, 1);
    private static readonly LocalDate Judged2025 = new(2025, 9, 1);
    private const long Jt = 1_000_000;

    /// <summary>One row: the article(s) it checks and the range expected from the statute.</summary>
    public sealed record RangeRow(
        string Checks,
        string Article,
        string[] Aggravations,
        string Participation,
        bool Corporation,
        int? PrisonMin,
        int? PrisonMax,
        bool Life,
        long FineMin,
        long FineMax,
        PenaltiesCombination Penalties)
    {
        public override string ToString() => Checks;
    }

    private static readonly string[] NoAgg = [];

    private static readonly Dictionary<string, RangeRow> Rows = new RangeRow[]
    {
        // UU 21/2007 as enacted, Pasal 2-6: 3-15 years and Rp120-600 juta, cumulative.
        new("UU21 Pasal 2(1)", "UU21-2007:2(1)", NoAgg, "perpetrator", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 2(2)", "UU21-2007:2(2)", NoAgg, "perpetrator", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 3", "UU21-2007:3", NoAgg, "perpetrator", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 4", "UU21-2007:4", NoAgg, "perpetrator", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 5", "UU21-2007:5", NoAgg, "perpetrator", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 6", "UU21-2007:6", NoAgg, "perpetrator", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        // Pasal 9: 1-6 years and Rp40-240 juta.
        new("UU21 Pasal 9", "UU21-2007:9", NoAgg, "perpetrator", false, 12, 72, false, 40 * Jt, 240 * Jt, PenaltiesCombination.Cumulative),
        // Pasal 19-20: 1-7 years and Rp40-280 juta.
        new("UU21 Pasal 19", "UU21-2007:19", NoAgg, "perpetrator", false, 12, 84, false, 40 * Jt, 280 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 20", "UU21-2007:20", NoAgg, "perpetrator", false, 12, 84, false, 40 * Jt, 280 * Jt, PenaltiesCombination.Cumulative),
        // Pasal 21(1): 1-5 years, Rp40-200 juta; the contract's "UU21-2007:21" is ayat (1).
        new("UU21 Pasal 21 (contract id)", "UU21-2007:21", NoAgg, "perpetrator", false, 12, 60, false, 40 * Jt, 200 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 21(1)", "UU21-2007:21(1)", NoAgg, "perpetrator", false, 12, 60, false, 40 * Jt, 200 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 21(2)", "UU21-2007:21(2)", NoAgg, "perpetrator", false, 24, 120, false, 80 * Jt, 400 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 21(3)", "UU21-2007:21(3)", NoAgg, "perpetrator", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 22", "UU21-2007:22", NoAgg, "perpetrator", false, 12, 60, false, 40 * Jt, 200 * Jt, PenaltiesCombination.Cumulative),
        new("UU21 Pasal 23", "UU21-2007:23", NoAgg, "perpetrator", false, 12, 60, false, 40 * Jt, 200 * Jt, PenaltiesCombination.Cumulative),
        // Pasal 24: 3-7 years and Rp120-280 juta.
        new("UU21 Pasal 24", "UU21-2007:24", NoAgg, "perpetrator", false, 36, 84, false, 120 * Jt, 280 * Jt, PenaltiesCombination.Cumulative),

        // Aggravations, +1/3 of the maximum (default reading): 180 × 4/3 = 240 months, 600 × 4/3 = 800 juta.
        new("Pasal 17 on Pasal 2(1)", "UU21-2007:2(1)", ["UU21-2007:17"], "perpetrator", false, 36, 240, false, 120 * Jt, 800 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 17 on Pasal 3", "UU21-2007:3", ["UU21-2007:17"], "perpetrator", false, 36, 240, false, 120 * Jt, 800 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 7(1) on Pasal 2(2)", "UU21-2007:2(2)", ["UU21-2007:7(1)"], "perpetrator", false, 36, 240, false, 120 * Jt, 800 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 7(1) on Pasal 5", "UU21-2007:5", ["UU21-2007:7(1)"], "perpetrator", false, 36, 240, false, 120 * Jt, 800 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 8 on Pasal 3", "UU21-2007:3", ["UU21-2007:8"], "perpetrator", false, 36, 240, false, 120 * Jt, 800 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 16 on Pasal 4", "UU21-2007:4", ["UU21-2007:16"], "perpetrator", false, 36, 240, false, 120 * Jt, 800 * Jt, PenaltiesCombination.Cumulative),
        // Pasal 7(2): death, 5 years to life and Rp200 juta-5 miliar; the determinate maximum is the 240-month cap.
        new("Pasal 7(2) on Pasal 6", "UU21-2007:6", ["UU21-2007:7(2)"], "perpetrator", false, 60, 240, true, 200 * Jt, 5_000 * Jt, PenaltiesCombination.Cumulative),
        // Two +1/3 (additive): 180 × 5/3 = 300 → capped at 240; 600 × 5/3 = 1,000 juta.
        new("Pasal 7(1)+17 on Pasal 2(2), 20-year cap", "UU21-2007:2(2)", ["UU21-2007:7(1)", "UU21-2007:17"], "perpetrator", false, 36, 240, false, 120 * Jt, 1_000 * Jt, PenaltiesCombination.Cumulative),
        // Child + organised group + official: 180 × 6/3 = 360 → 240 (cap); 600 × 6/3 = 1,200 juta.
        new("Pasal 8+16+17 on Pasal 2(1), 20-year cap", "UU21-2007:2(1)", ["UU21-2007:8", "UU21-2007:16", "UU21-2007:17"], "perpetrator", false, 36, 240, false, 120 * Jt, 1_200 * Jt, PenaltiesCombination.Cumulative),

        // Corporations (Pasal 15): fine × 3 (Rp360 juta-1.8 miliar), no prison.
        new("Pasal 15 corporation on Pasal 2(1)", "UU21-2007:2(1)", NoAgg, "perpetrator", true, null, null, false, 360 * Jt, 1_800 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 15 corporation on Pasal 4 + Pasal 17", "UU21-2007:4", ["UU21-2007:17"], "perpetrator", true, null, null, false, 360 * Jt, 2_400 * Jt, PenaltiesCombination.Cumulative),

        // Participation: Pasal 10 (attempt, aiding) and 11 (conspiracy) take the base range.
        new("Pasal 10 attempt jo 4", "UU21-2007:4", NoAgg, "attempt", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 10 aiding jo 2(1) jo 17", "UU21-2007:2(1)", ["UU21-2007:17"], "aiding", false, 36, 240, false, 120 * Jt, 800 * Jt, PenaltiesCombination.Cumulative),
        new("Pasal 11 conspiracy jo 2(1)", "UU21-2007:2(1)", NoAgg, "conspiracy", false, 36, 180, false, 120 * Jt, 600 * Jt, PenaltiesCombination.Cumulative),

        // UU 18/2017 Pasal 81 jo 69: at most 10 years and at most Rp15 miliar, cumulative; KUHP 57(1) aiding: 2/3 of the maximum.
        new("UU18 Pasal 81", "UU18-2017:81", NoAgg, "perpetrator", false, 0, 120, false, 0, 15_000 * Jt, PenaltiesCombination.Cumulative),
        new("UU18 Pasal 81 attempt (KUHP 53)", "UU18-2017:81", NoAgg, "attempt", false, 0, 120, false, 0, 15_000 * Jt, PenaltiesCombination.Cumulative),
        new("UU18 Pasal 81 aiding (KUHP 57)", "UU18-2017:81", NoAgg, "aiding", false, 0, 80, false, 0, 10_000 * Jt, PenaltiesCombination.Cumulative),
        // UU 35/2014: Pasal 83 jo 76F 3-15 years and Rp60-300 juta; Pasal 88 jo 76I at most 10 years and/or Rp200 juta.
        new("UU35 Pasal 83 jo 76F", "UU35-2014:83", NoAgg, "perpetrator", false, 36, 180, false, 60 * Jt, 300 * Jt, PenaltiesCombination.Cumulative),
        new("UU35 Pasal 88 jo 76I", "UU35-2014:88", NoAgg, "perpetrator", false, 0, 120, false, 0, 200 * Jt, PenaltiesCombination.Alternative),
        // UU 12/2022 Pasal 12: at most 15 years and/or Rp1 miliar.
        new("UU12 Pasal 12 (TPKS)", "UU12-2022:12", NoAgg, "perpetrator", false, 0, 180, false, 0, 1_000 * Jt, PenaltiesCombination.Alternative),
    }.ToDictionary(r => r.Checks);

    public static TheoryData<string> RowKeys() => [.. Rows.Keys];

    private static SentenceCheckResult Check(RangeRow row, LocalDate offence, LocalDate decision, LegalEngineOptions? options = null) =>
        SentenceChecker.Check(
            new SentenceCheckRequest
            {
                OffenceDate = offence,
                DecisionDate = decision,
                Article = row.Article,
                Participation = row.Participation,
                Aggravations = row.Aggravations,
                Corporation = row.Corporation,
                Sentence = new SentenceFacts { PrisonMonths = row.Corporation ? null : row.PrisonMax ?? 0, FineIdr = row.FineMax },
            },
            Clock,
            options);

    [Theory]
    [MemberData(nameof(RowKeys))]
    public void Check_GivesStatutoryRange_PerArticle(string key)
    {
        var row = Rows[key];

        var r = Check(row, Act2025, Judged2025);

        Assert.True(r.Supported, r.NotSupportedReason);
        Assert.Equal(row.PrisonMin is null ? null : new MonthRange(row.PrisonMin.Value, row.PrisonMax!.Value), r.PrisonMonths);
        Assert.Equal(row.Life, r.LifeImprisonment);
        Assert.Equal(new RupiahRange(row.FineMin, row.FineMax), r.FineIdr);
        Assert.Equal(row.Penalties, r.Penalties);
        Assert.True(r.InRange); // the maximum sentence of each range is in range
    }

    [Fact]
    public void Check_RaisesMinimumToo_UnderTheDocumentedOption()
    {
        // Pasal 17 on Pasal 2(1), "minimum_and_maximum": 36 × 4/3 = 48 months, 120 × 4/3 = 160 juta.
        var options = LegalEngineOptions.Default with { RaiseMinimumWithAggravation = true };

        var r = Check(Rows["Pasal 17 on Pasal 2(1)"], Act2025, Judged2025, options);

        Assert.Equal(new MonthRange(48, 240), r.PrisonMonths);
        Assert.Equal(new RupiahRange(160 * Jt, 800 * Jt), r.FineIdr);
        Assert.Equal("minimum_and_maximum", r.MinimumReading);
        Assert.Contains(r.Notes, n => n.Contains("minimum_and_maximum", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DefaultReading_IsNamedInTheResult()
    {
        var r = Check(Rows["Pasal 17 on Pasal 2(1)"], Act2025, Judged2025);

        Assert.Equal("maximum_only", r.MinimumReading);
        Assert.Equal("additive", r.AggravationStacking);
        Assert.Contains(r.Notes, n => n.Contains("maximum_only", StringComparison.Ordinal));
    }

    [Theory]
    // Pasal 7(1)+17 on Pasal 2(2) fine maximum: additive 600 × 5/3 = 1,000 juta; compound 600 × 16/9 = 1,066,666,666 (rounded down); once 600 × 4/3 = 800 juta.
    [InlineData(AggravationStacking.Additive, 1_000_000_000L)]
    [InlineData(AggravationStacking.Compound, 1_066_666_666L)]
    [InlineData(AggravationStacking.Once, 800_000_000L)]
    public void Check_StacksAggravations_PerPolicy(AggravationStacking stacking, long fineMax)
    {
        var r = Check(Rows["Pasal 7(1)+17 on Pasal 2(2), 20-year cap"], Act2025, Judged2025, LegalEngineOptions.Default with { Stacking = stacking });

        Assert.Equal(fineMax, r.FineIdr!.Max);
        Assert.Equal(240, r.PrisonMonths!.Max); // any aggravation reaches the 20-year cap
    }

    [Fact]
    public void Check_Caps20Years_AndSaysSo()
    {
        var r = Check(Rows["Pasal 8+16+17 on Pasal 2(1), 20-year cap"], Act2025, Judged2025);

        Assert.Contains(r.Notes, n => n.Contains("capped at 240 months", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DoesNotAddOneThirdOnDeathRange_AndWarns()
    {
        var r = SentenceChecker.Check(Request("UU21-2007:2(2)", ["UU21-2007:7(2)", "UU21-2007:17"], life: true), Clock);

        Assert.Equal(new MonthRange(60, 240), r.PrisonMonths);
        Assert.True(r.LifeImprisonment);
        Assert.Equal(new RupiahRange(200 * Jt, 5_000 * Jt), r.FineIdr);
        Assert.True(r.InRange); // life is within a range that allows life
        Assert.Contains(r.Warnings, w => w.Contains("not added on top of Pasal 7(2)", StringComparison.Ordinal));
    }

    internal static SentenceCheckRequest Request(string article, string[]? aggravations = null, int? prison = 48, long? fine = 200_000_000, bool life = false, string? participation = null, bool corporation = false, LocalDate? offence = null, LocalDate? decision = null) => new()
    {
        OffenceDate = offence ?? Act2025,
        DecisionDate = decision ?? Judged2025,
        Article = article,
        Participation = participation,
        Aggravations = aggravations,
        Corporation = corporation,
        Sentence = new SentenceFacts { PrisonMonths = life ? null : prison, FineIdr = fine, LifeImprisonment = life },
    };

    public static TheoryData<string, string> Unsupported() => new()
    {
        { "KUHP:296", "not encoded" }, // the pimping article some verdicts end in
        { "UU21-2007:25", "no row" }, // fine substitute, not an offence
        { "UU21-2007:2", "no row" }, // say 2(1) or 2(2)
        { "UU18-2017:83", "no row" }, // [U] not encoded
        { "UU23-2004:44", "not encoded" }, // PKDRT is not in these tables
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Check_SaysNotSupported_GivenUnknownArticleOrLaw(string article, string why)
    {
        var r = SentenceChecker.Check(Request(article), Clock);

        Assert.False(r.Supported);
        Assert.Contains(why, r.NotSupportedReason, StringComparison.Ordinal);
        Assert.Null(r.InRange);
        Assert.Null(r.PrisonMonths);
    }

    [Theory]
    [InlineData("UU21-2007:19", "attempt")] // Pasal 10 covers TPPO (Pasal 2-6), not Pasal 19
    [InlineData("UU35-2014:83", "aiding")] // special minimum with KUHP aiding: not settled
    [InlineData("UU18-2017:81", "conspiracy")] // no general conspiracy rule encoded
    public void Check_SaysNotSupported_GivenParticipationNotEncoded(string article, string participation)
    {
        var r = SentenceChecker.Check(Request(article, participation: participation), Clock);

        Assert.False(r.Supported);
    }

    [Fact]
    public void Check_SaysNotSupported_GivenCorporationOutsidePasal15()
    {
        var r = SentenceChecker.Check(Request("UU21-2007:19", corporation: true), Clock);

        Assert.False(r.Supported);
        Assert.Contains("Pasal 15", r.NotSupportedReason, StringComparison.Ordinal);
    }
}
