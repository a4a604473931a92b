using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary><c>taskforce amend</c> (ADR-017) on Azurite: a case imported from samples/cases/cases.jsonl is corrected from
/// a file; bad input exits 2 naming the field and writes nothing; the history names the tool's actor and agency.</summary>
[Collection(StorageGroup.Name)]
public sealed class AmendCliTests(AzuriteFixture storage)
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "cases", "cases.jsonl");
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)),
            null, name => name == "TaskForce__IdentityKey" ? Key : null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string FirstCaseId() => JsonDocument.Parse(File.ReadLines(Sample).First()).RootElement.GetProperty("id").GetString()!;

    private static string Write(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"amend-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Amend_RecordsTheChangeWithTheToolsActor_GivenAFile()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu")).Code);
        string id = FirstCaseId();

        var (code, stdout, stderr) = await RunAsync(tables, "amend", "--case", id, "--file", Write("""{"add_witnesses": [{"child": false}]}"""), "--actor", "officer-3", "--agency", "gugus_tugas_ttu", "--json");

        Assert.True(code == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        var change = Assert.Single(result.GetProperty("changes").EnumerateArray());
        Assert.Equal("person_added", change.GetProperty("kind").GetString());
        var repository = new TableCaseRepository(tables, IdentityProtector.FromSettings(Key, null), Domain.Common.DistrictTime.DefaultZone);
        var entry = Assert.Single((await repository.ReadAsync(Domain.Cases.CaseId.Parse(id, "id"), includeIdentity: false))!);
        Assert.Equal(("officer-3", "gugus_tugas_ttu"), (entry.Change.Actor.UserId, entry.Change.Actor.Agency));
    }

    [Fact]
    public async Task Amend_Exits2NamingTheFieldAndWritesNothing_GivenABadCode()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu")).Code);
        var before = await TableRows.FingerprintAsync(tables.Cases);

        var (code, stdout, _) = await RunAsync(tables, "amend", "--case", FirstCaseId(), "--file", Write("""{"reason": "salah", "header": {"intake_channel": "pigeon"}}"""), "--json");

        Assert.Equal(2, code);
        Assert.Contains("header.intake_channel", stdout, StringComparison.Ordinal);
        Assert.Equal(before, await TableRows.FingerprintAsync(tables.Cases));
    }
}
