using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.CourtOutcomes;

public sealed class CourtVerdictTests
{
    [Theory]
    [InlineData("27/Pid.Sus/2019/PN KPG")]
    [InlineData("27/Pid.sus/2019/PN Kpg")]
    [InlineData("27/Pid.Sus/2019/PN  Kpg")]
    [InlineData("27 / Pid.Sus / 2019 / PN Kpg")]
    [InlineData(" 27/Pid.Sus/2019/PN\tKpg ")]
    public void CaseNumberIdentityOf_ReturnsTheUpperCaseSingleSpacedForm_GivenATypingVariant(string typed)
    {
        Assert.Equal("27/PID.SUS/2019/PN KPG", CourtVerdict.CaseNumberIdentityOf(typed));
    }

    [Theory]
    [InlineData("victims_count")]
    [InlineData("victims_children_count")]
    [InlineData("sentence_prison_months")]
    [InlineData("fine_rupiah")]
    [InlineData("restitution_rupiah")]
    [InlineData("fine_substitute_days")]
    public void Create_ThrowsNamingTheField_GivenAValueAboveItsSanityLimit(string field)
    {
        var facts = field switch
        {
            "victims_count" => new CourtVerdictFacts { CaseNumber = "1", VictimsCount = 1_000_000_000 },
            "victims_children_count" => new CourtVerdictFacts { CaseNumber = "1", VictimsChildrenCount = 10_001 },
            "sentence_prison_months" => new CourtVerdictFacts { CaseNumber = "1", SentencePrisonMonths = int.MaxValue },
            "fine_rupiah" => new CourtVerdictFacts { CaseNumber = "1", FineIdr = long.MaxValue },
            "restitution_rupiah" => new CourtVerdictFacts { CaseNumber = "1", RestitutionIdr = 1_000_000_000_001 },
            _ => new CourtVerdictFacts { CaseNumber = "1", FineSubstituteDays = 36_526 },
        };

        var ex = Assert.Throws<DomainValidationException>(() => CourtVerdict.Create(facts));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Create_AcceptsTheLimitsThemselves_GivenValuesExactlyAtEachLimit()
    {
        var verdict = CourtVerdict.Create(new CourtVerdictFacts
        {
            CaseNumber = "1", VictimsCount = 10_000, VictimsChildrenCount = 10_000, SentencePrisonMonths = 1_200,
            FineIdr = 1_000_000_000_000, RestitutionIdr = 1_000_000_000_000, FineSubstituteDays = 36_525,
        });

        Assert.Equal(10_000, verdict.VictimPersons().Count);
        Assert.Equal(1_200, verdict.Facts.SentencePrisonMonths);
    }

    [Fact]
    public void Create_ThrowsOnDecisionDate_GivenADateAfterToday()
    {
        var today = new LocalDate(2026, 11, 29);

        var ex = Assert.Throws<DomainValidationException>(() => CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", DecisionDate = today.PlusDays(1) }, today));
        var same = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", DecisionDate = today }, today);

        Assert.Equal("decision_date", ex.Field);
        Assert.Contains("2026-11-30", ex.Message, StringComparison.Ordinal);
        Assert.Equal(today, same.Facts.DecisionDate);
    }

    [Fact]
    public void CaseNumberIdentity_KeepsTheDisplayedNumberAsPrinted_GivenExtraSpaces()
    {
        var verdict = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "27 / Pid.Sus / 2019 / PN  Kpg" });

        Assert.Equal("27 / Pid.Sus / 2019 / PN  Kpg", verdict.CaseNumber);
        Assert.Equal("27/PID.SUS/2019/PN KPG", verdict.CaseNumberIdentity);
    }

    [Fact]
    public void CaseNumberIdentityOf_KeepsNumbersApart_GivenDifferentSequenceOrCourt()
    {
        Assert.NotEqual(CourtVerdict.CaseNumberIdentityOf("27/Pid.Sus/2019/PN Kpg"), CourtVerdict.CaseNumberIdentityOf("28/Pid.Sus/2019/PN Kpg"));
        Assert.NotEqual(CourtVerdict.CaseNumberIdentityOf("27/Pid.Sus/2019/PN Kpg"), CourtVerdict.CaseNumberIdentityOf("27/Pid.Sus/2019/PN Kfm"));
        Assert.NotEqual(CourtVerdict.CaseNumberIdentityOf("2/7/Pid.Sus/2019"), CourtVerdict.CaseNumberIdentityOf("27/Pid.Sus/2019"));
    }

