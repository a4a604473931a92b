using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Estimation;
using TaskForce.Cli;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Serialization;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Packaging;

/// <summary>
/// Issue 18 part 4 for the public results that no surface returns as they are (<see cref="WireJsonContractTests"/>
/// classifies them): where a surface writes a projection of the result, every member the projection takes over is
/// written with the same bytes by a consumer (<see cref="WireJson.Options"/>) as by the surface; where no surface
/// writes the result at all, its bytes are checked against values worked out by hand from the law's text.
/// </summary>
public sealed class WireJsonProjectionTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));
    private static readonly string[] SampleLists = ["police", "uptd_ppa", "ngo"];

    [Fact]
    public async Task MseEstimate_ConsumerMembersEqualTheToolsEstimateDocument_GivenTheNetherlandsData()
    {
        string csv = Path.Combine(RepoPaths.Root, "samples", "mse", "Ned.csv");
        MseEstimate estimate;
        using (var reader = new StreamReader(csv))
        {
            estimate = MultipleSystemsEstimator.Estimate(CaptureHistoryCsv.Read(reader), new MseOptions { Model = MseModel.Stepwise, PThreshold = 0.02 });
        }

        using var consumer = JsonDocument.Parse(JsonSerializer.Serialize(estimate, WireJson.Options));
        var (code, stdout) = await RunToolAsync("estimate", "--file", csv, "--json");
        Assert.Equal(0, code);
        using var tool = JsonDocument.Parse(stdout);

        // The members the estimate document (EstimateResponse) takes over unchanged: same name, same bytes.
        foreach (string name in (string[])["lists", "observed", "model", "terms", "empty_overlap_terms", "dark_figure", "estimate", "steps", "deviance", "residual_df", "aic", "warnings"])
        {
            Assert.Equal(tool.RootElement.GetProperty(name).GetRawText(), consumer.RootElement.GetProperty(name).GetRawText());
        }

        // The Wald interval, flattened by the document into ci_*: the same numbers, byte for byte.
        var wald = consumer.RootElement.GetProperty("wald");
        foreach (var (member, flat) in (ReadOnlySpan<(string, string)>)[("low", "ci_low"), ("high", "ci_high"), ("level", "ci_level"), ("method", "ci_method")])
        {
            Assert.Equal(tool.RootElement.GetProperty(flat).GetRawText(), wald.GetProperty(member).GetRawText());
        }

        Assert.Equal("\"stepwise\"", consumer.RootElement.GetProperty("model").GetRawText());
        Assert.Equal("\"wald_log_dark_figure\"", wald.GetProperty("method").GetRawText());
    }

    [Fact]
    public async Task LinkageResult_ConsumerMembersEqualTheToolsLinkSummary_GivenTheSampleLists()
    {
        string[] files = [.. SampleLists.Select(l => Path.Combine(RepoPaths.Root, "samples", "lists", l + ".csv"))];
        var entries = new List<VictimListEntry>();
        foreach (string file in files)
        {
            using var reader = new StreamReader(file);
            entries.AddRange(VictimListCsv.Read(reader, Path.GetFileName(file)));
        }

        // Any key: the NIK hashes are keyed alike on both records, so which persons link does not depend on it.
        var result = new RecordLinker(new LinkageOptions { DistrictSecret = new byte[32] }).Link(entries);
        using var consumer = JsonDocument.Parse(JsonSerializer.Serialize(result, WireJson.Options));
        string output = Path.Combine(Path.GetTempPath(), "taskforce-link-" + Guid.NewGuid().ToString("N"));
        var (code, stdout) = await RunToolAsync(["link", .. files.SelectMany(f => new[] { "--file", f }), "--out", output, "--json"]);
        Assert.Equal(0, code);
        using var tool = JsonDocument.Parse(stdout);
        var summary = tool.RootElement.GetProperty("summary");

        foreach (string name in (string[])["lists", "records", "warnings"])
        {
            Assert.Equal(summary.GetProperty(name).GetRawText(), consumer.RootElement.GetProperty(name).GetRawText());
        }

        Assert.Equal(summary.GetProperty("persons").GetInt32(), consumer.RootElement.GetProperty("persons").GetArrayLength());
        Assert.Equal(summary.GetProperty("strata").GetInt32(), consumer.RootElement.GetProperty("strata").GetArrayLength());
        Assert.Equal(entries.Count, consumer.RootElement.GetProperty("records").GetInt32());
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public void RestorativeJusticeAssessment_ConsumerBytesCarryTheWireNamesAndTheHandWorkedAnswer_GivenPasal2Ayat1()
    {
        // UU 21/2007 Pasal 2 ayat (1): 3 to 15 years. Perja 15/2020 Pasal 5(1)(b) allows at most 5 years, and ayat (8)
        // huruf b excludes a special minimum, so the article is priced (supported) and not eligible.
        var assessment = RestorativeJustice.Assess("UU21-2007:2(1)", new LocalDate(2025, 6, 1), new LocalDate(2026, 3, 1), Clock);

        string json = JsonSerializer.Serialize(assessment, WireJson.Options);

        Assert.StartsWith("{\"article\":\"UU21-2007:2(1)\",\"supported\":true,\"eligible\":false,\"regime\":", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["article", "supported", "eligible", "regime", "reasons", "warnings"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(document.RootElement.GetProperty("reasons").GetArrayLength() > 0);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<RestorativeJusticeAssessment>(json, WireJson.Options), WireJson.Options));
    }

    private static async Task<(int Code, string Stdout)> RunToolAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => throw new InvalidOperationException("no storage"), CancellationToken.None, Clock);
        return (code, stdout.ToString() + (code == 0 ? string.Empty : stderr.ToString()));
    }
}
