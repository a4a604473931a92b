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
            if (parseResult.GetValue(outDir) is { } dir)
            {
                foreach (string written in SnapshotFiles.WriteAll(snapshot, dir))
                {
                    await ctx.Error.WriteLineAsync(Texts.Format(CliText.Wrote, written)).ConfigureAwait(false);
                }
            }

            if (parseResult.GetValue(ctx.Json))
            {
                await ctx.Out.WriteLineAsync(stored.Json).ConfigureAwait(false);
            }
            else
            {
                WriteText(ctx.Out, snapshot);
            }

            return 0;
        }));
        return command;
    }

    private static void WriteText(TextWriter o, IndicatorSnapshot s)
    {
        o.WriteLine($"Snapshot {s.Region} {s.Period.Label} ({s.Period.Start:uuuu-MM-dd} to {s.Period.End:uuuu-MM-dd}, {s.ZoneId}); catalogue {s.CatalogueVersion}; k = {s.SuppressionK}");
        o.WriteLine($"Records read {s.Coverage.RecordsRead}, in period {s.Coverage.RecordsInPeriod}, without a date {s.Coverage.RecordsWithoutDate}.");
        foreach (var cell in s.Indicators)
        {
            string dims = cell.Disaggregation.Count == 0 ? "total" : string.Join(", ", cell.Disaggregation.Select(d => $"{d.Key}={d.Value}"));
            string value = cell.Suppressed ? "suppressed" : cell.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            o.WriteLine($"  {cell.Id,-24} {dims,-60} {value} {cell.Unit}");
        }

        if (s.HiddenVictims is { } h)
        {
            var f = h.Overall;
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            string observed = f.ObservedSuppressed ? "suppressed" : f.Observed?.ToString(inv) ?? "-";
            string detected = h.DetectedRateSuppressed ? "suppressed" : h.DetectedRate?.ToString(inv) ?? "-";
            o.WriteLine(f.Status != Domain.Estimation.HiddenVictimFigure.Estimated
                ? $"Hidden victims: not estimated ({f.Reason})."
                : string.Create(inv,
                    $"Hidden victims (an estimate, not a count): {f.Estimate} persons in total, {f.DarkFigure} seen by no agency; 95% CI {f.Wald?.Low}-{f.Wald?.High} (profile {f.Profile?.Low}-{f.Profile?.High}); {f.Lists.Count} agency lists, {observed} linked persons seen.")
                  + (f.Rate is { } r ? string.Create(inv, $" SDG 16.2.2 with hidden victims {r.Estimated} per 100,000 ({r.Wald.Low}-{r.Wald.High}); detected {detected}.") : string.Empty));
        }
    }
}
