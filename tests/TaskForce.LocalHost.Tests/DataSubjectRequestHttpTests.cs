using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForce.Functions.Http;

namespace TaskForce.LocalHost.Tests;

/// <summary>The requests of the person recorded over a real socket (UU 27/2022; ADR-019): access export, erasure,
/// retention refusal and the request log; every body checked against the served OpenAPI document.</summary>
[Collection(LocalHostGroup.Name)]
public sealed class DataSubjectRequestHttpTests(LocalHostFixture host)
{
    private const string Json = "application/json";

    private static string Intake(string victimName) => new JsonObject
    {
        ["id"] = "case-dsr-" + Guid.NewGuid().ToString("N")[..10],
        ["region"] = "53.03",
        ["case_type"] = "tppo",
        ["reporting_agency"] = new JsonObject { ["kind"] = "uptd_ppa", ["name"] = "UPTD PPA Kabupaten TTU" },
        ["intake_channel"] = "walk_in",
        ["reported_at"] = "2026-03-02T02:30:00Z",
        ["offence_date"] = "2025-11-20",
        ["victims"] = new JsonArray(new JsonObject
        {
            ["sex"] = "female", ["birth_date"] = "2008-05-01", ["citizenship"] = "ID", ["migrant_worker_status"] = "non_procedural",
            ["identity"] = new JsonObject { ["full_name"] = victimName, ["phone"] = "+62 812 3799 1234" },
        }),
        ["consent"] = new JsonObject { ["for_services"] = true, ["for_reporting"] = true, ["for_sharing"] = true, ["given_by"] = "parent_or_guardian" },
    }.ToJsonString();

    private static string Person(string name) => new JsonObject { ["full_name"] = name, ["birth_date"] = "2008-05-01" }.ToJsonString();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, Json);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string method, string path)
    {
        Assert.True(status == response.StatusCode, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await host.OpenApi.AssertValidAsync(response, method, path);
        Assert.Equal((int)status >= 400 ? Problems.MediaType : Json, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    private static async Task<(string Id, string ETag)> OpenAsync(HttpClient worker, string name)
    {
        var created = await SendAsync(worker, HttpMethod.Post, "cases", Intake(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        return (summary.GetProperty("id").GetString()!, created.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task AccessThenErasure_Return200_AndTheLogListsBoth_GivenTheCoordinator()
    {
        using var worker = host.Client("worker-1");
        using var coordinator = host.Client("coord-1");
        string name = "Subjek Uji " + Guid.NewGuid().ToString("N")[..8];
        var (caseId, _) = await OpenAsync(worker, name);

        var export = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Post, "data-subject-requests/access", Person(name)), HttpStatusCode.OK, "post", "/data-subject-requests/access");
        var record = Assert.Single(export.GetProperty("records").EnumerateArray().ToList());
        Assert.Equal(caseId, record.GetProperty("case_id").GetString());
        Assert.Equal(name, record.GetProperty("victim").GetProperty("identity").GetProperty("full_name").GetString());
        Assert.Equal("+62 812 3799 1234", record.GetProperty("victim").GetProperty("identity").GetProperty("phone").GetString());
        Assert.Equal("2008-05-01", record.GetProperty("victim").GetProperty("birth_date").GetString());
        Assert.Equal(17, record.GetProperty("victim").GetProperty("age_at_offence").GetInt32()); // 2008-05-01 to 2025-11-20

        var erased = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Post, "data-subject-requests/erasure", Person(name)), HttpStatusCode.OK, "post", "/data-subject-requests/erasure");
        Assert.Equal("completed", erased.GetProperty("outcome").GetString());
        Assert.Equal([caseId + "/victim-1"], erased.GetProperty("records").EnumerateArray().Select(r => r.GetString()));

        var again = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Post, "data-subject-requests/access", Person(name)), HttpStatusCode.OK, "post", "/data-subject-requests/access");
        Assert.Empty(again.GetProperty("records").EnumerateArray());

        var read = await SendAsync(worker, HttpMethod.Get, $"cases/{caseId}");
        string text = await read.Content.ReadAsStringAsync();
        Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        Assert.Contains("\"age_at_offence\":17", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // the facts stay

        var log = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, "data-subject-requests?limit=1000"), HttpStatusCode.OK, "get", "/data-subject-requests");
        var ids = log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(export.GetProperty("request_id").GetString(), ids);
        Assert.Contains(erased.GetProperty("request_id").GetString(), ids);
        Assert.DoesNotContain(name, log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_Returns409NamingTheRule_GivenACaseUnderCriminalProceedings()
    {
        using var worker = host.Client("worker-1");
        using var coordinator = host.Client("coord-1");
        string name = "Subjek Uji " + Guid.NewGuid().ToString("N")[..8];
        var (caseId, etag) = await OpenAsync(worker, name);
        var spdp = await SendAsync(worker, HttpMethod.Post, $"cases/{caseId}/spdp", """{"sent_on": "2026-03-05"}""", ("If-Match", etag));
        Assert.Equal(HttpStatusCode.OK, spdp.StatusCode);

        var refused = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Post, "data-subject-requests/erasure", Person(name)), HttpStatusCode.Conflict, "post", "/data-subject-requests/erasure");

        Assert.Equal("criminal_proceedings", refused.GetProperty("reason").GetString());
        Assert.Equal([caseId], refused.GetProperty("cases").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain(name, refused.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_Return403And400And401_GivenAWorkerABadBodyOrNoPerson()
    {
        using var worker = host.Client("worker-1");
        using var coordinator = host.Client("coord-1");
        using var nobody = host.Client();

        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "data-subject-requests/access", Person("Siapa Saja")), HttpStatusCode.Forbidden, "post", "/data-subject-requests/access");
        await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "data-subject-requests"), HttpStatusCode.Forbidden, "get", "/data-subject-requests");
        await ExpectAsync(await SendAsync(nobody, HttpMethod.Post, "data-subject-requests/erasure", Person("Siapa Saja")), HttpStatusCode.Unauthorized, "post", "/data-subject-requests/erasure");

        var noDate = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Post, "data-subject-requests/access", """{"full_name": "Siapa Saja"}"""), HttpStatusCode.BadRequest, "post", "/data-subject-requests/access");
        Assert.True(noDate.GetProperty("errors").TryGetProperty("birth_date", out _), noDate.GetRawText());
        var unknown = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Post, "data-subject-requests/erasure", """{"nik": "5303014105080001"}"""), HttpStatusCode.BadRequest, "post", "/data-subject-requests/erasure");
        Assert.DoesNotContain("5303014105080001", unknown.GetRawText(), StringComparison.Ordinal);
        await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, "data-subject-requests?limit=0"), HttpStatusCode.BadRequest, "get", "/data-subject-requests");
    }
}
