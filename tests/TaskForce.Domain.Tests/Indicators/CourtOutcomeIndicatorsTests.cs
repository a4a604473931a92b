using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class CourtOutcomeIndicatorsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 0, 0);

    // A hand-made set. Expected values are worked out by hand in the comments.
    private static readonly CourtVerdict[] Verdicts =
    [
        // A: 2025, Pasal 2(1), 2 listed victims (girl 16, woman 25) of 3 counted; sexual; MY; 48 months; restitution 10m; arrest 100 days before.
        CourtVerdict.Create(new CourtVerdictFacts
        {
            CaseNumber = "A", DecisionDate = new LocalDate(2025, 4, 11), ArrestDate = new LocalDate(2025, 1, 1),
            ArticlesHeldProven = ["UU21/2007 Pasal 2 ayat (1) jo Pasal 17"], Participation = Participation.Perpetrator,
            Victims = [new(Sex.Female, 16, null), new(Sex.Female, 25, null)], VictimsCount = 3,
            ExploitationDescription = "sexual exploitation in a karaoke bar", DestinationCountry = "MY",
            SentencePrisonMonths = 48, RestitutionIdr = 10_000_000,
        }),
        // B: 2025, UU 18/2017 (other), attempt, 1 male adult; labour; no destination; 12 months; restitution 0; arrest 201 days before.
        CourtVerdict.Create(new CourtVerdictFacts
        {
            CaseNumber = "B", DecisionDate = new LocalDate(2025, 12, 31), ArrestDate = new LocalDate(2025, 6, 13),
            ArticlesHeldProven = ["UU18/2017 (PMI) Pasal 81 jo Pasal 69"], Participation = Participation.Attempt,
            Victims = [new(Sex.Male, null, false)], VictimsCount = 1,
            ExploitationDescription = "non-procedural placement on a plantation", SentencePrisonMonths = 12, RestitutionIdr = 0,
        }),
        // C: 2025, Pasal 4, no victims listed, count 2; no text; SG; no sentence; no arrest date.
        CourtVerdict.Create(new CourtVerdictFacts
        {
            CaseNumber = "C", DecisionDate = new LocalDate(2025, 1, 1), ArticlesHeldProven = ["UU21/2007 Pasal 4 jo Pasal 10"],
            VictimsCount = 2, DestinationCountry = "SG", RestitutionIdr = 5_500_000,
        }),
        // D: decided 2024-12-31 (outside 2025), E: no decision date (never in a period).
        CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "D", DecisionDate = new LocalDate(2024, 12, 31), VictimsCount = 5, SentencePrisonMonths = 200 }),
        CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "E", VictimsCount = 7 }),
    ];

    [Fact]
    public void Compute_CountsCasesVictimsSentencesRestitutionAndDelay_GivenHandMadeVerdicts()
    {
        var s = CourtOutcomeIndicators.Compute(Verdicts, RegionCode.All, ReportingPeriod.Parse("2025"), Now);

        Assert.Equal(3m, Value(s, "cases"));
        Assert.Equal(1m, Value(s, "cases", ("article", "UU21-2007:2(1)")));
        Assert.Equal(1m, Value(s, "cases", ("article", "UU21-2007:4")));
        Assert.Equal(1m, Value(s, "cases", ("article", "other")));
        Assert.Equal(1m, Value(s, "cases", ("participation", "perpetrator")));
        Assert.Equal(1m, Value(s, "cases", ("participation", "attempt")));
        Assert.Equal(1m, Value(s, "cases", ("participation", "unknown")));
        Assert.Equal(0m, Value(s, "cases", ("participation", "aiding")));

        // Persons: A 3 (F16 child, F25 adult, 1 unknown), B 1 (M adult), C 2 unknown = 6.
        Assert.Equal(6m, Value(s, "victims"));
        Assert.Equal(2m, Value(s, "victims", ("sex", "female")));
        Assert.Equal(1m, Value(s, "victims", ("sex", "male")));
        Assert.Equal(3m, Value(s, "victims", ("sex", "unknown")));
        Assert.Equal(1m, Value(s, "victims", ("age_group", "child")));
        Assert.Equal(2m, Value(s, "victims", ("age_group", "adult")));
        Assert.Equal(3m, Value(s, "victims", ("age_group", "unknown")));
        Assert.Equal(3m, Value(s, "victims", ("exploitation_form", "sexual_exploitation")));
        Assert.Equal(1m, Value(s, "victims", ("exploitation_form", "labour_exploitation")));
        Assert.Equal(2m, Value(s, "victims", ("exploitation_form", "unknown")));
        Assert.Equal(3m, Value(s, "victims", ("destination_country", "MY")));
        Assert.Equal(2m, Value(s, "victims", ("destination_country", "SG")));
        Assert.Equal(1m, Value(s, "victims", ("destination_country", "unknown")));
        Assert.Equal(1m, Value(s, "victims", ("sex", "female"), ("age_group", "child"), ("exploitation_form", "sexual_exploitation")));
        Assert.Equal(2m, Value(s, "victims", ("sex", "unknown"), ("age_group", "unknown"), ("exploitation_form", "unknown")));

        // Sentences 48 and 12: count 2, median 30, min 12, max 48.
        Assert.Equal(2m, Value(s, "sentence_months", ("stat", "count")));
        Assert.Equal(30m, Value(s, "sentence_months", ("stat", "median")));
        Assert.Equal(12m, Value(s, "sentence_months", ("stat", "min")));
        Assert.Equal(48m, Value(s, "sentence_months", ("stat", "max")));

        // Restitution above 0: A and C; 10,000,000 + 5,500,000.
        Assert.Equal(2m, Value(s, "restitution_ordered", ("stat", "cases")));
        Assert.Equal(15_500_000m, Value(s, "restitution_ordered", ("stat", "total_idr")));

        // Arrest to verdict: A 1 Jan to 11 Apr 2025 = 100 days; B 13 Jun to 31 Dec 2025 = 201 days; median 150.5.
        Assert.Equal(2m, Value(s, "days_arrest_to_verdict", ("stat", "count")));
        Assert.Equal(150.5m, Value(s, "days_arrest_to_verdict", ("stat", "median")));

        Assert.Equal(5, s.Coverage.RecordsRead);
        Assert.Equal(3, s.Coverage.RecordsInPeriod);
        Assert.Equal(1, s.Coverage.RecordsWithoutDate);
        Assert.All(s.Indicators, c => Assert.False(c.Suppressed));
    }

    [Fact]
    public void Compute_CountsOnlyTheRegion_GivenVerdictsAttributedToRegions()
    {
        var ttu = Verdicts[0].Facts with { CaseNumber = "T", Region = RegionCode.Parse("53.03.01") };
        var kupang = Verdicts[0].Facts with { CaseNumber = "K", Region = RegionCode.Parse("53.01") };
        var list = new[] { CourtVerdict.Create(ttu), CourtVerdict.Create(kupang), Verdicts[1] };

        Assert.Equal(1m, Value(CourtOutcomeIndicators.Compute(list, RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), Now), "cases"));
        Assert.Equal(3m, Value(CourtOutcomeIndicators.Compute(list, RegionCode.All, ReportingPeriod.Parse("2025"), Now), "cases"));
    }

    [Fact]
    public void Compute_LeavesOutAnArrestAfterTheDecision_GivenAnImpossibleDatePair()
    {
        // Real pattern (127/Pid.Sus/2024/PN Mpw): arrest printed 1 Dec 2024, decision 10 Jul 2024.
        var impossible = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "X", DecisionDate = new LocalDate(2024, 7, 10), ArrestDate = new LocalDate(2024, 12, 1) });
        var fine = CourtVerdict.Create(new CourtVerdictFacts { CaseNumber = "Y", DecisionDate = new LocalDate(2024, 7, 10), ArrestDate = new LocalDate(2024, 7, 1) });

        var s = CourtOutcomeIndicators.Compute([impossible, fine], RegionCode.All, ReportingPeriod.Parse("2024"), Now);

        Assert.Contains(impossible.Issues, i => i.Code == "arrest_after_decision");
        Assert.Equal(1m, Value(s, "days_arrest_to_verdict", ("stat", "count")));
        Assert.Equal(9m, Value(s, "days_arrest_to_verdict", ("stat", "median")));
    }

    [Fact]
    public void Compute_OmitsMedianMinMax_GivenNoSentences()
    {
        var s = CourtOutcomeIndicators.Compute([], RegionCode.All, ReportingPeriod.Parse("2025-Q3"), Now);

        Assert.Equal(0m, Value(s, "cases"));
        Assert.Equal(0m, Value(s, "sentence_months", ("stat", "count")));
        Assert.DoesNotContain(s.Indicators, c => c.Id == "sentence_months" && c.Disaggregation[0].Value == "median");
    }

    [Fact]
    public void Median_AveragesTheTwoMiddleValues_GivenEvenCount()
    {
        Assert.Equal(42m, Statistics.Median([60m, 12m, 48m, 36m]));
        Assert.Equal(36m, Statistics.Median([60m, 12m, 36m]));
        Assert.Throws<ArgumentException>(() => Statistics.Median([]));
    }

    private static decimal? Value(IndicatorSnapshot s, string id, params (string Key, string Value)[] dims) =>
        s.Indicators.Single(c => c.Id == id && c.Disaggregation.Select(d => (d.Key, d.Value)).SequenceEqual(dims)).Value;
}
