using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Import;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Import;

/// <summary>The CTDC import on the fixture written from the codebook (Fixtures/ctdc-sample.csv), stored in Azurite,
/// and the snapshot setting the task force's numbers beside the global ones.</summary>
[Collection(StorageGroup.Name)]
public sealed class CtdcImportTests(AzuriteFixture storage)
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests", "TaskForce.Integration.Tests", "Fixtures", "ctdc-sample.csv");

    private static ImportCtdcUseCase UseCase(TaskForceTables tables) =>
        new(new TableCtdcRepository(tables), new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), NullLogger<ImportCtdcUseCase>.Instance);

    [Fact]
    public async Task Import_KeepsTwelveRecordsAndReportsFourByLine_GivenTheFixtureTwice()
    {
        var tables = await storage.NewTablesAsync();
        byte[] bytes = await File.ReadAllBytesAsync(Fixture);

        var first = await UseCase(tables).ImportAsync(bytes, Fixture);
        var second = await UseCase(tables).ImportAsync(bytes, Fixture);

        // 16 data rows (lines 2-17); rows 13-16 (lines 14-17) break the codebook.
        Assert.Equal("ctdc", first.Format);
        Assert.Equal(16, first.Read);
        Assert.Equal(12, first.Imported);
        Assert.Equal(4, first.Rejected);
        Assert.Equal([14, 15, 16, 17], first.Errors.Select(e => e.Line));
        Assert.StartsWith("gender:", first.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("ageBroad:", first.Errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("isForcedLabour:", first.Errors[2].Message, StringComparison.Ordinal);
        Assert.StartsWith("citizenship:", first.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal(0, second.Imported);
        Assert.Equal(12, second.Duplicates);

        var stored = (await new TableCtdcRepository(tables).GetLatestAsync())!;
        Assert.Equal(12, stored.Records);
        Assert.Equal(12, stored.Counts.Sum(c => c.Count));
    }

    [Fact]
    public async Task Snapshot_SetsTheGlobalFiguresBeside_Given2023()
    {
        var tables = await storage.NewTablesAsync();
        await UseCase(tables).ImportAsync(await File.ReadAllBytesAsync(Fixture), Fixture);
        var useCase = CaseDataSet.UseCase(new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), new TableCtdcRepository(tables));

        var s = new SnapshotReader(SnapshotJson.Write(await useCase.ComputeAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2023"), null)));

        // 2023 rows: 1, 2, 3, 4, 5, 6, 9, 10, 12 = 9 records. Women 1, 2, 9, 12; men 3, 4, 10; trans 5; unknown 6.
        Assert.Equal(9m, s.Value("ctdc_global_victims"));
        Assert.Equal(4m, s.Value("ctdc_global_victims", ("sex", "female")));
        Assert.Equal(3m, s.Value("ctdc_global_victims", ("sex", "male")));
        Assert.Equal(1m, s.Value("ctdc_global_victims", ("sex", "other")));
        Assert.Equal(1m, s.Value("ctdc_global_victims", ("sex", "unknown")));
        // ageBroad: unknown = row 6 and row 12 (-99).
        Assert.Equal(2m, s.Value("ctdc_global_victims", ("age_broad", "unknown")));
        Assert.Equal(1m, s.Value("ctdc_global_victims", ("age_broad", "9-17")));
        // Forms (multi): forced labour 1, 3, 4, 9, 10 = 5; sexual 2, 5, 9, 12 = 4; other 4 = 1; none flagged 6 = 1.
        Assert.Equal(5m, s.Value("ctdc_global_victims", ("exploitation_form", "forced_labour")));
        Assert.Equal(4m, s.Value("ctdc_global_victims", ("exploitation_form", "sexual_exploitation")));
        Assert.Equal(1m, s.Value("ctdc_global_victims", ("exploitation_form", "other")));
        Assert.Equal(1m, s.Value("ctdc_global_victims", ("exploitation_form", "unknown")));
        // Citizenship IDN: rows 1, 2, 3, 9, 12 = 5 (women 1, 2, 9, 12; man 3); forced labour 1, 3, 9; sexual 2, 9, 12.
        Assert.Equal(5m, s.Value("ctdc_global_victims", ("citizenship", "ID")));
        Assert.Equal(4m, s.Value("ctdc_global_victims", ("citizenship", "ID"), ("sex", "female")));
        Assert.Equal(3m, s.Value("ctdc_global_victims", ("citizenship", "ID"), ("exploitation_form", "forced_labour")));
        Assert.Equal(3m, s.Value("ctdc_global_victims", ("citizenship", "ID"), ("exploitation_form", "sexual_exploitation")));
        var rules = s.Root.GetProperty("coverage").GetProperty("rules");
        Assert.Equal("2023", rules.GetProperty("ctdc_year").GetString());
        Assert.StartsWith("ctdc-sample.csv@", rules.GetProperty("ctdc_dataset").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_UsesTheLatestEarlierYearWithAWarning_Given2025()
    {
        var tables = await storage.NewTablesAsync();
        await UseCase(tables).ImportAsync(await File.ReadAllBytesAsync(Fixture), Fixture);
        var useCase = CaseDataSet.UseCase(new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), new TableCtdcRepository(tables));

        var snapshot = await useCase.ComputeAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2025"), null);
        var s = new SnapshotReader(SnapshotJson.Write(snapshot));

        Assert.Equal(1m, s.Value("ctdc_global_victims")); // the one 2024 record
        Assert.Contains(snapshot.Coverage.Warnings, w => w.Contains("2024", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_ThrowsNamingTheMissingVariables_GivenAnotherCsv()
    {
        var tables = await storage.NewTablesAsync();

        var ex = await Assert.ThrowsAsync<TaskForce.Domain.Common.DomainValidationException>(() =>
            UseCase(tables).ImportAsync("a,b\n1,2\n"u8.ToArray(), "other.csv"));

        Assert.Equal("file", ex.Field);
        Assert.Contains("yearOfRegistration", ex.Message, StringComparison.Ordinal);
    }
}
