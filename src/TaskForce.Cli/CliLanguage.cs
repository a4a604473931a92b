using System.CommandLine;
using System.Globalization;
using TaskForce.Cli.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Cli;

/// <summary>The language of the tool's texts (ADR-025, ADR-027): <c>--lang id|en</c>, then <c>TASKFORCE_LANG</c>,
/// then the locale (<c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>: <c>id*</c>/<c>in*</c> Indonesian, <c>en*</c>
/// English), default Bahasa Indonesia.</summary>
/// <remarks>The language is read from the process environment, not from the lookup of TaskForce settings a test may
/// give <see cref="CliApp.RunAsync"/>: it belongs to the person running the tool, not to the district's
/// configuration.</remarks>
internal static class CliLanguage
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--lang";

    /// <summary>The environment variable naming the language.</summary>
    public const string EnvironmentVariable = "TASKFORCE_LANG";

    /// <summary>Creates the global <c>--lang</c> option (read before parsing; declared so that the parser accepts it
    /// on every command and help lists it).</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreateOption()
    {
        var option = new Option<string?>(OptionName) { Description = CliText.LangOption, Recursive = true };
        option.AcceptOnlyFromAmong("id", "en");
        return option;
    }

    /// <summary>Chooses the language of a run.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">The environment lookup.</param>
    /// <returns>The culture, or the error's field and message when <c>--lang</c> or <c>TASKFORCE_LANG</c> names no
    /// language the tool has (the message is in the locale's language, or Indonesian).</returns>
    public static (CultureInfo Culture, (string Field, string Message)? Error) Choose(string[] args, Func<string, string?> environment)
    {
        CultureInfo fallback = FromLocale(environment) ?? Texts.Indonesian;
        if (FromArgs(args) is { } given)
        {
            return Named(given) is { } culture ? (culture, null) : (fallback, ("lang", Message(fallback, OptionName, given)));
        }

        if (environment(EnvironmentVariable) is { } variable && !string.IsNullOrWhiteSpace(variable))
        {
            return Named(variable.Trim()) is { } culture ? (culture, null) : (fallback, (EnvironmentVariable, Message(fallback, EnvironmentVariable, variable)));
        }

        return (fallback, null);
    }

    private static string Message(CultureInfo culture, string name, string value) =>
        Texts.In(CliText.ResourceManager, nameof(CliText.LangUnknown), culture, name, value);

    private static CultureInfo? Named(string value) => value.ToLowerInvariant() switch
    {
        "id" => Texts.Indonesian,
        "en" => Texts.English,
        _ => null,
    };

    private static string? FromArgs(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a == OptionName)
            {
                return i + 1 < args.Length ? args[i + 1] : string.Empty;
            }

            if (a.StartsWith(OptionName + "=", StringComparison.Ordinal) || a.StartsWith(OptionName + ":", StringComparison.Ordinal))
            {
                return a[(OptionName.Length + 1)..];
            }
        }

        return null;
    }

    // The first locale variable set decides (POSIX precedence); a locale of another language (C, POSIX, fr_FR) leaves
    // the default.
    private static CultureInfo? FromLocale(Func<string, string?> environment)
    {
        foreach (string name in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
        {
            string? value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            string v = value.Trim().ToLowerInvariant();
            return v.StartsWith("id", StringComparison.Ordinal) || v.StartsWith("in", StringComparison.Ordinal) ? Texts.Indonesian
                : v.StartsWith("en", StringComparison.Ordinal) ? Texts.English
                : null;
        }

        return null;
    }
}
