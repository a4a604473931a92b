using System.Numerics;

namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>The arithmetic a <see cref="DenseSimplex{T, TOps}"/> runs on: IEEE doubles with a tolerance, or exact
/// rationals.</summary>
/// <typeparam name="T">The number type.</typeparam>
internal interface ILpArithmetic<T>
{
    /// <summary>Gets a value indicating whether signs are exact (no tolerance), so Bland's rule can be used from the
    /// start.</summary>
    static abstract bool IsExact { get; }

    static abstract T Zero { get; }

    static abstract T FromInt64(long value);

    static abstract T Add(T a, T b);

    static abstract T Subtract(T a, T b);

    static abstract T Multiply(T a, T b);

    static abstract T Divide(T a, T b);

    /// <summary>Tells whether <paramref name="a"/> is positive beyond rounding noise.</summary>
    static abstract bool IsPositive(T a);

    /// <summary>Tells whether <paramref name="a"/> is zero up to rounding noise.</summary>
    static abstract bool IsZero(T a);

    /// <summary>Compares two ratios in the ratio test; 0 means tied (within tolerance for doubles).</summary>
    static abstract int CompareRatios(T a, T b);

    static abstract double ToDouble(T a);
}

/// <summary>Double arithmetic with an absolute tolerance of 1e-9, suited to the small-integer data of the
/// existence LP (0/1 design, integer counts).</summary>
internal readonly struct DoubleLp : ILpArithmetic<double>
{
    private const double Tolerance = 1e-9;

    public static bool IsExact => false;

    public static double Zero => 0.0;

    public static double FromInt64(long value) => value;

    public static double Add(double a, double b) => a + b;

    public static double Subtract(double a, double b) => a - b;

    public static double Multiply(double a, double b) => a * b;

    public static double Divide(double a, double b) => a / b;

    public static bool IsPositive(double a) => a > Tolerance;

    public static bool IsZero(double a) => Math.Abs(a) <= Tolerance;

    public static int CompareRatios(double a, double b)
    {
        double scale = 1e-12 * (1.0 + Math.Max(Math.Abs(a), Math.Abs(b)));
        return a < b - scale ? -1 : a > b + scale ? 1 : 0;
    }

    public static double ToDouble(double a) => a;
}

/// <summary>Exact rational arithmetic for confirming what the double simplex found near zero.</summary>
internal readonly struct RationalLp : ILpArithmetic<Rational>
{
    public static bool IsExact => true;

    public static Rational Zero => Rational.Zero;

    public static Rational FromInt64(long value) => new(value, 1);

    public static Rational Add(Rational a, Rational b) => a + b;

    public static Rational Subtract(Rational a, Rational b) => a - b;

    public static Rational Multiply(Rational a, Rational b) => a * b;

    public static Rational Divide(Rational a, Rational b) => a / b;

    public static bool IsPositive(Rational a) => a.Sign > 0;

    public static bool IsZero(Rational a) => a.Sign == 0;

    public static int CompareRatios(Rational a, Rational b) => a.CompareTo(b);

    public static double ToDouble(Rational a) => (double)a.Numerator / (double)a.Denominator;
}

/// <summary>An exact fraction of two <see cref="BigInteger"/>s in lowest terms with a positive denominator;
/// <c>default</c> is 0.</summary>
internal readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominatorMinusOne;

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        BigInteger g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (numerator.IsZero)
        {
            denominator = BigInteger.One;
        }
        else if (!g.IsOne)
        {
            numerator /= g;
            denominator /= g;
        }

        _numerator = numerator;
        _denominatorMinusOne = denominator - BigInteger.One;
    }

    public static Rational Zero => default;

    public BigInteger Numerator => _numerator;

    public BigInteger Denominator => _denominatorMinusOne + BigInteger.One;

    public int Sign => _numerator.Sign;

    public static Rational operator +(Rational a, Rational b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() => $"{Numerator}/{Denominator}";
}
