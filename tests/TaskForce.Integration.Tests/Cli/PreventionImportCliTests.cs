using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary><c>taskforce import --format prevention --file F</c> on Azurite (ADR-033): the synthetic sample is stored
/// whole, a second run finds every row already stored, a file with a name column exits 2 naming it.</summary>
[Collection(StorageGroup.Name)]
public sealed class PreventionImportCliTests(AzuriteFixture storage) : IDisposable
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "prevention", "activities-synthetic.csv");

    private readonly string _dir = Directory.CreateTempSubdirectory("taskforce-prevention-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), null, _ => null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Import_StoresTheSampleOnceAndRefusesANameColumn_GivenFormatPrevention()
    {
        var tables = await storage.NewTablesAsync();
        var (code, stdout, stderr) = await RunAsync(tables, "import", "--format", "prevention", "--file", Sample, "--json");
        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(6, System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("imported").GetInt32());
        var (again, second, _) = await RunAsync(tables, "import", "--format", "prevention", "--file", Sample, "--json");
        Assert.Equal(0, again);
        Assert.Equal(6, System.Text.Json.JsonDocument.Parse(second).RootElement.GetProperty("duplicates").GetInt32());

        string named = Path.Combine(_dir, "named.csv");
        await File.WriteAllTextAsync(named, "activity_id,kind,date,place,name,female_adult,male_adult,female_child,male_child,budget_source\npa-1,training,2025-01-02,53.03.01,Someone,1,1,0,0,apbd\n");
        var (refused, outText, errText) = await RunAsync(tables, "import", "--format", "prevention", "--file", named);
        Assert.Equal(2, refused);
        Assert.Contains("name", outText + errText, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone", outText + errText, StringComparison.Ordinal);
    }
}
