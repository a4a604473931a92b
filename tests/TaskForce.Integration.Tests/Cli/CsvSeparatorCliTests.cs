using System.Text;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>CSV files as Excel saves them in an Indonesian locale (issue 15 §4; README "Import"): <c>;</c> between
/// values is read when the header line holds <c>;</c> and no <c>,</c>, giving exactly what the same file with commas
/// gives; a header holding both is refused naming the cause (exit 2), nothing stored.</summary>
[Collection(StorageGroup.Name)]
public sealed class CsvSeparatorCliTests(AzuriteFixture storage) : IDisposable
{
    private static readonly string Ctdc = Path.Combine(RepoPaths.Root, "tests", "TaskForce.Integration.Tests", "Fixtures", "ctdc-sample.csv");
    private static readonly string UkDat = Path.Combine(RepoPaths.MseSamples, "UKdat.csv");

    private readonly string _dir = Directory.CreateTempSubdirectory("taskforce-csv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables? tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables ?? throw new InvalidOperationException("no storage"), CancellationToken.None,
            new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), null, _ => null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The file with every ',' turned into ';' (the samples hold no quoted value and no ';'), with a
    /// byte-order mark as Excel writes it.</summary>
    private string Semicolons(string path, string name)
    {
        string text = File.ReadAllText(path);
        Assert.DoesNotContain(';', text);
        string target = Path.Combine(_dir, name);
        File.WriteAllText(target, text.Replace(',', ';'), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return target;
    }

    [Fact]
    public async Task Estimate_GivesTheSameEstimate_GivenASemicolonSeparatedFile()
    {
        string file = Semicolons(UkDat, "UKdat-excel.csv");

        var (expectedCode, expected, _) = await RunAsync(null, "estimate", "--file", UkDat, "--model", "independence", "--json");
        var (code, stdout, stderr) = await RunAsync(null, "estimate", "--file", file, "--model", "independence", "--json");

        Assert.Equal(0, expectedCode);
        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(expected, stdout);
        Assert.Contains("\"lists\":[\"LA\",\"NG\",\"PF\",\"GO\",\"GP\",\"NCA\"]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_Exits2NamingTheCause_GivenAHeaderWithBothSeparators()
    {
        string file = Path.Combine(_dir, "mixed.csv");
        await File.WriteAllTextAsync(file, "LA,NG;count\n1,0;5\n0,1;7\n");

        var (code, stdout, _) = await RunAsync(null, "estimate", "--file", file, "--json");

        Assert.Equal(2, code);
        Assert.Contains("\"file\"", stdout, StringComparison.Ordinal);
        Assert.Contains("so the separator cannot be told", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StoresTheSameRecords_GivenASemicolonSeparatedCtdcFile()
    {
        var commaTables = await storage.NewTablesAsync();
        var semicolonTables = await storage.NewTablesAsync();
        string file = Semicolons(Ctdc, "ctdc-excel.csv");

        var (expectedCode, expected, _) = await RunAsync(commaTables, "import", "--format", "ctdc", "--file", Ctdc, "--json");
        var (code, stdout, stderr) = await RunAsync(semicolonTables, "import", "--format", "ctdc", "--file", file, "--json");

        Assert.Equal(0, expectedCode);
        Assert.True(code == 0, stdout + stderr);
        // The fixture's 16 data rows: 12 kept, 4 breaking the codebook (as CtdcImportTests works out).
        Assert.Contains("\"imported\":12", expected, StringComparison.Ordinal);
        Assert.Contains("\"imported\":12", stdout, StringComparison.Ordinal);
        Assert.Contains("\"rejected\":4", stdout, StringComparison.Ordinal);
        Assert.Equal((await TableRows.AllAsync(commaTables.Ctdc)).Count, (await TableRows.AllAsync(semicolonTables.Ctdc)).Count);
    }

    [Fact]
    public async Task Import_Exits2NamingTheCause_GivenACtdcHeaderWithBothSeparators()
    {
        var tables = await storage.NewTablesAsync();
        string[] lines = await File.ReadAllLinesAsync(Ctdc);
        string file = Path.Combine(_dir, "ctdc-mixed.csv");
        await File.WriteAllLinesAsync(file, [string.Concat(lines[0].AsSpan(0, lines[0].LastIndexOf(',')), ";", lines[0].AsSpan(lines[0].LastIndexOf(',') + 1)), .. lines[1..]]);

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "ctdc", "--file", file, "--json");

        Assert.Equal(2, code);
        Assert.Contains("so the separator cannot be told", stdout, StringComparison.Ordinal);
        Assert.Empty(await TableRows.AllAsync(tables.Ctdc));
    }
}
