using System.CommandLine;
using TaskForce.Cli.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Cli;

/// <summary>The input options the tool accepted before every command named its input file <c>--file</c> (ADR-027):
/// given now, they are refused (exit 2) with a message naming <c>--file</c> and an example, not System.CommandLine's
/// generic "unrecognized" text.</summary>
internal static class LegacyInputOptions
{
    // command → (its old input option, or null for a positional file; an example with --file)
    private static readonly Dictionary<string, (string? Old, string Example)> Commands = new(StringComparer.Ordinal)
    {
        ["import"] = (null, "taskforce import --format putusan --file samples/verdicts/putusan-sample.jsonl"),
        ["detention-check"] = ("--input", "taskforce detention-check --file chain.json"),
        ["sentence-check"] = ("--input", "taskforce sentence-check --file sentence.json"),
        ["qualify"] = ("--case", "taskforce qualify --file case.json"),
        ["estimate"] = ("--lists", "taskforce estimate --file out/capture-history.csv"),
        ["link"] = ("--records", "taskforce link --file police.csv --file uptd.csv"),
        ["subject-access"] = ("--person", "taskforce subject-access --file person.json --out export.json --by STAFF_ID --agency CODE"),
        ["subject-erase"] = ("--person", "taskforce subject-erase --file person.json --by STAFF_ID --agency CODE"),
    };

    /// <summary>Finds an old way of naming the input file in a command line that did not parse.</summary>
    /// <param name="parsed">The parse result (with errors).</param>
    /// <returns>The error's field (<c>file</c>) and message, or <see langword="null"/> when no old way was used.</returns>
    public static (string Field, string Message)? Find(ParseResult parsed)
    {
        string name = parsed.CommandResult.Command.Name;
        if (!Commands.TryGetValue(name, out var legacy))
        {
            return null;
        }

        if (legacy.Old is null)
        {
            // import FILE: the positional file is now an unmatched token.
            string? positional = parsed.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
            return positional is null ? null : (CliInput.FileField, Texts.Format(CliText.LegacyPositional, positional, legacy.Example));
        }

        bool used = parsed.Tokens.Any(t => Is(t.Value, legacy.Old)) || parsed.UnmatchedTokens.Any(t => Is(t, legacy.Old));
        return used ? (CliInput.FileField, Texts.Format(CliText.LegacyOption, legacy.Old, legacy.Example)) : null;
    }

    private static bool Is(string token, string option) =>
        token == option || token.StartsWith(option + "=", StringComparison.Ordinal) || token.StartsWith(option + ":", StringComparison.Ordinal);
}
