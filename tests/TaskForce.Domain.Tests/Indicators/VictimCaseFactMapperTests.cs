using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class VictimCaseFactMapperTests
{
    private static readonly DateTimeZone Wita = DistrictTime.DefaultZone;
    private static readonly PersonKeyer Keyer = new(new byte[32]);
    private static readonly Actor Uptd = Actor.Create("staff-1", "uptd_ppa_ttu");
    private static readonly Actor Police = Actor.Create("staff-2", "polres_ttu");
    private static readonly Actor Rsud = Actor.Create("staff-3", "rsud_kefamenanu");

    private static FakeClock At(int y, int m, int d, int h) => new(new LocalDateTime(y, m, d, h, 0).InZoneStrictly(Wita).ToInstant());

    private static CaseRecord Case(FakeClock clock)
    {
        var c = CaseRecord.Open(new CaseHeader
        {
            Id = "case-7", Region = "53.03", CaseType = "tppo", ReportingAgency = new NewAgency("uptd_ppa", "UPTD PPA TTU"),
            IntakeChannel = "walk_in", ReportedAt = clock.GetCurrentInstant(), OffenceDate = new LocalDate(2025, 3, 1),
        }, clock, Wita);
        c.AddVictim(new NewVictim
        {
            Sex = "female", BirthDate = new LocalDate(2009, 6, 1), Citizenship = "ID", MigrantWorkerStatus = "non_procedural",
            Identity = new NewIdentity { FullName = "Maria da Costa", NationalIdNumber = "5303014106090001" },
        });
        c.AddVictim(new NewVictim { Sex = "male", AgeAtOffence = 30 });
        c.RecordTraffickingElements(new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa", "eksploitasi_seksual"] });
        c.RecordPlaces(new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" });
        c.RecordConsent(new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "parent_or_guardian" }, clock);
        return c;
    }

    [Fact]
    public void Map_CopiesCaseAndVictimFactsWithoutIdentity_GivenACaseWithTwoVictimsAndWorkflows()
    {
        var clock = At(2025, 3, 10, 9); // reported 10 March 2025 09:00 WITA
        var record = Case(clock);
        var cm = CaseManagementWorkflow.Default.Start("case-7", new CaseManagementContext(RiskLevel.Sedang), Uptd, clock, Wita);
        var service = ServiceWorkflow.Default.Start("svc-1", new ServiceContext(ServiceType.RehabilitasiSosial, false, false), Uptd, clock, Wita);
        var referral = ReferralWorkflow.Default.Start("ref-1", new ReferralContext(ReferralKind.Referral, "uptd_ppa_ttu", "rsud_kefamenanu", ConsentToShare.Given), Uptd, clock, Wita);
        var cj = CriminalJusticeWorkflow.Default.Start("lp-1", new CriminalJusticeContext(null), Police, clock, Wita);

        clock.Advance(Duration.FromHours(3)); // 12:00 WITA: within sedang's 6 hours
        cm.TransitionTo("assessment", Uptd, clock);
        clock.Advance(Duration.FromDays(1)); // 11 March
        referral.TransitionTo("accepted", Rsud, clock);
        service.TransitionTo("accepted", Rsud, clock);
        clock.Advance(Duration.FromDays(2)); // 13 March
        service.TransitionTo("delivered", Rsud, clock);
        cj.TransitionTo("penyidikan", Police, clock, context: new CriminalJusticeContext(new LocalDate(2025, 3, 12)));

        var workflows = new CaseWorkflows
        {
            CaseManagement = cm,
            Services = [new VictimService(record.Victims[0].Id, service)],
            Referrals = [referral],
            CriminalJusticeTracks = [cj],
        };

        var facts = VictimCaseFactMapper.Map(record, workflows, Keyer);

        Assert.Equal(2, facts.Count);
        var girl = facts[0];
        Assert.Equal("case-7", girl.CaseId);
        Assert.Equal("uptd_ppa:UPTD PPA TTU", girl.Agency);
        Assert.True(girl.Trafficking);
        Assert.True(girl.ConsentToReporting);
        Assert.Equal("53.03.05", girl.Kecamatan!.Value);
        Assert.Equal("MY", girl.Destination!.Value);
        Assert.Equal(CaseExploitationForms.SexualExploitation | CaseExploitationForms.ForcedLabour, ExploitationForms.Of(girl.Purposes));
        Assert.True(girl.SimfoniForms.Contains(SimfoniViolenceForm.Trafficking)); // a tppo case without SIMFONI forms
        Assert.Equal(15, girl.AgeAtOffence); // born 1 June 2009, act on 1 March 2025
        Assert.Equal(Sex.Female, girl.Sex);
        Assert.Equal(MigrantWorkerStatus.NonProcedural, girl.MigrantWorkerStatus);
        Assert.True(girl.PersonKeyLinkable);
        Assert.Equal(32, girl.PersonKey!.Length);

        // First response: intake 09:00 WITA + 6 h (sedang) = 15:00 WITA = 07:00Z; left intake 12:00 WITA = 04:00Z.
        Assert.Equal(new FirstResponseFact(Instant.FromUtc(2025, 3, 10, 7, 0), Instant.FromUtc(2025, 3, 10, 4, 0)), girl.FirstResponse);
        Assert.Equal(new LocalDate(2025, 3, 10), girl.Milestones.LaporanPolisi);
        Assert.Equal(new LocalDate(2025, 3, 12), girl.Milestones.Spdp); // the SPDP date of the facts, not the transition date
        Assert.Null(girl.Milestones.P21);
        Assert.Equal([new ReferralFact("ref-1", new LocalDate(2025, 3, 10), ReferralOutcome.Accepted, new LocalDate(2025, 3, 11))], girl.Referrals);

        // Service: requested 10 March, due 16 March (7 days counting the request day), delivered 13 March; only the girl's.
        Assert.Equal([new ServiceFact(ServiceType.RehabilitasiSosial, new LocalDate(2025, 3, 10), new LocalDate(2025, 3, 16), new LocalDate(2025, 3, 13), null)], girl.Services);
        Assert.Empty(facts[1].Services);
        Assert.Contains(girl.Deadlines, d => d.Kind == "service.service_due" && d.DueOn == new LocalDate(2025, 3, 16) && d.ClosedOn == new LocalDate(2025, 3, 13));
        Assert.Contains(girl.Deadlines, d => d.Kind == "case_management.first_response" && d.DueAt == Instant.FromUtc(2025, 3, 10, 7, 0));

        // The man has no NIK and no name: a key unique to the record.
        Assert.False(facts[1].PersonKeyLinkable);
        Assert.Equal(30, facts[1].AgeAtOffence);

        // No identity value appears anywhere in the facts.
        string text = string.Join("|", facts.Select(f => f.ToString()));
        Assert.DoesNotContain("5303014106090001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Costa", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Map_GivesOneFactWithoutAPerson_GivenACaseWithNoVictim()
    {
        var clock = At(2025, 3, 10, 9);
        var record = CaseRecord.Open(new CaseHeader
        {
            Id = "case-8", Region = "53.03", CaseType = "violence_against_women", ReportingAgency = new NewAgency("police", "Polres TTU"),
            IntakeChannel = "police_report", ReportedAt = clock.GetCurrentInstant(),
        }, clock, Wita);

        var facts = VictimCaseFactMapper.Map(record, CaseWorkflows.None, Keyer);

        var f = Assert.Single(facts);
        Assert.Null(f.PersonKey);
        Assert.False(f.Trafficking);
        Assert.False(f.ConsentToReporting); // no consent recorded: left out of the indicators
        Assert.Null(f.FirstResponse);
    }

    [Fact]
    public void Map_GivesTheSameKeyInTwoAgenciesRecords_GivenTheSameNik()
    {
        var clock = At(2025, 3, 10, 9);
        var a = Case(clock);
        var b = CaseRecord.Open(new CaseHeader
        {
            Id = "case-police-1", Region = "53.03", CaseType = "tppo", ReportingAgency = new NewAgency("police", "Polres TTU"),
            IntakeChannel = "police_report", ReportedAt = clock.GetCurrentInstant(),
        }, clock, Wita);
        b.AddVictim(new NewVictim { Sex = "female", Identity = new NewIdentity { NationalIdNumber = "5303014106090001" } });

        string keyA = VictimCaseFactMapper.Map(a, CaseWorkflows.None, Keyer)[0].PersonKey!;
        string keyB = VictimCaseFactMapper.Map(b, CaseWorkflows.None, Keyer)[0].PersonKey!;

        Assert.Equal(keyA, keyB);
    }
}
