using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>Setup mistakes told as what to fix (issue 15 §3, ADR-027): a wrong <c>TASKFORCE_STORAGE</c> (against
/// Azurite and against a port nothing listens on) and bad path options give one line naming the setting or option and
/// the cause, the contract's exit code, and no SDK text, type name or stack trace.</summary>
[Collection(StorageGroup.Name)]
public sealed class BadSetupTests(AzuriteFixture storage)
{
    // A valid Base-64 key of 64 bytes that is not Azurite's.
    private const string WrongKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";

    private static readonly string[] SdkText = ["Status:", "ErrorCode", "Azure.", "Exception", " at ", "Headers", "ClientOptions"];

    [Fact]
    public async Task Command_Exits1NamingTheSettingAndARefusedKey_GivenAWrongAccountKey()
    {
        string wrong = System.Text.RegularExpressions.Regex.Replace(storage.ConnectionString, "AccountKey=[^;]+", "AccountKey=" + WrongKey);

        var (code, stdout, stderr) = await RunAsync(wrong, "rebuild-facts");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        AssertOneLineNaming(stderr, "TASKFORCE_STORAGE: the storage account refused the key (authentication failed); check AccountName and AccountKey in TASKFORCE_STORAGE.");
    }

    [Fact]
    public async Task Command_Exits1NamingTheSettingAndUnreachable_GivenAPortNothingListensOn()
    {
        string nowhere = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={WrongKey};TableEndpoint=http://127.0.0.1:{FreePort()}/devstoreaccount1;";

        var (code, stdout, _) = await RunAsync(nowhere, "rebuild-facts", "--json");

        Assert.Equal(1, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Setup problem", error.GetProperty("title").GetString());
        Assert.Equal("TASKFORCE_STORAGE", error.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.StartsWith("TASKFORCE_STORAGE: the storage account cannot be reached (connection refused or the host name is unknown)", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SdkText, t => stdout.Contains(t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=not*base64!;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;")]
    [InlineData("this is not a connection string")]
    public async Task Command_Exits1NamingTheSettingAndMalformed_GivenAMalformedConnectionString(string connection)
    {
        var (code, _, stderr) = await RunAsync(connection, "rebuild-facts");

        Assert.Equal(1, code);
        AssertOneLineNaming(stderr, "TASKFORCE_STORAGE is not a valid storage connection string (e.g. AccountKey is not Base-64, or a part is missing)");
    }

    [Fact]
    public async Task Command_SaysInIndonesian_GivenLangIdAndAWrongKey()
    {
        string wrong = System.Text.RegularExpressions.Regex.Replace(storage.ConnectionString, "AccountKey=[^;]+", "AccountKey=" + WrongKey);

        var (code, _, stderr) = await RunAsync(wrong, "--lang", "id", "rebuild-facts");

        Assert.Equal(1, code);
        AssertOneLineNaming(stderr, "Masalah pengaturan: TASKFORCE_STORAGE: akun penyimpanan menolak kuncinya (autentikasi gagal)");
    }

    [Theory]
    [InlineData("file", "--file", "estimate", "--file", "")]
    [InlineData("file", "--file", "import", "--format", "putusan", "--file", " ")]
    [InlineData("out", "--out", "export", "--format", "ctdc", "--region", "*", "--period", "2025", "--out", "")]
    [InlineData("out", "--out", "snapshot", "--region", "*", "--period", "2025", "--out", "")]
    public async Task Command_Exits2NamingTheOption_GivenAnEmptyPath(string field, string option, params string[] args)
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, stderr) = await RunWithTablesAsync(tables, [.. args, "--json"]);

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal(field, error.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains(option, error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Snapshots.ImportSnapshotRoundTripTests.AllRowsAsync(tables));
        Assert.DoesNotContain(SdkText, t => (stdout + stderr).Contains(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_Exits2NamingOut_GivenAFileWhereAFolderIsExpected()
    {
        string file = Path.GetTempFileName();

        var (code, stdout, _) = await RunWithTablesAsync(null, "link", "--file", Path.Combine(RepoPaths.Root, "samples", "lists", "police.csv"), "--out", file, "--json");

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("out", error.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal($"'{file}' given as --out is a file; --out needs a folder.", error.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Snapshot_StoresNothing_GivenOutWhoseReportNameIsTakenByAFolder()
    {
        var tables = await storage.NewTablesAsync();
        string dir = Directory.CreateTempSubdirectory("taskforce-out-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "snapshot-all-2025.html"));

        var (code, stdout, _) = await RunWithTablesAsync(tables, "snapshot", "--region", "*", "--period", "2025", "--out", dir, "--json");

        Assert.Equal(2, code);
        Assert.Equal("out", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty(await Snapshots.ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    private static void AssertOneLineNaming(string stderr, string expected)
    {
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(SdkText, t => stderr.Contains(t, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string connection, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, storage: null, CancellationToken.None,
            environment: name => name == "TASKFORCE_STORAGE" ? connection : null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunWithTablesAsync(TaskForce.Storage.TaskForceTables? tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, tables is null ? null : () => tables, CancellationToken.None,
            new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 29, 0, 0)), environment: _ => null);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
