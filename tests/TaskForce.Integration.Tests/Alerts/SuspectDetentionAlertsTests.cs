using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Alerts;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Alerts;

/// <summary>
/// A suspect's arrest and detention recorded by amendment on a stored case (ADR-024), and the daily run's warning
/// before the release by law, on Azurite with a fake clock at WITA (UTC+8) day boundaries.
/// </summary>
/// <remarks>
/// Worked by hand. Offence 20 November 2025, report 21 November 2025. Arrest 2025-11-21T16:30Z = 00:30 WITA on
/// 22 November (business date 22 November, though the UTC date is 21 November). Detention by the investigator
/// (penyidik, KUHAP Pasal 24(1): at most 20 days) from 22 November 2025 for 20 days, the first day counted as day 1:
/// 22..30 November is 9 days, 1..11 December 11 more, so the last lawful day (release by law) is 11 December 2025.
/// The run warns from 7 days before: 11 − 7 = 4 December (due soon, 7 days left); nothing on 3 December (8 days left);
/// due today on 11 December; overdue 1 day on 12 December. The prosecutor's extension (KUHAP Pasal 24(2): at most
/// 40 days) from 12 December for 40 days runs 12..31 December (20 days) and 1..20 January 2026 (20 more): the new
/// release by law is 20 January 2026, and the run of 12 December then raises nothing. All periods start before
/// 2 January 2026, so KUHAP 1981 (confirmed) applies.
/// </remarks>
[Collection(StorageGroup.Name)]
public sealed class SuspectDetentionAlertsTests(AzuriteFixture storage)
{
    private const string CaseId = "case-ttu-001";

    private sealed class Harness(TaskForceTables tables, FakeClock clock, string connectionString)
    {
        public FakeClock Clock { get; } = clock;

        public CaseApi Api { get; } = new(tables, clock);

        public TaskForceTables Tables => tables;

        public CaseAmendmentFunctions Amendments => new(
            new AmendCaseUseCase(Api.Repository, Clock, Zone),
            new GetCaseHistoryUseCase(Api.Repository, Api.Repository, Api.Ties, Clock, new ListLogger<GetCaseHistoryUseCase>()),
            Api.Pipeline);

        public async Task<string> ETagAsync() => (await Api.GetAsync(OwnerWorker, CaseId)).Response.Headers.ETag.ToString();

        public async Task<IActionResult> AmendAsync(string body, string etag) =>
            await Amendments.AmendAsync(Request("POST", OwnerWorker, body, string.Empty, ("If-Match", etag)), CaseId, CancellationToken.None);

        public async Task<DailyAlertRun> RunAtAsync(Instant at)
        {
            Clock.Reset(at);
            var alerts = new TableAlertRepository(tables);
            return await new DailyDeadlineAlertsUseCase(new TableWorkflowRepository(tables, SharedProtector), alerts, WorkflowRegistry.Default,
                Clock, Zone, NullLogger<DailyDeadlineAlertsUseCase>.Instance, new AlertRouting(Api.Ties),
                new AlertOutboxDispatcher(alerts, AlertRig.NewQueue(connectionString), Clock, Zone, NullLogger<AlertOutboxDispatcher>.Instance),
                new TableSuspectDetentionSource(tables)).RunAsync();
        }

        public Task<IReadOnlyList<DeadlineAlert>> AlertsAsync(int y, int m, int d) => new TableAlertRepository(tables).ListAsync(new LocalDate(y, m, d));
    }

    private const string ArrestAndDetention = """
        {"record_arrests": [{"person_id": "suspect-1", "arrested_at": "2025-11-21T16:30:00Z"}],
         "record_detentions": [{"person_id": "suspect-1", "stage": "penyidik", "from": "2025-11-22", "days": 20, "detention_type": "rutan"}]}
        """;

    private async Task<Harness> WithCaseAsync()
    {
        // Intake at 11:00 WITA on 21 November 2025.
        var h = new Harness(await storage.NewTablesAsync(), new FakeClock(Instant.FromUtc(2025, 11, 21, 3, 0)), storage.ConnectionString);
        JsonOf(await h.Api.PostAsync(OwnerWorker, Body(Intake() with { ReportedAt = Instant.FromUtc(2025, 11, 21, 2, 30) })), 201);
        h.Clock.Reset(Instant.FromUtc(2025, 11, 22, 2, 0)); // 10:00 WITA on 22 November
        return h;
    }

