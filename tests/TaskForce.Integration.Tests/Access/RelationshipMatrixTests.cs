using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Access;

/// <summary>
/// The responsibility model on Azurite (ADR-020): the ties of real stored cases (owner, criminal-justice agencies from
/// the workflow events, accepted and pending referrals) read back by <see cref="TableCaseTies"/> give the relationship
/// and every cell of the hand-written matrix of <see cref="CaseAccessPolicyTests"/>; and through the functions, an
/// unrelated agency changes nothing, a receiving NGO accepts and then reads what consent allows, a transfer moves the
/// owner, an assignment is recorded, and timeline reasons are withheld.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class RelationshipMatrixTests(AzuriteFixture storage)
{
    private const string Me = "agency_a";
    private static readonly (string, string?, string[]) Owner = OwnerWorker;                     // uptd_ppa_ttu
    private static readonly (string, string?, string[]) MyWorker = ("a-worker", Me, ["case_worker"]);
    private static readonly (string, string?, string[]) MyPolice = ("a-police", Me, ["police_investigator"]);
    private static readonly (string, string?, string[]) Unrelated = OtherWorker;                 // dinsos_ttu
    private static readonly (string, string?, string[]) Ngo = OtherNgo;                          // yayasan_x

    private sealed class Harness
    {
        public Harness(TaskForceTables tables)
        {
            Api = new CaseApi(tables, protector: SharedProtector);
            Workflows = Api.WorkflowFunctions();
            Referrals = new ReferralFunctions(new ListReferralsUseCase(Api.Ties), new AssignCaseUseCase(Api.Ties, Api.Clock), Api.Pipeline);
            Amendments = new CaseAmendmentFunctions(new AmendCaseUseCase(Api.Repository, Api.Clock, Zone), new GetCaseHistoryUseCase(Api.Repository, Api.Repository, Api.Ties, Api.Clock, new ListLogger<GetCaseHistoryUseCase>()), Api.Pipeline);
            Consent = new ConsentFunctions(new RecordConsentUseCase(Api.Repository, Api.Clock), Api.Pipeline);
        }

        public CaseApi Api { get; }

        public CaseWorkflowFunctions Workflows { get; }

        public ReferralFunctions Referrals { get; }

        public CaseAmendmentFunctions Amendments { get; }

        public ConsentFunctions Consent { get; }

        public async Task CreateAsync((string, string?, string[]) who, string id) => JsonOf(await Api.PostAsync(who, Body(Intake(id))), 201);

        public Task<IActionResult> StartAsync((string, string?, string[]) who, string id, string body) => Workflows.StartAsync(Request("POST", who, body), id, CancellationToken.None);

        public Task<IActionResult> MoveAsync((string, string?, string[]) who, string id, string body) => Workflows.TransitionAsync(Request("POST", who, body), id, CancellationToken.None);

        public async Task ReferAsync(string id, string subject, string to, string kind = "referral") =>
            JsonOf(await StartAsync(Owner, id, "{\"workflow\": \"referral\", \"subject_id\": \"" + subject + "\", \"facts\": {\"referral_kind\": \"" + kind + "\", \"to_agency\": \"" + to + "\"}}"), 201);

        public async Task<string> ETagAsync(string id) => (await Api.GetAsync(Owner, id)).Response.Headers.ETag.ToString();

        public async Task<string> ReadCellAsync((string, string?, string[]) who, string id)
        {
            var (result, _) = await Api.GetAsync(who, id);
            if (result is not ContentResult { StatusCode: 200 } c)
            {
                return Code(result);
            }

            bool visible = JsonDocument.Parse(c.Content!).RootElement.GetProperty("identity_visible").GetBoolean();
            if (!visible)
            {
                Assert.All(Secrets, s => Assert.DoesNotContain(s, c.Content!, StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains(VictimName, c.Content!, StringComparison.Ordinal);
            }

            return visible ? "200I" : "200R";
        }
    }

    private static string Code(IActionResult result) => result switch
    {
        ContentResult c => c.StatusCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ObjectResult o => o.StatusCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException(result.GetType().Name),
    };

    [Fact]
    public async Task StoredTies_GiveEveryCellOfTheMatrix_GivenOneCasePerRelationship()
    {
        var h = new Harness(await storage.NewTablesAsync());

        // own: created by agency_a.
        await h.CreateAsync(MyWorker, "own-1");

        // involved: referred to agency_a's police, who opened the criminal-justice track; the referral was then revoked.
        await h.CreateAsync(Owner, "inv-1");
        await h.ReferAsync("inv-1", "to-police", Me);
        JsonOf(await h.MoveAsync(MyPolice, "inv-1", """{"workflow": "referral", "subject_id": "to-police", "to": "accepted"}"""), 200);
        JsonOf(await h.StartAsync(MyPolice, "inv-1", """{"workflow": "criminal_justice"}"""), 201);
        JsonOf(await h.MoveAsync(Owner, "inv-1", """{"workflow": "referral", "subject_id": "to-police", "to": "revoked", "reason": "penanganan oleh polres"}"""), 200);

        // referred: an accepted referral to agency_a.
        await h.CreateAsync(Owner, "ref-1");
        await h.ReferAsync("ref-1", "to-a", Me);
        JsonOf(await h.MoveAsync(MyWorker, "ref-1", """{"workflow": "referral", "subject_id": "to-a", "to": "accepted"}"""), 200);

        // addressed: a transfer to agency_a not answered yet.
        await h.CreateAsync(Owner, "adr-1");
        await h.ReferAsync("adr-1", "to-a", Me, "transfer");

        // unrelated: ties to other agencies only.
        await h.CreateAsync(Owner, "unr-1");
        await h.ReferAsync("unr-1", "to-ngo", "yayasan_x");

        var expected = new Dictionary<string, CaseRelationship>
        {
            ["own-1"] = CaseRelationship.Own, ["inv-1"] = CaseRelationship.Involved, ["ref-1"] = CaseRelationship.Referred,
            ["adr-1"] = CaseRelationship.Addressed, ["unr-1"] = CaseRelationship.Unrelated,
        };
        var names = new Dictionary<string, string> { ["own-1"] = "own", ["inv-1"] = "involved", ["ref-1"] = "referred", ["adr-1"] = "addressed", ["unr-1"] = "unrelated" };
        int cells = 0;
        foreach (var (id, relation) in expected)
        {
            var ties = await h.Api.Ties.ReadAsync(id);
            Assert.NotNull(ties);
            Assert.True(ties.SharingConsentGiven); // the intake's guardian consented to sharing
            Assert.Equal(relation, ties.RelationOf(Me));
            foreach (var role in new[] { "coordinator", "case_worker", "police_investigator", "prosecutor", "partner_ngo", "statistician" })
            {
                string row = CaseAccessPolicyTests.ExpectedRow(role, names[id]);
                for (int i = 0; i < CaseAccessPolicyTests.OperationOrder.Count; i++)
                {
                    var op = CaseAccessPolicyTests.OperationOrder[i];
                    Assert.True(
                        (row[i] == 'y') == CaseAccessPolicy.Decide(CaseAccessPolicyTests.Caller(Me, role), op, ties).Allowed,
                        $"{role} × {op} × {names[id]}: expected {(row[i] == 'y' ? "allowed" : "refused")}");
                    cells++;
                }
            }
        }

        Assert.Equal(5 * 6 * 17, cells);
        Assert.Equal(["agency_a"], (await h.Api.Ties.ReadAsync("inv-1"))!.JusticeAgencies);
    }

    [Fact]
    public async Task UnrelatedCaseWorker_Gets403ForEveryWrite_AndNoIdentity()
    {
        var h = new Harness(await storage.NewTablesAsync());
        await h.CreateAsync(Owner, "case-1");
        JsonOf(await h.StartAsync(Owner, "case-1", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}"""), 201);
        await h.ReferAsync("case-1", "to-ngo", "yayasan_x");
        string etag = await h.ETagAsync("case-1");

        var writes = new Dictionary<string, IActionResult>
        {
            ["start case_management"] = await h.StartAsync(Unrelated, "case-1", """{"workflow": "case_management", "subject_id": "x", "facts": {"risk_level": "sedang"}}"""),
            ["start service"] = await h.StartAsync(Unrelated, "case-1", """{"workflow": "service", "subject_id": "s-1", "facts": {"service_type": "rehabilitasi_kesehatan"}}"""),
            ["start referral"] = await h.StartAsync(Unrelated, "case-1", """{"workflow": "referral", "subject_id": "r-2", "facts": {"referral_kind": "referral", "to_agency": "dinsos_ttu"}}"""),
            ["start criminal_justice"] = await h.StartAsync(Unrelated, "case-1", """{"workflow": "criminal_justice"}"""),
            ["start restitution"] = await h.StartAsync(Unrelated, "case-1", """{"workflow": "restitution", "subject_id": "rs-1", "facts": {"restitution_basis": "uu21_tahun2007"}}"""),
            ["move case_management"] = await h.MoveAsync(Unrelated, "case-1", """{"workflow": "case_management", "to": "assessment"}"""),
            ["accept another's referral"] = await h.MoveAsync(Unrelated, "case-1", """{"workflow": "referral", "subject_id": "to-ngo", "to": "accepted"}"""),
            ["revoke"] = await h.MoveAsync(Unrelated, "case-1", """{"workflow": "referral", "subject_id": "to-ngo", "to": "revoked", "reason": "x"}"""),
            ["spdp"] = await h.Workflows.RecordSpdpAsync(Request("POST", Unrelated, """{"sent_on": "2026-03-09"}"""), "case-1", CancellationToken.None),
            ["amend"] = await h.Amendments.AmendAsync(Request("POST", Unrelated, """{"offence_date": "2025-11-01", "reason": "BAP"}""", "", ("If-Match", etag)), "case-1", CancellationToken.None),
            ["consent"] = await h.Consent.RecordAsync(Request("POST", Unrelated, """{"for_services": true, "for_reporting": true, "for_sharing": false, "given_by": "parent_or_guardian"}""", "", ("If-Match", etag)), "case-1", "victim-1", CancellationToken.None),
            ["assign"] = await h.Referrals.AssignAsync(Request("PUT", Unrelated, """{"assigned_to": "worker-9"}"""), "case-1", CancellationToken.None),
        };

        Assert.Equal(
            string.Join('\n', writes.Keys.Select(k => $"{k}=403")),
            string.Join('\n', writes.Select(p => $"{p.Key}={Code(p.Value)}")));
        Assert.Equal("200R", await h.ReadCellAsync(Unrelated, "case-1"));
        Assert.Equal(etag, await h.ETagAsync("case-1")); // nothing was written
        var timeline = JsonOf(await h.Workflows.TimelineAsync(Request("GET", Unrelated), "case-1", CancellationToken.None), 200);
        Assert.All(timeline.GetProperty("workflows").EnumerateArray(), w => Assert.Empty(w.GetProperty("allowed_targets").EnumerateArray()));
    }

    [Fact]
    public async Task ReceivingNgo_AcceptsAReferral_ThenReadsIdentityOnlyWhileConsentToShareHolds()
    {
        var h = new Harness(await storage.NewTablesAsync());
        await h.CreateAsync(Owner, "case-1");
        await h.ReferAsync("case-1", "shelter", "yayasan_x");

        var inbox = Content(await h.Referrals.ListAsync(Request("GET", Ngo, query: "?to=me&status=in_progress"), CancellationToken.None), 200).Content!;
        var item = Assert.Single(JsonDocument.Parse(inbox).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("case-1", item.GetProperty("case_id").GetString());
        Assert.Equal("uptd_ppa_ttu", item.GetProperty("from_agency").GetString()); // filled from the caller, not the body
        Assert.All(Secrets, s => Assert.DoesNotContain(s, inbox, StringComparison.Ordinal));
        Assert.Equal("200R", await h.ReadCellAsync(Ngo, "case-1")); // addressed: the case without identity

        JsonOf(await h.MoveAsync(Ngo, "case-1", """{"workflow": "referral", "subject_id": "shelter", "to": "accepted"}"""), 200);
        Assert.Equal("200I", await h.ReadCellAsync(Ngo, "case-1"));
        Assert.Empty(JsonOf(await h.Referrals.ListAsync(Request("GET", Ngo, query: "?status=in_progress"), CancellationToken.None), 200).GetProperty("items").EnumerateArray());

        // The guardian withdraws the consent to share (ADR-018): the referred NGO keeps the case, not the identity.
        JsonOf(await h.Consent.RecordAsync(Request("POST", Owner, """{"for_services": true, "for_reporting": true, "for_sharing": false, "given_by": "parent_or_guardian", "reason": "wali menarik persetujuan"}""", "", ("If-Match", await h.ETagAsync("case-1"))), "case-1", "victim-1", CancellationToken.None), 200);
        Assert.Equal("200R", await h.ReadCellAsync(Ngo, "case-1"));
        Assert.Equal("200I", await h.ReadCellAsync(Owner, "case-1"));
    }

    [Fact]
    public async Task RejectedReferral_GivesNothing_AndAForeignFromAgencyIsRefused()
    {
        var h = new Harness(await storage.NewTablesAsync());
        await h.CreateAsync(Owner, "case-1");
        var spoofed = await h.StartAsync(Owner, "case-1", """{"workflow": "referral", "subject_id": "r-1", "facts": {"referral_kind": "referral", "from_agency": "dinsos_ttu", "to_agency": "yayasan_x"}}""");
        Assert.Contains("from_agency must be the caller's own agency", Problem(spoofed, 403).Detail, StringComparison.Ordinal);

        await h.ReferAsync("case-1", "r-1", "yayasan_x");
        JsonOf(await h.MoveAsync(Ngo, "case-1", """{"workflow": "referral", "subject_id": "r-1", "to": "rejected", "reason": "kapasitas penuh"}"""), 200);
        Assert.Equal("403", await h.ReadCellAsync(Ngo, "case-1"));
        var list = JsonOf(await h.Referrals.ListAsync(Request("GET", Ngo, query: "?to=me"), CancellationToken.None), 200);
        Assert.Equal("rejected", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("state").GetString());
        Problem(await h.Referrals.ListAsync(Request("GET", Ngo, query: "?to=dinsos_ttu"), CancellationToken.None), 403);
        Assert.Equal("status", Assert.Single(ValidationProblem(await h.Referrals.ListAsync(Request("GET", Ngo, query: "?status=open"), CancellationToken.None)).Keys));
    }

    [Fact]
    public async Task AcceptedTransfer_MovesTheOwner_InTheHistory_AndTheOldOwnerKeepsOnlyWhatTheTableGives()
    {
        var h = new Harness(await storage.NewTablesAsync());
        await h.CreateAsync(Owner, "case-1");
        JsonOf(await h.Referrals.AssignAsync(Request("PUT", Owner, """{"assigned_to": "worker-1"}"""), "case-1", CancellationToken.None), 200);
        await h.ReferAsync("case-1", "t-1", "dinsos_ttu", "transfer");
        Assert.Equal("uptd_ppa_ttu", (await h.Api.Ties.ReadAsync("case-1"))!.OwnerAgency);

        JsonOf(await h.MoveAsync(Unrelated, "case-1", """{"workflow": "referral", "subject_id": "t-1", "to": "accepted", "reason": "wilayah domisili korban"}"""), 200);

        var ties = (await h.Api.Ties.ReadAsync("case-1"))!;
        Assert.Equal("dinsos_ttu", ties.OwnerAgency);
        Assert.Null(ties.AssignedTo); // the old agency's assignee goes with the old ownership
        Assert.Equal("200I", await h.ReadCellAsync(Unrelated, "case-1")); // dinsos_ttu now owns it
        Assert.Equal("200R", await h.ReadCellAsync(Owner, "case-1"));
        string etag = (await h.Api.GetAsync(Unrelated, "case-1")).Response.Headers.ETag.ToString();
        Problem(await h.Amendments.AmendAsync(Request("POST", Owner, """{"offence_date": "2025-11-01", "reason": "BAP"}""", "", ("If-Match", etag)), "case-1", CancellationToken.None), 403);
        JsonOf(await h.Amendments.AmendAsync(Request("POST", Unrelated, """{"offence_date": "2025-11-01", "reason": "BAP"}""", "", ("If-Match", etag)), "case-1", CancellationToken.None), 200);

        var history = JsonOf(await h.Amendments.HistoryAsync(Request("GET", Unrelated), "case-1", CancellationToken.None), 200);
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["assigned", "ownership_transferred", "offence_date_recorded"], entries.Select(e => e.GetProperty("kind").GetString()));
        var moved = entries[1];
        Assert.Equal(
            ["owner_agency:\"uptd_ppa_ttu\"->\"dinsos_ttu\"", "assigned_to:\"worker-1\"->"],
            moved.GetProperty("fields").EnumerateArray().Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("old_json").GetString()}->{f.GetProperty("new_json").GetString()}"));
        Assert.Equal("wilayah domisili korban", moved.GetProperty("reason").GetString()); // the reason, to the new owner
    }

    [Fact]
    public async Task Assignment_IsRecorded_AndOnlyTheAssigneeMovesCaseManagement()
    {
        var h = new Harness(await storage.NewTablesAsync());
        var colleague = ("worker-2", (string?)"uptd_ppa_ttu", new[] { "case_worker" });
        await h.CreateAsync(Owner, "case-1");
        JsonOf(await h.StartAsync(Owner, "case-1", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}"""), 201);

        var assigned = JsonOf(await h.Referrals.AssignAsync(Request("PUT", Owner, """{"assigned_to": "worker-2"}"""), "case-1", CancellationToken.None), 200);
        Assert.Equal("worker-2", assigned.GetProperty("assigned_to").GetString());
        Assert.Equal(1, assigned.GetProperty("history_sequence").GetInt32());
        Assert.Equal(0, JsonOf(await h.Referrals.AssignAsync(Request("PUT", Owner, """{"assigned_to": "worker-2"}"""), "case-1", CancellationToken.None), 200).GetProperty("history_sequence").GetInt32());

        Assert.Contains("assigned to another case worker", Problem(await h.MoveAsync(Owner, "case-1", """{"workflow": "case_management", "to": "assessment"}"""), 403).Detail, StringComparison.Ordinal);
        JsonOf(await h.MoveAsync(colleague, "case-1", """{"workflow": "case_management", "to": "assessment"}"""), 200);

        Assert.Equal("reason", Assert.Single(ValidationProblem(await h.Referrals.AssignAsync(Request("PUT", Owner, """{"assigned_to": "worker-1"}"""), "case-1", CancellationToken.None)).Keys));
        Assert.Equal(2, JsonOf(await h.Referrals.AssignAsync(Request("PUT", Owner, """{"assigned_to": "worker-1", "reason": "cuti"}"""), "case-1", CancellationToken.None), 200).GetProperty("history_sequence").GetInt32());
        Assert.Equal("worker-1", (await h.Api.Ties.ReadAsync("case-1"))!.AssignedTo);
    }

    [Fact]
    public async Task Timeline_WithholdsReasons_GivenACallerWhoMayNotSeeIdentity()
    {
        var h = new Harness(await storage.NewTablesAsync());
        const string Reason = "Korban dipindahkan ke rumah aman bersama ibunya";
        await h.CreateAsync(Owner, "case-1");
        JsonOf(await h.StartAsync(Owner, "case-1", """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}"""), 201);
        JsonOf(await h.MoveAsync(Owner, "case-1", $$"""{"workflow": "case_management", "to": "assessment", "reason": "{{Reason}}"}"""), 200);

        var mine = Content(await h.Workflows.TimelineAsync(Request("GET", Owner), "case-1", CancellationToken.None), 200).Content!;
        var theirs = Content(await h.Workflows.TimelineAsync(Request("GET", Unrelated), "case-1", CancellationToken.None), 200).Content!;

        Assert.Contains(Reason, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, theirs, StringComparison.Ordinal);
        var events = JsonDocument.Parse(theirs).RootElement.GetProperty("workflows")[0].GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([false, true], events.Select(e => e.GetProperty("reason_withheld").GetBoolean()));
        Assert.All(events, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("reason").ValueKind));
    }

    private static IDictionary<string, string[]> ValidationProblem(IActionResult result) =>
        Assert.IsType<ValidationProblemDetails>(Assert.IsType<ObjectResult>(result).Value).Errors;
}
