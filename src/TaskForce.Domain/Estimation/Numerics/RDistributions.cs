using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>The few R distribution functions the port needs, by their R names, computed with Math.NET Numerics
/// 5.0.0 (regularised incomplete gamma and the inverse complementary error function, Cephes/Boost algorithms).</summary>
internal static class RDistributions
{
    /// <summary>R's <c>qnorm(p)</c>: the standard normal quantile.</summary>
    public static double QNorm(double p) => Normal.InvCDF(0.0, 1.0, p);

    /// <summary>R's <c>pnorm(z)</c>: the standard normal distribution function.</summary>
    public static double PNorm(double z) => Normal.CDF(0.0, 1.0, z);

    /// <summary>R's <c>ppois(n, λ)</c> = P(X ≤ n) = Q(n + 1, λ).</summary>
    public static double PPoisLower(long n, double lambda) =>
        n < 0 ? 0.0 : lambda <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(n + 1.0, lambda);

    /// <summary>R's <c>ppois(n − 1, λ, lower.tail = FALSE)</c> = P(X ≥ n) = P(n, λ).</summary>
    public static double PPoisAtLeast(long n, double lambda) =>
        n <= 0 ? 1.0 : lambda <= 0 ? 0.0 : SpecialFunctions.GammaLowerRegularized(n, lambda);
}
