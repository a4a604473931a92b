using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Hosting;
using TaskForce.Storage;

namespace TaskForce.Cli;

/// <summary>What every command shares: output streams, the <c>--json</c> option, the services of the one composition
/// root (<see cref="TaskForceServiceCollectionExtensions.AddTaskForce"/>, the same as the function app's, ADR-010)
/// built from the environment on first use, and storage opened on first use (so commands that need none never start
/// it).</summary>
public sealed class CliContext : IAsyncDisposable
{
    private readonly Func<TaskForceTables>? _storageOverride;
    private readonly IConfigurationRoot _configuration;
    private ServiceProvider? _services;
    private TaskForceTables? _tables;
    private EmbeddedStorage? _embedded;

    internal CliContext(TextWriter stdout, TextWriter stderr, Func<TaskForceTables>? storage, IClock clock, ICaseFactSource? caseFacts = null, Func<string, string?>? environment = null)
    {
        Out = stdout;
        Error = stderr;
        _storageOverride = storage;
        Clock = clock;
        CaseFacts = caseFacts;
        _configuration = Configuration(environment);
    }

    /// <summary>Gets standard output: exactly one JSON document when <c>--json</c> is given.</summary>
    /// <value>The writer.</value>
    public TextWriter Out { get; }

    /// <summary>Gets standard error: progress and logs.</summary>
    /// <value>The writer.</value>
    public TextWriter Error { get; }

    /// <summary>Gets the clock.</summary>
    /// <value>The system clock in production.</value>
    public IClock Clock { get; }

    /// <summary>Gets the case records as indicator input given by a test, or <see langword="null"/> for the stored cases.</summary>
    /// <value>The fact source override.</value>
    public ICaseFactSource? CaseFacts { get; }

    /// <summary>Gets the services of the composition root, built on first use from the environment variables
    /// (<c>TaskForce__TimeZone</c>, <c>TaskForce__FirstResponseHours__Sedang</c>, <c>TaskForce__IdentityKey</c>,
    /// <c>TaskForce__Linkage__DistrictSecret</c>, …; <see cref="TaskForceOptions"/>) and validated then, as the function
    /// app validates its settings when it starts.</summary>
    /// <value>The provider.</value>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each bad setting (and its
    /// environment variable), never its value.</exception>
    public IServiceProvider Services
    {
        get
        {
            if (_services is null)
            {
                var provider = BuildServices();
                try
                {
                    provider.GetService<IStartupValidator>()?.Validate();
                }
                catch
                {
                    provider.Dispose();
                    throw;
                }

                _services = provider;
            }

            return _services;
        }
    }

    /// <summary>Gets the district zone of <c>TaskForce__TimeZone</c> (default Asia/Makassar).</summary>
    /// <value>The zone the services use.</value>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public DateTimeZone Zone => Services.GetRequiredService<DateTimeZone>();

    /// <summary>Returns the record-linkage secret of <c>TaskForce__Linkage__DistrictSecret</c>, as the functions read
    /// <c>TaskForce:Linkage:DistrictSecret</c> (the one parser: <see cref="LinkageSecret.Parse"/>).</summary>
    /// <returns>The configured secret, or <see cref="LinkageSecret.PerComputation"/> when the variable is not set.</returns>
    /// <exception cref="OptionsValidationException">A setting is invalid, e.g. the secret is not base64 of at least 32
    /// bytes (the message names the variable, not the value).</exception>
    public LinkageSecret ReadLinkageSecret() => Services.GetRequiredService<LinkageSecret>();

    /// <summary>Gets the <c>--json</c> option, recognised by every command.</summary>
    /// <value>The option.</value>
    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON document on standard output (docs/wire-contract.md)." };

    /// <summary>Opens storage: the override (tests), the account in <c>TASKFORCE_STORAGE</c>, or the embedded Azurite,
    /// whose connection is then put into the configuration before the storage is first resolved. The tables are
    /// created by <see cref="TaskForceTablesInitializer"/>, awaited here, as the function app runs it at start.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tables, created if missing.</returns>
    /// <exception cref="OptionsValidationException">A setting is invalid (checked before any storage is started).</exception>
    public async Task<TaskForceTables> GetStorageAsync(CancellationToken cancellationToken)
    {
        if (_tables is not null)
        {
            return _tables;
        }

        var services = Services;
        if (_storageOverride is null && string.IsNullOrWhiteSpace(_configuration[TaskForceStorageOptions.ConnectionSettingName]))
        {
            _embedded = await EmbeddedStorage.StartAsync(Error, cancellationToken).ConfigureAwait(false);
            _configuration[TaskForceStorageOptions.ConnectionSettingName] = _embedded.ConnectionString;
        }

        await services.GetRequiredService<TaskForceTablesInitializer>().StartAsync(cancellationToken).ConfigureAwait(false);
        _tables = services.GetRequiredService<TaskForceTables>();
        return _tables;
    }

