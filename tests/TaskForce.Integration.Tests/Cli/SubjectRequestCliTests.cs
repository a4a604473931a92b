using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary><c>taskforce subject-access</c>, <c>subject-erase</c> and <c>subject-requests</c> (docs/wire-contract.md;
/// ADR-019) on Azurite, on samples/cases/cases.jsonl: Maria (NIK 5303014107060001) is on two agencies' cases and is
/// counted once; after erasure she is still counted once (three victims in 2025), and no row holds her NIK or name.</summary>
[Collection(StorageGroup.Name)]
public sealed class SubjectRequestCliTests(AzuriteFixture storage)
{
    private const string MariaNik = "5303014107060001";
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "cases", "cases.jsonl");
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)) { AutoAdvance = Duration.FromSeconds(1) },
            null, name => name == "TaskForce__IdentityKey" ? Key : null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task SubjectAccessAndErase_ExportBothRecordsThenEraseThem_AndTheCountStays_GivenTheSample()
    {
        var tables = await storage.NewTablesAsync();
        string dir = Directory.CreateTempSubdirectory("taskforce-subject-").FullName;
        string person = Path.Combine(dir, "person.json");
        string export = Path.Combine(dir, "export.json");
        await File.WriteAllTextAsync(person, $$"""{"national_id_number": "{{MariaNik}}"}""");
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu", "--json")).Code);
        var (_, before, _) = await RunAsync(tables, "snapshot", "--region", "53.03", "--period", "2025", "--k", "1", "--json");

        var (accessCode, accessOut, _) = await RunAsync(tables, "subject-access", "--file", person, "--out", export, "--by", "coord-1", "--agency", "gugus_tugas_ttu", "--json");
        var (eraseCode, eraseOut, _) = await RunAsync(tables, "subject-erase", "--file", person, "--by", "coord-1", "--agency", "gugus_tugas_ttu", "--json");
        var (_, after, _) = await RunAsync(tables, "snapshot", "--region", "53.03", "--period", "2025", "--k", "1", "--json");
        var (listCode, listOut, _) = await RunAsync(tables, "subject-requests", "--json");

        Assert.Equal(0, accessCode);
        Assert.Equal(2, JsonDocument.Parse(accessOut).RootElement.GetProperty("records").GetInt32());
        var records = JsonDocument.Parse(await File.ReadAllTextAsync(export)).RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.All(records, r => Assert.Equal(MariaNik, r.GetProperty("victim").GetProperty("identity").GetProperty("national_id_number").GetString()));
        Assert.Equal(0, eraseCode);
        var erased = JsonDocument.Parse(eraseOut).RootElement;
        Assert.Equal("completed", erased.GetProperty("outcome").GetString());
        Assert.Equal(2, erased.GetProperty("records").GetArrayLength());
        Assert.Equal(3m, new SnapshotReader(before).Value("victims_identified"));
        Assert.Equal(3m, new SnapshotReader(after).Value("victims_identified")); // Maria still once, under her pseudonym
        Assert.Equal(0, listCode);
        var items = JsonDocument.Parse(listOut).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["erasure", "access"], items.Select(i => i.GetProperty("kind").GetString()));
        foreach (var table in new[] { tables.Cases, tables.CaseFacts, tables.SubjectRequests })
        {
            foreach (Azure.Data.Tables.TableEntity row in await TableRows.AllAsync(table))
            {
                Assert.DoesNotContain(row, kv => kv.Value is string text && (text.Contains(MariaNik, StringComparison.Ordinal) || text.Contains("Maria", StringComparison.Ordinal)));
            }
        }
    }

    [Fact]
    public async Task SubjectErase_Exits2NamingTheField_GivenANameWithoutABirthDate()
    {
        var tables = await storage.NewTablesAsync();
        string person = Path.Combine(Directory.CreateTempSubdirectory("taskforce-subject-").FullName, "person.json");
        await File.WriteAllTextAsync(person, """{"full_name": "Maria da Costa"}""");

        var (code, stdout, _) = await RunAsync(tables, "subject-erase", "--file", person, "--by", "coord-1", "--agency", "gugus_tugas_ttu", "--json");

        Assert.Equal(2, code);
        Assert.Equal("birth_date", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.DoesNotContain("Maria", stdout, StringComparison.Ordinal);
    }
}
