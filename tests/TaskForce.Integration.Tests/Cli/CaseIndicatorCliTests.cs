using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>The tool's case-record outputs: the HTML report with charts, the exports and the CTDC import.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseIndicatorCliTests(AzuriteFixture storage)
{
    private static async Task<(int Code, string Stdout)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), CaseDataSet.Source());
        return (code, stdout.ToString());
    }

    [Fact]
    public async Task Snapshot_WritesABilingualHtmlReportWithPngCharts_GivenOut()
    {
        var tables = await storage.NewTablesAsync();
        string dir = Path.Combine(Path.GetTempPath(), "taskforce-html-" + Guid.NewGuid().ToString("N"));

        var (code, stdout) = await RunAsync(tables, "snapshot", "--region", "53.03", "--period", "2025", "--out", dir, "--json");

        Assert.Equal(0, code);
        Assert.Equal(113m, new SnapshotReader(stdout).Value("cases_reported"));
        string html = await File.ReadAllTextAsync(Path.Combine(dir, "snapshot-53.03-2025.html"));
        Assert.Contains("Korban TPPO teridentifikasi / Victims of trafficking identified", html, StringComparison.Ordinal);
        Assert.Contains("Perempuan / Female", html, StringComparison.Ordinal);
        Assert.Contains("k = 11", html, StringComparison.Ordinal);
        foreach (string png in new[] { "snapshot-53.03-2025.png", "snapshot-53.03-2025-victims-identified.png", "snapshot-53.03-2025-justice-funnel.png", "snapshot-53.03-2025-reporting-delay.png" })
        {
            Assert.Contains($"<img src=\"{png}\"", html, StringComparison.Ordinal);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(Path.Combine(dir, png)))[..4]);
        }

        Assert.DoesNotContain("00000000000000000000000000000001", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simfoni", "periode,kode_wilayah,bentuk_kekerasan,jenis_kelamin,kelompok_umur,jumlah_korban,disensor")]
    [InlineData("ctdc", "yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,traffickMonths,")]
    [InlineData("htcds", "{")]
    public async Task Export_WritesTheFileAndReportsCounts_GivenEachFormat(string format, string start)
    {
        var tables = await storage.NewTablesAsync();
        string path = Path.Combine(Path.GetTempPath(), $"taskforce-export-{Guid.NewGuid():N}.{format}");

        var (code, stdout) = await RunAsync(tables, "export", "--format", format, "--region", "53.03", "--period", "2025", "--out", path, "--json");

        Assert.Equal(0, code);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(format, report.GetProperty("format").GetString());
        Assert.Equal(11, report.GetProperty("suppression_k").GetInt32());
        Assert.StartsWith(start, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task ImportCtdc_PrintsTheContractReport_GivenTheFixture()
    {
        var tables = await storage.NewTablesAsync();
        string fixture = Path.Combine(RepoPaths.Root, "tests", "TaskForce.Integration.Tests", "Fixtures", "ctdc-sample.csv");

        var (code, stdout) = await RunAsync(tables, "import", "--format", "ctdc", "--file", fixture, "--json");

        Assert.Equal(0, code);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(16, r.GetProperty("read").GetInt32());
        Assert.Equal(12, r.GetProperty("imported").GetInt32());
        Assert.Equal(4, r.GetProperty("rejected").GetInt32());
        Assert.Equal(14, r.GetProperty("errors")[0].GetProperty("line").GetInt32());
    }
}
