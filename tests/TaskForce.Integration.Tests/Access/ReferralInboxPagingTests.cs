using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Application.Cases;
using TaskForce.Application.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Access;

/// <summary>
/// The receiving agency's referral inbox is paged, never cut (ADR-020): on Azurite, more referrals than one page are
/// reached by following <c>next_cursor</c>, each exactly once, in key order (case id, then referral id), even when one
/// of them changes state between pages; the cursor is bound to <c>to</c> and <c>status</c>.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class ReferralInboxPagingTests(AzuriteFixture storage)
{
    [Fact]
    public async Task ListAsync_ReachesEveryReferralOnce_GivenMoreReferralsThanOnePage()
    {
        var (api, workflows, referrals) = await HarnessAsync();
        // Four referrals to yayasan_x in three cases, and one to dinsos_ttu that the NGO must not see.
        foreach (string id in new[] { "case-3", "case-1", "case-2" })
        {
            JsonOf(await api.PostAsync(OwnerWorker, Body(Intake(id))), 201);
        }

        await ReferAsync(workflows, "case-2", "b", "yayasan_x");
        await ReferAsync(workflows, "case-1", "r-1", "yayasan_x");
        await ReferAsync(workflows, "case-1", "r-2", "dinsos_ttu");
        await ReferAsync(workflows, "case-3", "x", "yayasan_x");
        await ReferAsync(workflows, "case-2", "a", "yayasan_x");

        var first = JsonOf(await referrals.ListAsync(Request("GET", OtherNgo, query: "?to=me&limit=3"), CancellationToken.None), 200);
        Assert.Equal(["case-1/r-1", "case-2/a", "case-2/b"], Keys(first));
        string cursor = first.GetProperty("next_cursor").GetString()!;

        // A referral of the first page is accepted between the pages: it does not come back, and nothing is skipped.
        JsonOf(await workflows.TransitionAsync(Request("POST", OtherNgo, """{"workflow": "referral", "subject_id": "a", "to": "accepted"}"""), "case-2", CancellationToken.None), 200);
        var second = JsonOf(await referrals.ListAsync(Request("GET", OtherNgo, query: "?to=me&limit=3&cursor=" + cursor), CancellationToken.None), 200);

        Assert.Equal(["case-3/x"], Keys(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        var whole = JsonOf(await referrals.ListAsync(Request("GET", OtherNgo, query: "?to=me"), CancellationToken.None), 200);
        Assert.Equal(["case-1/r-1", "case-2/a", "case-2/b", "case-3/x"], Keys(whole));
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task ListAsync_EndsWithoutAnEmptyPage_GivenExactlyOnePageOfReferrals_AndFiltersByStatusAcrossPages()
    {
        var (api, workflows, referrals) = await HarnessAsync();
        foreach (string id in new[] { "case-1", "case-2" })
        {
            JsonOf(await api.PostAsync(OwnerWorker, Body(Intake(id))), 201);
            await ReferAsync(workflows, id, "r-1", "yayasan_x");
            await ReferAsync(workflows, id, "r-2", "yayasan_x");
        }

        JsonOf(await workflows.TransitionAsync(Request("POST", OtherNgo, """{"workflow": "referral", "subject_id": "r-2", "to": "rejected", "reason": "kapasitas penuh"}"""), "case-1", CancellationToken.None), 200);

        var exact = JsonOf(await referrals.ListAsync(Request("GET", OtherNgo, query: "?limit=4"), CancellationToken.None), 200);
        Assert.Equal(4, exact.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, exact.GetProperty("next_cursor").ValueKind);

        var open1 = JsonOf(await referrals.ListAsync(Request("GET", OtherNgo, query: "?status=in_progress&limit=2"), CancellationToken.None), 200);
        Assert.Equal(["case-1/r-1", "case-2/r-1"], Keys(open1));
        string cursor = open1.GetProperty("next_cursor").GetString()!;
        var open2 = JsonOf(await referrals.ListAsync(Request("GET", OtherNgo, query: "?status=in_progress&limit=2&cursor=" + cursor), CancellationToken.None), 200);
        Assert.Equal(["case-2/r-2"], Keys(open2));
        Assert.Equal(JsonValueKind.Null, open2.GetProperty("next_cursor").ValueKind);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    public async Task ListAsync_Answers400NamingTheParameter_GivenABadLimitOrCursor(string query, string field)
    {
        var (_, _, referrals) = await HarnessAsync();

        Assert.Equal(field, Assert.Single(ValidationProblem(await referrals.ListAsync(Request("GET", OtherNgo, query: query), CancellationToken.None)).Keys));
    }

    [Fact]
    public async Task ListAsync_RefusesACursorOfAnotherStatus()
    {
        var (api, workflows, referrals) = await HarnessAsync();
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake("case-1"))), 201);
        await ReferAsync(workflows, "case-1", "r-1", "yayasan_x");
        await ReferAsync(workflows, "case-1", "r-2", "yayasan_x");
        var page = JsonOf(await referrals.ListAsync(Request("GET", OtherNgo, query: "?limit=1"), CancellationToken.None), 200);
        string cursor = page.GetProperty("next_cursor").GetString()!;

        var other = ValidationProblem(await referrals.ListAsync(Request("GET", OtherNgo, query: "?status=accepted&limit=1&cursor=" + cursor), CancellationToken.None));

        Assert.Equal("cursor", Assert.Single(other.Keys));
    }

    private static IDictionary<string, string[]> ValidationProblem(IActionResult result) =>
        Assert.IsType<ValidationProblemDetails>(Assert.IsType<ObjectResult>(result).Value).Errors;

    private static List<string> Keys(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("case_id").GetString() + "/" + i.GetProperty("subject_id").GetString())];

    private static async Task ReferAsync(CaseWorkflowFunctions workflows, string id, string subject, string to) =>
        JsonOf(await workflows.StartAsync(Request("POST", OwnerWorker, "{\"workflow\": \"referral\", \"subject_id\": \"" + subject + "\", \"facts\": {\"referral_kind\": \"referral\", \"to_agency\": \"" + to + "\"}}"), id, CancellationToken.None), 201);

    private async Task<(CaseApi Api, CaseWorkflowFunctions Workflows, ReferralFunctions Referrals)> HarnessAsync()
    {
        var api = new CaseApi(await storage.NewTablesAsync(), protector: SharedProtector);
        return (api, api.WorkflowFunctions(), new ReferralFunctions(new ListReferralsUseCase(api.Ties), new AssignCaseUseCase(api.Ties, api.Clock), api.Pipeline));
    }
}
