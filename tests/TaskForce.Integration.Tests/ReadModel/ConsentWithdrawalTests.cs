using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.ReadModel;

/// <summary>Withdrawal of a victim's consent on cases stored in Table Storage (Azurite; issue 13 item 4, ADR-018):
/// reporting consent withdrawn leaves the next snapshot's <c>victims_identified</c> and the hidden-victim lists while the
/// snapshot stored before stays as it was; sharing consent withdrawn stops referrals, read from the case row.</summary>
[Collection(StorageGroup.Name)]
public sealed class ConsentWithdrawalTests(AzuriteFixture storage)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 1, 1, 0); // 2026-02-01 09:00 WITA
    private static readonly RegionCode Ttu = RegionCode.Parse("53.03");
    private static readonly LinkageSecret Secret = LinkageSecret.Parse(Convert.ToBase64String(new byte[32]));
    private static readonly Caller Worker = CaseTestData.Caller("cw-17", "uptd_ppa_ttu", "case_worker");

    private sealed record Store(TableCaseRepository Cases, TableWorkflowRepository Workflows, CaseFactProjector Projector, ICaseRepository Maintained);

    private static Store Open(TaskForceTables tables)
    {
        var cases = new TableCaseRepository(tables, CaseTestData.SharedProtector, DistrictTime.DefaultZone);
        var workflows = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        var projector = new CaseFactProjector(cases, workflows, new TableCaseFactStore(tables, CaseTestData.SharedProtector), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        return new Store(cases, workflows, projector, new FactMaintainingCaseRepository(cases, projector));
    }

    private static CaseIntake Intake(string id, string agencyKind, Instant reportedAt, params NewVictim[] victims) => new()
    {
        Id = id,
        Region = "53.03",
        CaseType = "tppo",
        ReportingAgency = new NewAgency(agencyKind, agencyKind == "police" ? "Polres TTU" : "UPTD PPA Kabupaten TTU"),
        IntakeChannel = "walk_in",
        ReportedAt = reportedAt,
        OffenceDate = DistrictTime.BusinessDate(reportedAt, DistrictTime.DefaultZone).PlusDays(-10),
        Victims = victims,
        Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] },
        Places = new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" },
        Consent = new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "parent_or_guardian" },
    };

    private static NewVictim Girl(string nik, string name) => new()
    {
        Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID",
        Identity = new NewIdentity { FullName = name, NationalIdNumber = nik },
    };

    private static NewVictim Man() => new() { Sex = "male", AgeAtOffence = 24 };

    /// <summary>Two 2025 cases: 25a (UPTD PPA) Yohana and a man; 25c (police) Maria and a man; all consented at intake.</summary>
    private static async Task<Store> SeedAsync(TaskForceTables tables)
    {
        var s = Open(tables);
        var clock = new FakeClock(Now);
        await s.Maintained.AddAsync(CreateCaseUseCase.Build(Intake("case-25a", "uptd_ppa", Instant.FromUtc(2025, 4, 1, 2, 0), Girl("5303014105080001", "Yohana Sanam"), Man()), clock, DistrictTime.DefaultZone), "uptd_ppa_ttu", null);
        await s.Maintained.AddAsync(CreateCaseUseCase.Build(Intake("case-25c", "police", Instant.FromUtc(2025, 8, 1, 2, 0), Girl("5303014105080002", "Maria Taek"), Man()), clock, DistrictTime.DefaultZone), "polres_ttu", null);
        return s;
    }

    private static SnapshotUseCase Snapshots(TaskForceTables tables, Store s, Instant now) =>
        new(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), new ReadModelCaseFactSource(s.Projector), null, new ReadModelCaseFactSource(s.Projector), Secret,
            new FakeClock(now), DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);

    private static async Task<List<string>> ListedAsync(Store s)
    {
        var ids = new List<string>();
        await foreach (var l in s.Projector.Store.ReadListEntriesAsync(2025, Ttu))
        {
            ids.Add(l.Entry.RecordId);
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static async Task<string> ETagAsync(Store s, string id) => (await s.Cases.GetAsync(CaseId.Parse(id)))!.ETag;

    private static ConsentChangeRequest Consent(bool reporting, bool sharing) =>
        new() { ForServices = true, ForReporting = reporting, ForSharing = sharing, GivenBy = "parent_or_guardian", Reason = "Wali korban menarik persetujuan" };

    [Fact]
    public async Task Withdrawal_RemovesTheVictimFromTheNextSnapshotAndTheLists_GivenAStoredEarlierSnapshot()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        var earlier = await Snapshots(tables, s, Now).ComputeAndStoreAsync(Ttu, ReportingPeriod.Parse("2025"), 1);
        // Persons in 2025: Yohana, Maria and the two men (no identity: each a person of his own).
        Assert.Equal(4m, new SnapshotReader(earlier.Stored.Json).Value("victims_identified"));
        Assert.Equal(["case-25a/victim-1", "case-25a/victim-2", "case-25c/victim-1", "case-25c/victim-2"], await ListedAsync(s));

        // Yohana is 17 on 2026-02-01 (born 2008-05-01): her guardian withdraws her consent to reporting.
        var useCase = new RecordConsentUseCase(s.Maintained, new FakeClock(Now.Plus(Duration.FromDays(1))));
        var result = await useCase.RecordAsync("case-25a", "victim-1", Consent(reporting: false, sharing: true), await ETagAsync(s, "case-25a"), Worker);

        Assert.False(result.Consent.ForReporting);
        Assert.True(result.Consent.ReportingWithdrawn);
        Assert.Contains("victim_consents[victim-1].for_reporting", result.ChangedFields);
        var later = await Snapshots(tables, s, Now.Plus(Duration.FromDays(2))).ComputeAndStoreAsync(Ttu, ReportingPeriod.Parse("2025"), 1);
        Assert.True(later.Created);
        Assert.Equal(3m, new SnapshotReader(later.Stored.Json).Value("victims_identified"));
        Assert.Equal(2m, new SnapshotReader(later.Stored.Json).Value("cases_reported")); // the case still counts: the man consents
        Assert.Equal(["case-25a/victim-2", "case-25c/victim-1", "case-25c/victim-2"], await ListedAsync(s));

        // The snapshot stored before the withdrawal is not rewritten.
        var stored = await new TableSnapshotRepository(tables).ListAsync("53.03", "2025");
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, x => x.Json == earlier.Stored.Json);
        Assert.Equal(4m, new SnapshotReader(stored.Single(x => x.GeneratedAt == earlier.Stored.GeneratedAt).Json).Value("victims_identified"));

        // The history row of the change is in the case partition, the reason not in clear.
        var history = (await s.Cases.ReadAsync(CaseId.Parse("case-25a"), includeIdentity: false))!;
        var change = Assert.Single(history).Change;
        Assert.Equal((CaseChangeKind.ConsentRecorded, "victim-1"), (change.Kind, change.PersonId));
        Assert.DoesNotContain(await CaseTestData.RawRowsAsync(tables), r => r.Contains("Wali korban menarik", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rebuild_WritesTheMaintainedRows_GivenAWithdrawal()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        // Consent is recorded by the owning agency (ADR-020): case-25c is the police's.
        await new RecordConsentUseCase(s.Maintained, new FakeClock(Now)).RecordAsync("case-25c", "victim-1", Consent(reporting: false, sharing: true), await ETagAsync(s, "case-25c"), CaseTestData.Caller("pi-4", "polres_ttu", "police_investigator"));
        var maintained = await RowsAsync(tables, s);

        await new RebuildFactsUseCase(s.Cases, s.Projector, new FakeClock(Now)).RebuildAsync();

        Assert.Equal(maintained, await RowsAsync(tables, s));
        Assert.DoesNotContain("case-25c/victim-1", maintained, StringComparison.Ordinal);
        Assert.Contains("case-25c/victim-2", maintained, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_IsRefused_AfterAVictimWithdrawsSharing()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        var clock = new FakeClock(Now);
        var start = new StartWorkflowUseCase(s.Workflows, s.Cases, WorkflowRegistry.Default, clock, DistrictTime.DefaultZone);
        var transition = new TransitionWorkflowUseCase(s.Workflows, s.Cases, WorkflowRegistry.Default, clock, DistrictTime.DefaultZone, NullLogger<TransitionWorkflowUseCase>.Instance);
        var uptd = Actor.Create("staff-uptd-1", "uptd_ppa_ttu");
        var hospital = Actor.Create("staff-rsud-1", "rsud_kefamenanu");
        static WorkflowStartFacts Referral() => new() { ReferralKind = ReferralKind.Referral, FromAgency = "uptd_ppa_ttu", ToAgency = "rsud_kefamenanu" };
        await start.StartAsync(new StartWorkflowCommand("case-25a", "referral", "ref-1", uptd) { Facts = Referral() });

        // The man (victim-2) withdraws his consent to share; Yohana's stands.
        await new RecordConsentUseCase(s.Maintained, clock).RecordAsync("case-25a", "victim-2", Consent(reporting: true, sharing: false), await ETagAsync(s, "case-25a"), Worker);

        Assert.Equal(ConsentToShare.Withdrawn, (await s.Cases.ReadAsync("case-25a"))!.ConsentToShare);
        var accept = await Assert.ThrowsAsync<IllegalTransitionException>(() => transition.TransitionAsync(new TransitionCommand("case-25a", "referral", "ref-1", "accepted", hospital)));
        Assert.Contains("withdrawn", accept.Refusal, StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<DomainValidationException>(() => start.StartAsync(new StartWorkflowCommand("case-25a", "referral", "ref-2", uptd) { Facts = Referral() }));
        Assert.Equal("consent_to_share", again.Field);
        Assert.Contains("withdrawn", again.Message, StringComparison.Ordinal);
        // Rejecting stays possible, so the withdrawal can be acted on.
        await transition.TransitionAsync(new TransitionCommand("case-25a", "referral", "ref-1", "rejected", hospital) { Reason = "consent withdrawn" });

        // Another case, whose victims all consent, is still referred.
        await start.StartAsync(new StartWorkflowCommand("case-25c", "referral", "ref-3", Actor.Create("staff-polres-1", "polres_ttu")) { Facts = Referral() with { FromAgency = "polres_ttu" } });
    }

    [Fact]
    public async Task RecordAsync_WritesNothing_GivenNoIfMatchOrAStaleOne()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        var useCase = new RecordConsentUseCase(s.Maintained, new FakeClock(Now));
        string etag = await ETagAsync(s, "case-25a");

        await Assert.ThrowsAsync<PreconditionRequiredException>(() => useCase.RecordAsync("case-25a", "victim-1", Consent(false, false), null, Worker));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => useCase.RecordAsync("case-25a", "victim-1", Consent(false, false), "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"", Worker));
        var self = await Assert.ThrowsAsync<DomainValidationException>(() => useCase.RecordAsync("case-25a", "victim-1", Consent(false, false) with { GivenBy = "self" }, etag, Worker));

        Assert.Equal("given_by", self.Field); // 17 on 2026-02-01
        Assert.Equal(etag, await ETagAsync(s, "case-25a"));
        Assert.Empty((await s.Cases.ReadAsync(CaseId.Parse("case-25a"), includeIdentity: false))!);
    }

    [Fact]
    public async Task GetAsync_GivesEveryVictimTheCaseConsent_GivenARowStoredBeforeConsentPerVictim()
    {
        var tables = await storage.NewTablesAsync();
        var s = await SeedAsync(tables);
        // The row as written before ADR-018: no VictimConsents, no ConsentToShare; the case-level consent only.
        var row = (await tables.Cases.GetEntityAsync<TableEntity>(TableKeys.CasePartition("case-25a"), TableKeys.CaseRow)).Value;
        row.Remove("VictimConsents");
        row.Remove("ConsentToShare");
        await tables.Cases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var stored = (await s.Cases.GetAsync(CaseId.Parse("case-25a")))!;

        Assert.Equal(2, stored.Record.VictimConsents.Count);
        Assert.All(stored.Record.VictimConsents.Values, c => Assert.Equal((true, true, true, ConsentGiver.ParentOrGuardian, Now), (c.ForServices, c.ForReporting, c.ForSharing, c.GivenBy, c.RecordedAt)));
        Assert.Equal(ConsentToShare.Given, (await s.Cases.ReadAsync("case-25a"))!.ConsentToShare);
        // The first change writes the per-victim form.
        await new RecordConsentUseCase(s.Maintained, new FakeClock(Now)).RecordAsync("case-25a", "victim-2", Consent(reporting: true, sharing: false), stored.ETag, Worker);
        Assert.Equal(ConsentToShare.Withdrawn, (await s.Cases.ReadAsync("case-25a"))!.ConsentToShare);
    }

    private static async Task<string> RowsAsync(TaskForceTables tables, Store s)
    {
        var lines = new List<string>();
        await foreach (var e in tables.CaseFacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"f|"} and PartitionKey lt {"f}"}")))
        {
            lines.Add($"{e.PartitionKey}|{e.RowKey} {e.GetString("KeyId")} {e.GetString("Json")}");
        }

        await foreach (var l in s.Projector.Store.ReadListEntriesAsync(2025, Ttu))
        {
            lines.Add($"l|2025 {l.CaseId} {l.ReportedOn} {l.Entry.RecordId}");
        }

        return string.Join('\n', lines);
    }
}
