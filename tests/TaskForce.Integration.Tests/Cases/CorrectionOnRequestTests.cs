using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>A correction at the request of the person recorded (UU 27/2022 Pasal 6), made by amendment with
/// <c>on_request_of_subject</c>, is logged in the subject-request log (ADR-019) by case and person id only.</summary>
[Collection(StorageGroup.Name)]
public sealed class CorrectionOnRequestTests(AzuriteFixture storage)
{
    private const string Correction = """
        {"reason": "Permintaan yang bersangkutan", "on_request_of_subject": true, "correct_persons": [{"person_id": "victim-1", "victim": {
          "sex": "female", "birth_date": "2008-05-01", "citizenship": "ID", "disability": false, "migrant_worker_status": "non_procedural",
          "identity": {"full_name": "Yohana Sanam Kefa", "aliases": ["Nona Kefa"], "national_id_number": "5303014105080001", "address": "RT 02 Desa Oelbonak", "phone": "+62 812 3799 1234", "birth_place": "Oelbonak"}}}]}
        """;

    private static async Task<(CaseApi Api, CaseAmendmentFunctions Functions, TableSubjectRequestLog Log, TaskForceTables Tables)> SetUpAsync(TaskForceTables tables)
    {
        var api = new CaseApi(tables);
        JsonOf(await api.PostAsync(OwnerWorker, Body(Intake())), 201);
        var log = new TableSubjectRequestLog(tables);
        var functions = new CaseAmendmentFunctions(
            new AmendCaseUseCase(api.Repository, api.Clock, Zone, log),
            new GetCaseHistoryUseCase(api.Repository, api.Repository, api.Ties, api.Clock, new ListLogger<GetCaseHistoryUseCase>()),
            api.Pipeline);
        return (api, functions, log, tables);
    }

    private static async Task<IActionResult> AmendAsync(CaseApi api, CaseAmendmentFunctions functions, (string, string?, string[]) who, string body)
    {
        string etag = (await api.GetAsync(Coordinator, "case-ttu-001")).Response.Headers.ETag.ToString();
        return await functions.AmendAsync(Request("POST", who, body, string.Empty, ("If-Match", etag)), "case-ttu-001", CancellationToken.None);
    }

    [Fact]
    public async Task Amend_LogsACorrectionNamingTheRecord_GivenOnRequestOfSubjectFromTheCoordinator()
    {
        var (api, functions, log, tables) = await SetUpAsync(await storage.NewTablesAsync());

        JsonOf(await AmendAsync(api, functions, Coordinator, Correction), 200);

        var entry = Assert.Single(await log.ListAsync(10));
        Assert.Equal((SubjectRequestKind.Correction, SubjectRequestOutcome.Completed, "coord-1", "gugus_tugas_ttu"), (entry.Kind, entry.Outcome, entry.HandledBy, entry.Agency));
        Assert.Equal(["case-ttu-001/victim-1"], entry.Records);
        Assert.Equal(api.Clock.GetCurrentInstant(), entry.At);
        var rows = string.Join('\n', await RawRowsAsync(tables));
        Assert.DoesNotContain("Yohana Sanam Kefa", rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_Returns403AndLogsNothing_GivenOnRequestOfSubjectFromACaseWorker()
    {
        var (api, functions, log, _) = await SetUpAsync(await storage.NewTablesAsync());

        Problem(await AmendAsync(api, functions, OwnerWorker, Correction), 403);

        Assert.Empty(await log.ListAsync(10));
    }

    [Fact]
    public async Task Amend_Returns400NamingTheFlag_GivenOnRequestOfSubjectWithoutACorrection()
    {
        var (api, functions, log, _) = await SetUpAsync(await storage.NewTablesAsync());

        var problem = Assert.IsType<ValidationProblemDetails>(Problem(await AmendAsync(api, functions, Coordinator, """{"on_request_of_subject": true, "offence_date": "2025-11-21", "reason": "x"}"""), 400));

        Assert.Contains("on_request_of_subject", problem.Errors.Keys);
        Assert.Empty(await log.ListAsync(10));
    }
}