    [Fact]
    public void VictimPersons_PadsWithUnknownPersons_GivenCountAboveIdentifiedVictims()
    {
        var verdict = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", VictimsCount = 3, Victims = [new VerdictVictim(Sex.Female, 17, null)] });

        var persons = verdict.VictimPersons();

        Assert.Equal(3, persons.Count);
        Assert.Equal(Sex.Female, persons[0].Sex);
        Assert.Equal([Sex.Unknown, Sex.Unknown], persons.Skip(1).Select(p => p.Sex));
    }

    [Fact]
    public void VictimPersons_CountsTheListAndFlagsIt_GivenListLongerThanCount()
    {
        var verdict = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", VictimsCount = 1, Victims = [new(Sex.Male, null, null), new(Sex.Female, null, null)] });

        Assert.Equal(2, verdict.VictimPersons().Count);
        Assert.Contains(verdict.Issues, i => i.Code == "victims_list_longer_than_count");
    }

    [Fact]
    public void VictimPersons_OnePerListEntry_GivenNoCount()
    {
        var verdict = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", VictimsCount = null, Victims = [new(Sex.Male, null, null)] });

        Assert.Single(verdict.VictimPersons());
        Assert.Contains(verdict.Issues, i => i.Code == "missing_victims_count");
    }

    [Fact]
    public void Create_ReportsDetentionProblemsWithoutChangingThem_GivenMessyChain()
    {
        // Real pattern from 27/Pid.Sus/2019/PN Kpg: the prosecutor's period starts 10 Jan, the judge's extension ran to 11 Jan.
        var chain = new RecordedDetentionPeriod[]
        {
            new(null, "penyidik", new LocalDate(2018, 10, 14), new LocalDate(2018, 11, 2), 20),
            new(null, "perpanjangan ketua PN", new LocalDate(2018, 12, 13), new LocalDate(2019, 1, 11), 30),
            new(null, "penuntut umum", new LocalDate(2019, 1, 10), new LocalDate(2019, 1, 29), 20),
            new(null, "hakim PN", new LocalDate(2019, 2, 5), new LocalDate(2019, 1, 29), null),
            new(null, "hakim PN (2)", new LocalDate(2019, 2, 6), new LocalDate(2019, 2, 10), 4),
        };

        var verdict = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", DetentionPeriods = chain, DecisionDate = new LocalDate(2019, 5, 22), ArrestDate = new LocalDate(2018, 10, 13) });

        Assert.Equal(chain, verdict.Facts.DetentionPeriods);
        var detention = verdict.Issues.Where(i => i.Code.StartsWith("detention", StringComparison.Ordinal)).ToList();
        Assert.Equal(["detention_gap", "detention_overlap", "detention_period_ends_before_start", "detention_days_mismatch"], detention.Select(i => i.Code));
        Assert.Contains("40 day(s)", detention[0].Message, StringComparison.Ordinal); // 3 Nov to 12 Dec 2018: 28 + 12 days
        Assert.Contains("2 day(s)", detention[1].Message, StringComparison.Ordinal); // 10 and 11 Jan 2019
        Assert.Contains("5 days inclusive", detention[3].Message, StringComparison.Ordinal); // 6-10 Feb is 5 days
    }

    [Theory]
    [InlineData("", "case_number")]
    [InlineData("   ", "case_number")]
    public void Create_ThrowsNamingField_GivenNoCaseNumber(string caseNumber, string field) =>
        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = caseNumber })).Field);

    [Fact]
    public void Create_ThrowsNamingField_GivenNegativeFineOrBadCountryOrAge()
    {
        Assert.Equal("fine_rupiah", Assert.Throws<DomainValidationException>(() => CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", FineIdr = -1 })).Field);
        Assert.Equal("destination_country", Assert.Throws<DomainValidationException>(() => CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", DestinationCountry = "Malaysia" })).Field);
        Assert.Equal("victims[0].age", Assert.Throws<DomainValidationException>(() => CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "1", Victims = [new(Sex.Female, 131, null)] })).Field);
    }

    [Theory]
    [InlineData(true, 20, ChildStatus.Child)] // the verdict's mark wins (and the conflict is reported)
    [InlineData(false, 16, ChildStatus.Adult)]
    [InlineData(null, 17, ChildStatus.Child)]
    [InlineData(null, 18, ChildStatus.Adult)]
    [InlineData(null, null, ChildStatus.Unknown)]
    public void OfVerdictVictim_FollowsTheContractRule_GivenMarkAndAge(bool? child, int? age, ChildStatus expected) =>
        Assert.Equal(expected, AgeGroups.OfVerdictVictim(new VerdictVictim(Sex.Unknown, age, child)));
}
