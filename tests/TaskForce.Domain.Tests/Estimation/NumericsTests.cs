using TaskForce.Domain.Estimation;
using TaskForce.Domain.Estimation.Numerics;

namespace TaskForce.Domain.Tests.Estimation;

public sealed class NumericsTests
{
    // Textbook LP (Hillier & Lieberman's Wyndor Glass): max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18; optimum 36 at
    // (2, 6). Written with slacks s1, s2, s3 as equalities.
    private static readonly long[] WyndorA = [1, 0, 1, 0, 0, 0, 2, 0, 1, 0, 3, 2, 0, 0, 1];
    private static readonly long[] WyndorB = [4, 12, 18];
    private static readonly long[] WyndorC = [3, 5, 0, 0, 0];

    [Fact]
    public void DoubleSimplex_FindsOptimum_GivenWyndorProblem()
    {
        LpStatus status = DenseSimplex<double, DoubleLp>.Maximize(
            [.. WyndorA.Select(v => (double)v)], 3, 5, [.. WyndorB.Select(v => (double)v)], [.. WyndorC.Select(v => (double)v)], out double objective);

        Assert.Equal(LpStatus.Optimal, status);
        Assert.Equal(36.0, objective, 9);
    }

    [Fact]
    public void RationalSimplex_FindsExactOptimum_GivenWyndorProblem()
    {
        LpStatus status = DenseSimplex<Rational, RationalLp>.Maximize(
            [.. WyndorA.Select(RationalLp.FromInt64)], 3, 5, [.. WyndorB.Select(RationalLp.FromInt64)], [.. WyndorC.Select(RationalLp.FromInt64)], out Rational objective);

        Assert.Equal(LpStatus.Optimal, status);
        Assert.Equal(RationalLp.FromInt64(36), objective);
    }

    [Fact]
    public void DoubleSimplex_ReportsInfeasible_GivenContradictoryEqualities()
    {
        // x + y = 1 and x + y = 2.
        LpStatus status = DenseSimplex<double, DoubleLp>.Maximize([1, 1, 1, 1], 2, 2, [1, 2], [1, 0], out _);

        Assert.Equal(LpStatus.Infeasible, status);
    }

    [Fact]
    public void Simplex_EqualsBestBasicFeasibleSolution_GivenRandomSmallPrograms()
    {
        // Independent check: enumerate every basis of 3 columns out of 6, solve it exactly (Cramer's rule), keep the
        // feasible ones and take the best objective. The simplex (double and exact) must find the same optimum.
        var random = new Random(20240601);
        for (int trial = 0; trial < 200; trial++)
        {
            long[] a = [.. Enumerable.Range(0, 18).Select(_ => (long)random.Next(0, 4))];
            long[] x0 = [.. Enumerable.Range(0, 6).Select(_ => (long)random.Next(0, 3))];
            long[] b = [.. Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 6).Sum(j => a[(i * 6) + j] * x0[j]))];
            long[] c = [.. Enumerable.Range(0, 6).Select(_ => (long)random.Next(-3, 4))];
            double best = BruteForceMaximum(a, b, c);

            LpStatus exactStatus = DenseSimplex<Rational, RationalLp>.Maximize(
                [.. a.Select(RationalLp.FromInt64)], 3, 6, [.. b.Select(RationalLp.FromInt64)], [.. c.Select(RationalLp.FromInt64)], out Rational exact);
            LpStatus doubleStatus = DenseSimplex<double, DoubleLp>.Maximize(
                [.. a.Select(v => (double)v)], 3, 6, [.. b.Select(v => (double)v)], [.. c.Select(v => (double)v)], out double approx);

