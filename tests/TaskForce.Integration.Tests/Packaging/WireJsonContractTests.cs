using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Detention;
using TaskForce.Application.Serialization;
using TaskForce.Application.Snapshots;
using TaskForce.Cli;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Detention;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Serialization;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Detention;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Packaging;

/// <summary>
/// Issue 18 part 4: the package ships the wire format (<see cref="WireJson"/>), and a consumer that serialises a
/// package result with it writes the same bytes as the API or the tool for the same input.
/// </summary>
public sealed class WireJsonContractTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));

    /// <summary>Public result types of the package that a surface (API route or tool command) returns as they are,
    /// with the test below that proves the bytes equal.</summary>
    private static readonly Dictionary<Type, string> ReturnedAsIs = new()
    {
        [typeof(QualificationResult)] = "taskforce qualify --json",
        [typeof(SentenceCheckResult)] = "taskforce sentence-check --json",
        [typeof(DetentionCheckResult)] = "taskforce detention-check --json and POST /api/detention-checks",
        [typeof(IndicatorSnapshot)] = "taskforce snapshot --json, GET/POST /api/indicators/... (SnapshotJson.Write)",
    };

    /// <summary>Public result types no surface returns as they are, and why; each is serialised in the test below
    /// only to show the shipped options handle it (no NodaTime object graphs, enums as codes).</summary>
    private static readonly Dictionary<Type, string> NotReturnedAsIs = new()
    {
        [typeof(ElementTestResult)] = "no surface returns it: qualify summarises it as QualificationResult.Status and Elements",
        [typeof(RestorativeJusticeAssessment)] = "no API route or tool command returns it today; WireJsonProjectionTests checks its bytes by hand",
        [typeof(DetentionPeriodResult)] = "part of DetentionCheckResult (periods), checked with it",
        [typeof(CaseIndicatorResult)] = "its cells go into IndicatorSnapshot.Indicators",
        [typeof(HiddenVictimsSection)] = "part of IndicatorSnapshot (hidden_victims)",
        [typeof(MseEstimate)] = "the estimate route and tool write TaskForce.Application's EstimateResponse, a projection of it; WireJsonProjectionTests proves the projected members' bytes equal",
        [typeof(LinkageResult)] = "taskforce link writes capture-history CSV files and a summary, not the result itself; WireJsonProjectionTests proves the summary's members' bytes equal",
    };

    [Fact]
    public void ResultTypes_AreEachClassified_GivenThePackagesPublicTypes()
    {
        string[] suffixes = ["Result", "Estimate", "Snapshot", "Assessment", "Section"];
        var found = typeof(WireJson).Assembly.GetExportedTypes()
            .Where(t => !t.IsInterface && !t.IsEnum && suffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal)))
            .Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        var classified = ReturnedAsIs.Keys.Concat(NotReturnedAsIs.Keys).Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(classified, found);
    }

    [Fact]
    public void TaskForceJsonOptions_AreThePackagesOptions_GivenTheApplicationDelegate()
    {
        Assert.Same(WireJson.Options, TaskForceJson.Options);
        Assert.Same(WireJson.Indented, TaskForceJson.Indented);
    }

    [Fact]
    public async Task Qualify_ConsumerBytesEqualTheToolsBytes_GivenTheContractExample()
    {
        string input = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "legal", "qualify-example.json"));
        var request = InputJson.Read<QualifyRequest>(Encoding.UTF8.GetBytes(input))!;

        string consumer = JsonSerializer.Serialize(TraffickingQualifier.Qualify(request, Clock, new LegalEngineOptions()), WireJson.Options);

        var (code, stdout) = await RunToolAsync("qualify", "--file", Write(input), "--json");
        Assert.Equal(0, code);
        Assert.Equal(stdout.TrimEnd(), consumer);
        Assert.StartsWith("{\"status\":\"actual_victim\",", consumer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentenceCheck_ConsumerBytesEqualTheToolsBytes_GivenTheContractExample()
    {
        string input = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "legal", "sentence-check-example.json"));
        var request = InputJson.Read<SentenceCheckRequest>(Encoding.UTF8.GetBytes(input))!;

        string consumer = JsonSerializer.Serialize(SentenceChecker.Check(request, Clock, new LegalEngineOptions()), WireJson.Options);

        var (code, stdout) = await RunToolAsync("sentence-check", "--file", Write(input), "--json");
        Assert.Equal(0, code);
        Assert.Equal(stdout.TrimEnd(), consumer);
    }

    [Fact]
    public async Task DetentionCheck_ConsumerBytesEqualTheApisAndToolsBytes_GivenTheContractExample()
    {
        var clock = new FakeClock(DetentionCheckCliTests.Now);
        var input = DetentionCheckJson.Parse(DetentionCheckCliTests.ContractExample);
        var zone = DistrictTime.DefaultZone;
        LocalDate asOf = input.AsOf ?? clock.GetCurrentInstant().InZone(zone).Date;

        string consumer = JsonSerializer.Serialize(DetentionLedger.Check(input.Request, asOf), WireJson.Options);

        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(DetentionCheckCliTests.ContractExample));
        var response = Assert.IsType<ContentResult>(await new DetentionCheckFunctions(new DetentionCheckUseCase(clock, zone), TestPipeline.Trusted).PostAsync(context.Request, CancellationToken.None));
        Assert.Equal(response.Content, consumer);
        var (code, stdout, _) = await DetentionCheckCliTests.RunAsync("detention-check", "--file", DetentionCheckCliTests.WriteInput(DetentionCheckCliTests.ContractExample), "--json");
        Assert.Equal(0, code);
        Assert.Equal(stdout.TrimEnd(), consumer);
    }

    [Fact]
    public void IndicatorSnapshot_ConsumerBytesEqualTheApisBytes_GivenACourtOutcomeSnapshot()
    {
        var snapshot = CourtOutcomeIndicators.Compute([ReadmeVerdict()], RegionCode.All, ReportingPeriod.Parse("2019"), Instant.FromUtc(2026, 3, 10, 1, 0));

        string consumer = JsonSerializer.Serialize(snapshot, WireJson.Options);

        Assert.Equal(SnapshotJson.Write(snapshot), consumer); // what the functions, the tool and the snapshots table write
        Assert.Contains("\"generated_at\":\"2026-03-10T01:00:00Z\"", consumer, StringComparison.Ordinal);
        Assert.Contains("\"start\":\"2019-01-01\"", consumer, StringComparison.Ordinal);
        Assert.Equal(SnapshotJson.Write(snapshot, indented: true), JsonSerializer.Serialize(snapshot, WireJson.Indented));
    }

    [Fact]
    public void Options_WriteDomainWireCodesAndIsoValues_GivenEnumsWhoseCodesDifferFromTheirNames()
    {
        var facts = new TraffickingFacts { Acts = [TraffickingAct.Recruitment], Means = [TraffickingMeans.DebtBondage], Purposes = [ExploitationPurpose.ForcedLabour], Harms = [VictimHarm.SeriousInjury] };

        string json = JsonSerializer.Serialize(facts, WireJson.Options);

        Assert.Contains("\"acts\":[\"perekrutan\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"means\":[\"penjeratan_utang\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"purposes\":[\"kerja_paksa\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"harms\":[\"luka_berat\"]", json, StringComparison.Ordinal);
        Assert.Equal(facts.Acts, JsonSerializer.Deserialize<TraffickingFacts>(json, WireJson.Options)!.Acts);
        Assert.Equal("\"fisik\"", JsonSerializer.Serialize(Domain.Cases.SimfoniViolenceForm.Physical, WireJson.Options));
        Assert.Equal("\"penyidik_pasal29_1\"", JsonSerializer.Serialize(DetentionStage.PenyidikPasal29Pertama, WireJson.Options));
        Assert.Equal(DetentionStage.PenyidikPasal29Pertama, JsonSerializer.Deserialize<DetentionStage>("\"penyidik_pasal29_1\"", WireJson.Options));
        Assert.Equal("\"2025-03-14\"", JsonSerializer.Serialize(new LocalDate(2025, 3, 14), WireJson.Options));
        Assert.Equal("\"53.03\"", JsonSerializer.Serialize(RegionCode.Parse("53.03"), WireJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TraffickingAct>("\"recruitment\"", WireJson.Options));
    }

    [Fact]
    public void Options_WriteNoNodaTimeObjectGraph_GivenEveryResultType()
    {
        // Every classified type's members that are NodaTime values must be written as strings: a property named
        // "calendar" or "era" would mean a LocalDate was written as an object.
        foreach (var type in ReturnedAsIs.Keys.Concat(NotReturnedAsIs.Keys))
        {
            var info = WireJson.Options.GetTypeInfo(type);
            Assert.NotNull(info);
            foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(LocalDate) || p.PropertyType == typeof(Instant) || p.PropertyType == typeof(LocalDate?) || p.PropertyType == typeof(Instant?)))
            {
                var converter = WireJson.Options.GetConverter(property.PropertyType);
                Assert.False(converter.GetType().Name.Contains("ObjectDefault", StringComparison.Ordinal), $"{type.Name}.{property.Name}");
            }
        }
    }

    private static CourtVerdict ReadmeVerdict() => CourtVerdict.Create(new CourtVerdictFacts
    {
        CaseNumber = "27/Pid.Sus/2019/PN Kpg",
        DecisionDate = new LocalDate(2019, 5, 22),
        ArticlesHeldProven = ["UU21/2007 Pasal 10 jo Pasal 6"],
        Victims = [new VerdictVictim(Sex.Unknown, 14, true), new VerdictVictim(Sex.Unknown, 16, true)],
        VictimsCount = 2,
    });

    private static string Write(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), "taskforce-wire-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<(int Code, string Stdout)> RunToolAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => throw new InvalidOperationException("no storage"), CancellationToken.None, Clock);
        return (code, stdout.ToString());
    }
}
