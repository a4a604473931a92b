using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Functions.Timers;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Indicators;

/// <summary>The scheduled snapshots with case-record indicators, stored in Table Storage (Azurite). Case records come
/// from the in-memory fact source until the case repository is wired (the calculation sits behind ICaseFactSource).</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseSnapshotTimerTests(AzuriteFixture storage)
{
    private static (SnapshotTimerFunctions Timer, FakeClock Clock) Timer(TaskForceTables tables, Instant now)
    {
        var clock = new FakeClock(now);
        var useCase = new SnapshotUseCase(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), CaseDataSet.Source(),
            new TableCtdcRepository(tables), clock, DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);
        return (new SnapshotTimerFunctions(useCase, SnapshotTimerOptions.Parse("*, 53.03"), NullLogger<SnapshotTimerFunctions>.Instance), clock);
    }

    [Fact]
    public async Task QuarterlyTimer_LeavesOneByteIdenticalEntityPerRegion_GivenTwoRunsForTheFirstQuarter()
    {
        var tables = await storage.NewTablesAsync();
        // 2025-03-31T16:30Z is 00:30 WITA on 1 April: the last complete quarter is 2025-Q1.
        var (timer, clock) = Timer(tables, Instant.FromUtc(2025, 3, 31, 16, 30));

        var first = await timer.RunQuarterlyAsync(new TimerInfo(), CancellationToken.None);
        clock.Advance(Duration.FromHours(2));
        var second = await timer.RunQuarterlyAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal(["*", "53.03"], first.Select(r => r.Snapshot.Region));
        Assert.All(first, r => Assert.Equal("2025-Q1", r.Snapshot.Period.Label));
        Assert.All(first, r => Assert.True(r.Created));
        Assert.All(second, r => Assert.False(r.Created));
        Assert.Equal(first.Select(r => r.Stored.Json), second.Select(r => r.Stored.Json));

        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var e in tables.Snapshots.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows.Add(e);
        }

        Assert.Equal(2, rows.Count);
        var stored = Assert.Single(await new TableSnapshotRepository(tables).ListAsync("53.03", "2025-Q1"));
        Assert.Equal(first[1].Stored.Json, stored.Json);

        // Q1 of the fixed set: reports on 1 Jan + 3i days, i = 0..29 (up to 30 March); i = 16 has no consent: 29.
        Assert.Equal(29m, new SnapshotReader(stored.Json).Value("cases_reported"));
    }

    [Fact]
    public async Task MonthlyTimer_CoversThePreviousMonthInWita_GivenTheFirstOfMarchAt0030Wita()
    {
        var tables = await storage.NewTablesAsync();
        // 2025-02-28T16:30Z is 00:30 WITA on 1 March: February is complete. 23:30 WITA the day before still gives January.
        var (timer, _) = Timer(tables, Instant.FromUtc(2025, 2, 28, 16, 30));
        var (before, _) = Timer(await storage.NewTablesAsync(), Instant.FromUtc(2025, 2, 28, 15, 30));

        var run = await timer.RunMonthlyAsync(new TimerInfo(), CancellationToken.None);
        var earlier = await before.RunMonthlyAsync(new TimerInfo(), CancellationToken.None);
        var again = await timer.RunMonthlyAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        Assert.Equal("2025-02", run[1].Snapshot.Period.Label);
        Assert.Equal("2025-01", earlier[1].Snapshot.Period.Label);
        Assert.False(again[1].Created);
        Assert.Equal(run[1].Stored.Json, again[1].Stored.Json);

        // February: i with 1 Jan + 3i in February: i = 11..19 (1 Feb = day 31, i = 11 is 3 Feb, i = 19 is 27 Feb) = 9;
        // i = 16 has no consent: 8 cases, below k = 11 and withheld.
        var s = new SnapshotReader(run[1].Stored.Json);
        Assert.Null(s.Value("cases_reported"));
    }
}
