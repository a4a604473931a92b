using Ardalis.Specification;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Workflows;
using TaskForce.Storage.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage implementation of <see cref="ICaseRepository"/> in the <c>cases</c> table: one partition per case
/// holding the <c>case</c> row, its <c>person|{id}</c> rows and its <c>idem|create_case|{key}</c> records
/// (docs/decisions/ADR-007-case-partition.md); identity encrypted with <see cref="IdentityProtector"/> (ADR-004).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Create: one transaction adds the case row, every person row and the idempotency record (insert-only: a
/// second writer gets 409 and nothing of its request lands). A 409 is settled by reading the idempotency record: same
/// fingerprint → the first case is returned; another fingerprint → the key was reused; no record → the id is taken.</item>
/// <item>Update: one transaction replaces the case row under <c>If-Match</c> with the ETag read, upserts the
/// person rows and adds one <c>history|NNNNNN</c> row per pending change (ADR-016); a stale ETag fails the whole
/// transaction (412) and becomes <see cref="ConcurrencyConflictException"/>.</item>
/// <item>Listing: a scan of <c>RowKey eq 'case'</c> (optionally <c>PartitionKey gt</c> the cursor), built with
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/> only, reading the summary columns; the
/// specification is evaluated in memory. At most <see cref="MaxScanPerPage"/> rows are scanned per page.</item>
/// </list>
/// </remarks>
/// <param name="tables">The shared table clients.</param>
/// <param name="protector">The identity protector.</param>
/// <param name="zone">The district zone (business date of the report on restore).</param>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class TableCaseRepository(TaskForceTables tables, IdentityProtector protector, DateTimeZone zone) : ICaseRepository, ICaseFactsReader, ICaseHistory
{
    /// <summary>The most case rows a listing page scans before it returns what it found with a cursor.</summary>
    public const int MaxScanPerPage = 1000;

    /// <inheritdoc/>
    public async Task<CaseCreateResult> AddAsync(CaseRecord record, string ownerAgency, IdempotencyClaim? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(ownerAgency);
        int persons = record.Victims.Count + record.Suspects.Count + record.Witnesses.Count;
        if (persons > CaseStorageLimits.MaxPersonsPerCase)
        {
            throw new Domain.Common.DomainValidationException("victims", Texts.Format(StorageText.TableCaseRepositoryCaseHoldsAtMost, CaseStorageLimits.MaxPersonsPerCase));
        }

        string pk = TableKeys.CasePartition(record.Id.Value);
        string? idemRow = idempotency is null ? null : TableKeys.IdempotencyRow(idempotency.Operation, idempotency.Key);
        if (idempotency is not null)
        {
            var earlier = await SettleIdempotencyAsync(pk, idemRow!, idempotency, cancellationToken).ConfigureAwait(false);
            if (earlier is not null)
            {
                return earlier;
            }
        }

        var (caseRow, personRows) = CaseEntityMapper.ToEntities(record, ownerAgency, protector);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, caseRow) };
        actions.AddRange(personRows.Select(p => new TableTransactionAction(TableTransactionActionType.Add, p)));
        if (idempotency is not null)
        {
            var (keyId, fingerprint) = protector.Fingerprint(idempotency.CanonicalRequest.Span);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, idemRow)
            {
                ["Kind"] = CaseEntityMapper.KindIdempotency,
                ["Operation"] = idempotency.Operation,
                ["CaseId"] = record.Id.Value,
                ["Fingerprint"] = fingerprint,
                ["FingerprintKeyId"] = keyId,
                ["CreatedAtText"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(record.CreatedAt),
            }));
        }

        try
        {
            var response = await tables.Cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            string etag = response.Value[0].Headers.ETag?.ToString() ?? await ReadETagAsync(pk, cancellationToken).ConfigureAwait(false);
            return new CaseCreateResult(CaseCreateOutcome.Created, new StoredCase(record, ownerAgency, etag));
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            if (idempotency is not null && await SettleIdempotencyAsync(pk, idemRow!, idempotency, cancellationToken).ConfigureAwait(false) is { } settled)
            {
                return settled;
            }

            return new CaseCreateResult(CaseCreateOutcome.IdAlreadyExists, null);
        }
    }

    /// <inheritdoc/>
    public async Task<StoredCase?> GetAsync(CaseId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        string pk = TableKeys.CasePartition(id.Value);
        string lower = TableKeys.PersonRow(string.Empty);
        string upper = lower[..^1] + '}';
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and (RowKey eq {TableKeys.CaseRow} or (RowKey ge {lower} and RowKey lt {upper}))");
        TableEntity? caseRow = null;
        var persons = new List<TableEntity>();
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == TableKeys.CaseRow)
            {
                caseRow = e;
            }
            else
            {
                persons.Add(e);
            }
        }

        if (caseRow is null)
        {
            return null;
        }

        var state = CaseEntityMapper.ToState(caseRow, persons, protector);
        return new StoredCase(CaseRecord.Restore(state, zone), caseRow.GetString("OwnerAgency"), caseRow.ETag.ToString());
    }

    /// <inheritdoc/>
    public async Task<CaseSummary?> GetSummaryAsync(CaseId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(TableKeys.CasePartition(id.Value), TableKeys.CaseRow, CaseEntityMapper.SummaryColumns, cancellationToken).ConfigureAwait(false);
        return row.HasValue ? CaseEntityMapper.ToSummary(row.Value!) : null;
    }

    /// <summary>Reads the facts workflow guards need from the case row (no persons, nothing decrypted): consent to
    /// share over all victims (<see cref="Domain.Cases.CaseRecord.SharingConsent"/>: <c>withdrawn</c> when any victim
    /// withdrew it, <c>refused</c>, <c>not_recorded</c>, else <c>given</c>; a row stored before ADR-018 reads its
    /// case-level flag), the UU 12/2022
    /// classification and the SPDP date, all as of the case's last write.</summary>
    /// <param name="caseId">The case id (unescaped). Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The facts, or <see langword="null"/> when no case is stored under the id.</returns>
    public async Task<CaseFacts?> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(TableKeys.CasePartition(caseId), TableKeys.CaseRow, CaseEntityMapper.SummaryColumns, cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return null;
        }

        var summary = CaseEntityMapper.ToSummary(row.Value!);
        var consent = row.Value!.GetString("ConsentToShare") switch
        {
            "given" => ConsentToShare.Given,
            "refused" => ConsentToShare.Refused,
            "withdrawn" => ConsentToShare.Withdrawn,
            "not_recorded" => ConsentToShare.NotRecorded,
            _ => summary.ConsentForSharing switch // a row stored before consent was kept per victim (ADR-018)
            {
                true => ConsentToShare.Given,
                false => ConsentToShare.Refused,
                null => ConsentToShare.NotRecorded,
            },
        };
        string victimIds = row.Value!.GetString("VictimIds") ?? string.Empty;
        return new CaseFacts(consent, summary.IsSexualViolence, summary.IsChildSexualViolence, summary.SpdpSentOn)
        {
            VictimIds = victimIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
            SuspectIds = row.Value!.GetString("SuspectIds")?.Split(',', StringSplitOptions.RemoveEmptyEntries),
            ReportedAt = summary.ReportedAt,
        };
    }

    /// <inheritdoc/>
    public async Task<string> UpdateAsync(CaseRecord record, string ownerAgency, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(ownerAgency);
        ArgumentNullException.ThrowIfNull(etag);
        if (record.Victims.Count + record.Suspects.Count + record.Witnesses.Count > CaseStorageLimits.MaxPersonsPerCase)
        {
            throw new Domain.Common.DomainValidationException("victims", Texts.Format(StorageText.TableCaseRepositoryCaseHoldsAtMost, CaseStorageLimits.MaxPersonsPerCase));
        }

        var (caseRow, personRows) = CaseEntityMapper.ToEntities(record, ownerAgency, protector);
        string pk = caseRow.PartitionKey;

        // The history count lives on the case row; read it at the version the caller holds (a newer version means the
        // caller's read is stale: the transaction below would fail on the ETag anyway).
        var current = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(pk, TableKeys.CaseRow, [CaseHistoryMapper.CountColumn], cancellationToken).ConfigureAwait(false);
        if (!current.HasValue)
        {
            throw new ConcurrencyConflictException(Texts.Format(StorageText.TableCaseRepositoryCaseLongerExists, record.Id.Value));
        }

        if (!string.Equals(current.Value!.ETag.ToString(), etag, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(Texts.Format(StorageText.TableCaseRepositoryCaseChangedSinceWas, record.Id.Value));
        }

        int written = current.Value.GetInt32(CaseHistoryMapper.CountColumn) ?? 0;
        var changes = record.PendingChanges;
        int removals = changes.Count(c => c.Kind == CaseChangeKind.PersonRemoved);
        if (1 + personRows.Count + changes.Count + removals > 100)
        {
            throw new Domain.Common.DomainValidationException("victims", Texts.Format(StorageText.TableCaseRepositoryCaseHoldsAtMost2, CaseStorageLimits.MaxPersonsPerCase));
        }

        caseRow[CaseHistoryMapper.CountColumn] = written + changes.Count;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, caseRow, new ETag(etag)) };
        actions.AddRange(personRows.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)));
        actions.AddRange(changes.Select((c, i) => new TableTransactionAction(TableTransactionActionType.Add, CaseHistoryMapper.ToEntity(pk, written + i + 1, c, protector))));

        // A person removed by mistake (ADR-017): its row, with its encrypted identity, goes in the same transaction.
        // A person added and removed in the same update never had a row.
        var addedNow = changes.Where(c => c.Kind == CaseChangeKind.PersonAdded).Select(c => c.PersonId).ToHashSet(StringComparer.Ordinal);
        actions.AddRange(changes.Where(c => c.Kind == CaseChangeKind.PersonRemoved && c.PersonId is not null && !addedNow.Contains(c.PersonId))
            .Select(c => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, TableKeys.PersonRow(c.PersonId!)), ETag.All)));
        try
        {
            var response = await tables.Cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            record.AcceptChanges();
            return response.Value[0].Headers.ETag?.ToString() ?? await ReadETagAsync(pk, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404 or 409)
        {
            throw new ConcurrencyConflictException(ex.Status == 404
                ? Texts.Format(StorageText.TableCaseRepositoryCaseLongerExists, record.Id.Value)
                : Texts.Format(StorageText.TableCaseRepositoryCaseChangedSinceWas, record.Id.Value), ex);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CaseHistoryEntry>?> ReadAsync(CaseId id, bool includeIdentity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        string pk = TableKeys.CasePartition(id.Value);
        string lower = TableKeys.HistoryRow(0);
        string upper = "history" + (char)(TableKeys.Separator + 1);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and (RowKey eq {TableKeys.CaseRow} or (RowKey gt {lower} and RowKey lt {upper}))");
        bool found = false;
        var entries = new List<CaseHistoryEntry>();
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == TableKeys.CaseRow)
            {
                found = true;
                continue;
            }

            entries.Add(CaseHistoryMapper.FromEntity(e, includeIdentity, protector));
        }

        return found ? entries : null;
    }

    /// <inheritdoc/>
    public async Task<CaseSummaryPage> ListAsync(ISpecification<CaseSummary> specification, string? resumeAfter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        string filter = resumeAfter is null
            ? TableClient.CreateQueryFilter($"RowKey eq {TableKeys.CaseRow}")
            : TableClient.CreateQueryFilter($"RowKey eq {TableKeys.CaseRow} and PartitionKey gt {resumeAfter}");
        var items = new List<CaseSummary>(limit);
        int scanned = 0;
        string? last = null;
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(MaxScanPerPage, 500), select: CaseEntityMapper.SummaryColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            scanned++;
            last = row.PartitionKey;
            var summary = CaseEntityMapper.ToSummary(row);
            if (specification.IsSatisfiedBy(summary))
            {
                items.Add(summary);
                if (items.Count == limit)
                {
                    return new CaseSummaryPage(items, last);
                }
            }

            if (scanned >= MaxScanPerPage)
            {
                return new CaseSummaryPage(items, last);
            }
        }

        return new CaseSummaryPage(items, null);
    }

    private async Task<CaseCreateResult?> SettleIdempotencyAsync(string pk, string idemRow, IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        var existing = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(pk, idemRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue)
        {
            return null;
        }

        var row = existing.Value!;
        var (_, fingerprint) = protector.Fingerprint(claim.CanonicalRequest.Span, row.GetString("FingerprintKeyId"));
        if (fingerprint is null || fingerprint != row.GetString("Fingerprint"))
        {
            return new CaseCreateResult(CaseCreateOutcome.KeyReusedWithDifferentRequest, null);
        }

        var stored = await GetAsync(CaseId.Parse(row.GetString("CaseId")), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The idempotency record of partition {pk} names a case that is not stored.");
        return new CaseCreateResult(CaseCreateOutcome.Replayed, stored);
    }

    private async Task<string> ReadETagAsync(string pk, CancellationToken cancellationToken)
    {
        var row = await tables.Cases.GetEntityAsync<TableEntity>(pk, TableKeys.CaseRow, ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        return row.Value.ETag.ToString();
    }
}
