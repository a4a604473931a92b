using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Cases;
using TaskForce.Application.Estimation;
using TaskForce.Application.Import;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.ReadModel;

/// <summary>The bulk import's chunked read-model bookkeeping (ADR-012, "Bulk import"): the rows it writes equal the
/// rebuilt ones and give the old path's cells, and a chunk stopped after its case batches leaves its intents, so the
/// snapshot still counts its cases from their partitions.</summary>
[Collection(StorageGroup.Name)]
public sealed class BulkImportReadModelTests(AzuriteFixture storage)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 1, 1, 0);
    private static readonly RegionCode Ttu = RegionCode.Parse("53.03");
    private static readonly LinkageSecret Secret = LinkageSecret.Parse(Convert.ToBase64String(new byte[32]));

    private sealed record Store(TableCaseRepository Cases, TableWorkflowRepository Workflows, CaseFactProjector Projector);

    private static Store Open(TaskForceTables tables, Func<ICaseFactStore, ICaseFactStore>? wrap = null)
    {
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        ICaseFactStore store = new TableCaseFactStore(tables, CaseTestData.SharedProtector);
        var projector = new CaseFactProjector(cases, workflows, wrap is null ? store : wrap(store), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        return new Store(cases, workflows, projector);
    }

    /// <summary><paramref name="count"/> case lines reported from January 2024 over about two years: a girl with a NIK
    /// (every seventh NIK repeats an earlier one), every third case a man without identity too, every tenth case
    /// without consent to reporting.</summary>
    private static string Lines(int count)
    {
        var text = new StringBuilder();
        int step = 750 / count;
        for (int i = 0; i < count; i++)
        {
            var reported = Instant.FromUtc(2024, 1, 1, 2, 0) + Duration.FromDays(i * step) + Duration.FromHours(i % 20);
            int serial = i % 7 == 6 ? i - 6 + 1 : i + 1;
            var victims = new List<NewVictim>
            {
                new()
                {
                    Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID",
                    Identity = new NewIdentity { FullName = "Korban " + serial.ToString(System.Globalization.CultureInfo.InvariantCulture), NationalIdNumber = $"530301410508{serial:D4}" },
                },
            };
            if (i % 3 == 0)
            {
                victims.Add(new NewVictim { Sex = "male", AgeAtOffence = 24 });
            }

            var intake = new CaseIntake
            {
                Id = $"bulk-{i:D4}",
                Region = "53.03",
                CaseType = "tppo",
                ReportingAgency = new NewAgency(i % 2 == 0 ? "police" : "uptd_ppa", i % 2 == 0 ? "Polres TTU" : "UPTD PPA Kabupaten TTU"),
                IntakeChannel = "walk_in",
                ReportedAt = reported,
                OffenceDate = DistrictTime.BusinessDate(reported, DistrictTime.DefaultZone).PlusDays(-10),
                Victims = victims,
                Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] },
                Places = new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" },
                Consent = new NewConsent { ForServices = true, ForReporting = i % 10 != 9, ForSharing = true, GivenBy = "parent_or_guardian" },
            };
            text.AppendLine(JsonSerializer.Serialize(intake, TaskForceJson.Options));
        }

        return text.ToString();
    }

    private static ImportCasesUseCase Importer(ICaseRepository cases) =>
        new(cases, new FakeClock(Now), DistrictTime.DefaultZone, NullLogger<CreateCaseUseCase>.Instance);

    private static SnapshotUseCase UseCase(TaskForceTables tables, ICaseFactSource source) =>
        new(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), source, null, source as IVictimListSource, Secret, new FakeClock(Now), DistrictTime.DefaultZone,
            NullLogger<SnapshotUseCase>.Instance);

    private static string Cells(IndicatorSnapshot snapshot)
    {
        var json = JsonNode.Parse(SnapshotJson.Write(snapshot))!;
        return json["indicators"]!.ToJsonString() + json["hidden_victims"]!.ToJsonString();
    }

    private static async Task AssertOldPathsCellsAsync(TaskForceTables tables, Store s, params string[] periods)
    {
        foreach (string period in periods)
        {
            var p = ReportingPeriod.Parse(period);
            var oracle = await UseCase(tables, new StoredCaseFactSource(s.Cases, s.Workflows, WorkflowRegistry.Default, DistrictTime.DefaultZone)).ComputeAsync(Ttu, p, 1);
            var readModel = await UseCase(tables, new ReadModelCaseFactSource(s.Projector)).ComputeAsync(Ttu, p, 1);
            Assert.True(oracle.Coverage.CaseRecords!.CasesReportedInPeriod > 0, period);
            Assert.Equal(Cells(oracle), Cells(readModel));
            Assert.Equal(oracle.Coverage.CaseRecords!.CasesReportedInPeriod, readModel.Coverage.CaseRecords!.CasesReportedInPeriod);
        }
    }

    [Fact]
    public async Task Import_WritesTheRebuiltRowsAndTheOldPathsCells_GivenCasesImportedInChunks()
    {
        var tables = await storage.NewTablesAsync();
        var s = Open(tables);
        string lines = Lines(230);
        string file = lines + "{\"region\":\"53.03\"}\n" + lines[..(lines.IndexOf('\n', StringComparison.Ordinal) + 1)]; // a line without id, a duplicate

        var report = await Importer(new FactMaintainingCaseRepository(s.Cases, s.Projector)).ImportAsync(new StringReader(file), "bulk.jsonl", "uptd_ppa_ttu", "operator");
        var maintained = await RowsAsync(tables, s.Projector.Store);
        var intentsLeft = await s.Projector.Store.ListIntentsAsync();
        var rebuild = await new RebuildFactsUseCase(s.Cases, s.Projector, new FakeClock(Now)).RebuildAsync();

        Assert.Equal((232, 230, 1, 1), (report.Read, report.Imported, report.Duplicates, report.Rejected));
        Assert.Empty(intentsLeft);
        Assert.Equal(230, rebuild.Cases);
        Assert.Equal(0, rebuild.RowsRemoved);
        Assert.Equal(maintained, await RowsAsync(tables, s.Projector.Store));
        Assert.Matches(@"(?m)^f\|2025\|53\.03\|[0-3]\|bulk-0200\|000 ", maintained);
        await AssertOldPathsCellsAsync(tables, s, "2024", "2025", "2025-Q3");
    }

    [Fact]
    public async Task Snapshot_CountsTheChunksCasesFromTheirPartitions_GivenAFaultInTheProjectionAfterTheCaseBatches()
    {
        var tables = await storage.NewTablesAsync();
        var s = Open(tables);
        var faulty = Open(tables, store => new FaultingProjectionStore(store));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Importer(new FactMaintainingCaseRepository(faulty.Cases, faulty.Projector)).ImportAsync(new StringReader(Lines(60)), "bulk.jsonl", "uptd_ppa_ttu", "operator"));
        var intents = await s.Projector.Store.ListIntentsAsync();
        var rows = await RowsAsync(tables, s.Projector.Store);

        Assert.Equal(FaultingProjectionStore.Message, e.Message);
        Assert.Equal(60, intents.Count);                                       // the chunk's intents stay
        Assert.Equal(60, (await s.Cases.ListAsync(new AllCases(), null, 100)).Items.Count); // its case batches were written
        Assert.Equal(string.Empty, rows);                                      // no fact row, no marker row
        await AssertOldPathsCellsAsync(tables, s, "2024", "2025");            // counted from their partitions

        // rebuild-facts (once the intents are older than its grace) puts them in the read model.
        var later = new FakeClock(Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + RebuildFactsUseCase.IntentGrace + Duration.FromMinutes(1));
        var rebuild = await new RebuildFactsUseCase(s.Cases, s.Projector, later).RebuildAsync();
        Assert.Equal(60, rebuild.IntentsCleared);
        Assert.Empty(await s.Projector.Store.ListIntentsAsync());
        await AssertOldPathsCellsAsync(tables, s, "2024", "2025");
    }

    /// <summary>Every row of the read model as text: fact rows and markers as stored, victim-list rows decrypted.</summary>
    private static async Task<string> RowsAsync(TaskForceTables tables, ICaseFactStore store)
    {
        var lines = new List<string>();
        await foreach (var e in tables.CaseFacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"f|"} and PartitionKey lt {"f}"}")))
        {
            lines.Add($"{e.PartitionKey}|{e.RowKey} {e.GetString("KeyId")} {e.GetString("Json")}");
        }

        await foreach (var e in tables.CaseFacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"marker|"} and PartitionKey lt {"marker}"}")))
        {
            lines.Add($"{e.PartitionKey}|{e.RowKey} {e.GetString("Partitions")}");
        }

        foreach (int year in new[] { 2024, 2025, 2026 })
        {
            await foreach (var l in store.ReadListEntriesAsync(year, Ttu))
            {
                lines.Add($"l|{year} {l.CaseId} {l.ReportedOn} {JsonSerializer.Serialize(l.Entry)}");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every case summary.</summary>
    private sealed class AllCases : Ardalis.Specification.Specification<CaseSummary>;

    /// <summary>The read model with a fault where the bulk import projects its created cases (after their batches).</summary>
    private sealed class FaultingProjectionStore(ICaseFactStore inner) : ICaseFactStore
    {
        public const string Message = "fault injected in the projection";

        public string KeyId => inner.KeyId;

        public PersonKeyer CreateKeyer() => inner.CreateKeyer();

        public Task<string> AddIntentAsync(string caseId, CancellationToken cancellationToken = default) => inner.AddIntentAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<string>> AddIntentsAsync(IReadOnlyList<string> caseIds, CancellationToken cancellationToken = default) => inner.AddIntentsAsync(caseIds, cancellationToken);

        public Task RemoveIntentAsync(string caseId, string intentId, CancellationToken cancellationToken = default) => inner.RemoveIntentAsync(caseId, intentId, cancellationToken);

        public Task RemoveIntentsAsync(IReadOnlyList<(string CaseId, string IntentId)> intents, CancellationToken cancellationToken = default) => inner.RemoveIntentsAsync(intents, cancellationToken);

        public Task<IReadOnlyList<string>> AddCreatedAsync(IReadOnlyList<CaseFactProjection> projections, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);

        public Task<IReadOnlyList<CaseFactIntent>> ListIntentsAsync(CancellationToken cancellationToken = default) => inner.ListIntentsAsync(cancellationToken);

        public Task<CaseFactMarker?> GetMarkerAsync(string caseId, CancellationToken cancellationToken = default) => inner.GetMarkerAsync(caseId, cancellationToken);

        public Task<bool> ReplaceAsync(string caseId, CaseFactMarker? expected, CaseFactProjection? projection, CancellationToken cancellationToken = default) =>
            inner.ReplaceAsync(caseId, expected, projection, cancellationToken);

        public IAsyncEnumerable<StoredCaseFact> ReadFactsAsync(string year, RegionCode region, CancellationToken cancellationToken = default) => inner.ReadFactsAsync(year, region, cancellationToken);

        public IAsyncEnumerable<StoredListEntry> ReadListEntriesAsync(int year, RegionCode region, CancellationToken cancellationToken = default) =>
            inner.ReadListEntriesAsync(year, region, cancellationToken);

        public IAsyncEnumerable<(string Partition, string RowKey, string CaseId)> ListAllRowsAsync(CancellationToken cancellationToken = default) => inner.ListAllRowsAsync(cancellationToken);

        public Task DeleteRowAsync(string partition, string rowKey, CancellationToken cancellationToken = default) => inner.DeleteRowAsync(partition, rowKey, cancellationToken);
    }
}
