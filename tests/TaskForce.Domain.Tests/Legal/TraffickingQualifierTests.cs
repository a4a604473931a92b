using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using static TaskForce.Domain.Tests.Legal.SentenceCheckerRangeTests;

namespace TaskForce.Domain.Tests.Legal;

public class TraffickingQualifierTests
{
    private const long Jt = 1_000_000;

    /// <summary>The contract's example (docs/wire-contract.md, qualify), judged in 2025 so UU 21/2007 as enacted applies.</summary>
    private static QualifyRequest ContractExample() => new()
    {
        OffenceDate = new LocalDate(2025, 3, 14),
        DecisionDate = new LocalDate(2025, 11, 3),
        Victims = [new QualifyVictim { Sex = "female", BirthDate = new LocalDate(2008, 5, 1) }],
        Acts = ["perekrutan", "pengiriman"],
        Means = ["penipuan", "penjeratan_utang"],
        Purposes = ["kerja_paksa"],
        ExploitationOccurred = true,
        DestinationCountry = "MY",
        Offender = new QualifyOffender(),
        Harms = ["luka_berat"],
    };

    private static ChargeCandidate Charge(QualificationResult r, string article) => Assert.Single(r.Charges, c => c.Article == article);

    [Fact]
    public void Qualify_ContractExample_GivesChargesPerArticle()
    {
        var r = TraffickingQualifier.Qualify(ContractExample(), Clock);

        Assert.Equal(TraffickingStatus.ActualVictim, r.Status);
        Assert.Equal(new ElementsPresent(true, true, true), r.Elements);
        Assert.False(r.ChildRuleApplied); // the means are present; the victim (16) is a child, which aggravates
        Assert.Equal("UU21-2007", r.Regime);

        // Pasal 2(1) + Pasal 17 (victim aged 16): 36-240 months, Rp120-800 juta.
        var p21 = Charge(r, "UU21-2007:2(1)");
        Assert.Equal(["UU21-2007:17"], p21.Aggravations);
        Assert.Equal(new MonthRange(36, 240), p21.PrisonMonths);
        Assert.Equal(new RupiahRange(120 * Jt, 800 * Jt), p21.FineIdr);

        // Pasal 2(2) (exploitation happened) + 17 + 7(1) (luka berat): additive 600 × 5/3 = 1,000 juta; prison capped at 240.
        var p22 = Charge(r, "UU21-2007:2(2)");
        Assert.Equal(["UU21-2007:17", "UU21-2007:7(1)"], p22.Aggravations);
        Assert.Equal(new MonthRange(36, 240), p22.PrisonMonths);
        Assert.Equal(new RupiahRange(120 * Jt, 1_000 * Jt), p22.FineIdr);

        // Pasal 4 (Indonesian taken to MY), Pasal 6 (child sent abroad and exploited), and the alternatives.
        Assert.Equal(["UU21-2007:17", "UU21-2007:7(1)"], Charge(r, "UU21-2007:4").Aggravations);
        Assert.Equal(["UU21-2007:7(1)"], Charge(r, "UU21-2007:6").Aggravations);
        Assert.Equal(new MonthRange(0, 120), Charge(r, "UU18-2017:81").PrisonMonths);
        Assert.Equal(new MonthRange(36, 180), Charge(r, "UU35-2014:83").PrisonMonths);
        Assert.Equal(new RupiahRange(0, 200 * Jt), Charge(r, "UU35-2014:88").FineIdr);
        Assert.False(r.TpksOverlap); // labour, not sexual exploitation
    }

    [Fact]
    public void Qualify_ChildWithoutMeans_SuggestsChildArticlesNotPasal2()
    {
        // Palermo art. 3(c); docs/sources.md#uu-21-2007-children: Pasal 2 names the means, so suggest Pasal 6 / UU 35/2014.
        var req = ContractExample() with { Means = [], Harms = [] };

        var r = TraffickingQualifier.Qualify(req, Clock);

        Assert.Equal(TraffickingStatus.ActualVictim, r.Status);
        Assert.True(r.ChildRuleApplied);
        Assert.DoesNotContain(r.Charges, c => c.Article.StartsWith("UU21-2007:2", StringComparison.Ordinal));
        Assert.Contains(r.Charges, c => c.Article == "UU21-2007:6");
        Assert.Contains(r.Charges, c => c.Article == "UU35-2014:83");
    }

    [Fact]
    public void Qualify_ConsentPresent_DoesNotChangeStatusOrCharges()
    {
        // UU 21/2007 Pasal 1 angka 7 and Pasal 26.
        var without = TraffickingQualifier.Qualify(ContractExample(), Clock);
        var with = TraffickingQualifier.Qualify(ContractExample() with { VictimConsented = true }, Clock);

        Assert.Equal(without.Status, with.Status);
        Assert.Equal(without.Charges.Select(c => c.Article), with.Charges.Select(c => c.Article));
        Assert.Contains(with.Reasons, x => x.Contains("Pasal 26", StringComparison.Ordinal));
    }

