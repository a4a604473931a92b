using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Access;
using TaskForce.Application.AccessLog;
using TaskForce.Application.Cases;
using TaskForce.Application.Cases.Specifications;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Access;

/// <summary>The stored access log on Azurite (ADR-022): exactly the identity reads and exports are listed, per case and
/// per period, to the coordinator only, and no row holds a value of a person.</summary>
[Collection(StorageGroup.Name)]
public sealed class AccessLogStorageTests(AzuriteFixture storage)
{
    private static readonly Caller Owner = Caller("worker-1", "uptd_ppa_ttu", "case_worker");
    private static readonly Caller Coordinator = Caller("coord-1", "gugus_tugas_ttu", "coordinator");

    private sealed record Harness(TaskForceTables Tables, FakeClock Clock, GetCaseUseCase Get, GetCaseHistoryUseCase History, ListCasesUseCase List, ReadAccessLogUseCase Read, TableCaseRepository Repo);

    private async Task<Harness> OpenAsync()
    {
        var tables = await storage.NewTablesAsync();
        var clock = Clock(); // 2026-03-10 01:00Z = 09:00 WITA
        var repo = new TableCaseRepository(tables, SharedProtector, Zone);
        await repo.AddAsync(Record("case-a"), "uptd_ppa_ttu", null);
        await repo.AddAsync(Record("case-b"), "uptd_ppa_ttu", null);
        var recorder = new AccessLogRecorder(new TableAccessLog(tables, Zone), clock);
        var ties = new TableCaseTies(tables, SharedProtector);
        return new Harness(
            tables,
            clock,
            new GetCaseUseCase(repo, ties, clock, NullLogger<GetCaseUseCase>.Instance, recorder),
            new GetCaseHistoryUseCase(repo, repo, ties, clock, NullLogger<GetCaseHistoryUseCase>.Instance, recorder),
            new ListCasesUseCase(repo),
            new ReadAccessLogUseCase(new TableAccessLog(tables, Zone), repo),
            repo);
    }

    [Fact]
    public async Task ForCase_ListsExactlyTheIdentityReads_GivenIdentityAndOtherReads()
    {
        var h = await OpenAsync();
        var expected = new List<(string User, string Operation, Instant At)>();

        // Three identity reads by the owning agency's worker, one minute apart.
        for (int i = 0; i < 3; i++)
        {
            h.Clock.Advance(Duration.FromMinutes(1));
            await h.Get.ExecuteAsync("case-a", Owner);
            expected.Add(("worker-1", "read_identity", h.Clock.GetCurrentInstant()));
        }

        // Reads that show no identity: a listing (summaries), an empty history, another case, the log itself.
        h.Clock.Advance(Duration.FromMinutes(1));
        await h.List.ExecuteAsync(new CaseListQuery(new CaseListFilter(), null, null), Owner);
        Assert.Empty((await h.History.ExecuteAsync("case-a", Owner))!.Entries);
        await h.Get.ExecuteAsync("case-b", Owner);
        await h.Read.ForCaseAsync("case-a", null, null, Coordinator);

        // A change with a reason, then the coordinator reads the history (reasons shown) and the case.
        var stored = (await h.Repo.GetAsync(CaseId.Parse("case-a")))!;
        stored.Record.RecordOffenceDate(new LocalDate(2025, 4, 1), ChangeContext.Create(Actor.Create("worker-1", "uptd_ppa_ttu"), "Koreksi tanggal", h.Clock));
        await h.Repo.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag);
        h.Clock.Advance(Duration.FromMinutes(1));
        await h.History.ExecuteAsync("case-a", Coordinator);
        expected.Add(("coord-1", "read_history_identity", h.Clock.GetCurrentInstant()));
        h.Clock.Advance(Duration.FromMinutes(1));
        await h.Get.ExecuteAsync("case-a", Coordinator);
        expected.Add(("coord-1", "read_identity", h.Clock.GetCurrentInstant()));

        var page = (await h.Read.ForCaseAsync("case-a", null, null, Coordinator))!;

