namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// The xoshiro256** pseudo-random generator (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom number
/// generators"), seeded through SplitMix64 as its authors recommend. Written out here so a seeded bootstrap gives the
/// same resamples on every .NET version and platform.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the generator from a 64-bit seed.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Returns a uniform integer in [0, <paramref name="bound"/>) without modulo bias (Lemire 2019,
    /// "Fast random integer generation in an interval").</summary>
    public long NextInt64(long bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        unchecked
        {
            ulong range = (ulong)bound;
            UInt128 m = (UInt128)NextUInt64() * range;
            ulong low = (ulong)m;
            if (low < range)
            {
                ulong threshold = (0 - range) % range;
                while (low < threshold)
                {
                    m = (UInt128)NextUInt64() * range;
                    low = (ulong)m;
                }
            }

            return (long)(ulong)(m >> 64);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
