using System.Text;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.BadInput;

/// <summary>Format <c>putusan</c>: court-outcome lines (the real sample's first line, 27/Pid.Sus/2019/PN Kpg,
/// decided 2019-05-22 by PN Kupang, arrest 2018-10-13).</summary>
public sealed partial class BadInputTests
{
    private static string Verdict => Verdicts[0];

    private static Task<(int Code, string Stdout, string Stderr)> ImportAsync(Storage.TaskForceTables tables, string format, string file, params string[] more) =>
        RunAsync(tables, ["import", "--format", format, "--file", file, .. more]);

    [Theory]
    [InlineData("\"decision_date\":", "\"decision_dat\":", "decision_dat")]                 // misspelt: never an undated verdict
    [InlineData("\"court\":", "\"judge\": \"X\", \"court\":", "judge")]                      // unknown
    [InlineData("{\"sex\": null, \"age\": null, \"child\": true}", "{\"sex\": null, \"age\": null, \"child\": true, \"gender\": \"female\"}", "victims[0].gender")]
    [InlineData("\"child_victim\": true", "\"child_victim\": true, \"minor\": true", "aggravations.minor")]
    public async Task ImportPutusan_Exits2NamingTheField_GivenAnUnknownField(string from, string to, string field)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("unknown.jsonl", Replace(Verdict, from, to) + "\n");

