using TaskForce.Domain.Estimation.Numerics;

namespace TaskForce.Domain.Tests.Estimation;

/// <summary>The R-compatible random numbers behind the bootstrap. Expected uniforms are R 4.x's printed
/// <c>set.seed(s); runif(k)</c> (7 significant digits, as R prints them); the end-to-end check of the whole stream,
/// thousands of binomial draws per data set, is <see cref="MultipleSystemsEstimatorBootstrapTests"/>.</summary>
public sealed class RRandomNumbersTests
{
    [Theory]
    [InlineData(1234, new[] { 0.1137034, 0.6222994, 0.6092747, 0.6233794, 0.8609154 })]
    [InlineData(42, new[] { 0.9148060, 0.9370754, 0.2861395 })]
    [InlineData(123, new[] { 0.2875775, 0.7883051, 0.4089769 })]
    public void NextDouble_EqualsRunif_GivenSetSeed(int seed, double[] expected)
    {
        var rng = new RMersenneTwister(seed);

        double[] actual = [.. expected.Select(_ => rng.NextDouble())];

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 7);
        }
    }

    [Fact]
    public void Next_EqualsRbinomByInversion_GivenOneTrialAndHalf()
    {
        // set.seed(123); runif(10) = 0.288 0.788 0.409 0.883 0.940 0.046 0.528 0.892 0.551 0.457. With n = 1 and
        // p = 0.5 inversion returns 0 when u < q¹ = 0.5, else 1 (u − 0.5 < f(1) = 0.5): R's rbinom(10, 1, 0.5).
        var rng = new RMersenneTwister(123);

        int[] draws = [.. Enumerable.Range(0, 10).Select(_ => RBinomial.Next(rng, 1, 0.5))];

        Assert.Equal([0, 1, 0, 1, 1, 0, 1, 1, 1, 0], draws);
    }

    [Theory]
    [InlineData(1000, 0.3)] // n·p ≥ 30: BTPE
    [InlineData(2744, 0.9)] // p > 0.5: drawn as n − Bin(n, 0.1)
    [InlineData(50, 0.2)] // n·p < 30: inversion
    public void Next_HasBinomialMeanAndVariance_GivenManyDraws(int n, double p)
    {
        var rng = new RMersenneTwister(2026);
        const int draws = 40_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < draws; i++)
        {
            int x = RBinomial.Next(rng, n, p);
            Assert.InRange(x, 0, n);
            sum += x;
            sumSquares += (double)x * x;
        }

        double mean = sum / draws;
        double variance = (sumSquares / draws) - (mean * mean);
        double expectedVariance = n * p * (1 - p);

        // Standard error of the mean is sqrt(npq / draws); 5 standard errors is a false alarm once in ~3.5 million.
        Assert.InRange(mean, (n * p) - (5 * Math.Sqrt(expectedVariance / draws)), (n * p) + (5 * Math.Sqrt(expectedVariance / draws)));
        Assert.InRange(variance / expectedVariance, 0.95, 1.05);
    }

    [Fact]
    public void Draw_KeepsTotalAndSkipsEmptyCells_GivenZeroWeights()
    {
        var rng = new RMersenneTwister(1);
        long[] weights = [5, 0, 3, 0, 2];
        var result = new long[5];

        for (int i = 0; i < 200; i++)
        {
            RMultinomial.Draw(rng, 10, weights, result);
            Assert.Equal(10, result.Sum());
            Assert.Equal(0, result[1]);
            Assert.Equal(0, result[3]);
        }
    }

    [Fact]
    public void Draw_Throws_GivenAllWeightsZero()
    {
        Assert.Throws<ArgumentException>(() => RMultinomial.Draw(new RMersenneTwister(1), 3, [0, 0], new long[2]));
    }

    [Theory]
    [InlineData(0.9, 0, 1.0)]
    [InlineData(0.5, 10, 0.0009765625)]
    [InlineData(2.0, 31, 2147483648.0)]
    public void PowDi_RaisesByRepeatedSquaring_GivenNonNegativeExponent(double x, int n, double expected)
    {
        Assert.Equal(expected, RBinomial.PowDi(x, n));
    }
}
