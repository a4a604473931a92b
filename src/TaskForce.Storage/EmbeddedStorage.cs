using System.Diagnostics;
using TaskForce.Storage.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Storage;

/// <summary>
/// The tool's embedded default storage: when <c>TASKFORCE_STORAGE</c> is not set, a persistent Azurite Table service
/// in the repository's git-ignored <c>.azurite/data</c> folder, started through <c>scripts/azurite.sh</c> on a free
/// loopback port for the duration of one command (or of <c>taskforce serve</c>) and stopped by PID afterwards.
/// Shared by the tool and the local API host, neither of which references the other.
/// </summary>
public sealed class EmbeddedStorage : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _state;
    private readonly FileStream _lock;

    private EmbeddedStorage(string script, string state, string connectionString, FileStream fileLock)
    {
        _script = script;
        _state = state;
        ConnectionString = connectionString;
        _lock = fileLock;
    }

    /// <summary>How long a command waits for another command to release the embedded storage.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    /// <summary>Gets the connection string of the running Azurite Table service.</summary>
    /// <value>A Table Storage connection string on a loopback port.</value>
    public string ConnectionString { get; }

    /// <summary>Finds the repository (the folder holding scripts/azurite.sh) from the working folder or the tool's folder.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "scripts", "azurite.sh")) && File.Exists(Path.Combine(dir.FullName, "TaskForce.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>Starts the embedded storage, waiting up to <see cref="LockWait"/> while another command uses it.</summary>
    /// <param name="log">Where to tell the person what is happening (standard error).</param>
    /// <param name="cancellationToken">Cancels the wait and the start.</param>
    /// <returns>The running storage; dispose it to stop Azurite and release the lock.</returns>
    /// <exception cref="InvalidOperationException">No repository was found, the storage stayed in use, or Azurite did
    /// not start.</exception>
    public static async Task<EmbeddedStorage> StartAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        string root = FindRepositoryRoot()
            ?? throw new InvalidOperationException(StorageText.EmbeddedStorageTASKFORCESTORAGESetTaskForce);
        string script = Path.Combine(root, "scripts", "azurite.sh");
        string state = Path.Combine(root, ".azurite", $"cli-{Environment.ProcessId}.env");
        var fileLock = await AcquireLockAsync(Path.Combine(root, ".azurite", "embedded.lock"), log, cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartLockedAsync(script, state, fileLock, log, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await fileLock.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // One command at a time on the embedded storage: two Azurite processes on one data folder would each save their
    // own copy and the last one to stop would erase the other's writes. .NET takes an exclusive advisory lock
    // (flock) for FileShare.None on Unix; the lock dies with the process.
    private static async Task<FileStream> AcquireLockAsync(string path, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        bool told = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                if (!told)
                {
                    await log.WriteLineAsync(StorageText.EmbeddedWaiting).ConfigureAwait(false);
                    told = true;
                }

                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException(Texts.Format(StorageText.EmbeddedStorageEmbeddedStorageUseBy, LockWait.TotalMinutes), ex);
            }
        }
    }

    private static async Task<EmbeddedStorage> StartLockedAsync(string script, string state, FileStream fileLock, TextWriter log, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, "start", "--persistent", "--state", state })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException(StorageText.EmbeddedStorageCouldRunBashStart);
        string output = await p.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        string error = await p.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await p.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(Texts.Format(StorageText.EmbeddedStorageEmbeddedStorageAzuriteDid, error.Trim()));
        }

        await log.WriteLineAsync(StorageText.EmbeddedInUse).ConfigureAwait(false);
        return new EmbeddedStorage(script, state, output.Trim(), fileLock);
    }

    /// <summary>Stops Azurite (its data stays in <c>.azurite/data</c>) and releases the lock.</summary>
    /// <returns>A task that completes when Azurite has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { _script, "stop", "--state", _state })
        {
            psi.ArgumentList.Add(a);
        }

        using (var p = Process.Start(psi))
        {
            if (p is not null)
            {
                await p.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        await _lock.DisposeAsync().ConfigureAwait(false);
    }
}