            if (double.IsPositiveInfinity(best))
            {
                Assert.Equal(LpStatus.Unbounded, exactStatus);
                Assert.Equal(LpStatus.Unbounded, doubleStatus);
            }
            else
            {
                Assert.Equal(LpStatus.Optimal, exactStatus);
                Assert.Equal(best, RationalLp.ToDouble(exact), 9);
                Assert.Equal(LpStatus.Optimal, doubleStatus);
                Assert.Equal(best, approx, 6);
            }
        }
    }

    [Fact]
    public void ExactRank_CountsIndependentColumns_GivenDependentColumns()
    {
        Assert.Equal(1, ExactRank.Of([1, 2, 2, 4], 2, 2));
        Assert.Equal(2, ExactRank.Of([1, 0, 1, 0, 1, 1, 1, 1, 2], 3, 3));
        Assert.Equal(3, ExactRank.Of([0, 1, 1, 1, 0, 1, 1, 1, 0], 3, 3));
    }

    [Fact]
    public void ExistenceCheck_GivesCode1_GivenTwoListsThatShareNobody()
    {
        CaptureHistoryTable table = CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 10), new([0, 1], 5)]);
        var check = new ExistenceCheck();

        Assert.Equal(1, check.Check(table, []));
        Assert.Equal(1, check.ExactSolves);
    }

    [Fact]
    public void ExistenceCheck_GivesCode3_GivenEmptyListAndAllTwoListTerms()
    {
        // C has nobody (possible inside a bootstrap resample): its cells must be 0 (code 1) and with every two-list
        // term only the cells A, B, C, AB remain for 5 parameters (code 2).
        CaptureHistoryTable table = CaptureHistoryTable
            .Create(["A", "B", "C"], [new([1, 0, 0], 30), new([0, 1, 0], 20), new([1, 1, 0], 6), new([0, 0, 1], 9)])
            .WithRowCounts([30, 20, 6, 0]);

        Assert.Equal(3, new ExistenceCheck().Check(table, [.. ListPair.All(3)]));
    }

    [Fact]
    public void ExistenceCheck_GivesCode0_GivenUkDataAndEveryTwoListTerm()
    {
        // reference.json: info.checkident.all_two_list = 0 for UKdat.
        CaptureHistoryTable table = MseReference.Table("UKdat");

        Assert.Equal(0, new ExistenceCheck().Check(table, [.. ListPair.AllInGridOrder(6)]));
    }

    [Theory]
    [InlineData("UKdat_5")]
    [InlineData("Ned_5")]
    public void ExistenceCheck_FindsEstimateForEveryModel_GivenFiveListData(string dataSet)
    {
        // reference.json info.checkallmodels: "The extended maximum likelihood estimate exists for all models"
        // (0 failing) — here checked directly on all 2^10 subsets of the ten two-list terms.
        CaptureHistoryTable table = MseReference.Table(dataSet);
        ListPair[] pairs = [.. ListPair.All(5)];
        var check = new ExistenceCheck();
        for (int subset = 0; subset < 1 << pairs.Length; subset++)
        {
            ListPair[] model = [.. pairs.Where((_, i) => ((subset >> i) & 1) == 1)];
            Assert.True(check.EstimateExists(LogLinearDesign.Build(table, model)), $"model {subset}");
        }
    }

    [Fact]
    public void Spline_ReproducesCubic_GivenPointsOnACubic()
    {
        // FMM end conditions match the cubic through the end points, so a cubic is reproduced exactly.
        double[] x = [0, 0.5, 1.5, 2, 3, 4.5];
        double[] y = [.. x.Select(Cubic)];

        (double[] xs, double[] ys) = RInterpolation.Spline(x, y);

        Assert.Equal(18, xs.Length);
        Assert.Equal(0.0, xs[0]);
        Assert.Equal(4.5, xs[^1]);
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(Cubic(xs[i]), ys[i], 10);
        }

        static double Cubic(double v) => (v * v * v) - (2 * v * v) + 0.5;
    }

    [Fact]
    public void Approx_InterpolatesLinearly_GivenUnsortedPoints()
    {
        Assert.Equal(15.0, RInterpolation.Approx([3, 1, 2], [30, 10, 20], 1.5), 12);
        Assert.Equal(25.0, RInterpolation.Approx([3, 1, 2], [30, 10, 20], 2.5), 12);
        Assert.True(double.IsNaN(RInterpolation.Approx([1, 2], [1, 2], 3)));
    }

    [Theory]
    [InlineData(0.5, 5.5)]
    [InlineData(0.1, 1.3666666666666667)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 10.0)]
    public void QuantileType8_MatchesHyndmanFan_GivenOneToTen(double p, double expected)
    {
        // Type 8: m = (p + 1)/3, j = ⌊np + m⌋, h = np + m − j; Q = (1 − h)x_j + h x_{j+1}.
        Assert.Equal(expected, BcaBootstrap.QuantileType8([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p), 12);
    }

    /// <summary>The best objective over basic feasible solutions (with rank-deficient constraint rows handled by
    /// trying every column subset of size 1..3), or +∞ when a feasible ray improves the objective.</summary>
    private static double BruteForceMaximum(long[] a, long[] b, long[] c)
    {
        double best = double.NegativeInfinity;
        for (int mask = 1; mask < 64; mask++)
        {
            int[] cols = [.. Enumerable.Range(0, 6).Where(j => ((mask >> j) & 1) == 1)];
            if (cols.Length > 3)
            {
                continue;
            }

            double[]? x = SolveLeastSquaresExactly(a, b, cols);
            if (x is null || x.Any(v => v < -1e-12))
            {
                continue;
            }

            best = Math.Max(best, cols.Select((j, i) => c[j] * x[i]).Sum());
        }

        // Unbounded when some non-negative direction d with A d = 0 has c·d > 0 (check extreme rays: bases of the
        // homogeneous system with one extra column).
        for (int mask = 1; mask < 64; mask++)
        {
            int[] cols = [.. Enumerable.Range(0, 6).Where(j => ((mask >> j) & 1) == 1)];
            if (cols.Length > 4)
            {
                continue;
            }

            foreach (int fixedColumn in cols)
            {
                long[] rhs = [.. Enumerable.Range(0, 3).Select(i => -a[(i * 6) + fixedColumn])];
                int[] rest = [.. cols.Where(j => j != fixedColumn)];
                double[]? d = rest.Length == 0 ? (rhs.All(v => v == 0) ? [] : null) : SolveLeastSquaresExactly(a, rhs, rest);
                if (d is null || d.Any(v => v < -1e-12))
                {
                    continue;
                }

                double gain = c[fixedColumn] + rest.Select((j, i) => c[j] * d[i]).Sum();
                if (gain > 1e-9)
                {
                    return double.PositiveInfinity;
                }
            }
        }

        return best;
    }

    /// <summary>Solves A[:, cols] x = b when it has an exact solution with those columns independent; else null.</summary>
    private static double[]? SolveLeastSquaresExactly(long[] a, long[] b, int[] cols)
    {
        int m = cols.Length;
        var rows = Enumerable.Range(0, 3).Select(i => cols.Select(j => (double)a[(i * 6) + j]).Append(b[i]).ToArray()).ToList();
        int r = 0;
        var pivots = new List<int>();
        for (int col = 0; col < m && r < 3; col++)
        {
            int p = Enumerable.Range(r, 3 - r).FirstOrDefault(i => Math.Abs(rows[i][col]) > 1e-12, -1);
            if (p < 0)
            {
                return null;
            }

            (rows[r], rows[p]) = (rows[p], rows[r]);
            for (int i = 0; i < 3; i++)
            {
                if (i != r)
                {
                    double f = rows[i][col] / rows[r][col];
                    for (int j = 0; j <= m; j++)
                    {
                        rows[i][j] -= f * rows[r][j];
                    }
                }
            }

            pivots.Add(col);
            r++;
        }

        if (pivots.Count < m || Enumerable.Range(r, 3 - r).Any(i => Math.Abs(rows[i][m]) > 1e-9))
        {
            return null;
        }

        return [.. Enumerable.Range(0, m).Select(i => rows[i][m] / rows[i][i])];
    }
}
