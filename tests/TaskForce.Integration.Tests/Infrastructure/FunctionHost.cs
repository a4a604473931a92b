using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using TaskForce.Functions;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>A generic host composed as the function app's Program.cs composes it (AddTaskForceFunctions over the
/// settings), without the Functions runtime: starting it runs ValidateOnStart and the table initializer.</summary>
internal static class FunctionHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> settings, TaskForceTables? tables = null, IClock? clock = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (tables is not null)
        {
            builder.Services.AddSingleton(tables); // an isolated table set instead of TASKFORCE_STORAGE's default names
        }

        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddLogging();
        builder.Services.AddTaskForceFunctions(builder.Configuration);
        return builder.Build();
    }
}
