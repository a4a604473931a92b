using Azure.Core;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Resilience;

/// <summary>20% of storage calls fail (503 before sending, or the response lost after the write committed): import
/// and snapshot still end with every record stored once, none missing, none duplicated, and correct reports.</summary>
[Collection(StorageGroup.Name)]
public sealed class FaultInjectionTests(AzuriteFixture storage)
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task ImportAndSnapshot_StoreEverythingOnce_GivenTwentyPercentOfCallsFailing(int seed)
    {
        var clean = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(clean, RepoPaths.SampleVerdicts);
        var expectedRows = await ImportSnapshotRoundTripTests.AllRowsAsync(clean);
        var expectedSnapshot = await ImportSnapshotRoundTripTests.SnapshotUseCase(clean).ComputeAndStoreAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);

        var faults = new FaultInjectionPolicy(0.2, seed);
        var options = TaskForceTables.DefaultClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.AddPolicy(faults, HttpPipelinePosition.PerRetry);
        var faulty = await storage.NewTablesAsync(options);

        var report = await ImportSnapshotRoundTripTests.ImportAsync(faulty, RepoPaths.SampleVerdicts);
        var run = await ImportSnapshotRoundTripTests.SnapshotUseCase(faulty).ComputeAndStoreAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);
        var again = await ImportSnapshotRoundTripTests.ImportAsync(faulty, RepoPaths.SampleVerdicts);

        Assert.True(faults.RejectedBeforeSending > 0 && faults.LostAfterCommit > 0, $"faults injected: {faults.RejectedBeforeSending} + {faults.LostAfterCommit} of {faults.Calls}");
        Assert.Equal(77, report.Imported);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(0, again.Imported);
        Assert.Equal(77, again.Duplicates);
        Assert.Equal(Strip(expectedRows), Strip(await ImportSnapshotRoundTripTests.AllRowsAsync(faulty)));
        Assert.True(run.Created);
        Assert.Equal(expectedSnapshot.Stored.Json, run.Stored.Json);
        Assert.Single(await new TableSnapshotRepository(faulty).ListAsync("*", "2025"));
    }

    // The write id differs between two imports by design; everything else must be identical.
    private static List<string> Strip(List<string> rows) =>
        rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r, ";WriteId=[0-9a-f]{32}", string.Empty)).ToList();
}
