using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskForce.Functions;
using TaskForce.Functions.Http;
using TaskForce.Domain.Common;

namespace TaskForce.LocalHost;

/// <summary>
/// The function classes of <c>TaskForce.Functions</c> served over Kestrel on loopback: the routes of their own
/// <c>[Function]</c>/<c>[HttpTrigger]</c> attributes under host.json's prefix, the same service registration as the
/// function app, function keys as deployed, and optional development-only test persons (ADR-014).
/// </summary>
public static partial class LocalApi
{
    /// <summary>The header that carries a function key (as on Azure).</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    /// <summary>The query parameter that carries a function key (as on Azure).</summary>
    public const string FunctionKeyQuery = "code";

    /// <summary>Builds the local host (not started).</summary>
    /// <param name="options">How to run. Cannot be <see langword="null"/>.</param>
    /// <returns>The application; <c>StartAsync</c> or <c>RunAsync</c> it, then read <see cref="BaseAddress"/>.</returns>
    /// <exception cref="ArgumentException">No function key is given.</exception>
    /// <exception cref="NotSupportedException">A function cannot be bound (see <see cref="FunctionRoute.Discover"/>).</exception>
    public static WebApplication Build(LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FunctionKeys.Count == 0 || options.FunctionKeys.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one non-empty function key.", nameof(options));
        }

        var routes = FunctionRoute.Discover(typeof(ServiceRegistration).Assembly);
        string prefix = FunctionRoute.ReadPrefix(Path.Combine(options.HostJsonFolder, "host.json"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(LocalApi).Assembly.GetName().Name });
        var settings = new Dictionary<string, string?>(options.Settings)
        {
            // Callers are identified only through test persons here; a client-sent principal is stripped below.
            [ClientPrincipalReader.AuthEnabledSetting] = options.DevUsers is null ? "False" : "True",
        };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddTaskForceFunctions(builder.Configuration); // exactly what the function app's Program.cs registers
        builder.Services.AddMvcCore(); // the result executors the worker's ASP.NET Core integration uses

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // The language of the answer, as the functions' pipeline sets it (Accept-Language, default Indonesian).
            RequestLanguage.Apply(context.Request);
            // As App Service authentication does: a client never sets the principal itself.
            context.Request.Headers.Remove(ClientPrincipalReader.HeaderName);
            var named = context.Request.Headers[DevUsers.HeaderName];
            if (named.Count > 0)
            {
                string? refusal = options.DevUsers is null
                    ? $"Dev users are off; start the local host with --dev-users FILE to use {DevUsers.HeaderName}."
                    : named.Count > 1 || !options.DevUsers.Users.TryGetValue(named[0]!, out var user)
                        ? $"No dev user '{named}' in the dev users file."
                        : Set(context, user);
                if (refusal is not null)
                {
                    await ExecuteAsync(context, Problems.Create(StatusCodes.Status401Unauthorized, refusal)).ConfigureAwait(false);
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });

        foreach (var route in routes)
        {
            string template = prefix.Length == 0 ? "/" + route.Route : $"/{prefix}/{route.Route}";
            app.MapMethods(template, route.Methods, context => InvokeAsync(context, route, options.FunctionKeys)).WithDisplayName(route.Name);
        }

        return app;
    }

    /// <summary>Returns the address the started host listens on, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    /// <param name="app">A started host. Cannot be <see langword="null"/>.</param>
    /// <returns>The base address (the routes are below the prefix, e.g. <c>api/</c>).</returns>
    public static Uri BaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().TrimEnd('/') + "/");
    }

    /// <summary>Checks a function key in constant time.</summary>
    /// <param name="request">The request.</param>
    /// <param name="keys">The accepted keys.</param>
    /// <returns><see langword="true"/> when the request carries one of <paramref name="keys"/>.</returns>
    public static bool HasKey(HttpRequest request, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keys);
        string? given = request.Headers[FunctionKeyHeader].Count == 1 ? request.Headers[FunctionKeyHeader][0]
            : request.Query[FunctionKeyQuery].Count == 1 ? request.Query[FunctionKeyQuery][0] : null;
        if (string.IsNullOrEmpty(given))
        {
            return false;
        }

        byte[] g = Encoding.UTF8.GetBytes(given);
        bool match = false;
        foreach (var key in keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(g, Encoding.UTF8.GetBytes(key));
        }

        return match;
    }

    private static string? Set(HttpContext context, DevUser user)
    {
        context.Request.Headers[ClientPrincipalReader.HeaderName] = DevUsers.Principal(user);
        return null;
    }

    private static async Task InvokeAsync(HttpContext context, FunctionRoute route, IReadOnlyList<string> keys)
    {
        if (route.Level != AuthorizationLevel.Anonymous && !HasKey(context.Request, keys))
        {
            await ExecuteAsync(context, Problems.Create(StatusCodes.Status401Unauthorized,
                Texts.Format(Resources.LocalHostText.FunctionKeyRequired, route.Name, FunctionKeyHeader, FunctionKeyQuery))).ConfigureAwait(false);
            return;
        }

        var method = route.Method;
        object? instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
        try
        {
            var args = method.GetParameters().Select(p =>
                p.ParameterType == typeof(HttpRequest) ? context.Request
                : p.ParameterType == typeof(CancellationToken) ? context.RequestAborted
                : (object?)(context.Request.RouteValues.TryGetValue(p.Name!, out var v) ? v?.ToString() : null)).ToArray();
            object? returned = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, args, null);
            var result = returned is Task<IActionResult> task ? await task.ConfigureAwait(false) : (IActionResult)returned!;
            await ExecuteAsync(context, result).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // As the Functions host: an unhandled failure is a bare 500; the details go to the log only.
            LogFailure(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TaskForce.LocalHost"), e, route.Name);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
        finally
        {
            if (instance is IAsyncDisposable ad)
            {
                await ad.DisposeAsync().ConfigureAwait(false);
            }
            else if (instance is IDisposable d)
            {
                d.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The function {Function} failed.")]
    private static partial void LogFailure(ILogger logger, Exception exception, string function);

    private static Task ExecuteAsync(HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
