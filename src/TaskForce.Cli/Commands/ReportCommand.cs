using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Reports;
using TaskForce.Application.Snapshots;
using TaskForce.Cli.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce report --year 2025 --region 53.03 --out DIR</c>: the annual report of the task force (issue 16
/// item 4) — <c>laporan-tahunan-REGION-YEAR.docx</c> and <c>.html</c>, and the year's snapshot files as the annex.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext ctx)
    {
        var year = new Option<string>("--year") { Description = ReportCliText.YearOption, Required = true };
        var region = new Option<string>("--region") { Description = ReportCliText.RegionOption, Required = true };
        var outDir = new Option<string>("--out") { Description = ReportCliText.OutOption, Required = true };
        var command = new Command("report", ReportCliText.Description) { year, region, outDir };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            if (!int.TryParse(parseResult.GetValue(year), NumberStyles.None, CultureInfo.InvariantCulture, out int reportYear))
            {
                throw new DomainValidationException("year", ReportCliText.YearNotANumber);
            }

            var regionCode = RegionCode.Parse(parseResult.GetValue(region));
            string dir = parseResult.GetValue(outDir)!;
            CliOutput.RequireWritableFolder(dir); // before anything is computed or stored

            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            Directory.CreateDirectory(dir);
            var report = await ctx.Services.GetRequiredService<AnnualReportUseCase>().ProduceAsync(regionCode, reportYear, ct).ConfigureAwait(false);
            string docx = Path.Combine(dir, report.FileStem + ".docx");
            string html = Path.Combine(dir, report.FileStem + ".html");
            await File.WriteAllBytesAsync(docx, report.Docx, ct).ConfigureAwait(false);
            await File.WriteAllTextAsync(html, report.Html, new UTF8Encoding(false), ct).ConfigureAwait(false);
            foreach (string written in new[] { docx, html }.Concat(SnapshotFiles.WriteAll(report.Snapshot, dir)))
            {
                await ctx.Error.WriteLineAsync(Texts.Format(ReportCliText.Wrote, written)).ConfigureAwait(false);
            }

            await ctx.Out.WriteLineAsync(report.Document.Subtitle).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync(report.Document.Summary).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync(Texts.Format(ReportCliText.Produced, reportYear, regionCode.Value, report.Document.Sections.Count)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
