using System.Collections.Frozen;
using System.Text.Json.Serialization;
using System.Text.Json;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Common;

/// <summary>
/// A strict two-way map between an enumeration and its snake_case wire codes: an unknown code is an error naming
/// the field and listing the allowed codes, never a default.
/// </summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal sealed class WireCodeMap<TEnum> : IWireCodeMap
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<string, TEnum> _byCode;
    private readonly FrozenDictionary<TEnum, string> _byValue;
    private readonly string _kind;

    public WireCodeMap(string kind, params (TEnum Value, string Code)[] pairs)
    {
        _kind = kind;
        _byCode = pairs.ToFrozenDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal);
        _byValue = pairs.ToFrozenDictionary(p => p.Value, p => p.Code);
        Codes = [.. pairs.Select(p => p.Code)];
    }

    public IReadOnlyList<string> Codes { get; }

    public Type EnumType => typeof(TEnum);

    public JsonConverter CreateJsonConverter() => new Converter(this);

    public string ToCode(TEnum value) =>
        _byValue.TryGetValue(value, out string? code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, $"No wire code for this {_kind}.");

    public bool TryParse(string? code, out TEnum value)
    {
        if (code is not null && _byCode.TryGetValue(code, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public TEnum Parse(string? code, string field)
    {
        if (code is null)
        {
            throw new DomainValidationException(field, Texts.Format(CommonText.WireCodeRequired, _kind, string.Join(", ", Codes)));
        }

        return TryParse(code, out TEnum value)
            ? value
            : throw new DomainValidationException(field, Texts.Format(CommonText.WireCodeUnknown, code, _kind, string.Join(", ", Codes)));
    }

    public IReadOnlyList<TEnum> ParseList(IReadOnlyList<string>? codes, string field)
    {
        if (codes is null)
        {
            return [];
        }

        var result = new List<TEnum>(codes.Count);
        for (int i = 0; i < codes.Count; i++)
        {
            TEnum value = Parse(codes[i], $"{field}[{i}]");
            if (!result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>Reads and writes the enumeration as its wire code (strict: an unknown code is a <see cref="JsonException"/>).</summary>
    private sealed class Converter(WireCodeMap<TEnum> map) : JsonConverter<TEnum>
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(map.ToCode(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WritePropertyName(map.ToCode(value));

        private TEnum Parse(ref Utf8JsonReader reader)
        {
            string? code = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString() : null;
            return map.TryParse(code, out TEnum value)
                ? value
                : throw new JsonException(Texts.Format(CommonText.WireCodeUnknown, code, map._kind, string.Join(", ", map.Codes)));
        }
    }
}

/// <summary>The type-independent face of <see cref="WireCodeMap{TEnum}"/>, for the JSON options.</summary>
internal interface IWireCodeMap
{
    /// <summary>Gets the enumeration the map is for.</summary>
    Type EnumType { get; }

    /// <summary>Creates a System.Text.Json converter that writes and reads the wire codes.</summary>
    /// <returns>A <c>JsonConverter&lt;TEnum&gt;</c>.</returns>
    JsonConverter CreateJsonConverter();
}
