using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Storage;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce snapshot --region CODE --period P [--k N] [--out DIR] [--json]</c>: computes, stores and prints a snapshot.</summary>
internal static class SnapshotCommand
{
    public static Command Create(CliContext ctx)
    {
        var region = new Option<string>("--region") { Description = "Kemendagri region code, or '*' for all records.", Required = true };
        var period = new Option<string>("--period") { Description = "YYYY, YYYY-Qn, YYYY-Sn or YYYY-MM (dates in the district zone, TaskForce__TimeZone, default Asia/Makassar).", Required = true };
        var k = CliOptions.WholeNumber("--k", "Suppression threshold k (person-level cells below k are withheld); default 11.", "a whole number ≥ 1");
        var outDir = new Option<string?>("--out") { Description = "Folder to write JSON, CSV, PNG charts and a bilingual HTML report into." };
        var command = new Command("snapshot", "Compute the indicators from stored records, store the snapshot, print it.")
        {
            region, period, k, outDir, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var regionCode = RegionCode.Parse(parseResult.GetValue(region)); // the Kemendagri check is the use case's
            var reportingPeriod = ReportingPeriod.Parse(parseResult.GetValue(period));
            if (parseResult.GetValue(outDir) is { } target)
            {
                EnsureWritableFolder(target);
            }

            PublicationWarnings.Write(ctx.Error, parseResult.GetValue(k), reportingPeriod, ctx.Clock, ctx.Zone);

            // issue 6: the linkage secret is read (and a malformed one refused) before storage is opened.
            var secret = ctx.ReadLinkageSecret();
            if (!secret.IsConfigured)
            {
                await ctx.Error.WriteLineAsync(
                    $"Warning: {LinkageSecret.EnvironmentVariable} is not set; the hidden-victim estimate keys NIK hashes with a random secret for this run (nothing of it is stored).").ConfigureAwait(false);
            }

            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var useCase = ctx.Services.GetRequiredService<SnapshotUseCase>();
            var (snapshot, stored, created) = await useCase.ComputeAndStoreAsync(regionCode, reportingPeriod, parseResult.GetValue(k), ct).ConfigureAwait(false);
            await ctx.Error.WriteLineAsync(created ? "Snapshot stored." : "The same snapshot was already stored; nothing new written.").ConfigureAwait(false);
            string? report = null;
            if (parseResult.GetValue(outDir) is { } dir)
            {
                foreach (string written in SnapshotFiles.WriteAll(snapshot, dir))
                {
                    await ctx.Error.WriteLineAsync($"Wrote {written}").ConfigureAwait(false);
                    report = written; // the HTML report is written last
                }
            }

            if (parseResult.GetValue(ctx.Json))
            {
                await ctx.Out.WriteLineAsync(stored.Json).ConfigureAwait(false);
            }
            else
            {
                WriteText(ctx.Out, snapshot, report);
            }

            return 0;
        }));
        return command;
    }

    // Checked before anything is computed or stored, so a bad --out never leaves a stored snapshot behind an error.
    internal static void EnsureWritableFolder(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DomainValidationException("out", "--out needs a folder path.");
        }

        if (File.Exists(path))
        {
            throw new DomainValidationException("out", $"'{path}' is a file; --out needs a folder.");
        }

        try
        {
            Directory.CreateDirectory(path);
            string probe = Path.Combine(path, $".taskforce-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DomainValidationException("out", $"Cannot write into '{path}': {ex.Message}");
        }
    }

    // A few lines for people (ADR-026); every figure is in --json and in the files of --out.
    private static void WriteText(TextWriter o, IndicatorSnapshot s, string? reportPath)
    {
        foreach (string line in SnapshotSummaryText.Lines(s, reportPath))
        {
            o.WriteLine(line);
        }
    }
}
