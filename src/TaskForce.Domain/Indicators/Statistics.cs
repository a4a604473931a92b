namespace TaskForce.Domain.Indicators;

/// <summary>Small exact statistics used by the indicators (decimal arithmetic, no floating-point drift).</summary>
public static class Statistics
{
    /// <summary>Returns the median of a non-empty list.</summary>
    /// <param name="values">The values. Cannot be <see langword="null"/> or empty.</param>
    /// <returns>The middle value of the sorted list, or the mean of the two middle values when the count is even
    /// (e.g. the median of 12, 36, 48, 60 is 42).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}
