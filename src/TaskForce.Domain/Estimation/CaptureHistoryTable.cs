using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Estimation;

/// <summary>
/// A capture-history table for multiple systems estimation: the names of k ≥ 2 lists (agencies that recorded
/// victims) and, for each combination of lists that someone was seen on, how many people were seen on exactly that
/// combination. Combinations that nobody was seen on may be given with count 0 or left out.
/// </summary>
/// <remarks>
/// <para>This is the data frame that SparseMSE (Chan, Silverman &amp; Vincent 2019, R package SparseMSE 2.0.2) takes:
/// one 0/1 column per list and a last column <c>count</c>. The row of all zeros (people on no list) is what MSE
/// estimates, so it cannot be given. Example: lists LA, NG, PF and rows <c>1,0,0,54</c>, <c>1,1,0,15</c> say that 54
/// people are on LA only and 15 on LA and NG but not PF.</para>
/// <para>Creation rejects, with <see cref="DomainValidationException"/>: fewer than 2 lists (one list only cannot
/// estimate anything), more than <see cref="MaxLists"/> lists, blank, duplicate or ':'-containing list names, a row
/// whose width differs from the number of lists, a cell other than 0 or 1, a negative count, the same pattern twice,
/// the all-zero pattern, a list that nobody is on, and a table whose counts are all zero. Lists that share nobody
/// with any other list are allowed but reported by <see cref="IsolatedLists"/>; the estimator turns them into a
/// warning.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CaptureHistoryTable
{
    /// <summary>The largest number of lists accepted (2^12 − 1 = 4,095 observable cells).</summary>
    public const int MaxLists = 12;

    private readonly long[] _cellCounts;
    private readonly int[] _rowMasks;
    private readonly long[] _rowCounts;

    private CaptureHistoryTable(IReadOnlyList<string> lists, int[] rowMasks, long[] rowCounts)
    {
        Lists = lists;
        _rowMasks = rowMasks;
        _rowCounts = rowCounts;
        _cellCounts = new long[1 << lists.Count];
        long total = 0;
        for (int r = 0; r < rowMasks.Length; r++)
        {
            _cellCounts[rowMasks[r]] += rowCounts[r];
            total += rowCounts[r];
        }

        ObservedTotal = total;
    }

    /// <summary>Gets the list names in column order, e.g. <c>LA, NG, PF, GO, GP, NCA</c>.</summary>
    /// <value>Between 2 and <see cref="MaxLists"/> distinct names.</value>
    public IReadOnlyList<string> Lists { get; }

    /// <summary>Gets the number of lists k.</summary>
    /// <value>In [2, <see cref="MaxLists"/>].</value>
    public int ListCount => Lists.Count;

    /// <summary>Gets the number of rows as given (including rows with count 0).</summary>
    /// <value>≥ 1.</value>
    public int RowCount => _rowMasks.Length;

    /// <summary>Gets the number of people seen on at least one list (the sum of the counts).</summary>
    /// <value>Persons, ≥ 1.</value>
    public long ObservedTotal { get; }

    /// <summary>Gets the pairs of lists that nobody is on together (their overlap is empty).</summary>
    /// <value>Pairs in SparseMSE's order (1:2, 1:3, …, 1:k, 2:3, …); empty when every pair overlaps.</value>
    public IReadOnlyList<ListPair> EmptyOverlapPairs =>
        [.. ListPair.All(ListCount).Where(p => PairOverlap(p.First, p.Second) == 0)];

    /// <summary>Gets the lists that share nobody with any other list.</summary>
    /// <value>List names in column order; empty when every list overlaps some other list.</value>
    /// <remarks>Such a list carries no information on how the lists depend on each other, and under independence
    /// its zero overlaps pull the estimate up; the estimator reports a <c>list_without_overlap</c> warning.</remarks>
    public IReadOnlyList<string> IsolatedLists =>
        [.. Enumerable.Range(0, ListCount)
            .Where(i => Enumerable.Range(0, ListCount).All(j => j == i || PairOverlap(i, j) == 0))
            .Select(i => Lists[i])];

    /// <summary>Creates a table from list names and rows, checking every rule.</summary>
    /// <param name="lists">The list names in column order; surrounding spaces are removed.</param>
    /// <param name="rows">The rows; each has one 0/1 cell per list and a count ≥ 0.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lists"/>, <paramref name="rows"/> or a row is
    /// <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A rule in the remarks of <see cref="CaptureHistoryTable"/> is
    /// broken; the field is <c>lists</c>, <c>rows</c>, <c>rows[i].cells[j]</c> or <c>rows[i].count</c>
    /// (0-based).</exception>
    public static CaptureHistoryTable Create(IReadOnlyList<string> lists, IEnumerable<CaptureHistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(rows);
        string[] names = ValidateListNames(lists);
        int k = names.Length;

        var masks = new List<int>();
        var counts = new List<long>();
        var seen = new Dictionary<int, int>();
        int index = 0;
        foreach (CaptureHistoryRow row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (row.Cells is null || row.Cells.Count != k)
            {
                throw new DomainValidationException(
                    $"rows[{index}].cells",
                    Texts.Format(EstimationText.RowCellCount, index, row.Cells?.Count ?? 0, k, string.Join(", ", names)));
            }

            int mask = 0;
            for (int j = 0; j < k; j++)
            {
                int cell = row.Cells[j];
                if (cell is not (0 or 1))
                {
                    throw new DomainValidationException(
                        $"rows[{index}].cells[{j}]",
                        Texts.Format(EstimationText.RowCellNotZeroOrOne, index, names[j], cell));
                }

                mask |= cell << j;
            }

            if (row.Count < 0)
            {
                throw new DomainValidationException(
                    $"rows[{index}].count", Texts.Format(EstimationText.RowCountNegative, index, row.Count));
            }

            if (mask == 0)
            {
                throw new DomainValidationException(
                    $"rows[{index}].cells",
                    Texts.Format(EstimationText.RowMarksNoList, index));
            }

            if (seen.TryGetValue(mask, out int first))
            {
                throw new DomainValidationException(
                    $"rows[{index}].cells",
                    Texts.Format(EstimationText.RowRepeatsPattern, index, first, PatternText(names, mask)));
            }

            seen[mask] = index;
            masks.Add(mask);
            counts.Add(row.Count);
            index++;
        }

        if (masks.Count == 0 || counts.Sum() == 0)
        {
            throw new DomainValidationException(
                "rows", EstimationText.AllCountsZero);
        }

        var table = new CaptureHistoryTable(names, [.. masks], [.. counts]);
        for (int j = 0; j < k; j++)
        {
            if (table.ListTotal(j) == 0)
            {
                throw new DomainValidationException(
                    "lists", Texts.Format(EstimationText.ListEmpty, names[j]));
            }
        }

        return table;
    }

    /// <summary>Parses a table from comma-separated text (no file access): a header of list names ending in
    /// <c>count</c>, then one line per row, e.g. <c>"LA,NG,count\n1,0,54\n0,1,463\n1,1,15"</c>.</summary>
    /// <param name="text">The text; blank lines are skipped, spaces around values are ignored, and a header
    /// ending in a column other than <c>count</c> (any letter case) is rejected.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The header or a line is malformed (field <c>lists</c> or
    /// <c>rows[i]</c>, with the line number in the message), or the table breaks a rule of
    /// <see cref="Create"/>.</exception>
    public static CaptureHistoryTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];
        int lineNo = 0;
        string[]? header = null;
        var rows = new List<CaptureHistoryRow>();
        foreach (string line in lines)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = [.. line.Split(',').Select(f => f.Trim().Trim('"').Trim())];
            if (header is null)
            {
                header = fields;
                if (header.Length < 2 || !string.Equals(header[^1], "count", StringComparison.OrdinalIgnoreCase))
                {
                    throw new DomainValidationException(
                        "lists", Texts.Format(EstimationText.HeaderInvalid, lineNo));
                }

                continue;
            }

            int rowIndex = rows.Count;
            if (fields.Length != header.Length)
            {
                throw new DomainValidationException(
                    $"rows[{rowIndex}]", Texts.Format(EstimationText.LineValueCount, lineNo, fields.Length, header.Length));
            }

            var cells = new int[fields.Length - 1];
            for (int j = 0; j < cells.Length; j++)
            {
                if (!int.TryParse(fields[j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out cells[j]))
                {
                    throw new DomainValidationException(
                        $"rows[{rowIndex}].cells[{j}]", Texts.Format(EstimationText.LineCellNotZeroOrOne, lineNo, header[j], fields[j]));
                }
            }

            if (!long.TryParse(fields[^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long count))
            {
                throw new DomainValidationException(
                    $"rows[{rowIndex}].count", Texts.Format(EstimationText.LineCountNotWhole, lineNo, fields[^1]));
            }

            rows.Add(new CaptureHistoryRow(cells, count));
        }

        if (header is null)
        {
            throw new DomainValidationException("lists", EstimationText.TextEmpty);
        }

        return Create(header[..^1], rows);
    }

    /// <summary>Gets the number of people on both lists <paramref name="first"/> and <paramref name="second"/>,
    /// whatever other lists they are on.</summary>
    /// <param name="first">A 0-based list index, in [0, k).</param>
    /// <param name="second">Another 0-based list index, in [0, k).</param>
    /// <returns>Persons, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, k).</exception>
    public long PairOverlap(int first, int second)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(first, ListCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(second, ListCount);
        int both = (1 << first) | (1 << second);
        long sum = 0;
        for (int r = 0; r < _rowMasks.Length; r++)
        {
            if ((_rowMasks[r] & both) == both)
            {
                sum += _rowCounts[r];
            }
        }

        return sum;
    }

    /// <summary>Gets the number of people on list <paramref name="list"/>.</summary>
    /// <param name="list">A 0-based list index, in [0, k).</param>
    /// <returns>Persons, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [0, k).</exception>
    public long ListTotal(int list) => PairOverlap(list, list);

    /// <summary>Gets the rows as given, in input order.</summary>
    /// <returns>One row per input row, with its 0/1 cells and count.</returns>
    public IReadOnlyList<CaptureHistoryRow> GetRows() =>
        [.. Enumerable.Range(0, _rowMasks.Length).Select(r => new CaptureHistoryRow(
            [.. Enumerable.Range(0, ListCount).Select(j => (_rowMasks[r] >> j) & 1)], _rowCounts[r]))];

    /// <summary>Gets the count of the cell with the given list pattern (bit j set = on list j).</summary>
    internal long CellCount(int mask) => _cellCounts[mask];

    /// <summary>Gets the pattern of input row <paramref name="row"/> as a bit mask.</summary>
    internal int RowMask(int row) => _rowMasks[row];

    /// <summary>Gets the count of input row <paramref name="row"/>.</summary>
    internal long RowCountAt(int row) => _rowCounts[row];

    /// <summary>Creates a table with the same lists and row patterns but other counts, without validation (for
    /// bootstrap resamples and jackknife tables, whose counts may be zero on some rows or lists).</summary>
    internal CaptureHistoryTable WithRowCounts(long[] rowCounts) => new(Lists, _rowMasks, rowCounts);

    private static string[] ValidateListNames(IReadOnlyList<string> lists)
    {
        if (lists.Count < 2)
        {
            throw new DomainValidationException(
                "lists", Texts.Format(EstimationText.TooFewLists, lists.Count));
        }

        if (lists.Count > MaxLists)
        {
            throw new DomainValidationException("lists", Texts.Format(EstimationText.TooManyLists, MaxLists, lists.Count));
        }

        string[] names = [.. lists.Select(n => n?.Trim() ?? string.Empty)];
        for (int j = 0; j < names.Length; j++)
        {
            if (names[j].Length == 0 || names[j].Contains(':', StringComparison.Ordinal))
            {
                throw new DomainValidationException(
                    "lists", Texts.Format(EstimationText.ListNameInvalid, j, names[j]));
            }

            if (Array.IndexOf(names, names[j]) != j)
            {
                throw new DomainValidationException("lists", Texts.Format(EstimationText.ListNameTwice, names[j]));
            }
        }

        return names;
    }

    private static string PatternText(string[] names, int mask) =>
        string.Join("+", Enumerable.Range(0, names.Length).Where(j => ((mask >> j) & 1) == 1).Select(j => names[j]));
}
