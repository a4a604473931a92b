using System.Net;

namespace TaskForce.LocalHost.Tests;

/// <content>Amendments and history over a real socket (ADR-017), every body checked against the served OpenAPI document.</content>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task AmendCase_Returns428WithoutIfMatch_412Stale_400NamingTheField_AndWritesNothing()
    {
        using var worker = host.Client("worker-1");
        var (id, etag) = await OpenCaseAsync(worker);
        const string amendment = """{"reason": "Tanggal dari BAP", "offence_date": "2025-11-01"}""";

        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/amendments", amendment), (HttpStatusCode)428, "post", "/cases/{id}/amendments");
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/amendments", amendment, Json, ("If-Match", "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"")),
            HttpStatusCode.PreconditionFailed, "post", "/cases/{id}/amendments");
        var bad = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/amendments", """{"reason": "x", "header": {"region": "*"}}""", Json, ("If-Match", etag)),
            HttpStatusCode.BadRequest, "post", "/cases/{id}/amendments");
        Assert.True(bad.GetProperty("errors").TryGetProperty("header.region", out _), bad.GetRawText());

        // Nothing was written: the case's version is the one opened, and its history is empty.
        var reread = await SendAsync(worker, HttpMethod.Get, $"cases/{id}");
        await ExpectAsync(reread, HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.Equal(etag, reread.Headers.ETag!.ToString());
        var history = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, $"cases/{id}/history"), HttpStatusCode.OK, "get", "/cases/{id}/history");
        Assert.Equal(0, history.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task AmendCase_Returns200WithTheChanges_AndHistoryWithholdsIdentityFromAnotherAgency()
    {
        using var worker = host.Client("worker-1");
        using var other = host.Client("worker-9");
        var (id, etag) = await OpenCaseAsync(worker);
        const string amendment = """
            {"reason": "Tanggal dari BAP", "offence_date": "2025-11-01",
             "correct_persons": [{"person_id": "victim-1", "victim": {"sex": "female", "birth_date": "2008-05-01", "citizenship": "ID", "disability": false,
               "migrant_worker_status": "non_procedural", "identity": {"full_name": "Yohana Sanam Kefa"}}}]}
            """;

        var response = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/amendments", amendment, Json, ("If-Match", etag));
        var amended = await ExpectAsync(response, HttpStatusCode.OK, "post", "/cases/{id}/amendments");

        Assert.Equal(["offence_date_recorded", "person_corrected"], amended.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        var own = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, $"cases/{id}/history"), HttpStatusCode.OK, "get", "/cases/{id}/history");
        Assert.False(own.GetProperty("identity_withheld").GetBoolean());
        Assert.Contains("Yohana Sanam Kefa", own.GetRawText(), StringComparison.Ordinal);
        var withheld = await ExpectAsync(await SendAsync(other, HttpMethod.Get, $"cases/{id}/history"), HttpStatusCode.OK, "get", "/cases/{id}/history");
        Assert.True(withheld.GetProperty("identity_withheld").GetBoolean());
        Assert.Equal(2, withheld.GetProperty("entries").GetArrayLength());
        Assert.DoesNotContain("Yohana", withheld.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tanggal dari BAP", withheld.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordSpdp_ReplacesAnEarlierDate_GivenAReason_And400NamingTheReason_GivenNone()
    {
        using var worker = host.Client("worker-1");
        var (id, etag) = await OpenCaseAsync(worker);
        var first = await SendAsync(worker, HttpMethod.Post, $"cases/{id}/spdp", """{"sent_on": "2026-03-05"}""", Json, ("If-Match", etag));
        await ExpectAsync(first, HttpStatusCode.OK, "post", "/cases/{id}/spdp");
        string current = first.Headers.ETag!.ToString();

        var noReason = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/spdp", """{"sent_on": "2026-03-06"}""", Json, ("If-Match", current)), HttpStatusCode.BadRequest, "post", "/cases/{id}/spdp");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _), noReason.GetRawText());
        var replaced = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/spdp", """{"sent_on": "2026-03-06", "reason": "Tanggal pada surat"}""", Json, ("If-Match", current)), HttpStatusCode.OK, "post", "/cases/{id}/spdp");
        Assert.Equal("2026-03-06", replaced.GetProperty("spdp_sent_on").GetString());
    }
}
