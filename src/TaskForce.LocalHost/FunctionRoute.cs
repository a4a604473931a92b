using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace TaskForce.LocalHost;

/// <summary>One HTTP function as the Functions host would route it, read from its own <c>[Function]</c> and
/// <c>[HttpTrigger]</c> attributes (there is no second route table).</summary>
/// <param name="Name">The function name (<c>[Function]</c>).</param>
/// <param name="Methods">The HTTP methods, upper case.</param>
/// <param name="Route">The route template below the prefix, e.g. <c>cases/{id}</c>.</param>
/// <param name="Level">The authorization level.</param>
/// <param name="Method">The function method.</param>
public sealed record FunctionRoute(string Name, IReadOnlyList<string> Methods, string Route, AuthorizationLevel Level, MethodInfo Method)
{
    /// <summary>The route prefix of the Functions host when host.json does not set <c>extensions.http.routePrefix</c>.</summary>
    public const string DefaultPrefix = "api";

    /// <summary>Finds every HTTP-triggered function in an assembly.</summary>
    /// <param name="assembly">The function app's assembly. Cannot be <see langword="null"/>.</param>
    /// <returns>The routes, ordered by function name.</returns>
    /// <exception cref="NotSupportedException">A function takes a parameter this host cannot bind (only
    /// <see cref="HttpRequest"/>, route values as strings and <see cref="CancellationToken"/> are bound) or does not
    /// return an <c>IActionResult</c>.</exception>
    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var routes = new List<FunctionRoute>();
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
                if (function is null || trigger is null)
                {
                    continue;
                }

                Check(function.Name, method);
                string route = trigger.Route ?? function.Name;
                var methods = (trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToList();
                routes.Add(new FunctionRoute(function.Name, methods, route, trigger.AuthLevel, method));
            }
        }

        return [.. routes.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>Reads the route prefix from a host.json file.</summary>
    /// <param name="hostJsonPath">The path of host.json.</param>
    /// <returns><c>extensions.http.routePrefix</c> when the file sets it (possibly empty), else <see cref="DefaultPrefix"/>.</returns>
    public static string ReadPrefix(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return DefaultPrefix;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) && prefix.ValueKind == JsonValueKind.String
            ? prefix.GetString()!.Trim('/')
            : DefaultPrefix;
    }

    private static void Check(string name, MethodInfo method)
    {
        foreach (var p in method.GetParameters())
        {
            if (p.ParameterType != typeof(HttpRequest) && p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(string))
            {
                throw new NotSupportedException($"The function {name} takes a parameter '{p.Name}' of type {p.ParameterType.Name}; the local host binds only HttpRequest, route values (string) and CancellationToken.");
            }
        }

        var r = method.ReturnType;
        if (!typeof(Microsoft.AspNetCore.Mvc.IActionResult).IsAssignableFrom(r) && r != typeof(Task<Microsoft.AspNetCore.Mvc.IActionResult>))
        {
            throw new NotSupportedException($"The function {name} returns {r.Name}; the local host executes IActionResult or Task<IActionResult>.");
        }
    }
}
