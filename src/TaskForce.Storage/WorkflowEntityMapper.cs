using System.Globalization;
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

    public static TableEntity ToEventEntity(WorkflowChange change)
    {
        var e = change.Event;
        return new TableEntity(TableKeys.CasePartition(change.CaseId), TableKeys.WorkflowEventRow(change.Workflow, change.SubjectId, e.Sequence))
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
            ["Reason"] = e.Reason,
            ["Context"] = change.ContextJson,
        };
    }

    public static TransitionRecord ToRecord(TableEntity e) => new(
        Required(e, "Workflow"),
        Required(e, "SubjectId"),
        e.GetInt32("Sequence") ?? throw Corrupt(e, "Sequence"),
        e.GetString("From"),
        Required(e, "To"),
        Required(e, "ActorId"),
        Required(e, "Agency"),
        InstantPattern.ExtendedIso.Parse(Required(e, "RecordedAtText")).GetValueOrThrow(),
        LocalDatePattern.Iso.Parse(Required(e, "EffectiveOn")).GetValueOrThrow(),
        e.GetString("Reason"));

    /// <summary>Builds instances from the workflow rows of one case partition; events without a state row (never
    /// written by this code) are ignored.</summary>
    public static IEnumerable<StoredWorkflow> Assemble(IEnumerable<TableEntity> rows)
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
            yield return ToStored(state, events.TryGetValue(key, out var list) ? list : []);
        }
    }

    public static StoredWorkflow ToStored(TableEntity state, IEnumerable<TableEntity> events) => new(
        Required(state, "CaseId"),
        Required(state, "Workflow"),
        Required(state, "SubjectId"),
        Required(state, "State"),
        state.GetInt32("Version") ?? throw Corrupt(state, "Version"),
        Required(state, "Context"),
        [.. events.Select(ToRecord).OrderBy(r => r.Sequence)],
        state.ETag.ToString());

    private static string Required(TableEntity e, string column) => e.GetString(column) ?? throw Corrupt(e, column);

    private static InvalidOperationException Corrupt(TableEntity e, string column) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Row {e.PartitionKey}/{e.RowKey} has no {column}."));
}
