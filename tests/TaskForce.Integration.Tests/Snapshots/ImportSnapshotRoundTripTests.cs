using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Import;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Snapshots;

/// <summary>The main job on the real verdicts: import into Table Storage, snapshot from storage, numbers checked
/// against an independent computation straight from the JSONL.</summary>
[Collection(StorageGroup.Name)]
public sealed class ImportSnapshotRoundTripTests(AzuriteFixture storage)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 29, 1, 0);

    [Fact]
    public void SampleFile_MatchesTheCommittedChecksumAndHas77Records_GivenTheRealFile()
    {
        string sums = Path.Combine(Path.GetDirectoryName(RepoPaths.SampleVerdicts)!, "SHA256SUMS");

        Assert.Equal(RepoPaths.CommittedSha256(sums, "verdicts.jsonl"), RepoPaths.Sha256(RepoPaths.SampleVerdicts));
        Assert.Equal(77, File.ReadLines(RepoPaths.SampleVerdicts).Count(l => !string.IsNullOrWhiteSpace(l)));
    }

    [Fact]
    public async Task Snapshot_EqualsIndependentCounts_ForEveryYearOfTheRealFile()
    {
        var tables = await storage.NewTablesAsync();
        var report = await ImportAsync(tables, RepoPaths.SampleVerdicts);
        Assert.Equal(77, report.Read);
        Assert.Equal(77, report.Imported);
        Assert.Equal(0, report.Rejected);

        var useCase = SnapshotUseCase(tables);
        int totalCases = 0;
        foreach (int year in new[] { 2018, 2019, 2024, 2025, 2026 })
        {
            var expected = ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, year);
            var snapshot = await useCase.ComputeAsync(RegionCode.All, ReportingPeriod.Parse(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), null);
            var s = new SnapshotReader(SnapshotJson.Write(snapshot));
            totalCases += (int)s.Value("cases")!.Value;

            Assert.Equal(expected.Cases, s.Value("cases"));
            Assert.Equal(ToDecimal(expected.CasesByArticle), s.By("cases", "article"));
            Assert.Equal(ToDecimal(expected.CasesByParticipation), s.By("cases", "participation"));
            Assert.Equal(expected.Victims, s.Value("victims"));
            Assert.Equal(ToDecimal(expected.VictimsBySex), s.By("victims", "sex"));
            Assert.Equal(ToDecimal(expected.VictimsByAge), s.By("victims", "age_group"));
            Assert.Equal(ToDecimal(expected.VictimsByForm), s.By("victims", "exploitation_form"));
            Assert.Equal(ToDecimal(expected.VictimsByDestination), s.By("victims", "destination_country"));
            Assert.Equal(ToDecimal(expected.VictimsByCross), s.By("victims", "sex", "age_group", "exploitation_form"));
            Assert.Equal(expected.SentenceCount, s.Value("sentence_months", ("stat", "count")));
            Assert.Equal(expected.SentenceMedian, s.Has("sentence_months", ("stat", "median")) ? s.Value("sentence_months", ("stat", "median")) : null);
            Assert.Equal(expected.SentenceMin, s.Has("sentence_months", ("stat", "min")) ? s.Value("sentence_months", ("stat", "min")) : null);
            Assert.Equal(expected.SentenceMax, s.Has("sentence_months", ("stat", "max")) ? s.Value("sentence_months", ("stat", "max")) : null);
            Assert.Equal(expected.RestitutionCases, s.Value("restitution_ordered", ("stat", "cases")));
            Assert.Equal(expected.RestitutionTotal, s.Value("restitution_ordered", ("stat", "total_idr")));
            Assert.Equal(expected.ArrestCount, s.Value("days_arrest_to_verdict", ("stat", "count")));
            Assert.Equal(expected.ArrestMedianDays, s.Has("days_arrest_to_verdict", ("stat", "median")) ? s.Value("days_arrest_to_verdict", ("stat", "median")) : null);
        }

        Assert.Equal(77, totalCases);
    }

    [Fact]
    public async Task Snapshot2025_HasHandCheckedHeadlineNumbers()
    {
        // Hand-checked on the real file: 65 verdicts decided in 2025; 2 order restitution (Rp46,319,200 in all).
        var tables = await storage.NewTablesAsync();
        await ImportAsync(tables, RepoPaths.SampleVerdicts);
        var s = new SnapshotReader(SnapshotJson.Write(await SnapshotUseCase(tables).ComputeAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null)));
        Assert.Equal(65, s.Value("cases"));
        Assert.Equal(2, s.Value("restitution_ordered", ("stat", "cases")));
        Assert.Equal(46_319_200, s.Value("restitution_ordered", ("stat", "total_idr")));
        Assert.Equal("2025-01-01", s.Root.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2025-12-31", s.Root.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal("Asia/Makassar", s.Root.GetProperty("period").GetProperty("zone").GetString());
    }

    [Fact]
    public async Task ImportTwice_StoresTheSameData_GivenTheSameFile()
    {
        var tables = await storage.NewTablesAsync();
        await ImportAsync(tables, RepoPaths.SampleVerdicts);
        var before = await AllRowsAsync(tables);

        var second = await ImportAsync(tables, RepoPaths.SampleVerdicts);

        Assert.Equal(0, second.Imported);
        Assert.Equal(77, second.Duplicates);
        Assert.Equal(0, second.Rejected);
        var after = await AllRowsAsync(tables);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task StoredVerdicts_RoundTripEveryFact()
    {
        var tables = await storage.NewTablesAsync();
        await ImportAsync(tables, RepoPaths.SampleVerdicts);
        var original = File.ReadAllLines(RepoPaths.SampleVerdicts).Select(l => PutusanRecordParser.Parse(l, null)).ToDictionary(v => v.CaseNumber);

        var repo = new TableVerdictRepository(tables);
        int n = 0;
        await foreach (var stored in repo.ListDecidedBetweenAsync(new LocalDate(2018, 1, 1), new LocalDate(2026, 12, 31)))
        {
            n++;
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(original[stored.CaseNumber].Facts, TaskForce.Application.Serialization.TaskForceJson.Options),
                System.Text.Json.JsonSerializer.Serialize(stored.Facts, TaskForce.Application.Serialization.TaskForceJson.Options));
        }

        Assert.Equal(77, n);
    }

    internal static async Task<ImportReport> ImportAsync(TaskForceTables tables, string path)
    {
        var useCase = new ImportVerdictsUseCase(new TableVerdictRepository(tables), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 29, 4, 0)), TaskForce.Domain.Common.DistrictTime.DefaultZone, NullLogger<ImportVerdictsUseCase>.Instance);
        using var reader = new StreamReader(path);
        return await useCase.ImportPutusanAsync(reader, Path.GetFileName(path), null, null);
    }

    internal static SnapshotUseCase SnapshotUseCase(TaskForceTables tables, IClock? clock = null) =>
        new(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), clock ?? new FakeClock(Now), DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);

    internal static async Task<List<string>> AllRowsAsync(TaskForceTables tables)
    {
        var rows = new List<string>();
        await foreach (var e in tables.Verdicts.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows.Add(e.PartitionKey + "/" + e.RowKey + "/" + string.Join(";", e.Keys.Where(k => k is not "Timestamp" and not "odata.etag").OrderBy(k => k, StringComparer.Ordinal).Select(k => k + "=" + e[k])));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static Dictionary<string, decimal?> ToDecimal(Dictionary<string, int> d) => d.ToDictionary(kv => kv.Key, kv => (decimal?)kv.Value);
}
