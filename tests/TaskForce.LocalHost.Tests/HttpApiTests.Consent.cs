using System.Net;
using System.Text.Json;

namespace TaskForce.LocalHost.Tests;

/// <summary>Consent per victim over a real socket (ADR-018): If-Match required, 412 when stale, 400 naming the field,
/// every body checked against the served OpenAPI document.</summary>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task RecordVictimConsent_Returns428_412_400_ThenWithdrawsWith200AndANewETag()
    {
        using var worker = host.Client("worker-1");
        var (id, etag) = await OpenCaseAsync(worker);
        string url = $"cases/{id}/victims/victim-1/consent";
        const string path = "/cases/{id}/victims/{personId}/consent";
        const string withdraw = """{"for_services": true, "for_reporting": false, "for_sharing": false, "given_by": "parent_or_guardian", "reason": "Wali menarik persetujuan"}""";

        var missing = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, url, withdraw), HttpStatusCode.PreconditionRequired, "post", path);
        Assert.Contains("If-Match", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stale = await SendAsync(worker, HttpMethod.Post, url, withdraw, Json, ("If-Match", "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\""));
        await ExpectAsync(stale, HttpStatusCode.PreconditionFailed, "post", path);

        var noFlag = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, url, """{"for_services": true, "for_sharing": false, "given_by": "parent_or_guardian"}""", Json, ("If-Match", etag)), HttpStatusCode.BadRequest, "post", path);
        Assert.True(noFlag.GetProperty("errors").TryGetProperty("for_reporting", out _));
        var unknownMember = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, url, """{"for_services": true, "for_reporting": false, "for_sharing": false, "given_by": "self", "withdrawn": true}""", Json, ("If-Match", etag)), HttpStatusCode.BadRequest, "post", path);
        Assert.NotEmpty(unknownMember.GetProperty("errors").EnumerateObject());
        var noVictim = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/victims/victim-9/consent", withdraw, Json, ("If-Match", etag)), HttpStatusCode.BadRequest, "post", path);
        Assert.True(noVictim.GetProperty("errors").TryGetProperty("person_id", out _));

        var recorded = await SendAsync(worker, HttpMethod.Post, url, withdraw, Json, ("If-Match", etag));
        var result = await ExpectAsync(recorded, HttpStatusCode.OK, "post", path);
        Assert.False(result.GetProperty("consent").GetProperty("for_reporting").GetBoolean());
        Assert.True(result.GetProperty("consent").GetProperty("reporting_withdrawn").GetBoolean());
        Assert.True(result.GetProperty("consent").GetProperty("sharing_withdrawn").GetBoolean());
        Assert.Equal("worker-1", result.GetProperty("consent").GetProperty("recorded_by").GetString());
        Assert.Equal("withdrawn", result.GetProperty("case_consent_to_share").GetString());
        string newTag = recorded.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newTag);
        Assert.Equal(newTag, result.GetProperty("etag").GetString());

        var reread = await SendAsync(worker, HttpMethod.Get, $"cases/{id}");
        var document = await ExpectAsync(reread, HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.Equal(newTag, reread.Headers.ETag!.ToString());
        var consent = document.GetProperty("victims")[0].GetProperty("consent");
        Assert.False(consent.GetProperty("for_sharing").GetBoolean());
        Assert.Equal("parent_or_guardian", consent.GetProperty("given_by").GetString());

        // The same consent again (a retry with the first tag): 200, nothing written, the current tag.
        var retry = await SendAsync(worker, HttpMethod.Post, url, withdraw, Json, ("If-Match", etag));
        var replay = await ExpectAsync(retry, HttpStatusCode.OK, "post", path);
        Assert.Equal(newTag, replay.GetProperty("etag").GetString());
        Assert.Equal(0, replay.GetProperty("changed_fields").GetArrayLength());
    }
}
