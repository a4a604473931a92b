namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>A fitted Poisson log-linear model.</summary>
internal sealed class PoissonGlmFit
{
    /// <summary>Gets the coefficients, one per design column.</summary>
    public required double[] Coefficients { get; init; }

    /// <summary>Gets the linear predictor η = Xβ + offset per cell.</summary>
    public required double[] LinearPredictor { get; init; }

    /// <summary>Gets the fitted means μ = exp(η) per cell.</summary>
    public required double[] Fitted { get; init; }

    /// <summary>Gets the deviance 2 Σ [y log(y/μ) − (y − μ)].</summary>
    public required double Deviance { get; init; }

    /// <summary>Gets the unscaled covariance (XᵀWX)⁻¹ of the last iteration, row-major p × p, or null when not
    /// requested.</summary>
    public double[]? Covariance { get; init; }

    /// <summary>Gets the number of IRLS iterations.</summary>
    public required int Iterations { get; init; }

    /// <summary>Gets a value indicating whether the deviance criterion was met within the iteration limit.</summary>
    public required bool Converged { get; init; }
}

/// <summary>
/// Poisson regression with log link by iteratively reweighted least squares, following R's <c>glm.fit</c>
/// (R 4.2.2, <c>stats</c>; McCullagh &amp; Nelder 1989, §2.5) step for step, so that results agree with SparseMSE's
/// to rounding: start μ = y + 0.1 (or a given η), working response z = η − offset + (y − μ)/μ with weights μ,
/// μ = max(exp η, 2.2e-16), stop when |D − D_old| / (|D| + 0.1) &lt; 1e-8 (at most 25 iterations), halve the step
/// while the deviance is not finite, and report (XᵀWX)⁻¹ with the weights of the last iteration as R's
/// <c>summary.glm</c> does.
/// </summary>
internal static class PoissonGlm
{
    /// <summary>R's <c>glm.control()$epsilon</c>.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>R's <c>glm.control()$maxit</c>.</summary>
    public const int MaxIterations = 25;

    /// <summary>Fits the model.</summary>
    /// <param name="x">The design, row-major n × p.</param>
    /// <param name="n">Cells.</param>
    /// <param name="p">Columns.</param>
    /// <param name="y">Counts per cell, ≥ 0.</param>
    /// <param name="offset">An offset per cell, or null for none.</param>
    /// <param name="etaStart">Starting linear predictor (including the offset), or null for log(y + 0.1).</param>
    /// <param name="covariance">Whether to compute (XᵀWX)⁻¹.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArithmeticException">The weighted least-squares system is singular or no finite deviance
    /// could be reached.</exception>
    public static PoissonGlmFit Fit(double[] x, int n, int p, double[] y, double[]? offset, double[]? etaStart, bool covariance)
    {
        var eta = new double[n];
        var mu = new double[n];
        for (int i = 0; i < n; i++)
        {
            eta[i] = etaStart is null ? Math.Log(y[i] + 0.1) : etaStart[i];
            mu[i] = LinkInverse(eta[i]);
        }

        double devOld = Deviance(y, mu);
        var beta = new double[p];
        double[]? betaOld = null;
        var xtwx = new double[p * p];
        var xtwz = new double[p];
        bool converged = false;
        int iteration = 0;
        double dev = devOld;
        while (iteration < MaxIterations)
        {
            iteration++;
            Array.Clear(xtwx);
            Array.Clear(xtwz);
            for (int i = 0; i < n; i++)
            {
                double muEta = LinkInverse(eta[i]);
                double off = offset is null ? 0.0 : offset[i];
                double z = eta[i] - off + ((y[i] - mu[i]) / muEta);
                double w = muEta * muEta / mu[i];
                int row = i * p;
                for (int a = 0; a < p; a++)
                {
                    double xa = x[row + a];
                    if (xa == 0.0)
                    {
                        continue;
                    }

                    double wxa = w * xa;
                    xtwz[a] += wxa * z;
                    for (int b = 0; b <= a; b++)
                    {
                        xtwx[(a * p) + b] += wxa * x[row + b];
                    }
                }
            }

            for (int a = 0; a < p; a++)
            {
                for (int b = a + 1; b < p; b++)
                {
                    xtwx[(a * p) + b] = xtwx[(b * p) + a];
                }
            }

            double[] solution = SmallDense.CholeskySolve(xtwx, p, xtwz)
                ?? throw new ArithmeticException("The Poisson model's weighted least-squares system is singular.");
            Array.Copy(solution, beta, p);
            Predict(x, n, p, beta, offset, eta, mu);
            dev = Deviance(y, mu);

            int halvings = 0;
            while (!double.IsFinite(dev))
            {
                if (betaOld is null || ++halvings > MaxIterations)
                {
                    throw new ArithmeticException("No valid set of coefficients was found for the Poisson model.");
                }

                for (int a = 0; a < p; a++)
                {
                    beta[a] = (beta[a] + betaOld[a]) / 2;
                }

                Predict(x, n, p, beta, offset, eta, mu);
                dev = Deviance(y, mu);
            }

            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < Epsilon)
            {
                converged = true;
                break;
            }

            devOld = dev;
            betaOld = (double[])beta.Clone();
        }

        return new PoissonGlmFit
        {
            Coefficients = beta,
            LinearPredictor = eta,
            Fitted = mu,
            Deviance = dev,
            Covariance = covariance ? SmallDense.CholeskyInverse(xtwx, p) : null,
            Iterations = iteration,
            Converged = converged,
        };
    }

    /// <summary>Returns the Poisson deviance 2 Σ [y log(y/μ) − (y − μ)], with 2μ for y = 0 (R's
    /// <c>poisson()$dev.resids</c>).</summary>
    public static double Deviance(double[] y, double[] mu)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += y[i] > 0 ? (y[i] * Math.Log(y[i] / mu[i])) - (y[i] - mu[i]) : mu[i];
        }

        return 2 * sum;
    }

    /// <summary>Returns −2 Σ log dpois(y; μ), R's <c>poisson()$aic</c> before the 2·rank term.</summary>
    public static double MinusTwoLogLikelihood(double[] y, double[] mu)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += y[i] > 0
                ? (y[i] * Math.Log(mu[i])) - mu[i] - MathNet.Numerics.SpecialFunctions.GammaLn(y[i] + 1)
                : -mu[i];
        }

        return -2 * sum;
    }

    private static double LinkInverse(double eta) => Math.Max(Math.Exp(eta), 2.220446049250313e-16);

    private static void Predict(double[] x, int n, int p, double[] beta, double[]? offset, double[] eta, double[] mu)
    {
        for (int i = 0; i < n; i++)
        {
            double e = offset is null ? 0.0 : offset[i];
            int row = i * p;
            for (int a = 0; a < p; a++)
            {
                e += x[row + a] * beta[a];
            }

            eta[i] = e;
            mu[i] = LinkInverse(e);
        }
    }
}
