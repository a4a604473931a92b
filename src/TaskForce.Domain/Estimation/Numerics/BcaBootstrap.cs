namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// SparseMSE's bias-corrected and accelerated bootstrap (<c>estimatepopulation</c> and <c>bcaconfvalues</c>;
/// Chan, Silverman &amp; Vincent 2019, §3.3; DiCiccio &amp; Efron 1996, Statist. Sci. 11, 189–228).
/// </summary>
/// <remarks>
/// Resampling: each resample redistributes the n observed people over the table's rows, in the table's row order,
/// with probabilities proportional to the observed counts (a multinomial draw, R's <c>rmultinom(1, n, counts)</c>),
/// which is the same as drawing n people with replacement. The random numbers are R's (<see cref="RMersenneTwister"/>,
/// <see cref="RMultinomial"/>, <see cref="RBinomial"/>), seeded as <c>set.seed(seed)</c>, so the same table (rows in the
/// same order), seed and number of resamples give SparseMSE's resamples. The whole estimation (including model
/// selection) is rerun on each resample.
/// Acceleration: jackknife leaving out one person from each row with a positive count, each such estimate weighted by
/// the row's count: â = Σ cⱼ rⱼ³ / (6 (Σ cⱼ rⱼ²)^{3/2}), rⱼ = (Σ cᵢ θᵢ / Σ cᵢ) − θⱼ. Bias: ẑ₀ = Φ⁻¹(share of resample
/// estimates strictly below the estimate). Limit for probability α: the type-8 sample quantile (Hyndman &amp; Fan
/// 1996; R's <c>quantile(type = 8)</c>) of the resample estimates at Φ(ẑ₀ + (ẑ₀ + z_α)/(1 − â(ẑ₀ + z_α))).
/// </remarks>
internal static class BcaBootstrap
{
    /// <summary>SparseMSE's default quantile probabilities.</summary>
    public static readonly double[] DefaultProbabilities = [0.025, 0.05, 0.1, 0.16, 0.84, 0.9, 0.95, 0.975];

    /// <summary>Runs the bootstrap.</summary>
    /// <param name="table">The data.</param>
    /// <param name="pointEstimate">The estimate from the data.</param>
    /// <param name="estimator">The estimate of N for a table; NaN or an exception counts as a failed fit.</param>
    /// <param name="resamples">Number of resamples.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="probabilities">The probabilities at which to give BCa quantiles.</param>
    /// <returns>The quantiles, â, ẑ₀, the sorted usable resample estimates and the number of failed resamples.</returns>
    public static (double[] Quantiles, double Acceleration, double BiasCorrection, double[] Estimates, int Failed) Run(
        CaptureHistoryTable table,
        double pointEstimate,
        Func<CaptureHistoryTable, double> estimator,
        int resamples,
        int seed,
        double[] probabilities)
    {
        int rows = table.RowCount;
        var counts = new long[rows];
        long total = 0;
        for (int r = 0; r < rows; r++)
        {
            counts[r] = table.RowCountAt(r);
            total += counts[r];
        }

        int size = checked((int)total);
        var rng = new RMersenneTwister(seed);
        var reps = new List<double>(resamples);
        int failed = 0;
        for (int b = 0; b < resamples; b++)
        {
            var drawn = new long[rows];
            RMultinomial.Draw(rng, size, counts, drawn);
            double estimate = SafeEstimate(estimator, table.WithRowCounts(drawn));
            if (double.IsFinite(estimate))
            {
                reps.Add(estimate);
            }
            else
            {
                failed++;
            }
        }

        // Jackknife: one person fewer in each non-empty row.
        var jack = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            if (counts[r] > 0)
            {
                long[] reduced = (long[])counts.Clone();
                reduced[r]--;
                jack[r] = SafeEstimate(estimator, table.WithRowCounts(reduced));
            }
        }

        double weighted = 0;
        for (int r = 0; r < rows; r++)
        {
            weighted += counts[r] * jack[r];
        }

        weighted /= total;
        double s2 = 0;
        double s3 = 0;
        for (int r = 0; r < rows; r++)
        {
            double residual = weighted - jack[r];
            s2 += counts[r] * residual * residual;
            s3 += counts[r] * residual * residual * residual;
        }

        double acceleration = s3 / (6 * Math.Pow(s2, 1.5));
        double[] sorted = [.. reps.Order()];
        double below = sorted.Count(v => v < pointEstimate) / (double)sorted.Length;
        double z0 = RDistributions.QNorm(below);
        var quantiles = new double[probabilities.Length];
        for (int i = 0; i < probabilities.Length; i++)
        {
            double za0 = RDistributions.QNorm(probabilities[i]) + z0;
            double zq = RDistributions.PNorm(z0 + (za0 / (1 - (acceleration * za0))));
            quantiles[i] = QuantileType8(sorted, zq);
        }

        return (quantiles, acceleration, z0, sorted, failed);
    }

    /// <summary>R's <c>quantile(x, prob, type = 8)</c> on sorted data (median-unbiased, Hyndman &amp; Fan 1996).</summary>
    public static double QuantileType8(double[] sorted, double prob)
    {
        int n = sorted.Length;
        if (n == 0 || double.IsNaN(prob))
        {
            return double.NaN;
        }

        const double a = 1.0 / 3.0;
        const double fuzz = 4 * 2.220446049250313e-16;
        double nppm = a + (prob * (n + 1 - a - a));
        double j = Math.Floor(nppm + fuzz);
        double h = nppm - j;
        if (Math.Abs(h) < fuzz)
        {
            h = 0;
        }

        double Lower(double index) => sorted[(int)Math.Clamp(index, 1, n) - 1];
        double lo = Lower(j);
        double hi = Lower(j + 1);
        return h == 0 ? lo : h == 1 ? hi : lo == hi ? lo : ((1 - h) * lo) + (h * hi);
    }

    private static double SafeEstimate(Func<CaptureHistoryTable, double> estimator, CaptureHistoryTable table)
    {
        try
        {
            return estimator(table);
        }
        catch (ArithmeticException)
        {
            return double.NaN;
        }
    }
}
