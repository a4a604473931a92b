using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Ports;

/// <summary>Where a case's counting rows are and the version guarding them (the compare-and-set of the projection).</summary>
/// <param name="ETag">The marker's ETag.</param>
/// <param name="Partitions">The storage partitions that may hold rows of the case.</param>
public sealed record CaseFactMarker(string ETag, IReadOnlyList<string> Partitions);

/// <summary>A case's rows in the counting read model, as computed from the case and its workflows
/// (docs/decisions/ADR-012-counting-read-model.md).</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Region">The case's region (kabupaten).</param>
/// <param name="ReportedYear">The year of the report's business date in the district zone.</param>
/// <param name="Years">The years whose snapshots the case can affect, and <see cref="CaseFactProjection.Open"/> when a
/// deadline is still running.</param>
/// <param name="Facts">The de-identified facts, one per victim (one without victim for a case without victims).</param>
/// <param name="ListEntries">The victims with identity for the hidden-victim linkage (only consented trafficking
/// cases; stored encrypted).</param>
public sealed record CaseFactProjection(
    string CaseId,
    RegionCode Region,
    int ReportedYear,
    IReadOnlyList<string> Years,
    IReadOnlyList<VictimCaseFact> Facts,
    IReadOnlyList<VictimListEntry> ListEntries)
{
    /// <summary>The pseudo-year of cases with a running deadline: read by every snapshot of the region.</summary>
    public const string Open = "open";
}

/// <summary>A stored fact row.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Partition">The partition it was read from.</param>
/// <param name="KeyId">The id of the person-key secret its <see cref="VictimCaseFact.PersonKey"/> was made with.</param>
/// <param name="Fact">The fact.</param>
public sealed record StoredCaseFact(string CaseId, string Partition, string KeyId, VictimCaseFact Fact);

/// <summary>A stored victim-list entry (identity decrypted).</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="ReportedOn">The case's report date (business date).</param>
/// <param name="Entry">The entry.</param>
public sealed record StoredListEntry(string CaseId, NodaTime.LocalDate ReportedOn, VictimListEntry Entry);

/// <summary>A write announced before it was made and not yet followed into the read model.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="IntentId">The intent's id.</param>
/// <param name="CreatedAt">When it was written (storage time).</param>
public sealed record CaseFactIntent(string CaseId, string IntentId, DateTimeOffset CreatedAt);

/// <summary>
/// The counting read model (ADR-012): per-victim fact rows keyed by year and region, written after each case and
/// workflow write; an intent row written before the write makes an unfinished one visible to every reader.
/// </summary>
public interface ICaseFactStore
{
    /// <summary>Gets the id of the person-key secret (<see cref="CreateKeyer"/>), stored on every fact row.</summary>
    /// <value>16 hex digits, or <c>nokey</c> without an identity key.</value>
    string KeyId { get; }

    /// <summary>Creates the person keyer whose keys the fact rows hold (secret derived from the identity key).</summary>
    /// <returns>The keyer.</returns>
    PersonKeyer CreateKeyer();

    /// <summary>Records that a write of a case is about to be made (before it is made).</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The intent id.</returns>
    Task<string> AddIntentAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Removes an intent once its write is followed into the read model.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="intentId">The intent id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task RemoveIntentAsync(string caseId, string intentId, CancellationToken cancellationToken = default);

    /// <summary>Records that writes of several cases are about to be made (before any is made): one batch request per
    /// 100 cases (the intent partition), for the bulk import (ADR-012, "Bulk import").</summary>
    /// <param name="caseIds">The cases (an id may repeat: each gets its own intent).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The intent ids, in the order of <paramref name="caseIds"/>.</returns>
    Task<IReadOnlyList<string>> AddIntentsAsync(IReadOnlyList<string> caseIds, CancellationToken cancellationToken = default);

    /// <summary>Removes several intents once their writes are followed: one batch request per 100 (an intent already
    /// gone, e.g. cleared by the rebuild, is no error).</summary>
    /// <param name="intents">The (case, intent id) pairs.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task RemoveIntentsAsync(IReadOnlyList<(string CaseId, string IntentId)> intents, CancellationToken cancellationToken = default);

    /// <summary>Writes the rows of cases just created (no marker yet): the rows grouped by partition, at most 100 a
    /// batch request, then the markers insert-only, at most 100 a batch request.</summary>
    /// <param name="projections">The rows of each created case (case ids distinct).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The cases whose marker already existed (another writer projected them first): the caller projects
    /// them again from storage (<see cref="ReplaceAsync"/>).</returns>
    Task<IReadOnlyList<string>> AddCreatedAsync(IReadOnlyList<CaseFactProjection> projections, CancellationToken cancellationToken = default);

    /// <summary>Lists every intent still stored (normally none: one partition, one request).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The intents.</returns>
    Task<IReadOnlyList<CaseFactIntent>> ListIntentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the marker of a case.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The marker, or <see langword="null"/> when the case has no rows yet.</returns>
    Task<CaseFactMarker?> GetMarkerAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a case's rows and then its marker, if the marker is still <paramref name="expected"/>.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="expected">The marker read before the case was read (<see langword="null"/>: none).</param>
    /// <param name="projection">The new rows, or <see langword="null"/> when the case no longer exists.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when another writer changed the marker meanwhile: read again and retry.</returns>
    Task<bool> ReplaceAsync(string caseId, CaseFactMarker? expected, CaseFactProjection? projection, CancellationToken cancellationToken = default);

    /// <summary>Reads the fact rows of one year (or <see cref="CaseFactProjection.Open"/>) whose region the selector
    /// may cover: one partition-range query in pages of 1,000.</summary>
    /// <param name="year">The year, or <see cref="CaseFactProjection.Open"/>.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows (the caller applies <see cref="RegionCode.Covers"/>).</returns>
    IAsyncEnumerable<StoredCaseFact> ReadFactsAsync(string year, RegionCode region, CancellationToken cancellationToken = default);

    /// <summary>Reads the victim-list entries of the cases reported in one year (identity decrypted).</summary>
    /// <param name="year">The report year.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<StoredListEntry> ReadListEntriesAsync(int year, RegionCode region, CancellationToken cancellationToken = default);

    /// <summary>Lists every (partition, case id) that holds rows, for the rebuild's clean-up.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pairs.</returns>
    IAsyncEnumerable<(string Partition, string RowKey, string CaseId)> ListAllRowsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes one row (rebuild clean-up).</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task DeleteRowAsync(string partition, string rowKey, CancellationToken cancellationToken = default);
}

/// <summary>A case-fact source that can bound its reading by the whole period (not only its last day).</summary>
public interface IPeriodCaseFactSource : ICaseFactSource
{
    /// <summary>Lists the facts of every case that can affect a period's cells (ADR-008 rule 11).</summary>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The facts.</returns>
    IAsyncEnumerable<VictimCaseFact> ListForPeriodAsync(RegionCode region, ReportingPeriod period, CancellationToken cancellationToken = default);
}
