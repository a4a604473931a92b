using TaskForce.Integration.Tests.Cases;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.Workflows;

/// <summary>Workflow instances in the case partition (ADR-007) through the start and transition use cases, against Azurite.</summary>
[Collection(StorageGroup.Name)]
public sealed class WorkflowStorageTests(AzuriteFixture storage)
{
    // 2026-01-05T01:00Z is 09:00 WITA on Monday 5 January 2026.
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 1, 0);

    [Fact]
    public async Task Transition_WritesStateRowAndOneEventRowPerChange_GivenACaseNumberWithSlashesAsSubject()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-001", TestCaseFacts.Plain with { SpdpSentOn = D(2026, 1, 3) });
        const string subject = "27/Pid.Sus/2019/PN Kpg";

        var (started, created) = await h.StartAsync("case-001", "criminal_justice", subject, Police, effectiveOn: D(2026, 1, 2));
        await h.MoveAsync("case-001", "criminal_justice", subject, "penyelidikan", Police, effectiveOn: D(2026, 1, 3));
        var last = await h.MoveAsync("case-001", "criminal_justice", subject, "penyidikan", Police, reason: "SPDP sent to Kejari TTU");

        Assert.True(created);
        Assert.Equal(1, started.Version);
        Assert.Equal("penyelidikan", last.From);
        Assert.Equal("penyidikan", last.State);
        Assert.Equal(3, last.Version);

        var rows = (await TableRows.AllAsync(h.Tables.Cases)).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        Assert.All(rows, r => Assert.Equal("case-001", r.PartitionKey));
        // Keys escaped by hand per ADR-001: '_' = 0x5F, '/' = 0x2F, ' ' = 0x20.
        const string stateKey = "wf|criminal_5Fjustice|27_2FPid.Sus_2F2019_2FPN_20Kpg";
        Assert.Equal([stateKey, stateKey + "|ev|000001", stateKey + "|ev|000002", stateKey + "|ev|000003"], rows.Select(r => r.RowKey));

        var state = rows[0];
        Assert.Equal("workflow", state.GetString("Kind"));
        Assert.Equal("penyidikan", state.GetString("State"));
        Assert.Equal(3, state.GetInt32("Version"));
        Assert.Equal("{\"spdp_sent_on\":\"2026-01-03\",\"suspect_id\":null}", state.GetString("Context")); // no suspect recorded (ADR-023)
        Assert.Equal(last.ETag, state.ETag.ToString());

        Assert.Equal([null, "laporan_polisi", "penyelidikan"], rows.Skip(1).Select(r => r.GetString("From")));
        Assert.Equal(["laporan_polisi", "penyelidikan", "penyidikan"], rows.Skip(1).Select(r => r.GetString("To")));
        Assert.Equal(["2026-01-02", "2026-01-03", "2026-01-05"], rows.Skip(1).Select(r => r.GetString("EffectiveOn")));
        var third = rows[3];
        Assert.Equal("workflow_event", third.GetString("Kind"));
        Assert.Equal(3, third.GetInt32("Sequence"));
        Assert.Equal("staff-polres-1", third.GetString("ActorId"));
        Assert.Equal("polres_ttu", third.GetString("Agency"));
        Assert.Equal("2026-01-05T01:00:00Z", third.GetString("RecordedAtText"));
        // The reason is stored only encrypted (it may name a person: UU 21/2007 Pasal 44) and read back decrypted.
        Assert.Null(third.GetString("Reason"));
        Assert.Equal(CaseTestData.SharedProtector.CurrentKeyId, third.GetString("ReasonKeyId"));
        Assert.DoesNotContain("Kejari", third.GetString("ReasonProtected"), StringComparison.Ordinal);
        Assert.All(rows, r => Assert.DoesNotContain(r, kv => kv.Value is string text && text.Contains("Kejari", StringComparison.Ordinal)));
        Assert.Null(rows[1].GetString("ReasonProtected"));

        var loaded = await h.Repository.LoadAsync("case-001", "criminal_justice", subject);
        Assert.NotNull(loaded);
        Assert.Equal(subject, loaded.SubjectId);
        Assert.Equal([1, 2, 3], loaded.History.Select(e => e.Sequence));
        Assert.Equal(last.Event, loaded.History[^1]);
        Assert.Equal(Now, loaded.History[^1].RecordedAt);
    }

    [Fact]
    public async Task Start_WritesNothingAndReturnsTheStoredInstance_GivenTheSameInstanceTwice()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-002", TestCaseFacts.Plain);
        var facts = new WorkflowStartFacts { RiskLevel = RiskLevel.Sedang };
        var (first, created) = await h.StartAsync("case-002", "case_management", "case-002", Uptd, facts);
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        h.Clock.Advance(Duration.FromHours(1));
        var (second, createdAgain) = await h.StartAsync("case-002", "case_management", "case-002", Uptd, facts);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(Now, second.History.Single().RecordedAt); // the first start's event, not a new one
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
        Assert.Equal("{\"risk_level\":\"sedang\",\"reported_at\":null,\"reassessments\":[]}", second.ContextJson); // reported_at not in these facts (ADR-023)
    }

    [Theory]
    [InlineData("workflow", "case-003", "crimnal_justice", "p21", null, null)]
    [InlineData("to", "case-003", "criminal_justice", "p22", null, null)]
    [InlineData("reason", "case-003", "criminal_justice", "p19", null, null)]
    [InlineData("reason", "case-003", "criminal_justice", "p19", "   ", null)]
    [InlineData("effective_on", "case-003", "criminal_justice", "p21", null, "2026-01-03")] // before the previous change (4 Jan)
    [InlineData("effective_on", "case-003", "criminal_justice", "p21", null, "2026-01-06")] // after today (5 Jan WITA)
    [InlineData("case_id", "  ", "criminal_justice", "p21", null, null)]
    [InlineData("subject_id", "case-003", "criminal_justice", "p21", null, null, "")]
    public async Task Transition_ThrowsNamingTheFieldAndWritesNothing_GivenBadInput(string field, string caseId, string workflow, string to, string? reason, string? effectiveOn, string subject = "lp-1")
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-003", TestCaseFacts.Plain with { SpdpSentOn = D(2026, 1, 4) });
        await h.StartAsync("case-003", "criminal_justice", "lp-1", Police, effectiveOn: D(2026, 1, 2));
        await h.MoveAsync("case-003", "criminal_justice", "lp-1", "penyelidikan", Police, effectiveOn: D(2026, 1, 4));
        await h.MoveAsync("case-003", "criminal_justice", "lp-1", "penyidikan", Police, effectiveOn: D(2026, 1, 4));
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);
        LocalDate? on = effectiveOn is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(effectiveOn).Value;

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => h.MoveAsync(caseId, workflow, subject, to, Police, reason, on));

        Assert.Equal(field, ex.Field);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
        Assert.Equal(3, (await h.Repository.LoadAsync("case-003", "criminal_justice", "lp-1"))!.Version);
    }

    [Fact]
    public async Task Transition_ThrowsIllegalTransitionNamingAllowedTargetsAndWritesNothing_GivenAMoveNotInTheTable()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-004", TestCaseFacts.Plain with { SpdpSentOn = D(2026, 1, 2) });
        await h.StartAsync("case-004", "criminal_justice", "case-004", Police, effectiveOn: D(2026, 1, 2));
        await h.MoveAsync("case-004", "criminal_justice", "case-004", "penyidikan", Police);
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        var ex = await Assert.ThrowsAsync<IllegalTransitionException>(() => h.MoveAsync("case-004", "criminal_justice", "case-004", "putusan_pn", Police));

        Assert.Equal("penyidikan", ex.From);
        Assert.Equal("putusan_pn", ex.To);
        Assert.Equal(["p19", "p21", "sp3", "dpo"], ex.AllowedTargets); // KUHAP rows leaving penyidikan, in table order
        Assert.Null(ex.Refusal);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task Transition_ReadsTheCaseFactsAtEachChange_GivenConsentWithdrawnAfterTheReferralStarted()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-005", TestCaseFacts.Plain);
        var facts = new WorkflowStartFacts { ReferralKind = ReferralKind.Referral, FromAgency = "uptd_ppa_ttu", ToAgency = "rsud_kefamenanu" };
        await h.StartAsync("case-005", "referral", "ref-1", Uptd, facts);
        h.Facts.Set("case-005", TestCaseFacts.Plain with { ConsentToShare = ConsentToShare.Withdrawn });
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        var refused = await Assert.ThrowsAsync<IllegalTransitionException>(() => h.MoveAsync("case-005", "referral", "ref-1", "accepted", Hospital));
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
        // The receiving agency may still reject; revoking is the referring agency's; accepting needs consent.
        Assert.Equal(["rejected"], refused.AllowedTargets);
        Assert.Contains("withdrawn", refused.Refusal, StringComparison.Ordinal);

        var rejected = await h.MoveAsync("case-005", "referral", "ref-1", "rejected", Hospital, reason: "consent withdrawn");
        Assert.Equal("rejected", rejected.State);
        var stored = await h.Repository.LoadAsync("case-005", "referral", "ref-1");
        Assert.Equal("{\"kind\":\"referral\",\"from_agency\":\"uptd_ppa_ttu\",\"to_agency\":\"rsud_kefamenanu\",\"consent\":\"withdrawn\"}", stored!.ContextJson);
    }

    [Fact]
    public async Task Transition_RefusesMediation_GivenATpksCase()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-006", TestCaseFacts.Plain with { IsTpks = true });
        await h.StartAsync("case-006", "service", "svc-mediasi", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.Mediasi });

        var ex = await Assert.ThrowsAsync<IllegalTransitionException>(() => h.MoveAsync("case-006", "service", "svc-mediasi", "accepted", Uptd));

        Assert.Equal(["refused"], ex.AllowedTargets);
        Assert.Contains("UU 12/2022 Pasal 23", ex.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transition_EntersPenyidikanOnlyAfterTheSpdpIsRecordedOnTheCase()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-007", TestCaseFacts.Plain);
        await h.StartAsync("case-007", "criminal_justice", "case-007", Police, effectiveOn: D(2026, 1, 2));

        var ex = await Assert.ThrowsAsync<IllegalTransitionException>(() => h.MoveAsync("case-007", "criminal_justice", "case-007", "penyidikan", Police));
        Assert.Equal(["penyelidikan"], ex.AllowedTargets);

        h.Facts.Set("case-007", TestCaseFacts.Plain with { SpdpSentOn = D(2026, 1, 5) });
        var moved = await h.MoveAsync("case-007", "criminal_justice", "case-007", "penyidikan", Police);
        Assert.Equal(2, moved.Version);
    }

    [Fact]
    public async Task Transition_ThrowsConcurrencyAndWritesNothing_GivenAStaleIfMatch()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-008", TestCaseFacts.Plain);
        var (started, _) = await h.StartAsync("case-008", "restitution", "rst-1", Uptd, new WorkflowStartFacts { RestitutionBasis = RestitutionBasis.Uu21Tahun2007 });
        var first = await h.MoveAsync("case-008", "restitution", "rst-1", "in_tuntutan", Uptd, ifMatch: started.ETag);
        var before = await TableRows.FingerprintAsync(h.Tables.Cases);

        var ex = await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => h.MoveAsync("case-008", "restitution", "rst-1", "ordered", Uptd, ifMatch: started.ETag));

        Assert.Equal("rst-1", ex.SubjectId);
        Assert.Equal(before, await TableRows.FingerprintAsync(h.Tables.Cases));
        var second = await h.MoveAsync("case-008", "restitution", "rst-1", "ordered", Uptd, ifMatch: first.ETag);
        Assert.Equal(3, second.Version);
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task UseCases_ThrowNotFound_GivenAnUnknownInstanceOrCase()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-009", TestCaseFacts.Plain);

        var noInstance = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => h.MoveAsync("case-009", "service", "svc-9", "accepted", Uptd));
        var noCase = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => h.StartAsync("case-unknown", "criminal_justice", "x", Police));

        Assert.Equal("service", noInstance.Workflow);
        Assert.Equal(string.Empty, noCase.Workflow);
        Assert.Empty(await TableRows.AllAsync(h.Tables.Cases));
    }

    [Theory]
    [InlineData("case_management", "risk_level")]
    [InlineData("service", "service_type")]
    [InlineData("referral", "referral_kind")]
    [InlineData("restitution", "restitution_basis")]
    public async Task Start_ThrowsNamingTheMissingFactAndWritesNothing_GivenNoStartFacts(string workflow, string field)
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-010", TestCaseFacts.Plain);

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => h.StartAsync("case-010", workflow, "w-1", Uptd));

        Assert.Equal(field, ex.Field);
        Assert.Empty(await TableRows.AllAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task Start_RefusesAReferralAndWritesNothing_GivenNoConsentToShare()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-011", TestCaseFacts.Plain with { ConsentToShare = ConsentToShare.NotRecorded });

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => h.StartAsync("case-011", "referral", "ref-1", Uptd,
            new WorkflowStartFacts { ReferralKind = ReferralKind.Transfer, FromAgency = "uptd_ppa_ttu", ToAgency = "dinsos_ttu" }));

        Assert.Equal("consent_to_share", ex.Field);
        Assert.Empty(await TableRows.AllAsync(h.Tables.Cases));
    }

    [Fact]
    public async Task ListByCase_ReturnsEveryInstanceOfTheCaseOnly_GivenSubjectsThatSharePrefixes()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-012", TestCaseFacts.Plain).Set("case-0120", TestCaseFacts.Plain);
        var rehab = new WorkflowStartFacts { ServiceType = ServiceType.RehabilitasiSosial };
        await h.StartAsync("case-012", "service", "svc-1", Uptd, rehab);
        await h.StartAsync("case-012", "service", "svc-10", Uptd, rehab);
        await h.MoveAsync("case-012", "service", "svc-1", "accepted", Hospital);
        await h.StartAsync("case-012", "case_management", "case-012", Uptd, new WorkflowStartFacts { RiskLevel = RiskLevel.Rendah });
        await h.StartAsync("case-0120", "service", "svc-1", Uptd, rehab);

        var list = await h.Repository.ListByCaseAsync("case-012");
        // "svc-10" sorts between "svc-1" and "svc-1|ev|..." in key order; each instance must still get only its own events.
        var svc1 = await h.Repository.LoadAsync("case-012", "service", "svc-1");

        Assert.Equal(["case_management/case-012", "service/svc-1", "service/svc-10"], list.Select(w => $"{w.Workflow}/{w.SubjectId}"));
        Assert.Equal([1, 2, 1], list.Select(w => w.Version));
        Assert.Equal([1, 2], svc1!.History.Select(e => e.Sequence));
        Assert.Equal(4, await CountAsync(h.Repository.ListAllAsync())); // 3 in case-012, 1 in case-0120
    }

    [Fact]
    public async Task Transition_ThrowsAndWritesNothing_GivenAReasonAndNoIdentityKey()
    {
        var tables = await storage.NewTablesAsync();
        var h = new WorkflowHarness(tables, Now, new TableWorkflowRepository(tables, IdentityProtector.FromSettings(null, null)));
        h.Facts.Set("case-020", TestCaseFacts.Plain with { SpdpSentOn = D(2026, 1, 3) });
        await h.StartAsync("case-020", "criminal_justice", "lp-20", Police, effectiveOn: D(2026, 1, 2));
        await h.MoveAsync("case-020", "criminal_justice", "lp-20", "penyelidikan", Police, effectiveOn: D(2026, 1, 3));
        var before = await TableRows.FingerprintAsync(tables.Cases);

        await Assert.ThrowsAsync<IdentityProtectionException>(
            () => h.MoveAsync("case-020", "criminal_justice", "lp-20", "penyidikan", Police, reason: "Korban Maria dirujuk"));

        Assert.Equal(before, await TableRows.FingerprintAsync(tables.Cases));
    }

    [Fact]
    public async Task Transition_StoresReplayEncryptedAndReplaysTheReason_GivenAnIdempotencyKeyAndAReason()
    {
        var h = new WorkflowHarness(await storage.NewTablesAsync(), Now);
        h.Facts.Set("case-021", TestCaseFacts.Plain with { SpdpSentOn = D(2026, 1, 3) });
        await h.StartAsync("case-021", "criminal_justice", "lp-21", Police, effectiveOn: D(2026, 1, 2));
        await h.MoveAsync("case-021", "criminal_justice", "lp-21", "penyelidikan", Police, effectiveOn: D(2026, 1, 3));
        var command = new TransitionCommand("case-021", "criminal_justice", "lp-21", "penyidikan", Police)
        {
            Reason = "Korban Maria dirujuk ke RS Kefamenanu",
            IdempotencyKey = "retry-21",
        };

        var first = await h.Transition.TransitionAsync(command);
        var replay = await h.Transition.TransitionAsync(command);

        Assert.Equal("Korban Maria dirujuk ke RS Kefamenanu", first.Event.Reason);
        Assert.Equal(first.Event, replay.Event);
        Assert.Equal(3, replay.Version);
        var rows = await TableRows.AllAsync(h.Tables.Cases);
        Assert.Contains(rows, r => r.GetString("ResultProtected") is not null);
        Assert.All(rows, r => Assert.DoesNotContain(r, kv => kv.Value is string text && text.Contains("Maria", StringComparison.Ordinal)));
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<StoredWorkflow> items)
    {
        int n = 0;
        await foreach (var _ in items)
        {
            n++;
        }

        return n;
    }
}
