namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// Binomial random numbers drawn exactly as R 4.2 draws them (<c>rbinom</c>), so a bootstrap seeded like R's
/// reproduces R's resamples: inversion of the distribution function when n·p &lt; 30, otherwise algorithm BTPE
/// (Kachitvichyanukul &amp; Schmeiser 1988, "Binomial random variate generation", Commun. ACM 31(2), 216–222), with the
/// constants and floating-point steps of R's implementation.
/// </summary>
/// <remarks>
/// <para>Both methods work with p' = min(p, 1 − p) and return n − x when p &gt; 0.5. Inversion: q'ⁿ is the
/// probability of 0 (computed by repeated squaring, R's <c>R_pow_di</c>); one uniform u is walked down the
/// probabilities f(x+1) = f(x)·((n+1)r/(x+1) − r), r = p'/q', and a fresh u is drawn if x passes 110. BTPE: a
/// triangle, a parallelogram and two exponential tails dominate the scaled distribution; two uniforms per attempt; an
/// attempt is accepted by explicit evaluation of the ratio of probabilities when x is within 20 of the mode m or far
/// out, else by the squeeze bounds and finally Stirling's series for the log-factorials.</para>
/// <para>Faithfulness: the final Stirling test is R 4.2's (all four correction terms added; R-devel fixed two signs
/// in 2026, PR#19049) and the squeeze constant is R's 0.1666666666666, because the reference results were made with
/// R 4.2.2. Reaching that test needs |x − m| &gt; 20 with n·p·q ≥ 46, and an acceptance that the squeeze did not
/// settle, which is rare; the difference changes a draw only when the uniform falls between the two bounds.</para>
/// </remarks>
internal static class RBinomial
{
    /// <summary>Draws one binomial number.</summary>
    /// <param name="rng">The uniform generator (R's <c>unif_rand</c>).</param>
    /// <param name="n">The number of trials, in [0, 2³¹ − 2].</param>
    /// <param name="pp">The success probability, in [0, 1].</param>
    /// <returns>The number of successes, in [0, n].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> or <paramref name="pp"/> is out of range.</exception>
    public static int Next(RMersenneTwister rng, int n, double pp)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfEqual(n, int.MaxValue);
        if (!(pp >= 0 && pp <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(pp), pp, "A probability is in [0, 1].");
        }

        if (n == 0 || pp == 0)
        {
            return 0;
        }

        if (pp == 1)
        {
            return n;
        }

        double p = Math.Min(pp, 1.0 - pp);
        double q = 1.0 - p;
        double np = n * p;
        double r = p / q;
        double g = r * (n + 1);
        int ix = np < 30.0 ? Inversion(rng, n, q, g, r) : Btpe(rng, n, p, q, np, g, r);
        return pp > 0.5 ? n - ix : ix;
    }

    /// <summary>R's <c>R_pow_di</c>: xⁿ by repeated squaring (n ≥ 0), in this order of products.</summary>
    internal static double PowDi(double x, int n)
    {
        double result = 1.0;
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            n >>= 1;
            if (n != 0)
            {
                x *= x;
            }
        }

        return result;
    }

    private static int Inversion(RMersenneTwister rng, int n, double q, double g, double r)
    {
        double qn = PowDi(q, n);
        while (true)
        {
            int ix = 0;
            double f = qn;
            double u = rng.NextDouble();
            while (true)
            {
                if (u < f)
                {
                    return ix;
                }

                if (ix > 110)
                {
                    break;
                }

                u -= f;
                ix++;
                f *= (g / ix) - r;
            }
        }
    }

    private static int Btpe(RMersenneTwister rng, int n, double p, double q, double np, double g, double r)
    {
        // Set-up: mode m, half-width p1 of the triangle, its centre xm, the tails' starts xl/xr and rates xll/xlr,
        // and the cumulative areas p1 < p2 < p3 < p4 of the four regions.
        double ffm = np + p;
        int m = (int)ffm;
        double fm = m;
        double npq = np * q;
        double p1 = (int)((2.195 * Math.Sqrt(npq)) - (4.6 * q)) + 0.5;
        double xm = fm + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + (20.5 / (15.3 + fm));
        double al = (ffm - xl) / (ffm - (xl * p));
        double xll = al * (1.0 + (0.5 * al));
        al = (xr - ffm) / (xr * q);
        double xlr = al * (1.0 + (0.5 * al));
        double p2 = p1 * (1.0 + c + c);
        double p3 = p2 + (c / xll);
        double p4 = p3 + (c / xlr);

        while (true)
        {
            double u = rng.NextDouble() * p4;
            double v = rng.NextDouble();
            int ix;
            if (u <= p1)
            {
                return (int)(xm - (p1 * v) + u); // triangle: accepted at once
            }

            if (u <= p2)
            {
                double x = xl + ((u - p1) / c); // parallelogram
                v = (v * c) + 1.0 - (Math.Abs(xm - x) / p1);
                if (v > 1.0 || v <= 0.0)
                {
                    continue;
                }

                ix = (int)x;
            }
            else if (u > p3)
            {
                ix = (int)(xr - (Math.Log(v) / xlr)); // right tail
                if (ix > n)
                {
                    continue;
                }

                v = v * (u - p3) * xlr; // (v·(u − p3))·xlr, R's order
            }
            else
            {
                ix = (int)(xl + (Math.Log(v) / xll)); // left tail
                if (ix < 0)
                {
                    continue;
                }

                v = v * (u - p2) * xll;
            }

            int k = Math.Abs(ix - m);
            if (k <= 20 || k >= (npq / 2) - 1)
            {
                // Explicit ratio f(ix)/f(m) by the recurrence.
                double f = 1.0;
                if (m < ix)
                {
                    for (int i = m + 1; i <= ix; i++)
                    {
                        f *= (g / i) - r;
                    }
                }
                else if (m != ix)
                {
                    for (int i = ix + 1; i <= m; i++)
                    {
                        f /= (g / i) - r;
                    }
                }

                if (v <= f)
                {
                    return ix;
                }

                continue;
            }

            // Squeeze with bounds on log f, then Stirling's series.
            double amaxp = (k / npq) * ((((k * ((k / 3.0) + 0.625)) + 0.1666666666666) / npq) + 0.5);
            double ynorm = -((double)k * k) / (2.0 * npq); // exact as R's int product for k < 46341
            double alv = Math.Log(v);
            if (alv < ynorm - amaxp)
            {
                return ix;
            }

            if (alv <= ynorm + amaxp)
            {
                double x1 = ix + 1;
                double f1 = fm + 1.0;
                double z = n + 1 - fm;
                double w = n - ix + 1.0;
                double bound = (xm * Math.Log(f1 / x1)) + ((n - m + 0.5) * Math.Log(z / w)) + ((ix - m) * Math.Log(w * p / (x1 * q)))
                    + (StirlingTerm(f1) / 166320.0) + (StirlingTerm(z) / 166320.0) + (StirlingTerm(x1) / 166320.0) + (StirlingTerm(w) / 166320.0);
                if (alv <= bound)
                {
                    return ix;
                }
            }
        }
    }

    /// <summary>(13860 − (462 − (132 − (99 − 140/a²)/a²)/a²)/a²)/a, evaluated in R's order.</summary>
    private static double StirlingTerm(double a)
    {
        double a2 = a * a;
        return (13860.0 - ((462.0 - ((132.0 - ((99.0 - (140.0 / a2)) / a2)) / a2)) / a2)) / a;
    }
}
