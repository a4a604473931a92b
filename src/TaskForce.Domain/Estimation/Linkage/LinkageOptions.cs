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

    /// <summary>Gets whether <see cref="LinkageResult.Decisions"/> explains every pair compared (the <c>link</c>
    /// tool's review file) or stays empty (a snapshot, which needs only persons, capture histories and warnings).</summary>
    /// <value><see langword="true"/> (default): every pair of records with the same birth year is compared and the
    /// links, NIK disagreements and near misses are recorded, a number of decisions that grows with the square of the
    /// records. <see langword="false"/>: no decisions are recorded and only the pairs the rules could link are compared
    /// (the NIK groups, and pairs with the same birth year, not both with a NIK, and equal birth dates unless one side
    /// has the year only); persons, capture histories and warnings are the same as with <see langword="true"/>
    /// (docs/decisions/ADR-012, "Client side").</value>
    public bool RecordDecisions { get; init; } = true;
}
