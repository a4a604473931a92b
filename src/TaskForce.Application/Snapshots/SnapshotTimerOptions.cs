using TaskForce.Domain.Common;

namespace TaskForce.Application.Snapshots;

/// <summary>The regions the scheduled snapshots cover (setting <c>TaskForce:SnapshotRegions</c>, comma-separated).</summary>
/// <param name="Regions">The region selectors, e.g. <c>*</c> and <c>53.03</c>.</param>
public sealed record SnapshotTimerOptions(IReadOnlyList<RegionCode> Regions)
{
    /// <summary>The configuration key of the regions.</summary>
    public const string RegionsKey = "TaskForce:SnapshotRegions";

    /// <summary>Gets the default: all records (<c>*</c>).</summary>
    /// <value>One selector, <c>*</c>.</value>
    public static SnapshotTimerOptions Default { get; } = new([RegionCode.All]);

    /// <summary>Parses the setting.</summary>
    /// <param name="value">Comma-separated region codes or <c>*</c>; <see langword="null"/> or blank for the default.</param>
    /// <returns>The options.</returns>
    /// <exception cref="DomainValidationException">A code is malformed (field <c>region</c>).</exception>
    public static SnapshotTimerOptions Parse(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Default
            : new([.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(RegionCode.Parse).Distinct()]);
}
