using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Cli;
using TaskForce.Domain.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>Issue 11: the tool and the function app are composed by the one composition root and read the same
/// settings to the same values; bad settings stop both at start, naming the setting and never its value.</summary>
[Collection(StorageGroup.Name)]
public sealed class CompositionRootTests(AzuriteFixture storage)
{
    // 2025-12-31T15:30Z is 2026-01-01 00:30 WIT (Asia/Jayapura, UTC+9) but 2025-12-31 23:30 WITA (Asia/Makassar, UTC+8).
    private static readonly Instant ReportedAt = Instant.FromUtc(2025, 12, 31, 15, 30);
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 10, 1, 0);

    private static readonly string IdentityKey = CaseTestData.NewKey();

    private static Dictionary<string, string?> Settings(string connection) => new()
    {
        ["TASKFORCE_STORAGE"] = connection,
        ["TaskForce:TimeZone"] = "Asia/Jayapura",
        ["TaskForce:FirstResponseHours:Sedang"] = "4",
        ["TaskForce:IdentityKey"] = IdentityKey,
    };

    // The same settings in the tool's environment-variable form.
    private static Func<string, string?> Environment(Dictionary<string, string?> settings) =>
        name => settings.GetValueOrDefault(name.Replace("__", ":", StringComparison.Ordinal));

    [Fact]
    public async Task SnapshotFromToolAndFunctions_CountsTheCaseIn2026_GivenAsiaJayapura()
    {
        var tables = await storage.NewTablesAsync();
        var settings = Settings(storage.ConnectionString);
        using var host = FunctionHost.Build(settings, tables, new FakeClock(Now));
        await host.StartAsync();
        var zone = host.Services.GetRequiredService<DateTimeZone>();
        var intake = CaseTestData.Intake("case-wit-001") with { ReportedAt = ReportedAt };
        await host.Services.GetRequiredService<ICaseRepository>().AddAsync(CreateCaseUseCase.Build(intake, new FakeClock(Now), zone), "uptd_ppa_ttu", null);

        var functions = ActivatorUtilities.CreateInstance<IndicatorFunctions>(host.Services);
        int fromFunctions2026 = CasesInPeriod(await GetIndicatorsAsync(functions, "2026"));
        int fromFunctions2025 = CasesInPeriod(await GetIndicatorsAsync(functions, "2025"));
        int fromTool2026 = CasesInPeriod(await SnapshotThroughToolAsync(tables, Environment(settings), "2026"));
        int fromTool2025 = CasesInPeriod(await SnapshotThroughToolAsync(tables, Environment(settings), "2025"));
        await host.StopAsync();

        Assert.Equal("Asia/Jayapura", zone.Id);
        Assert.Equal((1, 0), (fromFunctions2026, fromFunctions2025));
        Assert.Equal((1, 0), (fromTool2026, fromTool2025));
    }

    [Fact]
    public async Task SnapshotFromTool_CountsTheCaseIn2025_GivenTheDefaultZone()
    {
        // The control: the same instant stored and counted in the default zone (WITA) is still 31 December 2025.
        var tables = await storage.NewTablesAsync();
        var settings = new Dictionary<string, string?> { ["TASKFORCE_STORAGE"] = storage.ConnectionString, ["TaskForce:IdentityKey"] = IdentityKey };
        using (var host = FunctionHost.Build(settings, tables, new FakeClock(Now)))
        {
            // Stored through the composition root's case store, which keeps the counting read model current (ADR-012).
            await host.StartAsync();
            var intake = CaseTestData.Intake("case-wita-001") with { ReportedAt = ReportedAt };
            await host.Services.GetRequiredService<ICaseRepository>()
                .AddAsync(CreateCaseUseCase.Build(intake, new FakeClock(Now), Domain.Common.DistrictTime.DefaultZone), "uptd_ppa_ttu", null);
            await host.StopAsync();
        }

        var environment = Environment(new() { ["TaskForce:IdentityKey"] = IdentityKey });

        int in2025 = CasesInPeriod(await SnapshotThroughToolAsync(tables, environment, "2025"));
        int in2026 = CasesInPeriod(await SnapshotThroughToolAsync(tables, environment, "2026"));

        Assert.Equal((1, 0), (in2025, in2026));
    }

    [Fact]
    public async Task Services_ResolveTheSameZoneHoursAndKey_GivenTheSameSettingsInToolAndFunctions()
    {
        var tables = await storage.NewTablesAsync();
        var settings = Settings(storage.ConnectionString);
        using var host = FunctionHost.Build(settings, tables);
        await using var tool = new CliContext(TextWriter.Null, TextWriter.Null, () => tables, new FakeClock(Now), environment: Environment(settings));

        // A Sedang case opened at 2026-01-08 08:00 WIT (2026-01-07T23:00Z), first response due 4 configured hours later:
        // 12:00 WIT = 03:00Z (the default would be 6 hours, 05:00Z).
        var opened = new FakeClock(Instant.FromUtc(2026, 1, 7, 23, 0));
        Instant? DueAt(IServiceProvider services) => services.GetRequiredService<WorkflowRegistry>().Find("case_management").Start(
                "case-1", new WorkflowStartFacts { RiskLevel = RiskLevel.Sedang }, TestCaseFacts.Plain, Actor.Create("staff-1", "uptd_ppa_ttu"), opened,
                services.GetRequiredService<DateTimeZone>(), null, null)
            .Deadlines(opened).Single().DueAt;

        Assert.Equal(Instant.FromUtc(2026, 1, 8, 3, 0), DueAt(host.Services));
        Assert.Equal(Instant.FromUtc(2026, 1, 8, 3, 0), DueAt(tool.Services));
        Assert.Equal("Asia/Jayapura", tool.Zone.Id);
        Assert.Same(host.Services.GetRequiredService<DateTimeZone>(), tool.Zone); // both from the one TZDB provider
        Assert.Equal(host.Services.GetRequiredService<IdentityProtector>().CurrentKeyId, tool.Services.GetRequiredService<IdentityProtector>().CurrentKeyId);
        Assert.NotNull(tool.Services.GetRequiredService<IdentityProtector>().CurrentKeyId);
    }

    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "TaskForce:TimeZone", "Mars/Olympus_Mons", "TaskForce__TimeZone" },
        { "TaskForce:FirstResponseHours:Tinggi", "12.5", "TaskForce__FirstResponseHours__Tinggi" },
        { "TaskForce:IdentityKey", "c2hvcnQta2V5", "TaskForce__IdentityKey" },
        { "TaskForce:Linkage:DistrictSecret", "dG9vLXNob3J0LXNlY3JldA==", "TaskForce__Linkage__DistrictSecret" },
        { "TaskForce:SnapshotRegions", "*,99.77", "TaskForce__SnapshotRegions" },
        { "TaskForce:IntentSweepMinutes", "sixty", "TaskForce__IntentSweepMinutes" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task HostStart_ThrowsNamingTheSettingNotTheValue_GivenAnInvalidSetting(string key, string value, string variable)
    {
        using var host = FunctionHost.Build(new Dictionary<string, string?> { ["TASKFORCE_STORAGE"] = storage.ConnectionString, [key] = value });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(variable, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task SnapshotCommand_ExitsOneNamingTheVariableNotTheValue_GivenAnInvalidSetting(string key, string value, string variable)
    {
        var tables = await storage.NewTablesAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = await CliApp.RunAsync(["snapshot", "--region", "53.03", "--period", "2025", "--json"], stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Now), environment: name => name == variable ? value : null);

        Assert.Equal(1, code);
        string detail = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("error").GetProperty("detail").GetString()!;
        Assert.Contains(variable, detail, StringComparison.Ordinal);
        Assert.Contains(key, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(value, stdout.ToString() + stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(await new TableSnapshotRepository(tables).ListAsync("53.03", "2025")); // stopped before anything was stored
    }

    [Fact]
    public async Task SnapshotCommand_ExitsTwoNamingTheRegion_GivenACodeNotInTheKemendagriList()
    {
        var tables = await storage.NewTablesAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = await CliApp.RunAsync(["snapshot", "--region", "53.77", "--period", "2025", "--json"], stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Now), environment: _ => null);

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("error");
        Assert.Contains("53.77", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await new TableSnapshotRepository(tables).ListAsync("53.77", "2025"));
    }

    private static async Task<JsonElement> GetIndicatorsAsync(IndicatorFunctions functions, string period)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString($"?region=53.03&period={period}&k=1");
        var result = Assert.IsType<ContentResult>(await functions.GetIndicatorsAsync(context.Request, CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        return JsonDocument.Parse(result.Content!).RootElement.Clone();
    }

    private static async Task<JsonElement> SnapshotThroughToolAsync(TaskForceTables tables, Func<string, string?> environment, string period)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(["snapshot", "--region", "53.03", "--period", period, "--k", "1", "--json"], stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Now), environment: environment);
        Assert.True(code == 0, stderr.ToString() + stdout);
        return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
    }

    private static int CasesInPeriod(JsonElement snapshot) =>
        snapshot.GetProperty("coverage").GetProperty("case_records").GetProperty("cases_reported_in_period").GetInt32();
}
