namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// The profile-likelihood confidence interval of the intercept of a Poisson log-linear fit, computed as R's
/// <c>confint()</c> on a <c>glm</c> does (MASS 7.3-58 <c>profile.glm</c> and <c>confint.profile.glm</c>; R 4.4
/// moved the same code into <c>stats</c>; Venables &amp; Ripley, <i>Modern Applied Statistics with S</i>, 4th ed.,
/// §8.4).
/// </summary>
/// <remarks>
/// The intercept is fixed at b₀ ± s·δ·se(b₀) for s = 1, 2, … (δ = z_max/5, z_max = √χ²₁(1 − α), α = (1 − level)/4)
/// and the other coefficients refitted with the intercept as an offset, until the signed root deviance
/// z = ±√(D(b) − D̂) reaches z_max or 9 steps are taken, in each direction. The limits are where an FMM cubic spline
/// through (b, z), evaluated at 3 × (number of points) equally spaced b, crosses the normal quantiles
/// Φ⁻¹((1 ∓ level)/2), found by linear interpolation. Reproducing that recipe, not the exact root of the profile,
/// is what makes the limits equal R's to rounding.
/// </remarks>
internal static class ProfileLikelihood
{
    private const int MaxSteps = 10;

    /// <summary>Returns the interval for the intercept, or null when the profile does not reach the limits.</summary>
    /// <param name="fit">A fit with covariance.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The lower and upper limits of the intercept.</returns>
    public static (double Low, double High)? InterceptInterval(ModelFit fit, double level)
    {
        LogLinearDesign design = fit.Design;
        int n = design.N;
        int p = design.P;
        double[] b0 = fit.Glm.Coefficients;
        double se = fit.InterceptStandardError;
        double dev0 = fit.Glm.Deviance;
        double alpha = (1 - level) / 4;
        double zmax = RDistributions.QNorm(1 - (alpha / 2));
        double del = zmax / 5;

        // The design without the intercept column.
        int q = p - 1;
        var xi = new double[n * q];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(design.X, (i * p) + 1, xi, i * q, q);
        }

        var zs = new List<double> { 0.0 };
        var bs = new List<double> { b0[0] };
        foreach (int sgn in (ReadOnlySpan<int>)[-1, 1])
        {
            var lp = new double[n];
            for (int i = 0; i < n; i++)
            {
                double e = 0;
                for (int a = 0; a < p; a++)
                {
                    e += design.X[(i * p) + a] * b0[a];
                }

                lp[i] = e;
            }

            int step = 0;
            double z = 0;
            while (++step < MaxSteps && Math.Abs(z) < zmax)
            {
                double bi = b0[0] + (sgn * step * del * se);
                var offset = new double[n];
                Array.Fill(offset, bi);
                PoissonGlmFit fm = PoissonGlm.Fit(xi, n, q, design.Y, offset, lp, covariance: false);
                lp = fm.LinearPredictor;
                double zz = fm.Deviance - dev0;
                if (zz > -1e-3)
                {
                    zz = Math.Max(zz, 0);
                }
                else
                {
                    throw new ArithmeticException("Profiling found a better fit than the original: the fit had not converged.");
                }

                z = sgn * Math.Sqrt(zz);
                zs.Add(z);
                bs.Add(bi);
            }
        }

        int[] order = [.. Enumerable.Range(0, zs.Count).OrderBy(i => zs[i])];
        double[] x = [.. order.Select(i => bs[i])];
        double[] y = [.. order.Select(i => zs[i])];
        (double[] sx, double[] sy) = RInterpolation.Spline(x, y);
        double a0 = (1 - level) / 2;
        double low = RInterpolation.Approx(sy, sx, RDistributions.QNorm(a0));
        double high = RInterpolation.Approx(sy, sx, RDistributions.QNorm(1 - a0));
        return double.IsNaN(low) || double.IsNaN(high) ? null : (low, high);
    }
}
