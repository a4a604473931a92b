using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TaskForce.Application.Import;
using TaskForce.Domain.Common;
using TaskForce.Storage;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce import --format putusan|ctdc|taskforce --file FILE [--region CODE] [--agency CODE] [--json]</c>: stores
/// records, reports rejects by line.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format")
        {
            Description = "Input format: putusan (court-outcome records, one JSON object a line), ctdc (the CTDC global synthetic data set's CSV) or taskforce (case records, one POST /cases body with its id a line).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("putusan", "ctdc", ImportCasesUseCase.Format);
        var agency = new Option<string?>("--agency") { Description = "taskforce format: the agency code that owns the imported cases (default gugus_tugas, the task-force secretariat)." };
        var region = new Option<string?>("--region") { Description = "Kemendagri region code to attribute every record to, e.g. 53.03." };
        var source = new Option<string?>("--source") { Description = "Name of the source, for the report." };
        var file = CliInput.File("The file to import.");
        var reportFile = new Option<string?>("--report") { Description = "Write every rejected line to this CSV file (line, field, kind, message)." };
        var command = new Command("import", "Import records into storage; bad lines are reported with their line number, the rest are kept.")
        {
            format, region, source, agency, file, reportFile, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string path = parseResult.GetValue(file)!;
            bool json = parseResult.GetValue(ctx.Json);
            var regionCode = parseResult.GetValue(region) is { } r ? RegionCode.Parse(r) : null;
            if (regionCode is { IsAll: true })
            {
                throw new DomainValidationException("region", "'*' selects all regions in a snapshot; records are attributed to one Kemendagri region code (e.g. 53.03) or to none.");
            }

            if (regionCode is not null)
            {
                regionCode = KemendagriRegions.Require(regionCode, "region");
            }

            CliInput.RequireContent(path);
            string? reportPath = parseResult.GetValue(reportFile);
            DataQualitySummary.CheckReportPath(reportPath); // before anything is stored (ADR-028)

            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            if (parseResult.GetValue(format) == ImportCasesUseCase.Format)
            {
                var cases = ctx.Services.GetRequiredService<ImportCasesUseCase>();
                ImportReport caseReport;
                using (var caseStream = File.OpenRead(path))
                {
                    caseReport = await cases.ImportAsync(caseStream, path, parseResult.GetValue(agency) ?? "gugus_tugas", Environment.UserName, ct).ConfigureAwait(false);
                }

                return Report(ctx, json, path, caseReport, reportPath);
            }

            if (parseResult.GetValue(format) == "ctdc")
            {
                var ctdc = ctx.Services.GetRequiredService<ImportCtdcUseCase>();
                var ctdcReport = await ctdc.ImportAsync(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), path, ct).ConfigureAwait(false);
                return Report(ctx, json, path, ctdcReport, reportPath);
            }

            var useCase = ctx.Services.GetRequiredService<ImportVerdictsUseCase>();
            int total = File.ReadLines(path).Count(l => !string.IsNullOrWhiteSpace(l));
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(ctx.Error) });
            ImportReport? report = null;
            int stored = 0; // verdicts written or found already stored, as last reported (may lag the true number)
            try
            {
                await console.Progress().AutoClear(false).StartAsync(async progressContext =>
                {
                    var reading = progressContext.AddTask("Membaca / reading", maxValue: Math.Max(total, 1));
                    var writing = progressContext.AddTask("Menyimpan / storing", maxValue: Math.Max(total, 1));
                    var progress = new Progress<ImportProgress>(p =>
                    {
                        if (p.Stage == "reading")
                        {
                            reading.Value = p.Done;
                        }
                        else
                        {
                            writing.Value = p.Done;
                            int seen;
                            while ((seen = Volatile.Read(ref stored)) < p.Done && Interlocked.CompareExchange(ref stored, p.Done, seen) != seen)
                            {
                            }
                        }
                    });
                    using var stream = File.OpenRead(path);
                    report = await useCase.ImportPutusanAsync(stream, path, regionCode, progress, ct).ConfigureAwait(false);
                    reading.Value = reading.MaxValue;
                    writing.Value = writing.MaxValue;
                }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Say what is safe to know: verdicts are stored whole or not at all, and a re-run completes the import.
                CliError.Write(ctx.Out, ctx.Error, json, "Cancelled",
                    $"The import of '{path}' was cancelled after at least {Volatile.Read(ref stored)} of its {total} records were stored or found already stored. " +
                    "Each record is stored whole or not at all; run the same import again to store the rest (records already stored count as duplicates).", []);
                return 1;
            }

            return Report(ctx, json, path, report!, reportPath);
        }));
        return command;
    }

    /// <summary>Prints an import report (putusan, ctdc or case records) and returns the exit code, the same for every
    /// format: 2 with the contract's error document when nothing in the file could be used (every line rejected),
    /// else 0 with the report.</summary>
    private static int Report(CliContext ctx, bool json, string path, ImportReport report, string? reportPath)
    {
        if (reportPath is not null)
        {
            DataQualitySummary.WriteReport(reportPath, report);
        }

        if (report.Imported == 0 && report.Corrected == 0 && report.Duplicates == 0 && report.Rejected > 0)
        {
            // Nothing in the file could be used: bad input (exit 2), with the first rejected lines.
            // Without --json the lines are shown as the data-quality summary, counted per kind.
            CliError.Write(ctx.Out, ctx.Error, json, "Bad input", Texts.Format(Resources.DataQualityText.NothingImported, report.Read, path, report.Rejected),
                json ? report.Errors.Select(e => ($"line {e.Line}", e.Message)) : []);
            if (!json)
            {
                DataQualitySummary.Write(ctx.Error, report, reportPath);
            }

            return 2;
        }

        if (json)
        {
            ctx.WriteJson(report);
        }
        else
        {
            DataQualitySummary.Write(ctx.Out, report, reportPath);
        }

        return 0;
    }
}
