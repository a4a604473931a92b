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

/// <summary><c>taskforce assign</c> (ADR-020) on Azurite: a case imported from samples/cases/cases.jsonl is assigned and
/// reassigned, each change one <c>assigned</c> history entry; a reassignment without a reason exits 2 naming it.</summary>
[Collection(StorageGroup.Name)]
public sealed class AssignCliTests(AzuriteFixture storage)
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

    [Fact]
    public async Task Assign_RecordsEachAssignment_AndRefusesAReassignmentWithoutReason()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "taskforce", "--file", Sample, "--agency", "uptd_ppa_ttu")).Code);
        string id = JsonDocument.Parse(File.ReadLines(Sample).First()).RootElement.GetProperty("id").GetString()!;

        var (code, stdout, stderr) = await RunAsync(tables, "assign", "--case", id, "--to", "worker-2", "--actor", "officer-3", "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal(1, JsonDocument.Parse(stdout).RootElement.GetProperty("history_sequence").GetInt32());

        var noReason = await RunAsync(tables, "assign", "--case", id, "--to", "worker-5");
        Assert.Equal(2, noReason.Code);
        Assert.Contains("reason", noReason.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(tables, "assign", "--case", id, "--to", "worker-5", "--reason", "cuti")).Code);
        Assert.Equal(2, (await RunAsync(tables, "assign", "--case", "no-such-case", "--to", "worker-5")).Code);

        var repository = new TableCaseRepository(tables, IdentityProtector.FromSettings(Key, null), Domain.Common.DistrictTime.DefaultZone);
        var entries = (await repository.ReadAsync(CaseId.Parse(id, "id"), includeIdentity: true))!;
        Assert.Equal(
            ["assigned_to:->\"worker-2\" by officer-3/gugus_tugas", "assigned_to:\"worker-2\"->\"worker-5\" by " + Environment.UserName + "/gugus_tugas"],
            entries.Where(e => e.Change.Kind == CaseChangeKind.Assigned).Select(e => $"{e.Change.Fields[0].Path}:{e.Change.Fields[0].OldJson}->{e.Change.Fields[0].NewJson} by {e.Change.Actor.UserId}/{e.Change.Actor.Agency}"));
        Assert.Equal("worker-5", (await new TableCaseTies(tables, IdentityProtector.FromSettings(Key, null)).ReadAsync(id))!.AssignedTo);
    }
}
