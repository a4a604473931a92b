using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Tests.Legal;

public class TraffickingElementTestTests
{
    /// <summary>One row: the rule it checks, the facts, the victim's age data, and the expected outcome.</summary>
    public sealed record Row(
        string Rule,
        string[] Acts,
        string[] Means,
        string[] Purposes,
        LocalDate OffenceDate,
        LocalDate? BirthDate,
        int? Age,
        bool Unborn,
        bool? Consented,
        bool? Coerced,
        TraffickingStatus Expected,
        bool ChildRule,
        bool NotPunishable)
    {
        public override string ToString() => Rule;
    }

    private static readonly LocalDate Act = new(2025, 3, 14);
    private static readonly LocalDate Born2008 = new(2008, 5, 1); // 18th birthday 2026-05-01

    private static readonly string[] Recruit = ["perekrutan", "pengiriman"];
    private static readonly string[] Deceive = ["penipuan"];
    private static readonly string[] Labour = ["kerja_paksa"];
    private static readonly string[] None = [];

    public static TheoryData<Row> Rows() => new()
    {
        // UU 21/2007 Pasal 1 angka 1, Pasal 2(1): act + means + purpose, adult.
        new Row("Pasal 2(1): act+means+purpose, adult", Recruit, Deceive, Labour, Act, null, 30, false, null, null, TraffickingStatus.ActualVictim, false, false),
        // Pasal 1 angka 1: adult without means is not (yet) trafficking.
        new Row("Pasal 1 angka 1: adult, no means", Recruit, None, Labour, Act, null, 30, false, null, null, TraffickingStatus.PossibleVictim, false, false),
        // Palermo art. 3(c); UU 21/2007 Pasal 5, 6, 17; UU 35/2014 Pasal 76F/76I: child needs no means.
        new Row("Palermo 3(c): child aged 15, no means", Recruit, None, Labour, Act, null, 15, false, null, null, TraffickingStatus.ActualVictim, true, false),
        // Child with means: actual, without needing the child rule.
        new Row("Pasal 2(1)+17: child with means", Recruit, Deceive, Labour, Act, null, 15, false, null, null, TraffickingStatus.ActualVictim, false, false),
        // Pasal 1 angka 5: the 18th birthday. Day before = child; day of = adult; day after = adult.
        new Row("Pasal 1 angka 5: day before 18th birthday", Recruit, None, Labour, new LocalDate(2026, 4, 30), Born2008, null, false, null, null, TraffickingStatus.ActualVictim, true, false),
        new Row("Pasal 1 angka 5: day of 18th birthday", Recruit, None, Labour, new LocalDate(2026, 5, 1), Born2008, null, false, null, null, TraffickingStatus.PossibleVictim, false, false),
        new Row("Pasal 1 angka 5: day after 18th birthday", Recruit, None, Labour, new LocalDate(2026, 5, 2), Born2008, null, false, null, null, TraffickingStatus.PossibleVictim, false, false),
        // Pasal 1 angka 5: a child still in the womb is a child.
        new Row("Pasal 1 angka 5: unborn child", Recruit, None, ["adopsi_ilegal"], Act, new LocalDate(2025, 6, 1), null, true, null, null, TraffickingStatus.ActualVictim, true, false),
        // Pasal 1 angka 7, Pasal 26: consent never defeats it.
        new Row("Pasal 26: adult consented", Recruit, ["memberi_bayaran"], ["pelacuran"], Act, null, 24, false, true, null, TraffickingStatus.ActualVictim, false, false),
        new Row("Pasal 26: child consented, no means", Recruit, None, ["pelacuran"], Act, null, 16, false, true, null, TraffickingStatus.ActualVictim, true, false),
        // Pasal 18: coerced offence of the victim is not punishable.
        new Row("Pasal 18: coerced offence, actual victim", Recruit, ["ancaman_kekerasan"], ["kerja_paksa"], Act, null, 22, false, null, true, TraffickingStatus.ActualVictim, false, true),
        new Row("Pasal 18: coerced offence, possible victim", Recruit, None, ["kerja_paksa"], Act, null, 22, false, null, true, TraffickingStatus.PossibleVictim, false, true),
        new Row("Pasal 18: coerced offence, no trafficking", None, ["penipuan"], None, Act, null, 22, false, null, true, TraffickingStatus.NotAVictim, false, false),
        // Pasal 1 angka 1: only a purpose, or only an act → possible; only a means → not a victim.
        new Row("Pasal 1 angka 1: purpose only", None, None, Labour, Act, null, 30, false, null, null, TraffickingStatus.PossibleVictim, false, false),
        new Row("Pasal 1 angka 1: act only, child", Recruit, None, None, Act, null, 12, false, null, null, TraffickingStatus.PossibleVictim, false, false),
        new Row("Pasal 1 angka 1: means only", None, Deceive, None, Act, null, 30, false, null, null, TraffickingStatus.NotAVictim, false, false),
        // Pasal 2 is a formal offence: exploitation need not have happened (no exploitation_occurred needed).
        new Row("Pasal 2(1) formal: purpose without exploitation", ["penampungan"], ["penyekapan"], ["eksploitasi_seksual"], Act, null, 19, false, null, null, TraffickingStatus.ActualVictim, false, false),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Evaluate_GivesStatusPerRule(Row row)
    {
        var facts = TraffickingFacts.Parse(row.Acts, row.Means, row.Purposes, null, null, row.Consented, row.Coerced);
        var age = ChildAge.Assess(row.BirthDate, row.Age, row.Unborn, row.OffenceDate, "victims[0]");

        var result = TraffickingElementTest.Evaluate(facts, [age]);

        Assert.Equal(row.Expected, result.Status);
        Assert.Equal(row.ChildRule, result.ChildRuleApplied);
        Assert.Equal(row.NotPunishable, result.VictimNotPunishable);
        Assert.NotEmpty(result.Reasons);
    }

    [Fact]
    public void Evaluate_SaysConsentIsIrrelevant_WithItsSource()
    {
        var facts = TraffickingFacts.Parse(Recruit, ["memberi_bayaran"], ["pelacuran"], null, null, true, null);

        var result = TraffickingElementTest.Evaluate(facts, [new VictimAge(ChildStatus.Adult, 24, "age_at_offence")]);

        Assert.Contains(result.Reasons, r => r.Contains("Pasal 26", StringComparison.Ordinal) && r.Contains("Pasal 1 angka 7", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_WarnsWhenAgeUnknownAndMeansMissing()
    {
        var facts = TraffickingFacts.Parse(Recruit, None, Labour, null, null, null, null);

        var result = TraffickingElementTest.Evaluate(facts, [new VictimAge(ChildStatus.Unknown, null, "unknown")]);

        Assert.Equal(TraffickingStatus.PossibleVictim, result.Status);
        Assert.Contains(result.Warnings, w => w.Contains("under 18", StringComparison.Ordinal));
    }

    // Pasal 1 angka 5: a child up to and including the day before the 18th birthday.
    [Theory]
    [InlineData(2008, 5, 1, 2026, 4, 30, true)]
    [InlineData(2008, 5, 1, 2026, 5, 1, false)]
    [InlineData(2008, 5, 1, 2026, 5, 2, false)]
    [InlineData(2008, 2, 29, 2026, 2, 27, true)] // born on 29 Feb: still a child on 27 Feb 2026
    [InlineData(2008, 2, 29, 2026, 2, 28, false)] // documented choice: 18 on 28 Feb in a common year (NodaTime PlusYears)
    public void IsChildOn_SwitchesOnThe18thBirthday(int by, int bm, int bd, int y, int m, int d, bool child) =>
        Assert.Equal(child, ChildAge.IsChildOn(new LocalDate(by, bm, bd), new LocalDate(y, m, d)));

    [Fact]
    public void Assess_Throws_GivenBirthAfterOffence_UnlessUnborn()
    {
        var e = Assert.Throws<DomainValidationException>(() => ChildAge.Assess(new LocalDate(2025, 3, 15), null, false, Act, "victims[0]"));
        Assert.Equal("victims[0].birth_date", e.Field);

        Assert.Equal(ChildStatus.Child, ChildAge.Assess(new LocalDate(2025, 3, 15), null, true, Act, "victims[0]").Status);
    }
}
