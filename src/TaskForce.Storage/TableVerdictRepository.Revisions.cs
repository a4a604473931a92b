using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Storage.Resources;

namespace TaskForce.Storage;

/// <summary>Corrections of stored verdicts, kept as revisions (docs/decisions/ADR-015-verdict-revisions.md).</summary>
public sealed partial class TableVerdictRepository
{
    /// <summary>The most revisions one verdict can have (the imported record and its corrections): the index row lists
    /// them all in one string column of at most 32K characters.</summary>
    public const int MaxRevisions = 100;

    /// <inheritdoc/>
    /// <remarks>Two steps, each atomic in its own partition: (1) the revision's rows (children, then its header-like
    /// row <c>Kind=revision</c>) are written in the partition of its decision year under keys no other revision uses;
    /// (2) the case-number index row is switched to it with an <c>If-Match</c> on the ETag read before step 1. Until
    /// step 2 the earlier revision stays current and complete; nothing is ever deleted, so every revision stays
    /// readable and a reader never finds the verdict twice or not at all.</remarks>
    /// <exception cref="DomainValidationException">The verdict has <see cref="MaxRevisions"/> revisions already
    /// (field <c>corrects</c>).</exception>
    public async Task<VerdictCorrectionResult> CorrectAsync(VerdictCorrection correction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var verdict = correction.Verdict;
        string rk = TableKeys.VerdictRow(verdict.CaseNumber);
        var found = await tables.Verdicts.GetEntityIfExistsAsync<TableEntity>(TableKeys.VerdictIndexPartition, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue)
        {
            return new VerdictCorrectionResult(VerdictCorrectionOutcome.NotStored, 0);
        }

        var indexRow = found.Value!;
        var entry = VerdictIndexEntry.From(indexRow);
        var current = await tables.Verdicts.GetEntityIfExistsAsync<TableEntity>(entry.Partition, entry.CurrentRow, ["Fingerprint"], cancellationToken).ConfigureAwait(false);
        if (!current.HasValue || current.Value!.GetString("Fingerprint") != entry.Fingerprint)
        {
            return new VerdictCorrectionResult(VerdictCorrectionOutcome.NotStored, 0); // claimed by an import that never completed
        }

        string reasonHash = ReasonHash(correction.Reason);
        if (entry.Fingerprint == correction.Fingerprint || entry.Revisions.Any(r => r.Fingerprint == correction.Fingerprint && r.ReasonHash == reasonHash))
        {
            return new VerdictCorrectionResult(VerdictCorrectionOutcome.Duplicate, entry.Revision);
        }

        if (entry.Revision >= MaxRevisions)
        {
            throw new DomainValidationException("corrects", Texts.Format(StorageText.TableVerdictRepositoryRevisionsCaseNumberHasRevisions, verdict.CaseNumber, entry.Revision, MaxRevisions));
        }

        int number = entry.Revision + 1;
        string writeId = Guid.NewGuid().ToString("N");
        string revisionRow = TableKeys.VerdictRevisionRow(verdict.CaseNumber, number, writeId);
        var (row, children) = VerdictEntityMapper.ToEntities(verdict, correction.Fingerprint);
        row.RowKey = revisionRow;
        row["Kind"] = VerdictEntityMapper.KindRevision;
        row[VerdictEntityMapper.RevisionColumn] = number;
        row[VerdictEntityMapper.ReasonColumn] = correction.Reason;
        row[WriteIdColumn] = writeId;
        VerdictEntityMapper.PutInstant(row, VerdictEntityMapper.RecordedAtColumn, correction.RecordedAt);

        // Step 1: children first, the revision's row last (in the last chunk), so the row exists only when all its
        // children do.
        var actions = children.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c))
            .Append(new TableTransactionAction(TableTransactionActionType.Add, row))
            .ToList();
        foreach (var chunk in actions.Chunk(MaxTransactionActions))
        {
            try
            {
                await tables.Verdicts.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // A retry re-sent a transaction whose first attempt committed: the row carries this call's write id.
                var mine = await tables.Verdicts.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, [WriteIdColumn], cancellationToken).ConfigureAwait(false);
                if (!mine.HasValue || mine.Value!.GetString(WriteIdColumn) != writeId)
                {
                    throw;
                }
            }
        }

        // Step 2: the index row, the single source of truth for which revision is current, names the new one.
        var next = entry with
        {
            Fingerprint = correction.Fingerprint,
            Partition = row.PartitionKey,
            CurrentRow = revisionRow,
            Revision = number,
            Revisions = [.. entry.Revisions, new VerdictRevisionRef(number, correction.Fingerprint, row.PartitionKey, revisionRow, reasonHash)],
        };
        var update = new TableEntity(TableKeys.VerdictIndexPartition, rk);
        next.WriteTo(update);
        try
        {
            await tables.Verdicts.UpdateEntityAsync(update, indexRow.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            var now = VerdictIndexEntry.From((await tables.Verdicts.GetEntityAsync<TableEntity>(TableKeys.VerdictIndexPartition, rk, VerdictIndexEntry.Columns, cancellationToken).ConfigureAwait(false)).Value);
            return now.CurrentRow == revisionRow ? new VerdictCorrectionResult(VerdictCorrectionOutcome.Revised, number) // a retry whose first attempt committed
                : now.Fingerprint == correction.Fingerprint ? new VerdictCorrectionResult(VerdictCorrectionOutcome.Duplicate, now.Revision) // the same facts won meanwhile
                : new VerdictCorrectionResult(VerdictCorrectionOutcome.Conflict, now.Revision);
        }

        return new VerdictCorrectionResult(VerdictCorrectionOutcome.Revised, number);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="caseNumber"/> is <see langword="null"/>.</exception>
    public async Task<IReadOnlyList<VerdictRevision>?> GetHistoryAsync(string caseNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        string rk = TableKeys.VerdictRow(caseNumber);
        var found = await tables.Verdicts.GetEntityIfExistsAsync<TableEntity>(TableKeys.VerdictIndexPartition, rk, VerdictIndexEntry.Columns, cancellationToken).ConfigureAwait(false);
        if (!found.HasValue)
        {
            return null;
        }

        var entry = VerdictIndexEntry.From(found.Value!);
        var rowsByPartition = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var history = new List<VerdictRevision>(entry.Revisions.Count);
        foreach (var revision in entry.Revisions)
        {
            if (!rowsByPartition.TryGetValue(revision.Partition, out var rows))
            {
                rows = [];
                string filter = TableClient.CreateQueryFilter($"PartitionKey eq {revision.Partition} and RowKey ge {rk} and RowKey lt {TableKeys.VerdictRowsEnd(caseNumber)}");
                await foreach (var e in tables.Verdicts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(e);
                }

                rowsByPartition.Add(revision.Partition, rows);
            }

            var head = rows.FirstOrDefault(r => r.RowKey == revision.Row && r.GetString("Fingerprint") == revision.Fingerprint);
            if (head is null)
            {
                continue; // revision 1 of an import that never completed
            }

            history.Add(new VerdictRevision(
                revision.Number,
                revision.Number == entry.Revision,
                head.GetString(VerdictEntityMapper.ReasonColumn),
                VerdictEntityMapper.GetInstant(head, VerdictEntityMapper.RecordedAtColumn),
                VerdictEntityMapper.FromEntities(head, rows)));
        }

        return history.Count == 0 ? null : history;
    }

    private static string ReasonHash(string reason) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reason)))[..16];
}
