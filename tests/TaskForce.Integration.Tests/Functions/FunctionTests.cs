using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Common;
using TaskForce.Functions.Http;
using TaskForce.Functions.Timers;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>The function classes invoked directly (no Functions host) against real repositories on Azurite.</summary>
[Collection(StorageGroup.Name)]
public sealed class FunctionTests(AzuriteFixture storage)
{
    [Fact]
    public async Task GetIndicators_Returns200WithTheSameSnapshotAsTheTool_GivenImportedVerdicts()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var functions = Functions(tables);

        var result = await functions.GetIndicatorsAsync(Request("GET", "?region=*&period=2025"), CancellationToken.None);

        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(200, content.StatusCode);
        Assert.StartsWith("application/json", content.ContentType, StringComparison.Ordinal);
        var expected = await ImportSnapshotRoundTripTests.SnapshotUseCase(tables).ComputeAsync(RegionCode.All, Domain.Indicators.ReportingPeriod.Parse("2025"), null);
        Assert.Equal(TaskForce.Application.Snapshots.SnapshotJson.Write(expected), content.Content);
        Assert.Equal(65m, new SnapshotReader(content.Content!).Value("cases"));
    }

    [Theory]
    [InlineData("?region=*&period=2025-Q5", "period")]
    [InlineData("?region=*", "period")]
    [InlineData("?period=2025", "region")]
    [InlineData("?region=53.03'%20or%20'1'%20eq%20'1&period=2025", "region")]
    [InlineData("?region=*&period=2025&k=-3", "k")]
    public async Task GetIndicators_Returns400ProblemJson_GivenBadQuery(string query, string field)
    {
        var tables = await storage.NewTablesAsync();

        var result = await Functions(tables).GetIndicatorsAsync(Request("GET", query), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(400, problem.StatusCode);
        Assert.Contains("application/problem+json", problem.ContentTypes);
        var details = Assert.IsType<ValidationProblemDetails>(problem.Value);
        Assert.True(details.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task GetSnapshot_Returns404ThenTheStoredBytes_GivenAPostInBetween()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var functions = Functions(tables);

        var missing = await functions.GetSnapshotAsync(Request("GET", string.Empty), "*", "2025", CancellationToken.None);
        Assert.Equal(404, Assert.IsType<ObjectResult>(missing).StatusCode);

        var posted = Assert.IsType<ContentResult>(await functions.PostSnapshotAsync(Request("POST", "?region=*&period=2025"), CancellationToken.None));
        Assert.Equal(201, posted.StatusCode);
        var again = Assert.IsType<ContentResult>(await functions.PostSnapshotAsync(Request("POST", "?region=*&period=2025"), CancellationToken.None));
        Assert.Equal(200, again.StatusCode);
        Assert.Equal(posted.Content, again.Content);

        var read = Assert.IsType<ContentResult>(await functions.GetSnapshotAsync(Request("GET", string.Empty), "%2A", "2025", CancellationToken.None));
        Assert.Equal(200, read.StatusCode);
        Assert.Equal(posted.Content, read.Content);
    }

    [Fact]
    public async Task AnnualTimer_StoresLastYearOnce_GivenTwoRunsOnNewYearsNightInWita()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        // 2025-12-31T16:30Z is 00:30 WITA on 1 January 2026: the year just ended is 2025.
        var clock = new FakeClock(Instant.FromUtc(2025, 12, 31, 16, 30));
        var timer = new SnapshotTimerFunctions(ImportSnapshotRoundTripTests.SnapshotUseCase(tables, clock), NullLogger<SnapshotTimerFunctions>.Instance);

        var first = Assert.Single(await timer.RunAnnualAsync(new TimerInfo(), CancellationToken.None));
        clock.Advance(Duration.FromMinutes(10));
        var second = Assert.Single(await timer.RunAnnualAsync(new TimerInfo(), CancellationToken.None));

        Assert.Equal("2025", first.Snapshot.Period.Label);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Stored.Json, second.Stored.Json);
        Assert.Single(await new TableSnapshotRepository(tables).ListAsync("*", "2025"));
    }

    [Fact]
    public async Task AnnualTimer_CoversThePreviousYear_GivenOneMinuteBeforeMidnightWita()
    {
        var tables = await storage.NewTablesAsync();
        // 2025-12-31T15:59Z is 23:59 WITA on 31 December 2025: the last complete year is still 2024.
        var clock = new FakeClock(Instant.FromUtc(2025, 12, 31, 15, 59));
        var timer = new SnapshotTimerFunctions(ImportSnapshotRoundTripTests.SnapshotUseCase(tables, clock), NullLogger<SnapshotTimerFunctions>.Instance);

        var run = Assert.Single(await timer.RunAnnualAsync(new TimerInfo(), CancellationToken.None));

        Assert.Equal("2024", run.Snapshot.Period.Label);
    }

    private static IndicatorFunctions Functions(TaskForceTables tables) =>
        new(ImportSnapshotRoundTripTests.SnapshotUseCase(tables), new TableSnapshotRepository(tables), TestPipeline.Trusted);

    private static HttpRequest Request(string method, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context.Request;
    }
}
