using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using TaskForce.Application.Alerts;
using TaskForce.Application.Cases;
using TaskForce.Application.Detention;
using TaskForce.Application.Estimation;
using TaskForce.Application.Exports;
using TaskForce.Application.Import;
using TaskForce.Application.Ports;
using TaskForce.Application.Reports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Subjects;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Workflows;
using TaskForce.Storage;
using TaskForce.Hosting.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Hosting;

/// <summary>
/// The one composition root of TaskForce (ADR-010): the function app and the <c>taskforce</c> tool both call
/// <see cref="AddTaskForce"/>, so the zone, the clock, the workflow registry, the keys and the use cases are built the
/// same way from the same settings. One <c>Add…</c> per layer: options, time, storage, application.
/// </summary>
public static class TaskForceServiceCollectionExtensions
{
    /// <summary>Adds every TaskForce service: <see cref="AddTaskForceOptions"/>, <see cref="AddTaskForceTime"/>,
    /// <see cref="AddTaskForceStorage"/> and <see cref="AddTaskForceApplication"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Configuration holding the section <c>TaskForce</c> (<see cref="TaskForceOptions"/>)
    /// and <c>TASKFORCE_STORAGE</c> (a Table Storage connection string, read when the storage is first resolved).</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>Nothing is read or checked here: invalid settings stop the host when it starts
    /// (<c>ValidateOnStart</c>, an <see cref="OptionsValidationException"/> naming each bad setting), and the tables are
    /// created at start by <see cref="TaskForceTablesInitializer"/>.</remarks>
    public static IServiceCollection AddTaskForce(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddTaskForceOptions(configuration)
            .AddTaskForceTime()
            .AddTaskForceStorage(configuration)
            .AddTaskForceApplication()
            .AddTaskForceAlertDelivery(configuration); // ADR-021

    /// <summary>Binds <see cref="TaskForceOptions"/> from the section <c>TaskForce</c>, validated by data annotations and
    /// <see cref="TaskForceOptionsValidator"/> when the host starts, and registers what is parsed from it: the
    /// <see cref="LinkageSecret"/>, the <see cref="IdentityProtector"/> and the <see cref="SnapshotTimerOptions"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddTaskForceOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TaskForceOptions>()
            .Bind(configuration.GetSection(TaskForceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskForceOptions>, TaskForceOptionsValidator>());
        services.TryAddSingleton(sp => LinkageSecret.Parse(Options(sp).Linkage.DistrictSecret));
        services.TryAddSingleton(sp => IdentityProtector.FromSettings(Options(sp).IdentityKey, Options(sp).IdentityPreviousKeys));
        services.TryAddSingleton(sp => SnapshotTimerOptions.Parse(Options(sp).SnapshotRegions));
        services.TryAddSingleton(sp => ErasureRetentionOptions.Parse(Options(sp).Erasure.RetainUnderCriminalProceedings));
        return services;
    }

    /// <summary>Registers the clock (<see cref="SystemClock.Instance"/> unless one is registered already), the district
    /// zone of <c>TaskForce:TimeZone</c> and the <see cref="WorkflowRegistry"/> with the configured first-response
    /// hours.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddTaskForceTime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(sp => DateTimeZoneProviders.Tzdb[Options(sp).TimeZone.Trim()]);
        services.TryAddSingleton(sp => new WorkflowRegistry(Options(sp).FirstResponseHours.ToFirstResponseOptions(), ServiceDeadlineOptions.Default));
        return services;
    }

