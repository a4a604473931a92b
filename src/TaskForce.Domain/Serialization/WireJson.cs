using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Serialization;

/// <summary>
/// The JSON wire format of the TaskForce API and command-line tool (docs/wire-contract.md), shipped with the package
/// so that a consumer's serialisation of a result equals the API's bytes: snake_case member and dictionary-key
/// names; enumerations as their wire codes (the domain's own codes where it defines them, such as
/// <c>perekrutan</c> for <see cref="TraffickingAct.Recruitment"/>, otherwise the snake_case member name); NodaTime
/// values in ISO form (<see cref="Instant"/> as <c>2025-03-14T01:00:00Z</c>, <see cref="LocalDate"/> as
/// <c>2025-03-14</c>); <see cref="RegionCode"/> as its dotted string (<c>"53.03"</c>); an
/// <see cref="Indicators.IndicatorSnapshot"/> as the contract's snapshot document (<see cref="IndicatorSnapshotJson"/>).
/// </summary>
/// <remarks>
/// <para>Use <see cref="Options"/> as it is (<c>JsonSerializer.Serialize(result, WireJson.Options)</c>), or copy it
/// (<c>new JsonSerializerOptions(WireJson.Options)</c>) to change a setting. Reading with these options is strict:
/// an unknown enumeration code, a number where a string is expected or an integer for an enumeration is a
/// <see cref="JsonException"/>.</para>
/// <para>The options use reflection-based serialization, so they are not for trimmed or native-AOT applications.</para>
/// </remarks>
[RequiresUnreferencedCode("Reflection-based System.Text.Json serialization: not trimming-safe.")]
[RequiresDynamicCode("Reflection-based System.Text.Json serialization: not native-AOT compatible.")]
public static class WireJson
{
    /// <summary>Gets the wire-format options, compact (no indentation). Read-only and thread-safe.</summary>
    /// <value>The options the API writes its responses and the tool its <c>--json</c> output with.</value>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>Gets the same options with indentation, for files people read. Read-only and thread-safe.</summary>
    /// <value>Indented options.</value>
    public static JsonSerializerOptions Indented { get; } = Create(writeIndented: true);

    /// <summary>Creates a new, read-only copy of the wire-format options.</summary>
    /// <param name="writeIndented">Whether to indent the output.</param>
    /// <returns>Options equal to <see cref="Options"/> (or <see cref="Indented"/>), made read-only.</returns>
    public static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.WriteIndented = writeIndented;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Applies the wire format to options a consumer owns (for example ASP.NET Core's
    /// <c>JsonOptions.SerializerOptions</c>): naming policies, number handling, null handling and the converters.</summary>
    /// <param name="options">Mutable options; start from <see cref="JsonSerializerDefaults.Web"/> for the API's
    /// exact settings.</param>
    /// <returns>The same <paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The options are read-only (already used or made read-only).</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { InheritedMembersFirst } };
        options.Converters.Add(new WireCodeEnumConverterFactory());
        options.Converters.Add(new RegionCodeConverter());
        options.Converters.Add(new IndicatorSnapshotJson.Converter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>Lists the members a type inherits before its own, base type first, each type's in declaration order
    /// (System.Text.Json on its own lists the most derived type's first). So a document that derives from a shared
    /// model, such as <see cref="CaseHeader"/>, starts with that model's fields in that model's order, as the wire
    /// format always had them.</summary>
    private static void InheritedMembersFirst(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.BaseType is null || typeInfo.Type.BaseType == typeof(object))
        {
            return;
        }

        var ordered = typeInfo.Properties.OrderBy(p => Depth((p.AttributeProvider as System.Reflection.MemberInfo)?.DeclaringType)).ToList(); // a stable sort
        typeInfo.Properties.Clear();
        foreach (var property in ordered)
        {
            typeInfo.Properties.Add(property);
        }
    }

    private static int Depth(Type? type)
    {
        int depth = 0;
        for (; type is not null; type = type.BaseType)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Enumerations as wire codes: the domain's <see cref="WireCodeMap{TEnum}"/> or code table where it
    /// defines one, else the snake_case member name (integers refused).</summary>
    [RequiresDynamicCode("JsonStringEnumConverter creates converters at run time.")]
    private sealed class WireCodeEnumConverterFactory : JsonConverterFactory
    {
        private static readonly Dictionary<Type, IWireCodeMap> Maps = new IWireCodeMap[]
        {
            LegalCodes.Acts, LegalCodes.Means, LegalCodes.Purposes, LegalCodes.Harms, LegalCodes.Participations,
            CaseCodes.CaseTypes, CaseCodes.Channels, CaseCodes.Agencies, CaseCodes.MigrantStatuses, CaseCodes.Roles,
            CaseCodes.ConsentGivers, CaseCodes.GbvTypes, CaseCodes.SimfoniForms,
        }.ToDictionary(m => m.EnumType);

        private readonly JsonStringEnumConverter _snakeCase = new(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            Maps.TryGetValue(typeToConvert, out IWireCodeMap? map) ? map.CreateJsonConverter()
            : typeToConvert == typeof(DetentionStage) ? new CodeTableConverter<DetentionStage>(DetentionStages.ToCode, code => DetentionStages.Parse(code))
            : _snakeCase.CreateConverter(typeToConvert, options);
    }

    /// <summary>An enumeration with its own code table (not a <see cref="WireCodeMap{TEnum}"/>), such as
    /// <see cref="DetentionStage"/>'s <c>penyidik_pasal29_1</c>.</summary>
    private sealed class CodeTableConverter<TEnum>(Func<TEnum, string> toCode, Func<string?, TEnum> parse) : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(toCode(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WritePropertyName(toCode(value));

        private TEnum Parse(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                throw new JsonException($"A {typeof(TEnum).Name} code (a string) is required.");
            }

            try
            {
                return parse(reader.GetString());
            }
            catch (DomainValidationException ex)
            {
                throw new JsonException(ex.Message, ex);
            }
        }
    }

    private sealed class RegionCodeConverter : JsonConverter<RegionCode>
    {
        public override RegionCode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : RegionCode.Parse(reader.GetString());

        public override void Write(Utf8JsonWriter writer, RegionCode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
