using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>The workflows of a stored case over HTTP: start, transitions (409 with allowed targets, 412 on a stale
/// If-Match), the SPDP fact read by the criminal-justice guard through the case storage, and the timeline.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseWorkflowFunctionTests(AzuriteFixture storage)
{
    private static readonly (string, string?, string[]) Colleague = ("worker-2", "uptd_ppa_ttu", ["case_worker"]);

    private sealed class Harness
    {
        public Harness(TaskForceTables tables)
        {
            Tables = tables;
            Api = new CaseApi(tables);
            var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
            var registry = WorkflowRegistry.Default;
            var useCase = new CaseWorkflowsUseCase(
                Api.Repository,
                Api.Ties,
                Api.Repository,
                workflows,
                registry,
                new StartWorkflowUseCase(workflows, Api.Repository, registry, Api.Clock, Zone),
                new TransitionWorkflowUseCase(workflows, Api.Repository, registry, Api.Clock, Zone, NullLogger<TransitionWorkflowUseCase>.Instance),
                Api.Clock,
                Zone);
            Functions = new CaseWorkflowFunctions(useCase, Api.Pipeline);
        }

        public TaskForceTables Tables { get; }

        public CaseApi Api { get; }

        public CaseWorkflowFunctions Functions { get; }

        /// <summary>The owner refers the case to the police, who accept it: how a case of the UPTD PPA reaches the
        /// criminal-justice track (ADR-020).</summary>
        public async Task ReferToPoliceAsync(string id, (string, string?, string[]) police)
        {
            JsonOf((await StartAsync(OwnerWorker, id, """{"workflow": "referral", "subject_id": "to-polres", "facts": {"referral_kind": "referral", "to_agency": "polres_ttu"}}""")).Result, 201);
            JsonOf((await MoveAsync(police, id, """{"workflow": "referral", "subject_id": "to-polres", "to": "accepted"}""")).Result, 200);
        }

        public async Task<(IActionResult Result, HttpResponse Response)> StartAsync((string, string?, string[]) who, string id, string body)
        {
            var req = Request("POST", who, body);
            return (await Functions.StartAsync(req, id, CancellationToken.None), req.HttpContext.Response);
        }

        public async Task<(IActionResult Result, HttpResponse Response)> MoveAsync((string, string?, string[]) who, string id, string body, string? ifMatch = null)
        {
            var req = ifMatch is null ? Request("POST", who, body) : Request("POST", who, body, string.Empty, ("If-Match", ifMatch));
            return (await Functions.TransitionAsync(req, id, CancellationToken.None), req.HttpContext.Response);
        }

        public async Task<(IActionResult Result, HttpResponse Response)> MoveWithKeyAsync((string, string?, string[]) who, string id, string body, string key)
        {
            var req = Request("POST", who, body, string.Empty, ("Idempotency-Key", key));
            return (await Functions.TransitionAsync(req, id, CancellationToken.None), req.HttpContext.Response);
        }

        public async Task<JsonElement> TimelineAsync((string, string?, string[]) who, string id) =>
            JsonOf(await Functions.TimelineAsync(Request("GET", who), id, CancellationToken.None), 200);
    }

    private async Task<Harness> WithCaseAsync(CaseIntake? intake = null)
    {
        var h = new Harness(await storage.NewTablesAsync());
        JsonOf(await h.Api.PostAsync(OwnerWorker, Body(intake ?? Intake())), 201);
        return h;
    }

    [Fact]
    public async Task Transition_ReplaysTheFirstAnswer_GivenARetryWithTheSameIdempotencyKey()
    {
        var h = await WithCaseAsync();
        JsonOf((await h.StartAsync(OwnerWorker, "case-ttu-001", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""")).Result, 201);
        const string move = """{"workflow": "case_management", "to": "assessment"}""";

        // Eight retries of one request race each other; then one more arrives after they are done.
        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.MoveWithKeyAsync(Colleague, "case-ttu-001", move, "move-1")));
        var late = await h.MoveWithKeyAsync(Colleague, "case-ttu-001", move, "move-1");

        foreach (var (result, _) in racing.Append(late))
        {
            var body = JsonOf(result, 200);
            Assert.Equal("assessment", body.GetProperty("state").GetString());
            Assert.Equal(2, body.GetProperty("version").GetInt32());
        }

        var timeline = await h.TimelineAsync(OwnerWorker, "case-ttu-001");
        var history = timeline.GetProperty("workflows")[0].GetProperty("history");
        Assert.Equal(2, history.GetArrayLength()); // the start and exactly one move

        // The same key for another transition is refused with 422 and changes nothing.
        var reused = Problem((await h.MoveWithKeyAsync(Colleague, "case-ttu-001", """{"workflow": "case_management", "to": "closed", "reason": "duplicate report"}""", "move-1")).Result, 422);
        Assert.Contains("Idempotency-Key", reused.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await h.TimelineAsync(OwnerWorker, "case-ttu-001")).GetProperty("workflows")[0].GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task CaseFacts_AreReadFromTheCaseRow()
    {
        var tables = await storage.NewTablesAsync();
        var api = new CaseApi(tables);
        var sexualChild = Intake("facts-1") with
        {
            Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["eksploitasi_seksual"] },
            SpdpSentOn = new LocalDate(2026, 3, 5),
        };
        JsonOf(await api.PostAsync(OwnerWorker, Body(sexualChild)), 201);
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake("facts-2") with { Consent = Intake().Consent! with { ForSharing = false } })), 201);
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake("facts-3") with { Consent = null })), 201);

        var one = await api.Repository.ReadAsync("facts-1");
        var two = await api.Repository.ReadAsync("facts-2");
        var three = await api.Repository.ReadAsync("facts-3");

        // Trafficking for sexual exploitation is TPKS (UU 12/2022 Pasal 4(2)); the victim was 17: child sexual violence.
        // reported_at of the intake is 2026-03-02T02:30Z (the first-response clock starts there, ADR-023).
        var reported = NodaTime.Instant.FromUtc(2026, 3, 2, 2, 30);
        Assert.Equal(new Application.Ports.CaseFacts(ConsentToShare.Given, true, true, new LocalDate(2026, 3, 5)) { VictimIds = one!.VictimIds, SuspectIds = one.SuspectIds, ReportedAt = reported }, one);
        Assert.Equal(new Application.Ports.CaseFacts(ConsentToShare.Refused, false, false, null) { VictimIds = two!.VictimIds, SuspectIds = two.SuspectIds, ReportedAt = reported }, two); // forced labour: not TPKS
        Assert.Equal(["suspect-1"], one.SuspectIds!);
        Assert.Equal(["victim-1", "victim-2"], one.VictimIds);
        Assert.Equal(ConsentToShare.NotRecorded, three!.ConsentToShare);
        Assert.Null(await api.Repository.ReadAsync("no-such-case"));
    }

    [Fact]
    public async Task Transition_FollowsTheTable_409WithAllowedTargets_412OnAStaleIfMatch()
    {
        var h = await WithCaseAsync();
        var (started, startResponse) = await h.StartAsync(OwnerWorker, "case-ttu-001", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""");
        var start = JsonOf(started, 201);
        Assert.Equal("intake", start.GetProperty("state").GetString());
        string startTag = startResponse.Headers.ETag.ToString();
        Assert.Equal(startTag, start.GetProperty("etag").GetString());
        var again = JsonOf((await h.StartAsync(OwnerWorker, "case-ttu-001", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""")).Result, 200);
        Assert.False(again.GetProperty("created").GetBoolean());

        // intake -> services needs risk level tinggi (SIPPN outreach standard); from intake the table allows assessment,
        // services (guarded) and closed.
        var refused = Problem((await h.MoveAsync(Colleague, "case-ttu-001", """{"workflow": "case_management", "to": "services", "reason": "shelter needed"}""")).Result, 409);
        Assert.Equal(["assessment", "closed"], (IEnumerable<string>)refused.Extensions["allowed_targets"]!);
        Assert.Equal("intake", refused.Extensions["from"]);

        var (moved, movedResponse) = await h.MoveAsync(Colleague, "case-ttu-001", """{"workflow": "case_management", "to": "assessment"}""", startTag);
        var result = JsonOf(moved, 200);
        Assert.Equal("intake", result.GetProperty("from").GetString());
        Assert.Equal("assessment", result.GetProperty("state").GetString());
        Assert.Equal(2, result.GetProperty("version").GetInt32());
        Assert.Equal("worker-2", result.GetProperty("event").GetProperty("actor_id").GetString());
        Assert.Equal("uptd_ppa_ttu", result.GetProperty("event").GetProperty("agency").GetString());
        Assert.NotEqual(startTag, movedResponse.Headers.ETag.ToString());

        // The same If-Match again: the instance has moved on.
        Problem((await h.MoveAsync(OwnerWorker, "case-ttu-001", """{"workflow": "case_management", "to": "intervention_plan"}""", startTag)).Result, 412);
        var timeline = await h.TimelineAsync(OwnerWorker, "case-ttu-001");
        var cm = Assert.Single(timeline.GetProperty("workflows").EnumerateArray());
        Assert.Equal("assessment", cm.GetProperty("state").GetString()); // nothing written by the refused and stale requests
        Assert.Equal(2, cm.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"workflow": "case_managment", "to": "assessment"}""", "workflow")]
    [InlineData("""{"workflow": "case_management"}""", "to")]
    [InlineData("""{"workflow": "case_management", "to": "assesment"}""", "to")]
    [InlineData("""{"workflow": "case_management", "to": "closed"}""", "reason")]
    [InlineData("""{"workflow": "case_management", "to": "assessment", "effective_on": "2026-03-11"}""", "effective_on")]
    [InlineData("""{"workflow": "case_management", "to": "assessment", "why": "x"}""", "why")]
    [InlineData("""{"workflow": "case_management", "to": "assessment", "effective_on": "11/03/2026"}""", "effective_on")]
    [InlineData("not json", "body")]
    public async Task Transition_Returns400NamingTheField_AndWritesNothing_GivenBadInput(string body, string field)
    {
        var h = await WithCaseAsync();
        JsonOf((await h.StartAsync(OwnerWorker, "case-ttu-001", """{"workflow": "case_management", "facts": {"risk_level": "rendah"}}""")).Result, 201);

        var problem = Problem((await h.MoveAsync(OwnerWorker, "case-ttu-001", body)).Result, 400);

        Assert.True(Assert.IsType<ValidationProblemDetails>(problem).Errors.ContainsKey(field), string.Join(",", ((ValidationProblemDetails)problem).Errors.Keys));
        Assert.Equal(1, (await h.TimelineAsync(OwnerWorker, "case-ttu-001")).GetProperty("workflows")[0].GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Transition_Returns404_GivenAnUnknownCaseOrAWorkflowNotStarted_And403_GivenAStatistician()
    {
        var h = await WithCaseAsync();

        Problem((await h.MoveAsync(OwnerWorker, "no-such-case", """{"workflow": "case_management", "to": "assessment"}""")).Result, 404);
        Problem((await h.MoveAsync(OwnerWorker, "case-ttu-001", """{"workflow": "case_management", "to": "assessment"}""")).Result, 404);
        Problem((await h.MoveAsync(Statistician, "case-ttu-001", """{"workflow": "case_management", "to": "assessment"}""")).Result, 403);
        Problem(await h.Functions.TimelineAsync(Request("GET", Statistician), "case-ttu-001", CancellationToken.None), 403);
        Problem(await h.Functions.TimelineAsync(Request("GET", OwnerWorker), "no-such-case", CancellationToken.None), 404);
        Problem(await h.Functions.TimelineAsync(Request("GET", null), "case-ttu-001", CancellationToken.None), 401);
    }

    [Fact]
    public async Task CriminalJustice_EntersPenyidikanOnlyAfterTheSpdpIsRecordedOnTheCase()
    {
        var h = await WithCaseAsync();
        var police = ("penyidik-1", (string?)"polres_ttu", new[] { "police_investigator" });
        await h.ReferToPoliceAsync("case-ttu-001", police);
        JsonOf((await h.StartAsync(police, "case-ttu-001", """{"workflow": "criminal_justice"}""")).Result, 201);

        // KUHAP Pasal 109(1): no investigation without the SPDP; the guard reads it from the case row.
        var refused = Problem((await h.MoveAsync(police, "case-ttu-001", """{"workflow": "criminal_justice", "to": "penyidikan"}""")).Result, 409);
        Assert.Equal(["penyelidikan"], (IEnumerable<string>)refused.Extensions["allowed_targets"]!);
        Assert.Contains("SPDP", (string)refused.Extensions["refusal"]!, StringComparison.Ordinal);

        // Record the SPDP under the case's version; a stale version is refused.
        var (read, readResponse) = await h.Api.GetAsync(OwnerWorker, "case-ttu-001");
        JsonOf(read, 200);
        string caseTag = readResponse.Headers.ETag.ToString();
        var spdpReq = Request("POST", police, """{"sent_on": "2026-03-09"}""", string.Empty, ("If-Match", caseTag));
        var spdp = JsonOf(await h.Functions.RecordSpdpAsync(spdpReq, "case-ttu-001", CancellationToken.None), 200);
        Assert.Equal("2026-03-09", spdp.GetProperty("spdp_sent_on").GetString());
        // A retry of the same request (its response lost) carries the old ETag: same answer, nothing written.
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);
        var retry = Request("POST", police, """{"sent_on": "2026-03-09"}""", string.Empty, ("If-Match", caseTag));
        var replayed = JsonOf(await h.Functions.RecordSpdpAsync(retry, "case-ttu-001", CancellationToken.None), 200);
        Assert.Equal(spdp.GetProperty("etag").GetString(), replayed.GetProperty("etag").GetString());
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
        var stale = Request("POST", police, """{"sent_on": "2026-03-08"}""", string.Empty, ("If-Match", caseTag));
        Problem(await h.Functions.RecordSpdpAsync(stale, "case-ttu-001", CancellationToken.None), 412);
        var future = Request("POST", police, """{"sent_on": "2026-03-11"}""");
        Assert.True(Assert.IsType<ValidationProblemDetails>(Problem(await h.Functions.RecordSpdpAsync(future, "case-ttu-001", CancellationToken.None), 400)).Errors.ContainsKey("spdp_sent_on"));

        var moved = JsonOf((await h.MoveAsync(police, "case-ttu-001", """{"workflow": "criminal_justice", "to": "penyidikan"}""")).Result, 200);
        Assert.Equal("penyidikan", moved.GetProperty("state").GetString());

        // From penyidikan the table allows p19, p21, sp3 and dpo, not eksekusi.
        var skip = Problem((await h.MoveAsync(police, "case-ttu-001", """{"workflow": "criminal_justice", "to": "eksekusi"}""")).Result, 409);
        Assert.Equal(["p19", "p21", "sp3", "dpo"], (IEnumerable<string>)skip.Extensions["allowed_targets"]!);

        // The identity survived the rewrite of the case by the SPDP update.
        var (after, _) = await h.Api.GetAsync(OwnerWorker, "case-ttu-001");
        Assert.Equal(VictimNik, JsonOf(after, 200).GetProperty("victims")[0].GetProperty("identity").GetProperty("national_id_number").GetString());
    }

    [Fact]
    public async Task Timeline_ListsEveryWorkflowWithHistoryAndDeadlines()
    {
        var h = await WithCaseAsync();
        JsonOf((await h.StartAsync(OwnerWorker, "case-ttu-001", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""")).Result, 201);
        var police = ("penyidik-1", (string?)"polres_ttu", new[] { "police_investigator" });
        await h.ReferToPoliceAsync("case-ttu-001", police);
        JsonOf((await h.StartAsync(police, "case-ttu-001", """{"workflow": "criminal_justice"}""")).Result, 201);

        var timeline = await h.TimelineAsync(OwnerWorker, "case-ttu-001");

        Assert.Equal("case-ttu-001", timeline.GetProperty("case_id").GetString());
        Assert.Equal("2026-03-10", timeline.GetProperty("as_of").GetString()); // 09:00 WITA
        Assert.Equal("Asia/Makassar", timeline.GetProperty("zone").GetString());
        var workflows = timeline.GetProperty("workflows").EnumerateArray().ToList();
        Assert.Equal(["case_management", "criminal_justice", "referral"], workflows.Select(w => w.GetProperty("workflow").GetString()));
        var cm = workflows[0];
        Assert.Equal("intake", cm.GetProperty("state").GetString());
        Assert.Equal("worker-1", cm.GetProperty("history")[0].GetProperty("actor_id").GetString());
        // First response for a "sedang" risk within 6 hours of the report (docs/sources.md#uptd-ppa default; ADR-023):
        // reported 2026-03-02T02:30Z + 6 h = 08:30Z the same day; the workflow entered on 10 March finds it overdue.
        var deadline = Assert.Single(cm.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("first_response", deadline.GetProperty("id").GetString());
        Assert.Equal("2026-03-02T02:30:00Z", deadline.GetProperty("starts_at").GetString());
        Assert.Equal("2026-03-02T08:30:00Z", deadline.GetProperty("due_at").GetString());
        Assert.Equal("overdue", deadline.GetProperty("status").GetString());
        Assert.Equal("2026-03-02", cm.GetProperty("history")[0].GetProperty("effective_on").GetString()); // starts at the report's WITA date
        Assert.Equal(["assessment", "closed"], cm.GetProperty("allowed_targets").EnumerateArray().Select(a => a.GetString()));
        Assert.False(string.IsNullOrEmpty(cm.GetProperty("etag").GetString()));
        string text = timeline.GetRawText();
        Assert.DoesNotContain(VictimName, text, StringComparison.Ordinal);
    }
}
