using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Storage;

/// <summary>
/// The counting read model in the <c>casefacts</c> table (docs/decisions/ADR-012-counting-read-model.md).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>f|{year}|{region}|{b}</c> / <c>{case}|{nnn}</c>: de-identified fact rows (column <c>Json</c>), one per
/// victim, in every year the case can affect, and <c>f|open|{region}|{b}</c> while a deadline runs.</item>
/// <item><c>l|{year}|{region}|{b}</c> / <c>{case}|{nnn}</c>: the victim-list entries of consented trafficking cases for
/// the hidden-victim linkage, identity encrypted as in the case partition (ADR-004), in the report year only.</item>
/// <item><c>marker|{b}</c> / <c>{case}</c>: the partitions holding the case's rows; its ETag is the projection's
/// compare-and-set.</item>
/// <item><c>{b}</c> is the case's bucket (<see cref="Bucket"/>, one of 4): a region-year is 4 adjacent partitions,
/// still read by one partition-range query, and a region-year's writes spread over 4 partitions (ADR-012, "Buckets":
/// on Azurite a write into a partition slows with the partition's size; on Azure a partition serves about 2,000
/// entities/s).</item>
/// <item><c>intent</c> / <c>{case}|{id}</c>: a write announced and not yet followed; readers read such a case from its
/// partition.</item>
/// </list>
/// </remarks>
/// <param name="tables">The tables.</param>
/// <param name="protector">Encrypts the victim-list entries and derives the person-key secret.</param>
public sealed class TableCaseFactStore(TaskForceTables tables, IdentityProtector protector) : ICaseFactStore
{
    private const int PageSize = 1000;
    private const int ParallelPartitions = 4;
    private const string MarkerPrefix = "marker";
    private const string IntentPartition = "intent";
    private const string NoKey = "none";
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private readonly (string KeyId, byte[] Secret) personSecret = protector.PersonKeySecret();

    /// <inheritdoc/>
    public string KeyId => personSecret.KeyId;

    private TableClient Table => tables.CaseFacts;

