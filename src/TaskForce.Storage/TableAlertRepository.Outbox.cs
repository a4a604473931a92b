using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Alerts;
using TaskForce.Application.Ports;

namespace TaskForce.Storage;

/// <summary>The outbox side of the alert table (ADR-021): the <c>Queued</c> mark on the alert row, the acknowledgement
/// columns, and the delivery records in partition <c>v{date}</c> (row <c>{alert id}|{channel}</c>, insert-only).</summary>
public sealed partial class TableAlertRepository
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeadlineAlert>> ListUnqueuedAsync(LocalDate businessDate, CancellationToken cancellationToken = default)
    {
        string pk = TableKeys.AlertPartition(businessDate);
        var result = new List<DeadlineAlert>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and Queued eq {false}");
        await foreach (var e in tables.Alerts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(e));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task MarkQueuedAsync(DeadlineAlert alert, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var mark = new TableEntity(TableKeys.AlertPartition(alert.BusinessDate), TableKeys.AlertRow(alert.CaseId, alert.Workflow, alert.SubjectId, alert.DeadlineId))
        {
            ["Queued"] = true,
            ["QueuedAtText"] = InstantPattern.ExtendedIso.Format(at),
        };
        await tables.Alerts.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<AlertDeliveryRecord?> FindDeliveryAsync(LocalDate businessDate, string alertId, string channel, CancellationToken cancellationToken = default)
    {
        var found = await tables.Alerts.GetEntityIfExistsAsync<TableEntity>(TableKeys.AlertDeliveryPartition(businessDate), TableKeys.AlertDeliveryRow(alertId, channel), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } e ? DeliveryFrom(e) : null;
    }

    /// <inheritdoc/>
    public async Task<bool> AddDeliveryAsync(AlertDeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(TableKeys.AlertDeliveryPartition(record.BusinessDate), TableKeys.AlertDeliveryRow(record.AlertId, record.Channel))
        {
            ["BusinessDate"] = LocalDatePattern.Iso.Format(record.BusinessDate),
            ["AlertId"] = record.AlertId,
            ["Channel"] = record.Channel,
            ["State"] = record.State == AlertDeliveryState.Delivered ? "delivered" : "dead_lettered",
            ["AtText"] = InstantPattern.ExtendedIso.Format(record.At),
            ["Attempt"] = record.Attempt,
        };
        try
        {
            await tables.Alerts.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false; // insert-only: the first record stands
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AlertDeliveryRecord>> ListDeliveriesAsync(LocalDate businessDate, CancellationToken cancellationToken = default)
    {
        string pk = TableKeys.AlertDeliveryPartition(businessDate);
        var result = new List<AlertDeliveryRecord>();
        await foreach (var e in tables.Alerts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(DeliveryFrom(e));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<DeadlineAlert?> FindAsync(string alertId, CancellationToken cancellationToken = default)
    {
        var entity = await FindEntityAsync(alertId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc/>
    public async Task<DeadlineAlert> AcknowledgeAsync(DeadlineAlert alert, Instant at, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var entity = await FindEntityAsync(alert.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Alert {alert.Id} is not stored.");
        if (entity.GetString("AcknowledgedAtText") is null)
        {
            var change = new TableEntity(entity.PartitionKey, entity.RowKey)
            {
                ["AcknowledgedAtText"] = InstantPattern.ExtendedIso.Format(at),
                ["AcknowledgedBy"] = userId,
            };
            try
            {
                await tables.Alerts.UpdateEntityAsync(change, entity.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // changed meanwhile (another acknowledgement or the queued mark): read what is stored now
            }

            entity = await FindEntityAsync(alert.Id, cancellationToken).ConfigureAwait(false) ?? entity;
            if (entity.GetString("AcknowledgedAtText") is null)
            {
                // the 412 came from the queued mark: acknowledge over the new version
                change["AcknowledgedAtText"] = InstantPattern.ExtendedIso.Format(at);
                await tables.Alerts.UpdateEntityAsync(change, entity.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                entity = await FindEntityAsync(alert.Id, cancellationToken).ConfigureAwait(false) ?? entity;
            }
        }

        return FromEntity(entity);
    }

    private async Task<TableEntity?> FindEntityAsync(string alertId, CancellationToken cancellationToken)
    {
        if (!AlertIds.TryParse(alertId, out var date))
        {
            return null;
        }

        string pk = TableKeys.AlertPartition(date);
        await foreach (var e in tables.Alerts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and AlertId eq {alertId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return e;
        }

        return null;
    }

    private static AlertDeliveryRecord DeliveryFrom(TableEntity e) => new(
        LocalDatePattern.Iso.Parse(Text(e, "BusinessDate")).GetValueOrThrow(),
        Text(e, "AlertId"),
        Text(e, "Channel"),
        Text(e, "State") == "delivered" ? AlertDeliveryState.Delivered : AlertDeliveryState.DeadLettered,
        InstantPattern.ExtendedIso.Parse(Text(e, "AtText")).GetValueOrThrow(),
        e.GetInt64("Attempt") ?? 0);
}
