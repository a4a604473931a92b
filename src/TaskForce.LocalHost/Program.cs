using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using TaskForce.LocalHost;
using TaskForce.Storage;

// taskforce serve [--port N] [--function-key KEY]... [--dev-users FILE]
// Serves the HTTP functions on http://127.0.0.1:PORT/api over the embedded Azurite (or TASKFORCE_STORAGE).
const string Usage = "usage: taskforce serve [--port N] [--function-key KEY]... [--dev-users FILE]";
int port = LocalHostOptions.DefaultPort;
var keys = new List<string>();
string? devUsersFile = null;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    try
    {
        switch (args[i])
        {
            case "--port":
                string text = Next();
                port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is > 0 and <= 65535
                    ? p : throw new ArgumentException($"--port must be a port number in [1, 65535], not '{text}'.");
                break;
            case "--function-key":
                keys.Add(Next());
                break;
            case "--dev-users":
                devUsersFile = Next();
                break;
            case "-h" or "--help":
                Console.WriteLine(Usage);
                return 0;
            default:
                throw new ArgumentException($"Unknown option {args[i]}.");
        }
    }
    catch (ArgumentException e)
    {
        await Console.Error.WriteLineAsync($"{e.Message}\n{Usage}");
        return 2;
    }
}

if (keys.Count == 0 && Environment.GetEnvironmentVariable("TASKFORCE_FUNCTION_KEY") is { Length: > 0 } envKey)
{
    keys.Add(envKey);
}

bool generatedKey = keys.Count == 0;
if (generatedKey)
{
    keys.Add(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
}

DevUsers? devUsers = null;
if (devUsersFile is not null)
{
    try
    {
        devUsers = DevUsers.Parse(await File.ReadAllTextAsync(devUsersFile), Environment.GetEnvironmentVariable);
    }
    catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 2;
    }
}

var settings = new Dictionary<string, string?>();
EmbeddedStorage? embedded = null;
try
{
    if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TaskForceStorageOptions.ConnectionSettingName)))
    {
        embedded = await EmbeddedStorage.StartAsync(Console.Error, CancellationToken.None);
        settings[TaskForceStorageOptions.ConnectionSettingName] = embedded.ConnectionString;

        // Identity fields need a key; on the embedded storage a local one is kept beside the data (git-ignored).
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("TaskForce__IdentityKey")))
        {
            string keyFile = Path.Combine(EmbeddedStorage.FindRepositoryRoot()!, ".azurite", "localhost-identity.key");
            if (!File.Exists(keyFile))
            {
                await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            settings[IdentityProtectionOptions.KeySetting] = (await File.ReadAllTextAsync(keyFile)).Trim();
        }
    }

    await using var app = LocalApi.Build(new LocalHostOptions { Port = port, FunctionKeys = keys, DevUsers = devUsers, Settings = settings });
    await app.StartAsync();
    var routes = FunctionRoute.Discover(typeof(TaskForce.Functions.ServiceRegistration).Assembly);
    Console.WriteLine($"TaskForce API on {LocalApi.BaseAddress(app)}api/ ({routes.Count} HTTP functions; Ctrl+C stops it)");
    foreach (var r in routes)
    {
        Console.WriteLine($"  {string.Join(',', r.Methods),-5} /api/{r.Route}  [{r.Name}, {r.Level}]");
    }

    Console.WriteLine(generatedKey
        ? $"Function key (generated for this run; fix one with --function-key or TASKFORCE_FUNCTION_KEY): {keys[0]}"
        : "Function key: as given.");
    if (embedded is not null)
    {
        Console.WriteLine($"Storage: embedded Azurite; other tools can share it while this runs with TASKFORCE_STORAGE='{embedded.ConnectionString}'");
    }

    Console.WriteLine(devUsers is null
        ? "Dev users: off (person routes answer 401)."
        : $"Dev users: ON (development only) - send {DevUsers.HeaderName}: one of {string.Join(", ", devUsers.Users.Keys)}");
    await app.WaitForShutdownAsync();
    return 0;
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
catch (IOException e)
{
    await Console.Error.WriteLineAsync($"{e.Message} Choose another port with --port.");
    return 1;
}
finally
{
    if (embedded is not null)
    {
        await embedded.DisposeAsync();
    }
}
