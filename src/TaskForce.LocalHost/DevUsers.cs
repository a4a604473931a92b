using System.Text.Json;
using TaskForce.Functions.Http;

namespace TaskForce.LocalHost;

/// <summary>One test person of <c>--dev-users</c>.</summary>
/// <param name="Name">The name chosen with the <see cref="DevUsers.HeaderName"/> header; also the user id.</param>
/// <param name="Agency">The agency code, or <see langword="null"/>.</param>
/// <param name="Roles">The role codes, e.g. <c>case_worker</c>.</param>
public sealed record DevUser(string Name, string? Agency, IReadOnlyList<string> Roles);

/// <summary>
/// Development-only test persons: a request naming one in <see cref="HeaderName"/> gets the
/// <c>X-MS-CLIENT-PRINCIPAL</c> that App Service authentication would set for that person. Off unless the local host
/// is started with <c>--dev-users FILE</c>, and refused outright where App Service variables are present.
/// </summary>
/// <threadsafety>Thread-safe (immutable).</threadsafety>
public sealed class DevUsers
{
    /// <summary>The request header that names the test person to act as.</summary>
    public const string HeaderName = "X-TaskForce-Dev-User";

    /// <summary>Environment variables the App Service platform sets in every deployed app; any of them present means
    /// this process may be a deployed app, where test persons must never exist.</summary>
    public static readonly IReadOnlyList<string> AppServiceVariables = ["WEBSITE_SITE_NAME", "WEBSITE_INSTANCE_ID"];

    private readonly Dictionary<string, DevUser> _users;

    private DevUsers(Dictionary<string, DevUser> users) => _users = users;

    /// <summary>Gets the test persons by name.</summary>
    /// <value>The persons.</value>
    public IReadOnlyDictionary<string, DevUser> Users => _users;

    /// <summary>Reads the persons file: <c>{"users": [{"name": "worker-1", "agency": "uptd_ppa_ttu", "roles": ["case_worker"]}]}</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="environment">Reads an environment variable (the process environment in production).</param>
    /// <returns>The persons.</returns>
    /// <exception cref="InvalidOperationException">An App Service variable is present, or the file is not as
    /// described (the message says what).</exception>
    public static DevUsers Parse(string json, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(environment);
        RefuseInAppService(environment);
        var users = new Dictionary<string, DevUser>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("users", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException("The dev users file needs {\"users\": [{\"name\", \"agency\", \"roles\": [...]}]}.");
            }

            foreach (var u in list.EnumerateArray())
            {
                string name = u.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
                    ? n.GetString()!
                    : throw new InvalidOperationException("Every dev user needs a non-empty \"name\".");
                string? agency = u.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                var roles = u.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                    : [];
                if (!users.TryAdd(name, new DevUser(name, agency, roles)))
                {
                    throw new InvalidOperationException($"The dev user '{name}' is listed twice.");
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The dev users file is not JSON: {e.Message}", e);
        }

        return new DevUsers(users);
    }

    /// <summary>Refuses test persons in a process that has App Service variables.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <exception cref="InvalidOperationException">One of <see cref="AppServiceVariables"/> is set.</exception>
    public static void RefuseInAppService(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in AppServiceVariables)
        {
            if (!string.IsNullOrEmpty(environment(name)))
            {
                throw new InvalidOperationException($"Dev users are refused: {name} is set, so this may be a deployed App Service app. They exist only on a developer's machine.");
            }
        }
    }

    /// <summary>Returns the <c>X-MS-CLIENT-PRINCIPAL</c> value App Service authentication would send for a person.</summary>
    /// <param name="user">The person. Cannot be <see langword="null"/>.</param>
    /// <returns>The base64 header value (claims: object id, name, agency, roles).</returns>
    public static string Principal(DevUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<(string, string)>
        {
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", user.Name),
            ("name", user.Name),
        };
        if (user.Agency is not null)
        {
            claims.Add(("agency", user.Agency));
        }

        claims.AddRange(user.Roles.Select(r => ("roles", r)));
        return ClientPrincipalReader.Encode("aad", claims);
    }
}
