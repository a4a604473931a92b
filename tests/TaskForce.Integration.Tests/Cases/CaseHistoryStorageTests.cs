using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>The case history on Azurite (ADR-016): one row per change, in the case's transaction, identity values and
/// reasons only encrypted.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseHistoryStorageTests(AzuriteFixture storage)
{
    private static readonly Actor Worker = Actor.Create("cw-17", "uptd_ppa_ttu");
    private const string Reason = "Koreksi: tanggal lahir Yohana Sanam salah ketik";

    [Fact]
    public async Task UpdateAsync_WritesEachChangeAsOneHistoryRow_GivenTwoAmendments()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, SharedProtector, Zone);
        await repo.AddAsync(Record(), "uptd_ppa_ttu", null);

        var stored = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;
        stored.Record.RecordOffenceDate(new LocalDate(2025, 4, 1), ChangeContext.Create(Worker, Reason, Clock()));
        string etag = await repo.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag);
        var again = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;
        again.Record.RecordSpdpSent(new LocalDate(2026, 3, 5), Clock(), Zone, ChangeContext.Create(Worker, null, Clock()));
        await repo.UpdateAsync(again.Record, again.OwnerAgency, etag);

        var history = (await repo.ReadAsync(CaseId.Parse("case-ttu-001"), includeIdentity: true))!;
        Assert.Equal([1, 2], history.Select(h => h.Sequence));
        Assert.Equal([CaseChangeKind.OffenceDateRecorded, CaseChangeKind.SpdpRecorded], history.Select(h => h.Change.Kind));
        // Victim 1 was born 2008-05-01: 17 at 2025-11-20, 16 at 2025-04-01; victim 2's age is as recorded (24).
        Assert.Equal(["offence_date", "victims[victim-1].age_at_offence"], history[0].Change.FieldPaths);
        Assert.Equal("17", history[0].Change.Fields[1].OldJson);
        Assert.Equal("16", history[0].Change.Fields[1].NewJson);
        Assert.Equal(Reason, history[0].Change.Reason);
        Assert.Equal(Worker, history[0].Change.Actor);
        Assert.Equal(Clock().GetCurrentInstant(), history[0].Change.At);
        Assert.Null(history[1].Change.Reason);
        Assert.Empty(stored.Record.PendingChanges); // accepted once written
    }

    [Fact]
    public async Task ReadAsync_WithholdsIdentityValuesAndReason_GivenNoIdentityAccess()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, SharedProtector, Zone);
        await repo.AddAsync(Record(), "uptd_ppa_ttu", null);
        var stored = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;
        var added = stored.Record.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 15, Identity = new NewIdentity { FullName = "Maria Abi" } }, ChangeContext.Create(Worker, Reason, Clock()));
        Assert.Equal("victim-3", added.PersonId);
        await repo.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag);

        var withheld = (await repo.ReadAsync(CaseId.Parse("case-ttu-001"), includeIdentity: false))!.Single();
        var full = (await repo.ReadAsync(CaseId.Parse("case-ttu-001"), includeIdentity: true))!.Single();

        Assert.Equal("victim-3", withheld.Change.PersonId);
        Assert.True(withheld.IdentityWithheld);
        Assert.Null(withheld.Change.Reason);
        var name = withheld.Change.Fields.Single(f => f.Path == "victims[victim-3].identity.full_name");
        Assert.True(name.Identifying);
        Assert.Null(name.NewJson);
        Assert.Equal("15", withheld.Change.Fields.Single(f => f.Path == "victims[victim-3].age_at_offence").NewJson);
        Assert.False(full.IdentityWithheld);
        Assert.Equal("\"Maria Abi\"", full.Change.Fields.Single(f => f.Path == "victims[victim-3].identity.full_name").NewJson);
        Assert.Equal(Reason, full.Change.Reason);

        // No identity value and no reason in clear in any row of the table.
        var raw = await RawRowsAsync(tables);
        foreach (string secret in Secrets.Append("Maria Abi").Append("salah ketik"))
        {
            Assert.DoesNotContain(raw, r => r.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Single(raw, r => r.Contains("/history|000001/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_WritesNoHistory_GivenAStaleETag()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, SharedProtector, Zone);
        await repo.AddAsync(Record(), "uptd_ppa_ttu", null);
        var first = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;
        var second = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;
        first.Record.RecordSpdpSent(new LocalDate(2026, 3, 5), Clock(), Zone, ChangeContext.Create(Worker, null, Clock()));
        await repo.UpdateAsync(first.Record, first.OwnerAgency, first.ETag);

        second.Record.RecordSpdpSent(new LocalDate(2026, 3, 6), Clock(), Zone, ChangeContext.Create(Worker, null, Clock()));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.UpdateAsync(second.Record, second.OwnerAgency, second.ETag));

        var history = (await repo.ReadAsync(CaseId.Parse("case-ttu-001"), includeIdentity: false))!;
        Assert.Equal("\"2026-03-05\"", history.Single().Change.Fields.Single().NewJson);
        Assert.Equal(new LocalDate(2026, 3, 5), (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!.Record.SpdpSentOn);
        Assert.Null(await repo.ReadAsync(CaseId.Parse("no-such-case"), includeIdentity: false));
    }
}
