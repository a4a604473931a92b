using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Subjects;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;
using TaskForce.Functions;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>Requests of the person recorded on Azurite (UU 27/2022; ADR-019): the access export holds every field,
/// erasure leaves no identity value readable in any row of any table (raw rows read, every protected column
/// decrypted with the configured key) while the snapshot counts stay the same, and every request is logged.</summary>
[Collection(StorageGroup.Name)]
public sealed class DataSubjectRequestTests(AzuriteFixture storage)
{
    private const string Owner = "uptd_ppa_ttu";
    private const string OtherVictim = "Maria Abi"; // added to case 1 later; not erased
    private const string ReasonNamingHer = "Koreksi: umur Yohana Sanam dihitung ulang";
    private static readonly Caller Coordinator = Caller("coord-1", "gugus_tugas_ttu", "coordinator");
    private static readonly Caller Worker = Caller("cw-17", Owner, "case_worker");
    private static readonly DataSubjectQuery ByNik = new() { NationalIdNumber = VictimNik };

    // Yohana Sanam's values: each must be unreadable after erasure (her birth date as stored in JSON and as a date).
    private static readonly string[] Bindings = ["identity", "history", "reason", "result"];

    private static readonly string[] HerValues = [VictimName, VictimAlias, VictimNik, VictimAddress, VictimPhone, VictimBirthPlace, "2008-05-01"];

    private sealed record Store(ServiceProvider Provider, TaskForceTables Tables, IdentityProtector Protector)
    {
        public T Get<T>()
            where T : notnull => Provider.GetRequiredService<T>();
    }

    private async Task<Store> NewStoreAsync(bool retain = true)
    {
        var tables = await storage.NewTablesAsync();
        var settings = new Dictionary<string, string?>
        {
            ["TASKFORCE_STORAGE"] = storage.ConnectionString,
            ["TaskForce:IdentityKey"] = NewKey(),
            ["TaskForce:Erasure:RetainUnderCriminalProceedings"] = retain ? "true" : "false",
        };
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(tables);
        var clock = Clock();
        clock.AutoAdvance = Duration.FromSeconds(1); // each request at its own instant: the log lists newest first
        services.AddSingleton<IClock>(clock);
        var provider = services.AddTaskForceFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        return new Store(provider, tables, provider.GetRequiredService<IdentityProtector>());
    }

