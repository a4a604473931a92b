using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Domain.Workflows;

namespace TaskForce.Storage;

/// <summary>
/// Maps workflow instances to rows of the case partition (ADR-007): the state row <c>wf|{workflow}|{subject}</c> and
/// one audit-event row <c>wf|{workflow}|{subject}|ev|{sequence:D6}</c> per change. Dates are <c>YYYY-MM-DD</c> strings,
/// instants a <c>DateTimeOffset</c> plus their exact ISO text (ADR-001); the instance's facts are the domain context
/// as snake_case JSON (no personal data).
/// </summary>
/// <remarks>
/// A transition's free-text reason may name a person ("korban dipindahkan ke rumah aman ..."), so it is stored only
/// encrypted, like identity fields (<see cref="IdentityProtector"/>, ADR-004; UU 21/2007 Pasal 44): columns
/// <c>ReasonProtected</c> and <c>ReasonKeyId</c>, bound to the row by the associated data
/// <c>{PartitionKey}|{RowKey}|reason</c>. A change without a reason needs no key. Rows written before this rule with a
/// plain <c>Reason</c> column are still read.
/// </remarks>
internal static class WorkflowEntityMapper
{
    public const string KindState = "workflow";
    public const string KindEvent = "workflow_event";

    public static TableEntity ToStateEntity(WorkflowChange change) => new(TableKeys.CasePartition(change.CaseId), TableKeys.WorkflowRow(change.Workflow, change.SubjectId))
    {
        ["Kind"] = KindState,
        ["CaseId"] = change.CaseId,
        ["Workflow"] = change.Workflow,
        ["SubjectId"] = change.SubjectId,
        ["State"] = change.State,
        ["Version"] = change.Version,
        ["Context"] = change.ContextJson,
        ["UpdatedAt"] = change.Event.RecordedAt.ToDateTimeOffset(),
        ["UpdatedAtText"] = InstantPattern.ExtendedIso.Format(change.Event.RecordedAt),
    };

    public static TableEntity ToEventEntity(WorkflowChange change, IdentityProtector protector)
    {
        var e = change.Event;
        var entity = new TableEntity(TableKeys.CasePartition(change.CaseId), TableKeys.WorkflowEventRow(change.Workflow, change.SubjectId, e.Sequence))
        {
            ["Kind"] = KindEvent,
            ["CaseId"] = change.CaseId,
            ["Workflow"] = e.Workflow,
            ["SubjectId"] = e.SubjectId,
            ["Sequence"] = e.Sequence,
            ["From"] = e.From,
            ["To"] = e.To,
            ["ActorId"] = e.ActorId,
            ["Agency"] = e.Agency,
            ["RecordedAt"] = e.RecordedAt.ToDateTimeOffset(),
            ["RecordedAtText"] = InstantPattern.ExtendedIso.Format(e.RecordedAt),
            ["EffectiveOn"] = LocalDatePattern.Iso.Format(e.EffectiveOn),
            ["Context"] = change.ContextJson,
        };
        if (e.EffectiveAt is { } effectiveAt)
        {
            entity["EffectiveAtText"] = InstantPattern.ExtendedIso.Format(effectiveAt);
        }

        if (e.Reason is not null)
        {
            var (keyId, value) = protector.Protect(Encoding.UTF8.GetBytes(e.Reason), AssociatedData(entity.PartitionKey, entity.RowKey, ReasonField));
            entity["ReasonProtected"] = value;
            entity["ReasonKeyId"] = keyId;
        }

        return entity;
    }

    /// <summary>Adds the first answer of an idempotent transition to its idempotency row, encrypted when the answer
    /// carries a reason (columns <c>ResultProtected</c>/<c>ResultKeyId</c>), else as plain <c>ResultJson</c>.</summary>
    public static void SetReplayResult(TableEntity row, string resultJson, bool carriesReason, IdentityProtector protector)
    {
        if (!carriesReason)
        {
            row["ResultJson"] = resultJson;
            return;
        }

        var (keyId, value) = protector.Protect(Encoding.UTF8.GetBytes(resultJson), AssociatedData(row.PartitionKey, row.RowKey, ResultField));
        row["ResultProtected"] = value;
        row["ResultKeyId"] = keyId;
    }

