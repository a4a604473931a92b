using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary><c>taskforce access-log</c> (ADR-022) on Azurite: an access export of Maria's two records is listed for the
/// period and for each case, with no value; bad input exits 2 naming the field.</summary>
[Collection(StorageGroup.Name)]
public sealed class AccessLogCliTests(AzuriteFixture storage)
{
    private const string MariaNik = "5303014107060001";
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "cases", "cases.jsonl");
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    // 2026-01-05 00:00Z = 08:00 WITA on 5 January.
    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)) { AutoAdvance = Duration.FromSeconds(1) },
            null, name => name == "TaskForce__IdentityKey" ? Key : null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task AccessLog_ListsTheSubjectAccessExports_GivenAnExportOfTwoRecords()
    {
        var tables = await storage.NewTablesAsync();
        string dir = Directory.CreateTempSubdirectory("taskforce-access-log-").FullName;
        string person = Path.Combine(dir, "person.json");
        await File.WriteAllTextAsync(person, $$"""{"national_id_number": "{{MariaNik}}"}""");
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu", "--json")).Code);
        Assert.Equal(0, (await RunAsync(tables, "subject-access", "--file", person, "--out", Path.Combine(dir, "export.json"), "--by", "coord-1", "--agency", "gugus_tugas_ttu", "--json")).Code);

        var (code, output, _) = await RunAsync(tables, "access-log", "--from", "2026-01-05", "--to", "2026-01-05", "--json");

        Assert.Equal(0, code);
        var items = JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count); // Maria is on two agencies' cases: one entry per case exported
        Assert.All(items, i => Assert.Equal("subject_access_export", i.GetProperty("operation").GetString()));
        Assert.All(items, i => Assert.Equal("coord-1", i.GetProperty("user_id").GetString()));
        Assert.DoesNotContain(MariaNik, output, StringComparison.Ordinal);
        string caseId = items[0].GetProperty("case_id").GetString()!;
        var (caseCode, caseOut, _) = await RunAsync(tables, "access-log", "--case", caseId, "--json");
        Assert.Equal(0, caseCode);
        Assert.Single(JsonDocument.Parse(caseOut).RootElement.GetProperty("items").EnumerateArray());
        Assert.Empty(JsonDocument.Parse((await RunAsync(tables, "access-log", "--from", "2026-01-06", "--to", "2026-01-31", "--json")).Stdout).RootElement.GetProperty("items").EnumerateArray());

        var (badCode, _, badErr) = await RunAsync(tables, "access-log", "--from", "2026-01-31", "--to", "2026-01-01");
        Assert.Equal(2, badCode);
        Assert.Contains("to", badErr, StringComparison.Ordinal);
    }
}
