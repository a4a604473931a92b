using System.Text;
using Microsoft.AspNetCore.Http;
using NodaTime.Testing;
using TaskForce.Application.Detention;
using TaskForce.Domain.Common;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Detention;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>Every HTTP function invoked against Azurite: each real answer (success and problem) validates against the
/// schema the served OpenAPI document gives its operation and status, not only its route and status code.</summary>
[Collection(StorageGroup.Name)]
public sealed class OpenApiResponseSchemaTests(AzuriteFixture storage)
{
    private const string Id = "case-ttu-001";

    [Fact]
    public async Task CaseOperations_ConformToTheDocument_GivenRealAnswers()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);

        var created = OpenApiContract.AssertConforms("PostCase", 201, await api.PostAsync(OwnerWorker, Body(Intake())));
        Assert.Equal(Id, created.GetProperty("id").GetString());
        OpenApiContract.AssertConforms("PostCase", 409, await api.PostAsync(OwnerWorker, Body(Intake()))); // 409: the id is taken
        OpenApiContract.AssertConforms("PostCase", 400, await api.PostAsync(OwnerWorker, "{\"region\": 53}")); // 400
        OpenApiContract.AssertConforms("PostCase", 401, await api.PostAsync(null, Body(Intake()))); // 401
        OpenApiContract.AssertConforms("PostCase", 413, await api.PostAsync(OwnerWorker, new string(' ', HttpPipeline.DefaultMaxBodyBytes + 1))); // 413

        var owner = OpenApiContract.AssertConforms("GetCase", 200, (await api.GetAsync(OwnerWorker, Id)).Result);
        Assert.True(owner.GetProperty("identity_visible").GetBoolean());
        var other = OpenApiContract.AssertConforms("GetCase", 200, (await api.GetAsync(OtherWorker, Id)).Result);
        Assert.False(other.GetProperty("identity_visible").GetBoolean());
        OpenApiContract.AssertConforms("GetCase", 404, (await api.GetAsync(OwnerWorker, "no-such-case")).Result); // 404

        var page = OpenApiContract.AssertConforms("ListCases", 200, await api.Functions.ListCasesAsync(Request("GET", Coordinator, query: "?limit=1"), default));
        Assert.Equal(Id, page.GetProperty("items")[0].GetProperty("id").GetString());
        OpenApiContract.AssertConforms("ListCases", 400, await api.Functions.ListCasesAsync(Request("GET", Coordinator, query: "?limit=x"), default)); // 400

        var qualification = OpenApiContract.AssertConforms("QualifyCase", 200, await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, "{\"decision_date\": \"2026-03-09\"}"), Id, default));
        Assert.NotEmpty(qualification.EnumerateObject());
        OpenApiContract.AssertConforms("QualifyCase", 400, await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, "{\"decision\": 1}"), Id, default)); // 400 unknown field
    }

    [Fact]
    public async Task WorkflowOperations_ConformToTheDocument_GivenRealAnswers()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);
        OpenApiContract.AssertConforms("PostCase", 201, await api.PostAsync(OwnerWorker, Body(Intake())));
        var functions = api.WorkflowFunctions();
        const string start = """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""";

        var started = OpenApiContract.AssertConforms("StartCaseWorkflow", 201, await functions.StartAsync(Request("POST", OwnerWorker, start), Id, default));
        Assert.True(started.GetProperty("created").GetBoolean());
        var again = OpenApiContract.AssertConforms("StartCaseWorkflow", 200, await functions.StartAsync(Request("POST", OwnerWorker, start), Id, default)); // 200: started already
        Assert.False(again.GetProperty("created").GetBoolean());
        OpenApiContract.AssertConforms("StartCaseWorkflow", 404, await functions.StartAsync(Request("POST", OwnerWorker, start), "no-such-case", default)); // 404

        var moved = OpenApiContract.AssertConforms("TransitionCaseWorkflow", 200, await functions.TransitionAsync(Request("POST", OwnerWorker, """{"workflow": "case_management", "to": "assessment"}"""), Id, default));
        Assert.Equal("intake", moved.GetProperty("from").GetString());
        Assert.Equal("assessment", moved.GetProperty("event").GetProperty("to").GetString());
        OpenApiContract.AssertConforms("TransitionCaseWorkflow", 409, await functions.TransitionAsync(Request("POST", OwnerWorker, """{"workflow": "case_management", "to": "intake"}"""), Id, default)); // 409
        OpenApiContract.AssertConforms("TransitionCaseWorkflow", 412, await functions.TransitionAsync(Request("POST", OwnerWorker, """{"workflow": "case_management", "to": "closed", "reason": "duplicate"}""", string.Empty, ("If-Match", started.GetProperty("etag").GetString()!)), Id, default)); // 412

        var timeline = OpenApiContract.AssertConforms("GetCaseTimeline", 200, await functions.TimelineAsync(Request("GET", OwnerWorker), Id, default));
        Assert.Equal(2, timeline.GetProperty("workflows")[0].GetProperty("history").GetArrayLength());

        var spdp = OpenApiContract.AssertConforms("RecordCaseSpdp", 200, await functions.RecordSpdpAsync(Request("POST", OwnerWorker, """{"sent_on": "2026-03-05"}"""), Id, default));
        Assert.Equal("2026-03-05", spdp.GetProperty("spdp_sent_on").GetString());
        OpenApiContract.AssertConforms("RecordCaseSpdp", 400, await functions.RecordSpdpAsync(Request("POST", OwnerWorker, """{"sent_on": "2026-03-05", "x": 1}"""), Id, default)); // 400
    }

    [Fact]
    public async Task IndicatorOperations_ConformToTheDocument_GivenRealAnswers()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var functions = new IndicatorFunctions(ImportSnapshotRoundTripTests.SnapshotUseCase(tables), new TableSnapshotRepository(tables), TestPipeline.Trusted);

        OpenApiContract.AssertConforms("GetSnapshot", 404, await functions.GetSnapshotAsync(Service("GET"), "*", "2025", default)); // 404
        OpenApiContract.AssertConforms("GetIndicators", 200, await functions.GetIndicatorsAsync(Service("GET", "?region=*&period=2025"), default));
        OpenApiContract.AssertConforms("GetIndicators", 400, await functions.GetIndicatorsAsync(Service("GET", "?region=*&period=2025-Q5"), default)); // 400
        OpenApiContract.AssertConforms("PostSnapshot", 201, await functions.PostSnapshotAsync(Service("POST", "?region=*&period=2025"), default)); // 201
        OpenApiContract.AssertConforms("PostSnapshot", 200, await functions.PostSnapshotAsync(Service("POST", "?region=*&period=2025"), default)); // 200
        OpenApiContract.AssertConforms("GetSnapshot", 200, await functions.GetSnapshotAsync(Service("GET"), "%2A", "2025", default));
    }

    [Fact]
    public async Task ComputationOperations_ConformToTheDocument_GivenRealAnswers()
    {
        var detention = new DetentionCheckFunctions(new DetentionCheckUseCase(new FakeClock(DetentionCheckCliTests.Now), DistrictTime.DefaultZone), TestPipeline.Trusted);
        OpenApiContract.AssertConforms("PostDetentionCheck", 200, await detention.PostAsync(Service("POST", body: DetentionCheckCliTests.ContractExample), default));
        OpenApiContract.AssertConforms("PostDetentionCheck", 400, await detention.PostAsync(Service("POST", body: "{\"article\": 1}"), default)); // 400

        var estimate = new EstimateFunctions(TestPipeline.Trusted);
        const string csv = "A,B,C,count\n1,0,0,40\n0,1,0,35\n0,0,1,30\n1,1,0,12\n1,0,1,9\n0,1,1,8\n1,1,1,4\n";
        var result = OpenApiContract.AssertConforms("PostEstimate", 200, await estimate.PostEstimateAsync(Service("POST", "?model=stepwise", csv), default));
        Assert.True(result.TryGetProperty("estimate", out _));
        OpenApiContract.AssertConforms("PostEstimate", 400, await estimate.PostEstimateAsync(Service("POST", "?bootstrap=-1", csv), default)); // 400
        OpenApiContract.AssertConforms("PostEstimate", 413, await estimate.PostEstimateAsync(Service("POST", string.Empty, csv + new string('0', EstimateFunctions.MaxBodyBytes)), default)); // 413

        OpenApiContract.AssertConforms("GetOpenApi", 200, new OpenApiFunctions().Get(Service("GET")));
    }

    private static HttpRequest Service(string method, string query = "", string? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        return context.Request;
    }
}
