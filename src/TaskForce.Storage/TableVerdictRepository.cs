using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using TaskForce.Application.Ports;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage implementation of <see cref="IVerdictRepository"/>: verdicts partitioned by decision year, each
/// verdict's rows written in one transaction with its header last, transactions of at most
/// <see cref="MaxTransactionActions"/> actions in one partition (docs/decisions/ADR-001-table-storage-partitions.md).
/// </summary>
/// <param name="tables">The shared table clients.</param>
/// <threadsafety>Thread-safe; concurrent importers of the same file never store a verdict twice (a header is added
/// with insert-only semantics; a 409 is re-checked and counted as a duplicate or a conflict). Corrections are kept as
/// revisions, the case-number index row naming the current one (docs/decisions/ADR-015-verdict-revisions.md).</threadsafety>
public sealed partial class TableVerdictRepository(TaskForceTables tables) : IVerdictRepository, IVerdictRevisions
{
    /// <summary>The most actions in one Table Storage transaction (service limit, docs/sources.md#azure-table-storage).</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>The header column holding the id of the write call that stored the verdict: a retried request whose
    /// first attempt committed is then recognised as this call's own write, not a duplicate.</summary>
    public const string WriteIdColumn = "WriteId";

    /// <summary>Gets or sets whether writes are batched into transactions (the default) or sent one entity per
    /// request. Only the benchmark turns batching off, to measure the difference.</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool UseTransactions { get; set; } = true;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<VerdictWriteOutcome>> AddNewAsync(IReadOnlyList<VerdictToStore> verdicts, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var outcomes = new VerdictWriteOutcome[verdicts.Count];
        string writeId = Guid.NewGuid().ToString("N");
        int handled = 0;
        var admitted = await ClaimCaseNumbersAsync(verdicts, outcomes, writeId, cancellationToken).ConfigureAwait(false);
        handled += verdicts.Count - admitted.Count;
        progress?.Report(handled);
        foreach (var partition in admitted.GroupBy(x => TableKeys.VerdictPartition(x.v.Verdict.Facts.DecisionDate)))
        {
            var stored = await LoadHeadersAsync(partition.Key, cancellationToken).ConfigureAwait(false);
            var toWrite = new List<(VerdictToStore Item, int Index)>();
            foreach (var (item, index) in partition)
            {
                if (stored.TryGetValue(TableKeys.VerdictRow(item.Verdict.CaseNumber), out string? fingerprint))
                {
                    outcomes[index] = fingerprint == item.Fingerprint ? VerdictWriteOutcome.Duplicate : VerdictWriteOutcome.Conflict;
                    progress?.Report(++handled);
                }
                else
                {
                    toWrite.Add((item, index));
                }
            }

            var batch = new List<TableTransactionAction>();
            var batchMembers = new List<(VerdictToStore Item, int Index)>();
            foreach (var (item, index) in toWrite)
            {
                var actions = Actions(item, writeId);
                if (!UseTransactions)
                {
                    outcomes[index] = await WriteOneByOneAsync(item, actions, writeId, cancellationToken).ConfigureAwait(false);
                    progress?.Report(++handled);
                    continue;
                }

                if (batch.Count + actions.Count > MaxTransactionActions && batch.Count > 0)
                {
                    handled += await SubmitAsync(batch, batchMembers, outcomes, writeId, cancellationToken).ConfigureAwait(false);
                    progress?.Report(handled);
                }

                if (actions.Count > MaxTransactionActions)
                {
                    // A verdict with more than 100 rows: children first in full chunks, the header in the last one,
                    // so a header exists only when all its rows do.
                    for (int start = 0; start < actions.Count - MaxTransactionActions; start += MaxTransactionActions)
                    {
                        var chunk = actions.Skip(start).Take(Math.Min(MaxTransactionActions, actions.Count - 1 - start)).ToList();
                        await tables.Verdicts.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                    }

                    int done = (actions.Count - 1) / MaxTransactionActions * MaxTransactionActions;
                    actions = actions.Skip(done).ToList();
                }

                batch.AddRange(actions);
                batchMembers.Add((item, index));
            }

            if (batch.Count > 0)
            {
                handled += await SubmitAsync(batch, batchMembers, outcomes, writeId, cancellationToken).ConfigureAwait(false);
                progress?.Report(handled);
            }
        }

