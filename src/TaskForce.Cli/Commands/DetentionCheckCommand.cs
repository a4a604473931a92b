using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Detention;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce detention-check --file FILE.json [--json]</c>: checks a chain of detention periods against the
/// KUHAP limits (docs/wire-contract.md). Needs no storage.</summary>
internal static class DetentionCheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var input = CliInput.File(CliText.OptDetentionFile);
        var command = new Command("detention-check", CliText.CmdDetentionCheck)
        {
            input, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string path = parseResult.GetValue(input)!;
            CliInput.RequireContent(path);
            var info = new FileInfo(path);
            if (info.Length > DetentionCheckJson.MaxInputLength * 4L)
            {
                throw new DomainValidationException(CliInput.FileField, Texts.Format(CliText.ErrInputTooLargeChars, DetentionCheckJson.MaxInputLength));
            }

            byte[] bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            string text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            var checkInput = DetentionCheckJson.Parse(text); // its own refusals first (shape, fields, types)
            Application.Serialization.InputJson.Check(bytes, DistrictTime.Today(ctx.Clock, ctx.Zone), ctx.Zone); // UTF-8, control characters, dates (ADR-028)
            var result = ctx.Services.GetRequiredService<DetentionCheckUseCase>().Check(checkInput);
            if (parseResult.GetValue(ctx.Json))
            {
                await ctx.Out.WriteLineAsync(DetentionCheckJson.Write(result)).ConfigureAwait(false);
            }
            else
            {
                WriteText(ctx.Out, result);
            }

            return 0;
        }));
        return command;
    }

    private static void WriteText(TextWriter o, DetentionCheckResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"Regime {r.Regime ?? "-"}; {r.TotalDays} day(s) detained; ends by law {Date(r.ReleaseByLaw)}{(r.AsOf is { } asOf ? $" (as of {Date(asOf)})" : string.Empty)}");
        foreach (var p in r.Periods)
        {
            string days = p.Days?.ToString(inv) ?? "-";
            string limit = p.LimitDays?.ToString(inv) ?? "-";
            string problems = p.Problems.Count == 0 ? string.Empty : "  [" + string.Join(", ", p.Problems) + "]";
            o.WriteLine($"  {p.Index,2} {p.Stage,-26} {Date(p.From)} .. {Date(p.To)}  {days,4}/{limit,-4} {p.LegalBasis ?? string.Empty}{problems}");
        }

        foreach (var problem in r.Problems)
        {
            o.WriteLine($"Problem {problem.Code}: {problem.Message}");
        }

        foreach (var warning in r.Warnings)
        {
            o.WriteLine($"Warning {warning.Code}: {warning.Message}");
        }
    }

    private static string Date(NodaTime.LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