    [Fact]
    public async Task Amend_RecordsArrestAndDetentionWithHistory_AndTheCaseShowsTheReleaseDateByLaw()
    {
        var h = await WithCaseAsync();

        var body = JsonOf(await h.AmendAsync(ArrestAndDetention, await h.ETagAsync()), 200);

        Assert.Equal(
            [("detention_recorded", "suspect-1", "suspect_detentions[suspect-1].arrested_at"), ("detention_recorded", "suspect-1", "suspect_detentions[suspect-1].periods")],
            body.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("person_id").GetString(), c.GetProperty("fields")[0].GetString())));

        var document = JsonOf((await h.Api.GetAsync(OwnerWorker, CaseId)).Result, 200);
        var detention = document.GetProperty("suspects")[0].GetProperty("detention");
        Assert.Equal("2025-11-21T16:30:00Z", detention.GetProperty("arrested_at").GetString());
        Assert.Equal("2025-12-11", detention.GetProperty("release_by_law").GetString());
        var period = Assert.Single(detention.GetProperty("periods").EnumerateArray());
        Assert.Equal("2025-12-11", period.GetProperty("to").GetString());
        Assert.Equal(20, period.GetProperty("limit_days").GetInt32());
        Assert.Equal("KUHAP Pasal 24(1)", period.GetProperty("legal_basis").GetString());
        Assert.Equal("KUHAP-1981", period.GetProperty("regime").GetString());

        var history = JsonOf(await h.Amendments.HistoryAsync(Request("GET", OwnerWorker), CaseId, CancellationToken.None), 200);
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("detention_recorded", e.GetProperty("kind").GetString()));
        var periods = entries[1].GetProperty("fields")[0];
        Assert.False(periods.GetProperty("identifying").GetBoolean());
        Assert.Contains("\"penyidik\"", periods.GetProperty("new_json").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_WritesNothing_GivenAnArrestOnTheWitaDayAfterTheDetentionStarts()
    {
        var h = await WithCaseAsync();
        h.Clock.Reset(Instant.FromUtc(2025, 11, 24, 2, 0)); // 10:00 WITA on 24 November
        string etag = await h.ETagAsync();
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        // 2025-11-22T16:30Z is 00:30 WITA on 23 November: after the first day of detention (22 November).
        string late = ArrestAndDetention.Replace("2025-11-21T16:30:00Z", "2025-11-22T16:30:00Z", StringComparison.Ordinal);
        var problem = Assert.IsType<ValidationProblemDetails>(Problem(await h.AmendAsync(late, etag), 400));

        Assert.Contains("record_detentions[0].from", problem.Errors.Keys);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task Amend_WritesNothing_GivenPenyidikFor21Days()
    {
        var h = await WithCaseAsync();
        string etag = await h.ETagAsync();
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        var problem = Assert.IsType<ValidationProblemDetails>(Problem(await h.AmendAsync(ArrestAndDetention.Replace("\"days\": 20", "\"days\": 21", StringComparison.Ordinal), etag), 400));

        Assert.Contains("record_detentions[0].days", problem.Errors.Keys);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task Run_WarnsFromSevenDaysBeforeTheReleaseByLaw_AtWitaDayBoundaries_UntilAnExtensionIsRecorded()
    {
        var h = await WithCaseAsync();
        JsonOf(await h.AmendAsync(ArrestAndDetention, await h.ETagAsync()), 200);

        // 23:59:59 WITA on 3 December: 8 days left, nothing.
        var quiet = await h.RunAtAsync(Instant.FromUtc(2025, 12, 3, 15, 59, 59));
        // 00:00 WITA on 4 December (still 3 December in UTC): 7 days left, due soon.
        var soon = await h.RunAtAsync(Instant.FromUtc(2025, 12, 3, 16, 0));
        // 08:00 WITA on 11 December, the last lawful day: due today.
        await h.RunAtAsync(Instant.FromUtc(2025, 12, 11, 0, 0));
        // 08:00 WITA on 12 December, no further order recorded: overdue by 1 day.
        await h.RunAtAsync(Instant.FromUtc(2025, 12, 12, 0, 0));

        Assert.Equal(1, quiet.DetentionsScanned);
        Assert.Equal(0, quiet.Written);
        Assert.Empty(await h.AlertsAsync(2025, 12, 3));
        Assert.Equal(1, soon.DueSoon);
        var alert = Assert.Single(await h.AlertsAsync(2025, 12, 4));
        Assert.Equal(new DeadlineAlert(new LocalDate(2025, 12, 4), CaseId, "detention", "suspect-1", "release_by_law", new LocalDate(2025, 12, 11), null,
            DeadlineAlertStatus.DueSoon, 0, 0, true, Instant.FromUtc(2025, 12, 3, 16, 0), DeadlineAlertKinds.DetentionReleaseByLaw) { Agency = "uptd_ppa_ttu" }, alert); // addressed to the owning agency (ADR-021)
        Assert.Equal((DeadlineAlertStatus.DueToday, 0), (await h.AlertsAsync(2025, 12, 11)).Select(a => (a.Status, a.DaysOverdue)).Single());
        Assert.Equal((DeadlineAlertStatus.Overdue, 1), (await h.AlertsAsync(2025, 12, 12)).Select(a => (a.Status, a.DaysOverdue)).Single());

        // The prosecutor's extension (KUHAP Pasal 24(2)), recorded at 10:00 WITA on 12 December: release by law 20 January 2026.
        h.Clock.Reset(Instant.FromUtc(2025, 12, 12, 2, 0));
        JsonOf(await h.AmendAsync("""{"record_detentions": [{"person_id": "suspect-1", "stage": "penyidik_perpanjangan", "from": "2025-12-12", "days": 40}]}""", await h.ETagAsync()), 200);
        var document = JsonOf((await h.Api.GetAsync(OwnerWorker, CaseId)).Result, 200);
        Assert.Equal("2026-01-20", document.GetProperty("suspects")[0].GetProperty("detention").GetProperty("release_by_law").GetString());

        var after = await h.RunAtAsync(Instant.FromUtc(2025, 12, 13, 0, 0));
        Assert.Equal(0, after.Written);
        Assert.Empty(await h.AlertsAsync(2025, 12, 13));
        // 13 January 2026 is 7 days before 20 January: due soon again.
        await h.RunAtAsync(Instant.FromUtc(2026, 1, 13, 0, 0));
        Assert.Equal(new LocalDate(2026, 1, 20), (await h.AlertsAsync(2026, 1, 13)).Single().DueOn);

        // The alerts carry ids, codes and dates only: no name, no reason.
        var rows = string.Join('\n', (await TableRows.AllAsync(h.Tables.Alerts)).SelectMany(r => r.Select(kv => kv.Value?.ToString())));
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, rows, StringComparison.Ordinal);
        }
    }
}
