namespace TaskForce.Domain.Estimation.Linkage;

/// <summary>Options of <see cref="RecordLinker"/>.</summary>
public sealed record LinkageOptions
{
    /// <summary>The default minimum name similarity for a fuzzy link.</summary>
    public const double DefaultNameThreshold = 0.90;

    /// <summary>Gets the district's secret HMAC key for NIK hashes (from configuration, at least 32 bytes).</summary>
    /// <value>The key bytes; copied when the linker is created.</value>
    public required byte[] DistrictSecret { get; init; }

    /// <summary>Gets the minimum Jaro–Winkler similarity of the normalised names for a fuzzy link.</summary>
    /// <value>In (0, 1]; default 0.90.</value>
    public double NameThreshold { get; init; } = DefaultNameThreshold;

    /// <summary>Gets the list names in the order they should appear in capture histories, or
    /// <see langword="null"/> for the order of first appearance in the input.</summary>
    /// <value>Every entry's list must be one of them.</value>
    public IReadOnlyList<string>? Lists { get; init; }
}
