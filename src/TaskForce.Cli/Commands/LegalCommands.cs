using System.CommandLine;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary>
/// <c>taskforce qualify --file FILE.json [--json]</c> and <c>taskforce sentence-check --file FILE.json [--json]</c>
/// (docs/wire-contract.md): the legal engine of <c>TaskForce.Domain.Legal</c> on a file, no storage.
/// </summary>
/// <remarks>Bad input (unreadable file, malformed JSON, an unknown field or code, impossible dates) exits 2 with the
/// contract's error document naming the field. A check the engine cannot price (an unknown law or article, a regime
/// not encoded) is not an error: it exits 0 with <c>"supported": false</c> and the reason.</remarks>
internal static class LegalCommands
{
    public static Command Qualify(CliContext ctx) => Create<QualifyRequest, QualificationResult>(
        ctx,
        "qualify",
        CliText.CmdQualify,
        CliInput.File(CliText.OptQualifyFile),
        (request, options) => TraffickingQualifier.Qualify(request, ctx.Clock, options),
        WriteText);

    public static Command SentenceCheck(CliContext ctx) => Create<SentenceCheckRequest, SentenceCheckResult>(
        ctx,
        "sentence-check",
        CliText.CmdSentenceCheck,
        CliInput.File(CliText.OptSentenceFile),
        (request, options) => SentenceChecker.Check(request, ctx.Clock, options),
        WriteText);

    // One shape for both commands: read the JSON file, run the engine with the reading options, print JSON or text.
    private static Command Create<TRequest, TResult>(
        CliContext ctx,
        string name,
        string description,
        Option<string> file,
        Func<TRequest, LegalEngineOptions, TResult> run,
        Action<TextWriter, TResult> writeText)
        where TRequest : class
    {
        var (minimum, stacking) = ReadingOptions();
        var command = new Command(name, description)
        {
            file, minimum, stacking, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var request = await ReadAsync<TRequest>(parseResult.GetValue(file)!, ct, file.Name, ctx).ConfigureAwait(false);
            var result = run(request, Options(parseResult, minimum, stacking) with { Zone = ctx.Zone }); // the configured district zone, as the functions'
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(result);
            }
            else
            {
                writeText(ctx.Out, result);
            }

            return 0;
        }));
        return command;
    }

    private static (Option<string> Minimum, Option<string> Stacking) ReadingOptions()
    {
        var minimum = new Option<string>("--minimum-reading")
        {
            Description = CliText.OptMinimumReading,
            DefaultValueFactory = _ => "maximum_only",
        };
        minimum.AcceptOnlyFromAmong("maximum_only", "minimum_and_maximum");
        var stacking = new Option<string>("--aggravation-stacking")
        {
            Description = CliText.OptStacking,
            DefaultValueFactory = _ => "additive",
        };
        stacking.AcceptOnlyFromAmong("additive", "compound", "once");
        return (minimum, stacking);
    }

    private static LegalEngineOptions Options(ParseResult parseResult, Option<string> minimum, Option<string> stacking) => new()
    {
        RaiseMinimumWithAggravation = parseResult.GetValue(minimum) == "minimum_and_maximum",
        Stacking = parseResult.GetValue(stacking) switch
        {
            "compound" => AggravationStacking.Compound,
            "once" => AggravationStacking.Once,
            _ => AggravationStacking.Additive,
        },
    };

    // With ctx, dates are checked against today in the district zone as well (InputChecks, ADR-028).
    internal static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken, string option = "--file", CliContext? ctx = null)
        where T : class
    {
        CliInput.RequireContent(path, CliInput.FileField, option);

        var info = new FileInfo(path);
        if (info.Length > InputJson.MaxBytes)
        {
            throw new DomainValidationException("body", Texts.Format(CliText.ErrFileTooLargeBytes, InputJson.MaxBytes));
        }

        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var today = ctx is null ? (NodaTime.LocalDate?)null : DistrictTime.Today(ctx.Clock, ctx.Zone);
        return InputJson.Read<T>(bytes, today: today, zone: ctx?.Zone) ?? throw new DomainValidationException("body", CliText.ErrJsonObjectRequired);
    }

    private static void WriteText(TextWriter o, QualificationResult r)
    {
        o.WriteLine($"Status: {Code(r.Status)} (act {Yes(r.Elements.Act)}, means {Yes(r.Elements.Means)}, purpose {Yes(r.Elements.Purpose)}; child rule {Yes(r.ChildRuleApplied)}); regime {r.Regime}");
        foreach (string reason in r.Reasons)
        {
            o.WriteLine($"  - {reason}");
        }

        foreach (var c in r.Charges)
        {
            string agg = c.Aggravations.Count == 0 ? string.Empty : $" with {string.Join(", ", c.Aggravations)}";
            string prison = c.PrisonMonths is { } p ? $"{p.Min}-{p.Max} months{(c.LifeImprisonment ? " or life" : string.Empty)}" : "no prison (corporation)";
            o.WriteLine($"Charge {c.Article}{agg} [{c.Regime}]: {prison}; fine Rp{c.FineIdr.Min:N0}-{c.FineIdr.Max:N0} ({Code(c.Penalties)}){(c.Confirmed ? string.Empty : "; UNCONFIRMED data")}");
        }

        foreach (string w in r.Warnings)
        {
            o.WriteLine($"Warning: {w}");
        }
    }

    private static void WriteText(TextWriter o, SentenceCheckResult r)
    {
        if (!r.Supported)
        {
            o.WriteLine($"Not supported: {r.NotSupportedReason}");
            return;
        }

        string prison = r.PrisonMonths is { } p ? $"{p.Min}-{p.Max} months{(r.LifeImprisonment ? " or life" : string.Empty)}" : "no prison";
        string fine = r.FineIdr is { } f ? $"Rp{f.Min:N0}-{f.Max:N0}" : "no fine";
        o.WriteLine($"Regime {r.Regime}: {prison}; fine {fine} ({(r.Penalties is { } pen ? Code(pen) : "-")})");
        o.WriteLine(r.InRange == true
            ? "The sentence lies within the statutory range."
            : $"Out of range: prison below minimum {Yes(r.PrisonBelowMinimum == true)}, above maximum {Yes(r.PrisonAboveMaximum == true)}; fine below minimum {Yes(r.FineBelowMinimum == true)}, above maximum {Yes(r.FineAboveMaximum == true)}.");
        foreach (string note in r.Notes)
        {
            o.WriteLine($"  - {note}");
        }

        foreach (string w in r.Warnings)
        {
            o.WriteLine($"Warning: {w}");
        }
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
