using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Testing;
using TaskForce.Application.Detention;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Domain.Common;
using TaskForce.Functions.Http;

namespace TaskForce.Integration.Tests.Detention;

/// <summary><c>POST /api/detention-checks</c> called directly (no Functions host) with a DefaultHttpContext.</summary>
public sealed class DetentionCheckFunctionTests
{
    [Fact]
    public async Task Post_Returns200WithTheSameDocumentAsTheTool_GivenTheContractExample()
    {
        var result = await Function().PostAsync(Request(DetentionCheckCliTests.ContractExample), CancellationToken.None);

        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(200, content.StatusCode);
        Assert.StartsWith("application/json", content.ContentType, StringComparison.Ordinal);
        var (code, stdout, _) = await DetentionCheckCliTests.RunAsync("detention-check", "--file", DetentionCheckCliTests.WriteInput(DetentionCheckCliTests.ContractExample), "--json");
        Assert.Equal(0, code);
        Assert.Equal(stdout.TrimEnd(), content.Content);
        var json = JsonDocument.Parse(content.Content!).RootElement;
        Assert.Equal(20, json.GetProperty("periods")[0].GetProperty("days").GetInt32());
        Assert.Equal("2024-03-22", json.GetProperty("release_by_law").GetString());
    }

    [Fact]
    public async Task Post_ReportsTheRealChain_GivenTheKupangChainOf2019()
    {
        string[] stages = ["penyidik", "penyidik_perpanjangan", "penyidik_pasal29_1", "penuntut_umum", "hakim_pn", "hakim_pn_perpanjangan", "hakim_pn_pasal29_1", "hakim_pn_pasal29_2"];
        string input = DetentionCheckCliTests.ChainInput(DetentionCheckCliTests.VerdictChain("27/Pid.Sus/2019/PN Kpg"), stages, "UU21-2007:6", "2018-10-13");

        var content = Assert.IsType<ContentResult>(await Function().PostAsync(Request(input), CancellationToken.None));

        var json = JsonDocument.Parse(content.Content!).RootElement;
        Assert.Equal(251, json.GetProperty("total_days").GetInt32());
        Assert.Equal("2019-06-21", json.GetProperty("release_by_law").GetString());
        Assert.True(json.GetProperty("periods")[1].GetProperty("over_limit").GetBoolean()); // 41 days against 40
    }

    [Theory]
    [InlineData("periods[0].stage", """{"periods": [{"stage": "hakim_pm", "from": "2024-03-03", "to": "2024-03-22"}]}""")]
    [InlineData("periods[0].from", """{"periods": [{"stage": "penyidik", "from": "2024-13-03", "to": "2024-03-22"}]}""")]
    [InlineData("periods", """{}""")]
    [InlineData("request", "")]
    [InlineData("request", "not json")]
    public async Task Post_Returns400ProblemJsonNamingTheField_GivenBadInput(string field, string body)
    {
        var result = await Function().PostAsync(Request(body), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(400, problem.StatusCode);
        Assert.Contains("application/problem+json", problem.ContentTypes);
        var details = Assert.IsType<ValidationProblemDetails>(problem.Value);
        Assert.True(details.Errors.ContainsKey(field), string.Join(", ", details.Errors.Keys));
    }

    [Fact]
    public async Task Post_Returns413_GivenABodyOverTheLimit()
    {
        string body = "{\"periods\": [], \"article\": \"" + new string('x', DetentionCheckJson.MaxInputLength) + "\"}";

        var result = await Function().PostAsync(Request(body), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(413, problem.StatusCode);
        Assert.Equal(["The body is larger than 1000000 bytes."], Assert.IsType<ValidationProblemDetails>(problem.Value).Errors["body"]);
    }

    private static DetentionCheckFunctions Function() =>
        new(new DetentionCheckUseCase(new FakeClock(DetentionCheckCliTests.Now), DistrictTime.DefaultZone), TestPipeline.Trusted);

    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }
}
