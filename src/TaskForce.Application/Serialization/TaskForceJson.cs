using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TaskForce.Domain.Serialization;

namespace TaskForce.Application.Serialization;

/// <summary>
/// The JSON settings shared by the tool, the functions and storage. A thin delegate to the package's
/// <see cref="WireJson"/> (snake_case names, enum wire codes, NodaTime values in ISO form, region codes as strings;
/// docs/wire-contract.md), so that the API, the tool and a package consumer write the same bytes.
/// </summary>
public static class TaskForceJson
{
    /// <summary>Gets the shared serializer options (read-only; thread-safe).</summary>
    /// <value><see cref="WireJson.Options"/>.</value>
    public static JsonSerializerOptions Options => WireJson.Options;

    /// <summary>Gets the same options with indentation, for files people read.</summary>
    /// <value><see cref="WireJson.Indented"/>.</value>
    public static JsonSerializerOptions Indented => WireJson.Indented;

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
}