        var run = await ImportAsync(tables, "putusan", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", $"{field}: {field} is not a field of this format");
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportPutusan_StoresTheCorrectedLine_GivenTheMisspeltLineRefusedBefore()
    {
        var tables = await storage.NewTablesAsync();
        await ImportAsync(tables, "putusan", Write("typo.jsonl", Replace(Verdict, "\"decision_date\":", "\"decision_dat\":") + "\n"));

        var run = await ImportAsync(tables, "putusan", Write("fixed.jsonl", Verdict + "\n"), "--json");

        Assert.Equal(0, run.Code);
        Assert.Contains("\"imported\":1,\"duplicates\":0,\"rejected\":0", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"decision_date\": \"2019-05-22\"", "\"decision_date\": \"0000-05-22\"", "decision_date is before 1900-01-01")]
    [InlineData("\"arrest_date\": \"2018-10-13\"", "\"arrest_date\": \"0001-10-13\"", "arrest_date is before 1900-01-01")]
    [InlineData("\"offence_date_from\": null", "\"offence_date_from\": \"1899-12-31\"", "offence_date_from is before 1900-01-01")]
    [InlineData("\"arrest_date\": \"2018-10-13\"", "\"arrest_date\": \"" + Tomorrow + "\"", "arrest_date is after today (2026-01-05")]
    public async Task ImportPutusan_Exits2NamingTheField_GivenADateOutOfRange(string from, string to, string expected)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("dates.jsonl", Replace(Verdict, from, to) + "\n");

        var run = await ImportAsync(tables, "putusan", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", expected);
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportPutusan_AcceptsTheEarliestDate_Given19000101()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("earliest.jsonl", Replace(Verdict, "\"offence_date_from\": null", "\"offence_date_from\": \"1900-01-01\"") + "\n");

        var run = await ImportAsync(tables, "putusan", file, "--json");

        Assert.True(run.Code == 0, run.Stdout + run.Stderr);
        Assert.Contains("\"imported\":1", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"court\": \"PN Kupang\"", "\"court\": \"PN \\u0000Kupang\"", "court holds a control character (U+0000) as its character 4")]
    [InlineData("\"court\": \"PN Kupang\"", "\"court\": \"PN Kupang\\u001b\"", "court holds a control character (U+001B) as its character 10")]
    [InlineData("\"by\": \"penyidik\"", "\"by\": \"peny\\u0085idik\"", "holds a control character (U+0085) as its character 5")]
    public async Task ImportPutusan_Exits2NamingTheField_GivenAControlCharacter(string from, string to, string expected)
    {
        var tables = await storage.NewTablesAsync();
        string line = Verdict.Contains(from, StringComparison.Ordinal) ? Verdict : Verdicts.First(l => l.Contains(from, StringComparison.Ordinal));
        string file = Write("control.jsonl", Replace(line, from, to) + "\n");

        var run = await ImportAsync(tables, "putusan", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", expected);
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportPutusan_KeepsTheGoodLinesAndListsTheBadOne_GivenInvalidUtf8OnLine2()
    {
        var tables = await storage.NewTablesAsync();
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Verdicts[0] + "\n"), .. WithInvalidByte(Verdicts[1] + "\n", "Pid"), .. Encoding.UTF8.GetBytes(Verdicts[2] + "\n")];
        string file = Write("utf8.jsonl", bytes);

        var run = await ImportAsync(tables, "putusan", file, "--json");

        AssertRefused(run, 0, "\"read\":3,\"imported\":2,\"duplicates\":0,\"rejected\":1",
            "{\"line\":2,\"message\":\"line: The line is not valid UTF-8", "\"field\":\"line\",\"kind\":\"invalid_utf8\"");
        Assert.Equal(2, (await Infrastructure.TableRows.AllAsync(tables.Verdicts)).Count(r => r.GetString("Kind") == "verdict"));
    }

    [Fact]
    public async Task ImportPutusan_Exits2_GivenOnlyALineThatIsNotUtf8()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("utf8-only.jsonl", WithInvalidByte(Verdict + "\n", "Kupang"));

        var run = await ImportAsync(tables, "putusan", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", "not valid UTF-8");
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportPutusan_Exits2NamingTheField_GivenADuplicateKey()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("dup.jsonl", Replace(Verdict, "\"court\": \"PN Kupang\"", "\"court\": \"PN Kupang\", \"court\": \"PN Atambua\"") + "\n");

        var run = await ImportAsync(tables, "putusan", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", "court: The field appears more than once");
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportPutusan_StoresEveryLine_GivenAByteOrderMarkAndCrLf()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("bom.jsonl", [.. Bom, .. Encoding.UTF8.GetBytes(string.Join("\r\n", Verdicts.Take(3)) + "\r\n")]);

        var run = await ImportAsync(tables, "putusan", file, "--json");

        Assert.True(run.Code == 0, run.Stdout + run.Stderr);
        Assert.Contains("\"read\":3,\"imported\":3,\"duplicates\":0,\"rejected\":0", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPutusan_PrintsCountsPerKindAndTheFirstLines_GivenBadLinesWithoutJson()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("mixed.jsonl", string.Join("\n",
            Verdicts[0],                                                                            // 1 good
            Replace(Verdicts[1], "\"court\":", "\"courts\":"),                                      // 2 unknown field
            Replace(Verdicts[2], "\"decision_date\": \"", "\"decision_date\": \"0"),                // 3 not a date (5-digit year)
            Replace(Verdicts[3], "\"court\":", "\"judge\": null, \"court\":"),                      // 4 unknown field
            "{\"case_number\": ") + "\n");                                                          // 5 broken JSON

        var run = await ImportAsync(tables, "putusan", file);

        AssertRefused(run, 0,
            "(putusan): 5 read, 1 imported, 0 corrected, 0 already stored, 4 rejected.",
            "Rejected lines (4), by kind of problem:",
            "  Unknown field [unknown_field]: 2",
            "    line 2, courts: courts is not a field of this format",
            "    line 4, judge: judge is not a field of this format",
            "  Not a JSON object [broken_json]: 1",
            "    line 5, line: The line is not well-formed JSON",
            "For the full list, run again with --report FILE");
    }

    [Fact]
    public async Task ImportPutusan_WritesEveryRejectedLineToTheReport_GivenReport()
    {
        var tables = await storage.NewTablesAsync();
        var lines = new List<string> { Verdicts[0] };
        lines.AddRange(Enumerable.Range(0, 120).Select(i => Replace(Verdicts[1], "\"court\":", "\"courts\":")));
        string file = Write("many.jsonl", string.Join("\n", lines) + "\n");
        string report = Path.Combine(_dir, "report.csv");

        var run = await ImportAsync(tables, "putusan", file, "--report", report, "--json");

        Assert.True(run.Code == 0, run.Stdout + run.Stderr);
        Assert.Contains("\"rejected\":120", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"problem_counts\":{\"unknown_field\":120}", run.Stdout, StringComparison.Ordinal);
        string[] rows = File.ReadAllLines(report, Encoding.UTF8);
        Assert.Equal(121, rows.Length); // the header and all 120 rejected lines, where --json lists the first 100
        Assert.Equal("line,field,kind,message", rows[0]);
        Assert.StartsWith("2,courts,unknown_field,\"courts: courts is not a field of this format", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("121,courts,unknown_field,", rows[120], StringComparison.Ordinal);
        Assert.Equal(Bom, File.ReadAllBytes(report)[..3]);
    }

    [Fact]
    public async Task ImportPutusan_Exits2NamingReportAndStoresNothing_GivenAReportPathThatIsAFolder()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("good.jsonl", Verdict + "\n");

        var run = await ImportAsync(tables, "putusan", file, "--report", _dir, "--json");

        AssertRefused(run, 2, "\"field\":\"report\"", "--report", "is a folder");
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportPutusan_Exits2NamingReport_GivenAReportInAMissingFolder()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("good2.jsonl", Verdict + "\n");

        var run = await ImportAsync(tables, "putusan", file, "--report", Path.Combine(_dir, "no-such-folder", "r.csv"), "--json");

        AssertRefused(run, 2, "\"field\":\"report\"", "its folder does not exist");
        Assert.Empty(await StoreAsync(tables));
    }
}
