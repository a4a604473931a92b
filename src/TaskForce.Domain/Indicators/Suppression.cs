namespace TaskForce.Domain.Indicators;

/// <summary>Why a cell is withheld.</summary>
public enum CellSuppression
{
    /// <summary>Shown.</summary>
    None = 0,

    /// <summary>Withheld because its count is in [1, k − 1] (primary suppression).</summary>
    Primary = 1,

    /// <summary>Withheld so that a primary-suppressed cell cannot be worked out from the cells shown (complementary
    /// suppression).</summary>
    Complementary = 2,
}

/// <summary>
/// A table of counts with the linear relations a reader knows between them (a total equals the sum of its parts; two
/// cells are equal), solved for small-cell suppression.
/// </summary>
/// <remarks>
/// <para>Rule <see cref="RuleVersion"/>:</para>
/// <list type="number">
/// <item><b>Primary:</b> a count n with 1 ≤ n &lt; k is withheld. A zero is shown: it tells of no person.</item>
/// <item><b>Complementary:</b> no withheld cell may be exactly recoverable from the cells shown through any linear
/// combination of the relations (subtraction from a total, or chains of totals across a table and its margins). The
/// check is exact: with the withheld cells as unknowns, a cell is recoverable exactly when its unit vector lies in the
/// row space of the relations restricted to the unknowns, which Gaussian elimination to reduced row-echelon form
/// decides. While some withheld cell is recoverable, one more cell is withheld for it: from a relation it is in, the
/// shown cell with the smallest non-zero count (a zero only when none is left; a part before its total; then the
/// first in order), and the check runs again. Cells that are published elsewhere are marked not suppressible and are
/// treated as known.</item>
/// </list>
/// <para>What this does and does not promise: no withheld value can be derived exactly. Bounds can still be
/// narrowed (counts are not negative), which primary suppression already admits ("fewer than k"). This is the
/// protection CTDC's publication rule asks for (cells of at least k = 11, docs/sources.md#ctdc) and the complementary
/// suppression Primero lacks (docs/sources.md#primero).</para>
/// </remarks>
/// <threadsafety>Not thread-safe.</threadsafety>
public sealed class SuppressionProblem
{
    /// <summary>The version of the suppression rule, written into outputs.</summary>
    public const string RuleVersion = "primary-below-k-complementary-exact-1";

    private const double Epsilon = 1e-9;

    private readonly List<long> _values = [];
    private readonly List<bool> _suppressible = [];
    private readonly List<(int[] Plus, int[] Minus)> _relations = [];

    /// <summary>Gets the number of cells.</summary>
    /// <value>At least 0.</value>
    public int CellCount => _values.Count;

