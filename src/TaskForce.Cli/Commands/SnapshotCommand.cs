using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Storage;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce snapshot --region CODE --period P [--k N] [--out DIR] [--json]</c>: computes, stores and prints a snapshot.</summary>
internal static class SnapshotCommand
{
    public static Command Create(CliContext ctx)
    {
        var region = new Option<string>("--region") { Description = CliText.OptRegion, Required = true };
        var period = new Option<string>("--period") { Description = CliText.OptPeriod, Required = true };
        var k = CliOptions.WholeNumber("--k", CliText.OptSnapshotK, "a whole number ≥ 1");
        var outDir = new Option<string?>("--out") { Description = CliText.OptSnapshotOut };
        var command = new Command("snapshot", CliText.CmdSnapshot)
        {
            region, period, k, outDir, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var regionCode = RegionCode.Parse(parseResult.GetValue(region)); // the Kemendagri check is the use case's
            var reportingPeriod = ReportingPeriod.Parse(parseResult.GetValue(period));
            if (parseResult.GetResult(outDir) is not null)
            {
                // Checked before anything is computed or stored, so a bad --out never leaves a stored snapshot behind an error.
                string target = parseResult.GetValue(outDir) ?? string.Empty;
                CliOutput.RequireWritableFolder(target);
                CliOutput.RequireFreeNames(target, [$"snapshot-{(regionCode.IsAll ? "all" : regionCode.Value)}-{reportingPeriod.Label}*"]);
            }

            PublicationWarnings.Write(ctx.Error, parseResult.GetValue(k), reportingPeriod, ctx.Clock, ctx.Zone);

            // issue 6: the linkage secret is read (and a malformed one refused) before storage is opened.
            var secret = ctx.ReadLinkageSecret();

            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var useCase = ctx.Services.GetRequiredService<SnapshotUseCase>();
            var (snapshot, stored, created) = await useCase.ComputeAndStoreAsync(regionCode, reportingPeriod, parseResult.GetValue(k), ct).ConfigureAwait(false);
            if (!secret.IsConfigured && snapshot.HiddenVictims is { } hidden && hidden.Overall.Lists.Count > 0)
            {
                // Only when victim lists were linked: a run with no case records keys nothing (issue 15).
                await ctx.Error.WriteLineAsync(Texts.Format(CliText.LinkageSecretNotSetSnapshot, LinkageSecret.EnvironmentVariable)).ConfigureAwait(false);
            }

            await ctx.Error.WriteLineAsync(created ? CliText.SnapshotStored : CliText.SnapshotAlreadyStored).ConfigureAwait(false);
            string? report = null;
            if (parseResult.GetValue(outDir) is { } dir)
            {
                foreach (string written in SnapshotFiles.WriteAll(snapshot, dir))
                {
                    await ctx.Error.WriteLineAsync(Texts.Format(CliText.Wrote, written)).ConfigureAwait(false);
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

    // A few lines for people (ADR-026); every figure is in --json and in the files of --out.
    private static void WriteText(TextWriter o, IndicatorSnapshot s, string? reportPath)
    {
        foreach (string line in SnapshotSummaryText.Lines(s, reportPath))
        {
            o.WriteLine(line);
        }
    }
}
