using System.Text.Json;
using TaskForce.Domain.Estimation;

namespace TaskForce.Domain.Tests.Estimation;

/// <summary>
/// The port against SparseMSE 2.0.2 in R 4.2.2 (samples/mse/reference.json): on every data set, for the
/// independence model and for stepwise selection, the terms (in the order added), the estimate, the Wald interval and
/// the profile-likelihood interval equal the reference to 1e-6 relative.
/// </summary>
public sealed class MultipleSystemsEstimatorReferenceTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> DataSets => new() { "UKdat", "UKdat_5", "Ned", "Ned_5" };

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Estimate_EqualsSparseMse_GivenIndependenceModel(string dataSet)
    {
        JsonElement reference = MseReference.Result(dataSet, "main_effects");

        MseEstimate result = MultipleSystemsEstimator.Estimate(
            MseReference.Table(dataSet), new MseOptions { Model = MseModel.Independence });

        Assert.Equal(MseReference.Strings(reference, "terms"), result.Terms);
        Assert.Empty(result.EmptyOverlapTerms);
        MseReference.Relative(MseReference.Number(reference, "estimate"), result.Estimate, Tolerance, "estimate");
        MseReference.Relative(MseReference.Number(reference, "dark_figure"), result.DarkFigure, Tolerance, "dark figure");
        MseReference.Relative(MseReference.Number(reference, "ci_low"), result.Wald.Low, Tolerance, "Wald low");
        MseReference.Relative(MseReference.Number(reference, "ci_high"), result.Wald.High, Tolerance, "Wald high");
        MseReference.Relative(MseReference.Number(reference, "profile_ci_low"), result.Profile!.Low, Tolerance, "profile low");
        MseReference.Relative(MseReference.Number(reference, "profile_ci_high"), result.Profile.High, Tolerance, "profile high");
        MseReference.Relative(MseReference.Number(reference, "se_intercept"), result.Coefficients[0].StandardError, Tolerance, "se(intercept)");
        MseReference.Relative(MseReference.Number(reference, "deviance"), result.Deviance, Tolerance, "deviance");
        MseReference.Relative(MseReference.Number(reference, "aic_sparsemse"), result.Aic, Tolerance, "AIC");
        Assert.Equal(reference.GetProperty("df_residual").GetInt32(), result.ResidualDf);
        Assert.Equal(reference.GetProperty("n_cells_in_glm").GetInt32(), result.CellsInFit);
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Estimate_EqualsSparseMse_GivenStepwiseSelection(string dataSet)
    {
        JsonElement reference = MseReference.Result(dataSet, "stepwise");

        MseEstimate result = MultipleSystemsEstimator.Estimate(MseReference.Table(dataSet));

        Assert.Equal(MseReference.Strings(reference, "terms"), result.Terms);
        Assert.Equal(MseReference.Strings(reference, "emptyoverlap_terms"), result.EmptyOverlapTerms);
        MseReference.Relative(MseReference.Number(reference, "estimate"), result.Estimate, Tolerance, "estimate");
        MseReference.Relative(MseReference.Number(reference, "wald_ci_low"), result.Wald.Low, Tolerance, "Wald low");
        MseReference.Relative(MseReference.Number(reference, "wald_ci_high"), result.Wald.High, Tolerance, "Wald high");
        MseReference.Relative(MseReference.Number(reference, "profile_ci_low"), result.Profile!.Low, Tolerance, "profile low");
        MseReference.Relative(MseReference.Number(reference, "profile_ci_high"), result.Profile.High, Tolerance, "profile high");
        MseReference.Relative(MseReference.Number(reference, "se_intercept"), result.Coefficients[0].StandardError, Tolerance, "se(intercept)");
        MseReference.Relative(MseReference.Number(reference, "deviance"), result.Deviance, Tolerance, "deviance");
        Assert.Equal(reference.GetProperty("df_residual").GetInt32(), result.ResidualDf);

        JsonElement[] steps = [.. reference.GetProperty("steps").EnumerateArray()];
        Assert.Equal(steps.Length, result.Steps.Count);
        for (int i = 0; i < steps.Length; i++)
        {
            Assert.Equal(steps[i].GetProperty("added").GetString(), result.Steps[i].Term);
            Assert.Equal(steps[i].GetProperty("observed_overlap").GetInt64(), result.Steps[i].ObservedOverlap);
            MseReference.Relative(steps[i].GetProperty("expected_overlap").GetDouble(), result.Steps[i].ExpectedOverlap, Tolerance, $"step {i + 1} expected overlap");
            MseReference.Relative(steps[i].GetProperty("pvalue").GetDouble(), result.Steps[i].PValue, Tolerance, $"step {i + 1} p-value");
        }

        foreach (KeyValuePair<string, double> coefficient in reference.GetProperty("coefficients").EnumerateObject()
                     .Select(p => KeyValuePair.Create(p.Name, p.Value.GetDouble())))
        {
            MseCoefficient actual = result.Coefficients.Single(c => c.Term == coefficient.Key);
            MseReference.Relative(coefficient.Value, actual.Estimate, Tolerance, $"coefficient {coefficient.Key}");
        }

        if (reference.TryGetProperty("poisspempty", out JsonElement empty) && empty.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in empty.EnumerateObject())
            {
                MseEmptyOverlap actual = result.EmptyOverlapProbabilities.Single(e => e.Term == p.Name);
                MseReference.Relative(p.Value.GetDouble(), actual.Probability, Tolerance, $"poisspempty {p.Name}");
            }
        }
        else
        {
            Assert.Empty(result.EmptyOverlapProbabilities);
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Estimate_EqualsSparseMse_GivenAllOrOnlyOverlappingTwoListTerms(string dataSet)
    {
        CaptureHistoryTable table = MseReference.Table(dataSet);
        int k = table.ListCount;
        ListPair[] all = [.. ListPair.AllInGridOrder(k)];
        ListPair[] overlapping = [.. all.Where(p => table.PairOverlap(p.First, p.Second) > 0)];

        foreach ((string model, ListPair[] pairs) in new[] { ("all_two_list", all), ("nonempty_two_list", overlapping) })
        {
            JsonElement reference = MseReference.Result(dataSet, model);
            MseEstimate result = MultipleSystemsEstimator.Estimate(table, new MseOptions { Model = MseModel.Fixed, FixedPairs = pairs });

            Assert.Equal(MseReference.Strings(reference, "terms"), result.Terms);
            Assert.Equal(MseReference.Strings(reference, "emptyoverlap_terms"), result.EmptyOverlapTerms);
            MseReference.Relative(MseReference.Number(reference, "estimate"), result.Estimate, Tolerance, model + " estimate");
            MseReference.Relative(MseReference.Number(reference, "ci_low"), result.Wald.Low, Tolerance, model + " Wald low");
            MseReference.Relative(MseReference.Number(reference, "ci_high"), result.Wald.High, Tolerance, model + " Wald high");
            MseReference.Relative(MseReference.Number(reference, "profile_ci_low"), result.Profile!.Low, Tolerance, model + " profile low");
            MseReference.Relative(MseReference.Number(reference, "profile_ci_high"), result.Profile.High, Tolerance, model + " profile high");
            MseReference.Relative(MseReference.Number(reference, "aic_sparsemse"), result.Aic, Tolerance, model + " AIC");
            Assert.Equal(reference.GetProperty("n_cells_in_glm").GetInt32(), result.CellsInFit);
        }
    }
}
