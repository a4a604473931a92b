using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TaskForce.Application.Import;
using TaskForce.Domain.Common;
using TaskForce.Storage;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce import --format putusan|ctdc|taskforce|prevention --file FILE [--region CODE (putusan)] [--agency CODE (taskforce, prevention)] [--json]</c>: stores
/// records, reports rejects by line.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format")
        {
            Description = CliText.OptImportFormat,
            Required = true,
        };
        format.AcceptOnlyFromAmong("putusan", "ctdc", ImportCasesUseCase.Format, Application.Prevention.PreventionUseCases.Format);
        var agency = new Option<string?>("--agency") { Description = CliText.OptImportAgency };
        var region = new Option<string?>("--region") { Description = CliText.OptImportRegion };
        var file = CliInput.File(CliText.OptImportFile);
        var reportFile = new Option<string?>("--report") { Description = CliText.OptImportReport };
        var command = new Command("import", CliText.CmdImport)
        {
            format, region, agency, file, reportFile, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string path = parseResult.GetValue(file)!;
            bool json = parseResult.GetValue(ctx.Json);
            string chosen = parseResult.GetValue(format)!;
            RefuseUnless(parseResult.GetResult(region) is not null, "--region", ["putusan"], chosen);
            RefuseUnless(parseResult.GetResult(agency) is not null, "--agency", [ImportCasesUseCase.Format, Application.Prevention.PreventionUseCases.Format], chosen);
            var regionCode = parseResult.GetValue(region) is { } r ? RegionCode.Parse(r) : null;
            if (regionCode is { IsAll: true })
            {
                throw new DomainValidationException("region", CliText.RegionAllNotAllowed);
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

            if (parseResult.GetValue(format) == Application.Prevention.PreventionUseCases.Format)
            {
                var prevention = ctx.Services.GetRequiredService<Application.Prevention.PreventionUseCases>();
                using var preventionReader = new StreamReader(path);
                var preventionReport = await prevention.ImportAsync(preventionReader, path, parseResult.GetValue(agency), Environment.UserName, ct).ConfigureAwait(false);
                return Report(ctx, json, path, preventionReport, reportPath);
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
            void Stored(ImportProgress p)
            {
                int seen;
                while (p.Stage != "reading" && (seen = Volatile.Read(ref stored)) < p.Done && Interlocked.CompareExchange(ref stored, p.Done, seen) != seen)
                {
                }
            }

            try
            {
                if (!ReferenceEquals(ctx.Error, Console.Error) || Console.IsErrorRedirected)
                {
                    // Not a terminal (a log file, a pipe, a test): no progress display, which would stop part-way there.
                    using var plain = File.OpenRead(path);
                    report = await useCase.ImportPutusanAsync(plain, path, regionCode, new Progress<ImportProgress>(Stored), ct).ConfigureAwait(false);
                }
                else
                {
                    await console.Progress().AutoClear(false).StartAsync(async progressContext =>
                    {
                        var reading = progressContext.AddTask(CliText.ProgressReading, maxValue: Math.Max(total, 1));
                        var writing = progressContext.AddTask(CliText.ProgressStoring, maxValue: Math.Max(total, 1));
                        var progress = new Progress<ImportProgress>(p =>
                        {
                            (p.Stage == "reading" ? reading : writing).Value = p.Done;
                            Stored(p);
                        });
                        using var stream = File.OpenRead(path);
                        report = await useCase.ImportPutusanAsync(stream, path, regionCode, progress, ct).ConfigureAwait(false);
                        reading.Value = reading.MaxValue;
                        writing.Value = writing.MaxValue;
                    }).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Say what is safe to know: verdicts are stored whole or not at all, and a re-run completes the import.
                CliError.Write(ctx.Out, ctx.Error, json, CliText.CancelledTitle, Texts.Format(CliText.ImportCancelled, path, Volatile.Read(ref stored), total), []);
                return 1;
            }

            return Report(ctx, json, path, report!, reportPath);
        }));
        return command;
    }

    // An option given for a format that does not use it is refused (exit 2) rather than silently ignored (issue 15 §5).
    private static void RefuseUnless(bool given, string option, string[] usedBy, string format)
    {
        if (given && !usedBy.Contains(format, StringComparer.Ordinal))
        {
            throw new DomainValidationException(option.TrimStart('-'), Texts.Format(CliText.OptionNotForFormat, option, string.Join(", ", usedBy), format));
        }
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