    /// <summary>Reads the first answer written by <see cref="SetReplayResult"/>.</summary>
    public static string GetReplayResult(TableEntity row, IdentityProtector protector) =>
        row.GetString("ResultProtected") is { } value
            ? Encoding.UTF8.GetString(protector.Unprotect(row.GetString("ResultKeyId") ?? string.Empty, value, AssociatedData(row.PartitionKey, row.RowKey, ResultField)))
            : row.GetString("ResultJson") ?? string.Empty;

    public static TransitionRecord ToRecord(TableEntity e, IdentityProtector protector) => new TransitionRecord(
        Required(e, "Workflow"),
        Required(e, "SubjectId"),
        e.GetInt32("Sequence") ?? throw Corrupt(e, "Sequence"),
        e.GetString("From"),
        Required(e, "To"),
        Required(e, "ActorId"),
        Required(e, "Agency"),
        InstantPattern.ExtendedIso.Parse(Required(e, "RecordedAtText")).GetValueOrThrow(),
        LocalDatePattern.Iso.Parse(Required(e, "EffectiveOn")).GetValueOrThrow(),
        Reason(e, protector))
    {
        EffectiveAt = e.GetString("EffectiveAtText") is { } at ? InstantPattern.ExtendedIso.Parse(at).GetValueOrThrow() : null,
    };

    /// <summary>Builds instances from the workflow rows of one case partition; events without a state row (never
    /// written by this code) are ignored.</summary>
    public static IEnumerable<StoredWorkflow> Assemble(IEnumerable<TableEntity> rows, IdentityProtector protector)
    {
        var states = new List<TableEntity>();
        var events = new Dictionary<(string Workflow, string Subject), List<TableEntity>>();
        foreach (var row in rows)
        {
            string? kind = row.GetString("Kind");
            string? workflow = row.GetString("Workflow");
            string? subject = row.GetString("SubjectId");
            if (workflow is null || subject is null)
            {
                continue;
            }

            if (kind == KindState)
            {
                states.Add(row);
            }
            else if (kind == KindEvent)
            {
                var key = (workflow, subject);
                if (!events.TryGetValue(key, out var list))
                {
                    events[key] = list = [];
                }

                list.Add(row);
            }
        }

        foreach (var state in states
            .OrderBy(s => s.GetString("Workflow"), StringComparer.Ordinal)
            .ThenBy(s => s.GetString("SubjectId"), StringComparer.Ordinal))
        {
            var key = (state.GetString("Workflow")!, state.GetString("SubjectId")!);
            yield return ToStored(state, events.TryGetValue(key, out var list) ? list : [], protector);
        }
    }

    public static StoredWorkflow ToStored(TableEntity state, IEnumerable<TableEntity> events, IdentityProtector protector) => new(
        Required(state, "CaseId"),
        Required(state, "Workflow"),
        Required(state, "SubjectId"),
        Required(state, "State"),
        state.GetInt32("Version") ?? throw Corrupt(state, "Version"),
        Required(state, "Context"),
        [.. events.Select(e => ToRecord(e, protector)).OrderBy(r => r.Sequence)],
        state.ETag.ToString());

    private const string ReasonField = "reason";
    private const string ResultField = "result";

    private static string AssociatedData(string partitionKey, string rowKey, string field) => $"{partitionKey}|{rowKey}|{field}";

    private static string? Reason(TableEntity e, IdentityProtector protector) =>
        e.GetString("ReasonProtected") is { } value
            ? Encoding.UTF8.GetString(protector.Unprotect(e.GetString("ReasonKeyId") ?? string.Empty, value, AssociatedData(e.PartitionKey, e.RowKey, ReasonField)))
            : e.GetString("Reason");

    private static string Required(TableEntity e, string column) => e.GetString(column) ?? throw Corrupt(e, column);

    private static InvalidOperationException Corrupt(TableEntity e, string column) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Row {e.PartitionKey}/{e.RowKey} has no {column}."));
}
