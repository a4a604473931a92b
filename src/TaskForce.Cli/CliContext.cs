using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Estimation;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Storage;

namespace TaskForce.Cli;

/// <summary>What every command shares: output streams, the <c>--json</c> option, the clock, and storage opened on
/// first use (so commands that need none never start it).</summary>
public sealed class CliContext : IAsyncDisposable
{
    private readonly Func<TaskForceTables>? _storageOverride;
    private TaskForceTables? _tables;
    private EmbeddedStorage? _embedded;

    internal CliContext(TextWriter stdout, TextWriter stderr, Func<TaskForceTables>? storage, IClock clock)
    {
        Out = stdout;
        Error = stderr;
        _storageOverride = storage;
        Clock = clock;
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

    /// <summary>Gets the case records as indicator input given by a test, or <see langword="null"/> for the stored cases
    /// (<see cref="CaseFactsFor"/>).</summary>
    /// <value>The fact source override.</value>
    public TaskForce.Application.Ports.ICaseFactSource? CaseFacts { get; init; }

    /// <summary>Gets the environment lookup: the process environment, or a test's.</summary>
    /// <value>A function from a variable name to its value or <see langword="null"/>.</value>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Reads the record-linkage secret from the environment variable <c>TaskForce__Linkage__DistrictSecret</c>,
    /// as the functions read <c>TaskForce:Linkage:DistrictSecret</c> (the one parser: <see cref="LinkageSecret.Parse"/>).</summary>
    /// <returns>The configured secret, or <see cref="LinkageSecret.PerComputation"/> when the variable is not set.</returns>
    /// <exception cref="InvalidOperationException">The value is not base64 of at least 32 bytes (the message names the
    /// variable, not the value).</exception>
    public LinkageSecret ReadLinkageSecret() => LinkageSecret.Parse(Environment(LinkageSecret.EnvironmentVariable));

    /// <summary>Returns the case records as indicator input: the override, else the counting read model of the stored
    /// cases and their workflows (ADR-012).
    /// Identity is decrypted with the key in the environment variable <c>TaskForce__IdentityKey</c> (and
    /// <c>TaskForce__IdentityPreviousKeys</c>), as the functions read <c>TaskForce:IdentityKey</c>.</summary>
    /// <param name="tables">The storage.</param>
    /// <returns>The fact source.</returns>
    public TaskForce.Application.Ports.ICaseFactSource CaseFactsFor(TaskForceTables tables)
    {
        if (CaseFacts is not null)
        {
            return CaseFacts;
        }

        return new TaskForce.Application.Snapshots.ReadModelCaseFactSource(ProjectorFor(tables));
    }

    /// <summary>Returns the projector of the counting read model (ADR-012) over the stored cases and workflows, with
    /// the identity key of the environment (<c>TaskForce__IdentityKey</c>, <c>TaskForce__IdentityPreviousKeys</c>).</summary>
    /// <param name="tables">The storage.</param>
    /// <returns>The projector.</returns>
    public TaskForce.Application.Snapshots.CaseFactProjector ProjectorFor(TaskForceTables tables)
    {
        var protector = IdentityProtector.FromSettings(
            Environment("TaskForce__IdentityKey"), Environment("TaskForce__IdentityPreviousKeys"));
        return new TaskForce.Application.Snapshots.CaseFactProjector(
            new TableCaseRepository(tables, protector, DistrictTime.DefaultZone),
            new TableWorkflowRepository(tables, protector),
            new TableCaseFactStore(tables, protector),
            TaskForce.Application.Workflows.WorkflowRegistry.Default,
            DistrictTime.DefaultZone);
    }

    /// <summary>Gets the <c>--json</c> option, recognised by every command.</summary>
    /// <value>The option.</value>
    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON document on standard output (shared/contracts/cli.md)." };

    /// <summary>Opens storage: the account in <c>TASKFORCE_STORAGE</c>, or the embedded Azurite.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tables, created if missing.</returns>
    public async Task<TaskForceTables> GetStorageAsync(CancellationToken cancellationToken)
    {
        if (_tables is not null)
        {
            return _tables;
        }

        if (_storageOverride is not null)
        {
            _tables = _storageOverride();
        }
        else
        {
            string? conn = Environment(TaskForceStorageOptions.ConnectionSettingName);
            if (string.IsNullOrWhiteSpace(conn))
            {
                _embedded = await EmbeddedStorage.StartAsync(Error, cancellationToken).ConfigureAwait(false);
                conn = _embedded.ConnectionString;
            }

            _tables = new TaskForceTables(new TaskForceStorageOptions { ConnectionString = conn });
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
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
            throw new DomainValidationException(field, $"'{path}' is a folder, not a file.");
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
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static NullLoggerFactory Logs => NullLoggerFactory.Instance;

    private static string StripParam(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }
}
