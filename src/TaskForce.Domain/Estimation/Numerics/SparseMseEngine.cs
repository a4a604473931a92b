namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>A fitted log-linear capture model: its design and Poisson fit.</summary>
internal sealed class ModelFit
{
    public ModelFit(LogLinearDesign design, PoissonGlmFit glm)
    {
        Design = design;
        Glm = glm;
    }

    public LogLinearDesign Design { get; }

    public PoissonGlmFit Glm { get; }

    /// <summary>Gets the intercept, the log of the expected number seen by no list.</summary>
    public double Intercept => Glm.Coefficients[0];

    /// <summary>Gets the intercept's standard error √[(XᵀWX)⁻¹]₁₁ (NaN without covariance).</summary>
    public double InterceptStandardError => Glm.Covariance is null ? double.NaN : Math.Sqrt(Glm.Covariance[0]);

    /// <summary>Gets SparseMSE's AIC: R's Poisson AIC plus 2 per empty-overlap term (<c>modelfit</c>).</summary>
    public double Aic =>
        PoissonGlm.MinusTwoLogLikelihood(Design.Y, Glm.Fitted) + (2.0 * Design.P) + (2.0 * Design.EmptyPairs.Length);

    /// <summary>Gets the residual degrees of freedom: cells in the fit minus columns.</summary>
    public int ResidualDf => Design.N - Design.P;

    /// <summary>Gets the observed total of the cells in the fit (the table's total: removed cells are empty).</summary>
    public double ObservedTotal => Design.Y.Sum();
}

/// <summary>One step of the stepwise selection.</summary>
/// <param name="Pair">The term added.</param>
/// <param name="Observed">People on both lists.</param>
/// <param name="Expected">Their expected number under the model before the step.</param>
/// <param name="PValue">The two-sided Poisson p-value min(P(X ≤ n), P(X ≥ n)).</param>
internal sealed record StepRecord(ListPair Pair, long Observed, double Expected, double PValue);

/// <summary>
/// SparseMSE 2.0.2's model fitting and stepwise selection (Chan, Silverman &amp; Vincent 2019, §3.2;
/// <c>modelfit</c>, <c>stepwisefit</c>, <c>estimatepopulation.0</c> in R/routines.R), reimplemented.
/// </summary>
internal sealed class SparseMseEngine
{
    /// <summary>Gets the existence/identifiability checker (with its rank cache and counters).</summary>
    public ExistenceCheck Checks { get; } = new();

    /// <summary>Fits a model (SparseMSE <c>modelfit(check = FALSE)</c>).</summary>
    public static ModelFit Fit(CaptureHistoryTable table, IReadOnlyList<ListPair> pairs, bool covariance)
    {
        LogLinearDesign design = LogLinearDesign.Build(table, pairs);
        PoissonGlmFit glm = PoissonGlm.Fit(design.X, design.N, design.P, design.Y, null, null, covariance);
        return new ModelFit(design, glm);
    }

    /// <summary>
    /// SparseMSE's <c>stepwisefit(zdat, pthresh)</c>. Starting from main effects, at each cycle every pair not yet in
    /// the model gets the p-value min(P(X ≤ n*), P(X ≥ n*)) of its observed overlap n* under a Poisson law whose mean
    /// is the current model's expected overlap (the sum of fitted values over cells containing both lists); a pair
    /// whose addition fails <c>checkident</c> gets p = 1. The pair with the smallest p-value (ties: first in the
    /// order 1:2, 1:3, …, 1:k, 2:3, …) is added while that p-value is below <paramref name="pThreshold"/>. A pair with
    /// no overlap can be added; its parameter is −∞ and its cells leave the fit. <paramref name="pThreshold"/> = 0
    /// fits main effects only; = 1 fits all pairs when that model passes <c>checkident</c>.
    /// </summary>
    /// <remarks>Equivalent to R's loop but lazier: candidates are checked in ascending p-value order and only
    /// while the p-value is below the threshold, so the linear program runs for the candidates that could be chosen
    /// rather than for all of them; the chosen pair is the same.</remarks>
    public (ModelFit Fit, List<StepRecord> Steps) Stepwise(CaptureHistoryTable table, double pThreshold, bool covariance)
    {
        int k = table.ListCount;
        var steps = new List<StepRecord>();
        if (pThreshold >= 1.0)
        {
            ListPair[] all = [.. ListPair.AllInGridOrder(k)];
            if (Checks.Check(table, all) == 0)
            {
                return (Fit(table, all, covariance), steps);
            }
        }
        else if (pThreshold <= 0.0)
        {
            return (Fit(table, [], covariance), steps);
        }

        ListPair[] candidates = [.. ListPair.All(k)];
        var observed = new long[candidates.Length];
        for (int j = 0; j < candidates.Length; j++)
        {
            observed[j] = LogLinearDesign.PairOverlap(table, candidates[j]);
        }

        var included = new bool[candidates.Length];
        var model = new List<ListPair>();
        ModelFit fit = Fit(table, model, covariance);
        var expected = new double[candidates.Length];
        var pValues = new double[candidates.Length];
        for (int cycle = 0; cycle < candidates.Length; cycle++)
        {
            int[] cells = fit.Design.Cells;
            double[] eta = fit.Glm.LinearPredictor;
            var open = new List<int>();
            for (int j = 0; j < candidates.Length; j++)
            {
                if (included[j])
                {
                    continue;
                }

                int mask = candidates[j].Mask;
                double lambda = 0;
                for (int i = 0; i < cells.Length; i++)
                {
                    if ((cells[i] & mask) == mask)
                    {
                        lambda += Math.Exp(eta[i]);
                    }
                }

                expected[j] = lambda;
                pValues[j] = Math.Min(
                    RDistributions.PPoisLower(observed[j], lambda), RDistributions.PPoisAtLeast(observed[j], lambda));
                open.Add(j);
            }

            open.Sort((a, b) => pValues[a] != pValues[b] ? pValues[a].CompareTo(pValues[b]) : a.CompareTo(b));
            int chosen = -1;
            foreach (int j in open)
            {
                if (!(pValues[j] < pThreshold))
                {
                    break;
                }

                List<ListPair> trial = [.. model, candidates[j]];
                if (Checks.Check(table, trial) == 0)
                {
                    chosen = j;
                    break;
                }
            }

            if (chosen < 0)
            {
                break;
            }

            steps.Add(new StepRecord(candidates[chosen], observed[chosen], expected[chosen], pValues[chosen]));
            model.Add(candidates[chosen]);
            included[chosen] = true;
            fit = Fit(table, model, covariance);
        }

        return (fit, steps);
    }

    /// <summary>
    /// SparseMSE's <c>poisspempty</c>: for each empty-overlap term of a model, the probability that the overlap
    /// would be empty under the model without that term, exp(−λ*), λ* the expected overlap under that model.
    /// </summary>
    public static List<(ListPair Pair, double Probability)> EmptyOverlapProbabilities(CaptureHistoryTable table, ModelFit fit)
    {
        var result = new List<(ListPair, double)>();
        foreach (ListPair empty in fit.Design.EmptyPairs)
        {
            List<ListPair> without = [.. fit.Design.Pairs.Where(p => p != empty)];
            ModelFit reduced = Fit(table, without, covariance: false);
            double lambda = 0;
            for (int i = 0; i < reduced.Design.N; i++)
            {
                if ((reduced.Design.Cells[i] & empty.Mask) == empty.Mask)
                {
                    lambda += Math.Exp(reduced.Glm.LinearPredictor[i]);
                }
            }

            result.Add((empty, Math.Exp(-lambda)));
        }

        return result;
    }
}
