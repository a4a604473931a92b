using NodaTime;

namespace TaskForce.Application.Ports;

/// <summary>A stored indicator snapshot: its identity and its contract JSON, byte for byte as first written.</summary>
/// <param name="Region">The region code or <c>*</c>.</param>
/// <param name="Period">The period label, e.g. <c>2025</c>.</param>
/// <param name="CatalogueVersion">The indicator catalogue version.</param>
/// <param name="ContentFingerprint">SHA-256 (hex) of the snapshot's content without its generation time.</param>
/// <param name="GeneratedAt">When it was first computed.</param>
/// <param name="Json">The snapshot JSON (docs/wire-contract.md, <c>snapshot</c>).</param>
public sealed record StoredSnapshot(string Region, string Period, string CatalogueVersion, string ContentFingerprint, Instant GeneratedAt, string Json);

/// <summary>
/// Stores immutable indicator snapshots: one entity per region, period, catalogue version and content. Writing the
/// same content again stores nothing; different content (new records since) is a new revision beside the old one.
/// </summary>
public interface ISnapshotRepository
{
    /// <summary>Stores a snapshot unless one with the same identity and content exists.</summary>
    /// <param name="snapshot">The snapshot to store. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored snapshot: the existing one (with its original generation time and bytes) when the content
    /// was already stored, else the new one; and whether it was written now.</returns>
    Task<(StoredSnapshot Snapshot, bool Created)> AddIfNewAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest stored snapshot for a region and period.</summary>
    /// <param name="region">The region code or <c>*</c>.</param>
    /// <param name="period">The period label.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The snapshot with the latest generation time, or <see langword="null"/> when none is stored.</returns>
    Task<StoredSnapshot?> GetLatestAsync(string region, string period, CancellationToken cancellationToken = default);

    /// <summary>Lists every stored revision for a region and period, oldest first.</summary>
    /// <param name="region">The region code or <c>*</c>.</param>
    /// <param name="period">The period label.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revisions.</returns>
    Task<IReadOnlyList<StoredSnapshot>> ListAsync(string region, string period, CancellationToken cancellationToken = default);
}
