using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Cases.Specifications;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>The case repository on Azurite: round trip, encryption at rest, fail-closed keys, ETags, idempotency.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseStorageTests(AzuriteFixture storage)
{
    private static IdempotencyClaim Claim(string key, CaseIntake intake) =>
        new(CreateCaseUseCase.Operation, key, JsonSerializer.SerializeToUtf8Bytes(intake, TaskForceJson.Options));

    [Fact]
    public async Task GetAsync_ReturnsTheCaseAsAdded_WithItsOwnerAndETag()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        var record = Record();

        var created = await repo.AddAsync(record, "uptd_ppa_ttu", null);
        var stored = await repo.GetAsync(record.Id);

        Assert.Equal(CaseCreateOutcome.Created, created.Outcome);
        Assert.NotNull(stored);
        Assert.Equal("uptd_ppa_ttu", stored.OwnerAgency);
        Assert.Equal(created.Case!.ETag, stored.ETag);
        Assert.Equal(JsonSerializer.Serialize(record.ToState(), TaskForceJson.Options), JsonSerializer.Serialize(stored.Record.ToState(), TaskForceJson.Options));
        Assert.Equal(VictimNik, stored.Record.Victims[0].Identity.NationalIdNumber);
        Assert.Equal(new LocalDate(2008, 5, 1), stored.Record.Victims[0].BirthDate);
        Assert.Equal(17, stored.Record.Victims[0].AgeAtOffence); // 2008-05-01 to 2025-11-20
        Assert.Equal(Clock().GetCurrentInstant(), stored.Record.Consent!.RecordedAt); // not re-stamped on read
        Assert.Null(await repo.GetAsync(CaseId.Parse("no-such-case")));
    }

    [Fact]
    public async Task AddAsync_WritesNoIdentityValueOutsideTheEncryptedColumn()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);

        await repo.AddAsync(Record(), "uptd_ppa_ttu", Claim("key-raw-1", Intake(null)));

        var raw = await RawRowsAsync(tables);
        Assert.Equal(6, raw.Count); // case, 2 victims, 1 suspect, 1 witness, 1 idempotency record
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(raw, r => r.Contains(secret, StringComparison.Ordinal));
        }

        // Every person with identity has exactly the encrypted column and its key id; the second victim has none.
        var persons = new List<TableEntity>();
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"person"}")))
        {
            persons.Add(e);
        }

        Assert.Equal(4, persons.Count);
        Assert.All(persons.Where(p => p.GetString("PersonId") != "victim-2"), p => Assert.Equal(16, p.GetString("IdentityKeyId")!.Length));
        Assert.Null(persons.Single(p => p.GetString("PersonId") == "victim-2").GetString("Identity"));
        Assert.Equal(17, persons.Single(p => p.GetString("PersonId") == "victim-1").GetInt32("AgeAtOffence"));
    }

    [Fact]
    public async Task AddAsync_FailsClosedAndWritesNothing_GivenIdentityAndNoKey()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, IdentityProtector.FromSettings(null, null), Zone);

        await Assert.ThrowsAsync<IdentityProtectionException>(() => repo.AddAsync(Record(), "uptd_ppa_ttu", null));

        Assert.Empty(await RawRowsAsync(tables));
    }

    [Fact]
    public async Task AddAsync_StoresACaseWithoutIdentity_GivenNoKey()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, IdentityProtector.FromSettings(null, null), Zone);
        var intake = Intake() with { Victims = [new NewVictim { Sex = "female", AgeAtOffence = 16 }], Suspects = [], Witnesses = [] };

        var result = await repo.AddAsync(CreateCaseUseCase.Build(intake, Clock(), Zone), "uptd_ppa_ttu", null);

        Assert.Equal(CaseCreateOutcome.Created, result.Outcome);
        Assert.Equal(16, (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!.Record.Victims[0].AgeAtOffence);
    }

    [Fact]
    public async Task GetAsync_RefusesIdentity_GivenAnotherKeyOrACiphertextMovedToAnotherPerson()
    {
        var tables = await storage.NewTablesAsync();
        string key = NewKey();
        await new TableCaseRepository(tables, Protector(key), Zone).AddAsync(Record(), "uptd_ppa_ttu", null);

        // Another key: the stored key id is unknown.
        await Assert.ThrowsAsync<IdentityProtectionException>(() => new TableCaseRepository(tables, Protector(), Zone).GetAsync(CaseId.Parse("case-ttu-001")));

        // The old key listed as a previous key still reads it (rotation).
        var rotated = new TableCaseRepository(tables, IdentityProtector.FromSettings(NewKey(), key), Zone);
        Assert.Equal(VictimName, (await rotated.GetAsync(CaseId.Parse("case-ttu-001")))!.Record.Victims[0].Identity.FullName);

        // The suspect's ciphertext copied onto the witness row: authenticated encryption binds it to its row.
        var suspect = (await tables.Cases.GetEntityAsync<TableEntity>(TableKeys.CasePartition("case-ttu-001"), TableKeys.PersonRow("suspect-1"))).Value;
        var witness = (await tables.Cases.GetEntityAsync<TableEntity>(TableKeys.CasePartition("case-ttu-001"), TableKeys.PersonRow("witness-1"))).Value;
        witness["Identity"] = suspect["Identity"];
        await tables.Cases.UpdateEntityAsync(witness, witness.ETag, TableUpdateMode.Replace);
        var e = await Assert.ThrowsAsync<IdentityProtectionException>(() => new TableCaseRepository(tables, Protector(key), Zone).GetAsync(CaseId.Parse("case-ttu-001")));
        Assert.Contains("moved", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_ThrowsConcurrencyConflictAndKeepsTheWinner_GivenAStaleETag()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        await repo.AddAsync(Record(), "uptd_ppa_ttu", null);
        var first = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;
        var second = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;

        first.Record.AddWitness(new NewWitness { Child = true });
        string newTag = await repo.UpdateAsync(first.Record, first.OwnerAgency, first.ETag);
        second.Record.RecordPlaces(new NewPlaces { DestinationCountry = "SG" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.UpdateAsync(second.Record, second.OwnerAgency, second.ETag));

        var now = (await repo.GetAsync(CaseId.Parse("case-ttu-001")))!;
        Assert.NotEqual(first.ETag, newTag);
        Assert.Equal(newTag, now.ETag);
        Assert.Equal(2, now.Record.Witnesses.Count); // the winner's change
        Assert.Equal("MY", now.Record.Places.DestinationCountry!.Value); // the loser's change did not land
    }

    [Fact]
    public async Task AddAsync_CreatesOneCase_GivenTheSameKeyAndBodyRetriedAndRacing()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        var intake = Intake("k-fixed-id");
        var claim = Claim("retry-key-1", intake);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => repo.AddAsync(CreateCaseUseCase.Build(intake, Clock(), Zone), "uptd_ppa_ttu", claim)));
        var again = await repo.AddAsync(CreateCaseUseCase.Build(intake, Clock(), Zone), "uptd_ppa_ttu", claim);

        Assert.Single(results, r => r.Outcome == CaseCreateOutcome.Created);
        Assert.All(results.Where(r => r.Outcome != CaseCreateOutcome.Created), r => Assert.Equal(CaseCreateOutcome.Replayed, r.Outcome));
        Assert.Equal(CaseCreateOutcome.Replayed, again.Outcome);
        Assert.Equal("k-fixed-id", again.Case!.Record.Id.Value);
        var raw = await RawRowsAsync(tables);
        Assert.Single(raw, r => r.Contains("/case/", StringComparison.Ordinal));
        Assert.Single(raw, r => r.Contains("/idem|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddAsync_RefusesTheKey_GivenTheSameKeyWithAnotherBody()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        var intake = Intake("k-fixed-id");
        await repo.AddAsync(CreateCaseUseCase.Build(intake, Clock(), Zone), "uptd_ppa_ttu", Claim("retry-key-2", intake));
        var before = await RawRowsAsync(tables);

        var changed = intake with { IntakeChannel = "hotline" };
        var result = await repo.AddAsync(CreateCaseUseCase.Build(changed, Clock(), Zone), "uptd_ppa_ttu", Claim("retry-key-2", changed));

        Assert.Equal(CaseCreateOutcome.KeyReusedWithDifferentRequest, result.Outcome);
        Assert.Null(result.Case);
        Assert.Equal(before, await RawRowsAsync(tables));
    }

    [Fact]
    public async Task AddAsync_RefusesATakenId_GivenNoKey()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        await repo.AddAsync(Record(), "uptd_ppa_ttu", null);
        var before = await RawRowsAsync(tables);

        var result = await repo.AddAsync(Record(), "dinsos_ttu", null);

        Assert.Equal(CaseCreateOutcome.IdAlreadyExists, result.Outcome);
        Assert.Equal(before, await RawRowsAsync(tables));
    }

    [Fact]
    public async Task IdempotencyRecord_HoldsAKeyedFingerprint_NotTheRequest()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        var intake = Intake("k-fixed-id");

        await repo.AddAsync(CreateCaseUseCase.Build(intake, Clock(), Zone), "uptd_ppa_ttu", Claim("fp-key", intake));

        var idem = (await tables.Cases.GetEntityAsync<TableEntity>(TableKeys.CasePartition("k-fixed-id"), TableKeys.IdempotencyRow(CreateCaseUseCase.Operation, "fp-key"))).Value;
        string fingerprint = idem.GetString("Fingerprint")!;
        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
        string plainHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(intake, TaskForceJson.Options)));
        Assert.NotEqual(plainHash, fingerprint); // keyed: cannot be tested against guesses without the key
        Assert.Equal("k-fixed-id", idem.GetString("CaseId"));
    }

    [Fact]
    public async Task ListAsync_PagesThroughMatchingCasesInKeyOrder_GivenASpecification()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        var plain = Intake() with { Victims = [], Suspects = [], Witnesses = [], Consent = null };
        (string Id, string Region, string Type, int Day)[] cases =
        [
            ("c01", "53.03", "tppo", 1), ("c02", "53.03.01", "tppo", 2), ("c03", "53.04", "tppo", 3), ("c04", "53.03", "violence_against_women", 4),
            ("c05", "53.03", "tppo", 5), ("c06", "53.03.05", "tppo", 6), ("c07", "53.03", "tppo", 7), ("c08", "53.71", "violence_against_children", 8),
        ];
        foreach (var (id, region, type, day) in cases)
        {
            var intake = plain with { Id = id, Region = region, CaseType = type, ReportedAt = Instant.FromUtc(2026, 2, day, 2, 0), OffenceDate = new LocalDate(2026, 1, 1), Elements = id is "c03" or "c08" ? null : plain.Elements };
            await repo.AddAsync(CreateCaseUseCase.Build(intake, Clock(), Zone), "uptd_ppa_ttu", null);
        }

        // TPPO cases in 53.03 (kecamatan included) reported 2 to 7 February: c02, c05, c06, c07.
        var spec = new CaseListSpec(new CaseListFilter { Region = RegionCode.Parse("53.03"), CaseType = CaseType.Tppo, ReportedFrom = new LocalDate(2026, 2, 2), ReportedTo = new LocalDate(2026, 2, 7) });
        var seen = new List<string>();
        string? after = null;
        int pages = 0;
        do
        {
            var page = await repo.ListAsync(spec, after, 2);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.Id));
            after = page.ResumeAfter;
            pages++;
        }
        while (after is not null && pages < 10);

        Assert.Equal(["c02", "c05", "c06", "c07"], seen);
        // Act + means + purpose recorded: actual victim (Pasal 2(1)); no element recorded (c03, c08): not a victim.
        var none = await repo.ListAsync(new CasesWithTraffickingStatusSpec(TraffickingStatus.NotAVictim), null, 100);
        Assert.Equal(["c03", "c08"], none.Items.Select(i => i.Id));
        Assert.Null(none.ResumeAfter);
        var actual = await repo.ListAsync(new CasesWithTraffickingStatusSpec(TraffickingStatus.ActualVictim), null, 100);
        Assert.Equal(6, actual.Items.Count);
    }
}
