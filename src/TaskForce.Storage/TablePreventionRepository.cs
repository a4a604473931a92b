using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Application.Prevention;
using TaskForce.Domain.Common;
using TaskForce.Domain.Prevention;

namespace TaskForce.Storage;

/// <summary>
/// Prevention activities in the <c>prevention</c> table (ADR-033): partition <c>activity</c>, row
/// <c>pa|{escaped id}</c>, one entity per activity with its facts in columns (codes, dates as <c>YYYY-MM-DD</c>,
/// instants as <see cref="DateTimeOffset"/>). No personal data is stored: counts, codes and checked notes.
/// </summary>
/// <param name="tables">The tables.</param>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class TablePreventionRepository(TaskForceTables tables) : IPreventionRepository
{
    /// <inheritdoc/>
    public async Task<StoredPreventionActivity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var response = await tables.Prevention.GetEntityIfExistsAsync<TableEntity>(TableKeys.PreventionPartition, TableKeys.PreventionRow(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? Map(response.Value!) : null;
    }

    /// <inheritdoc/>
    public async Task<string?> AddAsync(PreventionActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            var response = await tables.Prevention.AddEntityAsync(ToEntity(activity), cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<string> ReplaceAsync(PreventionActivity activity, string ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            var response = await tables.Prevention.UpdateEntityAsync(ToEntity(activity), new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(e.ErrorCode ?? "412", e); // the use case words it for the reader
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredPreventionActivity>> ListAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.PreventionPartition} and Date ge {Iso(first)} and Date le {Iso(last)}");
        var result = new List<StoredPreventionActivity>();
        await foreach (var entity in tables.Prevention.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(Map(entity));
        }

        return result;
    }

    private static TableEntity ToEntity(PreventionActivity a)
    {
        var f = a.Facts;
        return new TableEntity(TableKeys.PreventionPartition, TableKeys.PreventionRow(a.Id))
        {
            ["Id"] = a.Id,
            ["Agency"] = a.Agency,
            ["Kind"] = PreventionCodes.ToCode(f.Kind),
            ["Date"] = Iso(f.Date),
            ["Place"] = f.Place.Value,
            ["FemaleAdult"] = f.Participants.FemaleAdult,
            ["MaleAdult"] = f.Participants.MaleAdult,
            ["FemaleChild"] = f.Participants.FemaleChild,
            ["MaleChild"] = f.Participants.MaleChild,
            ["BudgetSource"] = PreventionCodes.ToCode(f.Budget),
            ["Notes"] = f.Notes,
            ["RecordedBy"] = a.RecordedBy,
            ["RecordedAt"] = a.RecordedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = a.UpdatedAt.ToDateTimeOffset(),
        };
    }

    private static StoredPreventionActivity Map(TableEntity e)
    {
        var facts = new PreventionActivityFacts(
            PreventionCodes.ParseKind(e.GetString("Kind"), "Kind"),
            LocalDatePattern.Iso.Parse(e.GetString("Date") ?? string.Empty).GetValueOrThrow(),
            RegionCode.Parse(e.GetString("Place")),
            ParticipantCounts.Create(e.GetInt32("FemaleAdult"), e.GetInt32("MaleAdult"), e.GetInt32("FemaleChild"), e.GetInt32("MaleChild")),
            PreventionCodes.ParseBudget(e.GetString("BudgetSource"), "BudgetSource"),
            e.GetString("Notes"));
        var activity = PreventionActivity.Restore(e.GetString("Id") ?? string.Empty, e.GetString("Agency") ?? string.Empty, facts, e.GetString("RecordedBy") ?? string.Empty,
            Instant.FromDateTimeOffset(e.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.UnixEpoch), Instant.FromDateTimeOffset(e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch));
        return new StoredPreventionActivity(activity, e.ETag.ToString());
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
