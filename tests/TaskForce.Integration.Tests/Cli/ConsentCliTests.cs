using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary><c>taskforce consent</c> (ADR-018) on Azurite: a victim of a case imported from samples/cases/cases.jsonl
/// withdraws consent from a file; bad input exits 2 naming the field and writes nothing.</summary>
[Collection(StorageGroup.Name)]
public sealed class ConsentCliTests(AzuriteFixture storage)
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
        string path = Path.Combine(Path.GetTempPath(), $"consent-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Consent_RecordsTheWithdrawalWithTheToolsActor_GivenAFile()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu")).Code);
        string id = FirstCaseId();
        string file = Write("""{"for_services": true, "for_reporting": false, "for_sharing": true, "given_by": "self"}""");

        try
        {
            // The first sample victim was born 2006-07-01: 19 on 2026-01-05, so she withdraws herself.
            var (code, stdout, stderr) = await RunAsync(tables, "consent", "--case", id, "--victim", "victim-1", "--file", file, "--actor", "officer-3", "--agency", "gugus_tugas_ttu", "--json");

            Assert.True(code == 0, stderr);
            var result = JsonDocument.Parse(stdout).RootElement;
            Assert.True(result.GetProperty("consent").GetProperty("reporting_withdrawn").GetBoolean());
            var repository = new TableCaseRepository(tables, IdentityProtector.FromSettings(Key, null), Domain.Common.DistrictTime.DefaultZone);
            var entry = Assert.Single((await repository.ReadAsync(CaseId.Parse(id, "id"), includeIdentity: false))!);
            Assert.Equal((CaseChangeKind.ConsentRecorded, "victim-1", "officer-3", "gugus_tugas_ttu"), (entry.Change.Kind, entry.Change.PersonId, entry.Change.Actor.UserId, entry.Change.Actor.Agency));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Consent_Exits2NamingTheFieldAndWritesNothing_GivenAMissingFlag()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu")).Code);
        var before = await TableRows.FingerprintAsync(tables.Cases);
        string file = Write("""{"for_services": true, "for_reporting": false, "given_by": "self"}""");

        try
        {
            var (code, stdout, _) = await RunAsync(tables, "consent", "--case", FirstCaseId(), "--victim", "victim-1", "--file", file, "--json");

            Assert.Equal(2, code);
            Assert.Contains("for_sharing", stdout, StringComparison.Ordinal);
            Assert.Equal(before, await TableRows.FingerprintAsync(tables.Cases));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
