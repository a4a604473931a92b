using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime.Testing;
using TaskForce.Application.Cases;
using TaskForce.Application.Detention;
using TaskForce.Integration.Tests.Detention;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Api;

/// <summary>
/// The bad-input corpus of issue 7: malformed requests to every HTTP function (broken JSON, wrong types, unknown
/// fields, wrong NIKs, impossible dates, forbidden key characters, quotes and OData operators in every string that
/// reaches a key or a query, oversize bodies and strings). Each must be answered with a 4xx problem+json, and every
/// row of every table (keys, ETags and values) must be the same before and after.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class BadInputCorpusTests(AzuriteFixture storage)
{
    private const string Case = "case-ttu-001";
    private const string Injection = "' or '1' eq '1";

    private static readonly Dictionary<string, Func<Harness, Task<IActionResult>>> Corpus = Build();

    public static TheoryData<string> Names() => [.. Corpus.Keys];

    [Fact]
    public void Corpus_HasAtLeastSixtyRequests() => Assert.True(Corpus.Count >= 60, $"{Corpus.Count} requests");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Request_Returns4xxProblemJson_AndLeavesTheStoreUnchanged(string name)
    {
        var h = await Harness.CreateAsync(storage);
        var before = await h.AllRowsAsync();

        var result = await Corpus[name](h);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.InRange(problem.StatusCode!.Value, 400, 499);
        Assert.Contains(Problems.MediaType, problem.ContentTypes);
        Assert.IsAssignableFrom<ProblemDetails>(problem.Value);
        Assert.Equal(before, await h.AllRowsAsync());
    }

    /// <summary>Every route that reads a body, sent one byte over its cap (a valid document padded with spaces).</summary>
    private static readonly Dictionary<string, Func<Harness, Task<IActionResult>>> OverTheCap = new(StringComparer.Ordinal)
    {
        ["post_case"] = h => h.Cases.PostAsync(OwnerWorker, Pad(Body(Intake("case-new")), HttpPipeline.DefaultMaxBodyBytes)),
        ["qualify"] = h => h.Cases.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, Pad("{}", HttpPipeline.DefaultMaxBodyBytes)), Case, CancellationToken.None),
        ["start"] = h => h.Workflows.StartAsync(Request("POST", OwnerWorker, Pad("""{"workflow": "referral", "facts": {"referral_kind": "shelter"}}""", HttpPipeline.DefaultMaxBodyBytes)), Case, CancellationToken.None),
        ["transition"] = h => h.Workflows.TransitionAsync(Request("POST", OwnerWorker, Pad("""{"workflow": "case_management", "to": "assessment"}""", HttpPipeline.DefaultMaxBodyBytes)), Case, CancellationToken.None),
        ["spdp"] = h => h.Workflows.RecordSpdpAsync(Request("POST", OwnerWorker, Pad("""{"sent_on": "2026-03-12"}""", HttpPipeline.DefaultMaxBodyBytes)), Case, CancellationToken.None),
        ["detention_check"] = h => h.Detention.PostAsync(Plain("POST", string.Empty, Pad(DetentionCheckCliTests.ContractExample, DetentionCheckFunctions.MaxBodyBytes)), CancellationToken.None),
        ["estimate"] = _ => new EstimateFunctions(TestPipeline.Trusted).PostEstimateAsync(Plain("POST", string.Empty, Pad("A,B,count\n1,0,5\n0,1,7\n1,1,2\n", EstimateFunctions.MaxBodyBytes)), CancellationToken.None),
    };

    public static TheoryData<string> BodyRoutes() => [.. OverTheCap.Keys];

    [Theory]
    [MemberData(nameof(BodyRoutes))]
    public async Task Body_Returns413ProblemJson_AndWritesNothing_GivenOneByteOverTheCap(string route)
    {
        var h = await Harness.CreateAsync(storage);
        var before = await h.AllRowsAsync();

        var result = await OverTheCap[route](h);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(413, problem.StatusCode);
        Assert.Contains(Problems.MediaType, problem.ContentTypes);
        var details = Assert.IsType<ValidationProblemDetails>(problem.Value);
        Assert.Contains("bytes", Assert.Single(details.Errors["body"]), StringComparison.Ordinal);
        Assert.Equal(before, await h.AllRowsAsync());
    }

    private static string Pad(string document, int cap) => document + new string(' ', cap + 1 - System.Text.Encoding.UTF8.GetByteCount(document));

    private static Dictionary<string, Func<Harness, Task<IActionResult>>> Build()
    {
        var c = new Dictionary<string, Func<Harness, Task<IActionResult>>>(StringComparer.Ordinal);

        // POST /api/cases: the body.
        void Post(string name, string body, params (string, string)[] headers) =>
            c.Add("post_case/" + name, h => h.Cases.PostAsync(OwnerWorker, body, headers));
        void PostTree(string name, Action<JsonObject> breakIt)
        {
            var tree = Tree(Intake("case-new"));
            breakIt(tree);
            Post(name, tree.ToJsonString());
        }

        Post("empty_body", string.Empty);
        Post("broken_json", "{\"id\": \"case-new\", ");
        Post("array", "[]");
        Post("null", "null");
        Post("string", "\"case\"");
        Post("trailing_garbage", Body(Intake("case-new")) + " x");
        Post("comment", "/* c */ " + Body(Intake("case-new")));
        Post("two_idempotency_keys", Body(Intake(null)), ("Idempotency-Key", "k1"), ("Idempotency-Key", "k2"));
        Post("oversize_body", Body(Intake("case-new")).Replace("\"walk_in\"", "\"walk_in\", \"pad\": \"" + new string('x', 300_000) + "\"", StringComparison.Ordinal));
        PostTree("region_number", t => t["region"] = 53.03);
        PostTree("reported_at_text", t => t["reported_at"] = "yesterday");
        PostTree("reported_at_number", t => t["reported_at"] = 1700000000);
        PostTree("victims_object", t => t["victims"] = new JsonObject());
        PostTree("victim_sex_number", t => t["victims"]![0]!["sex"] = 1);
        PostTree("unknown_top_field", t => t["nik"] = "5303014105080001");
        PostTree("unknown_nested_field", t => t["victims"]![0]!["nik"] = "5303014105080001");
        PostTree("nik_15_digits", t => t["victims"]![0]!["identity"]!["national_id_number"] = "530301410508000");
        PostTree("nik_letters", t => t["victims"]![0]!["identity"]!["national_id_number"] = "53030141O5080001");
        PostTree("nik_number_type", t => t["victims"]![0]!["identity"]!["national_id_number"] = 5303014105080001);
        PostTree("nik_male_for_female", t => t["victims"]![0]!["identity"]!["national_id_number"] = "5303010105080001");
        PostTree("nik_other_birth_date", t => t["victims"]![0]!["identity"]!["national_id_number"] = "5303014205080001");
        PostTree("nik_province_99", t => t["victims"]![0]!["identity"]!["national_id_number"] = "9903014105080001");
        PostTree("nik_day_32", t => t["victims"]![0]!["identity"]!["national_id_number"] = "5303013205080001");
        PostTree("nik_with_quote", t => t["victims"]![0]!["identity"]!["national_id_number"] = "530301410508'001");
        PostTree("offence_date_30_feb", t => t["offence_date"] = "2025-02-30");
        PostTree("offence_date_month_13", t => t["offence_date"] = "2025-13-01");
        PostTree("offence_date_future", t => t["offence_date"] = "2026-12-01");
        PostTree("offence_after_report", t => t["offence_date"] = "2026-03-05");
        PostTree("reported_at_future", t => t["reported_at"] = "2027-01-01T00:00:00Z");
        PostTree("birth_after_offence", t => t["victims"]![0]!["birth_date"] = "2025-12-01");
        PostTree("region_not_in_list", t => t["region"] = "53.99");
        PostTree("region_injection", t => t["region"] = "53.03" + Injection);
        PostTree("region_odata_operator", t => t["region"] = "53.03 or PartitionKey ne ''");
        PostTree("id_slash", t => t["id"] = "case/1");
        PostTree("id_hash", t => t["id"] = "case#1");
        PostTree("id_question", t => t["id"] = "case?1");
        PostTree("id_backslash", t => t["id"] = "case\\1");
        PostTree("id_control_char", t => t["id"] = "case\u0001");
        PostTree("id_quote_injection", t => t["id"] = "x" + Injection);
        PostTree("id_oversize", t => t["id"] = new string('a', 600));
        PostTree("case_type_injection", t => t["case_type"] = "tppo" + Injection);
        PostTree("case_type_unknown", t => t["case_type"] = "smuggling");
        PostTree("intake_channel_odata", t => t["intake_channel"] = "walk_in eq 'x'");
        PostTree("agency_name_oversize", t => t["reporting_agency"]!["name"] = new string('A', 5000));
        PostTree("victim_name_oversize", t => t["victims"]![0]!["identity"]!["full_name"] = new string('N', 40_000));
        PostTree("victim_address_oversize", t => t["victims"]![0]!["identity"]!["address"] = new string('R', 600));
        PostTree("aliases_too_many", t => t["victims"]![0]!["identity"]!["aliases"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)JsonValue.Create($"a{i}"))]));
        PostTree("victim_phone_letters", t => t["victims"]![0]!["identity"]!["phone"] = "call me");
        PostTree("origin_kecamatan_not_in_list", t => t["places"]!["origin_kecamatan"] = "53.03.25");
        PostTree("destination_country_unknown", t => t["places"]!["destination_country"] = "XX");
        PostTree("age_negative", t => { t["victims"]![1]!["age_at_offence"] = -1; });
        PostTree("age_200", t => { t["victims"]![1]!["age_at_offence"] = 200; });
        PostTree("act_unknown", t => t["elements"]!["acts"] = new JsonArray("perekrutan", "teleportasi"));
        PostTree("suspect_roles_empty", t => t["suspects"]![0]!["roles"] = new JsonArray());

        // GET /api/cases/{id}: the key.
        void Get(string name, string id) => c.Add("get_case/" + name, h => h.Cases.Functions.GetCaseAsync(Request("GET", OwnerWorker), id, CancellationToken.None));
        Get("id_injection", "x" + Injection);
        Get("id_slash", "a/b");
        Get("id_hash", "a#b");
        Get("id_oversize", new string('a', 1000));
        Get("id_empty", string.Empty);

        // GET /api/cases: every string that reaches a query.
        void List(string name, string query) => c.Add("list_cases/" + name, h => h.Cases.Functions.ListCasesAsync(Request("GET", OwnerWorker, null, query), CancellationToken.None));
        List("region_injection", "?region=53.03" + Uri.EscapeDataString(Injection));
        List("case_type_injection", "?case_type=" + Uri.EscapeDataString("tppo' or PartitionKey ne '"));
        List("trafficking_status_operator", "?trafficking_status=" + Uri.EscapeDataString("x or y"));
        List("reported_from_30_feb", "?reported_from=2025-02-30");
        List("reported_to_text", "?reported_to=today");
        List("limit_text", "?limit=abc");
        List("limit_zero", "?limit=0");
        List("limit_huge", "?limit=100000");
        List("cursor_forged", "?cursor=" + Uri.EscapeDataString("' or '1' eq '1"));

        // POST /api/cases/{id}/qualification.
        void Qualify(string name, string id, string body) => c.Add("qualify/" + name, h => h.Cases.Functions.QualifyCaseAsync(Request("POST", OwnerWorker, body), id, CancellationToken.None));
        Qualify("decision_date_30_feb", Case, """{"decision_date": "2025-02-30"}""");
        Qualify("decision_date_number", Case, """{"decision_date": 5}""");
        Qualify("unknown_field", Case, """{"decisiondate": "2026-03-01"}""");
        Qualify("broken_json", Case, "{");
        Qualify("id_injection", "x" + Injection, string.Empty);

        // Workflows and SPDP.
        void Move(string name, string id, string body) => c.Add("transition/" + name, h => h.Workflows.TransitionAsync(Request("POST", OwnerWorker, body), id, CancellationToken.None));
        Move("broken_json", Case, "{\"workflow\": ");
        Move("target_injection", Case, """{"workflow": "case_management", "to": "assessment' or '1' eq '1"}""");
        Move("workflow_unknown", Case, """{"workflow": "hr", "to": "assessment"}""");
        Move("id_injection", "x" + Injection, """{"workflow": "case_management", "to": "assessment"}""");
        c.Add("start/workflow_injection", h => h.Workflows.StartAsync(Request("POST", OwnerWorker, """{"workflow": "case_management' or '1' eq '1"}"""), Case, CancellationToken.None));
        c.Add("spdp/month_13", h => h.Workflows.RecordSpdpAsync(Request("POST", OwnerWorker, """{"sent_on": "2026-13-01"}"""), Case, CancellationToken.None));
        c.Add("spdp/future", h => h.Workflows.RecordSpdpAsync(Request("POST", OwnerWorker, """{"sent_on": "2099-01-01"}"""), Case, CancellationToken.None));
        c.Add("spdp/wrong_type", h => h.Workflows.RecordSpdpAsync(Request("POST", OwnerWorker, """{"sent_on": true}"""), Case, CancellationToken.None));

        // Indicators and snapshots: the query and the path reach keys and filters.
        void Indicators(string name, string query) => c.Add("indicators/" + name, h => h.Indicators.GetIndicatorsAsync(Plain("GET", query), CancellationToken.None));
        Indicators("region_injection", "?region=53.03" + Uri.EscapeDataString(Injection) + "&period=2025");
        Indicators("region_not_in_list", "?region=53.99&period=2025");
        Indicators("period_q5", "?region=*&period=2025-Q5");
        Indicators("k_text", "?region=*&period=2025&k=abc");
        c.Add("post_snapshot/region_slash", h => h.Indicators.PostSnapshotAsync(Plain("POST", "?region=53.03/01&period=2025"), CancellationToken.None));
        c.Add("post_snapshot/period_injection", h => h.Indicators.PostSnapshotAsync(Plain("POST", "?region=*&period=" + Uri.EscapeDataString("2025" + Injection)), CancellationToken.None));
        c.Add("get_snapshot/region_quote", h => h.Indicators.GetSnapshotAsync(Plain("GET", string.Empty), "53.03'", "2025", CancellationToken.None));
        c.Add("get_snapshot/period_operator", h => h.Indicators.GetSnapshotAsync(Plain("GET", string.Empty), "*", "2025 or 1", CancellationToken.None));

        // Pure computations.
        c.Add("estimate/not_csv", _ => new EstimateFunctions(TestPipeline.Trusted).PostEstimateAsync(Plain("POST", string.Empty, "not,a\ncsv"), CancellationToken.None));
        c.Add("estimate/p_threshold_text", _ => new EstimateFunctions(TestPipeline.Trusted).PostEstimateAsync(Plain("POST", "?p_threshold=abc", "A,B,count\n1,0,5\n0,1,7\n1,1,2\n"), CancellationToken.None));
        c.Add("estimate/bootstrap_negative", _ => new EstimateFunctions(TestPipeline.Trusted).PostEstimateAsync(Plain("POST", "?bootstrap=-1", "A,B,count\n1,0,5\n0,1,7\n1,1,2\n"), CancellationToken.None));
        c.Add("detention_check/broken_json", h => h.Detention.PostAsync(Plain("POST", string.Empty, "{"), CancellationToken.None));
        c.Add("detention_check/array", h => h.Detention.PostAsync(Plain("POST", string.Empty, "[]"), CancellationToken.None));
        c.Add("detention_check/oversize", h => h.Detention.PostAsync(Plain("POST", string.Empty, "{\"x\": \"" + new string('x', DetentionCheckJson.MaxInputLength + 10) + "\"}"), CancellationToken.None));
        return c;
    }

    private static HttpRequest Plain(string method, string query, string? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body ?? string.Empty));
        return context.Request;
    }

    private sealed class Harness
    {
        private Harness(TaskForceTables tables)
        {
            Tables = tables;
            Cases = new CaseApi(tables);
            var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
            var registry = WorkflowRegistry.Default;
            Workflows = new CaseWorkflowFunctions(
                new CaseWorkflowsUseCase(
                    Cases.Repository,
                    Cases.Ties,
                    Cases.Repository,
                    workflows,
                    registry,
                    new StartWorkflowUseCase(workflows, Cases.Repository, registry, Cases.Clock, Zone),
                    new TransitionWorkflowUseCase(workflows, Cases.Repository, registry, Cases.Clock, Zone, NullLogger<TransitionWorkflowUseCase>.Instance),
                    Cases.Clock,
                    Zone),
                Cases.Pipeline);
            Indicators = new IndicatorFunctions(ImportSnapshotRoundTripTests.SnapshotUseCase(tables), new TableSnapshotRepository(tables), TestPipeline.Trusted);
            Detention = new DetentionCheckFunctions(new DetentionCheckUseCase(new FakeClock(Cases.Clock.GetCurrentInstant()), DistrictTime.DefaultZone), TestPipeline.Trusted);
        }

        public TaskForceTables Tables { get; }

        public CaseApi Cases { get; }

        public CaseWorkflowFunctions Workflows { get; }

        public IndicatorFunctions Indicators { get; }

        public DetentionCheckFunctions Detention { get; }

        public static async Task<Harness> CreateAsync(AzuriteFixture storage)
        {
            var h = new Harness(await storage.NewTablesAsync());
            JsonOf(await h.Cases.PostAsync(OwnerWorker, Body(Intake(Case))), 201);
            JsonOf(await h.Workflows.StartAsync(Request("POST", OwnerWorker, """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}"""), Case, CancellationToken.None), 201);
            return h;
        }

        /// <summary>Every row of every table: name, keys, ETag and every value.</summary>
        public async Task<List<string>> AllRowsAsync()
        {
            var rows = new List<string>();
            foreach (var table in typeof(TaskForceTables).GetProperties().Where(p => p.PropertyType == typeof(TableClient)).Select(p => (TableClient)p.GetValue(Tables)!))
            {
                foreach (var e in await TableRows.AllAsync(table))
                {
                    rows.Add(table.Name + "|" + e.PartitionKey + "|" + e.RowKey + "|" + e.ETag + "|" + string.Join(";", e.Keys.Order(StringComparer.Ordinal).Select(k => k + "=" + Convert.ToString(e[k], System.Globalization.CultureInfo.InvariantCulture))));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            Assert.NotEmpty(rows);
            return rows;
        }
    }
}
