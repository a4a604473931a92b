using System.Globalization;
using NodaTime;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Estimation;

/// <summary>The hidden-victim section of a snapshot from linked lists, with the numbers worked out by hand
/// (Lincoln–Petersen for two lists) or from <see cref="MultipleSystemsEstimator"/> on a table written by hand.</summary>
public sealed class HiddenVictimIndicatorsTests
{
    private const double Z975 = 1.959963984540054; // Φ⁻¹(0.975)
    private const long Population = 276032; // 53.03 in 2025, src/TaskForce.Domain/Indicators/Data/population.csv (Dukcapil)
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly ReportingPeriod Year2025 = ReportingPeriod.Parse("2025");

    private static VictimListEntry Entry(string list, string id, string? nik, string? name, Sex sex = Sex.Female, LocalDate? birth = null) => new()
    {
        List = list,
        RecordId = id,
        Nik = nik,
        Name = name,
        BirthDate = birth,
        Kecamatan = "53.03.05",
        Sex = sex,
        ChildStatus = ChildStatus.Adult,
        Form = ExploitationForm.LabourExploitation,
        IdentifiedOn = new LocalDate(2025, 6, 1),
    };

    private static string Nik(int list, int i) => string.Create(CultureInfo.InvariantCulture, $"530305{list:D2}{i:D8}");

    /// <summary>30 on the police list only (the first <paramref name="males"/> of them men), 20 on the UPTD PPA list
    /// only, 10 on both by the same NIK, and one woman on both without a NIK whose name is spelt differently.</summary>
    private static List<VictimListEntry> TwoLists(int males = 0)
    {
        var entries = new List<VictimListEntry>();
        for (int i = 0; i < 30; i++)
        {
            entries.Add(Entry("police", $"p{i}", Nik(1, i), $"Korban Polisi {i}", i < males ? Sex.Male : Sex.Female));
        }

        for (int i = 0; i < 20; i++)
        {
            entries.Add(Entry("uptd_ppa", $"u{i}", Nik(2, i), $"Korban UPTD {i}"));
        }

        for (int i = 0; i < 10; i++)
        {
            entries.Add(Entry("police", $"pb{i}", Nik(3, i), $"Korban Bersama {i}"));
            entries.Add(Entry("uptd_ppa", $"ub{i}", Nik(3, i), $"Korban Bersama {i}"));
        }

        entries.Add(Entry("police", "pm", null, "Maria Goreti Taek", birth: new LocalDate(2006, 4, 12)));
        entries.Add(Entry("uptd_ppa", "um", null, "Maria Gorety Taek", birth: new LocalDate(2006, 4, 12)));
        return entries;
    }

    private static LinkageResult Link(IEnumerable<VictimListEntry> entries, params string[] lists) =>
        new RecordLinker(new LinkageOptions { DistrictSecret = Secret, Lists = lists.Length == 0 ? null : lists }).Link(entries);

    private static IndicatorValue DetectedRate(decimal value) =>
        new("sdg_16_2_2", value, "per_100000", false, []) { Population = new PopulationDenominator(Population, 2025, "civil_registry", "Dukcapil 2025") };

    private static (double Dark, double N, double Low, double High) LincolnPetersen(int n10, int n01, int n11)
    {
        double dark = (double)n10 * n01 / n11;
        double n = n10 + n01 + n11;
        double se = Math.Sqrt((1.0 / n10) + (1.0 / n01) + (1.0 / n11)); // se of the log odds ratio = se of log dark
        return (dark, n + dark, n + (dark * Math.Exp(-Z975 * se)), n + (dark * Math.Exp(Z975 * se)));
    }

    private static decimal R1(double v) => Math.Round((decimal)v, 1, MidpointRounding.AwayFromZero);

    private static decimal Per100K(double v) => Math.Round((decimal)(v / Population * 100_000), 2, MidpointRounding.AwayFromZero);

