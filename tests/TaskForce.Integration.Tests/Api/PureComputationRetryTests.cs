using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Testing;
using TaskForce.Application.Detention;
using TaskForce.Domain.Common;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Detention;
using TaskForce.Integration.Tests.Infrastructure;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Api;

/// <summary>The POSTs that only compute (openapi.json: <c>x-idempotency: pure-computation</c>): a retry — with the same
/// Idempotency-Key, another key or none — gives the same answer and writes nothing.</summary>
[Collection(StorageGroup.Name)]
public sealed class PureComputationRetryTests(AzuriteFixture storage)
{
    [Fact]
    public async Task PostDetentionCheck_AnswersTheSame_GivenARetry()
    {
        var function = new DetentionCheckFunctions(new DetentionCheckUseCase(new FakeClock(NodaTime.Instant.FromUtc(2024, 3, 1, 0, 0)), DistrictTime.DefaultZone), TestPipeline.Trusted);
        string first = Text(await function.PostAsync(Plain(DetentionCheckCliTests.ContractExample, ("Idempotency-Key", "k-1")), CancellationToken.None));
        string retry = Text(await function.PostAsync(Plain(DetentionCheckCliTests.ContractExample, ("Idempotency-Key", "k-1")), CancellationToken.None));
        string other = Text(await function.PostAsync(Plain(DetentionCheckCliTests.ContractExample), CancellationToken.None));
        Assert.Equal(first, retry);
        Assert.Equal(first, other);
    }

    [Fact]
    public async Task PostEstimate_AnswersTheSame_GivenARetryWithBootstrapAndSeed()
    {
        // Three lists, counts made up; with a seed the bootstrap is reproducible, so a retry is the same answer.
        const string csv = "A,B,C,count\n1,0,0,40\n0,1,0,35\n0,0,1,30\n1,1,0,12\n1,0,1,9\n0,1,1,8\n1,1,1,4\n";
        var function = new EstimateFunctions(TestPipeline.Trusted);
        static HttpRequest Req() => Plain(csv, ("Idempotency-Key", "e-1"), query: "?model=stepwise&bootstrap=200&seed=7");
        string first = Text(await function.PostEstimateAsync(Req(), CancellationToken.None));
        string retry = Text(await function.PostEstimateAsync(Req(), CancellationToken.None));
        Assert.Equal(first, retry);
        Assert.Contains("\"estimate\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QualifyCase_AnswersTheSameAndWritesNothing_GivenARetry()
    {
        var api = new CaseApi(await storage.NewTablesAsync());
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake())), 201);
        var before = await TableRows.FingerprintAsync(api.Tables.Cases);
        const string body = """{"decision_date": "2026-03-01"}""";
        string first = Text(await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, body, string.Empty, ("Idempotency-Key", "q-1")), "case-ttu-001", CancellationToken.None));
        string retry = Text(await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, body, string.Empty, ("Idempotency-Key", "q-1")), "case-ttu-001", CancellationToken.None));
        Assert.Equal(first, retry);
        Assert.Equal(before, await TableRows.FingerprintAsync(api.Tables.Cases));
    }

    private static string Text(IActionResult result)
    {
        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(200, content.StatusCode);
        return content.Content!;
    }

    private static HttpRequest Plain(string body, (string Name, string Value)? header = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (header is { } h)
        {
            context.Request.Headers[h.Name] = h.Value;
        }

        return context.Request;
    }
}
