using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using TaskForce.Application.Ports;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage implementation of <see cref="ISnapshotRepository"/>: partition per region, row per period,
/// catalogue version and content fingerprint; insert-only, so a stored snapshot is never changed.
/// </summary>
/// <remarks>The JSON is split over columns <c>Json00</c>, <c>Json01</c>, … of at most
/// <see cref="ChunkChars"/> characters (a string column holds at most 32K UTF-16 characters, docs/sources.md#azure-table-storage).</remarks>
/// <param name="tables">The shared table clients.</param>
public sealed class TableSnapshotRepository(TaskForceTables tables) : ISnapshotRepository
{
    /// <summary>Characters per JSON column.</summary>
    public const int ChunkChars = 30_000;

    /// <summary>The most JSON columns (keeps the entity under the 1 MiB limit).</summary>
    public const int MaxChunks = 15;

    /// <inheritdoc/>
    public async Task<(StoredSnapshot Snapshot, bool Created)> AddIfNewAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int parts = (snapshot.Json.Length + ChunkChars - 1) / ChunkChars;
        string writeId = Guid.NewGuid().ToString("N");
        if (parts > MaxChunks)
        {
            throw new InvalidOperationException($"The snapshot JSON has {snapshot.Json.Length} characters; at most {ChunkChars * MaxChunks} fit one entity.");
        }

        var entity = new TableEntity(TableKeys.SnapshotPartition(snapshot.Region), TableKeys.SnapshotRow(snapshot.Period, snapshot.CatalogueVersion, snapshot.ContentFingerprint))
        {
            ["Region"] = snapshot.Region,
            ["Period"] = snapshot.Period,
            ["CatalogueVersion"] = snapshot.CatalogueVersion,
            ["ContentFingerprint"] = snapshot.ContentFingerprint,
            ["GeneratedAt"] = snapshot.GeneratedAt.ToDateTimeOffset(),
            ["GeneratedAtText"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(snapshot.GeneratedAt),
            ["JsonParts"] = parts,
            ["WriteId"] = writeId,
        };
        for (int i = 0; i < parts; i++)
        {
            entity[ChunkName(i)] = snapshot.Json.Substring(i * ChunkChars, Math.Min(ChunkChars, snapshot.Json.Length - (i * ChunkChars)));
        }

        try
        {
            await tables.Snapshots.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return (snapshot, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Stored before, or stored by this very call whose first attempt committed but whose response was lost
            // (the SDK retried): the latter carries this call's write id.
            var row = (await tables.Snapshots.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return (FromEntity(row), row.GetString("WriteId") == writeId);
        }
    }

    /// <inheritdoc/>
    public async Task<StoredSnapshot?> GetLatestAsync(string region, string period, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(region, period, cancellationToken).ConfigureAwait(false);
        return all.Count == 0 ? null : all[^1];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredSnapshot>> ListAsync(string region, string period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.SnapshotPartition(region)} and RowKey ge {TableKeys.SnapshotRowLowerBound(period)} and RowKey lt {TableKeys.SnapshotRowUpperBound(period)}");
        var list = new List<StoredSnapshot>();
        await foreach (var e in tables.Snapshots.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(FromEntity(e));
        }

        return list.OrderBy(s => s.GeneratedAt).ThenBy(s => s.ContentFingerprint, StringComparer.Ordinal).ToList();
    }

    private static string ChunkName(int i) => "Json" + i.ToString("D2", CultureInfo.InvariantCulture);

    private static StoredSnapshot FromEntity(TableEntity e)
    {
        int parts = e.GetInt32("JsonParts") ?? 0;
        string json = string.Concat(Enumerable.Range(0, parts).Select(i => e.GetString(ChunkName(i))));
        var generated = NodaTime.Text.InstantPattern.ExtendedIso.Parse(e.GetString("GeneratedAtText") ?? string.Empty);
        return new StoredSnapshot(e.GetString("Region") ?? string.Empty, e.GetString("Period") ?? string.Empty, e.GetString("CatalogueVersion") ?? string.Empty,
            e.GetString("ContentFingerprint") ?? string.Empty,
            generated.Success ? generated.Value : Instant.FromDateTimeOffset(e.GetDateTimeOffset("GeneratedAt") ?? default), json);
    }
}
