using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation;

namespace TaskForce.Domain.Tests.Estimation;

public sealed class MultipleSystemsEstimatorDegenerateTests
{
    [Fact]
    public void Estimate_Throws_GivenTwoListsThatShareNobody()
    {
        // Lincoln–Petersen N = n1·n2/m with m = 0: no finite estimate. The LP forces the AB cell to 0.
        CaptureHistoryTable table = CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 10), new([0, 1], 5)]);

        var ex = Assert.Throws<DomainValidationException>(() => MultipleSystemsEstimator.Estimate(table));

        Assert.Equal("rows", ex.Field);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_EqualsLincolnPetersen_GivenTwoOverlappingLists()
    {
        // Two lists: n1 = 60, n2 = 50, m = 20 on both. The independence MLE of the unseen cell is
        // (n1 − m)(n2 − m)/m = 40·30/20 = 60, so N = 90 + 60 = 150 = n1·n2/m.
        CaptureHistoryTable table = CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 40), new([0, 1], 30), new([1, 1], 20)]);

        MseEstimate result = MultipleSystemsEstimator.Estimate(table, new MseOptions { Model = MseModel.Independence });

        Assert.Equal(150.0, result.Estimate, 9);
        Assert.Equal(60.0, result.DarkFigure, 9);
        // se(log dark figure)² = 1/40 + 1/30 + 1/20 (the log odds ratio's variance).
        double se = Math.Sqrt((1.0 / 40) + (1.0 / 30) + (1.0 / 20));
        Assert.Equal(90 + (60 * Math.Exp(-1.959963984540054 * se)), result.Wald.Low, 6);
        Assert.Equal(90 + (60 * Math.Exp(1.959963984540054 * se)), result.Wald.High, 6);
    }

    [Fact]
    public void Estimate_WarnsFewPersonsOnSeveralLists_GivenNinePersonsInOverlaps()
    {
        // 4 on A and B, 3 on A and C, 2 on all three: 9 persons seen twice or more, one below the cut-off of 10.
        CaptureHistoryTable table = CaptureHistoryTable.Create(
            ["A", "B", "C"],
            [new([1, 0, 0], 30), new([0, 1, 0], 20), new([0, 0, 1], 15), new([1, 1, 0], 4), new([1, 0, 1], 3), new([1, 1, 1], 2)]);

        MseEstimate result = MultipleSystemsEstimator.Estimate(table, new MseOptions { Model = MseModel.Independence });

        MseWarning warning = Assert.Single(result.Warnings, w => w.Code == "few_persons_on_several_lists");
        Assert.Contains("Only 9 persons", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_DoesNotWarnFewPersons_GivenTenPersonsInOverlaps()
    {
        CaptureHistoryTable table = CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 40), new([0, 1], 30), new([1, 1], 10)]);

        MseEstimate result = MultipleSystemsEstimator.Estimate(table, new MseOptions { Model = MseModel.Independence });

        Assert.DoesNotContain(result.Warnings, w => w.Code == "few_persons_on_several_lists");
    }

    [Fact]
    public void Estimate_WarnsListWithoutOverlap_GivenIsolatedThirdList()
    {
        CaptureHistoryTable table = CaptureHistoryTable.Create(
            ["A", "B", "C"], [new([1, 0, 0], 30), new([0, 1, 0], 20), new([1, 1, 0], 6), new([0, 0, 1], 9)]);

        MseEstimate result = MultipleSystemsEstimator.Estimate(table, new MseOptions { Model = MseModel.Independence });

        MseWarning warning = Assert.Single(result.Warnings, w => w.Code == "list_without_overlap");
        Assert.Contains("'C'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == "empty_overlap_pairs");
    }

    [Fact]
    public void Estimate_Throws_GivenFixedModelThatIsNotIdentifiable()
    {
        // A:C and B:C share nobody, so with every two-list term the cells AC, BC, ABC leave the fit: 4 cells for
        // 5 parameters (intercept, A, B, C, A:B) — rank deficient (checkident code 2).
        CaptureHistoryTable table = CaptureHistoryTable.Create(
            ["A", "B", "C"], [new([1, 0, 0], 30), new([0, 1, 0], 20), new([1, 1, 0], 6), new([0, 0, 1], 9)]);

        var ex = Assert.Throws<DomainValidationException>(() => MultipleSystemsEstimator.Estimate(
            table, new MseOptions { Model = MseModel.Fixed, FixedPairs = [.. ListPair.All(3)] }));

        Assert.Equal("fixed_pairs", ex.Field);
        Assert.Contains("not identifiable", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, 0.95, "p_threshold")]
    [InlineData(1.5, 0.95, "p_threshold")]
    [InlineData(0.02, 1.0, "ci_level")]
    [InlineData(0.02, 0.0, "ci_level")]
    public void Estimate_Throws_GivenOptionOutOfRange(double pThreshold, double level, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => MultipleSystemsEstimator.Estimate(
            MseReference.Table("UKdat_5"), new MseOptions { PThreshold = pThreshold, ConfidenceLevel = level }));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Estimate_GivesIndependenceModel_GivenStepwiseWithThresholdZero()
    {
        MseEstimate result = MultipleSystemsEstimator.Estimate(MseReference.Table("UKdat_5"), new MseOptions { PThreshold = 0 });

        Assert.Equal(["LA", "NG", "PFNCA", "GO", "GP"], result.Terms);
        MseReference.Relative(
            MseReference.Number(MseReference.Result("UKdat_5", "main_effects"), "estimate"), result.Estimate, 1e-9, "estimate");
    }

    [Fact]
    public void Estimate_IsReproducible_GivenSameSeed()
    {
        CaptureHistoryTable table = MseReference.Table("UKdat_5");
        var options = new MseOptions { Model = MseModel.Independence, ProfileInterval = false, Bootstrap = new BootstrapOptions { Resamples = 200, Seed = 7 } };

        MseBootstrap first = MultipleSystemsEstimator.Estimate(table, options).Bootstrap!;
        MseBootstrap second = MultipleSystemsEstimator.Estimate(table, options).Bootstrap!;
        MseBootstrap other = MultipleSystemsEstimator.Estimate(table, options with { Bootstrap = new BootstrapOptions { Resamples = 200, Seed = 8 } }).Bootstrap!;

        Assert.Equal(first.Interval, second.Interval);
        Assert.NotEqual(first.ResampleMean, other.ResampleMean);
    }
}
