using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Estimation;

/// <summary><c>taskforce estimate</c> and <c>POST /api/estimates</c> against SparseMSE 2.0.2's reference results
/// (samples/mse/reference.json) and the contract's exit codes and error documents. No storage involved.</summary>
public sealed class EstimateTests
{
    private static string MseFolder => RepoPaths.MseSamples;

    private static JsonElement Reference(string dataSet, string model) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(MseFolder, "reference.json"))).RootElement.GetProperty(dataSet).GetProperty(model);

    [Fact]
    public async Task Estimate_PrintsContractJsonEqualToSparseMse_GivenUkDataAndDefaultModel()
    {
        var (code, stdout, _) = await RunAsync("estimate", "--file", Path.Combine(MseFolder, "UKdat.csv"), "--json");

        Assert.Equal(0, code);
        JsonElement doc = JsonDocument.Parse(stdout).RootElement;
        JsonElement reference = Reference("UKdat", "stepwise");
        Assert.Equal(["LA", "NG", "PF", "GO", "GP", "NCA"], doc.GetProperty("lists").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2744, doc.GetProperty("observed").GetInt64());
        Assert.Equal("stepwise", doc.GetProperty("model").GetString());
        Assert.Equal(
            reference.GetProperty("terms").EnumerateArray().Select(e => e.GetString()),
            doc.GetProperty("terms").EnumerateArray().Select(e => e.GetString()));
        AssertRelative(reference.GetProperty("estimate").GetDouble(), doc.GetProperty("estimate").GetDouble());
        AssertRelative(reference.GetProperty("wald_ci_low").GetDouble(), doc.GetProperty("ci_low").GetDouble());
        AssertRelative(reference.GetProperty("wald_ci_high").GetDouble(), doc.GetProperty("ci_high").GetDouble());
        AssertRelative(reference.GetProperty("profile_ci_low").GetDouble(), doc.GetProperty("profile_ci_low").GetDouble());
        Assert.Equal(0.95, doc.GetProperty("ci_level").GetDouble());
        Assert.Equal("wald_log_dark_figure", doc.GetProperty("ci_method").GetString());
        AssertRelative(doc.GetProperty("estimate").GetDouble() - 2744, doc.GetProperty("dark_figure").GetDouble());
        Assert.Contains(doc.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "empty_overlap_pairs");
        Assert.Equal(7, doc.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Estimate_UsesIndependenceModel_GivenModelOption()
    {
        var (code, stdout, _) = await RunAsync("estimate", "--file", Path.Combine(MseFolder, "Ned_5.csv"), "--model", "independence", "--json");

        Assert.Equal(0, code);
        JsonElement doc = JsonDocument.Parse(stdout).RootElement;
        JsonElement reference = Reference("Ned_5", "main_effects");
        Assert.Equal("independence", doc.GetProperty("model").GetString());
        AssertRelative(reference.GetProperty("ci_low").GetDouble(), doc.GetProperty("ci_low").GetDouble());
        AssertRelative(reference.GetProperty("ci_high").GetDouble(), doc.GetProperty("ci_high").GetDouble());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("p_threshold").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("bca").ValueKind);
    }

    [Fact]
    public async Task Estimate_PrintsReadableSummary_GivenNoJsonOption()
    {
        var (code, stdout, _) = await RunAsync("estimate", "--file", Path.Combine(MseFolder, "UKdat_5.csv"));

        Assert.Equal(0, code);
        Assert.Contains("Estimated total: 11313", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file", null, "--model", "stepwise")]
    [InlineData("model", "A,B,count\n1,0,5\n0,1,4\n1,1,2\n", "--model", "saturated")]
    [InlineData("p_threshold", "A,B,count\n1,0,5\n0,1,4\n1,1,2\n", "--p-threshold", "1.5")]
    [InlineData("lists", "A,count\n1,12\n", "--model", "stepwise")]
    [InlineData("lists", "A,B,C\n1,0,1\n", "--model", "stepwise")]
    [InlineData("rows", "A,B,count\n1,0,0\n0,1,0\n", "--model", "stepwise")]
    [InlineData("rows[1].cells[0]", "A,B,count\n1,0,5\n2,1,4\n", "--model", "stepwise")]
    [InlineData("rows[1].count", "A,B,count\n1,0,5\n0,1,-4\n1,1,2\n", "--model", "stepwise")]
    [InlineData("rows[2].cells", "A,B,count\n1,0,5\n0,1,4\n1,0,2\n", "--model", "stepwise")]
    [InlineData("rows", "A,B,count\n1,0,10\n0,1,5\n", "--model", "independence")]
    [InlineData("bootstrap", "A,B,count\n1,0,5\n0,1,4\n1,1,2\n", "--bootstrap", "5")]
    public async Task Estimate_ExitsWith2AndAnErrorDocument_GivenBadInput(string field, string? csv, string option, string value)
    {
        string path = csv is null ? "/nonexistent/lists.csv" : WriteTemp(csv);

        var (code, stdout, _) = await RunAsync("estimate", "--file", path, option, value, "--json");

        Assert.Equal(2, code);
        JsonElement error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Bad input", error.GetProperty("title").GetString());
        Assert.Equal(field, error.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostEstimate_Returns200WithTheSameDocumentAsTheTool_GivenCsvBody()
    {
        string path = Path.Combine(MseFolder, "UKdat_5.csv");
        var (_, cliJson, _) = await RunAsync("estimate", "--file", path, "--p-threshold", "0.02", "--json");

        IActionResult result = await new EstimateFunctions(TestPipeline.Trusted).PostEstimateAsync(Request("?model=stepwise&p_threshold=0.02", File.ReadAllText(path)), CancellationToken.None);

        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(200, content.StatusCode);
        Assert.StartsWith("application/json", content.ContentType, StringComparison.Ordinal);
        Assert.Equal(cliJson.Trim(), content.Content);
        AssertRelative(Reference("UKdat_5", "stepwise").GetProperty("estimate").GetDouble(), JsonDocument.Parse(content.Content!).RootElement.GetProperty("estimate").GetDouble());
    }

    [Theory]
    [InlineData("?model=stepwise", "A,B,count\n1,0,5\n0,1,-4\n1,1,2\n", "rows[1].count")]
    [InlineData("?p_threshold=abc", "A,B,count\n1,0,5\n0,1,4\n1,1,2\n", "p_threshold")]
    [InlineData("", "", "file")]
    public async Task PostEstimate_Returns400ProblemJson_GivenBadInput(string query, string body, string field)
    {
        IActionResult result = await new EstimateFunctions(TestPipeline.Trusted).PostEstimateAsync(Request(query, body), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(400, problem.StatusCode);
        Assert.Contains("application/problem+json", problem.ContentTypes);
        var details = Assert.IsType<ValidationProblemDetails>(problem.Value);
        Assert.True(details.Errors.ContainsKey(field), string.Join(",", details.Errors.Keys));
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static string WriteTemp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "taskforce-estimate-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static HttpRequest Request(string query, string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Request.ContentType = "text/csv";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, null, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 11, 29, 0, 0)));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
