using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TaskForce.Application.Alerts;
using TaskForce.Application.Cases;
using TaskForce.Application.Detention;
using TaskForce.Application.Estimation;
using TaskForce.Application.Import;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Storage;

namespace TaskForce.Functions;

/// <summary>Registers TaskForce's services for the function app: one set of storage clients (thread-safe
/// singletons), the clock, the district zone, repositories and use cases.</summary>
public static class ServiceRegistration
{
    /// <summary>The configuration key of the district time zone (default <c>Asia/Makassar</c>).</summary>
    public const string TimeZoneKey = "TaskForce:TimeZone";

    /// <summary>The configuration section of the first-response hours per risk level (case management).</summary>
    public const string FirstResponseHoursKey = "TaskForce:FirstResponseHours";

    /// <summary>Adds TaskForce's services.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Configuration holding <c>TASKFORCE_STORAGE</c> (a Table Storage connection string)
    /// and optionally <see cref="TimeZoneKey"/>, <c>TaskForce:IdentityKey</c> (base64 of 32 bytes; identity fields
    /// fail closed without it), <c>TaskForce:IdentityPreviousKeys</c>, <see cref="LinkageSecret.SettingName"/> (base64 of
    /// at least 32 bytes; absent: a random secret per computation, with a warning) and <c>WEBSITE_AUTH_ENABLED</c> (set
    /// by App Service authentication; callers are identified only when it is <c>True</c>).</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="InvalidOperationException"><c>TASKFORCE_STORAGE</c> is missing (when the storage is first
    /// resolved), or <see cref="LinkageSecret.SettingName"/> is set but not base64 of at least 32 bytes (at once, so
    /// the host does not start).</exception>
    public static IServiceCollection AddTaskForce(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ =>
        {
            string? conn = configuration[TaskForceStorageOptions.ConnectionSettingName];
            if (string.IsNullOrWhiteSpace(conn))
            {
                throw new InvalidOperationException($"Set the app setting {TaskForceStorageOptions.ConnectionSettingName} to a Table Storage connection string.");
            }

            var tables = new TaskForceTables(new TaskForceStorageOptions { ConnectionString = conn });
            tables.EnsureCreatedAsync().GetAwaiter().GetResult();
            return tables;
        });
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(_ => DateTimeZoneProviders.Tzdb[configuration[TimeZoneKey] ?? DistrictTime.DefaultZoneId]);
        services.AddSingleton<IVerdictRepository, TableVerdictRepository>();
        services.AddSingleton<ISnapshotRepository, TableSnapshotRepository>();
        services.AddSingleton<ImportVerdictsUseCase>();

        // issue 4: detention check, workflow storage, daily deadline alerts
        services.AddSingleton(_ => CreateWorkflowRegistry(configuration));
        services.AddSingleton<TableWorkflowRepository>();
        services.AddSingleton<IWorkflowRepository>(sp => new FactMaintainingWorkflowRepository(sp.GetRequiredService<TableWorkflowRepository>(), sp.GetRequiredService<CaseFactProjector>()));
        services.AddSingleton<IAlertRepository, TableAlertRepository>();
        services.AddSingleton<DetentionCheckUseCase>();
        services.AddSingleton<DailyDeadlineAlertsUseCase>();

        // issue 3: case records. The identity key (TaskForce:IdentityKey, base64 of 32 bytes) may be absent: then
        // cases without identity can still be stored, and any write or read of identity fails closed (ADR-004).
        services.AddSingleton(_ => IdentityProtector.FromSettings(configuration[IdentityProtectionOptions.KeySetting], configuration[IdentityProtectionOptions.PreviousKeysSetting]));
        services.AddSingleton(_ => ClientPrincipalReader.FromConfiguration(configuration));
        services.AddSingleton<TableCaseRepository>();
        services.AddSingleton<ICaseRepository>(sp => new FactMaintainingCaseRepository(sp.GetRequiredService<TableCaseRepository>(), sp.GetRequiredService<CaseFactProjector>()));
        services.AddSingleton<ICaseFactsReader>(sp => sp.GetRequiredService<TableCaseRepository>()); // the workflow guards' facts, from the case row
        services.AddSingleton<CreateCaseUseCase>();
        services.AddSingleton<GetCaseUseCase>();
        services.AddSingleton<ListCasesUseCase>();
        services.AddSingleton<QualifyCaseUseCase>();
        services.AddSingleton<StartWorkflowUseCase>();
        services.AddSingleton<TransitionWorkflowUseCase>();
        services.AddSingleton<CaseWorkflowsUseCase>();

