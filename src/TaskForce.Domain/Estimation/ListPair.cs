namespace TaskForce.Domain.Estimation;

/// <summary>
/// A pair of lists, identifying a two-list interaction term of a log-linear model (SparseMSE's columns of
/// <c>mX</c>), with 0-based list indices <see cref="First"/> &lt; <see cref="Second"/>.
/// </summary>
/// <remarks>Example: in lists LA, NG, PF, GO the pair (2, 3) is the term <c>PF:GO</c>.</remarks>
public readonly record struct ListPair
{
    /// <summary>Creates a pair; the indices may be given in either order.</summary>
    /// <param name="first">A 0-based list index, ≥ 0.</param>
    /// <param name="second">Another 0-based list index, ≥ 0, different from <paramref name="first"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative or both are equal.</exception>
    public ListPair(int first, int second)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        if (first == second)
        {
            throw new ArgumentOutOfRangeException(nameof(second), "A pair needs two different lists.");
        }

        First = Math.Min(first, second);
        Second = Math.Max(first, second);
    }

    /// <summary>Gets the smaller 0-based list index.</summary>
    /// <value>≥ 0.</value>
    public int First { get; }

    /// <summary>Gets the larger 0-based list index.</summary>
    /// <value>&gt; <see cref="First"/>.</value>
    public int Second { get; }

    /// <summary>Gets the bit mask with the pair's two list bits set.</summary>
    internal int Mask => (1 << First) | (1 << Second);

    /// <summary>Returns every pair of <paramref name="listCount"/> lists in the order SparseMSE's
    /// <c>stepwisefit</c> scans them: (1,2), (1,3), …, (1,k), (2,3), …, (k−1,k) (0-based here).</summary>
    /// <param name="listCount">The number of lists k, ≥ 0.</param>
    /// <returns>k(k−1)/2 pairs.</returns>
    public static IEnumerable<ListPair> All(int listCount)
    {
        for (int i = 0; i < listCount - 1; i++)
        {
            for (int j = i + 1; j < listCount; j++)
            {
                yield return new ListPair(i, j);
            }
        }
    }

    /// <summary>Returns every pair in the order of SparseMSE's "all two-list effects" model (<c>mX = 0</c>, built
    /// with R's <c>expand.grid</c>): (1,2), (1,3), (2,3), (1,4), (2,4), (3,4), … (0-based here).</summary>
    /// <param name="listCount">The number of lists k, ≥ 0.</param>
    /// <returns>k(k−1)/2 pairs.</returns>
    public static IEnumerable<ListPair> AllInGridOrder(int listCount)
    {
        for (int j = 1; j < listCount; j++)
        {
            for (int i = 0; i < j; i++)
            {
                yield return new ListPair(i, j);
            }
        }
    }

    /// <summary>Returns the term name, e.g. <c>PF:GO</c>.</summary>
    /// <param name="lists">The table's list names.</param>
    /// <returns>The two names joined by ':'.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lists"/> is <see langword="null"/>.</exception>
    public string Name(IReadOnlyList<string> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return lists[First] + ":" + lists[Second];
    }
}
