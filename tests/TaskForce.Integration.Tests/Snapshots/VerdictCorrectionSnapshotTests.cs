using NodaTime;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Import;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Import.VerdictCorrectionLines;

namespace TaskForce.Integration.Tests.Snapshots;

/// <summary>The snapshot counts the corrected facts of a verdict (its current revision only) and the earlier revision
/// stays readable (ADR-015), on the real 77-line sample.</summary>
[Collection(StorageGroup.Name)]
public sealed class VerdictCorrectionSnapshotTests(AzuriteFixture storage)
{
    private static readonly Instant CorrectedAt = Instant.FromUtc(2026, 12, 1, 2, 30);

    [Fact]
    public async Task Snapshot_CountsTheCorrectedFacts_GivenAYearMoveAndASentenceCorrection()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var before2019 = await SnapshotAsync(tables, "2019");
        var before2025 = await SnapshotAsync(tables, "2025");

        // Hand-checked on the sample: 2019 holds one verdict (27/Pid.Sus/2019/PN Kpg, 60 months); 2025 holds 65, 64
        // of them with a prison sentence, the longest 84 months (135/Pid.Sus/2025/PN Blt), the median 36.
        Assert.Equal(1, before2019.Value("cases"));
        Assert.Equal(65, before2025.Value("cases"));
        Assert.Equal(64, before2025.Value("sentence_months", ("stat", "count")));
        Assert.Equal(84, before2025.Value("sentence_months", ("stat", "max")));

        string moved = Correction(Line("27/Pid.Sus/2019/PN Kpg"), "Decision date misread: the verdict was read out on 22 May 2025.",
            ("decision_date", "2025-05-22"), ("deliberation_date", "2025-05-20"));
        string longer = Correction(Line("135/Pid.Sus/2025/PN Blt"), "Sentence misread: 8 years, not 7.", ("sentence_prison_months", 96));
        var report = await VerdictCorrectionTests.ImportAsync(tables, CorrectedAt, moved, longer);
        Assert.Equal((2, 0, 0), (report.Corrected, report.Duplicates, report.Rejected));

        var after2019 = await SnapshotAsync(tables, "2019");
        var after2025 = await SnapshotAsync(tables, "2025");

        // By hand: 2019 loses its only verdict; 2025 gains it (66 verdicts, 65 sentences: 60 added, 84 replaced by
        // 96, so the maximum is 96 and the 33rd of 65 sorted sentences, the median, is still 36).
        Assert.Equal(0, after2019.Value("cases"));
        Assert.Equal(66, after2025.Value("cases"));
        Assert.Equal(65, after2025.Value("sentence_months", ("stat", "count")));
        Assert.Equal(96, after2025.Value("sentence_months", ("stat", "max")));
        Assert.Equal(36, after2025.Value("sentence_months", ("stat", "median")));
        Assert.Equal(6, after2025.Value("sentence_months", ("stat", "min")));

        // Independently: the counts of the sample with the two lines replaced, computed straight from the JSONL.
        string corrected = BadRecordsImportTests.WriteFile([.. RealLines.Select(l => l == Line("27/Pid.Sus/2019/PN Kpg") ? With(moved, ("corrects", null), ("correction_reason", null))
            : l == Line("135/Pid.Sus/2025/PN Blt") ? With(longer, ("corrects", null), ("correction_reason", null)) : l)]);
        foreach (var (year, s) in new[] { (2019, after2019), (2025, after2025) })
        {
            var expected = ReferenceCounts.ForYear(corrected, year);
            Assert.Equal(expected.Cases, s.Value("cases"));
            Assert.Equal(expected.Victims, s.Value("victims"));
            Assert.Equal(expected.SentenceCount, s.Value("sentence_months", ("stat", "count")));
        }

        // The earlier revisions are still readable.
        var repo = new TableVerdictRepository(tables);
        var history = (await repo.GetHistoryAsync("27/Pid.Sus/2019/PN Kpg"))!;
        Assert.Equal([new LocalDate(2019, 5, 22), new LocalDate(2025, 5, 22)], history.Select(r => r.Verdict.Facts.DecisionDate!.Value));
        Assert.Equal([84, 96], (await repo.GetHistoryAsync("135/Pid.Sus/2025/PN Blt"))!.Select(r => r.Verdict.Facts.SentencePrisonMonths!.Value));
    }

    private static async Task<SnapshotReader> SnapshotAsync(TaskForceTables tables, string period) =>
        new(SnapshotJson.Write(await ImportSnapshotRoundTripTests.SnapshotUseCase(tables).ComputeAsync(RegionCode.All, ReportingPeriod.Parse(period), null)));
}

