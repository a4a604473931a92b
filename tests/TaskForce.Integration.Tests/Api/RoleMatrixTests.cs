using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using TaskForce.Application.Cases;
using TaskForce.Application.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Api;

/// <summary>
/// Every role × every case endpoint × a case of the caller's own agency and of an unrelated agency, against Azurite. The
/// expected table is written by hand from issues 7 and 14 (identity only for the owning agency and the coordinator, UU
/// 21/2007 Pasal 44; a statistician sees aggregates only; a partner NGO works on its own cases; the criminal-justice
/// track is the police's and the prosecutor's, the SPDP date also the owner's to record; an unrelated agency changes nothing, ADR-020) — not
/// computed from the policy. The relationships other than own and unrelated are in <c>RelationshipMatrixTests</c>.
/// Cells: status code, and for a 200 read <c>I</c> = identity shown, <c>R</c> = identity redacted.
/// The endpoints without a person (indicators, snapshots, estimates, detention checks, openapi.json) are guarded by
/// function keys only and are role-independent, so they are not in this table.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class RoleMatrixTests(AzuriteFixture storage)
{
    private const string CallerAgency = "agency_a";
    private const string OtherAgency = "uptd_ppa_ttu";

    private static readonly string[] Columns =
    [
        "post", "list", "get_own", "get_other", "qualify_own", "qualify_other", "timeline_own", "timeline_other",
        "start_own", "start_other", "transition_own", "transition_other", "spdp_own", "spdp_other",
    ];

    public static TheoryData<string, string> Expected() => new()
    {
        { "coordinator",         "201 200 200I 200I 200 200 200 200 201 201 200 200 200 200" },
        { "case_worker",         "201 200 200I 200R 200 200 200 200 403 403 200 403 200 403" },
        { "police_investigator", "201 200 200I 200R 200 200 200 200 201 403 200 403 200 403" },
        { "prosecutor",          "201 200 200I 200R 200 200 200 200 201 403 200 403 200 403" },
        { "partner_ngo",         "201 200 200I 403 200 403 200 403 403 403 200 403 200 403" },
        { "statistician",        "403 403 403 403 403 403 403 403 403 403 403 403 403 403" },
        { "anonymous",           "401 401 401 401 401 401 401 401 401 401 401 401 401 401" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Endpoints_AnswerAsTheMatrixSays_GivenEachRoleOnOwnAndOtherAgencysCase(string role, string expected)
    {
        var h = new Harness(await storage.NewTablesAsync());
        var ownWorker = ("own-worker", (string?)CallerAgency, new[] { "case_worker" });
        var otherWorker = ("other-worker", (string?)OtherAgency, new[] { "case_worker" });
        JsonOf(await h.Api.PostAsync(ownWorker, Body(Intake("own-1"))), 201);
        JsonOf(await h.Api.PostAsync(otherWorker, Body(Intake("other-1"))), 201);
        const string start = """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}""";
        JsonOf(await h.Functions.StartAsync(Request("POST", ownWorker, start), "own-1", CancellationToken.None), 201);
        JsonOf(await h.Functions.StartAsync(Request("POST", otherWorker, start), "other-1", CancellationToken.None), 201);
        h.Api.Audit.Entries.Clear();

        (string, string?, string[])? who = role == "anonymous" ? null : ("caller-1", CallerAgency, [role]);
        var cells = new List<string>
        {
            Status(await h.Api.Functions.PostCaseAsync(Request("POST", who, Body(Intake("new-1"))), CancellationToken.None)),
            ListCell(await h.Api.Functions.ListCasesAsync(Request("GET", who), CancellationToken.None)),
        };
        foreach (string id in new[] { "own-1", "other-1" })
        {
            cells.Add(ReadCell(await h.Api.Functions.GetCaseAsync(Request("GET", who), id, CancellationToken.None)));
        }

        foreach (string id in new[] { "own-1", "other-1" })
        {
            cells.Add(Status(await h.Api.Functions.QualifyCaseAsync(Request("POST", who), id, CancellationToken.None)));
        }

        foreach (string id in new[] { "own-1", "other-1" })
        {
            cells.Add(Status(await h.Functions.TimelineAsync(Request("GET", who), id, CancellationToken.None)));
        }

        foreach (string id in new[] { "own-1", "other-1" })
        {
            cells.Add(Status(await h.Functions.StartAsync(Request("POST", who, """{"workflow": "criminal_justice"}"""), id, CancellationToken.None)));
        }

        foreach (string id in new[] { "own-1", "other-1" })
        {
            cells.Add(Status(await h.Functions.TransitionAsync(Request("POST", who, """{"workflow": "case_management", "to": "assessment"}"""), id, CancellationToken.None)));
        }

        foreach (string id in new[] { "own-1", "other-1" })
        {
            cells.Add(Status(await h.Functions.RecordSpdpAsync(Request("POST", who, """{"sent_on": "2026-03-09"}"""), id, CancellationToken.None)));
        }

        Assert.Equal(Columns.Length, cells.Count);
        Assert.Equal(
            string.Join('\n', Columns.Zip(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), (c, e) => $"{c}={e}")),
            string.Join('\n', Columns.Zip(cells, (c, e) => $"{c}={e}")));

        // Every read of a case with identity is audited, shown or withheld, naming the caller but no identity value.
        var reads = h.Api.Audit.Entries.Where(e => e.Id == GetCaseUseCase.IdentityShown || e.Id == GetCaseUseCase.IdentityWithheld).ToList();
        int expectedReads = expected.Split(' ').Skip(2).Take(2).Count(c => c.StartsWith("200", StringComparison.Ordinal));
        Assert.Equal(expectedReads, reads.Count);
        Assert.All(reads, e => Assert.Contains("caller-1", e.Message, StringComparison.Ordinal));
        if (expected.Split(' ')[3] == "200R")
        {
            Assert.Contains(reads, e => e.Id == GetCaseUseCase.IdentityWithheld && e.Message.Contains("other-1", StringComparison.Ordinal));
        }

        string logs = h.Api.Audit.AllText() + h.Api.CreateLog.AllText();
        Assert.All(Secrets, s => Assert.DoesNotContain(s, logs, StringComparison.Ordinal));
    }

    private static string Status(IActionResult result) => result switch
    {
        ContentResult c => c.StatusCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ObjectResult o => ProblemStatus(o),
        _ => throw new InvalidOperationException(result.GetType().Name),
    };

    private static string ProblemStatus(ObjectResult o)
    {
        Assert.Contains(Problems.MediaType, o.ContentTypes);
        return o.StatusCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ReadCell(IActionResult result)
    {
        string status = Status(result);
        if (status != "200")
        {
            return status;
        }

        var doc = JsonDocument.Parse(((ContentResult)result).Content!).RootElement;
        string text = doc.GetRawText();
        bool visible = doc.GetProperty("identity_visible").GetBoolean();
        if (visible)
        {
            Assert.Contains(VictimName, text, StringComparison.Ordinal);
            Assert.Contains(VictimNik, text, StringComparison.Ordinal);
        }
        else
        {
            Assert.All(Secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        }

        return visible ? "200I" : "200R";
    }

    /// <summary>A list is aggregates-of-cases: no person-level field for anyone.</summary>
    private static string ListCell(IActionResult result)
    {
        string status = Status(result);
        if (status == "200")
        {
            string text = ((ContentResult)result).Content!;
            Assert.All(Secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
            foreach (string field in new[] { "identity", "birth_date", "full_name", "national_id_number", "address", "phone" })
            {
                Assert.DoesNotContain($"\"{field}\"", text, StringComparison.Ordinal);
            }

            // Persons appear only as counts.
            foreach (var item in JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray())
            {
                foreach (var p in item.EnumerateObject().Where(p => p.Name is "victims" or "suspects" or "witnesses"))
                {
                    Assert.Equal(JsonValueKind.Number, p.Value.ValueKind);
                }
            }
        }

        return status;
    }

    private sealed class Harness
    {
        public Harness(TaskForceTables tables)
        {
            Api = new CaseApi(tables);
            var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
            var registry = WorkflowRegistry.Default;
            Functions = new CaseWorkflowFunctions(
                new CaseWorkflowsUseCase(
                    Api.Repository,
                    Api.Ties,
                    Api.Repository,
                    workflows,
                    registry,
                    new StartWorkflowUseCase(workflows, Api.Repository, registry, Api.Clock, Zone),
                    new TransitionWorkflowUseCase(workflows, Api.Repository, registry, Api.Clock, Zone, NullLogger<TransitionWorkflowUseCase>.Instance),
                    Api.Clock,
                    Zone),
                Api.Pipeline);
        }

        public CaseApi Api { get; }

        public CaseWorkflowFunctions Functions { get; }
    }
}
