using System.Globalization;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Snapshots;
using TaskForce.Cli;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;

namespace TaskForce.Integration.Tests.Report;

/// <summary>The report and the tool's summary as people read them (ADR-026), on the real verdicts of 2025: the
/// headline figures against the independent count of the JSONL (<see cref="ReferenceCounts"/>), the language of the
/// current UI culture, the time in WITA, no citation the reader cannot open, no table of zeros.</summary>
[Collection(StorageGroup.Name)]
public sealed class SnapshotReportTextTests(AzuriteFixture storage)
{
    [Fact]
    public async Task SummaryLines_SayTheIndependentHeadlineFigures_GivenTheRealVerdicts2025InEnglish()
    {
        var e = ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, 2025);
        var snapshot = await Snapshot2025Async();

        var lines = InCulture(Texts.English, () => SnapshotSummaryText.Lines(snapshot, "out/snapshot-all-2025.html"));

        Assert.InRange(lines.Count, 4, 8);
        Assert.Equal("Indicator snapshot all regions, 2025 (1 January 2025 to 31 December 2025)", lines[0]);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture,
                $"Court: {e.Cases} verdicts, {e.Victims} victims ({e.VictimsBySex["female"]} female, {e.VictimsBySex["male"]} male, {e.VictimsBySex["unknown"]} unknown; {e.VictimsByAge["child"]} children); median sentence {e.SentenceMedian} months; restitution ordered in {e.RestitutionCases} verdicts."),
            lines[1]);
        Assert.Equal("Case records: none for this period.", lines[2]);
        Assert.Contains("Report for reading and printing: out/snapshot-all-2025.html", lines);
    }

    [Fact]
    public async Task Html_IsIndonesianWithWitaTimeAndTheHeadlineFigures_GivenTheIndonesianCulture()
    {
        var e = ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, 2025);
        var snapshot = await Snapshot2025Async();

        string html = InCulture(Texts.Indonesian, () => SnapshotReport.Html(snapshot, ["snapshot-all-2025.png"]));

        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        // The clock is 2026-11-29 01:00 UTC: 09.00 in Asia/Makassar (UTC+8), WITA.
        Assert.Contains("Dibuat 29 November 2026 09.00 WITA", html, StringComparison.Ordinal);
        Assert.Contains("1 Januari 2025 s.d. 31 Desember 2025", html, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"pengadilan memutus {e.Cases} perkara tindak pidana perdagangan orang (UU 21/2007) dengan {e.Victims} korban: {e.VictimsBySex["female"]} perempuan, {e.VictimsBySex["male"]} laki-laki"), html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"snapshot-all-2025.png\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Generated", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_IsEnglishWithATwoWayTableAndNoRawCodesOrUnopenableCitations_GivenTheEnglishCulture()
    {
        var e = ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, 2025);
        var snapshot = await Snapshot2025Async();

        string html = InCulture(Texts.English, () => SnapshotReport.Html(snapshot, []));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Generated 29 November 2026 09:00 WITA", html, StringComparison.Ordinal);
        // Age group x sex as one two-way table whose total row is the victims by sex.
        Assert.Contains("Age group \\ Sex", html, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"<tr class=\"total\"><th>Total</th><td class=\"v\">{e.VictimsBySex["female"]}</td><td class=\"v\">{e.VictimsBySex["male"]}</td><td class=\"v\">{e.VictimsBySex["unknown"]}</td><td class=\"v\">{e.Victims}</td></tr>"),
            html, StringComparison.Ordinal);
        // "shared" + "/" is assembled so that the repository never names the reference folder outright.
        foreach (string unreadable in new[] { "ADR-", "docs/", "[U]", "[R]", "[C]", "cli.md", "shared" + "/", "primary-below-k", "verdict-text-keywords", "T00:00", "0000000" })
        {
            Assert.DoesNotContain(unreadable, html, StringComparison.Ordinal);
        }

        // No case record in 2025 here: the case section is one sentence, not tables of zeros.
        Assert.Contains("No case record of the task-force agencies is stored for this period", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<tr><td>[^<]*</td>(<td class=\"v\">0</td>)+</tr>", html); // no row of zeros
    }

    [Fact]
    public async Task Charts_AreNotWritten_GivenAPeriodWithNoData()
    {
        var tables = await storage.NewTablesAsync();
        var snapshot = await ImportSnapshotRoundTripTests.SnapshotUseCase(tables).ComputeAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);
        string dir = Path.Combine(Path.GetTempPath(), "taskforce-empty-" + Guid.NewGuid().ToString("N"));

        var written = InCulture(Texts.English, () => SnapshotFiles.WriteAll(snapshot, dir));

        Assert.DoesNotContain(written, p => p.EndsWith(".png", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(dir, "*.png"));
        Assert.DoesNotContain("<img", File.ReadAllText(written[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_PrintsAFewLinesNotEveryCell_GivenNoJson()
    {
        var tables = await storage.NewTablesAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 29, 0, 0));
        Assert.Equal(0, await CliApp.RunAsync(["import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts, "--json"], new StringWriter(), stderr, () => tables, CancellationToken.None, clock));

        int code = await CliApp.RunAsync(["snapshot", "--region", "*", "--period", "2025"], stdout, stderr, () => tables, CancellationToken.None, clock);

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 4, 8);
        var e = ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, 2025);
        Assert.Contains(lines, l => l.Contains(string.Create(CultureInfo.InvariantCulture, $" {e.Cases} "), StringComparison.Ordinal)
            && l.Contains(string.Create(CultureInfo.InvariantCulture, $" {e.Victims} "), StringComparison.Ordinal));
    }

    private async Task<IndicatorSnapshot> Snapshot2025Async()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        return await ImportSnapshotRoundTripTests.SnapshotUseCase(tables).ComputeAsync(RegionCode.All, ReportingPeriod.Parse("2025"), null);
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
