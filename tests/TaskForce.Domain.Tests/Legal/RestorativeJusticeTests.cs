using NodaTime;
using TaskForce.Domain.Legal;
using static TaskForce.Domain.Tests.Legal.SentenceCheckerRangeTests;

namespace TaskForce.Domain.Tests.Legal;

/// <summary>Peraturan Kejaksaan RI No. 15 Tahun 2020 Pasal 5(1)(b): only offences punishable by a fine or by at most
/// 5 years; Pasal 5(8)(b): no offence with a special minimum.</summary>
public class RestorativeJusticeTests
{
    private static readonly LocalDate Act = new(2025, 3, 1);
    private static readonly LocalDate Decided = new(2025, 8, 1);

    [Theory]
    [InlineData("UU21-2007:2(1)")] // 3-15 years
    [InlineData("UU21-2007:3")]
    [InlineData("UU21-2007:4")]
    [InlineData("UU21-2007:5")]
    [InlineData("UU21-2007:6")]
    [InlineData("UU21-2007:2(2)")]
    public void Assess_TppoIsNeverEligible_WithTheRegulation(string article)
    {
        var a = RestorativeJustice.Assess(article, Act, Decided, Clock);

        Assert.True(a.Supported);
        Assert.False(a.Eligible);
        Assert.Contains(a.Reasons, r => r.Contains("Peraturan Kejaksaan RI No. 15 Tahun 2020 Pasal 5 ayat (1) huruf b", StringComparison.Ordinal));
        Assert.Contains(a.Reasons, r => r.Contains("Pasal 5 ayat (8) huruf b", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_FiveYearOffenceWithMinimum_IsExcludedByTheMinimum()
    {
        // UU 21/2007 Pasal 22: 1-5 years. Passes the 5-year test, fails the special-minimum exclusion.
        var a = RestorativeJustice.Assess("UU21-2007:22", Act, Decided, Clock);

        Assert.False(a.Eligible);
        Assert.Single(a.Reasons);
        Assert.Contains("special minimum", a.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_TppoAfterTheChange_StillNotEligible_AndWarnsAboutNewKuhap()
    {
        var a = RestorativeJustice.Assess("UU21-2007:2(1)", new LocalDate(2026, 2, 1), new LocalDate(2026, 5, 1), Clock);

        Assert.False(a.Eligible); // 15-year maximum even without a minimum
        Assert.Equal("UU21-2007+UU1-2026", a.Regime);
        Assert.Contains(a.Warnings, w => w.Contains("UU 20/2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_UnknownArticle_IsNotSupported()
    {
        var a = RestorativeJustice.Assess("KUHP:296", Act, Decided, Clock);

        Assert.False(a.Supported);
        Assert.Null(a.Eligible);
    }
}