    [Fact]
    public void Compute_EqualsLincolnPetersenByHand_GivenTwoListsLinkedByNikAndByFuzzyName()
    {
        var section = HiddenVictimIndicators.Compute(Link(TwoLists(), "police", "uptd_ppa"), [DetectedRate(22.46m)], Year2025, 11);

        // n10 = 30, n01 = 20, n11 = 10 by NIK + 1 by name: dark = 30·20/11 = 54.545…, N = 61 + 54.545… = 115.545…
        var (dark, n, low, high) = LincolnPetersen(30, 20, 11);
        var o = section.Overall;
        Assert.Equal(HiddenVictimFigure.Estimated, o.Status);
        Assert.Null(o.Reason);
        Assert.Equal(61, o.Observed);
        Assert.Equal(["police", "uptd_ppa"], o.Lists);
        Assert.Equal(["police", "uptd_ppa"], o.Terms); // stepwise cannot add police:uptd_ppa (3 cells, 4 parameters)
        Assert.Equal(54.5m, R1(dark));
        Assert.Equal(R1(dark), o.DarkFigure);
        Assert.Equal(115.5m, o.Estimate);
        Assert.Equal(R1(n), o.Estimate);
        Assert.Equal(new HiddenVictimInterval(R1(low), R1(high)), o.Wald);
        Assert.Equal(new HiddenVictimInterval(85.1m, 184.6m), o.Wald);
        Assert.NotNull(o.Profile);
        Assert.True(o.Profile!.Low > 61 && o.Profile.Low < 115.5m && o.Profile.High > 115.5m);

        // SDG 16.2.2 with the estimate: N / 276,032 × 100,000 = 41.86, beside the detected 22.46.
        Assert.Equal(41.86m, Per100K(n));
        Assert.Equal(new HiddenVictimRate(Per100K(n), new HiddenVictimInterval(Per100K(low), Per100K(high)), o.Rate!.Profile), o.Rate);
        Assert.Equal(22.46m, section.DetectedRate);
        Assert.Equal(Population, section.Population!.Value);
        Assert.Contains(section.Notes, w => w.Code == "bca_bootstrap_not_computed");
    }

    [Fact]
    public void Compute_GivesTheProfileIntervalOfTheEstimator_GivenTheSameTableWrittenByHand()
    {
        var section = HiddenVictimIndicators.Compute(Link(TwoLists(), "police", "uptd_ppa"), [], Year2025, 11);
        var table = CaptureHistoryTable.Parse("police,uptd_ppa,count\n1,0,30\n0,1,20\n1,1,11");

        var reference = MultipleSystemsEstimator.Estimate(table);

        Assert.Equal(new HiddenVictimInterval(R1(reference.Profile!.Low), R1(reference.Profile.High)), section.Overall.Profile);
        Assert.Null(section.Overall.Rate); // no population: no rate
        Assert.Contains(section.Notes, w => w.Code == "no_population");
    }

    [Fact]
    public void Compute_EqualsTheEstimatorOnAHandTable_GivenThreeLists()
    {
        // Patterns (ngo, police, uptd_ppa): 100: 15, 010: 40, 001: 25, 110: 5, 101: 6, 011: 8, 111: 3 → 102 persons.
        var entries = new List<VictimListEntry>();
        int person = 0;
        void Add(int count, params string[] lists)
        {
            for (int i = 0; i < count; i++, person++)
            {
                foreach (string list in lists)
                {
                    entries.Add(Entry(list, $"r{person}", Nik(9, person), $"Orang {person}"));
                }
            }
        }

        Add(15, "ngo");
        Add(40, "police");
        Add(25, "uptd_ppa");
        Add(5, "ngo", "police");
        Add(6, "ngo", "uptd_ppa");
        Add(8, "police", "uptd_ppa");
        Add(3, "ngo", "police", "uptd_ppa");
        var table = CaptureHistoryTable.Parse("ngo,police,uptd_ppa,count\n1,0,0,15\n0,1,0,40\n0,0,1,25\n1,1,0,5\n1,0,1,6\n0,1,1,8\n1,1,1,3");

        var section = HiddenVictimIndicators.Compute(Link(entries, "ngo", "police", "uptd_ppa"), [DetectedRate(0m)], Year2025, 11);
        var reference = MultipleSystemsEstimator.Estimate(table, new MseOptions { Model = MseModel.Stepwise, PThreshold = 0.02 });

        var o = section.Overall;
        Assert.Equal(HiddenVictimFigure.Estimated, o.Status);
        Assert.Equal(102, o.Observed);
        Assert.Equal(reference.Terms, o.Terms);
        Assert.Equal(R1(reference.DarkFigure), o.DarkFigure);
        Assert.Equal(R1(reference.Estimate), o.Estimate);
        Assert.Equal(new HiddenVictimInterval(R1(reference.Wald.Low), R1(reference.Wald.High)), o.Wald);
        Assert.Equal(new HiddenVictimInterval(R1(reference.Profile!.Low), R1(reference.Profile.High)), o.Profile);
        Assert.Equal(Per100K(reference.Estimate), o.Rate!.Estimated);

        // Everyone is a woman, adult, forced labour: that stratum is everyone; the other 35 have nobody.
        var stratum = Assert.Single(section.Strata, s => s.Figure.Reason != "no_persons");
        Assert.Equal(("female", "adult", "forced_labour"), (stratum.Sex, stratum.AgeGroup, stratum.ExploitationForm));
        Assert.Equal(o.Estimate, stratum.Figure.Estimate);
        Assert.Equal(36, section.Strata.Count);
    }