    /// <summary>Registers the Table Storage adapters: one <see cref="TaskForceTables"/> (thread-safe clients), the
    /// repositories, and <see cref="TaskForceTablesInitializer"/> as a hosted service that creates the tables at start.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding <c>TASKFORCE_STORAGE</c>; it is read when the storage is
    /// first resolved, so the tool can supply its embedded storage's connection just before.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddTaskForceStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ =>
        {
            string? conn = configuration[TaskForceStorageOptions.ConnectionSettingName];
            return string.IsNullOrWhiteSpace(conn)
                ? throw new InvalidOperationException(Texts.Format(HostingText.TaskForceServiceCollectionExtensionsSetSettingTableStorage, TaskForceStorageOptions.ConnectionSettingName))
                : new TaskForceTables(new TaskForceStorageOptions { ConnectionString = conn });
        });
        services.TryAddSingleton<TaskForceTablesInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskForceTablesInitializer>());
        services.TryAddSingleton<IVerdictRepository, TableVerdictRepository>();
        services.TryAddSingleton<IVerdictRevisions>(sp => sp.GetRequiredService<IVerdictRepository>() as IVerdictRevisions ?? new TableVerdictRepository(sp.GetRequiredService<TaskForceTables>())); // ADR-015
        services.TryAddSingleton<ISnapshotRepository, TableSnapshotRepository>();
        services.TryAddSingleton<ICtdcRepository, TableCtdcRepository>();
        services.TryAddSingleton<IAlertRepository, TableAlertRepository>();
        services.TryAddSingleton<ISuspectDetentionSource, TableSuspectDetentionSource>(); // stored suspects' detention for the daily alerts (ADR-024)
        services.TryAddSingleton<TableCaseRepository>();
        services.TryAddSingleton<TableWorkflowRepository>();
        services.TryAddSingleton<ICaseFactsReader>(sp => sp.GetRequiredService<TableCaseRepository>()); // the workflow guards' facts, from the case row
        services.TryAddSingleton<ICaseHistory>(sp => sp.GetRequiredService<TableCaseRepository>()); // the case's change history (ADR-016)
        services.TryAddSingleton<IDataSubjectStore, TableDataSubjectStore>(); // requests of the person recorded (ADR-019)
        services.TryAddSingleton<ISubjectRequestLog, TableSubjectRequestLog>();
        services.TryAddSingleton<IAccessLog, TableAccessLog>();
        services.TryAddSingleton<ICaseTiesStore, TableCaseTies>(); // owner, assignee, referrals, criminal-justice agencies (ADR-020)
        services.TryAddSingleton<TaskForce.Application.Prevention.IPreventionRepository, TablePreventionRepository>(); // prevention activities (ADR-033)
        services.TryAddSingleton(sp => new TaskForce.Application.Prevention.PreventionUseCases(
            sp.GetRequiredService<TaskForce.Application.Prevention.IPreventionRepository>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<DateTimeZone>()));

        // The counting read model (ADR-012): every write of a case or a workflow goes through a store that keeps the
        // fact rows current; the projector reads the undecorated stores.
        services.TryAddSingleton<ICaseFactStore, TableCaseFactStore>();
        services.TryAddSingleton(sp => new CaseFactProjector(
            sp.GetRequiredService<TableCaseRepository>(), sp.GetRequiredService<TableWorkflowRepository>(), sp.GetRequiredService<ICaseFactStore>(),
            sp.GetRequiredService<WorkflowRegistry>(), sp.GetRequiredService<DateTimeZone>()));
        services.TryAddSingleton<ICaseRepository>(sp => new FactMaintainingCaseRepository(sp.GetRequiredService<TableCaseRepository>(), sp.GetRequiredService<CaseFactProjector>()));
        services.TryAddSingleton<IWorkflowRepository>(sp => new FactMaintainingWorkflowRepository(sp.GetRequiredService<TableWorkflowRepository>(), sp.GetRequiredService<CaseFactProjector>()));
        return services;
    }

    /// <summary>Registers the use cases and the stored case records as indicator input (<see cref="ICaseFactSource"/>
    /// and <see cref="IVictimListSource"/>, unless registered already, e.g. by a test).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddTaskForceApplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ReadModelCaseFactSource>();
        services.TryAddSingleton<ICaseFactSource>(sp => sp.GetRequiredService<ReadModelCaseFactSource>());
        services.TryAddSingleton<IVictimListSource>(sp => sp.GetRequiredService<ReadModelCaseFactSource>());
        services.TryAddSingleton(sp => new RebuildFactsUseCase(sp.GetRequiredService<TableCaseRepository>(), sp.GetRequiredService<CaseFactProjector>(), sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new SweepStaleIntentsUseCase(
            sp.GetRequiredService<CaseFactProjector>(), sp.GetRequiredService<IClock>(), sp.GetService<IOptions<TaskForceOptions>>()?.Value.IntentSweepAge() ?? SweepStaleIntentsUseCase.DefaultAge));
        services.TryAddSingleton<ImportVerdictsUseCase>();
        services.TryAddSingleton<VerdictHistoryUseCase>();
        services.TryAddSingleton<ImportCasesUseCase>();
        services.TryAddSingleton<ImportCtdcUseCase>();
        services.TryAddSingleton<DetentionCheckUseCase>();
        services.TryAddSingleton<DailyDeadlineAlertsUseCase>();
        services.TryAddSingleton<CreateCaseUseCase>();
        services.TryAddSingleton<SubjectAccessUseCase>();
        services.TryAddSingleton<SubjectErasureUseCase>();
        services.TryAddSingleton<ListSubjectRequestsUseCase>();
        services.TryAddSingleton<Application.AccessLog.AccessLogRecorder>();
        services.TryAddSingleton<Application.AccessLog.ReadAccessLogUseCase>();
        services.TryAddSingleton<GetCaseUseCase>();
        services.TryAddSingleton<ListCasesUseCase>();
        services.TryAddSingleton<QualifyCaseUseCase>();
        services.TryAddSingleton<StartWorkflowUseCase>();
        services.TryAddSingleton<TransitionWorkflowUseCase>();
        services.TryAddSingleton<CaseWorkflowsUseCase>();
        services.TryAddSingleton<AmendCaseUseCase>(); // corrections of a stored case (ADR-017)
        services.TryAddSingleton<GetCaseHistoryUseCase>();
        services.TryAddSingleton<RecordConsentUseCase>();
        services.TryAddSingleton<AssignCaseUseCase>(); // ADR-020
        services.TryAddSingleton<ListReferralsUseCase>();
        services.TryAddSingleton<ExportUseCase>();
        services.TryAddSingleton<AnnualReportUseCase>(); // issue 16: the annual report
        services.TryAddSingleton(sp => new SnapshotUseCase(
            sp.GetRequiredService<IVerdictRepository>(), sp.GetRequiredService<ISnapshotRepository>(), sp.GetRequiredService<ICaseFactSource>(),
            sp.GetService<ICtdcRepository>(), sp.GetService<IVictimListSource>(), sp.GetRequiredService<LinkageSecret>(),
            sp.GetRequiredService<IClock>(), sp.GetRequiredService<DateTimeZone>(), sp.GetRequiredService<ILogger<SnapshotUseCase>>()));
        return services;
    }

    private static TaskForceOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<TaskForceOptions>>().Value;
}
