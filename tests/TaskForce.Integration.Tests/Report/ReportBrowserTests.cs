using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Report;

/// <summary>The main job's report rendered in a real browser (issue 15 item 1, ADR-026): the real verdicts and the
/// made-up case sample imported into Azurite, the 2025 snapshot written with <c>snapshot --out</c> as the main job
/// does, then opened in headless Chromium (Debian's package, driven by Playwright, no browser download) at A4 width
/// (794 CSS pixels), on screen and as printed. Fails on a console error, a page error, a request that fails, an image
/// that does not load, or an element wider than the page.</summary>
[Collection(StorageGroup.Name)]
public sealed class ReportBrowserTests(AzuriteFixture storage)
{
    /// <summary>A4 at 96 CSS pixels per inch: 210 mm = 794 px, 297 mm = 1123 px.</summary>
    private const int A4Width = 794, A4Height = 1123;

    private static readonly string CaseSample = Path.Combine(RepoPaths.Root, "samples", "cases", "report-sample.jsonl");

    [ChromiumFact]
    public async Task Report_RendersWithoutErrorsBrokenImagesOrOverflow_GivenTheMainJobOnTheRealVerdictsAndTheCaseSample()
    {
        Assert.True(Chromium.Path is not null, "chromium is not installed; CI must install it (.ci/run: apt-get install -y chromium).");
        string dir = await MainJobReportAsync();
        string html = Path.Combine(dir, "snapshot-all-2025.html");

        var problems = await RenderAsync(html);

        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task Report_Fails_GivenAChartThatIsMissing()
    {
        // The browser check must be able to fail: the same report with one chart deleted is caught.
        Assert.True(Chromium.Path is not null, "chromium is not installed; CI must install it (.ci/run: apt-get install -y chromium).");
        string dir = await MainJobReportAsync();
        File.Delete(Path.Combine(dir, "snapshot-all-2025-justice-funnel.png"));

        var problems = await RenderAsync(Path.Combine(dir, "snapshot-all-2025.html"));

        Assert.Contains(problems, p => p.Contains("snapshot-all-2025-justice-funnel.png", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Report_Fails_GivenAnElementWiderThanThePage()
    {
        Assert.True(Chromium.Path is not null, "chromium is not installed; CI must install it (.ci/run: apt-get install -y chromium).");
        string dir = await MainJobReportAsync();
        string html = Path.Combine(dir, "snapshot-all-2025.html");
        File.WriteAllText(html, File.ReadAllText(html).Replace("</body>", "<table><tr><td style=\"white-space:nowrap\">" + new string('X', 300) + "</td></tr></table></body>", StringComparison.Ordinal));

        var problems = await RenderAsync(html);

        Assert.Contains(problems, p => p.StartsWith("wider than the page", StringComparison.Ordinal));
    }

    /// <summary>Runs the main job's steps with the tool in-process and returns the folder of its files.</summary>
    private async Task<string> MainJobReportAsync()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts, "--json")).Code);
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", CaseSample, "--agency", "uptd_ppa_ttu", "--json")).Code);
        string dir = Path.Combine(Path.GetTempPath(), "taskforce-report-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = await RunAsync(tables, "snapshot", "--region", "*", "--period", "2025", "--out", dir);
        Assert.True(code == 0, stderr);
        return dir;
    }

    /// <summary>Opens the report at A4 width on screen and in print media and lists every problem found.</summary>
    private static async Task<List<string>> RenderAsync(string htmlPath)
    {
        var problems = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = A4Width, Height = A4Height } });
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                problems.Add($"console {m.Type}: {m.Text}");
            }
        };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url} {r.Failure}");
        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        var broken = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))");
        problems.AddRange(broken.Select(src => $"image not loaded: {src}"));
        foreach (var media in new[] { Media.Screen, Media.Print })
        {
            await page.EmulateMediaAsync(new() { Media = media });
            var wide = await page.EvaluateAsync<string[]>(
                @"() => { const w = document.documentElement.clientWidth;
                  const out = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 0.5)
                    .map(e => e.tagName.toLowerCase() + ' ' + Math.round(e.getBoundingClientRect().right) + 'px: ' + (e.textContent || '').trim().slice(0, 60));
                  if (document.documentElement.scrollWidth > w) out.push('document ' + document.documentElement.scrollWidth + 'px');
                  return out; }");
            problems.AddRange(wide.Select(x => $"wider than the page ({media}, {A4Width}px): {x}"));
        }

        return problems;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 11, 29, 0, 0)));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