    [Fact]
    public void Compute_WithholdsTheSmallStratumAndItsComplement_GivenFiveMenAndK11()
    {
        var section = HiddenVictimIndicators.Compute(Link(TwoLists(males: 5), "police", "uptd_ppa"), [], Year2025, 11);

        Assert.Equal(115.5m, section.Overall.Estimate); // strata do not change the overall estimate
        var men = section.Strata.Single(s => s is { Sex: "male", AgeGroup: "adult", ExploitationForm: "forced_labour" }).Figure;
        var women = section.Strata.Single(s => s is { Sex: "female", AgeGroup: "adult", ExploitationForm: "forced_labour" }).Figure;
        Assert.Equal(("fewer_than_k_persons", (long?)null, true), (men.Reason, men.Observed, men.ObservedSuppressed));
        Assert.Null(men.Estimate);

        // 61 = women + 5 men: showing the women's 56 would give the men's 5 back, so it is withheld too.
        Assert.Equal(("suppressed", (long?)null, true), (women.Reason, women.Observed, women.ObservedSuppressed));
        Assert.Null(women.Estimate);
        Assert.Null(women.Wald);
    }

    [Fact]
    public void Compute_EstimatesTheWomenByHand_GivenFiveMenAndK5()
    {
        var section = HiddenVictimIndicators.Compute(Link(TwoLists(males: 5), "police", "uptd_ppa"), [DetectedRate(22.46m)], Year2025, 5);

        var men = section.Strata.Single(s => s is { Sex: "male", AgeGroup: "adult", ExploitationForm: "forced_labour" }).Figure;
        var women = section.Strata.Single(s => s is { Sex: "female", AgeGroup: "adult", ExploitationForm: "forced_labour" }).Figure;

        // The men are on the police list only: one list, no estimate, but their count (5 = k) is shown.
        Assert.Equal(("fewer_than_two_lists", (long?)5, false), (men.Reason, men.Observed, men.ObservedSuppressed));
        Assert.Equal(["police"], men.Lists);

        // Women: n10 = 25, n01 = 20, n11 = 11: dark = 500/11 = 45.45…, N = 56 + 45.45… = 101.45…
        var (dark, n, low, high) = LincolnPetersen(25, 20, 11);
        Assert.Equal(56, women.Observed);
        Assert.Equal(R1(dark), women.DarkFigure);
        Assert.Equal(101.5m, women.Estimate);
        Assert.Equal(R1(n), women.Estimate);
        Assert.Equal(new HiddenVictimInterval(R1(low), R1(high)), women.Wald);
        Assert.Equal(Per100K(n), women.Rate!.Estimated); // over the whole population, as the sdg_16_2_2 cells
    }

    [Fact]
    public void Compute_WithholdsAStratumWhoseDetectedCellIsWithheld_GivenK5()
    {
        var withheld = new IndicatorValue("sdg_16_2_2", null, "per_100000", true,
            [new("sex", "female"), new("age_group", "adult"), new("exploitation_form", "forced_labour")]);

        var section = HiddenVictimIndicators.Compute(Link(TwoLists(males: 5), "police", "uptd_ppa"), [DetectedRate(22.46m), withheld], Year2025, 5);

        var women = section.Strata.Single(s => s is { Sex: "female", AgeGroup: "adult", ExploitationForm: "forced_labour" }).Figure;
        var men = section.Strata.Single(s => s is { Sex: "male", AgeGroup: "adult", ExploitationForm: "forced_labour" }).Figure;
        Assert.Equal(("suppressed", (long?)null), (women.Reason, women.Observed));
        Assert.Null(women.Estimate);
        Assert.Equal(("suppressed", (long?)null), (men.Reason, men.Observed)); // else 61 − 5 gives the women back
        Assert.Equal(61, section.Overall.Observed);
    }