    /// <summary>Intake of two cases where Yohana Sanam appears (case 1 at intake, with an Idempotency-Key; case 2
    /// added later as victim-2), and amendments: case 1's offence date corrected with a reason naming her, another
    /// victim added to case 1.</summary>
    private static async Task<string> SeedAsync(Store s)
    {
        var create = s.Get<CreateCaseUseCase>();
        string one1 = (await create.ExecuteAsync(Intake(null), "key-001", Worker)).Case!.Record.Id.Value; // id derived from the key
        await create.ExecuteAsync(Intake("case-ttu-002") with { Victims = [new NewVictim { Sex = "male", AgeAtOffence = 24, Citizenship = "ID" }], Witnesses = [], Suspects = [] }, null, Worker);

        var cases = s.Get<ICaseRepository>();
        var one = (await cases.GetAsync(CaseId.Parse(one1)))!;
        one.Record.RecordOffenceDate(new LocalDate(2025, 4, 1), ChangeContext.Create(Actor.Create("cw-17", Owner), ReasonNamingHer, Clock()));
        one.Record.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 15, Identity = new NewIdentity { FullName = OtherVictim } }, ChangeContext.Create(Actor.Create("cw-17", Owner), null, Clock()));
        await cases.UpdateAsync(one.Record, one.OwnerAgency, one.ETag);

        var two = (await cases.GetAsync(CaseId.Parse("case-ttu-002")))!;
        two.Record.AddVictim(Intake().Victims![0], ChangeContext.Create(Actor.Create("cw-17", Owner), null, Clock()));
        await cases.UpdateAsync(two.Record, two.OwnerAgency, two.ETag);
        return one1;
    }

    private static string[] Expected(string caseOne) => [.. new[] { caseOne + "/victim-1", "case-ttu-002/victim-2" }.Order(StringComparer.Ordinal)];

    private static async Task<string> IndicatorsAsync(Store s, string period)
    {
        var snapshot = await s.Get<SnapshotUseCase>().ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse(period), 1);
        return JsonNode.Parse(SnapshotJson.Write(snapshot))!["indicators"]!.ToJsonString();
    }

    [Fact]
    public async Task Access_ExportsEveryFieldOfEveryRecord_GivenThePersonInTwoCases()
    {
        var s = await NewStoreAsync();
        string one = await SeedAsync(s);

        var export = await s.Get<SubjectAccessUseCase>().ExecuteAsync(ByNik, Coordinator);

        Assert.Equal("national_id_number", export.MatchedBy);
        Assert.Equal(Expected(one), export.Records.Select(r => $"{r.CaseId}/{r.PersonId}"));
        foreach (var r in export.Records)
        {
            // Field by field, as sent at intake (CaseTestData.Intake's first victim).
            var v = r.Victim!;
            Assert.Equal("victim", r.Role);
            Assert.Null(r.Suspect);
            Assert.Equal("female", v.Sex);
            Assert.Equal(new LocalDate(2008, 5, 1), v.BirthDate);
            Assert.Equal("ID", v.Citizenship);
            Assert.False(v.Disability);
            Assert.Equal("non_procedural", v.MigrantWorkerStatus);
            Assert.False(v.Unborn);
            Assert.Equal(VictimName, v.Identity.FullName);
            Assert.Equal([VictimAlias], v.Identity.Aliases);
            Assert.Equal(VictimNik, v.Identity.NationalIdNumber);
            Assert.Equal(VictimAddress, v.Identity.Address);
            Assert.Equal(VictimPhone, v.Identity.Phone);
            Assert.Equal(VictimBirthPlace, v.Identity.BirthPlace);
            Assert.Equal("53.03", r.Case.Region.Value);
            Assert.Equal(Owner, r.Case.OwnerAgency);
            Assert.False(r.Case.IdentityVisible); // the case itself: every person's identity redacted
            Assert.All(r.Case.Victims.Where(x => x.Identity.FullName is not null), x => Assert.Equal("[redacted]", x.Identity.FullName));
        }

        // Case 1: born 2008-05-01, offence corrected to 2025-04-01: 16 (was 17 at 2025-11-20).
        var first = export.Records.Single(r => r.CaseId == one);
        Assert.Equal(16, first.Victim!.AgeAtOffence);
        Assert.Equal(CaseType.Tppo, first.Case.CaseType);
        Assert.Equal(new LocalDate(2025, 4, 1), first.Case.OffenceDate);
        var corrected = Assert.Single(first.History); // the offence-date change touches her age; the added victim is not about her
        Assert.Equal("offence_date_recorded", corrected.Kind);
        Assert.Equal(ReasonNamingHer, corrected.Reason);
        Assert.Equal(["offence_date", "victims[victim-1].age_at_offence"], corrected.Fields.Select(f => f.Path));
        Assert.Equal(("17", "16"), (corrected.Fields[1].OldJson, corrected.Fields[1].NewJson));

        // Case 2: she was added later; the history entry holds her values.
        var added = Assert.Single(export.Records.Single(r => r.CaseId == "case-ttu-002").History);
        Assert.Equal("person_added", added.Kind);
        Assert.Equal("\"" + VictimNik + "\"", added.Fields.Single(f => f.Path == "victims[victim-2].identity.national_id_number").NewJson);
        Assert.Equal("\"2008-05-01\"", added.Fields.Single(f => f.Path == "victims[victim-2].birth_date").NewJson);

        var byName = await s.Get<SubjectAccessUseCase>().ExecuteAsync(new DataSubjectQuery { FullName = "yohana  SANAM", BirthDate = new LocalDate(2008, 5, 1) }, Coordinator);
        Assert.Equal(2, byName.Records.Count);
        Assert.Empty((await s.Get<SubjectAccessUseCase>().ExecuteAsync(new DataSubjectQuery { FullName = VictimName, BirthDate = new LocalDate(2008, 5, 2) }, Coordinator)).Records);
    }

    [Fact]
    public async Task Erase_LeavesNoReadableIdentityInAnyTable_AndTheSameCounts_GivenAFullScenario()
    {
        var s = await NewStoreAsync();
        string one = await SeedAsync(s);
        await s.Get<SubjectAccessUseCase>().ExecuteAsync(ByNik, Coordinator);
        string before2025 = await IndicatorsAsync(s, "2025");
        string before2026 = await IndicatorsAsync(s, "2026");
        var beforeDecrypted = await DecryptEveryProtectedColumnAsync(s);
        Assert.Contains(beforeDecrypted, t => t.Contains(VictimNik, StringComparison.Ordinal)); // the scan can see her before

        var result = await s.Get<SubjectErasureUseCase>().ExecuteAsync(ByNik, Coordinator);

        Assert.Equal("completed", result.Outcome);
        Assert.Equal(Expected(one), result.Records);

        // 1. Raw rows of every table: none of her values in clear; no other person's either (store-wide scan).
        var raw = await RawRowsOfEveryTableAsync(s.Tables);
        Assert.Contains(raw, r => r.StartsWith("subjectrequests/", StringComparison.Ordinal));
        Assert.Contains(raw, r => r.StartsWith("casefacts/l|", StringComparison.Ordinal)); // victim-list rows exist
        foreach (string secret in Secrets.Append(OtherVictim).Append("umur Yohana"))
        {
            Assert.DoesNotContain(raw, r => r.Contains(secret, StringComparison.Ordinal));
        }

        // 2. Every protected column decrypted with the configured key: nothing yields her values, while the others'
        //    values are still there (the scan really decrypts).
        var decrypted = await DecryptEveryProtectedColumnAsync(s);
        Assert.Contains(decrypted, t => t.Contains(SuspectName, StringComparison.Ordinal));
        Assert.Contains(decrypted, t => t.Contains(OtherVictim, StringComparison.Ordinal));
        foreach (string value in HerValues.Append("umur Yohana"))
        {
            Assert.DoesNotContain(decrypted, t => t.Contains(value, StringComparison.Ordinal));
        }

        // 3. The counts are the same (she is still one victim across both cases, under her random pseudonym).
        Assert.Equal(before2025, await IndicatorsAsync(s, "2025"));
        Assert.Equal(before2026, await IndicatorsAsync(s, "2026"));
        await s.Get<RebuildFactsUseCase>().RebuildAsync();
        Assert.Equal(before2026, await IndicatorsAsync(s, "2026")); // and after a rebuild of the read model

        // 4. The erasure is in each case's history: paths, no value, no reason; the person keeps her other facts.
        var history = (await s.Get<ICaseHistory>().ReadAsync(CaseId.Parse(one), includeIdentity: true))!;
        var erased = history[^1].Change;
        Assert.Equal(CaseChangeKind.IdentityErased, erased.Kind);
        Assert.Equal("victim-1", erased.PersonId);
        Assert.Null(erased.Reason);
        Assert.Equal(
            ["victims[victim-1].identity.full_name", "victims[victim-1].identity.aliases", "victims[victim-1].identity.national_id_number", "victims[victim-1].identity.address", "victims[victim-1].identity.phone", "victims[victim-1].identity.birth_place", "victims[victim-1].birth_date"],
            erased.FieldPaths);
        Assert.All(erased.Fields, f => Assert.True(f.Identifying && f.OldJson is null && f.NewJson is null));
        Assert.Null(history[0].Change.Reason); // the earlier correction's reason named her: gone
        var victim = (await s.Get<ICaseRepository>().GetAsync(CaseId.Parse(one)))!.Record.Victims[0];
        Assert.Equal((TaskForce.Domain.CourtOutcomes.Sex.Female, 16, (string?)null), (victim.Sex, victim.AgeAtOffence, victim.Identity.FullName));

        // 5. A second request finds nothing; the log lists all three requests, newest first, with no value.
        Assert.Equal("not_found", (await s.Get<SubjectErasureUseCase>().ExecuteAsync(ByNik, Coordinator)).Outcome);
        var log = await s.Get<ListSubjectRequestsUseCase>().ExecuteAsync(null, Coordinator);
        Assert.Equal(3, log.Items.Count);
        Assert.Equal([("erasure", "not_found"), ("erasure", "completed"), ("access", "completed")], log.Items.Select(i => (i.Kind, i.Outcome)));
        Assert.All(log.Items, i => Assert.Equal("coord-1", i.HandledBy));
    }

    [Fact]
    public async Task Erase_RefusesAndErasesNothing_GivenACaseUnderCriminalProceedings()
    {
        var s = await NewStoreAsync();
        await SeedAsync(s);
        var cases = s.Get<ICaseRepository>();
        var two = (await cases.GetAsync(CaseId.Parse("case-ttu-002")))!;
        two.Record.RecordSpdpSent(new LocalDate(2026, 3, 5), Clock(), Zone, ChangeContext.Create(Actor.Create("pol-1", "polres_ttu"), null, Clock()));
        await cases.UpdateAsync(two.Record, two.OwnerAgency, two.ETag);

        var refused = await Assert.ThrowsAsync<ErasureRefusedException>(() => s.Get<SubjectErasureUseCase>().ExecuteAsync(ByNik, Coordinator));

        Assert.Equal("criminal_proceedings", refused.ReasonCode);
        Assert.Equal(["case-ttu-002"], refused.Cases);
        Assert.Equal(2, (await s.Get<SubjectAccessUseCase>().ExecuteAsync(ByNik, Coordinator)).Records.Count); // nothing erased
        var log = await s.Get<ListSubjectRequestsUseCase>().ExecuteAsync(null, Coordinator);
        Assert.Equal(("erasure", "refused_retention", "criminal_proceedings"), (log.Items[1].Kind, log.Items[1].Outcome, log.Items[1].Detail));

        var off = await NewStoreAsync(retain: false);
        await SeedAsync(off);
        var two2 = (await off.Get<ICaseRepository>().GetAsync(CaseId.Parse("case-ttu-002")))!;
        two2.Record.RecordSpdpSent(new LocalDate(2026, 3, 5), Clock(), Zone, ChangeContext.Create(Actor.Create("pol-1", "polres_ttu"), null, Clock()));
        await off.Get<ICaseRepository>().UpdateAsync(two2.Record, two2.OwnerAgency, two2.ETag);
        Assert.Equal("completed", (await off.Get<SubjectErasureUseCase>().ExecuteAsync(ByNik, Coordinator)).Outcome); // the rule turned off
    }

    [Theory]
    [InlineData("case_worker")]
    [InlineData("statistician")]
    [InlineData("police_investigator")]
    public async Task Requests_AreRefused_GivenAnyRoleButTheCoordinator(string role)
    {
        var s = await NewStoreAsync();
        var caller = Caller("u-1", Owner, role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Get<SubjectAccessUseCase>().ExecuteAsync(ByNik, caller));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Get<SubjectErasureUseCase>().ExecuteAsync(ByNik, caller));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Get<ListSubjectRequestsUseCase>().ExecuteAsync(null, caller));
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("{\"national_id_number\": \"12\"}", "national_id_number")]
    [InlineData("{\"full_name\": \"Yohana Sanam\"}", "birth_date")]
    public async Task Access_RefusesNamingTheField_GivenAnIncompleteQuery(string json, string field)
    {
        var s = await NewStoreAsync();
        var query = TaskForce.Application.Serialization.InputJson.Read<DataSubjectQuery>(Encoding.UTF8.GetBytes(json))!;

        var e = await Assert.ThrowsAsync<DomainValidationException>(() => s.Get<SubjectAccessUseCase>().ExecuteAsync(query, Coordinator));

        Assert.Equal(field, e.Field);
        Assert.Empty((await s.Get<ListSubjectRequestsUseCase>().ExecuteAsync(null, Coordinator)).Items); // nothing logged
    }

    /// <summary>Every row of every table of the store (listed from the service by the test's prefix) as text.</summary>
    private static async Task<List<string>> RawRowsOfEveryTableAsync(TaskForceTables tables)
    {
        string prefix = tables.Cases.Name[..^"cases".Length];
        var rows = new List<string>();
        await foreach (var t in tables.Service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            var client = tables.Service.GetTableClient(t.Name);
            await foreach (var e in client.QueryAsync<TableEntity>())
            {
                rows.Add(t.Name[prefix.Length..] + "/" + e.PartitionKey + "/" + e.RowKey + "/" + string.Join(";", e.Keys.Where(k => k is not "Timestamp" and not "odata.etag").Select(k => k + "=" + Convert.ToString(e[k], System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        Assert.True(rows.Count > 10, "the scan found the store's rows");
        return rows;
    }

    /// <summary>Tries the configured key on every column that holds a protected value (a column with a key-id
    /// companion), with every place binding the store uses; returns each plaintext.</summary>
    private static async Task<List<string>> DecryptEveryProtectedColumnAsync(Store s)
    {
        string prefix = s.Tables.Cases.Name[..^"cases".Length];
        var plain = new List<string>();
        await foreach (var t in s.Tables.Service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            await foreach (var e in s.Tables.Service.GetTableClient(t.Name).QueryAsync<TableEntity>())
            {
                foreach (var (column, value) in e.Where(kv => kv.Value is string).Select(kv => (kv.Key, (string)kv.Value)))
                {
                    string? keyId = e.Keys.Where(k => k.EndsWith("KeyId", StringComparison.Ordinal) && k != column).Select(k => e.GetString(k)).FirstOrDefault(k => k is not null && k == s.Protector.CurrentKeyId);
                    if (keyId is null || value.Length < 40)
                    {
                        continue;
                    }

                    foreach (string place in Bindings.Select(f => $"{e.PartitionKey}|{e.RowKey}|{f}").Append($"{e.PartitionKey}|{e.RowKey}"))
                    {
                        try
                        {
                            plain.Add(Encoding.UTF8.GetString(s.Protector.Unprotect(keyId, value, place)));
                        }
                        catch (IdentityProtectionException)
                        {
                            // another binding, or not a protected value
                        }
                    }
                }
            }
        }

        return plain;
    }
}
