using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TaskForce.Application.Alerts;
using TaskForce.Application.Ports;
using TaskForce.Storage;
using TaskForce.Hosting.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Hosting;

/// <summary>Registers alert delivery (ADR-021): the settings of <c>TaskForce:Alerts</c> (validated at start), the
/// outbox on the alert table, the delivery queue on the storage account of <c>TASKFORCE_STORAGE</c>, the e-mail and
/// webhook channels, and the use cases.</summary>
public static class AlertDeliveryServiceCollectionExtensions
{
    /// <summary>Adds the alert delivery services.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding <c>TASKFORCE_STORAGE</c> (read when the queue is first resolved).</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddTaskForceAlertDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Bound from the configuration passed in (the tool registers no IConfiguration service, so not BindConfiguration).
        services.AddOptions<AlertDeliveryOptions>().Bind(configuration.GetSection(AlertDeliveryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertDeliveryOptions>, AlertDeliveryOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AlertDeliveryOptions>>().Value);
        services.TryAddSingleton<IAlertOutbox>(sp => new TableAlertRepository(sp.GetRequiredService<TaskForceTables>()));
        services.TryAddSingleton<IAlertMessageSender>(sp =>
        {
            string? conn = configuration[TaskForceStorageOptions.ConnectionSettingName];
            return string.IsNullOrWhiteSpace(conn)
                ? throw new InvalidOperationException(Texts.Format(HostingText.AlertDeliveryServiceCollectionExtensionsSetSettingStorageConnection, TaskForceStorageOptions.ConnectionSettingName))
                : new StorageQueueAlertSender(conn, sp.GetRequiredService<AlertDeliveryOptions>().QueueName);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, SmtpAlertChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, WebhookAlertChannel>(sp =>
            new WebhookAlertChannel(new HttpClient { Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<AlertDeliveryOptions>().WebhookTimeoutSeconds) })));
        services.TryAddSingleton<AlertRouting>();
        services.TryAddSingleton<AlertOutboxDispatcher>();
        services.TryAddSingleton<DeliverAlertUseCase>();
        services.TryAddSingleton<AlertInboxUseCase>();
        return services;
    }
}
