using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// The kinds of input problem an import counts (the data-quality summary, docs/decisions/ADR-028-bad-input.md): a
/// refusal records its kind in <see cref="Exception.Data"/> under <see cref="PlausibleDate.KindKey"/>; a refusal
/// without one is <see cref="InvalidValue"/>.
/// </summary>
public static class InputProblems
{
    /// <summary>A field the format does not define (a misspelt name is never silently a missing value).</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>A field named twice in one JSON object.</summary>
    public const string DuplicateField = "duplicate_field";

    /// <summary>A date before 1900-01-01 or after today (<see cref="PlausibleDate"/>).</summary>
    public const string DateOutOfRange = PlausibleDate.Kind;

    /// <summary>A control character in a value.</summary>
    public const string ControlCharacter = "control_character";

    /// <summary>Bytes that are not UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>A CSV row with another number of values than its header.</summary>
    public const string ColumnCount = "column_count";

    /// <summary>A line that is not well-formed JSON (or not a JSON object).</summary>
    public const string BrokenJson = "broken_json";

    /// <summary>A record that conflicts with a stored one or with an earlier line of the same file.</summary>
    public const string Conflict = "conflict";

    /// <summary>Any other refused value: a wrong type, an unknown code, a missing required field, a broken rule.</summary>
    public const string InvalidValue = "invalid_value";

    /// <summary>Gets the kind a refusal carries.</summary>
    /// <param name="error">The refusal. Cannot be <see langword="null"/>.</param>
    /// <returns>The kind recorded in its data, else <see cref="InvalidValue"/>.</returns>
    public static string KindOf(Exception error) => PlausibleDate.KindOf(error) ?? InvalidValue;

    /// <summary>Creates a refusal of a kind.</summary>
    /// <param name="field">The snake_case field (or <c>line</c>, <c>file</c>).</param>
    /// <param name="message">The message, from the resource set.</param>
    /// <param name="kind">One of the kinds above.</param>
    /// <returns>The exception, not thrown.</returns>
    public static DomainValidationException Create(string field, string message, string kind)
    {
        var error = new DomainValidationException(field, message);
        error.Data[PlausibleDate.KindKey] = kind;
        return error;
    }
}
