using System.Net;

namespace TaskForce.LocalHost.Tests;

/// <summary>Prevention activities over real HTTP (ADR-033): record, read, revise under If-Match, the access rules and
/// the indicators; every body checked against the served OpenAPI document.</summary>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task PreventionActivities_RecordReadReviseAndCount_GivenTheOwnerAndOtherAgencies()
    {
        // Kecamatan 53.03.24 and the year 2019 are used by no other test, so the indicators below see only this activity.
        string id = "pa-http-" + NewId()[10..];
        string body = $$"""
            {"id": "{{id}}", "kind": "training", "date": "2019-04-02", "place": "53.03.24",
             "participants": {"female_adult": 7, "male_adult": 5, "female_child": 2, "male_child": 1, "total": 15},
             "budget_source": "apbn", "notes": "SYNTHETIC"}
            """;
        using var worker = host.Client("worker-1");
        using var other = host.Client("worker-9");
        using var statistician = host.Client("stat-1");
        using var coordinator = host.Client("coord-1");

        var created = await SendAsync(worker, HttpMethod.Post, "prevention/activities", body);
        var view = await ExpectAsync(created, HttpStatusCode.Created, "post", "/prevention/activities");
        Assert.Equal("uptd_ppa_ttu", view.GetProperty("agency").GetString());
        Assert.Equal(15, view.GetProperty("participants").GetProperty("total").GetInt32());
        Assert.Equal("53.03.24", view.GetProperty("kecamatan").GetString());
        string etag = created.Headers.ETag!.ToString();
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "prevention/activities", body), HttpStatusCode.OK, "post", "/prevention/activities");
        var conflict = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "prevention/activities", body.Replace("apbn", "apbd", StringComparison.Ordinal)), HttpStatusCode.Conflict, "post", "/prevention/activities");
        Assert.Contains(id, conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var bad = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "prevention/activities", body.Replace("\"total\": 15", "\"total\": 16", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "post", "/prevention/activities");
        Assert.True(bad.GetProperty("errors").TryGetProperty("participants.total", out _));
        var unknown = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "prevention/activities", body.Replace("\"notes\"", "\"name\"", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "post", "/prevention/activities");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("name", out _));
        await ExpectAsync(await SendAsync(statistician, HttpMethod.Post, "prevention/activities", body), HttpStatusCode.Forbidden, "post", "/prevention/activities");

        var read = await SendAsync(statistician, HttpMethod.Get, $"prevention/activities/{id}");
        await ExpectAsync(read, HttpStatusCode.OK, "get", "/prevention/activities/{id}");
        Assert.Equal(etag, read.Headers.ETag!.ToString());
        await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "prevention/activities/pa-none"), HttpStatusCode.NotFound, "get", "/prevention/activities/{id}");

        string revised = body.Replace("\"male_child\": 1, \"total\": 15", "\"male_child\": 3, \"total\": 17", StringComparison.Ordinal);
        await ExpectAsync(await SendAsync(worker, HttpMethod.Put, $"prevention/activities/{id}", revised), HttpStatusCode.PreconditionRequired, "put", "/prevention/activities/{id}");
        await ExpectAsync(await SendAsync(other, HttpMethod.Put, $"prevention/activities/{id}", revised, Json, ("If-Match", etag)), HttpStatusCode.Forbidden, "put", "/prevention/activities/{id}");
        var put = await SendAsync(worker, HttpMethod.Put, $"prevention/activities/{id}", revised, Json, ("If-Match", etag));
        var after = await ExpectAsync(put, HttpStatusCode.OK, "put", "/prevention/activities/{id}");
        Assert.Equal(17, after.GetProperty("participants").GetProperty("total").GetInt32());
        await ExpectAsync(await SendAsync(coordinator, HttpMethod.Put, $"prevention/activities/{id}", body, Json, ("If-Match", etag)), HttpStatusCode.PreconditionFailed, "put", "/prevention/activities/{id}");

        // Indicators of kecamatan 53.03.24 in 2019: 1 activity, 17 participants (7 + 5 + 2 + 3), 0 of its desa reached
        // (a training recorded with a kecamatan code names no desa).
        var indicators = await ExpectAsync(await SendAsync(statistician, HttpMethod.Get, "prevention/indicators?region=53.03.24&period=2019"), HttpStatusCode.OK, "get", "/prevention/indicators");
        var cells = indicators.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(1m, cells.Single(c => c.GetProperty("id").GetString() == "prevention_activities" && !c.GetProperty("disaggregation").EnumerateObject().Any()).GetProperty("value").GetDecimal());
        Assert.Equal(17m, cells.Single(c => c.GetProperty("id").GetString() == "prevention_participants" && !c.GetProperty("disaggregation").EnumerateObject().Any()).GetProperty("value").GetDecimal());
        Assert.Equal(0, indicators.GetProperty("desa_coverage").GetProperty("reached").GetInt32());
        var badPeriod = await ExpectAsync(await SendAsync(statistician, HttpMethod.Get, "prevention/indicators?region=53.03&period=2019-13"), HttpStatusCode.BadRequest, "get", "/prevention/indicators");
        Assert.True(badPeriod.GetProperty("errors").TryGetProperty("period", out _));
    }
}
