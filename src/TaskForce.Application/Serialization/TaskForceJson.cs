using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// The JSON settings shared by the tool, the functions and storage: snake_case names, enums as snake_case strings,
/// NodaTime values in ISO form (<c>Instant</c> as <c>...Z</c>, <c>LocalDate</c> as <c>YYYY-MM-DD</c>), and region
/// codes as strings (docs/contracts/cli.md).
/// </summary>
public static class TaskForceJson
{
    /// <summary>Gets the shared serializer options (read-only once created; thread-safe).</summary>
    /// <value>Options with snake_case naming and the NodaTime converters.</value>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>Gets the same options with indentation, for files people read.</summary>
    /// <value>Indented options.</value>
    public static JsonSerializerOptions Indented { get; } = Create(writeIndented: true);

    /// <summary>Returns the SHA-256 of a value's JSON under <see cref="Options"/>, as 64 lower-case hex characters.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The fingerprint: equal for values with equal JSON.</returns>
    public static string Fingerprint<T>(T value)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>Returns the SHA-256 of a text's UTF-8 bytes as 64 lower-case hex characters.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The fingerprint.</returns>
    public static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new RegionCodeConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class RegionCodeConverter : JsonConverter<RegionCode>
    {
        public override RegionCode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : RegionCode.Parse(reader.GetString());

        public override void Write(Utf8JsonWriter writer, RegionCode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
