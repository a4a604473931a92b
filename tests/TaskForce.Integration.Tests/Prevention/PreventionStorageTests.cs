using System.Text;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Prevention;
using TaskForce.Domain.Common;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Prevention;

/// <summary>Prevention activities on Azurite (ADR-033): the CSV import (separator, BOM, duplicates, conflicts, refused
/// columns), revision under If-Match, the access rules, and the indicators worked out by hand from the synthetic
/// sample <c>samples/prevention/activities-synthetic.csv</c>.</summary>
[Collection(StorageGroup.Name)]
public sealed class PreventionStorageTests(AzuriteFixture storage)
{
    private static readonly Caller Worker = Caller("worker-1", "uptd_ppa_ttu", "case_worker");
    private static readonly Caller OtherWorker = Caller("worker-9", "dinsos_ttu", "case_worker");
    private static readonly Caller Coordinator = Caller("coord-1", "gugus_tugas_ttu", "coordinator");
    private static readonly Caller Statistician = Caller("stat-1", "bps_ttu", "statistician");

    private async Task<(PreventionUseCases UseCases, FakeClock Clock)> OpenAsync()
    {
        var tables = await storage.NewTablesAsync();
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 15, 1, 0)); // 15 Jan 2026 09:00 WITA
        return (new PreventionUseCases(new TablePreventionRepository(tables), clock, Zone), clock);
    }

    private static string Sample() => File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "prevention", "activities-synthetic.csv"));

    [Fact]
    public async Task IndicatorsAsync_ReturnsTheHandWorkedValues_GivenTheSyntheticSample()
    {
        var (useCases, _) = await OpenAsync();
        var report = await useCases.ImportAsync(new StringReader(Sample()), "activities-synthetic.csv", null, "operator", CancellationToken.None);
        Assert.Equal((6, 6, 0, 0), (report.Read, report.Imported, report.Duplicates, report.Rejected));

        var set = await useCases.IndicatorsAsync("53.03", "2025", Statistician, CancellationToken.None);
        decimal? Cell(string id, params (string Key, string Value)[] dims) =>
            Assert.Single(set.Cells, c => c.Id == id && c.Disaggregation.Count == dims.Length && dims.All(d => c.Disaggregation.Contains(new(d.Key, d.Value)))).Value;

        // 2025 holds pa-001..pa-005 (pa-006 is 2024): 5 activities.
        Assert.Equal(5m, Cell("prevention_activities"));
        // By kind: socialisation pa-001, pa-003 = 2; training 1; pre_departure_check 1; complaint_channel 1.
        Assert.Equal(2m, Cell("prevention_activities", ("kind", "socialisation")));
        Assert.Equal(1m, Cell("prevention_activities", ("kind", "complaint_channel")));
        // By kecamatan: 53.03.01 = pa-001, 002, 003, 005 = 4; 53.03.02 = pa-004 = 1.
        Assert.Equal(4m, Cell("prevention_activities", ("kecamatan", "53.03.01")));
        Assert.Equal(1m, Cell("prevention_activities", ("kecamatan", "53.03.02")));
        // By quarter: Q1 pa-001; Q2 pa-002, pa-003; Q3 pa-004; Q4 pa-005.
        Assert.Equal(1m, Cell("prevention_activities", ("quarter", "2025-Q1")));
        Assert.Equal(2m, Cell("prevention_activities", ("quarter", "2025-Q2")));
        Assert.Equal(1m, Cell("prevention_activities", ("quarter", "2025-Q4")));
        // Participants: 38 + 15 + 31 + 17 + 7 = 108; socialisation 38 + 31 = 69; kecamatan 53.03.01: 38 + 15 + 31 + 7 = 91;
        // Q2: 15 + 31 = 46.
        Assert.Equal(108m, Cell("prevention_participants"));
        Assert.Equal(69m, Cell("prevention_participants", ("kind", "socialisation")));
        Assert.Equal(91m, Cell("prevention_participants", ("kecamatan", "53.03.01")));
        Assert.Equal(46m, Cell("prevention_participants", ("quarter", "2025-Q2")));
        // Sex x age: women 20 + 8 + 12 + 3 + 4 = 47; girls 5 + 0 + 6 + 0 + 1 = 12; men 10 + 7 + 9 + 14 + 2 = 42;
        // boys 3 + 0 + 4 + 0 + 0 = 7 (47 + 12 + 42 + 7 = 108).
        Assert.Equal(47m, Cell("prevention_participants", ("sex", "female"), ("age_broad", "adult")));
        Assert.Equal(12m, Cell("prevention_participants", ("sex", "female"), ("age_broad", "child")));
        Assert.Equal(42m, Cell("prevention_participants", ("sex", "male"), ("age_broad", "adult")));
        Assert.Equal(7m, Cell("prevention_participants", ("sex", "male"), ("age_broad", "child")));
        // Coverage: outreach held in a desa = Bokon (pa-001, pa-003) and Bitefa (pa-002) = 2 desa; pa-004 names a
        // kecamatan, pa-005 is a complaint channel. Kemendagri lists 190 desa/kelurahan in 53.03: 2 / 190 x 100 = 1.05 -> 1.1.
        Assert.Equal(new Domain.Prevention.DesaCoverage(2, 190, 1.1m), set.Coverage);
        Assert.Equal(1.1m, Cell("prevention_desa_coverage"));

        // 2024: pa-006 only, a group formed in Keanbaun: 1 activity, 12 participants, 1 / 190 x 100 = 0.53 -> 0.5.
        var previous = await useCases.IndicatorsAsync("53.03", "2024", Statistician, CancellationToken.None);
        Assert.Equal(1m, Assert.Single(previous.Cells, c => c.Id == "prevention_activities" && c.Disaggregation.Count == 0).Value);
        Assert.Equal(new Domain.Prevention.DesaCoverage(1, 190, 0.5m), previous.Coverage);
    }

    [Fact]
    public async Task ImportAsync_CountsDuplicatesAndRejectsConflicts_GivenASemicolonFileWithABomImportedTwice()
    {
        var (useCases, _) = await OpenAsync();
        string semicolon = "\uFEFF" + Sample().Replace(',', ';');
        var first = await useCases.ImportAsync(new StringReader(semicolon), "a.csv", null, "operator", CancellationToken.None);
        Assert.Equal(6, first.Imported);
        var again = await useCases.ImportAsync(new StringReader(semicolon), "a.csv", null, "operator", CancellationToken.None);
        Assert.Equal((0, 6, 0), (again.Imported, again.Duplicates, again.Rejected));

        // pa-001 with 21 women instead of 20 conflicts (line 2); a row with a bad total (line 3) and a NIK-like note
        // (line 4) are rejected naming their column; the valid new row (line 5) is kept.
        string changed = """
            activity_id,kind,date,place,female_adult,male_adult,female_child,male_child,total,budget_source,notes
            pa-001,socialisation,2025-02-10,53.03.01.2005,21,10,5,3,,apbd,
            pa-101,training,2025-03-01,53.03.01.2005,1,1,1,1,5,apbd,
            pa-102,training,2025-03-01,53.03.01.2005,1,1,1,1,4,apbd,met 5303014101900001
            pa-103,training,2025-03-02,53.03.01.2006,1,1,1,1,4,apbd,
            """;
        var mixed = await useCases.ImportAsync(new StringReader(changed), "b.csv", "uptd_ppa_ttu", "operator", CancellationToken.None);
        Assert.Equal((4, 1, 3), (mixed.Read, mixed.Imported, mixed.Rejected));
        Assert.Equal([2, 3, 4], mixed.Errors.Select(e => e.Line));
        Assert.StartsWith("activity_id:", mixed.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("total:", mixed.Errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("notes:", mixed.Errors[2].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5303014101900001", mixed.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal("uptd_ppa_ttu", (await useCases.GetAsync("pa-103", Worker, CancellationToken.None))!.Agency);
    }

    [Fact]
    public async Task ImportAsync_RefusesTheWholeFile_GivenANameColumn()
    {
        var (useCases, _) = await OpenAsync();
        var error = await Assert.ThrowsAsync<DomainValidationException>(() => useCases.ImportAsync(
            new StringReader("activity_id,kind,date,place,nama,female_adult,male_adult,female_child,male_child,budget_source\n"), "c.csv", null, "operator", CancellationToken.None));
        Assert.Equal("columns", error.Field);
        Assert.Contains("nama", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviseAsync_WritesUnderIfMatchForTheOwnerAndCoordinatorOnly_GivenARecordedActivity()
    {
        var (useCases, clock) = await OpenAsync();
        var input = new PreventionActivityInput
        {
            Id = "pa-900", Kind = "socialisation", Date = "2026-01-14", Place = "53.03.01.2005", BudgetSource = "apbdes",
            Participants = new ParticipantsWire { FemaleAdult = 3, MaleAdult = 2, FemaleChild = 0, MaleChild = 0 },
        };
        var recorded = await useCases.RecordAsync(input, Worker, null, CancellationToken.None);
        Assert.True(recorded.Created);
        Assert.Equal("uptd_ppa_ttu", recorded.View.Agency);
        Assert.Equal(5, recorded.View.Participants.Total);
        var replay = await useCases.RecordAsync(input, Worker, null, CancellationToken.None);
        Assert.False(replay.Created);
        await Assert.ThrowsAsync<PreventionConflictException>(() => useCases.RecordAsync(input with { BudgetSource = "apbd" }, Worker, null, CancellationToken.None));

        // Another agency's worker may not record for the UPTD PPA, nor revise its activity; a statistician records nothing.
        await Assert.ThrowsAsync<AccessDeniedException>(() => useCases.RecordAsync(input with { Id = "pa-901", Agency = "uptd_ppa_ttu" }, OtherWorker, null, CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => useCases.RecordAsync(input with { Id = "pa-902" }, Statistician, null, CancellationToken.None));
        string etag = recorded.View.Etag;
        var revised = input with { Participants = new ParticipantsWire { FemaleAdult = 4, MaleAdult = 2, FemaleChild = 0, MaleChild = 0 } };
        await Assert.ThrowsAsync<AccessDeniedException>(() => useCases.ReviseAsync("pa-900", revised, etag, OtherWorker, CancellationToken.None));
        await Assert.ThrowsAsync<PreconditionRequiredException>(() => useCases.ReviseAsync("pa-900", revised, null, Worker, CancellationToken.None));

        clock.Advance(Duration.FromMinutes(5));
        var view = await useCases.ReviseAsync("pa-900", revised, etag, Worker, CancellationToken.None);
        Assert.Equal(6, view!.Participants.Total);
        Assert.NotEqual(etag, view.Etag);
        Assert.Equal("2026-01-15T01:05:00Z", view.UpdatedAt);
        // The old ETag is stale now: nothing is written.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => useCases.ReviseAsync("pa-900", input, etag, Coordinator, CancellationToken.None));
        var byCoordinator = await useCases.ReviseAsync("pa-900", input, view.Etag, Coordinator, CancellationToken.None);
        Assert.Equal(5, byCoordinator!.Participants.Total);
        // A date after today (15 Jan 2026 in WITA) is refused naming the field.
        var future = await Assert.ThrowsAsync<DomainValidationException>(() => useCases.ReviseAsync("pa-900", input with { Date = "2026-01-16" }, byCoordinator.Etag, Coordinator, CancellationToken.None));
        Assert.Equal("date", future.Field);
        Assert.Null(await useCases.ReviseAsync("pa-none", input, "x", Coordinator, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_StoresOnceUnderTheKeyedId_GivenTheSameIdempotencyKeyTwiceAndNoId()
    {
        var (useCases, _) = await OpenAsync();
        var input = new PreventionActivityInput
        {
            Kind = "complaint_channel", Date = "2025-12-31", Place = "53.03.01.2007", BudgetSource = "other",
            Participants = new ParticipantsWire { FemaleAdult = 4, MaleAdult = 2, FemaleChild = 1, MaleChild = 0 },
        };
        var first = await useCases.RecordAsync(input, Worker, "retry-me", CancellationToken.None);
        var second = await useCases.RecordAsync(input, Worker, "retry-me", CancellationToken.None);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.View.Id, second.View.Id);
        Assert.StartsWith("pa-k-", first.View.Id, StringComparison.Ordinal);
        // Without a key, each POST is a new activity.
        var third = await useCases.RecordAsync(input, Worker, null, CancellationToken.None);
        Assert.NotEqual(first.View.Id, third.View.Id);
        Assert.Equal("Idempotency-Key", (await Assert.ThrowsAsync<DomainValidationException>(() => useCases.RecordAsync(input, Worker, "tab\tkey", CancellationToken.None))).Field);
    }
}
