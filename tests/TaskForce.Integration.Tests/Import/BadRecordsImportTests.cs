using TaskForce.Domain.Common;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;

namespace TaskForce.Integration.Tests.Import;

/// <summary>Messy input: each bad record is reported with its line number and reason; the good ones are kept.</summary>
[Collection(StorageGroup.Name)]
public sealed class BadRecordsImportTests(AzuriteFixture storage)
{
    private static readonly string[] RealLines = File.ReadAllLines(RepoPaths.SampleVerdicts);

    [Fact]
    public async Task Import_ReportsEachBadLineAndKeepsTheGoodOnes_GivenAMixedFile()
    {
        string path = WriteFile(
            RealLines[0],                                                     // 1 good
            "{\"case_number\": \"1/Pid.Sus/2025/PN X\", \"decision_date\": ",  // 2 broken JSON
            RealLines[1].Replace("\"case_number\": \"4/Pid.Sus/2025/PN Kpg\", ", string.Empty, StringComparison.Ordinal), // 3 no case number
            RealLines[2].Replace("\"decision_date\": \"2025-", "\"decision_date\": \"2025-02-30\", \"x\": \"", StringComparison.Ordinal), // 4 impossible date
            Replace(RealLines[9], "\"sex\": \"female\"", "\"sex\": \"F\"", "\"sex\": \"male\"", "\"sex\": \"M\""), // 5 unknown sex code
            string.Empty,                                                     // 6 blank: skipped
            RealLines[4]);                                                    // 7 good
        var tables = await storage.NewTablesAsync();

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, path);

        Assert.Equal(6, report.Read);
        Assert.Equal(2, report.Imported);
        Assert.Equal(4, report.Rejected);
        Assert.Equal([2, 3, 4, 5], report.Errors.Select(e => e.Line));
        Assert.StartsWith("Broken JSON", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("case_number:", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("decision_date:", report.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("2025-02-30", report.Errors[2].Message, StringComparison.Ordinal);
        Assert.Matches(@"^victims\[\d+\]\.sex: Unknown sex code '[FM]'", report.Errors[3].Message);

        var rows = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        Assert.Equal(2, rows.Count(r => r.Contains("Kind=verdict", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Import_ThrowsNamingTheFile_GivenAnEmptyFile()
    {
        string path = WriteFile(string.Empty, "   ");
        var tables = await storage.NewTablesAsync();

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => ImportSnapshotRoundTripTests.ImportAsync(tables, path));

        Assert.Equal("file", ex.Field);
        Assert.Empty(await ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    [Fact]
    public async Task Import_KeepsTheStoredRecordAndRejectsTheNewOne_GivenTheSameCaseNumberWithDifferentFacts()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(RealLines[0]));
        var before = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        string changed = RealLines[0].Replace("\"sentence_prison_months\": 60", "\"sentence_prison_months\": 61", StringComparison.Ordinal);
        Assert.NotEqual(RealLines[0], changed);

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(changed));

        Assert.Equal(0, report.Imported);
        Assert.Equal(1, report.Rejected);
        Assert.Contains("already stored with different facts", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    [Fact]
    public async Task Import_RejectsTheSecondLine_GivenTwoDifferentRecordsWithOneCaseNumberInOneFile()
    {
        var tables = await storage.NewTablesAsync();
        string changed = RealLines[0].Replace("\"sentence_prison_months\": 60", "\"sentence_prison_months\": 61", StringComparison.Ordinal);

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(RealLines[0], RealLines[0], changed));

        Assert.Equal(3, report.Read);
        Assert.Equal(1, report.Imported);
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(1, report.Rejected);
        Assert.Equal(3, report.Errors.Single().Line);
    }

    [Fact]
    public async Task Import_StoresAllRowsInTransactionsOfAtMost100_GivenAVerdictWith150Victims()
    {
        // 150 victims + 8 detention periods + 1 header = 159 rows: more than one transaction can hold.
        string many = "[" + string.Join(",", Enumerable.Range(0, 150).Select(i => i % 2 == 0 ? "{\"sex\": \"female\", \"age\": 20, \"child\": false}" : "{\"sex\": \"male\", \"age\": null, \"child\": null}")) + "]";
        string line = System.Text.RegularExpressions.Regex.Replace(RealLines[0], "\"victims\": \\[[^\\]]*\\], \"victims_count\": 2", $"\"victims\": {many}, \"victims_count\": 150");
        Assert.NotEqual(RealLines[0], line);
        var tables = await storage.NewTablesAsync();

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(line, RealLines[4]));

        Assert.Equal(2, report.Imported);
        var snapshot = new SnapshotReader(TaskForce.Application.Snapshots.SnapshotJson.Write(
            await ImportSnapshotRoundTripTests.SnapshotUseCase(tables).ComputeAsync(RegionCode.All, TaskForce.Domain.Indicators.ReportingPeriod.Parse("2019"), null)));
        Assert.Equal(150, snapshot.Value("victims"));
        Assert.Equal(75, snapshot.Value("victims", ("sex", "female")));
        Assert.Equal(75, snapshot.Value("victims", ("sex", "male")));
        Assert.Equal(75, snapshot.Value("victims", ("age_group", "adult")));
        Assert.Equal(75, snapshot.Value("victims", ("age_group", "unknown")));
        Assert.Equal(0, (await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(line))).Imported);
    }

    private static string Replace(string s, params string[] pairs)
    {
        for (int i = 0; i < pairs.Length; i += 2)
        {
            s = s.Replace(pairs[i], pairs[i + 1], StringComparison.Ordinal);
        }

        return s;
    }

    internal static string WriteFile(params string[] lines)
    {
        string path = Path.Combine(Path.GetTempPath(), $"taskforce-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
