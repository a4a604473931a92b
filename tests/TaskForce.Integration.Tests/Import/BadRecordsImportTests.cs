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
            RealLines[2].Replace("\"decision_date\": \"2025-08-06\"", "\"decision_date\": \"2025-02-30\"", StringComparison.Ordinal), // 4 impossible date
            Replace(RealLines[9], "\"sex\": \"female\"", "\"sex\": \"F\"", "\"sex\": \"male\"", "\"sex\": \"M\""), // 5 unknown sex code
            string.Empty,                                                     // 6 blank: skipped
            RealLines[4]);                                                    // 7 good
        var tables = await storage.NewTablesAsync();

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, path);

        Assert.Equal(6, report.Read);
        Assert.Equal(2, report.Imported);
        Assert.Equal(4, report.Rejected);
        Assert.Equal([2, 3, 4, 5], report.Errors.Select(e => e.Line));
        Assert.StartsWith("line: The line is not well-formed JSON", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(("line", "broken_json"), (report.Errors[0].Field, report.Errors[0].Kind));
        Assert.StartsWith("case_number:", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("decision_date:", report.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("2025-02-30", report.Errors[2].Message, StringComparison.Ordinal);
        Assert.Matches(@"^victims\[\d+\]\.sex: Unknown sex code '[FM]'", report.Errors[3].Message);

        var rows = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        Assert.Equal(2, rows.Count(r => r.Contains("Kind=verdict", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Import_RejectsTheLineAndKeepsTheOthers_GivenALoneSurrogateOrInvalidUtf8()
    {
        string surrogate = RealLines[1].Replace("\"court\": \"PN Kupang\"", "\"court\": \"PN \\ud800 Kupang\"", StringComparison.Ordinal);
        Assert.NotEqual(RealLines[1], surrogate);
        string path = WriteFile(RealLines[0], surrogate, RealLines[2]);
        byte[] bytes = File.ReadAllBytes(path);
        byte[] bad = [.. System.Text.Encoding.UTF8.GetBytes(RealLines[3].Replace("46/Pid.Sus", "46/Pid\u00ff.Sus", StringComparison.Ordinal)).Select(b => b)];
        int at = Array.IndexOf(bad, (byte)0xC3);
        bad[at] = 0xFF; // an invalid UTF-8 lead byte inside the case number
        File.WriteAllBytes(path, [.. bytes, .. bad, (byte)'\n']);
        var tables = await storage.NewTablesAsync();

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, path);

        Assert.Equal(4, report.Read);
        Assert.Equal(2, report.Imported);
        Assert.Equal([2, 4], report.Errors.Select(e => e.Line));
        Assert.StartsWith("court:", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", report.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RejectsTheSameCaseNumber_GivenAnotherDecisionYearInALaterImport()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(RealLines[2]));
        var before = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        string otherYear = RealLines[2].Replace("\"decision_date\": \"2025-08-06\"", "\"decision_date\": \"2024-08-06\"", StringComparison.Ordinal);
        string undated = RealLines[2].Replace("\"decision_date\": \"2025-08-06\"", "\"decision_date\": null", StringComparison.Ordinal);
        Assert.NotEqual(RealLines[2], otherYear);

        var a = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(otherYear));
        var b = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(undated));

        Assert.Equal((0, 1), (a.Imported, a.Rejected));
        Assert.Equal((0, 1), (b.Imported, b.Rejected));
        Assert.Equal(before, await ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    [Fact]
    public async Task Import_CompletesAnInterruptedWrite_GivenTheCaseIndexedButItsHeaderMissing()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(RealLines[2]));
        var complete = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        // Simulate a crash after the case number was claimed but before the verdict's transaction committed.
        await foreach (var e in tables.Verdicts.QueryAsync<Azure.Data.Tables.TableEntity>(x => x.PartitionKey != "caseindex"))
        {
            await tables.Verdicts.DeleteEntityAsync(e.PartitionKey, e.RowKey);
        }

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(RealLines[2]));

        Assert.Equal(1, report.Imported);
        static List<string> NoWriteId(List<string> rows) => rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r, ";WriteId=[0-9a-f]{32}", string.Empty)).ToList();
        Assert.Equal(NoWriteId(complete), NoWriteId(await ImportSnapshotRoundTripTests.AllRowsAsync(tables)));
    }

    [Fact]
    public async Task Import_CountsOneVerdictAndThreeDuplicates_GivenItsCaseNumberTypedFourWays()
    {
        string first = RealLines[0];
        Assert.Contains("\"case_number\": \"27/Pid.Sus/2019/PN Kpg\"", first, StringComparison.Ordinal);
        string Typed(string number) => first.Replace("\"27/Pid.Sus/2019/PN Kpg\"", $"\"{number}\"", StringComparison.Ordinal);
        var tables = await storage.NewTablesAsync();

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(
            Typed("27/Pid.Sus/2019/PN KPG"), Typed("27/Pid.sus/2019/PN Kpg"), Typed("27/Pid.Sus/2019/PN  Kpg"), Typed("27 / Pid.Sus / 2019 / PN Kpg")));
        var again = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(first));

        Assert.Equal((4, 1, 3, 0), (report.Read, report.Imported, report.Duplicates, report.Rejected));
        Assert.Equal((0, 1, 0), (again.Imported, again.Duplicates, again.Rejected));
        var rows = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        Assert.Equal(1, rows.Count(r => r.Contains("Kind=verdict", StringComparison.Ordinal)));
        Assert.Single(rows, r => r.Contains("CaseNumber=27/Pid.Sus/2019/PN KPG;", StringComparison.Ordinal) && r.Contains("Kind=verdict", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_RejectsAsConflict_GivenTheSameNumberRetypedWithDifferentFacts()
    {
        string first = RealLines[0];
        string retypedChanged = first.Replace("\"27/Pid.Sus/2019/PN Kpg\"", "\"27/pid.sus/2019/pn kpg\"", StringComparison.Ordinal)
            .Replace("\"sentence_prison_months\": 60", "\"sentence_prison_months\": 61", StringComparison.Ordinal);
        Assert.NotEqual(first, retypedChanged);
        var tables = await storage.NewTablesAsync();

        var inOneFile = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(first, retypedChanged));
        var later = await ImportSnapshotRoundTripTests.ImportAsync(tables, WriteFile(retypedChanged));

        Assert.Equal((1, 0, 1), (inOneFile.Imported, inOneFile.Duplicates, inOneFile.Rejected));
        Assert.Equal((0, 0, 1), (later.Imported, later.Duplicates, later.Rejected));
        Assert.Contains("already stored with different facts", later.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RejectsEachLineByField_GivenImplausibleNumbersOrAFutureDecisionDate()
    {
        // The use case's clock: 2026-11-29 04:00 UTC = 12:00 in Asia/Makassar, so today is 2026-11-29 there.
        string first = RealLines[0];
        string Set(string field, string value) => System.Text.RegularExpressions.Regex.Replace(first, $"\"{field}\": [^,]+,", $"\"{field}\": {value},");
        string path = WriteFile(
            Set("victims_count", "1000000000"),
            Set("sentence_prison_months", "2147483647"),
            Set("fine_rupiah", "9223372036854775807"),
            Set("decision_date", "\"2026-11-30\""),
            Set("decision_date", "\"2026-11-29\""));
        var tables = await storage.NewTablesAsync();

        var report = await ImportSnapshotRoundTripTests.ImportAsync(tables, path);

        Assert.Equal((5, 1, 4), (report.Read, report.Imported, report.Rejected));
        Assert.Equal([1, 2, 3, 4], report.Errors.Select(e => e.Line));
        Assert.StartsWith("victims_count: victims_count is 1000000000; the most accepted is 10,000", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("sentence_prison_months: sentence_prison_months is 2147483647; the most accepted is 1,200", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("fine_rupiah: fine_rupiah is 9223372036854775807; the most accepted is 1,000,000,000,000", report.Errors[2].Message, StringComparison.Ordinal);
        Assert.StartsWith("decision_date: decision_date is after today (2026-11-29, district time)", report.Errors[3].Message, StringComparison.Ordinal); // PlausibleDate, ADR-028
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
