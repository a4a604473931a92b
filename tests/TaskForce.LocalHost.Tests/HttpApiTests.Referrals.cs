using System.Net;
using System.Text.Json;

namespace TaskForce.LocalHost.Tests;

/// <summary>Responsibility for a case over a real socket (ADR-020): an unrelated agency's case worker is refused every
/// write and identity; the receiving NGO finds the referral in <c>GET /referrals?to=me</c> without identity, accepts it
/// and then reads the identity its consent allows; an assignment is recorded; the timeline withholds reasons. Every
/// body is checked against the served OpenAPI document.</summary>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task UnrelatedCaseWorker_Gets403ForEveryWrite_AndTheCaseWithoutIdentity()
    {
        using var owner = host.Client("worker-1");
        using var other = host.Client("worker-9");
        var (id, etag) = await OpenCaseAsync(owner);
        await ExpectAsync(await SendAsync(owner, HttpMethod.Post, $"cases/{id}/workflows", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}"""), HttpStatusCode.Created, "post", "/cases/{id}/workflows");

        var writes = new (HttpMethod Method, string Url, string Path, string Body)[]
        {
            (HttpMethod.Post, $"cases/{id}/workflows", "/cases/{id}/workflows", """{"workflow": "criminal_justice"}"""),
            (HttpMethod.Post, $"cases/{id}/workflows", "/cases/{id}/workflows", """{"workflow": "referral", "subject_id": "r-1", "facts": {"referral_kind": "transfer", "to_agency": "dinsos_ttu"}}"""),
            (HttpMethod.Post, $"cases/{id}/transitions", "/cases/{id}/transitions", """{"workflow": "case_management", "to": "assessment"}"""),
            (HttpMethod.Post, $"cases/{id}/spdp", "/cases/{id}/spdp", """{"sent_on": "2026-03-09"}"""),
            (HttpMethod.Post, $"cases/{id}/amendments", "/cases/{id}/amendments", """{"offence_date": "2025-11-01", "reason": "BAP"}"""),
            (HttpMethod.Post, $"cases/{id}/victims/victim-1/consent", "/cases/{id}/victims/{personId}/consent", """{"for_services": true, "for_reporting": true, "for_sharing": false, "given_by": "parent_or_guardian"}"""),
            (HttpMethod.Put, $"cases/{id}/assignment", "/cases/{id}/assignment", """{"assigned_to": "worker-9"}"""),
        };
        foreach (var (method, url, path, body) in writes)
        {
            await ExpectAsync(await SendAsync(other, method, url, body, Json, ("If-Match", etag)), HttpStatusCode.Forbidden, method.Method.ToLowerInvariant(), path);
        }

        var read = await ExpectAsync(await SendAsync(other, HttpMethod.Get, $"cases/{id}"), HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.False(read.GetProperty("identity_visible").GetBoolean());
        Assert.DoesNotContain("Yohana", read.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListReferrals_ShowsTheNgoItsReferralWithoutIdentity_AndAcceptingOpensTheIdentityConsentAllows()
    {
        using var owner = host.Client("worker-1");
        using var ngo = host.Client("ngo-1");
        var (id, _) = await OpenCaseAsync(owner);
        await ExpectAsync(await SendAsync(owner, HttpMethod.Post, $"cases/{id}/workflows", """{"workflow": "referral", "subject_id": "shelter", "facts": {"referral_kind": "referral", "to_agency": "yayasan_x"}}"""), HttpStatusCode.Created, "post", "/cases/{id}/workflows");

        var inbox = await ExpectAsync(await SendAsync(ngo, HttpMethod.Get, "referrals?to=me&status=in_progress"), HttpStatusCode.OK, "get", "/referrals");
        Assert.Equal("yayasan_x", inbox.GetProperty("to_agency").GetString());
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("case_id").GetString() == id);
        Assert.Equal("uptd_ppa_ttu", item.GetProperty("from_agency").GetString());
        Assert.Equal("in_progress", item.GetProperty("state").GetString());
        Assert.DoesNotContain("Yohana", inbox.GetRawText(), StringComparison.Ordinal);
        var before = await ExpectAsync(await SendAsync(ngo, HttpMethod.Get, $"cases/{id}"), HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.False(before.GetProperty("identity_visible").GetBoolean());

        await ExpectAsync(await SendAsync(ngo, HttpMethod.Post, $"cases/{id}/transitions", """{"workflow": "referral", "subject_id": "shelter", "to": "accepted"}"""), HttpStatusCode.OK, "post", "/cases/{id}/transitions");
        var after = await ExpectAsync(await SendAsync(ngo, HttpMethod.Get, $"cases/{id}"), HttpStatusCode.OK, "get", "/cases/{id}");
        Assert.True(after.GetProperty("identity_visible").GetBoolean());

        var bad = await ExpectAsync(await SendAsync(ngo, HttpMethod.Get, "referrals?status=open"), HttpStatusCode.BadRequest, "get", "/referrals");
        Assert.True(bad.GetProperty("errors").TryGetProperty("status", out _));
        await ExpectAsync(await SendAsync(ngo, HttpMethod.Get, "referrals?to=dinsos_ttu"), HttpStatusCode.Forbidden, "get", "/referrals");
    }

    [Fact]
    public async Task ListReferrals_ReachesEveryReferralByNextCursor_GivenMoreReferralsThanTheLimit()
    {
        using var owner = host.Client("worker-1");
        using var coordinator = host.Client("coord-1");
        const string to = "lsm_paging_ttu"; // no other test refers a case to this agency
        var (a, _) = await OpenCaseAsync(owner);
        var (b, _) = await OpenCaseAsync(owner);
        var expected = new List<string>();
        foreach (var (id, subject) in new[] { (b, "r-1"), (a, "r-2"), (a, "r-1") })
        {
            string body = "{\"workflow\": \"referral\", \"subject_id\": \"" + subject + "\", \"facts\": {\"referral_kind\": \"referral\", \"to_agency\": \"" + to + "\"}}";
            await ExpectAsync(await SendAsync(owner, HttpMethod.Post, $"cases/{id}/workflows", body), HttpStatusCode.Created, "post", "/cases/{id}/workflows");
            expected.Add(id + "/" + subject);
        }

        expected.Sort(StringComparer.Ordinal); // key order: case id, then referral id (case ids here have one length)
        var first = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, $"referrals?to={to}&limit=2"), HttpStatusCode.OK, "get", "/referrals");
        string cursor = first.GetProperty("next_cursor").GetString()!;
        var second = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, $"referrals?to={to}&limit=2&cursor={Uri.EscapeDataString(cursor)}"), HttpStatusCode.OK, "get", "/referrals");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(expected, ReferralKeys(first).Concat(ReferralKeys(second)));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        var limit = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, $"referrals?to={to}&limit=1001"), HttpStatusCode.BadRequest, "get", "/referrals");
        Assert.True(limit.GetProperty("errors").TryGetProperty("limit", out _));
        var foreign = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, $"referrals?to={to}&status=accepted&cursor={Uri.EscapeDataString(cursor)}"), HttpStatusCode.BadRequest, "get", "/referrals");
        Assert.True(foreign.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    private static List<string> ReferralKeys(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("case_id").GetString() + "/" + i.GetProperty("subject_id").GetString())];

    [Fact]
    public async Task AssignCase_RecordsTheAssignment_AndTheTimelineWithholdsReasonsFromOthers()
    {
        using var owner = host.Client("worker-1");
        using var other = host.Client("worker-9");
        var (id, _) = await OpenCaseAsync(owner);
        const string path = "/cases/{id}/assignment";

        var assigned = await ExpectAsync(await SendAsync(owner, HttpMethod.Put, $"cases/{id}/assignment", """{"assigned_to": "worker-1"}"""), HttpStatusCode.OK, "put", path);
        Assert.Equal("worker-1", assigned.GetProperty("assigned_to").GetString());
        Assert.Equal(1, assigned.GetProperty("history_sequence").GetInt32());
        var missing = await ExpectAsync(await SendAsync(owner, HttpMethod.Put, $"cases/{id}/assignment", """{"reason": "x"}"""), HttpStatusCode.BadRequest, "put", path);
        Assert.True(missing.GetProperty("errors").TryGetProperty("assigned_to", out _));

        await ExpectAsync(await SendAsync(owner, HttpMethod.Post, $"cases/{id}/workflows", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}, "reason": "Rujukan dari Puskesmas Kefa"}"""), HttpStatusCode.Created, "post", "/cases/{id}/workflows");
        var mine = await ExpectAsync(await SendAsync(owner, HttpMethod.Get, $"cases/{id}/timeline"), HttpStatusCode.OK, "get", "/cases/{id}/timeline");
        var theirs = await ExpectAsync(await SendAsync(other, HttpMethod.Get, $"cases/{id}/timeline"), HttpStatusCode.OK, "get", "/cases/{id}/timeline");
        Assert.Equal("Rujukan dari Puskesmas Kefa", mine.GetProperty("workflows")[0].GetProperty("history")[0].GetProperty("reason").GetString());
        var withheld = theirs.GetProperty("workflows")[0].GetProperty("history")[0];
        Assert.True(withheld.GetProperty("reason_withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("reason").ValueKind);
        Assert.DoesNotContain("Puskesmas", theirs.GetRawText(), StringComparison.Ordinal);
    }
}
