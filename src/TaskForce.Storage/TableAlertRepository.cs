using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage implementation of <see cref="IAlertRepository"/> on the <c>alerts</c> table (ADR-007): partition
/// <c>d{YYYY-MM-DD}</c> per business date, row <c>{case}|{workflow}|{subject}|{deadline kind}</c>, added insert-only.
/// Columns carry ids, codes, dates and a status only — no personal data.
/// </summary>
/// <param name="tables">The shared table clients.</param>
/// <threadsafety>Thread-safe; two concurrent runs for one day write each alert once (a 409 is "already stored").</threadsafety>
public sealed partial class TableAlertRepository(TaskForceTables tables) : IAlertRepository, IAlertOutbox
{
    private const int MaxTransactionActions = TableVerdictRepository.MaxTransactionActions;

    /// <inheritdoc/>
    public async Task<int> AddNewAsync(LocalDate businessDate, IReadOnlyList<DeadlineAlert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Any(a => a.BusinessDate != businessDate))
        {
            throw new ArgumentException("Every alert must carry the business date of the run.", nameof(alerts));
        }

        string pk = TableKeys.AlertPartition(businessDate);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        await foreach (var e in tables.Alerts.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            stored.Add(e.RowKey);
        }

        var toAdd = new List<TableEntity>();
        foreach (var alert in alerts)
        {
            var entity = ToEntity(alert);
            if (stored.Add(entity.RowKey))
            {
                toAdd.Add(entity);
            }
        }

        int written = 0;
        foreach (var chunk in toAdd.Chunk(MaxTransactionActions))
        {
            try
            {
                await tables.Alerts.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
                written += chunk.Length;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Another run of the same day wrote some of these meanwhile: settle each alert on its own.
                foreach (var e in chunk)
                {
                    try
                    {
                        await tables.Alerts.AddEntityAsync(e, cancellationToken).ConfigureAwait(false);
                        written++;
                    }
                    catch (RequestFailedException one) when (one.Status == 409)
                    {
                        // already stored: insert-only, nothing rewritten
                    }
                }
            }
        }

        return written;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeadlineAlert>> ListAsync(LocalDate businessDate, CancellationToken cancellationToken = default)
    {
        string pk = TableKeys.AlertPartition(businessDate);
        var result = new List<DeadlineAlert>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        await foreach (var e in tables.Alerts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(e));
        }

        return result;
    }

    private static TableEntity ToEntity(DeadlineAlert a) => new(TableKeys.AlertPartition(a.BusinessDate), TableKeys.AlertRow(a.CaseId, a.Workflow, a.SubjectId, a.DeadlineId))
    {
        ["BusinessDate"] = LocalDatePattern.Iso.Format(a.BusinessDate),
        ["CaseId"] = a.CaseId,
        ["Workflow"] = a.Workflow,
        ["SubjectId"] = a.SubjectId,
        ["DeadlineId"] = a.DeadlineId,
        ["DueOn"] = LocalDatePattern.Iso.Format(a.DueOn),
        ["DueAtText"] = a.DueAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null,
        ["Status"] = StatusCode(a.Status),
        ["DaysOverdue"] = a.DaysOverdue,
        ["StartedBySequence"] = a.StartedBySequence,
        ["RuleConfirmed"] = a.RuleConfirmed,
        ["RaisedAt"] = a.RaisedAt.ToDateTimeOffset(),
        ["RaisedAtText"] = InstantPattern.ExtendedIso.Format(a.RaisedAt),
        ["AlertId"] = a.Id,
        ["Agency"] = a.Agency,
        ["Assignee"] = a.Assignee, // staff account id (ADR-020), additive: absent on older rows
        ["Queued"] = false, // the outbox mark (ADR-021): rows written before it have no column and are never queued
        ["Kind"] = a.Kind,
    };

    private static DeadlineAlert FromEntity(TableEntity e) => new(
        LocalDatePattern.Iso.Parse(Text(e, "BusinessDate")).GetValueOrThrow(),
        Text(e, "CaseId"),
        Text(e, "Workflow"),
        Text(e, "SubjectId"),
        Text(e, "DeadlineId"),
        LocalDatePattern.Iso.Parse(Text(e, "DueOn")).GetValueOrThrow(),
        e.GetString("DueAtText") is { } at ? InstantPattern.ExtendedIso.Parse(at).GetValueOrThrow() : null,
        Text(e, "Status") switch { "overdue" => DeadlineAlertStatus.Overdue, "due_soon" => DeadlineAlertStatus.DueSoon, _ => DeadlineAlertStatus.DueToday },
        e.GetInt32("DaysOverdue") ?? 0,
        e.GetInt32("StartedBySequence") ?? 0,
        e.GetBoolean("RuleConfirmed") ?? false,
        InstantPattern.ExtendedIso.Parse(Text(e, "RaisedAtText")).GetValueOrThrow(),
        e.GetString("Kind") ?? DeadlineAlertKinds.WorkflowDeadline)
    {
        Agency = e.GetString("Agency") ?? string.Empty,
        Assignee = e.GetString("Assignee"),
        AcknowledgedAt = e.GetString("AcknowledgedAtText") is { } ack ? InstantPattern.ExtendedIso.Parse(ack).GetValueOrThrow() : null,
        AcknowledgedBy = e.GetString("AcknowledgedBy"),
    };

    private static string StatusCode(DeadlineAlertStatus status) => status switch
    {
        DeadlineAlertStatus.Overdue => "overdue",
        DeadlineAlertStatus.DueSoon => "due_soon",
        _ => "due_today",
    };

    private static string Text(TableEntity e, string column) =>
        e.GetString(column) ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Alert {e.PartitionKey}/{e.RowKey} has no {column}."));
}
