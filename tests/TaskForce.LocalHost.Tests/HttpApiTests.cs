using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaskForce.Functions;
using TaskForce.Functions.Http;

namespace TaskForce.LocalHost.Tests;

/// <summary>Every HTTP function over a real socket through the local host; every body checked against the served
/// OpenAPI document.</summary>
[Collection(LocalHostGroup.Name)]
public sealed partial class HttpApiTests(LocalHostFixture host)
{
    private const string Json = "application/json";

    private static readonly string[] SnapshotRegions = ["53.03", "53.01", "53.02", "53.04", "53.05"];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex InstantPattern();

    private static string NewId() => "case-http-" + Guid.NewGuid().ToString("N")[..10];

    private static string Intake(string? id, string region = "53.03", string victimName = "Yohana Sanam")
    {
        var body = new JsonObject
        {
            ["region"] = region,
            ["case_type"] = "tppo",
            ["reporting_agency"] = new JsonObject { ["kind"] = "uptd_ppa", ["name"] = "UPTD PPA Kabupaten TTU" },
            ["intake_channel"] = "walk_in",
            ["reported_at"] = "2026-03-02T02:30:00Z",
            ["offence_date"] = "2025-11-20",
            ["victims"] = new JsonArray(new JsonObject
            {
                ["sex"] = "female", ["birth_date"] = "2008-05-01", ["citizenship"] = "ID", ["disability"] = false, ["migrant_worker_status"] = "non_procedural",
                ["identity"] = new JsonObject { ["full_name"] = victimName },
            }),
            ["suspects"] = new JsonArray(new JsonObject { ["sex"] = "male", ["roles"] = new JsonArray("recruiter"), ["citizenship"] = "ID" }),
            ["elements"] = new JsonObject
            {
                ["acts"] = new JsonArray("perekrutan", "pengiriman"), ["means"] = new JsonArray("penipuan"), ["purposes"] = new JsonArray("kerja_paksa"), ["exploitation_occurred"] = false,
            },
            ["places"] = new JsonObject { ["origin_kecamatan"] = "53.03.01", ["destination_country"] = "MY" },
            ["consent"] = new JsonObject { ["for_services"] = true, ["for_reporting"] = true, ["for_sharing"] = true, ["given_by"] = "parent_or_guardian" },
        };
        if (id is not null)
        {
            body["id"] = id;
        }

        return body.ToJsonString();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? body = null, string contentType = Json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string method, string path)
    {
        string mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        Assert.True(status == response.StatusCode, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await host.OpenApi.AssertValidAsync(response, method, path);
        if ((int)status >= 400)
        {
            Assert.Equal(Problems.MediaType, mediaType);
            Assert.Equal((int)status, body.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        }
        else
        {
            Assert.Equal(Json, mediaType);
        }

        return body;
    }

    private async Task<(string Id, string ETag)> OpenCaseAsync(HttpClient worker)
    {
        string id = NewId();
        var created = await SendAsync(worker, HttpMethod.Post, "cases", Intake(id));
        await ExpectAsync(created, HttpStatusCode.Created, "post", "/cases");
        return (id, created.Headers.ETag!.ToString());
    }

    [Fact]
    public void Discover_FindsEveryOperationOfTheDocument_GivenTheFunctionsAssembly()
    {
        var routes = FunctionRoute.Discover(typeof(ServiceRegistration).Assembly);
        var served = routes.SelectMany(r => r.Methods.Select(m => $"{m} /{r.Route}")).Order(StringComparer.Ordinal).ToList();
        var document = JsonNode.Parse(OpenApiFunctions.Text)!["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key != "parameters").Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(document, served);
        Assert.Equal(31, served.Count); // 14 + amendments and history (ADR-017) + consent (ADR-018) + the three requests of the person recorded (ADR-019) + the alert inbox and acknowledgement (ADR-021) + the access log per case and per period (ADR-022) + referral list and assignment (ADR-020) + prevention activities (record, read, revise) and their indicators (ADR-033) + the annual report (ADR-035)
        Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, routes.Single(r => r.Name == "GetOpenApi").Level);
        Assert.All(routes.Where(r => r.Name != "GetOpenApi"), r => Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Function, r.Level));
    }

    [Fact]
    public async Task GetOpenApi_Returns200WithTheDocument_GivenNoFunctionKey()
    {
        using var anonymous = host.Client(withKey: false);
        var response = await SendAsync(anonymous, HttpMethod.Get, "openapi.json");
        var body = await ExpectAsync(response, HttpStatusCode.OK, "get", "/openapi.json");
        Assert.Equal("3.1.0", body.GetProperty("openapi").GetString());
        Assert.Equal(OpenApiFunctions.Text, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryKeyedRoute_Returns401ProblemJson_GivenNoOrAWrongFunctionKey()
    {
        using var anonymous = host.Client("worker-1", withKey: false);
        using var wrong = host.Client("worker-1", withKey: false);
        wrong.DefaultRequestHeaders.Add(LocalApi.FunctionKeyHeader, "not-the-key");
        foreach (var route in FunctionRoute.Discover(typeof(ServiceRegistration).Assembly).Where(r => r.Name != "GetOpenApi"))
        {
            string url = route.Route.Replace("{id}", "case-x", StringComparison.Ordinal).Replace("{region}", "53.03", StringComparison.Ordinal).Replace("{period}", "2025", StringComparison.Ordinal);
            foreach (var client in new[] { anonymous, wrong })
            {
                var response = await SendAsync(client, new HttpMethod(route.Methods[0]), url, route.Methods[0] == "POST" ? "{}" : null);
                Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{route.Name}: {(int)response.StatusCode}");
                Assert.Equal(Problems.MediaType, response.Content.Headers.ContentType?.MediaType);
                var problem = await host.OpenApi.AssertValidAgainstComponentAsync(response, "Problem");
                Assert.Equal(401, problem.GetProperty("status").GetInt32());
                Assert.Contains(LocalApi.FunctionKeyHeader, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Key_IsAcceptedFromTheCodeQueryParameter_GivenNoHeader()
    {
        using var anonymous = host.Client(withKey: false);
        var response = await SendAsync(anonymous, HttpMethod.Get, $"indicators?region=53.03&period=2025&code={LocalHostFixture.Key}");
        await ExpectAsync(response, HttpStatusCode.OK, "get", "/indicators");
    }

    [Fact]
    public async Task PostCase_Returns201WithLocationAndETag_AndGetCaseReadsItWithTheSameETagAndIsoDates()
    {
        using var worker = host.Client("worker-1");
        string id = NewId();
        var created = await SendAsync(worker, HttpMethod.Post, "cases", Intake(id));
        var summary = await ExpectAsync(created, HttpStatusCode.Created, "post", "/cases");
        Assert.Equal($"/api/cases/{id}", created.Headers.Location?.OriginalString);
        Assert.NotNull(created.Headers.ETag);
        Assert.Equal(id, summary.GetProperty("id").GetString());

        var read = await SendAsync(worker, HttpMethod.Get, $"cases/{id}");
        var document = await ExpectAsync(read, HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.Equal(created.Headers.ETag!.ToString(), read.Headers.ETag!.ToString());
        string text = document.GetRawText();
        Assert.Contains("\"reported_at\":\"2026-03-02T02:30:00Z\"", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"offence_date\":\"2025-11-20\"", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Yohana Sanam", text, StringComparison.Ordinal); // the owning agency sees identity
        Assert.DoesNotContain("\"calendar\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCase_Returns404And401ProblemJson_GivenAnUnknownIdOrNoPerson()
    {
        using var worker = host.Client("worker-1");
        var missing = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "cases/no-such-case-x"), HttpStatusCode.NotFound, "get", "/cases/{id}");
        Assert.Contains("no-such-case-x", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var nobody = host.Client();
        await ExpectAsync(await SendAsync(nobody, HttpMethod.Get, "cases/no-such-case-x"), HttpStatusCode.Unauthorized, "get", "/cases/{id}");
    }

    [Fact]
    public async Task ClientSentPrincipal_IsStripped_GivenNoDevUser()
    {
        using var forger = host.Client();
        var response = await SendAsync(forger, HttpMethod.Get, "cases/no-such-case-x", null, Json,
            (ClientPrincipalReader.HeaderName, DevUsers.Principal(new DevUser("coord-1", "gugus_tugas_ttu", ["coordinator"]))));
        await ExpectAsync(response, HttpStatusCode.Unauthorized, "get", "/cases/{id}");
    }

    [Fact]
    public async Task DevUserHeader_Returns401_GivenAnUnknownName()
    {
        using var stranger = host.Client("nobody-here");
        var response = await SendAsync(stranger, HttpMethod.Get, "cases/no-such-case-x");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await host.OpenApi.AssertValidAgainstComponentAsync(response, "Problem");
        Assert.Contains("nobody-here", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCase_ReplaysWithIdempotentReplayed_GivenTheSameIdempotencyKey_And422_GivenItWithAnotherBody()
    {
        using var worker = host.Client("worker-1");
        string key = "intake-" + Guid.NewGuid().ToString("N");
        var first = await SendAsync(worker, HttpMethod.Post, "cases", Intake(null), Json, (CaseFunctions.IdempotencyKeyHeader, key));
        var firstBody = await ExpectAsync(first, HttpStatusCode.Created, "post", "/cases");
        Assert.False(first.Headers.Contains(CaseFunctions.ReplayedHeader));

        var again = await SendAsync(worker, HttpMethod.Post, "cases", Intake(null), Json, (CaseFunctions.IdempotencyKeyHeader, key));
        var againBody = await ExpectAsync(again, HttpStatusCode.Created, "post", "/cases");
        Assert.Equal("true", again.Headers.GetValues(CaseFunctions.ReplayedHeader).Single());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag!.ToString(), again.Headers.ETag!.ToString());
        Assert.Equal(firstBody.GetProperty("id").GetString(), againBody.GetProperty("id").GetString());

        var reused = await SendAsync(worker, HttpMethod.Post, "cases", Intake(null, "53.04"), Json, (CaseFunctions.IdempotencyKeyHeader, key));
        var problem = await ExpectAsync(reused, HttpStatusCode.UnprocessableEntity, "post", "/cases");
        Assert.True(problem.GetProperty("errors").TryGetProperty(CaseFunctions.IdempotencyKeyHeader, out _));
    }

    [Fact]
    public async Task PostCase_Returns409_GivenATakenId_And400NamingTheField_GivenABadRegion()
    {
        using var worker = host.Client("worker-1");
        var (id, _) = await OpenCaseAsync(worker);
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "cases", Intake(id)), HttpStatusCode.Conflict, "post", "/cases");

        var bad = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "cases", Intake(NewId(), "99.99.99")), HttpStatusCode.BadRequest, "post", "/cases");
        Assert.True(bad.GetProperty("errors").TryGetProperty("region", out _), bad.GetRawText());
    }

    [Fact]
    public async Task RecordSpdp_Returns412_GivenAStaleIfMatch_And200WithANewETag_GivenTheCurrentOne()
    {
        using var worker = host.Client("worker-1");
        var (id, etag) = await OpenCaseAsync(worker);
        const string body = """{"sent_on": "2026-03-05"}""";

        var stale = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/spdp", body, Json, ("If-Match", "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\""));
        await ExpectAsync(stale, HttpStatusCode.PreconditionFailed, "post", "/cases/{id}/spdp");

        var recorded = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/spdp", body, Json, ("If-Match", etag));
        var result = await ExpectAsync(recorded, HttpStatusCode.OK, "post", "/cases/{id}/spdp");
        Assert.Contains("2026-03-05", result.GetRawText(), StringComparison.Ordinal);
        string newTag = recorded.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newTag);

        var reread = await SendAsync(worker, HttpMethod.Get, $"cases/{id}");
        await ExpectAsync(reread, HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.Equal(newTag, reread.Headers.ETag!.ToString());
        // The first tag is stale now (the same date again is a no-op the use case answers 200 without the check).
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/spdp", """{"sent_on": "2026-03-06"}""", Json, ("If-Match", etag)), HttpStatusCode.PreconditionFailed, "post", "/cases/{id}/spdp");
    }

    [Fact]
    public async Task ListCases_Returns200WithTheOpenedCase_GivenPagingThroughTheRegion_And400_GivenABadLimit()
    {
        using var worker = host.Client("worker-1");
        var (id, _) = await OpenCaseAsync(worker);
        var seen = new List<string>();
        string? cursor = null;
        for (int page = 0; page < 50; page++)
        {
            var response = await SendAsync(worker, HttpMethod.Get, $"cases?region=53.03&limit=100{(cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))}");
            var body = await ExpectAsync(response, HttpStatusCode.OK, "get", "/cases");
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = body.GetProperty("next_cursor").ValueKind == JsonValueKind.String ? body.GetProperty("next_cursor").GetString() : null;
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Contains(id, seen);
        var bad = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "cases?limit=many"), HttpStatusCode.BadRequest, "get", "/cases");
        Assert.True(bad.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task QualifyCase_Returns200WithTheElementTest_GivenAStoredCase_And404_GivenAnUnknownOne()
    {
        using var worker = host.Client("worker-1");
        var (id, _) = await OpenCaseAsync(worker);
        var result = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/qualification", """{"decision_date": "2026-03-10"}"""), HttpStatusCode.OK, "post", "/cases/{id}/qualification");
        Assert.Equal(JsonValueKind.Object, result.ValueKind);
        Assert.NotEmpty(result.EnumerateObject());
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "cases/no-such-case-x/qualification", string.Empty), HttpStatusCode.NotFound, "post", "/cases/{id}/qualification");
    }

    [Fact]
    public async Task Workflows_StartTransitionAndTimeline_RoundTripETagsAnd412_AndReplayTheIdempotencyKey()
    {
        using var worker = host.Client("worker-1");
        var (id, _) = await OpenCaseAsync(worker);
        const string start = """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""";
        var started = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/workflows", start);
        var startBody = await ExpectAsync(started, HttpStatusCode.Created, "post", "/cases/{id}/workflows");
        string startTag = started.Headers.ETag!.ToString();
        Assert.Equal(startTag, startBody.GetProperty("etag").GetString());
        Assert.True(startBody.GetProperty("created").GetBoolean());
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/workflows", start), HttpStatusCode.OK, "post", "/cases/{id}/workflows");

        const string move = """{"workflow": "case_management", "to": "assessment"}""";
        string key = "move-" + Guid.NewGuid().ToString("N");
        var moved = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/transitions", move, Json, ("If-Match", startTag), (CaseFunctions.IdempotencyKeyHeader, key));
        var movedBody = await ExpectAsync(moved, HttpStatusCode.OK, "post", "/cases/{id}/transitions");
        Assert.Equal("assessment", movedBody.GetProperty("state").GetString());
        Assert.NotEqual(startTag, moved.Headers.ETag!.ToString());

        var replay = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/transitions", move, Json, ("If-Match", startTag), (CaseFunctions.IdempotencyKeyHeader, key));
        var replayBody = await ExpectAsync(replay, HttpStatusCode.OK, "post", "/cases/{id}/transitions");
        Assert.Equal(movedBody.GetProperty("version").GetInt32(), replayBody.GetProperty("version").GetInt32());
        Assert.Equal(moved.Headers.ETag!.ToString(), replay.Headers.ETag!.ToString());

        var stale = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/transitions", """{"workflow": "case_management", "to": "intervention_plan"}""", Json, ("If-Match", startTag));
        await ExpectAsync(stale, HttpStatusCode.PreconditionFailed, "post", "/cases/{id}/transitions");
        var illegal = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/transitions", """{"workflow": "case_management", "to": "closed_unknown_state"}"""), HttpStatusCode.BadRequest, "post", "/cases/{id}/transitions");
        Assert.True(illegal.GetProperty("errors").TryGetProperty("to", out _));

        var timeline = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, $"cases/{id}/timeline"), HttpStatusCode.OK, "get", "/cases/{id}/timeline");
        Assert.Equal(id, timeline.GetProperty("case_id").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", timeline.GetProperty("as_of").GetString());
        Assert.Equal("case_management", timeline.GetProperty("workflows")[0].GetProperty("workflow").GetString());
        await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "cases/no-such-case-x/timeline"), HttpStatusCode.NotFound, "get", "/cases/{id}/timeline");
    }

    [Fact]
    public async Task GetIndicators_Returns200Snapshot_GivenARegionAndPeriod_And400_GivenAnUnlistedRegion()
    {
        using var service = host.Client();
        var snapshot = await ExpectAsync(await SendAsync(service, HttpMethod.Get, "indicators?region=53.03&period=2025"), HttpStatusCode.OK, "get", "/indicators");
        Assert.Equal(JsonValueKind.Object, snapshot.ValueKind);
        var bad = await ExpectAsync(await SendAsync(service, HttpMethod.Get, "indicators?region=53.99&period=2025"), HttpStatusCode.BadRequest, "get", "/indicators");
        Assert.True(bad.GetProperty("errors").TryGetProperty("region", out _));
    }

    [Fact]
    public async Task Snapshots_Return404ThenStore201ThenSame200_AndGetReturnsTheStoredBytes()
    {
        using var service = host.Client();

        // The first region and period with nothing stored yet (the storage may outlive one run when TASKFORCE_STORAGE is reused).
        string? free = null;
        foreach (var candidate in SnapshotRegions.SelectMany(r => Enumerable.Range(2018, 6).Select(y => $"{r}/{y}")))
        {
            var probe = await SendAsync(service, HttpMethod.Get, $"snapshots/{candidate}");
            if (probe.StatusCode == HttpStatusCode.NotFound)
            {
                await ExpectAsync(probe, HttpStatusCode.NotFound, "get", "/snapshots/{region}/{period}");
                free = candidate;
                break;
            }
        }

        Assert.NotNull(free);
        string[] parts = free.Split('/');
        var stored = await SendAsync(service, HttpMethod.Post, $"snapshots?region={parts[0]}&period={parts[1]}");
        await ExpectAsync(stored, HttpStatusCode.Created, "post", "/snapshots");
        var again = await SendAsync(service, HttpMethod.Post, $"snapshots?region={parts[0]}&period={parts[1]}");
        await ExpectAsync(again, HttpStatusCode.OK, "post", "/snapshots");
        var read = await SendAsync(service, HttpMethod.Get, $"snapshots/{free}");
        await ExpectAsync(read, HttpStatusCode.OK, "get", "/snapshots/{region}/{period}");
        Assert.Equal(await stored.Content.ReadAsStringAsync(), await read.Content.ReadAsStringAsync());
        await ExpectAsync(await SendAsync(service, HttpMethod.Get, "snapshots/53.03/not-a-period"), HttpStatusCode.BadRequest, "get", "/snapshots/{region}/{period}");
    }

    [Fact]
    public async Task PostEstimate_Returns200Estimate_GivenACaptureHistoryCsv_And400_GivenABadThreshold()
    {
        using var service = host.Client();
        const string csv = "A,B,count\n1,0,5\n0,1,4\n1,1,2\n";
        var estimate = await ExpectAsync(await SendAsync(service, HttpMethod.Post, "estimates?model=independence", csv, "text/csv"), HttpStatusCode.OK, "post", "/estimates");
        Assert.Equal(11, estimate.GetProperty("observed").GetInt32());
        var bad = await ExpectAsync(await SendAsync(service, HttpMethod.Post, "estimates?model=stepwise&p_threshold=abc", csv, "text/csv"), HttpStatusCode.BadRequest, "post", "/estimates");
        Assert.True(bad.GetProperty("errors").TryGetProperty("p_threshold", out _));
    }

    [Fact]
    public async Task PostDetentionCheck_Returns200Ledger_GivenAChain_And400NamingTheField_GivenAnUnknownStage()
    {
        using var service = host.Client();
        var ledger = await ExpectAsync(await SendAsync(service, HttpMethod.Post, "detention-checks", """{"periods": [{"stage": "penyidik", "from": "2024-03-03", "to": "2024-03-22"}]}"""), HttpStatusCode.OK, "post", "/detention-checks");
        Assert.Contains("2024-03-03", ledger.GetRawText(), StringComparison.Ordinal);
        var bad = await ExpectAsync(await SendAsync(service, HttpMethod.Post, "detention-checks", """{"periods": [{"stage": "hakim_pm", "from": "2024-03-03", "to": "2024-03-22"}]}"""), HttpStatusCode.BadRequest, "post", "/detention-checks");
        Assert.True(bad.GetProperty("errors").TryGetProperty("periods[0].stage", out _));
    }
}
