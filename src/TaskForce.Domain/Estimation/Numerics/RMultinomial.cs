using System.Numerics;

namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// Multinomial random vectors drawn as R's <c>rmultinom(1, size, prob)</c> draws them on x86-64, so a bootstrap
/// seeded like SparseMSE's reproduces its resamples.
/// </summary>
/// <remarks>
/// <para>R first divides the weights by their sum (in double precision), then draws the cells in order as
/// conditional binomials: cell k gets Bin(remaining size, wₖ / Σ_{j ≥ k} wⱼ) (<see cref="RBinomial"/>), the last
/// cell the rest, stopping early once nothing remains. Cells with weight 0 get 0 and use no random number.</para>
/// <para>R keeps the running sum Σ_{j ≥ k} wⱼ in C's <c>long double</c>, which on x86-64 Linux is the x87 80-bit
/// format (64-bit significand), and rounds the quotient first to 64 then to 53 bits. This class reproduces that
/// arithmetic exactly with integer significands, because a last-bit difference in a probability can, rarely, change a
/// draw and from then on every later resample.</para>
/// </remarks>
internal static class RMultinomial
{
    /// <summary>Draws one vector.</summary>
    /// <param name="rng">The uniform generator.</param>
    /// <param name="size">The total to distribute, in [0, 2³¹ − 2].</param>
    /// <param name="weights">The cell weights, each ≥ 0, at least one &gt; 0 (e.g. observed counts).</param>
    /// <param name="result">Receives the cell counts (same length as <paramref name="weights"/>); they sum to
    /// <paramref name="size"/>.</param>
    /// <exception cref="ArgumentException">The weights are all zero or a weight is negative, or the lengths
    /// differ.</exception>
    public static void Draw(RMersenneTwister rng, int size, IReadOnlyList<long> weights, long[] result)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(result);
        int cells = weights.Count;
        if (result.Length != cells)
        {
            throw new ArgumentException("The result must have one place per weight.", nameof(result));
        }

        double sum = 0;
        foreach (long w in weights)
        {
            if (w < 0)
            {
                throw new ArgumentException("A weight is negative.", nameof(weights));
            }

            sum += w;
        }

        if (sum <= 0)
        {
            throw new ArgumentException("All weights are zero.", nameof(weights));
        }

        var prob = new double[cells];
        var total = Extended.Zero;
        for (int k = 0; k < cells; k++)
        {
            prob[k] = weights[k] / sum;
            total = Extended.Add(total, Extended.FromDouble(prob[k]));
            result[k] = 0;
        }

        int n = size;
        if (n == 0)
        {
            return;
        }

        for (int k = 0; k < cells - 1; k++)
        {
            if (prob[k] != 0)
            {
                double pp = Extended.DivideToDouble(Extended.FromDouble(prob[k]), total);
                result[k] = pp < 1.0 ? RBinomial.Next(rng, n, pp) : n;
                n -= (int)result[k];
            }

            if (n <= 0)
            {
                return;
            }

            total = Extended.Add(total, Extended.FromDouble(-prob[k]));
        }

        result[cells - 1] = n;
    }

    /// <summary>An x87 extended-precision value: Significand·2^Exponent with |Significand| &lt; 2⁶⁴, every operation
    /// rounded to nearest, ties to even (IEEE 754).</summary>
    private readonly record struct Extended(BigInteger Significand, int Exponent)
    {
        public static Extended Zero => new(BigInteger.Zero, 0);

        public static Extended FromDouble(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            bool negative = bits < 0;
            int biased = (int)((bits >> 52) & 0x7FF);
            long fraction = bits & 0xFFFFFFFFFFFFFL;
            BigInteger significand = biased == 0 ? fraction : fraction | (1L << 52);
            int exponent = biased == 0 ? -1074 : biased - 1075;
            return new Extended(negative ? -significand : significand, exponent);
        }

        public static Extended Add(Extended a, Extended b)
        {
            if (a.Significand.IsZero)
            {
                return b;
            }

            if (b.Significand.IsZero)
            {
                return a;
            }

            int e = Math.Min(a.Exponent, b.Exponent);
            BigInteger exact = (a.Significand << (a.Exponent - e)) + (b.Significand << (b.Exponent - e));
            return Round(exact, e, 64, sticky: false);
        }

        /// <summary>The quotient rounded to 64 significant bits, then to a double, as C's
        /// <c>(double)(double_value / long_double_value)</c> on x87.</summary>
        public static double DivideToDouble(Extended a, Extended b)
        {
            if (a.Significand.IsZero)
            {
                return 0;
            }

            if (a.Significand.Sign < 0 || b.Significand.Sign <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(b), "Only positive quotients occur here.");
            }

            int shift = (int)Math.Max(0, 70 + b.Significand.GetBitLength() - a.Significand.GetBitLength());
            BigInteger quotient = BigInteger.DivRem(a.Significand << shift, b.Significand, out BigInteger remainder);
            Extended q64 = Round(quotient, a.Exponent - shift - b.Exponent, 64, sticky: !remainder.IsZero);
            Extended q53 = Round(q64.Significand, q64.Exponent, 53, sticky: false);
            return Math.ScaleB((double)q53.Significand, q53.Exponent);
        }

        private static Extended Round(BigInteger value, int exponent, int bits, bool sticky)
        {
            if (value.IsZero)
            {
                return Zero;
            }

            bool negative = value.Sign < 0;
            BigInteger magnitude = BigInteger.Abs(value);
            int length = (int)magnitude.GetBitLength();
            if (length <= bits)
            {
                // Exact in the format (a sticky remainder only arises with more bits than kept, see DivideToDouble).
                return new Extended(value, exponent);
            }

            int drop = length - bits;
            BigInteger kept = magnitude >> drop;
            BigInteger rest = magnitude - (kept << drop);
            BigInteger half = BigInteger.One << (drop - 1);
            bool up = rest > half || (rest == half && (sticky || !kept.IsEven));
            if (up)
            {
                kept += 1;
                if (kept.GetBitLength() > bits)
                {
                    kept >>= 1;
                    drop++;
                }
            }

            return new Extended(negative ? -kept : kept, exponent + drop);
        }
    }
}