    /// <summary>The one check that a path given where a file is expected (to read or to write) is not a folder: a
    /// folder would otherwise fail later as "Access to the path ... is denied" (exit 1) instead of bad input.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="field">The option's name without dashes, for the error document (e.g. <c>out</c>).</param>
    /// <exception cref="DomainValidationException"><paramref name="path"/> is an existing folder.</exception>
    public static void RejectFolder(string? path, string field)
    {
        if (!string.IsNullOrEmpty(path) && Directory.Exists(path))
        {
            throw new DomainValidationException(field, Texts.Format(Resources.CliText.PathIsFolder, path, "--" + field.Replace('_', '-')));
        }
    }

    /// <summary>Writes a value as the command's one JSON document.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value, serialised with the shared snake_case options.</param>
    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, TaskForceJson.Options));

    /// <summary>Runs a command body, mapping failures to the contract's exit codes and error document.</summary>
    /// <param name="parseResult">The parse result (for <c>--json</c>).</param>
    /// <param name="body">The command body, returning its exit code.</param>
    /// <returns>The body's exit code; 2 for bad input (<see cref="DomainValidationException"/>, a missing file); 1 otherwise.</returns>
    public async Task<int> GuardAsync(ParseResult parseResult, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(body);
        bool json = parseResult.GetValue(Json);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (DomainValidationException ex)
        {
            string message = StripParam(ex.Message);
            CliError.Write(Out, Error, json, "Bad input", message, [(ex.Field, message)]);
            return 2;
        }
        catch (FileNotFoundException ex)
        {
            CliError.Write(Out, Error, json, "Bad input", ex.Message, [("file", ex.Message)]);
            return 2;
        }
        catch (DirectoryNotFoundException ex)
        {
            CliError.Write(Out, Error, json, "Bad input", ex.Message, [("file", ex.Message)]);
            return 2;
        }
        catch (OperationCanceledException)
        {
            CliError.Write(Out, Error, json, "Cancelled", "The command was cancelled.", []);
            return 1;
        }
#pragma warning disable CA1031 // The tool's last line of defence: every other failure becomes exit code 1 with a message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CliError.Write(Out, Error, json, "Failure", ex.Message, []);
            return 1;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        if (_embedded is not null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static NullLoggerFactory Logs => NullLoggerFactory.Instance;

    // The tool's configuration: the process environment (TASKFORCE_STORAGE, TaskForce__*), or a test's lookup of the
    // same names fed into an in-memory source.
    private static IConfigurationRoot Configuration(Func<string, string?>? environment)
    {
        var builder = new ConfigurationBuilder();
        if (environment is null)
        {
            builder.AddEnvironmentVariables();
        }
        else
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (string key in TaskForceOptions.Keys.Append(TaskForceStorageOptions.ConnectionSettingName))
            {
                if (environment(TaskForceOptions.EnvironmentVariableOf(key)) is { } value)
                {
                    values[key] = value;
                }
            }

            builder.AddInMemoryCollection(values);
        }

        return builder.Build();
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(NullLogger<>)));
        services.AddSingleton(Clock);
        if (_storageOverride is not null)
        {
            services.AddSingleton(_ => _storageOverride());
        }

        if (CaseFacts is not null)
        {
            services.AddSingleton<ICaseFactSource>(CaseFacts);
        }

        services.AddTaskForce(_configuration);
        if (CaseFacts is not null)
        {
            // The victim lists come from the test's facts when they carry them, as before; never from storage then.
            services.RemoveAll<IVictimListSource>();
            if (CaseFacts is IVictimListSource lists)
            {
                services.AddSingleton(lists);
            }
        }

        return services.BuildServiceProvider();
    }

    private static string StripParam(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }
}
