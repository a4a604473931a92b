namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// SparseMSE's <c>checkident</c>: does the (extended) maximum likelihood estimate of a log-linear model exist, and is
/// it identifiable? Returns SparseMSE's code: 0 both fine, 1 the estimate does not exist, 2 not identifiable,
/// 3 both.
/// </summary>
/// <remarks>
/// <para>Existence is the linear-programming test of Fienberg &amp; Rinaldo (2012, Ann. Statist. 40, p. 3 of the
/// supplement) as SparseMSE states it: with A the transposed design over the cells in the fit and t = A·y the
/// sufficient statistics, maximise s subject to A x = t, x ≥ s, s ≥ 0. The estimate exists exactly when the maximum
/// is positive (t lies in the relative interior of the marginal cone). Here x = x' + s·1 turns it into the standard
/// form A x' + (A·1) s = t, x' ≥ 0, s ≥ 0.</para>
/// <para>The program is solved in doubles first; when the double optimum is at most 1e-6 (the estimate looks
/// absent or nearly so) it is solved again in exact rational arithmetic, so a "does not exist" answer never rests on
/// rounding. Identifiability is the exact column rank of the design (R uses <c>qr()</c> with tolerance 1e-7; for
/// these 0/1 matrices the ranks agree). Ranks are cached per design shape.</para>
/// </remarks>
internal sealed class ExistenceCheck
{
    private const double DoubleDecisionThreshold = 1e-6;

    private readonly Dictionary<(UInt128, UInt128), int> _rankDeficiency = [];

    /// <summary>Gets how many programs were solved in doubles.</summary>
    public int DoubleSolves { get; private set; }

    /// <summary>Gets how many programs needed the exact solver.</summary>
    public int ExactSolves { get; private set; }

    /// <summary>Returns SparseMSE's <c>checkident</c> code for a model on a table.</summary>
    /// <param name="table">The data.</param>
    /// <param name="pairs">The model's two-list terms.</param>
    /// <returns>0, 1, 2 or 3.</returns>
    public int Check(CaptureHistoryTable table, IReadOnlyList<ListPair> pairs)
    {
        LogLinearDesign design = LogLinearDesign.Build(table, pairs);
        bool exists = EstimateExists(design);
        bool identifiable = RankDeficiency(design) == 0;
        return (exists ? 0 : 1) + (identifiable ? 0 : 2);
    }

    /// <summary>Runs the linear program for a design.</summary>
    public bool EstimateExists(LogLinearDesign design)
    {
        int n = design.N;
        int p = design.P;
        int columns = n + 1;
        var a = new double[p * columns];
        var t = new double[p];
        for (int r = 0; r < p; r++)
        {
            double rowSum = 0;
            double stat = 0;
            for (int c = 0; c < n; c++)
            {
                double entry = design.X[(c * p) + r];
                a[(r * columns) + c] = entry;
                rowSum += entry;
                stat += entry * design.Y[c];
            }

            a[(r * columns) + n] = rowSum;
            t[r] = stat;
        }

        var cost = new double[columns];
        cost[n] = 1.0;
        DoubleSolves++;
        LpStatus status = DenseSimplex<double, DoubleLp>.Maximize(a, p, columns, t, cost, out double objective);
        if (status == LpStatus.Optimal && objective > DoubleDecisionThreshold)
        {
            return true;
        }

        ExactSolves++;
        var ra = new Rational[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            ra[i] = RationalLp.FromInt64((long)a[i]);
        }

        var rt = new Rational[p];
        for (int i = 0; i < p; i++)
        {
            rt[i] = RationalLp.FromInt64((long)t[i]);
        }

        var rc = new Rational[columns];
        rc[n] = RationalLp.FromInt64(1);
        LpStatus exactStatus = DenseSimplex<Rational, RationalLp>.Maximize(ra, p, columns, rt, rc, out Rational exact);
        return exactStatus == LpStatus.Optimal && exact.Sign > 0;
    }

    /// <summary>Returns the design's column-rank deficiency (0 = full rank).</summary>
    public int RankDeficiency(LogLinearDesign design)
    {
        (UInt128, UInt128) key = design.ShapeKey;
        if (!_rankDeficiency.TryGetValue(key, out int deficiency))
        {
            deficiency = design.P - ExactRank.Of(design.IntegerDesign(), design.N, design.P);
            _rankDeficiency[key] = deficiency;
        }

        return deficiency;
    }
}
