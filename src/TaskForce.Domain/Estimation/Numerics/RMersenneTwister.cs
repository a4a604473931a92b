namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// The Mersenne-Twister MT19937 generator (Matsumoto &amp; Nishimura 1998, ACM TOMACS 8, 3–30) seeded and scaled as
/// R does by default (<c>RNGkind("Mersenne-Twister")</c>, R ≥ 1.7), so that the same seed gives the same uniform
/// numbers as <c>set.seed(seed); runif(...)</c> in R.
/// </summary>
/// <remarks>
/// <para>Seeding (R's documented "initial scrambling", <c>?RNG</c>): the seed s is taken as an unsigned 32-bit number;
/// s ← 69069·s + 1 (mod 2³²) is applied 50 times, then 625 more times, the i-th of these values becoming word i of
/// R's <c>.Random.seed</c> state; word 0 is the position in the state and is then set to 624, so the first draw
/// regenerates the 624 state words 1…624.</para>
/// <para>A draw is the tempered 32-bit output y scaled as y·2⁻³², with 0 replaced by 2⁻³³/(1 − 2⁻³²) and values
/// whose complement is ≤ 0 by 1 minus that, so a draw is always in (0, 1).</para>
/// <para>Worked example: seed 1234 gives 0.1137034113, 0.6222994048, 0.6092747359, … (R:
/// <c>set.seed(1234); runif(3)</c>).</para>
/// </remarks>
internal sealed class RMersenneTwister
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    /// <summary>1/(2³² − 1), R's <c>i2_32m1</c>.</summary>
    private const double I2To32M1 = 2.328306437080797e-10;

    private readonly uint[] _mt = new uint[N];
    private int _mti;

    /// <summary>Creates the generator as R's <c>set.seed(seed)</c> with the default kinds.</summary>
    /// <param name="seed">The seed, any 32-bit integer (R's <c>set.seed</c> takes an integer).</param>
    public RMersenneTwister(int seed)
    {
        unchecked
        {
            uint s = (uint)seed;
            for (int j = 0; j < 50; j++)
            {
                s = (69069 * s) + 1;
            }

            // Word 0 of R's state is the position (overwritten below); words 1..624 are the twister's state.
            s = (69069 * s) + 1;
            for (int j = 0; j < N; j++)
            {
                s = (69069 * s) + 1;
                _mt[j] = s;
            }
        }

        _mti = N;
    }

    /// <summary>Returns the next uniform number in (0, 1), as R's <c>unif_rand()</c>.</summary>
    /// <returns>A number in (0, 1) with 32 random bits.</returns>
    public double NextDouble()
    {
        double x = NextUInt32() * 2.3283064365386963e-10;
        if (x <= 0.0)
        {
            return 0.5 * I2To32M1;
        }

        return 1.0 - x <= 0.0 ? 1.0 - (0.5 * I2To32M1) : x;
    }

    private uint NextUInt32()
    {
        unchecked
        {
            uint y;
            if (_mti >= N)
            {
                int kk;
                for (kk = 0; kk < N - M; kk++)
                {
                    y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
                    _mt[kk] = _mt[kk + M] ^ (y >> 1) ^ ((y & 1) * MatrixA);
                }

                for (; kk < N - 1; kk++)
                {
                    y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
                    _mt[kk] = _mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) * MatrixA);
                }

                y = (_mt[N - 1] & UpperMask) | (_mt[0] & LowerMask);
                _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1) * MatrixA);
                _mti = 0;
            }

            y = _mt[_mti++];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            y ^= y >> 18;
            return y;
        }
    }
}
