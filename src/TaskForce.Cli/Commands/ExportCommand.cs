using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Exports;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce export --format simfoni|htcds|ctdc --region CODE --period P [--k N] --out FILE [--json]</c>:
/// writes the stored case records of a region and period in a standard's shape (counts and de-identified records only).</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = CliText.OptExportFormat, Required = true };
        format.AcceptOnlyFromAmong("simfoni", "htcds", "ctdc");
        var region = new Option<string>("--region") { Description = CliText.OptRegion, Required = true };
        var period = new Option<string>("--period") { Description = CliText.OptPeriod, Required = true };
        var k = CliOptions.WholeNumber("--k", CliText.OptExportK, "a whole number ≥ 1");
        var outFile = new Option<string>("--out") { Description = CliText.OptExportOut, Required = true };
        var command = new Command("export", CliText.CmdExport)
        {
            format, region, period, k, outFile, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var fmt = ExportUseCase.ParseFormat(parseResult.GetValue(format));
            var regionCode = RegionCode.Parse(parseResult.GetValue(region));
            var reportingPeriod = ReportingPeriod.Parse(parseResult.GetValue(period));
            PublicationWarnings.Write(ctx.Error, parseResult.GetValue(k), reportingPeriod, ctx.Clock, ctx.Zone);
            string path = parseResult.GetValue(outFile)!;
            CliOutput.RequireWritableFile(path);

            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var useCase = ctx.Services.GetRequiredService<ExportUseCase>();
            ExportReport report = await useCase.ExportAsync(fmt, regionCode, reportingPeriod, parseResult.GetValue(k), () => File.Create(path), ct).ConfigureAwait(false);

            if (report.Persons == 0)
            {
                await ctx.Error.WriteLineAsync(
                    $"Warning: no victim of a case record lies in {report.Region} {report.Period}: every count in {path} is 0 because nothing was recorded, not because nothing happened. Import case records first (import --format taskforce).").ConfigureAwait(false);
            }

            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(report);
            }
            else
            {
                ctx.Out.WriteLine($"{path} ({report.Format}, {report.Region} {report.Period}, k = {report.SuppressionK}): {report.Persons} persons, {report.Rows} rows, {report.CellsSuppressed} cells withheld, {report.PersonsWithheld} persons withheld.");
            }

            return 0;
        }));
        return command;
    }
}
