using System.Net;

namespace TaskForce.LocalHost.Tests;

/// <content>A suspect's arrest and detention recorded by amendment over a real socket (ADR-024), every body checked
/// against the served OpenAPI document.</content>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task AmendCase_RecordsTheSuspectsDetention_AndGetCaseShowsTheReleaseDateByLaw_And400NamingDaysOverTheLimit()
    {
        using var worker = host.Client("worker-1");
        var (id, etag) = await OpenCaseAsync(worker);

        // Penyidik from 3 March 2026 for 21 days: over the 20 days of the stage (KUHAP Pasal 24(1); KUHAP 2025 keeps 20
        // in the unconfirmed data): refused, nothing written.
        const string tooLong = """{"record_detentions": [{"person_id": "suspect-1", "stage": "penyidik", "from": "2026-03-03", "days": 21}]}""";
        var bad = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/amendments", tooLong, Json, ("If-Match", etag)), HttpStatusCode.BadRequest, "post", "/cases/{id}/amendments");
        Assert.True(bad.GetProperty("errors").TryGetProperty("record_detentions[0].days", out _), bad.GetRawText());

        // Arrested 00:30 WITA on 3 March (16:30 UTC on 2 March); detained from 3 March for 20 days: 3..22 March.
        const string amendment = """
            {"record_arrests": [{"person_id": "suspect-1", "arrested_at": "2026-03-02T16:30:00Z"}],
             "record_detentions": [{"person_id": "suspect-1", "stage": "penyidik", "from": "2026-03-03", "days": 20, "detention_type": "rutan"}]}
            """;
        var amended = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/amendments", amendment, Json, ("If-Match", etag)), HttpStatusCode.OK, "post", "/cases/{id}/amendments");
        Assert.Equal(["detention_recorded", "detention_recorded"], amended.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));

        var document = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, $"cases/{id}"), HttpStatusCode.OK, "get", "/cases/{id}");
        var detention = document.GetProperty("suspects")[0].GetProperty("detention");
        Assert.Equal("2026-03-22", detention.GetProperty("release_by_law").GetString());
        Assert.Equal("2026-03-22", detention.GetProperty("periods")[0].GetProperty("to").GetString());
        Assert.Equal("KUHAP-2025", detention.GetProperty("periods")[0].GetProperty("regime").GetString());
        Assert.Contains("regime_unconfirmed", detention.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var history = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, $"cases/{id}/history"), HttpStatusCode.OK, "get", "/cases/{id}/history");
        Assert.Equal(2, history.GetProperty("entries").GetArrayLength());
    }
}