        Assert.Equal(expected, page.Items.Select(i => (i.UserId, i.Operation, i.At)));
        Assert.All(page.Items, i => Assert.Equal("case-a", i.CaseId));
        Assert.Equal("uptd_ppa_ttu", page.Items[0].Agency);
        Assert.Equal(["case_worker"], page.Items[0].Roles);
        Assert.Equal(["coordinator"], page.Items[^1].Roles);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task ForPeriod_ListsEveryCaseOfTheWitaDates_GivenReadsAcrossMidnight()
    {
        var h = await OpenAsync();
        // 23:59 WITA on 10 March 2026 = 15:59Z; 00:01 WITA on 11 March = 16:01Z (UTC still says 10 March).
        h.Clock.Reset(Instant.FromUtc(2026, 3, 10, 15, 59));
        await h.Get.ExecuteAsync("case-a", Owner);
        h.Clock.Reset(Instant.FromUtc(2026, 3, 10, 16, 1));
        await h.Get.ExecuteAsync("case-b", Owner);
        h.Clock.Advance(Duration.FromSeconds(1)); // entries sort by their instant
        await h.Get.ExecuteAsync("case-a", Coordinator);

        var tenth = await h.Read.ForPeriodAsync(new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 10), null, null, Coordinator);
        Assert.Equal(["case-a"], tenth.Items.Select(i => i.CaseId));
        var eleventh = await h.Read.ForPeriodAsync(new LocalDate(2026, 3, 11), new LocalDate(2026, 3, 11), null, null, Coordinator);
        Assert.Equal(["case-b", "case-a"], eleventh.Items.Select(i => i.CaseId));

        // Paged by one: the same three entries, in time order, then no cursor.
        var all = new List<AccessLogItem>();
        string? cursor = null;
        int pages = 0;
        do
        {
            var p = await h.Read.ForPeriodAsync(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31), 1, cursor, Coordinator);
            all.AddRange(p.Items);
            cursor = p.NextCursor;
            pages++;
        }
        while (cursor is not null);
        Assert.Equal(3, pages);
        Assert.Equal(["case-a", "case-b", "case-a"], all.Select(i => i.CaseId));
        Assert.Equal(["worker-1", "worker-1", "coord-1"], all.Select(i => i.UserId));
    }

    [Fact]
    public async Task Read_IsRefused_GivenACallerOtherThanTheCoordinatorOrABadQuery()
    {
        var h = await OpenAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Read.ForCaseAsync("case-a", null, null, Owner));
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Read.ForPeriodAsync(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 2), null, null, Owner));
        Assert.Equal("to", (await Assert.ThrowsAsync<DomainValidationException>(() => h.Read.ForPeriodAsync(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 1), null, null, Coordinator))).Field);
        Assert.Equal("from", (await Assert.ThrowsAsync<DomainValidationException>(() => h.Read.ForPeriodAsync(null, new LocalDate(2026, 3, 1), null, null, Coordinator))).Field);
        Assert.Equal("cursor", (await Assert.ThrowsAsync<DomainValidationException>(() => h.Read.ForCaseAsync("case-a", null, "bm90LWEtY3Vyc29y", Coordinator))).Field);
        Assert.Null(await h.Read.ForCaseAsync("case-zzz", null, null, Coordinator));
    }

    [Fact]
    public async Task AccessLogRows_HoldNoIdentityValue_GivenIdentityReadsOfBothCases()
    {
        var h = await OpenAsync();
        await h.Get.ExecuteAsync("case-a", Owner);
        await h.Get.ExecuteAsync("case-b", Coordinator);

        var rows = new List<string>();
        await foreach (var e in h.Tables.AccessLog.QueryAsync<TableEntity>())
        {
            rows.Add(string.Join(";", e.Keys.Select(k => k + "=" + Convert.ToString(e[k], System.Globalization.CultureInfo.InvariantCulture))) + e.PartitionKey + e.RowKey);
        }

        Assert.Equal(4, rows.Count); // two entries, each in its case partition and its day partition
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(rows, r => r.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
