using System.Collections.Concurrent;
using System.Numerics;

namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// The Poisson log-linear model of a capture-history table for a set of two-list terms, built as SparseMSE's
/// <c>buildmodel</c>/<c>buildmodelmatrix</c> do: one cell per observable capture history (2^k − 1, ordered by the
/// number of lists and then as R's <c>tidylists</c> orders them), columns for the intercept, the k main effects and
/// each term whose two lists overlap. A term whose lists share nobody ("empty overlap") gets no column: its
/// parameter is −∞, so every cell containing both lists is removed (Chan, Silverman &amp; Vincent 2019, §2.3).
/// </summary>
internal sealed class LogLinearDesign
{
    private static readonly ConcurrentDictionary<int, int[]> CellOrders = new();

    private LogLinearDesign(
        int listCount, ListPair[] pairs, ListPair[] emptyPairs, ListPair[] columnPairs, int[] cells, double[] y, double[] x)
    {
        ListCount = listCount;
        Pairs = pairs;
        EmptyPairs = emptyPairs;
        ColumnPairs = columnPairs;
        Cells = cells;
        Y = y;
        X = x;
    }

    /// <summary>Gets k.</summary>
    public int ListCount { get; }

    /// <summary>Gets the model's two-list terms in the order given (added).</summary>
    public ListPair[] Pairs { get; }

    /// <summary>Gets the terms whose lists share nobody (parameter −∞, cells removed), in model order.</summary>
    public ListPair[] EmptyPairs { get; }

    /// <summary>Gets the terms with a design column, in model order.</summary>
    public ListPair[] ColumnPairs { get; }

    /// <summary>Gets the capture histories (bit j = list j) of the cells in the fit.</summary>
    public int[] Cells { get; }

    /// <summary>Gets the observed count per cell.</summary>
    public double[] Y { get; }

    /// <summary>Gets the design, row-major N × P.</summary>
    public double[] X { get; }

    /// <summary>Gets the number of cells in the fit.</summary>
    public int N => Cells.Length;

    /// <summary>Gets the number of columns: 1 + k + the terms with a column.</summary>
    public int P => 1 + ListCount + ColumnPairs.Length;

    /// <summary>Gets a key identifying the design's shape (which terms have columns, which remove cells).</summary>
    public (UInt128 Columns, UInt128 Empty) ShapeKey
    {
        get
        {
            UInt128 columns = UInt128.Zero;
            UInt128 empty = UInt128.Zero;
            foreach (ListPair pair in ColumnPairs)
            {
                columns |= UInt128.One << PairIndex(pair, ListCount);
            }

            foreach (ListPair pair in EmptyPairs)
            {
                empty |= UInt128.One << PairIndex(pair, ListCount);
            }

            return (columns, empty);
        }
    }

    /// <summary>Builds the design for a table and a list of two-list terms.</summary>
    /// <param name="table">The capture histories.</param>
    /// <param name="pairs">The terms, in the order they are to appear.</param>
    /// <returns>The design.</returns>
    public static LogLinearDesign Build(CaptureHistoryTable table, IReadOnlyList<ListPair> pairs)
    {
        int k = table.ListCount;
        var empty = new List<ListPair>();
        var columns = new List<ListPair>();
        foreach (ListPair pair in pairs)
        {
            (PairOverlap(table, pair) == 0 ? empty : columns).Add(pair);
        }

        int[] order = CellOrder(k);
        var cells = new List<int>(order.Length);
        foreach (int cell in order)
        {
            bool removed = false;
            foreach (ListPair pair in empty)
            {
                if ((cell & pair.Mask) == pair.Mask)
                {
                    removed = true;
                    break;
                }
            }

            if (!removed)
            {
                cells.Add(cell);
            }
        }

        int n = cells.Count;
        int p = 1 + k + columns.Count;
        var y = new double[n];
        var x = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            int cell = cells[i];
            y[i] = table.CellCount(cell);
            int row = i * p;
            x[row] = 1.0;
            for (int j = 0; j < k; j++)
            {
                x[row + 1 + j] = (cell >> j) & 1;
            }

            for (int c = 0; c < columns.Count; c++)
            {
                x[row + 1 + k + c] = (cell & columns[c].Mask) == columns[c].Mask ? 1.0 : 0.0;
            }
        }

        return new LogLinearDesign(k, [.. pairs], [.. empty], [.. columns], [.. cells], y, x);
    }

    /// <summary>Returns the number of people on both lists of a pair.</summary>
    public static long PairOverlap(CaptureHistoryTable table, ListPair pair)
    {
        long sum = 0;
        int cellCount = 1 << table.ListCount;
        for (int cell = pair.Mask; cell < cellCount; cell++)
        {
            if ((cell & pair.Mask) == pair.Mask)
            {
                sum += table.CellCount(cell);
            }
        }

        return sum;
    }

    /// <summary>Returns the position of a pair in <see cref="ListPair.All"/>.</summary>
    public static int PairIndex(ListPair pair, int listCount) =>
        (pair.First * ((2 * listCount) - pair.First - 1) / 2) + (pair.Second - pair.First - 1);

    /// <summary>Returns the design as integers (for the exact rank).</summary>
    public int[] IntegerDesign()
    {
        var m = new int[X.Length];
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = (int)X[i];
        }

        return m;
    }

    /// <summary>The cells 1 … 2^k − 1 in R's <c>tidylists</c> order: by the number of lists, then with the first
    /// list's mark as the most significant digit, descending.</summary>
    private static int[] CellOrder(int k) => CellOrders.GetOrAdd(k, static k =>
    {
        int count = (1 << k) - 1;
        var cells = Enumerable.Range(1, count).ToArray();
        return [.. cells.OrderBy(c => BitOperations.PopCount((uint)c)).ThenByDescending(c => ReverseBits(c, k))];
    });

    private static int ReverseBits(int cell, int k)
    {
        int value = 0;
        for (int j = 0; j < k; j++)
        {
            value = (value << 1) | ((cell >> j) & 1);
        }

        return value;
    }
}
