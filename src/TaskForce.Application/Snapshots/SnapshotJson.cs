using System.Text;
using System.Text.Json;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Serialization;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// Writes an <see cref="IndicatorSnapshot"/> as the contract's snapshot JSON (docs/wire-contract.md,
/// <c>snapshot</c>): the one serialisation used by the tool, the functions and the snapshots table.
/// </summary>
/// <remarks>
/// Output is deterministic: fields and cells in a fixed order, numbers in invariant culture, no trailing zeros
/// (<c>42</c>, <c>42.5</c>), so the same snapshot always gives the same bytes.
/// </remarks>
public static class SnapshotJson
{
    /// <summary>Serialises a snapshot.</summary>
    /// <param name="snapshot">The snapshot. Cannot be <see langword="null"/>.</param>
    /// <param name="indented">Whether to indent (files for people) or not (storage, HTTP).</param>
    /// <returns>The JSON text.</returns>
    public static string Write(IndicatorSnapshot snapshot, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            IndicatorSnapshotJson.Write(w, snapshot, includeGeneratedAt: true);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Returns the fingerprint of a snapshot's content: everything but its generation time.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>SHA-256 hex of the compact JSON without <c>generated_at</c>.</returns>
    public static string ContentFingerprint(IndicatorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            IndicatorSnapshotJson.Write(w, snapshot, includeGeneratedAt: false);
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream.ToArray()));
    }

    /// <summary>Formats a decimal without trailing zeros in invariant culture (42.50 → 42.5, 42.0 → 42).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    internal static string Format(decimal value) => IndicatorSnapshotJson.FormatNumber(value);
}