        return outcomes;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Domain.CourtOutcomes.CourtVerdict> ListDecidedBetweenAsync(LocalDate firstDate, LocalDate lastDate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The index is read first and decides which row of each verdict is current (ADR-015): a correction writes
        // its revision's rows before it switches the index and never deletes a row, so whatever index state this
        // read sees, the rows it names exist, and each verdict is counted once, in its current partition only.
        var index = await LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        var partitions = Enumerable.Range(firstDate.Year, lastDate.Year - firstDate.Year + 1).Select(TableKeys.VerdictPartition).Append(TableKeys.VerdictPartition(null));
        foreach (string pk in partitions)
        {
            var rows = new List<TableEntity>();
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
            await foreach (var e in tables.Verdicts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(e);
            }

            foreach (var group in rows.GroupBy(r => TableKeys.VerdictRowOf(r.RowKey)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var header = CurrentRowOf(group.Key, pk, group, index);
                if (header is null)
                {
                    continue; // rows of an interrupted write whose header never landed, or not the current revision's partition
                }

                var verdict = VerdictEntityMapper.FromEntities(header, group);
                if (verdict.Facts.DecisionDate is not { } d || (d >= firstDate && d <= lastDate))
                {
                    yield return verdict;
                }
            }
        }
    }

    // The row counted for a verdict in a partition: the one the index names, when the index places the verdict here;
    // the header row for a verdict the index does not know (a store written before the index existed).
    private static TableEntity? CurrentRowOf(string headerKey, string partition, IEnumerable<TableEntity> rows, Dictionary<string, VerdictIndexEntry> index)
    {
        if (!index.TryGetValue(headerKey, out var entry))
        {
            return rows.FirstOrDefault(r => r.RowKey == headerKey && r.GetString("Kind") == VerdictEntityMapper.KindVerdict);
        }

        return entry.Partition != partition ? null
            : rows.FirstOrDefault(r => r.RowKey == entry.CurrentRow && r.GetString("Fingerprint") == entry.Fingerprint);
    }

    private async Task<Dictionary<string, VerdictIndexEntry>> LoadIndexAsync(CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, VerdictIndexEntry>(StringComparer.Ordinal);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.VerdictIndexPartition}");
        await foreach (var e in tables.Verdicts.QueryAsync<TableEntity>(filter, select: VerdictIndexEntry.Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            index[e.RowKey] = VerdictIndexEntry.From(e);
        }

        return index;
    }

    /// <summary>
    /// Claims each case number in the case-number index (partition <see cref="TableKeys.VerdictIndexPartition"/>), so
    /// a case number is stored once whatever its decision year: a case number indexed with other facts is a conflict;
    /// one indexed with the same facts goes on to the header check (a duplicate, or the completion of an interrupted
    /// write); one whose facts are those of a corrected revision (current or earlier) is a duplicate: the correction
    /// stands (ADR-015); a new one is claimed insert-only, batched by 100.
    /// </summary>
    private async Task<List<(VerdictToStore v, int i)>> ClaimCaseNumbersAsync(IReadOnlyList<VerdictToStore> verdicts, VerdictWriteOutcome[] outcomes, string writeId, CancellationToken cancellationToken)
    {
        var index = await LoadIndexAsync(cancellationToken).ConfigureAwait(false);

        var admitted = new List<(VerdictToStore v, int i)>();
        var toClaim = new List<(VerdictToStore v, int i, TableEntity Row)>();
        for (int i = 0; i < verdicts.Count; i++)
        {
            var item = verdicts[i];
            string rk = TableKeys.VerdictRow(item.Verdict.CaseNumber);
            if (index.TryGetValue(rk, out var entry))
            {
                if (entry.Revision == 1 && entry.Fingerprint == item.Fingerprint)
                {
                    admitted.Add((item, i));
                }
                else
                {
                    outcomes[i] = entry.Revisions.Any(r => r.Fingerprint == item.Fingerprint) ? VerdictWriteOutcome.Duplicate : VerdictWriteOutcome.Conflict;
                }

                continue;
            }

            toClaim.Add((item, i, new TableEntity(TableKeys.VerdictIndexPartition, rk)
            {
                ["Kind"] = "case_index",
                ["CaseNumber"] = item.Verdict.CaseNumber,
                ["Fingerprint"] = item.Fingerprint,
                ["Partition"] = TableKeys.VerdictPartition(item.Verdict.Facts.DecisionDate),
                [WriteIdColumn] = writeId,
            }));
        }

        foreach (var chunk in toClaim.Chunk(MaxTransactionActions))
        {
            try
            {
                if (UseTransactions)
                {
                    await tables.Verdicts.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c.Row)), cancellationToken).ConfigureAwait(false);
                    admitted.AddRange(chunk.Select(c => (c.v, c.i)));
                    continue;
                }
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Another writer claimed one of these meanwhile, or a retry re-sent a committed batch: one by one.
            }

