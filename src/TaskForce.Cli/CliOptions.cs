using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskForce.Cli;

/// <summary>Numeric options whose parse errors are plain sentences ("--k must be a whole number ≥ 1, not 'abc'.")
/// instead of System.CommandLine's default, which names .NET types (<c>System.Nullable`1[System.Int32]</c>).</summary>
/// <remarks>The parser only checks the shape of the text (and, for a whole number, the range of the type); the
/// command's use case still checks the value's range and names it in its own message. Numbers are read in the
/// invariant culture (a decimal point, never a comma).</remarks>
internal static partial class CliOptions
{
    /// <summary>Creates an optional whole-number option.</summary>
    /// <param name="name">The option's name with its dashes, e.g. <c>--k</c>.</param>
    /// <param name="description">The help text.</param>
    /// <param name="expected">What a good value is, for the message, e.g. <c>a whole number ≥ 1</c>.</param>
    /// <returns>The option; its value is <see langword="null"/> when the option is not given.</returns>
    public static Option<int?> WholeNumber(string name, string description, string expected) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = TokenText(result);
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
            {
                return n;
            }

            result.AddError(Digits().IsMatch(text)
                ? $"{name} is too {(text.StartsWith('-') ? "small" : "large")}: '{text}' is outside [{int.MinValue}, {int.MaxValue}]; it must be {expected}."
                : $"{name} must be {expected}, not '{text}'.");
            return null;
        },
    };

    /// <summary>Creates an optional decimal-number option.</summary>
    /// <param name="name">The option's name with its dashes, e.g. <c>--p-threshold</c>.</param>
    /// <param name="description">The help text.</param>
    /// <param name="expected">What a good value is, for the message, e.g. <c>a number in (0, 1), e.g. 0.02</c>.</param>
    /// <returns>The option; its value is <see langword="null"/> when the option is not given.</returns>
    public static Option<double?> Number(string name, string description, string expected) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = TokenText(result);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
            {
                if (double.IsFinite(x))
                {
                    return x;
                }

                result.AddError($"{name} is too large: '{text}'; it must be {expected}.");
                return null;
            }

            result.AddError($"{name} must be {expected}, not '{text}'.");
            return null;
        },
    };

    private static string TokenText(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    [GeneratedRegex(@"^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
