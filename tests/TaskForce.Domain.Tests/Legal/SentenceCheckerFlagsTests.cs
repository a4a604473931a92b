using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using static TaskForce.Domain.Tests.Legal.SentenceCheckerRangeTests;

namespace TaskForce.Domain.Tests.Legal;

/// <summary>Which side a sentence falls out on, the regimes around 2 January 2026, and bad input.</summary>
public class SentenceCheckerFlagsTests
{
    private const long Jt = 1_000_000;

    /// <summary>(checks, request, expected flags: prison below, prison above, fine below, fine above).</summary>
    public static TheoryData<string, int?, long?, bool, bool, bool, bool, bool> FlagRows() => new()
    {
        // UU21-2007 Pasal 2(1) as enacted: 36-180 months and Rp120-600 juta, cumulative.
        { "2(1): 36 months, Rp120 juta, exactly the minima", 36, 120 * Jt, false, false, false, false, true },
        { "2(1): 180 months, Rp600 juta, exactly the maxima", 180, 600 * Jt, false, false, false, false, true },
        { "2(1): 35 months, one below the minimum", 35, 120 * Jt, true, false, false, false, false },
        { "2(1): 181 months, one above the maximum", 181, 120 * Jt, false, true, false, false, false },
        { "2(1): fine one Rupiah below the minimum", 36, 119_999_999, false, false, true, false, false },
        { "2(1): fine one Rupiah above the maximum", 36, 600_000_001, false, false, false, true, false },
        { "2(1): no fine under a cumulative ('dan') regime", 36, null, false, false, true, false, false },
        { "2(1): fine 0 counts as no fine", 36, 0, false, false, true, false, false },
        { "2(1): no prison under a cumulative regime", null, 200 * Jt, true, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(FlagRows))]
    public void Check_FlagsTheSide_UnderUu21AsEnacted(string checks, int? prison, long? fine, bool prisonLow, bool prisonHigh, bool fineLow, bool fineHigh, bool inRange)
    {
        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: prison, fine: fine), Clock);

        Assert.True(r.Supported, checks);
        Assert.Equal("UU21-2007", r.Regime);
        Assert.Equal((prisonLow, prisonHigh, fineLow, fineHigh, inRange), (r.PrisonBelowMinimum!.Value, r.PrisonAboveMaximum!.Value, r.FineBelowMinimum!.Value, r.FineAboveMaximum!.Value, r.InRange!.Value));
    }

    [Fact]
    public void Check_AnActOf1January2026JudgedThatDay_UsesUu21AsEnacted()
    {
        // UU 1/2026 takes effect 2 January 2026: an act and a judgment of 1 January 2026 stay under the old law.
        var day = new LocalDate(2026, 1, 1);

        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: 24, fine: null, offence: day, decision: day), Clock);

        Assert.Equal("UU21-2007", r.Regime);
        Assert.Empty(r.RegimesCompared);
        Assert.Equal(new MonthRange(36, 180), r.PrisonMonths);
        Assert.True(r.PrisonBelowMinimum);
        Assert.True(r.FineBelowMinimum); // cumulative: the fine is required
    }

    [Fact]
    public void Check_AnActOf1January2026JudgedLater_TakesTheMoreFavourableAdjustedRegime()
    {
        // Lex mitior (UU 1/2026 Pasal 3(1)): same maximum (180), minimum 0 < 36, so the adjusted regime applies.
        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: 24, fine: null, offence: new LocalDate(2026, 1, 1), decision: new LocalDate(2026, 3, 2)), Clock);

        Assert.Equal("UU21-2007+UU1-2026", r.Regime);
        Assert.Equal(["UU21-2007", "UU21-2007+UU1-2026"], r.RegimesCompared);
        Assert.Equal(new MonthRange(0, 180), r.PrisonMonths);
        Assert.Equal(new RupiahRange(0, 5_000 * Jt), r.FineIdr); // category VII
        Assert.Equal(PenaltiesCombination.Alternative, r.Penalties);
        Assert.Equal("atau", r.PenaltiesWording);
        Assert.True(r.InRange); // 24 months, no fine: a missing fine is not below a minimum
        Assert.False(r.FineBelowMinimum);
        Assert.Contains(r.Notes, n => n.Contains("Lex mitior", StringComparison.Ordinal) && n.Contains("minimum prison", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Contains("category VII", StringComparison.Ordinal)); // the category amount is [R]
    }

    [Fact]
    public void Check_AnActOf2January2026_UsesOnlyTheAdjustedRegime()
    {
        var day = new LocalDate(2026, 1, 2);

        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: 24, fine: null, offence: day, decision: new LocalDate(2026, 5, 4)), Clock);

        Assert.Equal("UU21-2007+UU1-2026", r.Regime);
        Assert.Empty(r.RegimesCompared);
        Assert.True(r.InRange);
    }

    [Fact]
    public void Check_AdjustedRegime_WarnsForUnconfirmedArticles()
    {
        // Pasal 4 after 2 January 2026 is [U]: derived from the Pasal 2(1) pattern and marked confirmed = false.
        var r = SentenceChecker.Check(Request("UU21-2007:4", prison: 24, fine: null, offence: new LocalDate(2026, 2, 1), decision: new LocalDate(2026, 5, 4)), Clock);

        Assert.Equal(new MonthRange(0, 180), r.PrisonMonths);
        Assert.Contains(r.Warnings, w => w.StartsWith("Unconfirmed threat of UU21-2007:4", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AdjustedRegime_FlagsNeitherPenalty()
    {
        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: null, fine: null, offence: new LocalDate(2026, 2, 1), decision: new LocalDate(2026, 5, 4)), Clock);

        Assert.True(r.PrisonBelowMinimum);
        Assert.True(r.FineBelowMinimum);
        Assert.False(r.InRange);
    }

    [Fact]
    public void Check_Uu18ActOf2025JudgedIn2026_TakesLampiranIOfUu1Of2026()
    {
        // PN Nunukan 306/Pid.Sus/2025: Pasal 81 becomes at most 10 years and/or a fine of at most category VI (Rp2 miliar).
        var r = SentenceChecker.Check(Request("UU18-2017:81", prison: 48, fine: 0, offence: new LocalDate(2025, 7, 14), decision: new LocalDate(2026, 1, 26)), Clock);

        Assert.Equal("UU18-2017+UU1-2026", r.Regime);
        Assert.Equal(new RupiahRange(0, 2_000 * Jt), r.FineIdr);
        Assert.Equal("dan/atau", r.PenaltiesWording);
        Assert.True(r.InRange);
    }

    [Fact]
    public void Check_SaysNotSupported_ForChildLawJudgedAfterTheChange()
    {
        // UU 35/2014's UU 1/2026 adjustment is not encoded: the lex mitior comparison cannot be made.
        var r = SentenceChecker.Check(Request("UU35-2014:88", offence: new LocalDate(2025, 12, 31), decision: new LocalDate(2026, 2, 1)), Clock);

        Assert.False(r.Supported);
        Assert.Contains("UU 1/2026", r.NotSupportedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SaysNotSupported_ForAnActBeforeTheLaw()
    {
        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", offence: new LocalDate(2006, 1, 1), decision: new LocalDate(2007, 1, 1)), Clock);

        Assert.False(r.Supported);
        Assert.Contains("predates UU21-2007", r.NotSupportedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Corporation_FlagsPrison_AndRequiresFine()
    {
        // Pasal 15: Rp360 juta-1.8 miliar, no prison for a corporation.
        var withPrison = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: 12, fine: 400 * Jt, corporation: true), Clock);
        Assert.True(withPrison.PrisonAboveMaximum);

        var lowFine = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: null, fine: 300 * Jt, corporation: true), Clock);
        Assert.True(lowFine.FineBelowMinimum);
        Assert.False(lowFine.PrisonBelowMinimum);

        var ok = SentenceChecker.Check(Request("UU21-2007:2(1)", prison: null, fine: 1_800 * Jt, corporation: true), Clock);
        Assert.True(ok.InRange);
    }

    [Fact]
    public void Check_LifeSentence_IsAboveADeterminateRange()
    {
        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", life: true, fine: 200 * Jt), Clock);

        Assert.True(r.PrisonAboveMaximum);
    }

    [Fact]
    public void Check_Aggravated_20YearCap_FlagsOneMonthMore()
    {
        string[] all = ["UU21-2007:8", "UU21-2007:16", "UU21-2007:17"];

        Assert.True(SentenceChecker.Check(Request("UU21-2007:2(1)", all, prison: 240, fine: 1_200 * Jt), Clock).InRange);
        Assert.True(SentenceChecker.Check(Request("UU21-2007:2(1)", all, prison: 241, fine: 1_200 * Jt), Clock).PrisonAboveMaximum);
    }

    public static TheoryData<string, SentenceCheckRequest> BadRequests() => new()
    {
        { "offence_date", Request("UU21-2007:2(1)") with { OffenceDate = null } },
        { "offence_date", Request("UU21-2007:2(1)", offence: new LocalDate(2026, 6, 16), decision: new LocalDate(2026, 7, 1)) }, // the day after "today" (2026-06-15 WITA)
        { "decision_date", Request("UU21-2007:2(1)", offence: new LocalDate(2025, 6, 1), decision: new LocalDate(2025, 5, 31)) },
        { "article", Request("UU21-2007:2(1)") with { Article = null } },
        { "article", Request("UU21/2007 Pasal 2 ayat (1)") },
        { "article", Request("UU21-2007:17") }, // an aggravation is not an offence article
        { "participation", Request("UU21-2007:2(1)", participation: "helper") },
        { "aggravations[0]", Request("UU21-2007:2(1)", ["UU21-2007:18"]) }, // not an aggravation id
        { "aggravations[1]", Request("UU21-2007:2(1)", ["UU21-2007:17", "UU21-2007:7(1)"]) }, // 7(1) aggravates 2(2)-6, not 2(1)
        { "aggravations[0]", Request("UU21-2007:6", ["UU21-2007:17"]) }, // 17 aggravates 2-4; Pasal 6 is child-specific
        { "aggravations[0]", Request("UU18-2017:81", ["UU21-2007:17"]) },
        { "sentence", Request("UU21-2007:2(1)") with { Sentence = null } },
        { "sentence.prison_months", Request("UU21-2007:2(1)", prison: -1) },
        { "sentence.fine_idr", Request("UU21-2007:2(1)", fine: -1) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Check_ThrowsNamingField_GivenBadInput(string field, SentenceCheckRequest request)
    {
        var e = Assert.Throws<DomainValidationException>(() => SentenceChecker.Check(request, Clock));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void MoreFavourable_KeepsTheOldLaw_WhenItIsMilder()
    {
        // Synthetic: an adjustment that raised the maximum. The old law is more favourable and applies.
        var old = new PricedRange(PenaltyTables.Regime("UU21-2007")!, new MonthRange(36, 120), false, new RupiahRange(0, 100), PenaltyMode.Cumulative, true, [], [], []);
        var newer = old with { Regime = PenaltyTables.Regime("UU21-2007+UU1-2026")!, Prison = new MonthRange(0, 180), Mode = PenaltyMode.Alternative };

        var (chosen, reason) = PenaltyCalculator.MoreFavourable(old, newer);

        Assert.Equal("UU21-2007", chosen.Regime.Id);
        Assert.Contains("maximum prison", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreFavourable_GoesToTheNewLaw_OnATie()
    {
        var old = new PricedRange(PenaltyTables.Regime("UU21-2007")!, new MonthRange(0, 120), false, new RupiahRange(0, 100), PenaltyMode.Alternative, true, [], [], []);
        var newer = old with { Regime = PenaltyTables.Regime("UU21-2007+UU1-2026")! };

        Assert.Equal("UU21-2007+UU1-2026", PenaltyCalculator.MoreFavourable(old, newer).Chosen.Regime.Id);
    }
}
