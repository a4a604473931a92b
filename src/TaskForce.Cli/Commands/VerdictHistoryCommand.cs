using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using TaskForce.Application.Import;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce verdict-history --case-number NUMBER [--json]</c>: prints every revision of an imported
/// court verdict, which one is current, and why and when each correction was made
/// (docs/decisions/ADR-015-verdict-revisions.md).</summary>
internal static class VerdictHistoryCommand
{
    public static Command Create(CliContext ctx)
    {
        var caseNumber = new Option<string>("--case-number")
        {
            Description = CliText.OptCaseNumber,
            Required = true,
        };
        var command = new Command("verdict-history", CliText.CmdVerdictHistory)
        {
            caseNumber, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string? number = parseResult.GetValue(caseNumber);
            bool json = parseResult.GetValue(ctx.Json);
            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var history = await ctx.Services.GetRequiredService<VerdictHistoryUseCase>().GetAsync(number, ct).ConfigureAwait(false);
            if (history is null)
            {
                string message = $"No verdict with case number '{number!.Trim()}' is stored.";
                CliError.Write(ctx.Out, ctx.Error, json, "Not found", message, [("case_number", message)]);
                return 1;
            }

            if (json)
            {
                ctx.WriteJson(history);
                return 0;
            }

            var o = ctx.Out;
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{history.CaseNumber}: {history.Revisions.Count} revision(s); revision {history.CurrentRevision} is current (the one the snapshot counts).")).ConfigureAwait(false);
            foreach (var r in history.Revisions)
            {
                string at = r.RecordedAt is { } instant ? InstantPattern.General.Format(instant) : "time not recorded";
                string what = r.Revision == 1 ? "imported" : "corrected";
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  revision {r.Revision}{(r.Current ? " (current)" : string.Empty)}: {what} {at}")).ConfigureAwait(false);
                if (r.Reason is not null)
                {
                    await o.WriteLineAsync($"    reason: {r.Reason}").ConfigureAwait(false);
                }

                if (r.Changed.Count > 0)
                {
                    await o.WriteLineAsync($"    changed: {string.Join(", ", r.Changed)}").ConfigureAwait(false);
                }

                var f = r.Facts;
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"    decision {f.DecisionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}, prison {(f.SentencePrisonMonths is { } m ? m + " months" : "-")}, fine {(f.FineIdr is { } fine ? "Rp" + fine.ToString("N0", CultureInfo.InvariantCulture) : "-")}, victims {f.VictimsCount?.ToString(CultureInfo.InvariantCulture) ?? f.Victims.Count.ToString(CultureInfo.InvariantCulture)}")).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