        // issue-5: case-record indicators, CTDC reference, exports, scheduled snapshots per region.
        // issue 12: the counting read model (ADR-012), kept current by the decorated case and workflow stores above.
        services.AddSingleton<ICaseFactStore, TableCaseFactStore>();
        services.AddSingleton(sp => new CaseFactProjector(sp.GetRequiredService<TableCaseRepository>(), sp.GetRequiredService<TableWorkflowRepository>(),
            sp.GetRequiredService<ICaseFactStore>(), sp.GetRequiredService<WorkflowRegistry>(), sp.GetRequiredService<DateTimeZone>()));
        services.AddSingleton<ReadModelCaseFactSource>();
        services.AddSingleton<ICaseFactSource>(sp => sp.GetRequiredService<ReadModelCaseFactSource>());

        // issue 6: the hidden-victim estimate links the stored cases' victim lists with the district secret, read
        // here once and checked at start (a malformed value stops the host; the message names the setting only).
        var linkageSecret = LinkageSecret.Parse(configuration[LinkageSecret.SettingName]);
        services.AddSingleton(linkageSecret);
        services.AddSingleton<IVictimListSource>(sp => sp.GetRequiredService<ReadModelCaseFactSource>());
        services.AddSingleton(sp => new SnapshotUseCase(
            sp.GetRequiredService<IVerdictRepository>(), sp.GetRequiredService<ISnapshotRepository>(), sp.GetRequiredService<ICaseFactSource>(),
            sp.GetService<ICtdcRepository>(), sp.GetRequiredService<IVictimListSource>(), sp.GetRequiredService<LinkageSecret>(),
            sp.GetRequiredService<IClock>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SnapshotUseCase>>()));
        services.AddSingleton<ICtdcRepository, TableCtdcRepository>();
        services.AddSingleton<ImportCtdcUseCase>();
        services.AddSingleton<TaskForce.Application.Exports.ExportUseCase>();
        services.AddSingleton(_ => TaskForce.Functions.Timers.SnapshotTimerOptions.Parse(configuration[TaskForce.Functions.Timers.SnapshotTimerOptions.RegionsKey]));
        return services;
    }

    /// <summary>Creates the workflows with the first-response hours of <see cref="FirstResponseHoursKey"/>
    /// (<c>:Tinggi</c>, <c>:Sedang</c>, <c>:Rendah</c>; defaults 0, 6 and 24 hours, reference §3.2 [U]).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="InvalidOperationException">A configured value is not a whole number of hours in [0, 8760].</exception>
    public static WorkflowRegistry CreateWorkflowRegistry(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = FirstResponseOptions.Default;
        var options = new FirstResponseOptions(
            Hours(configuration, "Tinggi", defaults.TinggiHours),
            Hours(configuration, "Sedang", defaults.SedangHours),
            Hours(configuration, "Rendah", defaults.RendahHours));
        return new WorkflowRegistry(options, ServiceDeadlineOptions.Default);
    }

    private static int Hours(IConfiguration configuration, string level, int fallback)
    {
        string key = $"{FirstResponseHoursKey}:{level}";
        string? text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int hours) && hours <= 8760
            ? hours
            : throw new InvalidOperationException($"The setting {key} must be a whole number of hours in [0, 8760], not '{text}'.");
    }
}