    /// <summary>Adds a cell.</summary>
    /// <param name="value">The count, at least 0.</param>
    /// <param name="suppressible"><see langword="false"/> for a value that is public anyway (treated as known).</param>
    /// <returns>The cell's index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public int AddCell(long value, bool suppressible = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _values.Add(value);
        _suppressible.Add(suppressible);
        return _values.Count - 1;
    }

    /// <summary>Declares that a total equals the sum of its parts.</summary>
    /// <param name="total">The total's index.</param>
    /// <param name="parts">The parts' indexes (a single part makes the two cells equal).</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is not a cell.</exception>
    public void AddTotal(int total, IReadOnlyList<int> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        AddRelation(parts, [total]);
    }

    /// <summary>Declares that two sums of cells are equal.</summary>
    /// <param name="left">The cells of one side.</param>
    /// <param name="right">The cells of the other side.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is not a cell.</exception>
    public void AddRelation(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        foreach (int i in left.Concat(right))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, _values.Count);
        }

        _relations.Add(([.. left], [.. right]));
    }

    /// <summary>Solves the problem for a threshold.</summary>
    /// <param name="k">The threshold, at least 1 (k = 1 withholds nothing).</param>
    /// <returns>One status per cell, in index order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1.</exception>
    public IReadOnlyList<CellSuppression> Solve(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int n = _values.Count;
        var status = new CellSuppression[n];
        for (int i = 0; i < n; i++)
        {
            if (_suppressible[i] && _values[i] >= 1 && _values[i] < k)
            {
                status[i] = CellSuppression.Primary;
            }
        }

        var byCell = new List<int>[n];
        for (int r = 0; r < _relations.Count; r++)
        {
            foreach (int i in _relations[r].Plus.Concat(_relations[r].Minus))
            {
                (byCell[i] ??= []).Add(r);
            }
        }

        for (int round = 0; round <= n; round++)
        {
            var recoverable = Recoverable(status);
            if (recoverable.Count == 0)
            {
                break;
            }

            bool added = false;
            foreach (int j in recoverable)
            {
                int pick = Complement(j, status, byCell);
                if (pick >= 0 && status[pick] == CellSuppression.None)
                {
                    status[pick] = CellSuppression.Complementary;
                    added = true;
                }
            }

            if (!added)
            {
                break; // nothing left that could be withheld: every other cell is known by construction
            }
        }

        return status;
    }

    private int Complement(int j, CellSuppression[] status, List<int>[] byCell)
    {
        // Candidates in the relations that contain j; failing that, anywhere connected to a withheld cell.
        int best = Best(byCell[j] ?? [], j, status);
        if (best >= 0)
        {
            return best;
        }

        var seen = new HashSet<int>();
        for (int i = 0; i < status.Length; i++)
        {
            if (status[i] != CellSuppression.None)
            {
                foreach (int r in byCell[i] ?? [])
                {
                    seen.Add(r);
                }
            }
        }

        return Best([.. seen.Order()], j, status);
    }

    private int Best(IEnumerable<int> relations, int j, CellSuppression[] status)
    {
        int best = -1;
        (int Zero, long Value, int Total, int Index) bestKey = (int.MaxValue, long.MaxValue, int.MaxValue, int.MaxValue);
        foreach (int r in relations)
        {
            var (plus, minus) = _relations[r];
            foreach (var (cells, isTotal) in new[] { (plus, 0), (minus, 1) })
            {
                foreach (int c in cells)
                {
                    if (c == j || status[c] != CellSuppression.None || !_suppressible[c])
                    {
                        continue;
                    }

                    long v = _values[c];
                    var key = (v == 0 ? 1 : 0, v, isTotal, c);
                    if (key.CompareTo(bestKey) < 0)
                    {
                        bestKey = key;
                        best = c;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>Returns the withheld cells whose value the relations determine, in index order.</summary>
    private List<int> Recoverable(CellSuppression[] status)
    {
        var unknowns = new List<int>();
        var column = new Dictionary<int, int>();
        for (int i = 0; i < status.Length; i++)
        {
            if (status[i] != CellSuppression.None)
            {
                column[i] = unknowns.Count;
                unknowns.Add(i);
            }
        }

        if (unknowns.Count == 0)
        {
            return [];
        }

        var rows = new List<double[]>();
        foreach (var (plus, minus) in _relations)
        {
            double[]? row = null;
            foreach (var (cells, sign) in new[] { (plus, 1.0), (minus, -1.0) })
            {
                foreach (int c in cells)
                {
                    if (column.TryGetValue(c, out int col))
                    {
                        row ??= new double[unknowns.Count];
                        row[col] += sign;
                    }
                }
            }

            if (row is not null && row.Any(x => Math.Abs(x) > Epsilon))
            {
                rows.Add(row);
            }
        }

        var result = new List<int>();
        foreach (int col in ReducedRowEchelonSingletons(rows, unknowns.Count))
        {
            result.Add(unknowns[col]);
        }

        result.Sort();
        return result;
    }

    /// <summary>Brings the rows to reduced row-echelon form and returns the columns whose unit vector is a row.</summary>
    private static List<int> ReducedRowEchelonSingletons(List<double[]> rows, int columns)
    {
        int rank = 0;
        var pivots = new List<int>();
        for (int col = 0; col < columns && rank < rows.Count; col++)
        {
            int pivot = -1;
            double bestAbs = Epsilon;
            for (int r = rank; r < rows.Count; r++)
            {
                double a = Math.Abs(rows[r][col]);
                if (a > bestAbs)
                {
                    bestAbs = a;
                    pivot = r;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            double[] p = rows[rank];
            double inv = 1.0 / p[col];
            for (int c = col; c < columns; c++)
            {
                p[c] *= inv;
            }

            for (int r = 0; r < rows.Count; r++)
            {
                if (r == rank)
                {
                    continue;
                }

                double f = rows[r][col];
                if (Math.Abs(f) <= Epsilon)
                {
                    continue;
                }

                double[] row = rows[r];
                for (int c = col; c < columns; c++)
                {
                    row[c] -= f * p[c];
                }

                row[col] = 0;
            }

            pivots.Add(col);
            rank++;
        }

        var singletons = new List<int>();
        for (int r = 0; r < rank; r++)
        {
            int nonZero = 0;
            foreach (double x in rows[r])
            {
                if (Math.Abs(x) > Epsilon)
                {
                    nonZero++;
                }
            }

            if (nonZero == 1)
            {
                singletons.Add(pivots[r]);
            }
        }

        return singletons;
    }
}
