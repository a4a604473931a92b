using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases.History;
using TaskForce.Storage.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage implementation of <see cref="IWorkflowRepository"/> on the <c>cases</c> table
/// (docs/decisions/ADR-007-case-partition.md): a workflow instance is a state row and its audit-event rows in the case's
/// partition; a transition is one transaction of Add(event) + UpdateReplace(state, If-Match ETag), so a stale writer
/// fails as a whole (412) and a duplicate sequence is impossible (the event key is insert-only).
/// </summary>
/// <remarks>Transition reasons (free text that may name a person) are stored encrypted with the identity key
/// (<see cref="IdentityProtector"/>; see <c>WorkflowEntityMapper</c>): writing or reading a reason without a configured
/// key throws <see cref="IdentityProtectionException"/> and writes nothing.</remarks>
/// <param name="tables">The shared table clients.</param>
/// <param name="protector">Encrypts and decrypts transition reasons.</param>
/// <threadsafety>Thread-safe; concurrent writers on one instance are serialised by the state row's ETag.</threadsafety>
public sealed class TableWorkflowRepository(TaskForceTables tables, IdentityProtector protector) : IWorkflowRepository
{
    /// <inheritdoc/>
    public async Task<StoredWorkflow?> LoadAsync(string caseId, string workflow, string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(subjectId);
        string pk = TableKeys.CasePartition(caseId);
        string row = TableKeys.WorkflowRow(workflow, subjectId);
        string eventsFrom = row + TableKeys.Separator + "ev" + TableKeys.Separator;
        string eventsTo = row + TableKeys.Separator + "ev}";
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and (RowKey eq {row} or (RowKey ge {eventsFrom} and RowKey lt {eventsTo}))");
        TableEntity? state = null;
        var events = new List<TableEntity>();
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == row)
            {
                state = e;
            }
            else if (e.GetString("Kind") == WorkflowEntityMapper.KindEvent)
            {
                events.Add(e);
            }
        }

        return state is null ? null : WorkflowEntityMapper.ToStored(state, events, protector);
    }

    /// <inheritdoc/>
    public async Task<(StoredWorkflow Workflow, bool Created)> CreateAsync(WorkflowChange start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        CheckChange(start);
        if (start.Version != 1 || start.Event.From is not null)
        {
            throw new ArgumentException("A start has version 1 and an event without a from-state.", nameof(start));
        }

        var state = WorkflowEntityMapper.ToStateEntity(start);
        var ev = WorkflowEntityMapper.ToEventEntity(start, protector);
        try
        {
            var response = await tables.Cases.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, ev),
                    new TableTransactionAction(TableTransactionActionType.Add, state),
                ],
                cancellationToken).ConfigureAwait(false);
            string etag = response.Value[1].Headers.ETag?.ToString() ?? string.Empty;
            return (new StoredWorkflow(start.CaseId, start.Workflow, start.SubjectId, start.State, start.Version, start.ContextJson, [start.Event], etag), true);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var existing = await LoadAsync(start.CaseId, start.Workflow, start.SubjectId, cancellationToken).ConfigureAwait(false);
            return existing is null
                ? throw new WorkflowConcurrencyException(start.CaseId, start.Workflow, start.SubjectId, ex)
                : (existing, false);
        }
    }

    /// <inheritdoc/>
    public Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, CancellationToken cancellationToken = default) =>
        SaveAsync(change, expectedETag, null, cancellationToken);

    /// <inheritdoc/>
    public Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, TransitionIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        return SaveAsync(change, expectedETag, idempotency, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<TransitionIdempotency?> FindTransitionReplayAsync(string caseId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(key);
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(TableKeys.CasePartition(caseId), TableKeys.IdempotencyRow(TransitionOperation, key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue
            ? new TransitionIdempotency(key, row.Value!.GetString("RequestFingerprint") ?? string.Empty, WorkflowEntityMapper.GetReplayResult(row.Value, protector))
            : null;
    }

    /// <summary>The operation name of transition idempotency rows (<c>idem|transition|{key}</c>).</summary>
    public const string TransitionOperation = "transition";

    private async Task<string> SaveAsync(WorkflowChange change, string expectedETag, TransitionIdempotency? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(expectedETag);
        CheckChange(change);
        if (change.Version < 2 || change.Event.From is null)
        {
            throw new ArgumentException("A transition has a version of at least 2 and an event with a from-state.", nameof(change));
        }

        var state = WorkflowEntityMapper.ToStateEntity(change);
        var ev = WorkflowEntityMapper.ToEventEntity(change, protector);
        try
        {
            // The event first: if its sequence is taken the transaction fails before the state row is touched.
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, ev),
                new(TableTransactionActionType.UpdateReplace, state, new ETag(expectedETag)),
            };
            if (change.OwnerChange is { } owner)
            {
                actions.AddRange(await OwnerChangeActionsAsync(state.PartitionKey, change.CaseId, owner, cancellationToken).ConfigureAwait(false));
            }

            if (idempotency is not null)
            {
                var replay = new TableEntity(state.PartitionKey, TableKeys.IdempotencyRow(TransitionOperation, idempotency.Key))
                {
                    ["Kind"] = "idempotency",
                    ["RequestFingerprint"] = idempotency.RequestFingerprint,
                };
                WorkflowEntityMapper.SetReplayResult(replay, idempotency.ResultJson, change.Event.Reason is not null, protector);
                actions.Add(new(TableTransactionActionType.Add, replay));
            }

            var response = await tables.Cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            if (response.Value[1].Headers.ETag is { } etag)
            {
                return etag.ToString();
            }

            var stored = await tables.Cases.GetEntityAsync<TableEntity>(state.PartitionKey, state.RowKey, ["Version"], cancellationToken).ConfigureAwait(false);
            return stored.Value.ETag.ToString();
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new WorkflowConcurrencyException(change.CaseId, change.Workflow, change.SubjectId, ex);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            throw new WorkflowNotFoundException(Texts.Format(StorageText.TableWorkflowRepositoryCaseHasWorkflow, change.CaseId, change.Workflow, change.SubjectId), ex);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredWorkflow>> ListByCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        string pk = TableKeys.CasePartition(caseId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {TableKeys.WorkflowRowsLowerBound} and RowKey lt {TableKeys.WorkflowRowsUpperBound}");
        var rows = new List<TableEntity>();
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(e);
        }

        return [.. WorkflowEntityMapper.Assemble(rows, protector)];
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredWorkflow> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A scan of the workflow rows of every partition (ADR-007: acceptable at district scale). Rows arrive ordered by
        // partition, so one case's rows are assembled at a time.
        string filter = TableClient.CreateQueryFilter($"RowKey ge {TableKeys.WorkflowRowsLowerBound} and RowKey lt {TableKeys.WorkflowRowsUpperBound}");
        var rows = new List<TableEntity>();
        string? partition = null;
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (partition is not null && e.PartitionKey != partition)
            {
                foreach (var w in WorkflowEntityMapper.Assemble(rows, protector))
                {
                    yield return w;
                }

                rows.Clear();
            }

            partition = e.PartitionKey;
            rows.Add(e);
        }

        foreach (var w in WorkflowEntityMapper.Assemble(rows, protector))
        {
            yield return w;
        }
    }

    // A transfer accepted (ADR-020): the case row's owner and history count change under its ETag, the assignment is
    // cleared and the history entry is added, all in the workflow transition's transaction.
    private async Task<IEnumerable<TableTransactionAction>> OwnerChangeActionsAsync(string pk, string caseId, CaseOwnerChange owner, CancellationToken cancellationToken)
    {
        var current = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(pk, TableKeys.CaseRow, [CaseHistoryMapper.CountColumn, "OwnerAgency"], cancellationToken).ConfigureAwait(false);
        if (!current.HasValue)
        {
            throw new WorkflowNotFoundException(caseId, string.Empty, string.Empty);
        }

        var assignment = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(pk, TableKeys.AssignmentRow, ["AssignedTo"], cancellationToken).ConfigureAwait(false);
        string? assignedTo = assignment.HasValue ? assignment.Value!.GetString("AssignedTo") : null;
        List<FieldChange> fields = [new("owner_agency", JsonText(current.Value!.GetString("OwnerAgency")), JsonText(owner.NewOwner), false)];
        if (assignedTo is not null)
        {
            fields.Add(new("assigned_to", JsonText(assignedTo), null, false));
        }

        var change = new CaseChange(CaseChangeKind.OwnershipTransferred, null, fields, owner.Reason, owner.Actor, owner.At);
        int sequence = (current.Value.GetInt32(CaseHistoryMapper.CountColumn) ?? 0) + 1;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, new TableEntity(pk, TableKeys.CaseRow) { ["OwnerAgency"] = owner.NewOwner, [CaseHistoryMapper.CountColumn] = sequence }, current.Value.ETag),
            new(TableTransactionActionType.Add, CaseHistoryMapper.ToEntity(pk, sequence, change, protector)),
        };
        if (assignment.HasValue)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, TableKeys.AssignmentRow) { ["Kind"] = "assignment" }));
        }

        return actions;
    }

    private static string? JsonText(string? value) => value is null ? null : System.Text.Json.JsonSerializer.Serialize(value);

    private static void CheckChange(WorkflowChange change)
    {
        var e = change.Event ?? throw new ArgumentException("The change has no event.", nameof(change));
        if (e.Workflow != change.Workflow || e.SubjectId != change.SubjectId || e.Sequence != change.Version || e.To != change.State)
        {
            throw new ArgumentException("The change's workflow, subject, version and state must be its event's.", nameof(change));
        }
    }
}
