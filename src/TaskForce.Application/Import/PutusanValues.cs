using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Resources;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Import;

/// <summary>The typed value readers of the court-outcome format (<see cref="PutusanRecordParser"/>): each names
/// the field (its JSON path) when the value has the wrong type, and never repeats a value in a message.</summary>
internal static class PutusanValues
{
    public static JsonElement? Field(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Refuses every field of <paramref name="obj"/> not in <paramref name="known"/> (kind
    /// <see cref="InputProblems.UnknownField"/>): a misspelt field must never be read as a missing value.</summary>
    public static void RequireKnown(JsonElement obj, IReadOnlySet<string> known, string? path)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                string field = path is null ? property.Name : $"{path}.{property.Name}";
                throw InputProblems.Create(field, Texts.Format(ImportText.UnknownField, field, string.Join(", ", known.Order(StringComparer.Ordinal))), InputProblems.UnknownField);
            }
        }
    }

    public static string? String(JsonElement obj, string name, string? path = null)
    {
        if (Field(obj, name) is not { } v)
        {
            return null;
        }

        string field = path ?? name;
        if (v.ValueKind != JsonValueKind.String)
        {
            throw new DomainValidationException(field, Texts.Format(ImportText.MustBeString, field, Kind(v)));
        }

        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            throw InputProblems.Create(field, Texts.Format(ImportText.InvalidText, field), InputProblems.InvalidUtf8);
        }
    }

    public static long? Long(JsonElement obj, string name, string? path = null)
    {
        if (Field(obj, name) is not { } v)
        {
            return null;
        }

        string field = path ?? name;
        if (v.ValueKind != JsonValueKind.Number)
        {
            throw new DomainValidationException(field, Texts.Format(ImportText.MustBeWholeNumber, field, Kind(v)));
        }

        return v.TryGetInt64(out long n) ? n
            : throw new DomainValidationException(field, Texts.Format(ImportText.WholeNumberFormat, field));
    }

    public static int? Int(JsonElement obj, string name, string? path = null)
    {
        long? n = Long(obj, name, path);
        return n is null ? null
            : n is >= int.MinValue and <= int.MaxValue ? (int)n.Value
            : throw new DomainValidationException(path ?? name, Texts.Format(ImportText.OutOfRange, path ?? name));
    }

    public static bool? Bool(JsonElement obj, string name, string path)
    {
        if (Field(obj, name) is not { } v)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new DomainValidationException(path, Texts.Format(ImportText.MustBeBoolean, path, Kind(v))),
        };
    }

    /// <summary>Reads a date and checks it with the one rule for input dates (<see cref="PlausibleDate"/>): not
    /// before 1900-01-01, not after <paramref name="today"/> (every date of a verdict is of a past event).</summary>
    public static LocalDate? Date(JsonElement obj, string name, LocalDate? today, string? path = null)
    {
        string? text = String(obj, name, path);
        if (text is null)
        {
            return null;
        }

        string field = path ?? name;
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? PlausibleDate.Require(result.Value, field, today)
            : throw new DomainValidationException(field, Texts.Format(ImportText.NotARealDate, field, text));
    }

    public static List<string> StringList(JsonElement obj, string name)
    {
        if (Field(obj, name) is not { } v)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new DomainValidationException(name, Texts.Format(ImportText.MustBeStringList, name, Kind(v)));
        }

        var list = new List<string>();
        int i = 0;
        foreach (var item in v.EnumerateArray())
        {
            string field = $"{name}[{i}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new DomainValidationException(field, Texts.Format(ImportText.MustBeString, field, Kind(item)));
            }

            try
            {
                list.Add(item.GetString()!);
            }
            catch (InvalidOperationException)
            {
                throw InputProblems.Create(field, Texts.Format(ImportText.InvalidText, field), InputProblems.InvalidUtf8);
            }

            i++;
        }

        return list;
    }

    /// <summary>The JSON type of a value, as JSON names it (the same word in every language).</summary>
    public static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };
}
