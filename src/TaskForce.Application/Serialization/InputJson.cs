using System.Text.Json;
using System.Text.Json.Serialization;
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
    /// <returns>The document, or <see langword="null"/> for an empty document when allowed, or a JSON <c>null</c>.</returns>
    /// <exception cref="DomainValidationException">The document is too large, empty, not JSON (<c>body</c>), or a
    /// value has the wrong type or format, or a field is unknown, or an object names a field twice
    /// (<see cref="JsonDuplicateKeys"/>; the field names it).</exception>
    public static T? Read<T>(ReadOnlySpan<byte> utf8, bool allowEmpty = false)
        where T : class
    {
        if (utf8.Length > MaxBytes)
        {
            throw new DomainValidationException("body", $"The document is larger than {MaxBytes} bytes.");
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..]; // a UTF-8 byte-order mark, as Notepad writes: not part of the document (RFC 8259 §8.1)
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty ? null : throw new DomainValidationException("body", "The document is empty; a JSON object is expected.");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            JsonDuplicateKeys.Check(document.RootElement);
        }
        catch (JsonException)
        {
            throw new DomainValidationException("body", "The document is not well-formed JSON.");
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

    /// <summary>Turns a serializer error into a validation error naming the field.</summary>
    /// <param name="error">The error. Cannot be <see langword="null"/>.</param>
    /// <returns>The validation error (field from the JSON path, <c>body</c> for the root).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static DomainValidationException ToValidation(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string path = error.Path ?? "$";
        string field = path is "$" or "" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        string message = error.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "Unknown field: check its name against the contract."
            : $"The value has the wrong type or format: expected {Expected(error.Message)}.";
        return new DomainValidationException(field, message);
    }

    private static string Expected(string message) =>
        message.Contains("NodaTime.LocalDate", StringComparison.Ordinal) ? "a date YYYY-MM-DD"
        : message.Contains("NodaTime.Instant", StringComparison.Ordinal) ? "an ISO-8601 UTC instant such as 2026-03-02T02:30:00Z"
        : message.Contains("System.Int32", StringComparison.Ordinal) || message.Contains("System.Int64", StringComparison.Ordinal) ? "a whole number"
        : message.Contains("System.Boolean", StringComparison.Ordinal) ? "true or false"
        : message.Contains("List`1", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) ? "an array"
        : message.Contains("System.String", StringComparison.Ordinal) ? "a string"
        : "the type the contract names (an object, array, string, number or boolean)";

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(TaskForceJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly();
        return options;
    }
}
