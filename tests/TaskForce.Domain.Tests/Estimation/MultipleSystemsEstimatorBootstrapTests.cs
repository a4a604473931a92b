using System.Globalization;
using System.Text.Json;
using TaskForce.Domain.Estimation;

namespace TaskForce.Domain.Tests.Estimation;

/// <summary>
/// The BCa bootstrap (1,000 resamples, seed 1234) against SparseMSE 2.0.2 in R 4.2.2 (reference.json). The resamples
/// use R's random numbers (Mersenne-Twister seeded as <c>set.seed(1234)</c>, <c>rmultinom</c>), so every BCa quantile,
/// the jackknife acceleration and the mean and standard deviation of the 1,000 resample estimates must equal R's to
/// 1e-6 relative — far inside the 5% tolerance, which was set for a different generator.
/// </summary>
public sealed class MultipleSystemsEstimatorBootstrapTests
{
    public static TheoryData<string, MseModel> Cases => new()
    {
        { "UKdat", MseModel.Independence },
        { "UKdat_5", MseModel.Independence },
        { "Ned", MseModel.Independence },
        { "Ned_5", MseModel.Independence },
        { "UKdat", MseModel.Stepwise },
        { "UKdat_5", MseModel.Stepwise },
        { "Ned", MseModel.Stepwise },
        { "Ned_5", MseModel.Stepwise },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bootstrap_EqualsSparseMse_GivenDefaultResamplesAndSeed(string dataSet, MseModel model)
    {
        bool stepwise = model == MseModel.Stepwise;
        JsonElement reference = MseReference.Result(dataSet, stepwise ? "stepwise" : "main_effects");

        MseEstimate result = MultipleSystemsEstimator.Estimate(
            MseReference.Table(dataSet), new MseOptions { Model = model, ProfileInterval = false, Bootstrap = new BootstrapOptions() });

        MseBootstrap boot = result.Bootstrap!;
        Assert.Equal(1000, boot.Resamples);
        Assert.Equal(0, boot.FailedResamples);
        Assert.Equal(1234, boot.Seed);
        MseReference.Relative(MseReference.Number(reference, stepwise ? "ahat" : "bca_ahat"), boot.Acceleration, 1e-6, "acceleration");
        MseReference.Relative(MseReference.Number(reference, stepwise ? "ci_low" : "bca_ci_low"), boot.Interval.Low, 1e-6, "BCa low");
        MseReference.Relative(MseReference.Number(reference, stepwise ? "ci_high" : "bca_ci_high"), boot.Interval.High, 1e-6, "BCa high");
        foreach (JsonProperty q in reference.GetProperty("bca_quantiles").EnumerateObject())
        {
            double probability = double.Parse(q.Name, CultureInfo.InvariantCulture);
            MseReference.Relative(q.Value.GetDouble(), boot.Quantiles[probability], 1e-6, $"BCa quantile {q.Name}");
        }

        if (stepwise)
        {
            MseReference.Relative(MseReference.Number(reference, "boot_mean"), boot.ResampleMean, 1e-6, "resample mean");
            MseReference.Relative(MseReference.Number(reference, "boot_sd"), boot.ResampleStandardDeviation, 1e-6, "resample sd");
        }
    }
}
