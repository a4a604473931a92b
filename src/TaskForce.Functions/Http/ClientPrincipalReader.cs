using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using TaskForce.Application.Access;

namespace TaskForce.Functions.Http;

/// <summary>
/// Identifies the person behind a request from App Service authentication ("Easy Auth"): decodes the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON with <c>auth_typ</c>, <c>name_typ</c>, <c>role_typ</c> and
/// <c>claims: [{typ, val}]</c>) and hands the claims to <see cref="CallerClaims"/>.
/// </summary>
/// <remarks>
/// The header is trusted <b>only</b> when App Service authentication is on in front of the app (the platform setting
/// <c>WEBSITE_AUTH_ENABLED</c> = <c>True</c>): the platform then strips any header a client sends and writes its own.
/// With authentication off anyone could forge it, so the header is ignored and every request that needs a person
/// fails closed (401). The isolated worker does not fill <c>HttpContext.User</c> from Easy Auth (Microsoft Learn, "Work
/// with user identities in Azure App Service authentication": the principal reaches the code as this header), hence
/// this reader. <see cref="HttpPipeline"/> uses it for every function that needs a person.
/// </remarks>
/// <param name="appServiceAuthenticationEnabled">Whether App Service authentication is on.</param>
/// <threadsafety>Thread-safe (immutable).</threadsafety>
public sealed class ClientPrincipalReader(bool appServiceAuthenticationEnabled)
{
    /// <summary>The header App Service authentication sets.</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The platform setting that says App Service authentication is on.</summary>
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";

    private const int MaxHeaderLength = 16 * 1024;

    /// <summary>Gets a value indicating whether the header is trusted.</summary>
    /// <value><see langword="true"/> when App Service authentication is on.</value>
    public bool Trusted => appServiceAuthenticationEnabled;

    /// <summary>Creates the reader from configuration.</summary>
    /// <param name="configuration">The app's configuration (environment variables included). Cannot be <see langword="null"/>.</param>
    /// <returns>A reader that trusts the header only when <c>WEBSITE_AUTH_ENABLED</c> is <c>True</c> (ignoring case).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static ClientPrincipalReader FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ClientPrincipalReader(string.Equals(configuration[AuthEnabledSetting]?.Trim(), "True", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Returns the person calling.</summary>
    /// <param name="request">The request. Cannot be <see langword="null"/>.</param>
    /// <returns>The caller, or <see langword="null"/> when authentication is off, the header is missing, repeated or
    /// malformed, or it names no usable user id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public Caller? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!appServiceAuthenticationEnabled)
        {
            return null;
        }

        var values = request.Headers[HeaderName];
        return values.Count == 1 ? Decode(values[0]) : null;
    }

    /// <summary>Decodes a header value (without deciding whether to trust it).</summary>
    /// <param name="headerValue">The base64 value, or <see langword="null"/>.</param>
    /// <returns>The caller, or <see langword="null"/> when the value is missing, not base64, not the expected JSON, or
    /// has no usable user id.</returns>
    public static Caller? Decode(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue) || headerValue.Length > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(headerValue.Trim()));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var pairs = new List<(string, string)>();
            foreach (var c in claims.EnumerateArray())
            {
                if (c.ValueKind == JsonValueKind.Object && Text(c, "typ") is { } typ && Text(c, "val") is { } val)
                {
                    pairs.Add((typ, val));
                }
            }

            return CallerClaims.ToCaller(pairs, Text(root, "auth_typ"), Text(root, "role_typ"));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Encodes claims the way App Service authentication does (for tests and local tools).</summary>
    /// <param name="authenticationType">The <c>auth_typ</c>, e.g. <c>aad</c>. Cannot be <see langword="null"/>.</param>
    /// <param name="claims">The claims. Cannot be <see langword="null"/>.</param>
    /// <returns>The base64 header value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string Encode(string authenticationType, IEnumerable<(string Type, string Value)> claims)
    {
        ArgumentNullException.ThrowIfNull(authenticationType);
        ArgumentNullException.ThrowIfNull(claims);
        var doc = new Dictionary<string, object>
        {
            ["auth_typ"] = authenticationType,
            ["name_typ"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            ["role_typ"] = "roles",
            ["claims"] = claims.Select(c => new Dictionary<string, string> { ["typ"] = c.Type, ["val"] = c.Value }).ToList(),
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc)));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
