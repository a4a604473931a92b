using System.Text;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.BadInput;

/// <summary>CSV inputs: <c>import --format ctdc</c> (the codebook fixture: 28 columns, rows 2–13 good),
/// <c>estimate</c> (samples/mse/UKdat.csv: six lists and <c>count</c>) and <c>link</c> (samples/lists).</summary>
public sealed partial class BadInputTests
{
    private static readonly string[] CtdcLines = File.ReadAllLines(CtdcFixture);
    private static readonly string[] UkDat = File.ReadAllLines(Path.Combine(RepoPaths.MseSamples, "UKdat.csv"));
    private static readonly string[] Police = File.ReadAllLines(Path.Combine(RepoPaths.Root, "samples", "lists", "police.csv"));
    private static readonly string[] Ngo = File.ReadAllLines(Path.Combine(RepoPaths.Root, "samples", "lists", "ngo.csv"));

    private static string CtdcFile(params string[] rows) => string.Join("\n", [CtdcLines[0], .. rows]) + "\n";

    /// <summary>A row cut to its first <paramref name="values"/> values.</summary>
    private static string Cut(string row, int values) => string.Join(',', row.Split(',').Take(values));

    [Fact]
    public async Task ImportCtdc_Exits2AndKeepsTheStoredSet_GivenOnlyARowCutTo10Of28Columns()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await ImportAsync(tables, "ctdc", CtdcFixture)).Code);
        var before = await StoreAsync(tables);
        string file = Write("cut.csv", CtdcFile(Cut(CtdcLines[1], 10)));

        var run = await ImportAsync(tables, "ctdc", file, "--json");

        AssertRefused(run, 2, "\"line 2\"", "Line 2 has 10 values; the header has 28");
        Assert.Equal(before, await StoreAsync(tables)); // the latest comparison set is still the fixture's
    }

    [Fact]
    public async Task ImportCtdc_KeepsTheFullRowsAndListsTheCutOne_GivenOneCutRow()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("one-cut.csv", CtdcFile(CtdcLines[1], Cut(CtdcLines[2], 10), CtdcLines[3]));

        var run = await ImportAsync(tables, "ctdc", file, "--json");

        AssertRefused(run, 0, "\"read\":3,\"imported\":2,\"duplicates\":0,\"rejected\":1", "{\"line\":3,\"message\":\"line: Line 3 has 10 values; the header has 28", "\"kind\":\"column_count\"");
    }

    [Fact]
    public async Task ImportCtdc_Exits2NamingTheColumn_GivenAMisspeltVariableOrAnUnknownColumn()
    {
        var tables = await storage.NewTablesAsync();
        string misspelt = Write("misspelt.csv", Replace(CtdcLines[0], "citizenship", "citizenhip") + "\n" + CtdcLines[1] + "\n");
        string extra = Write("extra.csv", CtdcLines[0] + ",nationality\n" + CtdcLines[1] + ",IDN\n");

        var misspeltRun = await ImportAsync(tables, "ctdc", misspelt, "--json");
        var extraRun = await ImportAsync(tables, "ctdc", extra, "--json");

        AssertRefused(misspeltRun, 2, "\"field\":\"file\"", "the header lacks citizenship");
        AssertRefused(extraRun, 2, "\"field\":\"columns\"", "the column 'nationality', which is not a variable of the CTDC codebook");
        Assert.Empty(await StoreAsync(tables));
    }

    [Theory]
    [InlineData("\u0000", "U+0000")]
    [InlineData("\u0001", "U+0001")]
    public async Task ImportCtdc_Exits2NamingTheLineAndColumn_GivenAControlCharacter(string control, string code)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("control.csv", CtdcFile(Replace(CtdcLines[1], "IDN", "ID" + control + "N")));

        var run = await ImportAsync(tables, "ctdc", file, "--json");

        AssertRefused(run, 2, "\"line 2\"", $"citizenship holds a control character ({code}) as its character 3");
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportCtdc_Exits2NamingTheLine_GivenBytesThatAreNotUtf8()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("utf8.csv", WithInvalidByte(CtdcFile(CtdcLines[1]), "MYS"));

        var run = await ImportAsync(tables, "ctdc", file, "--json");

        AssertRefused(run, 2, "\"line 2\"", "holds U+FFFD as its character 1");
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportCtdc_StoresTheSameSetAsWithCommas_GivenSemicolonsAndAByteOrderMark()
    {
        var tables = await storage.NewTablesAsync();
        string text = CtdcFile(CtdcLines[1..13]);
        Assert.DoesNotContain(';', text);
        string file = Write("excel.csv", [.. Bom, .. Encoding.UTF8.GetBytes(text.Replace(',', ';'))]);

        var run = await ImportAsync(tables, "ctdc", file, "--json");

        AssertRefused(run, 0, "\"read\":12,\"imported\":12,\"duplicates\":0,\"rejected\":0");
    }

    [Theory]
    [InlineData(3, "Line 3 has 6 values; the header has 7")]
    public async Task Estimate_Exits2NamingTheLine_GivenARowWithTooFewValues(int line, string expected)
    {
        var tables = await storage.NewTablesAsync();
        var rows = UkDat.ToArray();
        rows[line - 1] = Cut(rows[line - 1], 6);
        string file = Write("uk-cut.csv", string.Join("\n", rows) + "\n");

        var run = await RunAsync(tables, "estimate", "--file", file, "--json");

        AssertRefused(run, 2, "\"field\":\"line\"", expected);
    }

    [Fact]
    public async Task Estimate_Exits2NamingTheColumn_GivenANulOrBytesThatAreNotUtf8()
    {
        var tables = await storage.NewTablesAsync();
        string nul = Write("uk-nul.csv", string.Join("\n", UkDat).Replace("0,1,0,0,0,0,463", "0,1,0,0,0,0,4\u000063", StringComparison.Ordinal) + "\n");
        string bytes = Write("uk-bytes.csv", WithInvalidByte(string.Join("\n", UkDat) + "\n", "463"));

        var nulRun = await RunAsync(tables, "estimate", "--file", nul, "--json");
        var bytesRun = await RunAsync(tables, "estimate", "--file", bytes, "--json");

        AssertRefused(nulRun, 2, "\"field\":\"count\"", "count holds a control character (U+0000) as its character 2");
        AssertRefused(bytesRun, 2, "\"field\":\"count\"", "count holds U+FFFD as its character 1");
    }

    [Fact]
    public async Task Estimate_ReadsTheFile_GivenSemicolonsAndAByteOrderMark()
    {
        var tables = await storage.NewTablesAsync();
        string plain = Path.Combine(RepoPaths.MseSamples, "UKdat.csv");
        string excel = Write("uk-excel.csv", [.. Bom, .. Encoding.UTF8.GetBytes(string.Join("\r\n", UkDat).Replace(',', ';') + "\r\n")]);

        var expected = await RunAsync(tables, "estimate", "--file", plain, "--model", "independence", "--json");
        var run = await RunAsync(tables, "estimate", "--file", excel, "--model", "independence", "--json");

        Assert.Equal(0, run.Code);
        Assert.Equal(expected.Stdout, run.Stdout);
    }

    private Task<(int Code, string Stdout, string Stderr)> LinkAsync(Storage.TaskForceTables tables, string police) =>
        RunAsync(tables, "link", "--file", police, "--file", Path.Combine(RepoPaths.Root, "samples", "lists", "ngo.csv"), "--out", Path.Combine(_dir, "link-out"), "--json");

    [Theory]
    [InlineData("2006-04-12", "0000-04-12", "records[0].birth_date is before 1900-01-01")]
    [InlineData("2006-04-12", "0001-04-12", "records[0].birth_date is before 1900-01-01")]
    [InlineData("2006-04-12", Tomorrow, "records[0].birth_date is after today (2026-01-05")]
    [InlineData("2025-03-04", Tomorrow, "records[0].identified_on is after today (2026-01-05")]
    public async Task Link_Exits2NamingTheFieldNotTheValue_GivenADateOutOfRange(string from, string to, string expected)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("police-date.csv", string.Join("\n", [Police[0], Replace(Police[1], from, to), .. Police[2..]]) + "\n");

        var run = await LinkAsync(tables, file);

        AssertRefused(run, 2, expected);
        Assert.DoesNotContain(to == Tomorrow ? "2006-04-12" : to, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_Exits2NamingTheLine_GivenARowWithTooFewValuesOrAnUnknownColumn()
    {
        var tables = await storage.NewTablesAsync();
        string cut = Write("police-cut.csv", string.Join("\n", [Police[0], Cut(Police[1], 5), .. Police[2..]]) + "\n");
        string unknown = Write("police-col.csv", string.Join("\n", [Replace(Police[0], "kecamatan", "kecamtan"), .. Police[1..]]) + "\n");

        var cutRun = await LinkAsync(tables, cut);
        var unknownRun = await LinkAsync(tables, unknown);

        AssertRefused(cutRun, 2, "\"field\":\"line\"", "Line 2 has 5 values; the header has 9");
        AssertRefused(unknownRun, 2, "\"field\":\"columns\"", "unknown column 'kecamtan'");
    }

    [Fact]
    public async Task Link_Exits2NamingTheColumnNotTheValue_GivenANulInAName()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("police-nul.csv", string.Join("\n", [Police[0], Replace(Police[1], "Maria Goreti", "Maria\u0000Goreti"), .. Police[2..]]) + "\n");

        var run = await LinkAsync(tables, file);

        AssertRefused(run, 2, "\"field\":\"name\"", "name holds a control character (U+0000) as its character 6");
        Assert.DoesNotContain("Goreti", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