            foreach (var (item, i, row) in chunk)
            {
                try
                {
                    await tables.Verdicts.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                    admitted.Add((item, i));
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    var existing = (await tables.Verdicts.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Fingerprint", WriteIdColumn], cancellationToken).ConfigureAwait(false)).Value;
                    if (existing.GetString(WriteIdColumn) == writeId || existing.GetString("Fingerprint") == item.Fingerprint)
                    {
                        admitted.Add((item, i));
                    }
                    else
                    {
                        outcomes[i] = VerdictWriteOutcome.Conflict;
                    }
                }
            }
        }

        admitted.Sort((a, b) => a.i.CompareTo(b.i));
        return admitted;
    }

    private async Task<Dictionary<string, string>> LoadHeadersAsync(string partition, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {VerdictEntityMapper.KindVerdict}");
        await foreach (var e in tables.Verdicts.QueryAsync<TableEntity>(filter, select: ["RowKey", "Fingerprint"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result[e.RowKey] = e.GetString("Fingerprint") ?? string.Empty;
        }

        return result;
    }

    private static List<TableTransactionAction> Actions(VerdictToStore item, string writeId)
    {
        var (header, children) = VerdictEntityMapper.ToEntities(item.Verdict, item.Fingerprint);
        header[WriteIdColumn] = writeId;
        if (item.RecordedAt is { } at)
        {
            VerdictEntityMapper.PutInstant(header, VerdictEntityMapper.RecordedAtColumn, at);
        }

        return children.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c))
            .Append(new TableTransactionAction(TableTransactionActionType.Add, header))
            .ToList();
    }

    private async Task<int> SubmitAsync(List<TableTransactionAction> batch, List<(VerdictToStore Item, int Index)> members, VerdictWriteOutcome[] outcomes, string writeId, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Verdicts.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
            foreach (var (_, index) in members)
            {
                outcomes[index] = VerdictWriteOutcome.Added;
            }
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Another writer stored one of these verdicts meanwhile, or a retry re-sent a transaction whose first
            // attempt had committed (its response was lost): settle each verdict on its own.
            foreach (var (item, index) in members)
            {
                outcomes[index] = await WriteOneByOneAsync(item, Actions(item, writeId), writeId, cancellationToken).ConfigureAwait(false);
            }
        }

        int count = members.Count;
        batch.Clear();
        members.Clear();
        return count;
    }

    private async Task<VerdictWriteOutcome> WriteOneByOneAsync(VerdictToStore item, List<TableTransactionAction> actions, string writeId, CancellationToken cancellationToken)
    {
        var header = actions[^1].Entity;
        var existing = await tables.Verdicts.GetEntityIfExistsAsync<TableEntity>(header.PartitionKey, header.RowKey, ["Fingerprint", WriteIdColumn], cancellationToken).ConfigureAwait(false);
        if (existing.HasValue)
        {
            return Settle(existing.Value!, item, writeId);
        }

        foreach (var action in actions.Take(actions.Count - 1))
        {
            await tables.Verdicts.UpsertEntityAsync(action.Entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await tables.Verdicts.AddEntityAsync(header, cancellationToken).ConfigureAwait(false);
            return VerdictWriteOutcome.Added;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var now = await tables.Verdicts.GetEntityAsync<TableEntity>(header.PartitionKey, header.RowKey, ["Fingerprint", WriteIdColumn], cancellationToken).ConfigureAwait(false);
            return Settle(now.Value, item, writeId);
        }
    }

    // A header written by this very call (a retried request whose first attempt committed) counts as added.
    private static VerdictWriteOutcome Settle(TableEntity existing, VerdictToStore item, string writeId) =>
        existing.GetString(WriteIdColumn) == writeId ? VerdictWriteOutcome.Added
        : existing.GetString("Fingerprint") == item.Fingerprint ? VerdictWriteOutcome.Duplicate
        : VerdictWriteOutcome.Conflict;
}
