using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForce.Functions.Http;

namespace TaskForce.LocalHost.Tests;

/// <summary>The access log over a real socket (ADR-022) and the one-instance rule of ADR-023; every body checked
/// against the served OpenAPI document.</summary>
[Collection(LocalHostGroup.Name)]
public sealed class AccessLogHttpTests(LocalHostFixture host)
{
    private const string Json = "application/json";
    private const string VictimName = "Maria Uji Akses";

    private static string Intake(string id) => new JsonObject
    {
        ["id"] = id,
        ["region"] = "53.03",
        ["case_type"] = "tppo",
        ["reporting_agency"] = new JsonObject { ["kind"] = "uptd_ppa", ["name"] = "UPTD PPA Kabupaten TTU" },
        ["intake_channel"] = "walk_in",
        ["reported_at"] = "2026-03-02T02:30:00Z",
        ["offence_date"] = "2025-11-20",
        ["victims"] = new JsonArray(new JsonObject
        {
            ["sex"] = "female", ["birth_date"] = "2008-05-01", ["citizenship"] = "ID", ["migrant_worker_status"] = "non_procedural",
            ["identity"] = new JsonObject { ["full_name"] = VictimName },
        }),
        ["consent"] = new JsonObject { ["for_services"] = true, ["for_reporting"] = true, ["for_sharing"] = true, ["given_by"] = "parent_or_guardian" },
    }.ToJsonString();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, Json);
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

    [Fact]
    public async Task AccessLog_ListsExactlyTheIdentityReads_GivenReadsOverHttp()
    {
        using var worker = host.Client("worker-1");
        using var coordinator = host.Client("coord-1");
        string id = "case-log-" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(worker, HttpMethod.Post, "cases", Intake(id))).StatusCode);

        // Two identity reads by the owner; a listing and a timeline show no identity.
        for (int i = 0; i < 2; i++)
        {
            Assert.Contains(VictimName, await (await SendAsync(worker, HttpMethod.Get, $"cases/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(worker, HttpMethod.Get, "cases?region=53.03")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(worker, HttpMethod.Get, $"cases/{id}/timeline")).StatusCode);

        var log = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, $"cases/{id}/access-log"), HttpStatusCode.OK, "get", "/cases/{id}/access-log");
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("read_identity", i.GetProperty("operation").GetString());
            Assert.Equal("worker-1", i.GetProperty("user_id").GetString());
            Assert.Equal(id, i.GetProperty("case_id").GetString());
        });
        Assert.DoesNotContain(VictimName, log.GetRawText(), StringComparison.Ordinal);

        // The period listing (a day either side of today, whatever the zone) holds the same two entries for this case,
        // page by page.
        string from = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ours = new List<JsonElement>();
        string? cursor = null;
        do
        {
            string url = $"access-log?from={from}&to={to}&limit=50" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, url), HttpStatusCode.OK, "get", "/access-log");
            ours.AddRange(page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("case_id").GetString() == id));
            cursor = page.TryGetProperty("next_cursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        while (cursor is not null);
        Assert.Equal(2, ours.Count);
    }

    [Fact]
    public async Task AccessLog_Returns403And400And404_GivenAWorkerABadPeriodOrNoCase()
    {
        using var worker = host.Client("worker-1");
        using var coordinator = host.Client("coord-1");

        await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "access-log?from=2026-03-01&to=2026-03-31"), HttpStatusCode.Forbidden, "get", "/access-log");
        await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "cases/case-none/access-log"), HttpStatusCode.Forbidden, "get", "/cases/{id}/access-log");
        var reversed = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, "access-log?from=2026-03-31&to=2026-03-01"), HttpStatusCode.BadRequest, "get", "/access-log");
        Assert.True(reversed.GetProperty("errors").TryGetProperty("to", out _), reversed.GetRawText());
        var missing = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, "access-log?to=2026-03-01"), HttpStatusCode.BadRequest, "get", "/access-log");
        Assert.True(missing.GetProperty("errors").TryGetProperty("from", out _), missing.GetRawText());
        await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, "cases/case-none-" + Guid.NewGuid().ToString("N")[..6] + "/access-log"), HttpStatusCode.NotFound, "get", "/cases/{id}/access-log");
    }

    [Fact]
    public async Task StartWorkflow_Returns409_GivenASecondCaseManagementInstance()
    {
        using var worker = host.Client("worker-1");
        string id = "case-cm-" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(worker, HttpMethod.Post, "cases", Intake(id))).StatusCode);
        string start = """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""";
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/workflows", start), HttpStatusCode.Created, "post", "/cases/{id}/workflows");

        string second = """{"workflow": "case_management", "subject_id": "cm-2", "facts": {"risk_level": "tinggi"}}""";
        var refused = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/workflows", second), HttpStatusCode.Conflict, "post", "/cases/{id}/workflows");
        Assert.Contains("one", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