    /// <summary>Returns the bucket of a case: one digit, <c>0</c>–<c>3</c>, the low 2 bits of the 32-bit FNV-1a hash
    /// of the case id's UTF-8 bytes (stable across processes and versions).</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <returns>The bucket digit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseId"/> is <see langword="null"/>.</exception>
    public static char Bucket(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(caseId))
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        return (char)('0' + (int)(hash & 0x3));
    }

    /// <inheritdoc/>
    public PersonKeyer CreateKeyer() => new(personSecret.Secret);

    /// <inheritdoc/>
    public async Task<string> AddIntentAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        string id = Guid.NewGuid().ToString("N");
        await Table.AddEntityAsync(new TableEntity(IntentPartition, IntentRow(caseId, id)) { ["CaseId"] = caseId }, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <inheritdoc/>
    public async Task RemoveIntentAsync(string caseId, string intentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(intentId);
        await Table.DeleteEntityAsync(IntentPartition, IntentRow(caseId, intentId), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> AddIntentsAsync(IReadOnlyList<string> caseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var ids = caseIds.Select(_ => Guid.NewGuid().ToString("N")).ToList();
        await SubmitAsync(
            [.. caseIds.Select((c, i) => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(IntentPartition, IntentRow(c, ids[i])) { ["CaseId"] = c }))],
            cancellationToken).ConfigureAwait(false);
        return ids;
    }

    /// <inheritdoc/>
    public async Task RemoveIntentsAsync(IReadOnlyList<(string CaseId, string IntentId)> intents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intents);
        foreach (var chunk in intents.Chunk(100))
        {
            try
            {
                await Table.SubmitTransactionAsync(
                    chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(IntentPartition, IntentRow(i.CaseId, i.IntentId)), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                foreach (var (caseId, intentId) in chunk)
                {
                    await RemoveIntentAsync(caseId, intentId, cancellationToken).ConfigureAwait(false); // one was gone: one by one
                }
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> AddCreatedAsync(IReadOnlyList<CaseFactProjection> projections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projections);
        var byPartition = new SortedDictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var markers = new List<TableEntity>(projections.Count);
        foreach (var projection in projections)
        {
            var rows = Rows(projection.CaseId, projection);
            foreach (var (pk, entities) in rows)
            {
                if (!byPartition.TryGetValue(pk, out var list))
                {
                    byPartition[pk] = list = [];
                }

                list.AddRange(entities);
            }

            markers.Add(new TableEntity(MarkerPartition(projection.CaseId), TableKeys.Escape(projection.CaseId))
            {
                ["CaseId"] = projection.CaseId,
                ["Partitions"] = string.Join(',', rows.Keys.Order(StringComparer.Ordinal)),
            });
        }

        // Rows first, then the markers: a case is in the read model only once its marker and its rows are both stored.
        // Partitions are independent, so their batches go in parallel. A new case's rows are inserted (Add: one lookup
        // on the server, where UpsertReplace costs a lookup and a replace); a batch that meets an existing row (a
        // projection stopped before its marker, or another writer's) is written again as UpsertReplace, as before:
        // such a row is rewritten by the re-projection of its case below.
        await Parallel.ForEachAsync(
            byPartition.Values,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelPartitions, CancellationToken = cancellationToken },
            async (entities, ct) =>
            {
                foreach (var batch in entities.Chunk(100))
                {
                    try
                    {
                        await Table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct).ConfigureAwait(false);
                    }
                    catch (TableTransactionFailedException e) when (e.Status == 409)
                    {
                        await Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct).ConfigureAwait(false);
                    }
                }
            }).ConfigureAwait(false);

        var conflicts = new List<string>();
        foreach (var chunk in markers.GroupBy(m => m.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(100)))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(m => new TableTransactionAction(TableTransactionActionType.Add, m)), cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // A marker already existed, so nothing of this batch was written: one by one, and report the conflicts.
                foreach (var m in chunk)
                {
                    try
                    {
                        await Table.AddEntityAsync(m, cancellationToken).ConfigureAwait(false);
                    }
                    catch (RequestFailedException c) when (c.Status == 409)
                    {
                        conflicts.Add(m.GetString("CaseId"));
                    }
                }
            }
        }

        return conflicts;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CaseFactIntent>> ListIntentsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<CaseFactIntent>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {IntentPartition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, PageSize, ["RowKey", "CaseId", "Timestamp"], cancellationToken).ConfigureAwait(false))
        {
            string row = e.RowKey;
            result.Add(new CaseFactIntent(e.GetString("CaseId"), row[(row.LastIndexOf(TableKeys.Separator) + 1)..], e.Timestamp ?? DateTimeOffset.MinValue));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<CaseFactMarker?> GetMarkerAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var e = await Table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition(caseId), TableKeys.Escape(caseId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!e.HasValue || e.Value is null)
        {
            return null;
        }

        string partitions = e.Value.GetString("Partitions") ?? string.Empty;
        return new CaseFactMarker(e.Value.ETag.ToString(), partitions.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <inheritdoc/>
    public async Task<bool> ReplaceAsync(string caseId, CaseFactMarker? expected, CaseFactProjection? projection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        string caseKey = TableKeys.Escape(caseId);
        var rows = projection is null ? new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal) : Rows(caseId, projection);

        // New rows first (replace), then rows of this case no longer wanted; a brand-new case has none to look for.
        foreach (var (pk, entities) in rows)
        {
            var actions = entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
            if (expected is not null)
            {
                await foreach (string rk in CaseRowKeysAsync(pk, caseKey, cancellationToken).ConfigureAwait(false))
                {
                    if (!entities.Any(e => e.RowKey == rk))
                    {
                        actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, rk), ETag.All));
                    }
                }
            }

            await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        foreach (string pk in expected?.Partitions.Where(p => !rows.ContainsKey(p)) ?? [])
        {
            var actions = new List<TableTransactionAction>();
            await foreach (string rk in CaseRowKeysAsync(pk, caseKey, cancellationToken).ConfigureAwait(false))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, rk), ETag.All));
            }

            await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        var marker = new TableEntity(MarkerPartition(caseId), caseKey) { ["CaseId"] = caseId, ["Partitions"] = string.Join(',', rows.Keys.Order(StringComparer.Ordinal)) };
        try
        {
            if (expected is null)
            {
                await Table.AddEntityAsync(marker, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Table.UpdateEntityAsync(marker, new ETag(expected.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredCaseFact> ReadFactsAsync(string year, RegionCode region, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(region);
        await foreach (var e in RangeAsync("f", year, region, ["PartitionKey", "CaseId", "KeyId", "Json"], cancellationToken).ConfigureAwait(false))
        {
            var dto = JsonSerializer.Deserialize<FactJson>(e.GetString("Json"), TaskForceJson.Options)
                ?? throw new InvalidOperationException($"An empty fact row in {e.PartitionKey}.");
            yield return new StoredCaseFact(e.GetString("CaseId"), e.PartitionKey, e.GetString("KeyId"), dto.ToFact());
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredListEntry> ReadListEntriesAsync(int year, RegionCode region, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        string y = year.ToString("D4", CultureInfo.InvariantCulture);
        await foreach (var e in RangeAsync("l", y, region, ["PartitionKey", "RowKey", "CaseId", "ReportedOn", "IdentityKeyId", "Entry"], cancellationToken).ConfigureAwait(false))
        {
            string keyId = e.GetString("IdentityKeyId");
            byte[] json = keyId == NoKey ? Convert.FromBase64String(e.GetString("Entry")) : protector.Unprotect(keyId, e.GetString("Entry"), e.PartitionKey + TableKeys.Separator + e.RowKey);
            var entry = JsonSerializer.Deserialize<VictimListEntry>(json, TaskForceJson.Options)
                ?? throw new InvalidOperationException($"An empty victim-list row in {e.PartitionKey}.");
            yield return new StoredListEntry(e.GetString("CaseId"), IsoDate.Parse(e.GetString("ReportedOn")).Value, entry);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<(string Partition, string RowKey, string CaseId)> ListAllRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string kind in new[] { "f", "l" })
        {
            // f|… and l|… only: the intent partition sorts between them and is not a row of the read model.
            string filter = TableClient.CreateQueryFilter($"PartitionKey ge {kind + TableKeys.Separator} and PartitionKey lt {kind + "}"}");
            await foreach (var e in Table.QueryAsync<TableEntity>(filter, PageSize, ["PartitionKey", "RowKey", "CaseId"], cancellationToken).ConfigureAwait(false))
            {
                yield return (e.PartitionKey, e.RowKey, e.GetString("CaseId"));
            }
        }
    }

    /// <inheritdoc/>
    public async Task DeleteRowAsync(string partition, string rowKey, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);

    /// <summary>The rows of a projection by partition: fact rows in every year, victim-list rows (encrypted) in the
    /// report year.</summary>
    private Dictionary<string, List<TableEntity>> Rows(string caseId, CaseFactProjection projection)
    {
        string caseKey = TableKeys.Escape(caseId);
        var rows = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);

        string region = TableKeys.Escape(projection.Region.Value);
        string bucket = TableKeys.Separator.ToString() + Bucket(caseId);
        foreach (string year in projection.Years)
        {
            string pk = "f" + TableKeys.Separator + year + TableKeys.Separator + region + bucket;
            rows[pk] = [.. projection.Facts.Select((f, i) => new TableEntity(pk, Row(caseKey, i))
            {
                ["CaseId"] = caseId,
                ["KeyId"] = KeyId,
                ["Json"] = JsonSerializer.Serialize(FactJson.From(f), TaskForceJson.Options),
            })];
        }

        if (projection.ListEntries.Count > 0)
        {
            string pk = "l" + TableKeys.Separator + projection.ReportedYear.ToString("D4", CultureInfo.InvariantCulture) + TableKeys.Separator + region + bucket;
            string reportedOn = IsoDate.Format(DistrictTime.BusinessDate(projection.Facts[0].ReportedAt, DistrictTime.DefaultZone));
            rows[pk] = [.. projection.ListEntries.Select((entry, i) =>
            {
                string rk = Row(caseKey, i);
                byte[] json = JsonSerializer.SerializeToUtf8Bytes(entry, TaskForceJson.Options);
                var (keyId, protectedJson) = protector.CurrentKeyId is null && entry.Nik is null && entry.Name is null
                    ? (NoKey, Convert.ToBase64String(json)) // no identity key: no identity can be stored, and this entry holds none
                    : protector.Protect(json, pk + TableKeys.Separator + rk);
                return new TableEntity(pk, rk) { ["CaseId"] = caseId, ["ReportedOn"] = reportedOn, ["IdentityKeyId"] = keyId, ["Entry"] = protectedJson };
            })];
        }

        return rows;
    }

    private static string MarkerPartition(string caseId) => MarkerPrefix + TableKeys.Separator + Bucket(caseId);

    private static string Row(string caseKey, int index) => caseKey + TableKeys.Separator + index.ToString("D3", CultureInfo.InvariantCulture);

    private static string IntentRow(string caseId, string id) => TableKeys.Escape(caseId) + TableKeys.Separator + id;

    /// <summary>One partition-range query: partitions <c>{kind}|{year}|{region…}|{b}</c>; a kabupaten is its 4 bucket
    /// partitions, a province or <c>*</c> a wider range, a kecamatan its kabupaten's partitions.</summary>
    private AsyncPageable<TableEntity> RangeAsync(string kind, string year, RegionCode region, string[] select, CancellationToken cancellationToken)
    {
        string prefix = kind + TableKeys.Separator + year + TableKeys.Separator;
        string filter;
        if (region.IsAll)
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "}"}");
        }
        else if (region.Value.Length >= 5)
        {
            string kabupaten = prefix + TableKeys.Escape(region.Value[..5]);
            filter = TableClient.CreateQueryFilter($"PartitionKey ge {kabupaten + TableKeys.Separator} and PartitionKey lt {kabupaten + "}"}");
        }
        else
        {
            string from = prefix + TableKeys.Escape(region.Value);
            filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {from + "}"}");
        }

        return Table.QueryAsync<TableEntity>(filter, PageSize, select, cancellationToken);
    }

    private async IAsyncEnumerable<string> CaseRowKeysAsync(string pk, string caseKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string from = caseKey + TableKeys.Separator;
        string to = caseKey + "}";
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, PageSize, ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            yield return e.RowKey;
        }
    }

    private async Task SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        for (int i = 0; i < actions.Count; i += 100)
        {
            await Table.SubmitTransactionAsync(actions.Skip(i).Take(100), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The stored form of a <see cref="VictimCaseFact"/> (no identity value; the person key is the keyed hash).</summary>
    private sealed record FactJson(
        string CaseId, string Agency, CaseType CaseType, bool Trafficking, string Region, string? Kecamatan, bool ConsentToReporting,
        Instant ReportedAt, LocalDate? OffenceDate, string? Destination, ushort Purposes, byte SimfoniForms, FirstResponseFact? FirstResponse,
        JusticeMilestones Milestones, IReadOnlyList<ReferralFact> Referrals, IReadOnlyList<DeadlineFact> Deadlines, string? PersonKey,
        bool PersonKeyLinkable, Sex Sex, int? AgeAtOffence, string? Citizenship, MigrantWorkerStatus MigrantWorkerStatus, IReadOnlyList<ServiceFact> Services)
    {
        public static FactJson From(VictimCaseFact f) => new(
            f.CaseId, f.Agency, f.CaseType, f.Trafficking, f.Region.Value, f.Kecamatan?.Value, f.ConsentToReporting, f.ReportedAt, f.OffenceDate,
            f.Destination?.Value, f.Purposes.Bits, f.SimfoniForms.Bits, f.FirstResponse, f.Milestones, f.Referrals, f.Deadlines, f.PersonKey,
            f.PersonKeyLinkable, f.Sex, f.AgeAtOffence, f.Citizenship?.Value, f.MigrantWorkerStatus, f.Services);

        public VictimCaseFact ToFact() => new()
        {
            CaseId = CaseId,
            Agency = Agency,
            CaseType = CaseType,
            Trafficking = Trafficking,
            Region = RegionCode.Parse(Region),
            Kecamatan = Kecamatan is null ? null : RegionCode.Parse(Kecamatan),
            ConsentToReporting = ConsentToReporting,
            ReportedAt = ReportedAt,
            OffenceDate = OffenceDate,
            Destination = CountryCode.ParseOptional(Destination, "destination"),
            Purposes = new PurposeSet(Purposes),
            SimfoniForms = new SimfoniFormSet(SimfoniForms),
            FirstResponse = FirstResponse,
            Milestones = Milestones,
            Referrals = Referrals,
            Deadlines = Deadlines,
            PersonKey = PersonKey,
            PersonKeyLinkable = PersonKeyLinkable,
            Sex = Sex,
            AgeAtOffence = AgeAtOffence,
            Citizenship = CountryCode.ParseOptional(Citizenship, "citizenship"),
            MigrantWorkerStatus = MigrantWorkerStatus,
            Services = Services,
        };
    }
}
