using NodaTime;
using NodaTime.Testing;
using Snapshooter.Xunit;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Snapshots;

/// <summary>Stored snapshots are immutable and written once per content.</summary>
[Collection(StorageGroup.Name)]
public sealed class SnapshotStorageTests(AzuriteFixture storage)
{
    [Fact]
    public async Task ComputeAndStore_LeavesOneByteIdenticalEntity_GivenTwoRunsForOnePeriod()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        var useCase = ImportSnapshotRoundTripTests.SnapshotUseCase(tables, clock);

        var first = await useCase.ComputeAndStoreAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);
        clock.Advance(Duration.FromHours(5));
        var second = await useCase.ComputeAndStoreAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Stored.Json, second.Stored.Json);
        Assert.Equal(Instant.FromUtc(2026, 1, 1, 0, 0), second.Snapshot.GeneratedAt);
        var entities = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var e in tables.Snapshots.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            entities.Add(e);
        }

        Assert.Single(entities);
        Assert.Equal(first.Stored.Json, (await new TableSnapshotRepository(tables).GetLatestAsync("*", "2025"))!.Json);
    }

    [Fact]
    public async Task ComputeAndStore_AddsARevision_GivenNewRecordsForThePeriod()
    {
        var tables = await storage.NewTablesAsync();
        string[] lines = File.ReadAllLines(RepoPaths.SampleVerdicts);
        await ImportSnapshotRoundTripTests.ImportAsync(tables, Import.BadRecordsImportTests.WriteFile(lines[1]));
        var useCase = ImportSnapshotRoundTripTests.SnapshotUseCase(tables);
        var first = await useCase.ComputeAndStoreAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);

        await ImportSnapshotRoundTripTests.ImportAsync(tables, Import.BadRecordsImportTests.WriteFile(lines[2]));
        var second = await useCase.ComputeAndStoreAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);

        Assert.True(second.Created);
        Assert.Equal(2, (await new TableSnapshotRepository(tables).ListAsync("*", "2025")).Count);
        Assert.Equal(1m, new SnapshotReader(first.Stored.Json).Value("cases"));
        Assert.Equal(2m, new SnapshotReader(second.Stored.Json).Value("cases"));
    }

    [Fact]
    public async Task SnapshotJson_MatchesApprovedSnapshot_GivenTheRealFile2025()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var snapshot = await ImportSnapshotRoundTripTests.SnapshotUseCase(tables).ComputeAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);

        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(SnapshotJson.Write(snapshot)));
    }

    [Fact]
    public async Task SnapshotCsv_MatchesApprovedSnapshot_GivenTheRealFile2025()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var snapshot = await ImportSnapshotRoundTripTests.SnapshotUseCase(tables).ComputeAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);
        using var writer = new StringWriter();
        SnapshotFiles.WriteCsv(snapshot, writer);

        Snapshot.Match(writer.ToString().Split('\n'));
    }
}
