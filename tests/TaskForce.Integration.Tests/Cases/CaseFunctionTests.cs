using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Application.Cases;
using TaskForce.Domain.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>The case functions called directly (no Functions host) against the real repository on Azurite.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseFunctionTests(AzuriteFixture storage)
{
    [Fact]
    public async Task PostCase_Returns201WithLocationAndETag_AndTheOwnerReadsItBack()
    {
        var api = new CaseApi(await storage.NewTablesAsync());
        var req = Request("POST", OwnerWorker, Body(Intake()));

        var result = await api.Functions.PostCaseAsync(req, CancellationToken.None);

        var summary = JsonOf(result, 201);
        Assert.Equal("/api/cases/case-ttu-001", req.HttpContext.Response.Headers.Location.ToString());
        Assert.False(string.IsNullOrEmpty(req.HttpContext.Response.Headers.ETag.ToString()));
        Assert.Equal("case-ttu-001", summary.GetProperty("id").GetString());
        Assert.Equal("uptd_ppa_ttu", summary.GetProperty("owner_agency").GetString());
        Assert.Equal(2, summary.GetProperty("victims").GetInt32());
        Assert.Equal(1, summary.GetProperty("child_victims").GetInt32()); // 17 at the act
        Assert.Equal("actual_victim", summary.GetProperty("trafficking_status").GetString()); // act + means + purpose

        var (read, response) = await api.GetAsync(OwnerWorker, "case-ttu-001");
        var doc = JsonOf(read, 200);
        Assert.Equal(req.HttpContext.Response.Headers.ETag.ToString(), response.Headers.ETag.ToString());
        Assert.True(doc.GetProperty("identity_visible").GetBoolean());
        var victim = doc.GetProperty("victims")[0];
        Assert.Equal(VictimName, victim.GetProperty("identity").GetProperty("full_name").GetString());
        Assert.Equal(VictimNik, victim.GetProperty("identity").GetProperty("national_id_number").GetString());
        Assert.Equal("2008-05-01", victim.GetProperty("birth_date").GetString());
        Assert.Equal("child", victim.GetProperty("child_status").GetString());
        Assert.Equal("2026-03-10T01:00:00Z", doc.GetProperty("consent").GetProperty("recorded_at").GetString());
    }

    [Fact]
    public async Task GetCase_RedactsIdentityAndAuditsTheRefusal_GivenAnotherAgencysCaseWorker()
    {
        var api = new CaseApi(await storage.NewTablesAsync());
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake())), 201);

        var (read, _) = await api.GetAsync(OtherWorker, "case-ttu-001");

        var doc = JsonOf(read, 200);
        string text = doc.GetRawText();
        Assert.False(doc.GetProperty("identity_visible").GetBoolean());
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var identity = doc.GetProperty("victims")[0].GetProperty("identity");
        Assert.Equal("[redacted]", identity.GetProperty("full_name").GetString());
        Assert.Equal("[redacted]", identity.GetProperty("aliases")[0].GetString());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("victims")[0].GetProperty("birth_date").ValueKind);
        Assert.Equal(17, doc.GetProperty("victims")[0].GetProperty("age_at_offence").GetInt32()); // non-identifying
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("victims")[1].GetProperty("identity").GetProperty("full_name").ValueKind); // nothing recorded

        var entry = Assert.Single(api.Audit.Entries);
        Assert.Equal(GetCaseUseCase.IdentityWithheld, entry.Id);
        Assert.Contains("case-ttu-001", entry.Message, StringComparison.Ordinal);
        Assert.Contains("worker-9", entry.Message, StringComparison.Ordinal);
        Assert.Contains("dinsos_ttu", entry.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-10T01:00:00Z", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCase_ShowsIdentityAndAuditsTheRead_GivenTheCoordinator_AndLogsNoValue()
    {
        var api = new CaseApi(await storage.NewTablesAsync());
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake())), 201);

        var (read, _) = await api.GetAsync(Coordinator, "case-ttu-001");

        var doc = JsonOf(read, 200);
        Assert.True(doc.GetProperty("identity_visible").GetBoolean());
        Assert.Equal(SuspectName, doc.GetProperty("suspects")[0].GetProperty("identity").GetProperty("full_name").GetString());
        var entry = Assert.Single(api.Audit.Entries);
        Assert.Equal(GetCaseUseCase.IdentityShown, entry.Id);
        Assert.Contains(entry.Values, v => v.Key == "UserId" && (string?)v.Value == "coord-1");
        Assert.Contains(entry.Values, v => v.Key == "CaseId" && (string?)v.Value == "case-ttu-001");
        string logs = api.Audit.AllText() + api.CreateLog.AllText();
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetCase_Returns403_GivenAStatisticianOrAnotherAgencysNgo_And404_GivenAnUnknownId()
    {
        var api = new CaseApi(await storage.NewTablesAsync());
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake())), 201);

        Problem((await api.GetAsync(Statistician, "case-ttu-001")).Result, 403);
        Problem((await api.GetAsync(OtherNgo, "case-ttu-001")).Result, 403);
        Problem((await api.GetAsync(OwnerWorker, "no-such-case")).Result, 404);
        Assert.True(Problem((await api.GetAsync(OwnerWorker, "bad/id")).Result, 400) is ValidationProblemDetails { } v && v.Errors.ContainsKey("id"));
        Assert.Empty(api.Audit.Entries);
    }

    [Fact]
    public async Task Functions_Return401AndWriteNothing_GivenNoTrustedPrincipal()
    {
        var tables = await storage.NewTablesAsync();
        var off = new CaseApi(tables, authEnabled: false);
        var on = new CaseApi(tables);

        // App Service authentication off: even a well-formed header is not trusted.
        Problem(await off.PostAsync(OwnerWorker, Body(Intake())), 401);
        Problem((await off.GetAsync(Coordinator, "case-ttu-001")).Result, 401);

        // On, but no header, or a header that is not a principal.
        Problem(await on.PostAsync(null, Body(Intake())), 401);
        var forged = Request("POST", null, Body(Intake()), string.Empty, (TaskForce.Functions.Http.ClientPrincipalReader.HeaderName, "not base64!"));
        Problem(await on.Functions.PostCaseAsync(forged, CancellationToken.None), 401);
        Problem(await on.Functions.ListCasesAsync(Request("GET", null), CancellationToken.None), 401);
        Problem(await on.Functions.QualifyCaseAsync(Request("POST", null), "case-ttu-001", CancellationToken.None), 401);

        Assert.Empty(await RawRowsAsync(tables));
    }

    public static TheoryData<string, Func<JsonObject, string>> BadBodies() => new()
    {
        { "case_type", j => Set(j, "case_type", "trafficking") },                                            // unknown code
        { "elements.acts[0]", j => { j["elements"]!["acts"]![0] = "recruitment"; return j.ToJsonString(); } }, // unknown code in a list
        { "victims[0].sex", j => { j["victims"]![0]!["sex"] = "F"; return j.ToJsonString(); } },               // unknown code (case-sensitive)
        { "victims[0].birth_date", j => { j["victims"]![0]!["birth_date"] = "2025-11-21"; return j.ToJsonString(); } }, // born after the act
        { "offence_date", j => Set(j, "offence_date", "2026-03-11") },                                        // in the future (today 2026-03-10 WITA)
        { "reported_at", j => Set(j, "reported_at", "2026-03-10T01:00:01Z") },                                // a second after now
        { "region", j => Set(j, "region", "53.3") },                                                          // malformed region
        { "region", j => Set(j, "region", "53.03' or '1' eq '1") },                                           // OData text is just a bad region
        { "intake_channel", j => { j.Remove("intake_channel"); return j.ToJsonString(); } },                  // missing required field
        { "reporting_agency", j => { j.Remove("reporting_agency"); return j.ToJsonString(); } },              // missing required object
        { "reporting_agency.name", j => { j["reporting_agency"]!["name"] = " "; return j.ToJsonString(); } },
        { "victims[0].identity.national_id_number", j => { j["victims"]![0]!["identity"]!["national_id_number"] = "53030141050800"; return j.ToJsonString(); } },
        { "victims[0].nik", j => { j["victims"]![0]!["nik"] = "5303014105080001"; return j.ToJsonString(); } }, // unknown field
        { "victims[1].age_at_offence", j => { j["victims"]![1]!["age_at_offence"] = "twenty"; return j.ToJsonString(); } }, // wrong type
        { "reported_at", j => Set(j, "reported_at", "2026-03-02") },                                          // a date is not an instant
        { "consent.given_by", j => { j["consent"]!["given_by"] = "self"; return j.ToJsonString(); } },        // a child cannot consent alone
        { "places.origin_kecamatan", j => { j["places"]!["origin_kecamatan"] = "53.03"; return j.ToJsonString(); } },
        { "id", j => Set(j, "id", "case/001") },
        { "body", _ => "{\"region\": " },                                                                    // not JSON
        { "body", _ => "[]" },
        { "body", _ => string.Empty },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostCase_Returns400NamingTheFieldAndWritesNothing_GivenBadInput(string field, Func<JsonObject, string> breakIt)
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);

        var result = await api.PostAsync(OwnerWorker, breakIt(Tree(Intake())));

        var problem = Assert.IsType<ValidationProblemDetails>(Problem(result, 400));
        Assert.True(problem.Errors.ContainsKey(field), $"expected {field}, got {string.Join(", ", problem.Errors.Keys)}");
        Assert.DoesNotContain(VictimNik, problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await RawRowsAsync(tables));
    }

    [Fact]
    public async Task PostCase_CreatesOneCase_GivenTheSameIdempotencyKeyTwice_And422_GivenItWithAnotherBody()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);
        string body = Body(Intake(id: null));

        var firstReq = Request("POST", OwnerWorker, body, string.Empty, ("Idempotency-Key", "7f1c2b9e-0b1a-4c55-9d7e-3f2a6b8c1d00"));
        var first = JsonOf(await api.Functions.PostCaseAsync(firstReq, CancellationToken.None), 201);
        var againReq = Request("POST", OwnerWorker, body, string.Empty, ("Idempotency-Key", "7f1c2b9e-0b1a-4c55-9d7e-3f2a6b8c1d00"));
        var again = JsonOf(await api.Functions.PostCaseAsync(againReq, CancellationToken.None), 201);

        string id = CreateCaseUseCase.DeriveCaseId("worker-1", "7f1c2b9e-0b1a-4c55-9d7e-3f2a6b8c1d00");
        Assert.Equal(id, first.GetProperty("id").GetString());
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.Equal(firstReq.HttpContext.Response.Headers.Location.ToString(), againReq.HttpContext.Response.Headers.Location.ToString());
        Assert.Equal("true", againReq.HttpContext.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(first.GetProperty("created_at").GetString(), again.GetProperty("created_at").GetString());
        var rows = await RawRowsAsync(tables);
        Assert.Single(rows, r => r.Contains("/case/", StringComparison.Ordinal));

        var changed = Body(Intake(id: null) with { IntakeChannel = "hotline" });
        var reused = Problem(await api.PostAsync(OwnerWorker, changed, ("Idempotency-Key", "7f1c2b9e-0b1a-4c55-9d7e-3f2a6b8c1d00")), 422);
        Assert.True(((ValidationProblemDetails)reused).Errors.ContainsKey("Idempotency-Key"));
        Assert.Equal(rows, await RawRowsAsync(tables));

        // The same key from another person is another request: a second case.
        var other = JsonOf(await api.PostAsync(("worker-2", "uptd_ppa_ttu", ["case_worker"]), body, ("Idempotency-Key", "7f1c2b9e-0b1a-4c55-9d7e-3f2a6b8c1d00")), 201);
        Assert.NotEqual(id, other.GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostCase_Returns400_GivenAnIdWithAKey_OrABadKey_And409_GivenATakenIdWithoutAKey()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);

        var withId = Assert.IsType<ValidationProblemDetails>(Problem(await api.PostAsync(OwnerWorker, Body(Intake()), ("Idempotency-Key", "k1")), 400));
        Assert.True(withId.Errors.ContainsKey("id"));
        var badKey = Assert.IsType<ValidationProblemDetails>(Problem(await api.PostAsync(OwnerWorker, Body(Intake(null)), ("Idempotency-Key", "has space")), 400));
        Assert.True(badKey.Errors.ContainsKey("Idempotency-Key"));
        Assert.Empty(await RawRowsAsync(tables));

        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake())), 201);
        Problem(await api.PostAsync(Coordinator, Body(Intake())), 409);
    }

    [Fact]
    public async Task PostCase_Returns403_GivenAStatisticianOrNoAgencyClaim()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);

        Problem(await api.PostAsync(Statistician, Body(Intake())), 403);
        var noAgency = Problem(await api.PostAsync(("worker-3", null, ["case_worker"]), Body(Intake())), 403);
        Assert.Contains("agency", noAgency.Detail, StringComparison.Ordinal);
        Assert.Empty(await RawRowsAsync(tables));
    }

    [Fact]
    public async Task PostCase_Returns500AndWritesNothing_GivenIdentityAndNoConfiguredKey()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables, protector: Storage.IdentityProtector.FromSettings(null, null));

        var problem = Problem(await api.PostAsync(OwnerWorker, Body(Intake())), 500);

        Assert.Contains("TaskForce:IdentityKey", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await RawRowsAsync(tables));
    }

    [Fact]
    public async Task ListCases_PagesWithAnOpaqueCursor_AndShowsNoPersonLevelField()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);
        foreach (var (id, region, type) in new[] { ("a1", "53.03", "tppo"), ("a2", "53.03.02", "tppo"), ("a3", "53.04", "tppo"), ("a4", "53.03", "violence_against_children"), ("a5", "53.03", "tppo") })
        {
            var intake = Intake(id) with { Region = region, CaseType = type, Elements = type == "tppo" ? Intake().Elements : null };
            JsonOf(await api.PostAsync(OwnerWorker, Body(intake)), 201);
        }

        var ids = new List<string>();
        string query = "?region=53.03&case_type=tppo&reported_from=2026-03-01&reported_to=2026-03-31&limit=2";
        string? cursor = null;
        int pages = 0;
        do
        {
            var req = Request("GET", OtherWorker, null, query + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            var page = JsonOf(await api.Functions.ListCasesAsync(req, CancellationToken.None), 200);
            string text = page.GetRawText();
            foreach (string secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("identity", text, StringComparison.Ordinal);
            Assert.DoesNotContain("birth_date", text, StringComparison.Ordinal);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(["a1", "a2", "a5"], ids); // 53.03 covers 53.03.02; a3 is another kabupaten; a4 another type
        Assert.Equal(2, pages);
        Assert.Empty(api.Audit.Entries); // a listing discloses no identity
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?case_type=trafficking", "case_type")]
    [InlineData("?trafficking_status=victim", "trafficking_status")]
    [InlineData("?reported_from=2026-13-01", "reported_from")]
    [InlineData("?reported_from=2026-03-31&reported_to=2026-03-01", "reported_from")]
    [InlineData("?region=53.03'%20or%20RowKey%20ne%20'x", "region")]
    [InlineData("?region=53.03&region=53.04", "region")]
    [InlineData("?cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("?cursor=%%%", "cursor")]
    public async Task ListCases_Returns400NamingTheParameter_GivenBadQuery(string query, string field)
    {
        var api = new CaseApi(await storage.NewTablesAsync());

        var result = await api.Functions.ListCasesAsync(Request("GET", OwnerWorker, null, query), CancellationToken.None);

        Assert.True(Assert.IsType<ValidationProblemDetails>(Problem(result, 400)).Errors.ContainsKey(field));
    }

    [Fact]
    public async Task ListCases_RefusesACursorFromOtherFilters_AndLimitsAnNgoToItsOwnCases()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake("b1"))), 201);
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake("b2"))), 201);
        JsonOf(await api.PostAsync(OtherNgo, Body(Intake("b3"))), 201);

        var first = JsonOf(await api.Functions.ListCasesAsync(Request("GET", Coordinator, null, "?limit=1"), CancellationToken.None), 200);
        string cursor = first.GetProperty("next_cursor").GetString()!;
        var mixed = await api.Functions.ListCasesAsync(Request("GET", Coordinator, null, "?limit=1&region=53.03&cursor=" + Uri.EscapeDataString(cursor)), CancellationToken.None);
        Assert.True(Assert.IsType<ValidationProblemDetails>(Problem(mixed, 400)).Errors.ContainsKey("cursor"));

        var ngo = JsonOf(await api.Functions.ListCasesAsync(Request("GET", OtherNgo, null), CancellationToken.None), 200);
        Assert.Equal(["b3"], ngo.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Problem(await api.Functions.ListCasesAsync(Request("GET", Statistician, null), CancellationToken.None), 403);
    }

    [Fact]
    public async Task QualifyCase_ReturnsTheContractResult_ForTheStoredFacts()
    {
        var api = new CaseApi(await storage.NewTablesAsync());
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake())), 201);

        var result = await api.Functions.QualifyCaseAsync(Request("POST", OtherWorker, "{\"decision_date\": \"2025-12-15\"}"), "case-ttu-001", CancellationToken.None);

        var q = JsonOf(result, 200);
        Assert.Equal("actual_victim", q.GetProperty("status").GetString());
        Assert.True(q.GetProperty("elements").GetProperty("means").GetBoolean());
        Assert.Equal("UU21-2007", q.GetProperty("regime").GetString()); // act 2025-11-20, judged 2025-12-15: the law as enacted
        var charge = q.GetProperty("charges").EnumerateArray().Single(c => c.GetProperty("article").GetString() == "UU21-2007:2(1)");
        // UU 21/2007 Pasal 2(1): 3-15 years and Rp120-600 juta; the victim was 17, so Pasal 17 raises the maxima by
        // one third (15 y → 20 y = 240 months; Rp600 juta → Rp800 juta); the minima stay (default reading).
        Assert.Equal(["UU21-2007:17"], charge.GetProperty("aggravations").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(36, charge.GetProperty("prison_months").GetProperty("min").GetInt32());
        Assert.Equal(240, charge.GetProperty("prison_months").GetProperty("max").GetInt32());
        Assert.Equal(120_000_000, charge.GetProperty("fine_idr").GetProperty("min").GetInt64());
        Assert.Equal(800_000_000, charge.GetProperty("fine_idr").GetProperty("max").GetInt64());
        Assert.Contains(q.GetProperty("charges").EnumerateArray(), c => c.GetProperty("article").GetString() == "UU21-2007:4"); // taken to Malaysia
        string text = q.GetRawText();
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task QualifyCase_Returns422_GivenNoOffenceDate_400_GivenADecisionBeforeTheAct_404_GivenNoCase()
    {
        var api = new CaseApi(await storage.NewTablesAsync());
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake("undated") with { OffenceDate = null })), 201);
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake("dated"))), 201);

        var undated = Problem(await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, null), "undated", CancellationToken.None), 422);
        Assert.True(Assert.IsType<ValidationProblemDetails>(undated).Errors.ContainsKey("offence_date"));
        var early = Problem(await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, "{\"decision_date\": \"2025-11-19\"}"), "dated", CancellationToken.None), 400);
        Assert.True(Assert.IsType<ValidationProblemDetails>(early).Errors.ContainsKey("decision_date"));
        var unknownField = Problem(await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, "{\"decided\": \"2025-12-01\"}"), "dated", CancellationToken.None), 400);
        Assert.True(Assert.IsType<ValidationProblemDetails>(unknownField).Errors.ContainsKey("decided"));
        Problem(await api.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, null), "nothing-here", CancellationToken.None), 404);
        Problem(await api.Functions.QualifyCaseAsync(Request("POST", Statistician, null), "dated", CancellationToken.None), 403);
    }

    private static string Set(JsonObject j, string name, string value)
    {
        j[name] = value;
        return j.ToJsonString();
    }
}
