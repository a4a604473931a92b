using Microsoft.Extensions.Hosting;
using TaskForce.Storage;

namespace TaskForce.Hosting;

/// <summary>
/// Creates TaskForce's tables when the host starts (the function app runs it as a hosted service; the tool awaits it
/// before a command that uses storage), so no service factory blocks on asynchronous I/O.
/// </summary>
/// <param name="tables">The storage clients.</param>
public sealed class TaskForceTablesInitializer(TaskForceTables tables) : IHostedService
{
    /// <summary>Creates the tables that do not exist yet (idempotent).</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when every table exists.</returns>
    /// <exception cref="Azure.RequestFailedException">The storage account refuses the request.</exception>
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);

    /// <summary>Does nothing: the tables stay.</summary>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
