using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary><c>taskforce import --format taskforce</c> (docs/wire-contract.md): case records, one <c>POST /cases</c>
/// body a line, through the same validation and storage as the API, on Azurite. Counts worked out by hand from
/// samples/cases/cases.jsonl: three cases, Maria (one NIK) on the police's and the UPTD PPA's, a 16-year-old girl and a
/// 24-year-old man on the UPTD PPA's — three victims.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseImportCliTests(AzuriteFixture storage)
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "cases", "cases.jsonl");
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, string? key, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)),
            null, name => name == "TaskForce__IdentityKey" ? key : null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Import_StoresCasesOnceAndCountsVictimsOncePerPerson_GivenTheSampleTwice()
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, _) = await RunAsync(tables, Key, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu", "--json");
        var (again, againOut, _) = await RunAsync(tables, Key, "import", "--format", "taskforce", "--file", Sample, "--json");
        var (snap, snapOut, snapErr) = await RunAsync(tables, Key, "snapshot", "--region", "53.03", "--period", "2025", "--k", "1", "--json");

        Assert.Equal(0, code);
        JsonElement first = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("taskforce", first.GetProperty("format").GetString());
        Assert.Equal((3, 3, 0, 0), (first.GetProperty("read").GetInt32(), first.GetProperty("imported").GetInt32(), first.GetProperty("duplicates").GetInt32(), first.GetProperty("rejected").GetInt32()));
        Assert.Equal(0, again);
        Assert.Equal(3, JsonDocument.Parse(againOut).RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, snap);
        Assert.Contains("--k 1 is below the publication threshold 11", snapErr, StringComparison.Ordinal);
        Assert.DoesNotContain("has not ended", snapErr, StringComparison.Ordinal); // 2025 ended before 5 January 2026
        var s = new SnapshotReader(snapOut);
        Assert.Equal(3m, s.Value("victims_identified"));
        Assert.Equal(3m, s.Value("cases_reported"));
        foreach (Azure.Data.Tables.TableEntity row in await TableRows.AllAsync(tables.Cases))
        {
            Assert.DoesNotContain(row, kv => kv.Value is string text && (text.Contains("5303014107060001", StringComparison.Ordinal) || text.Contains("Maria", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Import_RejectsConflictsAndLinesWithoutId_GivenAChangedCaseAndAMissingId()
    {
        var tables = await storage.NewTablesAsync();
        string[] lines = await File.ReadAllLinesAsync(Sample);
        string dir = Directory.CreateTempSubdirectory("taskforce-cases-").FullName;
        string changed = Path.Combine(dir, "changed.jsonl");
        await File.WriteAllLinesAsync(changed, [lines[0].Replace("\"offence_date\":\"2025-02-20\"", "\"offence_date\":\"2025-02-21\"", StringComparison.Ordinal), lines[1].Replace("\"id\":\"ttu-2025-002\",", string.Empty, StringComparison.Ordinal)]);

        await RunAsync(tables, Key, "import", "--format", "taskforce", "--file", Sample, "--json");
        var (code, stdout, _) = await RunAsync(tables, Key, "import", "--format", "taskforce", "--file", changed, "--json");

        Assert.Equal(2, code); // nothing of the file could be used
        string text = stdout;
        Assert.Contains("\"line 1\"", text, StringComparison.Ordinal);
        Assert.Contains("already stored with other content", text, StringComparison.Ordinal);
        Assert.Contains("\"line 2\"", text, StringComparison.Ordinal);
        Assert.Contains("needs its id", text, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Import_RejectsIdentityWithoutKeyAndKeepsTheRest_GivenNoIdentityKey()
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, _) = await RunAsync(tables, null, "import", "--format", "taskforce", "--file", Sample, "--json");

        Assert.Equal(0, code);
        JsonElement report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1, report.GetProperty("imported").GetInt32()); // the third case holds no identity value
        Assert.Equal(2, report.GetProperty("rejected").GetInt32());
        Assert.Contains("no identity key is configured", report.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WarnsThatZerosMeanNothingRecorded_GivenNoCaseRecordsAndAnUnfinishedPeriod()
    {
        var tables = await storage.NewTablesAsync();
        string path = Path.Combine(Directory.CreateTempSubdirectory("taskforce-export-").FullName, "simfoni.csv");

        var (code, _, stderr) = await RunAsync(tables, Key, "export", "--format", "simfoni", "--region", "53.03", "--period", "2026", "--out", path, "--json");

        Assert.Equal(0, code);
        Assert.Contains("every count in", stderr, StringComparison.Ordinal);
        Assert.Contains("the period 2026 has not ended (today is 2026-01-05", stderr, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