    [Fact]
    public void Compute_SaysNotEstimatedWithoutNumbers_GivenOneList()
    {
        var entries = TwoLists().Where(e => e.List == "police").ToList();

        var section = HiddenVictimIndicators.Compute(Link(entries), [DetectedRate(22.46m)], Year2025, 11);

        var o = section.Overall;
        Assert.Equal((HiddenVictimFigure.NotEstimated, "fewer_than_two_lists"), (o.Status, o.Reason));
        Assert.Equal(41, o.Observed);
        Assert.Equal((null, null, null, null, null), (o.DarkFigure, o.Estimate, o.Wald, o.Profile, o.Rate));
        Assert.Empty(o.Terms);
        Assert.Empty(section.Strata);
        Assert.Contains(o.Warnings, w => w.Code == "fewer_than_two_lists");
    }

    [Fact]
    public void Compute_WarnsAndGivesNoNumber_GivenTwoListsWithoutOverlap()
    {
        var entries = TwoLists().Where(e => !e.RecordId.StartsWith("ub", StringComparison.Ordinal) && e.RecordId != "um").ToList();

        var section = HiddenVictimIndicators.Compute(Link(entries, "police", "uptd_ppa"), [DetectedRate(22.46m)], Year2025, 11);

        var o = section.Overall;
        Assert.Equal((HiddenVictimFigure.NotEstimated, "lists_do_not_overlap"), (o.Status, o.Reason));
        Assert.Equal(61, o.Observed); // 41 police, 20 UPTD PPA, nobody on both
        Assert.Null(o.Estimate);
        Assert.Null(o.Rate);
        Assert.Equal(["police", "uptd_ppa"], o.Warnings.Where(w => w.Code == "list_without_overlap").Select(w => w.Message.Split('\'')[1]));
    }

    [Fact]
    public void Compute_EstimatesWithAWarning_GivenAThirdListThatOverlapsNoOther()
    {
        var entries = TwoLists();
        entries.AddRange(Enumerable.Range(0, 12).Select(i => Entry("ngo", $"n{i}", Nik(4, i), $"Korban LSM {i}")));

        var section = HiddenVictimIndicators.Compute(Link(entries, "ngo", "police", "uptd_ppa"), [], Year2025, 11);

        Assert.Equal(HiddenVictimFigure.Estimated, section.Overall.Status);
        var warning = Assert.Single(section.Overall.Warnings, w => w.Code == "list_without_overlap");
        Assert.Contains("'ngo'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SaysNoLinkageInput_GivenNoLinkage()
    {
        var section = HiddenVictimIndicators.Compute(null, [], Year2025, 11);

        Assert.Equal((HiddenVictimFigure.NotEstimated, "no_linkage_input"), (section.Overall.Status, section.Overall.Reason));
        Assert.Null(section.Overall.Observed);
        Assert.Empty(section.Strata);
    }

    [Fact]
    public void Compute_WithholdsEverything_GivenFewerPersonsThanK()
    {
        var section = HiddenVictimIndicators.Compute(Link(TwoLists(), "police", "uptd_ppa"), [], Year2025, 62);

        Assert.Equal(("fewer_than_k_persons", (long?)null, true), (section.Overall.Reason, section.Overall.Observed, section.Overall.ObservedSuppressed));
        Assert.Null(section.Overall.Estimate);
        Assert.All(section.Strata, s => Assert.Null(s.Figure.Estimate));
    }

    [Fact]
    public void Compute_NamesNoRecord_GivenLinkageWarnings()
    {
        var entries = TwoLists();
        entries.Add(Entry("police", "bad-nik-record", "12345", "Yohana Abi", birth: new LocalDate(1999, 1, 1)));

        var section = HiddenVictimIndicators.Compute(Link(entries, "police", "uptd_ppa"), [], Year2025, 11);

        var warning = Assert.Single(section.Overall.Warnings, w => w.Code == "linkage_malformed_nik");
        Assert.DoesNotContain("bad-nik-record", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", warning.Message, StringComparison.Ordinal);
    }
}
