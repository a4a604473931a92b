using NodaTime;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Ports;

/// <summary>An imported CTDC data set: its identity and its aggregated counts (no record-level data is stored).</summary>
/// <param name="Fingerprint">SHA-256 (hex) of the file's bytes: the same file imports once.</param>
/// <param name="FileName">The file's name as imported.</param>
/// <param name="Records">The number of records read.</param>
/// <param name="ImportedAt">When it was imported (UTC).</param>
/// <param name="Counts">The counts per combination of year, gender, ageBroad, citizenship, country of exploitation and
/// forms of exploitation.</param>
public sealed record CtdcDataset(string Fingerprint, string FileName, int Records, Instant ImportedAt, IReadOnlyList<CtdcCount> Counts)
{
    /// <summary>Gets the name written into snapshots: the file name and the first 12 hex digits of the fingerprint.</summary>
    /// <value>For example <c>CTDC_global_synthetic_data_v2024.csv@3fa2c1d09b7e</c>.</value>
    public string Name => $"{FileName}@{Fingerprint[..12]}";

    /// <summary>Returns the data set as the reference a snapshot sets beside the task force's numbers.</summary>
    /// <returns>The reference.</returns>
    public CtdcReference ToReference() => new(Name, Counts);
}

/// <summary>Stores imported CTDC data sets (aggregated), insert-only.</summary>
public interface ICtdcRepository
{
    /// <summary>Stores a data set unless one with the same fingerprint is stored.</summary>
    /// <param name="dataset">The data set. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when stored now, <see langword="false"/> when it was stored before.</returns>
    Task<bool> AddIfNewAsync(CtdcDataset dataset, CancellationToken cancellationToken = default);

    /// <summary>Reads the most recently imported data set.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The data set, or <see langword="null"/> when none is stored.</returns>
    Task<CtdcDataset?> GetLatestAsync(CancellationToken cancellationToken = default);
}