    [Fact]
    public void Qualify_SexualPurpose_FlagsTpksOverlap()
    {
        // UU 12/2022 Pasal 4(2): trafficking for sexual exploitation is sexual violence too.
        var req = new QualifyRequest
        {
            OffenceDate = new LocalDate(2024, 11, 1),
            DecisionDate = new LocalDate(2025, 6, 18),
            Victims = [new QualifyVictim { Sex = "female", AgeAtOffence = 22 }],
            Acts = ["perekrutan", "penerimaan"],
            Means = ["memberi_bayaran"],
            Purposes = ["pelacuran"],
        };

        var r = TraffickingQualifier.Qualify(req, Clock);

        Assert.True(r.TpksOverlap);
        Assert.Contains(r.Charges, c => c.Article == "UU12-2022:12" && !c.Confirmed);
        Assert.Contains(r.Warnings, w => w.Contains("UU 12/2022 Pasal 12", StringComparison.Ordinal));
    }

    [Fact]
    public void Qualify_Corporation_TriplesFine_NoPrison()
    {
        var r = TraffickingQualifier.Qualify(ContractExample() with { Offender = new QualifyOffender { Corporation = true }, Victims = [new QualifyVictim { AgeAtOffence = 30 }], Harms = [] }, Clock);

        var c = Charge(r, "UU21-2007:2(1)");
        Assert.Null(c.PrisonMonths);
        Assert.Equal(new RupiahRange(360 * Jt, 1_800 * Jt), c.FineIdr);
    }

    [Fact]
    public void Qualify_OffenceOn2January2026_UsesTheAdjustedRegime()
    {
        var r = TraffickingQualifier.Qualify(ContractExample() with { OffenceDate = new LocalDate(2026, 1, 2), DecisionDate = null }, Clock);

        Assert.Equal("UU21-2007+UU1-2026", r.Regime);
        Assert.Equal(new MonthRange(0, 240), Charge(r, "UU21-2007:2(1)").PrisonMonths); // 180 × 4/3 (Pasal 17), no minimum
        Assert.Contains(r.Warnings, w => w.StartsWith("Unconfirmed", StringComparison.Ordinal));
    }

    [Fact]
    public void Qualify_ActOf2025JudgedToday_ComparesRegimes()
    {
        // No decision date: "today" (2026-06-15) is after the change, so lex mitior applies.
        var r = TraffickingQualifier.Qualify(ContractExample() with { DecisionDate = null }, Clock);

        Assert.Equal("UU21-2007+UU1-2026", r.Regime);
        Assert.Equal(["UU21-2007", "UU21-2007+UU1-2026"], r.RegimesCompared);
        Assert.Contains(r.Warnings, w => w.Contains("UU35-2014:83 is a candidate", StringComparison.Ordinal)); // not priced after 2026
    }

    [Fact]
    public void Qualify_NoActNoPurpose_IsNotAVictim_WithNoCharges()
    {
        var r = TraffickingQualifier.Qualify(new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), DecisionDate = new LocalDate(2025, 2, 1), Means = ["penggunaan_kekerasan"] }, Clock);

        Assert.Equal(TraffickingStatus.NotAVictim, r.Status);
        Assert.Empty(r.Charges);
    }

    public static TheoryData<string, QualifyRequest> BadRequests() => new()
    {
        { "offence_date", new QualifyRequest() },
        { "offence_date", new QualifyRequest { OffenceDate = new LocalDate(2026, 6, 16) } },
        { "acts[1]", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), Acts = ["perekrutan", "recruitment"] } },
        { "means[0]", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), Means = ["fraud"] } },
        { "purposes[0]", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), Purposes = ["forced_labour"] } },
        { "harms[0]", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), Harms = ["death"] } },
        { "destination_country", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), DestinationCountry = "MYS" } },
        { "victims[0].birth_date", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), Victims = [new QualifyVictim { BirthDate = new LocalDate(2025, 1, 2) }] } },
        { "victims[0].sex", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), Victims = [new QualifyVictim { Sex = "F" }] } },
        { "victims[1].citizenship", new QualifyRequest { OffenceDate = new LocalDate(2025, 1, 1), Victims = [new QualifyVictim(), new QualifyVictim { Citizenship = "Indonesia" }] } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Qualify_ThrowsNamingField_GivenBadInput(string field, QualifyRequest request) =>
        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => TraffickingQualifier.Qualify(request, Clock)).Field);
}
