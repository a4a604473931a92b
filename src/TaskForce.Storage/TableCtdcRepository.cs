using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Domain.Indicators;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage implementation of <see cref="ICtdcRepository"/>: partition <c>ctdc</c>; per data set, part rows
/// holding its counts as text (one <c>year,gender,ageBroad,citizenship,countryOfExploitation,forms,count</c> line per
/// count, split over columns of at most <see cref="ChunkChars"/> characters) and, written last, a header row whose
/// presence marks the import complete. Insert-only: a data set is never changed.
/// </summary>
/// <param name="tables">The shared table clients.</param>
public sealed class TableCtdcRepository(TaskForceTables tables) : ICtdcRepository
{
    /// <summary>Characters per text column.</summary>
    public const int ChunkChars = 30_000;

    /// <summary>Text columns per part row (keeps an entity under the 1 MiB limit).</summary>
    public const int ChunksPerPart = 15;

    /// <inheritdoc/>
    public async Task<bool> AddIfNewAsync(CtdcDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string pk = TableKeys.CtdcPartition;
        try
        {
            await tables.Ctdc.GetEntityAsync<TableEntity>(pk, TableKeys.CtdcDatasetRow(dataset.Fingerprint), cancellationToken: cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // not stored yet
        }

        string text = string.Join('\n', dataset.Counts.Select(Line));
        var chunks = Enumerable.Range(0, (text.Length + ChunkChars - 1) / ChunkChars)
            .Select(i => text.Substring(i * ChunkChars, Math.Min(ChunkChars, text.Length - (i * ChunkChars)))).ToList();
        int parts = (chunks.Count + ChunksPerPart - 1) / ChunksPerPart;
        for (int p = 0; p < parts; p++)
        {
            var entity = new TableEntity(pk, TableKeys.CtdcPartRow(dataset.Fingerprint, p));
            var mine = chunks.Skip(p * ChunksPerPart).Take(ChunksPerPart).ToList();
            entity["Chunks"] = mine.Count;
            for (int c = 0; c < mine.Count; c++)
            {
                entity["Text" + c.ToString("D2", CultureInfo.InvariantCulture)] = mine[c];
            }

            await tables.Ctdc.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var header = new TableEntity(pk, TableKeys.CtdcDatasetRow(dataset.Fingerprint))
        {
            ["Fingerprint"] = dataset.Fingerprint,
            ["FileName"] = dataset.FileName,
            ["Records"] = dataset.Records,
            ["ImportedAt"] = InstantPattern.ExtendedIso.Format(dataset.ImportedAt),
            ["Parts"] = parts,
        };
        try
        {
            await tables.Ctdc.AddEntityAsync(header, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false; // a concurrent import of the same file finished first
        }
    }

    /// <inheritdoc/>
    public async Task<CtdcDataset?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        string pk = TableKeys.CtdcPartition;
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        TableEntity? latest = null;
        Instant latestAt = Instant.MinValue;
        await foreach (var e in tables.Ctdc.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey.Count(ch => ch == TableKeys.Separator) != 1)
            {
                continue; // a part row
            }

            var at = InstantPattern.ExtendedIso.Parse(e.GetString("ImportedAt") ?? string.Empty);
            if (at.Success && (latest is null || at.Value > latestAt || (at.Value == latestAt && string.CompareOrdinal(e.RowKey, latest.RowKey) > 0)))
            {
                latest = e;
                latestAt = at.Value;
            }
        }

        if (latest is null)
        {
            return null;
        }

        string fingerprint = latest.GetString("Fingerprint") ?? string.Empty;
        var text = new StringBuilder();
        int parts = latest.GetInt32("Parts") ?? 0;
        for (int p = 0; p < parts; p++)
        {
            var part = (await tables.Ctdc.GetEntityAsync<TableEntity>(pk, TableKeys.CtdcPartRow(fingerprint, p), cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            int chunks = part.GetInt32("Chunks") ?? 0;
            for (int c = 0; c < chunks; c++)
            {
                text.Append(part.GetString("Text" + c.ToString("D2", CultureInfo.InvariantCulture)));
            }
        }

        var counts = text.Length == 0 ? [] : text.ToString().Split('\n').Select(Parse).ToList();
        return new CtdcDataset(fingerprint, latest.GetString("FileName") ?? string.Empty, latest.GetInt32("Records") ?? 0, latestAt, counts);
    }

    private static string Line(CtdcCount c) => string.Join(',',
        c.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, ((int)c.Gender).ToString(CultureInfo.InvariantCulture), c.AgeBroad,
        c.Citizenship ?? string.Empty, c.CountryOfExploitation ?? string.Empty, ((int)c.Forms).ToString(CultureInfo.InvariantCulture),
        c.Count.ToString(CultureInfo.InvariantCulture));

    private static CtdcCount Parse(string line)
    {
        string[] f = line.Split(',');
        return new CtdcCount(
            f[0].Length == 0 ? null : int.Parse(f[0], CultureInfo.InvariantCulture),
            (CtdcGender)int.Parse(f[1], CultureInfo.InvariantCulture),
            f[2],
            f[3].Length == 0 ? null : f[3],
            f[4].Length == 0 ? null : f[4],
            (CaseExploitationForms)int.Parse(f[5], CultureInfo.InvariantCulture),
            long.Parse(f[6], CultureInfo.InvariantCulture));
    }
}
