namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>The outcome of a linear program.</summary>
internal enum LpStatus
{
    /// <summary>An optimum was found.</summary>
    Optimal = 0,

    /// <summary>No point satisfies the constraints.</summary>
    Infeasible = 1,

    /// <summary>The objective grows without bound.</summary>
    Unbounded = 2,
}

/// <summary>
/// A small dense two-phase tableau simplex for <c>maximize c·x subject to A x = b, x ≥ 0</c> with <c>b ≥ 0</c>
/// (Dantzig 1963; the two-phase method with artificial variables and Bland's anti-cycling rule, as in Chvátal,
/// <i>Linear Programming</i>, 1983, ch. 3 and 8).
/// </summary>
/// <remarks>
/// Sized for the existence test of multiple systems estimation (≤ 79 rows, ≤ 4,096 columns; in practice ≤ 22 × 64).
/// With <see cref="DoubleLp"/> it takes the largest reduced cost and falls back to Bland's rule after 50 degenerate
/// pivots in a row; with <see cref="RationalLp"/> it uses Bland's rule throughout and is exact. Redundant equality
/// rows (a rank-deficient <c>A</c>) are detected at the end of phase 1 and dropped.
/// </remarks>
/// <typeparam name="T">The number type.</typeparam>
/// <typeparam name="TOps">The arithmetic.</typeparam>
internal static class DenseSimplex<T, TOps>
    where TOps : ILpArithmetic<T>
{
    private const int DegenerateLimit = 50;
    private const int IterationLimit = 100_000;

    /// <summary>Solves the program.</summary>
    /// <param name="a">The constraint matrix, row-major, <paramref name="rows"/> × <paramref name="columns"/>.</param>
    /// <param name="rows">The number of equality constraints.</param>
    /// <param name="columns">The number of variables.</param>
    /// <param name="b">The right-hand sides, each ≥ 0.</param>
    /// <param name="c">The objective coefficients.</param>
    /// <param name="objective">The optimal objective value when the status is optimal.</param>
    /// <returns>The status.</returns>
    public static LpStatus Maximize(T[] a, int rows, int columns, T[] b, T[] c, out T objective)
    {
        int width = columns + rows + 1;
        int rhs = width - 1;
        var t = new T[rows * width];
        var basis = new int[rows];
        var active = new bool[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                t[(i * width) + j] = a[(i * columns) + j];
            }

            for (int j = columns; j < rhs; j++)
            {
                t[(i * width) + j] = TOps.Zero;
            }

            t[(i * width) + columns + i] = TOps.FromInt64(1);
            t[(i * width) + rhs] = b[i];
            basis[i] = columns + i;
            active[i] = true;
        }

        // Phase 1: maximise minus the sum of the artificial variables.
        var phase1 = new T[rhs];
        for (int j = 0; j < rhs; j++)
        {
            phase1[j] = j < columns ? TOps.Zero : TOps.FromInt64(-1);
        }

        Iterate(t, width, rows, basis, active, phase1, rhs);
        T infeasibility = ObjectiveValue(t, width, rows, basis, active, phase1, rhs);
        if (TOps.IsPositive(TOps.Subtract(TOps.Zero, infeasibility)))
        {
            objective = TOps.Zero;
            return LpStatus.Infeasible;
        }

        // Drive the artificial variables out of the basis; a row where that is impossible is redundant.
        for (int i = 0; i < rows; i++)
        {
            if (basis[i] < columns)
            {
                continue;
            }

            int pivotColumn = -1;
            for (int j = 0; j < columns; j++)
            {
                if (!TOps.IsZero(t[(i * width) + j]))
                {
                    pivotColumn = j;
                    break;
                }
            }

            if (pivotColumn < 0)
            {
                active[i] = false;
            }
            else
            {
                Pivot(t, width, rows, active, i, pivotColumn);
                basis[i] = pivotColumn;
            }
        }

        // Phase 2: the real objective over the original variables only.
        var phase2 = new T[columns];
        Array.Copy(c, phase2, columns);
        bool bounded = Iterate(t, width, rows, basis, active, phase2, rhs);
        objective = ObjectiveValue(t, width, rows, basis, active, phase2, rhs);
        return bounded ? LpStatus.Optimal : LpStatus.Unbounded;
    }

    private static T ObjectiveValue(T[] t, int width, int rows, int[] basis, bool[] active, T[] cost, int rhs)
    {
        T value = TOps.Zero;
        for (int i = 0; i < rows; i++)
        {
            if (active[i] && basis[i] < cost.Length)
            {
                value = TOps.Add(value, TOps.Multiply(cost[basis[i]], t[(i * width) + rhs]));
            }
        }

        return value;
    }

    /// <summary>Runs simplex pivots over the columns [0, cost.Length); returns false when unbounded.</summary>
    private static bool Iterate(T[] t, int width, int rows, int[] basis, bool[] active, T[] cost, int rhs)
    {
        int allowed = cost.Length;
        bool bland = TOps.IsExact;
        int degenerate = 0;
        var isBasic = new bool[width];
        for (int iteration = 0; iteration < IterationLimit; iteration++)
        {
            Array.Clear(isBasic);
            for (int i = 0; i < rows; i++)
            {
                if (active[i])
                {
                    isBasic[basis[i]] = true;
                }
            }

            // Entering column: a positive reduced cost c_j − c_B·B⁻¹A_j.
            int entering = -1;
            double best = 0;
            for (int j = 0; j < allowed; j++)
            {
                if (isBasic[j])
                {
                    continue;
                }

                T reduced = cost[j];
                for (int i = 0; i < rows; i++)
                {
                    if (active[i] && basis[i] < allowed)
                    {
                        T entry = t[(i * width) + j];
                        if (!TOps.IsZero(entry))
                        {
                            reduced = TOps.Subtract(reduced, TOps.Multiply(cost[basis[i]], entry));
                        }
                    }
                }

                if (!TOps.IsPositive(reduced))
                {
                    continue;
                }

                if (bland)
                {
                    entering = j;
                    break;
                }

                double value = TOps.ToDouble(reduced);
                if (entering < 0 || value > best)
                {
                    entering = j;
                    best = value;
                }
            }

            if (entering < 0)
            {
                return true;
            }

            // Leaving row: the minimum ratio, ties to the smallest basic index (Bland).
            int leaving = -1;
            T bestRatio = TOps.Zero;
            for (int i = 0; i < rows; i++)
            {
                if (!active[i])
                {
                    continue;
                }

                T entry = t[(i * width) + entering];
                if (!TOps.IsPositive(entry))
                {
                    continue;
                }

                T ratio = TOps.Divide(t[(i * width) + rhs], entry);
                if (leaving < 0)
                {
                    leaving = i;
                    bestRatio = ratio;
                    continue;
                }

                int cmp = TOps.CompareRatios(ratio, bestRatio);
                if (cmp < 0 || (cmp == 0 && basis[i] < basis[leaving]))
                {
                    leaving = i;
                    bestRatio = ratio;
                }
            }

            if (leaving < 0)
            {
                return false;
            }

            degenerate = TOps.IsZero(t[(leaving * width) + rhs]) ? degenerate + 1 : 0;
            if (degenerate > DegenerateLimit)
            {
                bland = true;
            }

            Pivot(t, width, rows, active, leaving, entering);
            basis[leaving] = entering;
        }

        throw new InvalidOperationException("The simplex did not finish within its iteration limit.");
    }

    private static void Pivot(T[] t, int width, int rows, bool[] active, int row, int column)
    {
        int r0 = row * width;
        T pivot = t[r0 + column];
        for (int j = 0; j < width; j++)
        {
            t[r0 + j] = TOps.Divide(t[r0 + j], pivot);
        }

        for (int i = 0; i < rows; i++)
        {
            if (i == row || !active[i])
            {
                continue;
            }

            int i0 = i * width;
            T factor = t[i0 + column];
            if (TOps.IsZero(factor))
            {
                continue;
            }

            for (int j = 0; j < width; j++)
            {
                T entry = t[r0 + j];
                if (!TOps.IsZero(entry))
                {
                    t[i0 + j] = TOps.Subtract(t[i0 + j], TOps.Multiply(factor, entry));
                }
            }

            t[i0 + column] = TOps.Zero;
        }
    }
}
