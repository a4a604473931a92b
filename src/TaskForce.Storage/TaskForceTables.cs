using Azure.Core;
using Azure.Data.Tables;
using TaskForce.Storage.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Storage;

/// <summary>Options of the Table Storage adapter.</summary>
public sealed class TaskForceStorageOptions
{
    /// <summary>The name of the environment variable and setting holding the connection string.</summary>
    public const string ConnectionSettingName = "TASKFORCE_STORAGE";

    /// <summary>Gets or sets the storage connection string (Azurite or a real account).</summary>
    /// <value>A Table Storage connection string; required.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets a prefix for every table name, letters and digits only (tests use a unique one).</summary>
    /// <value>Empty by default.</value>
    public string TablePrefix { get; set; } = string.Empty;
}

/// <summary>
/// The tables TaskForce uses, with one <see cref="TableServiceClient"/> and one <see cref="TableClient"/> per table,
/// created once and shared (SDK clients are thread-safe). The retry policy is configured here and nowhere else.
/// </summary>
/// <threadsafety>Thread-safe once <see cref="EnsureCreatedAsync"/> has completed.</threadsafety>
public sealed class TaskForceTables
{
    /// <summary>Creates the clients.</summary>
    /// <param name="options">The options. Cannot be <see langword="null"/>.</param>
    /// <param name="clientOptions">SDK options; <see langword="null"/> for <see cref="DefaultClientOptions"/>
    /// (tests pass extra pipeline policies here).</param>
    /// <exception cref="ArgumentException">The connection string is empty, or the prefix has characters other than
    /// letters and digits.</exception>
    public TaskForceTables(TaskForceStorageOptions options, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(Texts.Format(StorageText.TaskForceTablesStorageConnectionStringSet, TaskForceStorageOptions.ConnectionSettingName), nameof(options));
        }

        if (!options.TablePrefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(StorageText.TaskForceTablesTablePrefixMayHold, nameof(options));
        }

        Service = new TableServiceClient(options.ConnectionString, clientOptions ?? DefaultClientOptions());
        Verdicts = Service.GetTableClient(options.TablePrefix + "verdicts");
        Snapshots = Service.GetTableClient(options.TablePrefix + "snapshots");
        Cases = Service.GetTableClient(options.TablePrefix + "cases");
        Alerts = Service.GetTableClient(options.TablePrefix + "alerts");
        Ctdc = Service.GetTableClient(options.TablePrefix + "ctdc");
        CaseFacts = Service.GetTableClient(options.TablePrefix + "casefacts");
        SubjectRequests = Service.GetTableClient(options.TablePrefix + "subjectrequests");
        AccessLog = Service.GetTableClient(options.TablePrefix + "accesslog");
        Prevention = Service.GetTableClient(options.TablePrefix + "prevention");
    }

    /// <summary>Gets the service client.</summary>
    /// <value>The shared client.</value>
    public TableServiceClient Service { get; }

    /// <summary>Gets the court-outcome table (partition per decision year, see ADR-001).</summary>
    /// <value>The shared client.</value>
    public TableClient Verdicts { get; }

    /// <summary>Gets the snapshot table (partition per region).</summary>
    /// <value>The shared client.</value>
    public TableClient Snapshots { get; }

    /// <summary>Gets the case table: one partition per case holding the case, its persons, its workflow instances and
    /// their audit events, and its idempotency records (docs/decisions/ADR-007-case-partition.md).</summary>
    /// <value>The shared client.</value>
    public TableClient Cases { get; }

    /// <summary>Gets the alert table written by the daily deadline timer (partition per business date).</summary>
    /// <value>The shared client.</value>
    public TableClient Alerts { get; }

    /// <summary>Gets the table of imported CTDC data sets (aggregated counts; partition <c>ctdc</c>).</summary>
    /// <value>The shared client.</value>
    public TableClient Ctdc { get; }

    /// <summary>Gets the counting read model: per-victim fact rows by year and region, victim-list rows, markers and
    /// write intents (docs/decisions/ADR-012-counting-read-model.md).</summary>
    /// <value>The shared client.</value>
    public TableClient CaseFacts { get; }

    /// <summary>Gets the log of requests of the persons recorded (UU 27/2022: access, correction, erasure), with no
    /// identity value (docs/decisions/ADR-019-rights-of-the-person-recorded.md).</summary>
    /// <value>The shared client.</value>
    public TableClient SubjectRequests { get; }

    /// <summary>Gets the access log: every read and export of identity, one row in the case's partition and one in the
    /// business date's, with no value (docs/decisions/ADR-022-access-log.md).</summary>
    /// <value>The shared client.</value>
    public TableClient AccessLog { get; }

    /// <summary>Gets the table of prevention activities (partition <c>activity</c>; ADR-033).</summary>
    /// <value>The shared client.</value>
    public TableClient Prevention { get; }

    /// <summary>Returns the SDK options used when none are given: exponential retry, 5 tries, 30-second network timeout.</summary>
    /// <returns>New options.</returns>
    public static TableClientOptions DefaultClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>Creates the tables when they do not exist.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when every table exists.</returns>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Verdicts.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Snapshots.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Cases.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Alerts.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Ctdc.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await CaseFacts.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await SubjectRequests.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await AccessLog.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Prevention.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the tables (tests clean up their own prefixed tables with it).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the tables are deleted.</returns>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        await Verdicts.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Snapshots.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Cases.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Alerts.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Ctdc.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await CaseFacts.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await SubjectRequests.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await AccessLog.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Prevention.DeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
