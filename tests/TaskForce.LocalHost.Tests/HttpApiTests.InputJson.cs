using System.Net;

namespace TaskForce.LocalHost.Tests;

/// <content>Request bodies as people really send them (issue 15 §4), over a real socket: a field named twice is
/// refused naming it (System.Text.Json alone would keep the last value), and nothing is written.</content>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task AmendCase_Returns400NamingTheField_GivenADuplicateKey()
    {
        using var worker = host.Client("worker-1");
        var (id, etag) = await OpenCaseAsync(worker);
        const string amendment = """{"reason": "Tanggal dari BAP", "offence_date": "2025-11-01", "offence_date": "2025-10-01"}""";

        var bad = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"cases/{id}/amendments", amendment, Json, ("If-Match", etag)),
            HttpStatusCode.BadRequest, "post", "/cases/{id}/amendments");

        Assert.True(bad.GetProperty("errors").TryGetProperty("offence_date", out var messages), bad.GetRawText());
        Assert.Contains("appears more than once", messages.GetRawText(), StringComparison.Ordinal);
        var reread = await SendAsync(worker, HttpMethod.Get, $"cases/{id}");
        await ExpectAsync(reread, HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.Equal(etag, reread.Headers.ETag!.ToString());
    }
}
