using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaskForce.Functions.Http;
using TaskForce.Storage;
using TaskForce.Hosting;

namespace TaskForce.Functions;

/// <summary>Registers the function app's services: the one composition root shared with the tool
/// (<see cref="TaskForceServiceCollectionExtensions.AddTaskForce"/>, ADR-010) and what only HTTP needs.</summary>
public static class ServiceRegistration
{
    /// <summary>Adds TaskForce's services and the HTTP caller identification.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The app settings: <c>TASKFORCE_STORAGE</c>, the section <c>TaskForce</c>
    /// (<see cref="TaskForceOptions"/>, validated when the host starts) and <c>WEBSITE_AUTH_ENABLED</c> (set by App
    /// Service authentication; callers are identified only when it is <c>True</c>).</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddTaskForceFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTaskForce(configuration);
        services.TryAddSingleton(_ => ClientPrincipalReader.FromConfiguration(configuration));
        services.TryAddSingleton<Http.HttpPipeline>();
        services.TryAddSingleton<TaskForce.Application.Ports.IReportArchive>(_ =>
        {
            string? conn = configuration[TaskForceStorageOptions.ConnectionSettingName];
            return string.IsNullOrWhiteSpace(conn)
                ? throw new InvalidOperationException($"Set the setting {TaskForceStorageOptions.ConnectionSettingName} to a storage connection string with a blob endpoint (the annual report archive).")
                : new TaskForce.Storage.BlobReportArchive(conn);
        });
        return services;
    }
}
