using System.Diagnostics;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>
/// Real Table Storage for the tests: the account in TASKFORCE_STORAGE (./test.sh starts an in-memory Azurite and sets
/// it), or, when unset, an in-memory Azurite started here through scripts/azurite.sh and stopped afterwards.
/// Each test gets its own tables through a unique prefix.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private string? _state;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        string? conn = Environment.GetEnvironmentVariable(TaskForceStorageOptions.ConnectionSettingName);
        if (!string.IsNullOrWhiteSpace(conn))
        {
            ConnectionString = conn;
            return;
        }

        _state = Path.Combine(Path.GetTempPath(), $"taskforce-tests-{Environment.ProcessId}.env");
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(RepoPaths.Root, "scripts", "azurite.sh"), "start", "--memory", "--full", "--state", _state })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        string output = await p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("Could not start Azurite: " + error);
        }

        ConnectionString = output.Trim();
    }

    public async Task DisposeAsync()
    {
        if (_state is null)
        {
            return;
        }

        var psi = new ProcessStartInfo("bash");
        foreach (var a in new[] { Path.Combine(RepoPaths.Root, "scripts", "azurite.sh"), "stop", "--state", _state })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        await p.WaitForExitAsync();
    }

    /// <summary>Creates fresh, empty tables with a unique prefix.</summary>
    public async Task<TaskForceTables> NewTablesAsync(Azure.Data.Tables.TableClientOptions? options = null)
    {
        var tables = new TaskForceTables(new TaskForceStorageOptions
        {
            ConnectionString = ConnectionString,
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
        }, options);
        await tables.EnsureCreatedAsync();
        return tables;
    }
}

[CollectionDefinition(Name)]
public sealed class StorageGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "storage";
}
