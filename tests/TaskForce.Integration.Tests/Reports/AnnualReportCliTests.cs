using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Reports;

/// <summary><c>taskforce report</c> in-process against Azurite: the files it writes, and bad input refused before
/// anything is stored.</summary>
[Collection(StorageGroup.Name)]
public sealed class AnnualReportCliTests(AzuriteFixture storage)
{
    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 11, 29, 0, 0)));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Report_WritesTheWordDocumentHtmlAndAnnex_GivenTheRealVerdicts()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts)).Code);
        string outDir = Path.Combine(Path.GetTempPath(), "taskforce-report-" + Guid.NewGuid().ToString("N"));

        var (code, stdout, stderr) = await RunAsync(tables, "report", "--year", "2025", "--region", "*", "--out", outDir);

        Assert.True(code == 0, stderr);
        Assert.Contains("the courts decided 65 trafficking cases (2024: 7)", stdout, StringComparison.Ordinal);
        using (var word = WordprocessingDocument.Open(Path.Combine(outDir, "laporan-tahunan-semua-2025.docx"), false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word));
        }

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(outDir, "laporan-tahunan-semua-2025.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "snapshot-all-2025.json")));
    }

    [Theory]
    [InlineData("year", "report", "--year", "2O25", "--region", "53.03", "--out", "OUT")]
    [InlineData("year", "report", "--year", "2027", "--region", "53.03", "--out", "OUT")]
    [InlineData("region", "report", "--year", "2025", "--region", "53.3", "--out", "OUT")]
    [InlineData("out", "report", "--year", "2025", "--region", "53.03", "--out", "/etc/hostname")]
    public async Task Report_Exits2NamingTheOptionAndStoresNothing_GivenBadInput(string field, params string[] args)
    {
        var tables = await storage.NewTablesAsync();
        string outDir = Path.Combine(Path.GetTempPath(), "taskforce-report-" + Guid.NewGuid().ToString("N"));
        args = [.. args.Select(a => a == "OUT" ? outDir : a)];

        var (code, _, stderr) = await RunAsync(tables, args);

        Assert.Equal(2, code);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
        int stored = 0;
        await foreach (var _ in tables.Snapshots.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            stored++;
        }

        Assert.Equal(0, stored);
    }
}
