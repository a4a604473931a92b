using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using TaskForce.LocalHost;
using TaskForce.Storage;

namespace TaskForce.LocalHost.Tests;

/// <summary>The local host started in-process on a free loopback port, over the storage in TASKFORCE_STORAGE (set by
/// ./test.sh) or an in-memory Azurite started here, with a known function key and six test persons.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public const string Key = "test-function-key";

    public const string DevUsersJson = """
        {"users": [
          {"name": "worker-1", "agency": "uptd_ppa_ttu", "roles": ["case_worker"]},
          {"name": "worker-2", "agency": "uptd_ppa_ttu", "roles": ["case_worker"]},
          {"name": "worker-9", "agency": "dinsos_ttu", "roles": ["case_worker"]},
          {"name": "ngo-1", "agency": "yayasan_x", "roles": ["partner_ngo"]},
          {"name": "stat-1", "agency": "bps_ttu", "roles": ["statistician"]},
          {"name": "coord-1", "agency": "gugus_tugas_ttu", "roles": ["coordinator"]}
        ]}
        """;

    private string? _state;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public OpenApiValidator OpenApi { get; private set; } = null!;

    /// <summary>The host's services (tests seed what no route writes, e.g. the daily alerts).</summary>
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        string? conn = Environment.GetEnvironmentVariable(TaskForceStorageOptions.ConnectionSettingName);
        if (string.IsNullOrWhiteSpace(conn))
        {
            _state = Path.Combine(Path.GetTempPath(), $"taskforce-localhost-tests-{Environment.ProcessId}.env");
            conn = (await AzuriteAsync("start", "--memory", "--state", _state)).Trim();
        }

        _app = LocalApi.Build(new LocalHostOptions
        {
            Port = 0,
            FunctionKeys = [Key],
            DevUsers = DevUsers.Parse(DevUsersJson, _ => null),
            Settings = new Dictionary<string, string?>
            {
                [TaskForceStorageOptions.ConnectionSettingName] = conn,
                [IdentityProtectionOptions.KeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            },
        });
        await _app.StartAsync();
        BaseAddress = new Uri(LocalApi.BaseAddress(_app), "api/");
        using var client = Client();
        OpenApi = new OpenApiValidator(await client.GetStringAsync("openapi.json"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_state is not null)
        {
            await AzuriteAsync("stop", "--state", _state);
        }
    }

    /// <summary>A client on the host; with the function key unless <paramref name="withKey"/> is false, acting as the
    /// named test person when <paramref name="devUser"/> is given.</summary>
    public HttpClient Client(string? devUser = null, bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (withKey)
        {
            client.DefaultRequestHeaders.Add(LocalApi.FunctionKeyHeader, Key);
        }

        if (devUser is not null)
        {
            client.DefaultRequestHeaders.Add(DevUsers.HeaderName, devUser);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en")); // the English texts the tests assert
        return client;
    }

    private static async Task<string> AzuriteAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(Root(), "scripts", "azurite.sh"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        string output = await p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return p.ExitCode == 0 ? output : throw new InvalidOperationException("azurite.sh failed: " + error);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaskForce.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TaskForce.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class LocalHostGroup : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "localhost";
}
