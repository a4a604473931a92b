using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Application.Cases;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>Amendments and history of a stored case through the function class on Azurite (ADR-017): each amendment
/// changes what it names and writes one history entry in the same transaction; a missing (428) or stale (412)
/// If-Match and bad input (400 naming the field) write nothing; identity in the history only for the owner.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseAmendmentFunctionTests(AzuriteFixture storage)
{
    private sealed class Harness(TaskForceTables tables)
    {
        public CaseApi Api { get; } = new(tables);

        public TaskForceTables Tables => tables;

        public ListLogger<GetCaseHistoryUseCase> HistoryAudit { get; } = new();

        public CaseAmendmentFunctions Functions => new(
            new AmendCaseUseCase(Api.Repository, Api.Clock, Zone),
            new GetCaseHistoryUseCase(Api.Repository, Api.Repository, Api.Ties, Api.Clock, HistoryAudit),
            Api.Pipeline);

        public async Task<string> ETagAsync(string id = "case-ttu-001") => (await Api.GetAsync(OwnerWorker, id)).Response.Headers.ETag.ToString();

        public async Task<IActionResult> AmendAsync((string, string?, string[]) who, string body, string? ifMatch, string id = "case-ttu-001")
        {
            var req = ifMatch is null ? Request("POST", who, body) : Request("POST", who, body, string.Empty, ("If-Match", ifMatch));
            return await Functions.AmendAsync(req, id, CancellationToken.None);
        }

        public async Task<JsonElement> HistoryAsync((string, string?, string[]) who, string id = "case-ttu-001") =>
            JsonOf(await Functions.HistoryAsync(Request("GET", who), id, CancellationToken.None), 200);
    }

    private async Task<Harness> WithCaseAsync()
    {
        var h = new Harness(await storage.NewTablesAsync());
        JsonOf(await h.Api.PostAsync(OwnerWorker, Body(Intake())), 201);
        return h;
    }

    // Victim-1 is a girl born 2008-05-01 (17 at the act on 2025-11-20) with NIK 5303014105080001; corrected: born
    // 2006-05-01, NIK 5303014105060001 (digits 7–12: 41 05 06, a woman born 1 May 2006), 19 at the act.
    private const string BirthDateCorrection = """
        {"reason": "Akta kelahiran diperiksa", "correct_persons": [{"person_id": "victim-1", "victim": {
          "sex": "female", "birth_date": "2006-05-01", "citizenship": "ID", "disability": false, "migrant_worker_status": "non_procedural",
          "identity": {"full_name": "Yohana Sanam", "aliases": ["Nona Kefa"], "national_id_number": "5303014105060001", "address": "RT 02 Desa Oelbonak", "phone": "+62 812 3799 1234", "birth_place": "Oelbonak"}}}]}
        """;

    [Fact]
    public async Task Amend_CorrectsTheVictimAndWritesOneHistoryEntry_GivenACorrectedBirthDate()
    {
        var h = await WithCaseAsync();
        string etag = await h.ETagAsync();

        var body = JsonOf(await h.AmendAsync(OwnerWorker, BirthDateCorrection, etag), 200);

        var change = Assert.Single(body.GetProperty("changes").EnumerateArray());
        Assert.Equal("person_corrected", change.GetProperty("kind").GetString());
        Assert.Equal("victim-1", change.GetProperty("person_id").GetString());
        Assert.Equal(
            ["victims[victim-1].age_at_offence", "victims[victim-1].birth_date", "victims[victim-1].identity.national_id_number"],
            change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).Order(StringComparer.Ordinal));
        Assert.NotEqual(etag, body.GetProperty("etag").GetString());

        var stored = (await h.Api.Repository.GetAsync(Domain.Cases.CaseId.Parse("case-ttu-001", "id")))!.Record;
        Assert.Equal(19, stored.Victims[0].AgeAtOffence);
        Assert.Equal(Domain.Indicators.ChildStatus.Adult, stored.Victims[0].ChildStatusAtOffence());

        var history = await h.HistoryAsync(OwnerWorker);
        var entry = Assert.Single(history.GetProperty("entries").EnumerateArray());
        Assert.Equal("Akta kelahiran diperiksa", entry.GetProperty("reason").GetString());
        Assert.Equal("worker-1", entry.GetProperty("actor_id").GetString());
        Assert.Equal("uptd_ppa_ttu", entry.GetProperty("actor_agency").GetString());
        var age = entry.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "victims[victim-1].age_at_offence");
        Assert.Equal("17", age.GetProperty("old_json").GetString());
        Assert.Equal("19", age.GetProperty("new_json").GetString());

        // Neither the old nor the new NIK or birth date is in clear in any row.
        var rows = string.Join('\n', await RawRowsAsync(h.Tables));
        foreach (string secret in Secrets.Append("5303014105060001").Append("2006-05-01").Append("Akta kelahiran"))
        {
            Assert.DoesNotContain(secret, rows, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Amend_Returns428AndWritesNothing_GivenNoIfMatch()
    {
        var h = await WithCaseAsync();
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        var problem = Problem(await h.AmendAsync(OwnerWorker, BirthDateCorrection, ifMatch: null), 428);

        Assert.Contains("If-Match", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task Amend_Returns412AndWritesNothing_GivenAStaleIfMatch()
    {
        var h = await WithCaseAsync();
        string stale = await h.ETagAsync();
        JsonOf(await h.AmendAsync(OwnerWorker, """{"offence_date": "2025-11-01", "reason": "BAP"}""", stale), 200);
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        Problem(await h.AmendAsync(OwnerWorker, BirthDateCorrection, stale), 412);

        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
    }

    [Theory]
    [InlineData("""{"reason": "x", "correct_persons": [{"person_id": "victim-1", "victim": {"sex": "female", "birth_date": "2006-05-01", "identity": {"national_id_number": "5303014105080001"}}}]}""", "correct_persons[0].victim.identity.national_id_number")]
    [InlineData("""{"reason": "x", "correct_persons": [{"person_id": "victim-1", "victim": {"sex": "male", "birth_date": "2008-05-01", "identity": {"national_id_number": "5303014105080001"}}}]}""", "correct_persons[0].victim.identity.national_id_number")]
    [InlineData("""{"reason": "x", "header": {"region": "*"}}""", "header.region")]
    [InlineData("""{"add_victims": [{"sex": "female"}, {"sex": "f"}]}""", "add_victims[1].sex")]
    [InlineData("""{"remove_persons": ["witness-1"]}""", "reason")]
    [InlineData("""{"reason": "x", "remove_persons": ["witness-7"]}""", "remove_persons[0]")]
    [InlineData("""{"reason": "x", "colour": "red"}""", "colour")]
    public async Task Amend_Returns400NamingTheFieldAndWritesNothing_GivenBadInput(string body, string field)
    {
        var h = await WithCaseAsync();
        string etag = await h.ETagAsync();
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        var problem = Assert.IsType<ValidationProblemDetails>(Problem(await h.AmendAsync(OwnerWorker, body, etag), 400));

        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task Amend_DeletesThePersonRowAndRetiresTheId_GivenAPersonRemoved()
    {
        var h = await WithCaseAsync();

        JsonOf(await h.AmendAsync(OwnerWorker, """{"reason": "Saksi dicatat pada kasus yang salah", "remove_persons": ["witness-1"]}""", await h.ETagAsync()), 200);
        var added = JsonOf(await h.AmendAsync(OwnerWorker, """{"add_witnesses": [{"child": true}]}""", await h.ETagAsync()), 200);

        var rows = await RawRowsAsync(h.Tables);
        Assert.DoesNotContain(rows, r => r.Contains("/person|witness-1/", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("/person|witness-2/", StringComparison.Ordinal));
        Assert.Equal("witness-2", added.GetProperty("changes")[0].GetProperty("person_id").GetString());
        Assert.DoesNotContain(WitnessName, string.Join('\n', rows), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_WritesNoRowAndRetiresTheId_GivenAPersonAddedAndRemovedInOneAmendment()
    {
        var h = await WithCaseAsync();

        var body = JsonOf(await h.AmendAsync(OwnerWorker, """{"reason": "Salah input", "add_witnesses": [{"child": false}], "remove_persons": ["witness-2"]}""", await h.ETagAsync()), 200);

        Assert.Equal(["person_added", "person_removed"], body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        var rows = await RawRowsAsync(h.Tables);
        Assert.DoesNotContain(rows, r => r.Contains("/person|witness-2/", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("RetiredPersonIds=witness-2", StringComparison.Ordinal));
        Assert.Equal(2, (await h.HistoryAsync(OwnerWorker)).GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task History_WithholdsIdentityAndReasons_GivenAnotherAgencysWorker()
    {
        var h = await WithCaseAsync();
        JsonOf(await h.AmendAsync(OwnerWorker, BirthDateCorrection, await h.ETagAsync()), 200);

        var other = await h.HistoryAsync(OtherWorker);

        Assert.True(other.GetProperty("identity_withheld").GetBoolean());
        var entry = other.GetProperty("entries")[0];
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("reason").ValueKind);
        var nik = entry.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "victims[victim-1].identity.national_id_number");
        Assert.True(nik.GetProperty("identifying").GetBoolean());
        Assert.Equal(JsonValueKind.Null, nik.GetProperty("old_json").ValueKind);
        Assert.Equal(JsonValueKind.Null, nik.GetProperty("new_json").ValueKind);
        Assert.DoesNotContain("5303014105", other.GetRawText(), StringComparison.Ordinal);
        var audit = Assert.Single(h.HistoryAudit.Entries);
        Assert.Equal(GetCaseUseCase.IdentityWithheld, audit.Id);
        Assert.Contains("worker-9", audit.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5303014105", audit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ShowsIdentityAndAuditsTheRead_GivenTheCoordinator()
    {
        var h = await WithCaseAsync();
        JsonOf(await h.AmendAsync(OwnerWorker, BirthDateCorrection, await h.ETagAsync()), 200);

        var shown = await h.HistoryAsync(Coordinator);

        Assert.False(shown.GetProperty("identity_withheld").GetBoolean());
        var nik = shown.GetProperty("entries")[0].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "victims[victim-1].identity.national_id_number");
        Assert.Equal("\"5303014105080001\"", nik.GetProperty("old_json").GetString());
        Assert.Equal("\"5303014105060001\"", nik.GetProperty("new_json").GetString());
        Assert.Equal(GetCaseUseCase.IdentityShown, Assert.Single(h.HistoryAudit.Entries).Id);
    }

    [Fact]
    public async Task Amend_Returns403_GivenAStatistician()
    {
        var h = await WithCaseAsync();

        Problem(await h.AmendAsync(Statistician, """{"offence_date": "2025-11-01", "reason": "x"}""", await h.ETagAsync()), 403);
    }

    [Fact]
    public async Task Amend_KeepsEveryWinnerInTheHistory_Given64ConcurrentAmendments()
    {
        var h = await WithCaseAsync();

        // 64 writers each read the case and add one witness, with a reason that names the writer.
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            string etag = await h.ETagAsync();
            var result = await h.AmendAsync(OwnerWorker, $$"""{"reason": "writer {{i}}", "add_witnesses": [{"child": false}]}""", etag);
            return (Writer: i, Status: result is ContentResult c ? c.StatusCode : ((ObjectResult)result).StatusCode, Result: result);
        }));

        Assert.All(results, r => Assert.Contains(r.Status, new int?[] { 200, 412 }));
        var winners = results.Where(r => r.Status == 200).ToList();
        Assert.NotEmpty(winners);
        var winnerIds = winners.Select(w => JsonOf(w.Result, 200).GetProperty("changes")[0].GetProperty("person_id").GetString()!).ToList();

        var history = (await h.HistoryAsync(OwnerWorker)).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(winners.Count, history.Count);
        Assert.Equal(winners.Select(w => $"writer {w.Writer}").Order(StringComparer.Ordinal), history.Select(e => e.GetProperty("reason").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(winnerIds.Order(StringComparer.Ordinal), history.Select(e => e.GetProperty("person_id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, winners.Count), history.Select(e => e.GetProperty("sequence").GetInt32()));
        var stored = (await h.Api.Repository.GetAsync(Domain.Cases.CaseId.Parse("case-ttu-001", "id")))!.Record;
        Assert.Equal(1 + winners.Count, stored.Witnesses.Count);
    }
}
