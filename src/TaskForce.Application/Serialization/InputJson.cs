using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// Reads request documents (HTTP bodies, the tool's input files) strictly: the shared snake_case options of
/// <see cref="TaskForceJson"/>, unknown fields and duplicate fields refused, and every JSON error turned into a
/// <see cref="DomainValidationException"/> naming the field (e.g. <c>victims[0].birth_date</c>) whose message never
/// repeats the value sent (it may be personal data).
/// </summary>
public static class InputJson
{
    /// <summary>The largest document accepted, in bytes (well under Table Storage's limits; issue 7 §2).</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>Gets the strict options: <see cref="TaskForceJson.Options"/> with unknown members disallowed.</summary>
    /// <value>Read-only options.</value>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a document.</summary>
    /// <typeparam name="T">The document type.</typeparam>
    /// <param name="utf8">The document's bytes; a leading UTF-8 byte-order mark is skipped.</param>
    /// <param name="allowEmpty">Whether an empty document (no bytes or only white space) stands for
    /// <see langword="null"/>; otherwise it is an error.</param>
    /// <param name="today">Today's business date in the district zone, or <see langword="null"/>: with it, a date
    /// of a past event (<see cref="InputChecks.PastEventFields"/>) after today is refused too.</param>
    /// <param name="zone">The district zone, for instants; <see langword="null"/> for UTC dates.</param>
    /// <returns>The document, or <see langword="null"/> for an empty document when allowed, or a JSON <c>null</c>.</returns>
    /// <exception cref="DomainValidationException">The document is too large, empty, not JSON (<c>body</c>), or a
    /// value has the wrong type or format, or a field is unknown, or an object names a field twice
    /// (<see cref="JsonDuplicateKeys"/>; the field names it), or a name or value holds a control character, or a date
    /// is before 1900-01-01 or (with <paramref name="today"/>) a past event's date is after today
    /// (<see cref="InputChecks"/>).</exception>
    public static T? Read<T>(ReadOnlySpan<byte> utf8, bool allowEmpty = false, LocalDate? today = null, DateTimeZone? zone = null)
        where T : class
    {
        if (utf8.Length > MaxBytes)
        {
            throw new DomainValidationException("body", Texts.Format(ImportText.DocumentTooLarge, MaxBytes));
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..]; // a UTF-8 byte-order mark, as Notepad writes: not part of the document (RFC 8259 §8.1)
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty ? null : throw new DomainValidationException("body", ImportText.DocumentEmpty);
        }

        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            JsonDuplicateKeys.Check(document.RootElement);
            InputChecks.Json(document.RootElement, today, zone);
        }
        catch (JsonException)
        {
            throw InputProblems.Create("body", ImportText.DocumentNotJson, InputProblems.BrokenJson);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(utf8, Options);
        }
        catch (JsonException e)
        {
            throw ToValidation(e);
        }
    }

    /// <summary>Checks a document for a reader with its own parser (the detention check): well-formed UTF-8 JSON, no
    /// field named twice, no control character, dates in range (<see cref="InputChecks.Json"/>).</summary>
    /// <param name="utf8">The document's bytes; a leading UTF-8 byte-order mark is skipped.</param>
    /// <param name="today">Today's business date in the district zone, or <see langword="null"/>.</param>
    /// <param name="zone">The district zone, for instants, or <see langword="null"/>.</param>
    /// <exception cref="DomainValidationException">The bytes are not UTF-8 JSON (<c>body</c>), or a check fails
    /// (the field is the JSON path).</exception>
    public static void Check(ReadOnlySpan<byte> utf8, LocalDate? today, DateTimeZone? zone)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            JsonDuplicateKeys.Check(document.RootElement);
            InputChecks.Json(document.RootElement, today, zone);
        }
        catch (JsonException)
        {
            throw InputProblems.Create("body", ImportText.DocumentNotJson, InputProblems.BrokenJson);
        }
    }

    /// <summary>Turns a serializer error into a validation error naming the field.</summary>
    /// <param name="error">The error. Cannot be <see langword="null"/>.</param>
    /// <returns>The validation error (field from the JSON path, <c>body</c> for the root).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static DomainValidationException ToValidation(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string path = error.Path ?? "$";
        string field = path is "$" or "" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return error.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? InputProblems.Create(field, ImportText.UnknownContractField, InputProblems.UnknownField)
            : new DomainValidationException(field, Texts.Format(ImportText.WrongTypeOrFormat, Expected(error.Message)));
    }

    private static string Expected(string message) =>
        message.Contains("NodaTime.LocalDate", StringComparison.Ordinal) ? ImportText.ExpectedDate
        : message.Contains("NodaTime.Instant", StringComparison.Ordinal) ? ImportText.ExpectedInstant
        : message.Contains("System.Int32", StringComparison.Ordinal) || message.Contains("System.Int64", StringComparison.Ordinal) ? ImportText.ExpectedWholeNumber
        : message.Contains("System.Boolean", StringComparison.Ordinal) ? ImportText.ExpectedBoolean
        : message.Contains("List`1", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) ? ImportText.ExpectedArray
        : message.Contains("System.String", StringComparison.Ordinal) ? ImportText.ExpectedString
        : ImportText.ExpectedContractType;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(TaskForceJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly();
        return options;
    }
}
