using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Workflows;
using TaskForce.Storage.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage implementation of <see cref="ICaseTiesStore"/> on the <c>cases</c> table (ADR-020): the ties of a case
/// are read from its own partition in one query (the <c>case</c> row's owner and consent to share, the
/// <c>assignment</c> row, the referral state rows and the criminal-justice event rows, selected columns only, nothing
/// decrypted); an assignment is one transaction of the assignment row, a <c>history|NNNNNN</c> row and the case row's
/// history count under its ETag.
/// </summary>
/// <param name="tables">The shared table clients.</param>
/// <param name="protector">Encrypts the reason of a history entry (ADR-004).</param>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class TableCaseTies(TaskForceTables tables, IdentityProtector protector) : ICaseTiesStore
{
    /// <summary>The largest page of <see cref="ListReferralsAsync"/>.</summary>
    public const int MaxReferralPage = 1000;

    private static readonly string[] TieColumns = ["RowKey", "Kind", "OwnerAgency", "ConsentToShare", "ConsentForSharing", "AssignedTo", "Workflow", "SubjectId", "State", "Context", "Agency"];

    /// <inheritdoc/>
    public async Task<CaseTies?> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        string pk = TableKeys.CasePartition(caseId);
        string referralFrom = TableKeys.WorkflowRowsOf(ReferralWorkflow.Code);
        string referralTo = TableKeys.WorkflowRowsEnd(ReferralWorkflow.Code);
        string justiceFrom = TableKeys.WorkflowRowsOf(CriminalJusticeWorkflow.Code);
        string justiceTo = TableKeys.WorkflowRowsEnd(CriminalJusticeWorkflow.Code);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and (RowKey eq {TableKeys.CaseRow} or RowKey eq {TableKeys.AssignmentRow} or (RowKey ge {referralFrom} and RowKey lt {referralTo}) or (RowKey ge {justiceFrom} and RowKey lt {justiceTo}))");
        TableEntity? caseRow = null;
        string? assignedTo = null;
        var referrals = new List<ReferralTie>();
        var justice = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(filter, select: TieColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            string kind = e.GetString("Kind") ?? string.Empty;
            if (e.RowKey == TableKeys.CaseRow)
            {
                caseRow = e;
            }
            else if (e.RowKey == TableKeys.AssignmentRow)
            {
                assignedTo = e.GetString("AssignedTo");
            }
            else if (kind == WorkflowEntityMapper.KindState && e.GetString("Workflow") == ReferralWorkflow.Code)
            {
                var context = ReadReferral(e.GetString("Context"));
                referrals.Add(new ReferralTie(e.GetString("SubjectId") ?? string.Empty, context.Kind, context.FromAgency, context.ToAgency, e.GetString("State") ?? string.Empty));
            }
            else if (kind == WorkflowEntityMapper.KindEvent && e.GetString("Workflow") == CriminalJusticeWorkflow.Code && e.GetString("Agency") is { Length: > 0 } agency)
            {
                justice.Add(agency.Trim().ToLowerInvariant());
            }
        }

        if (caseRow is null)
        {
            return null;
        }

        string? consent = caseRow.GetString("ConsentToShare");
        bool given = consent is null ? caseRow.GetBoolean("ConsentForSharing") == true : consent == "given";
        return new CaseTies(caseRow.GetString("OwnerAgency") ?? string.Empty)
        {
            AssignedTo = assignedTo,
            Referrals = referrals,
            JusticeAgencies = [.. justice],
            SharingConsentGiven = given,
        };
    }

    /// <inheritdoc/>
    public async Task<CaseAssignment> AssignAsync(string caseId, CaseChange change, string? assignedTo, string expectedOwner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(expectedOwner);
        string pk = TableKeys.CasePartition(caseId);
        var current = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(pk, TableKeys.CaseRow, [CaseHistoryMapper.CountColumn, "OwnerAgency"], cancellationToken).ConfigureAwait(false);
        if (!current.HasValue || !string.Equals(current.Value!.GetString("OwnerAgency"), expectedOwner, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConcurrencyConflictException(Texts.Format(StorageText.TableCaseTiesCaseChangedOwnerLonger, caseId));
        }

        int sequence = (current.Value.GetInt32(CaseHistoryMapper.CountColumn) ?? 0) + 1;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, new TableEntity(pk, TableKeys.CaseRow) { [CaseHistoryMapper.CountColumn] = sequence }, current.Value.ETag),
            new(TableTransactionActionType.Add, CaseHistoryMapper.ToEntity(pk, sequence, change, protector)),
            assignedTo is null
                ? new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, TableKeys.AssignmentRow) { ["Kind"] = "assignment" })
                : new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, TableKeys.AssignmentRow) { ["Kind"] = "assignment", ["AssignedTo"] = assignedTo, ["AssignedAt"] = change.At.ToDateTimeOffset() }),
        };
        try
        {
            await tables.Cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException(Texts.Format(StorageText.TableCaseTiesCaseChangedDuringAssignment, caseId), ex);
        }

        return new CaseAssignment(caseId, assignedTo, sequence);
    }

    /// <inheritdoc/>
    public async Task<ReferralSlice> ListReferralsAsync(string toAgency, string? state, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toAgency);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxReferralPage);

        // A scan of the referral state rows of every case partition (district scale, as ADR-007 accepts for the
        // deadline run), in key order, resumed after the last row handed out; the receiving agency sits in the row's
        // context JSON, so it is compared here. One row more than the page is read to know whether a next page exists.
        string filter = TableClient.CreateQueryFilter(
            $"RowKey ge {TableKeys.WorkflowRowsOf(ReferralWorkflow.Code)} and RowKey lt {TableKeys.WorkflowRowsEnd(ReferralWorkflow.Code)} and Kind eq {WorkflowEntityMapper.KindState}");
        if (state is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"State eq {state}");
        }

        if (after is not null)
        {
            var (pk, rk) = ParsePosition(after);
            filter += " and " + TableClient.CreateQueryFilter($"(PartitionKey gt {pk} or (PartitionKey eq {pk} and RowKey gt {rk}))");
        }

        var items = new List<(ReferralListItem Item, string Position)>();
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "CaseId", "SubjectId", "State", "Version", "Context", "UpdatedAtText"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var context = ReadReferral(e.GetString("Context"));
            if (!string.Equals(context.ToAgency.Trim(), toAgency.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            items.Add((new ReferralListItem(
                e.GetString("CaseId") ?? string.Empty,
                e.GetString("SubjectId") ?? string.Empty,
                context.Kind == ReferralKind.Transfer ? "transfer" : "referral",
                context.FromAgency,
                context.ToAgency,
                e.GetString("State") ?? string.Empty,
                e.GetInt32("Version") ?? 0,
                e.GetString("UpdatedAtText") ?? string.Empty), e.PartitionKey + TableKeys.Separator + e.RowKey));
            if (items.Count > limit)
            {
                break;
            }
        }

        return items.Count > limit
            ? new ReferralSlice([.. items.Take(limit).Select(i => i.Item)], items[limit - 1].Position)
            : new ReferralSlice([.. items.Select(i => i.Item)], null);
    }

    /// <summary>Splits a position <c>{partition}|{row}</c>: an escaped case partition holds no separator
    /// (<see cref="TableKeys.Escape"/>), the row key may.</summary>
    private static (string PartitionKey, string RowKey) ParsePosition(string after)
    {
        int bar = after.IndexOf(TableKeys.Separator, StringComparison.Ordinal);
        return bar > 0 && bar < after.Length - 1
            ? (after[..bar], after[(bar + 1)..])
            : throw new ArgumentException("Not a position of the referral listing.", nameof(after));
    }

    private static ReferralContext ReadReferral(string? json) =>
        JsonSerializer.Deserialize<ReferralContext>(json ?? "null", TaskForceJson.Options)
            ?? throw new InvalidDataException("A referral state row has no context.");
}
