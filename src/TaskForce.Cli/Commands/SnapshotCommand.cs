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
            if (parseResult.GetValue(outDir) is { } dir)
            {
                foreach (string written in SnapshotFiles.WriteAll(snapshot, dir))
                {
                    await ctx.Error.WriteLineAsync($"Wrote {written}").ConfigureAwait(false);
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

    // Checked before anything is computed or stored, so a bad --out never leaves a stored snapshot behind an error.
    private static void EnsureWritableFolder(string path)
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
