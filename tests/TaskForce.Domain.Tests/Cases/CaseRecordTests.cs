using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Tests.Cases;

public class CaseRecordTests
{
    // 2026-03-10 09:00 WITA.
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));
    private static readonly DateTimeZone Zone = DistrictTime.DefaultZone;

    internal static CaseHeader ValidCase() => new()
    {
        Id = "case-001",
        Region = "53.03",
        CaseType = "tppo",
        ReportingAgency = new NewAgency("uptd_ppa", "UPTD PPA Kabupaten TTU"),
        IntakeChannel = "walk_in",
        ReportedAt = Instant.FromUtc(2026, 3, 2, 2, 30),
        OffenceDate = new LocalDate(2025, 11, 20),
    };

    private static CaseRecord Open(CaseHeader? input = null) => CaseRecord.Open(input ?? ValidCase(), Clock, Zone);

    [Fact]
    public void Open_KeepsValues_GivenValidInput()
    {
        var c = Open();

        Assert.Equal("case-001", c.Id.Value);
        Assert.Equal("53.03", c.Region.Value);
        Assert.Equal(CaseType.Tppo, c.CaseType);
        Assert.Equal(AgencyKind.UptdPpa, c.ReportingAgency.Kind);
        Assert.Equal(IntakeChannel.WalkIn, c.IntakeChannel);
        Assert.Equal(new LocalDate(2026, 3, 2), c.ReportedOn); // 02:30 UTC is 10:30 WITA the same day
        Assert.Equal(Clock.GetCurrentInstant(), c.CreatedAt);
        Assert.Empty(c.Victims);
    }

    [Fact]
    public void Open_UsesDistrictZone_ForReportDate()
    {
        // 2026-03-01T16:30Z is 2026-03-02 00:30 WITA: the business date is 2 March.
        var c = Open(ValidCase() with { ReportedAt = Instant.FromUtc(2026, 3, 1, 16, 30), OffenceDate = new LocalDate(2026, 3, 2) });

        Assert.Equal(new LocalDate(2026, 3, 2), c.ReportedOn);
    }

    public static TheoryData<string, CaseHeader> MissingOrBadFields() => new()
    {
        { "id", ValidCase() with { Id = null } },
        { "id", ValidCase() with { Id = "case/1" } },
        { "region", ValidCase() with { Region = null } },
        { "region", ValidCase() with { Region = "53.3" } },
        { "region", ValidCase() with { Region = "5303" } },
        { "region", ValidCase() with { Region = "*" } },
        { "case_type", ValidCase() with { CaseType = null } },
        { "case_type", ValidCase() with { CaseType = "trafficking" } },
        { "reporting_agency", ValidCase() with { ReportingAgency = null } },
        { "reporting_agency.kind", ValidCase() with { ReportingAgency = new NewAgency("police_station", "Polres TTU") } },
        { "reporting_agency.name", ValidCase() with { ReportingAgency = new NewAgency("police", " ") } },
        { "intake_channel", ValidCase() with { IntakeChannel = null } },
        { "intake_channel", ValidCase() with { IntakeChannel = "WALK_IN" } },
        { "reported_at", ValidCase() with { ReportedAt = null } },
        { "reported_at", ValidCase() with { ReportedAt = Instant.FromUtc(2026, 3, 10, 1, 1) } }, // one minute after now
        { "offence_date", ValidCase() with { OffenceDate = new LocalDate(2026, 3, 3) } }, // after the report date
    };

    [Theory]
    [MemberData(nameof(MissingOrBadFields))]
    public void Open_ThrowsNamingField_GivenMissingOrBadValue(string field, CaseHeader input)
    {
        var e = Assert.Throws<DomainValidationException>(() => Open(input));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void AddVictim_ComputesAgeAtOffence_FromBirthDate()
    {
        var c = Open();

        c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID", MigrantWorkerStatus = "non_procedural", Disability = false });

        var v = Assert.Single(c.Victims);
        Assert.Equal("victim-1", v.Id.Value);
        Assert.Equal(17, v.AgeAtOffence); // 2008-05-01 to 2025-11-20
        Assert.Equal(ChildStatus.Child, v.ChildStatusAtOffence());
        Assert.Equal(MigrantWorkerStatus.NonProcedural, v.MigrantWorkerStatus);
        Assert.True(v.Citizenship!.IsIndonesia);
    }

    [Fact]
    public void AddVictim_AcceptsUnbornChild_GivenBirthAfterOffence()
    {
        var c = Open();

        c.AddVictim(new NewVictim { Unborn = true, BirthDate = new LocalDate(2026, 1, 15) });

        Assert.Equal(ChildStatus.Child, c.Victims[0].ChildStatusAtOffence());
        Assert.Null(c.Victims[0].AgeAtOffence);
    }

    public static TheoryData<string, NewVictim> BadVictims() => new()
    {
        { "victim.birth_date", new NewVictim { BirthDate = new LocalDate(2025, 11, 21) } }, // a day after the offence, not marked unborn
        { "victim.age_at_offence", new NewVictim { BirthDate = new LocalDate(2008, 5, 1), AgeAtOffence = 18 } }, // birth date gives 17
        { "victim.age_at_offence", new NewVictim { AgeAtOffence = -1 } },
        { "victim.age_at_offence", new NewVictim { AgeAtOffence = 131 } },
        { "victim.birth_date", new NewVictim { Unborn = true, BirthDate = new LocalDate(2025, 11, 20) } }, // born on the day of the act
        { "victim.sex", new NewVictim { Sex = "f" } },
        { "victim.citizenship", new NewVictim { Citizenship = "XX" } },
        { "victim.citizenship", new NewVictim { Citizenship = "id" } },
        { "victim.migrant_worker_status", new NewVictim { MigrantWorkerStatus = "illegal" } },
        { "victim.identity.national_id_number", new NewVictim { Identity = new NewIdentity { NationalIdNumber = "53030112345" } } },
        { "victim.identity.phone", new NewVictim { Identity = new NewIdentity { Phone = "call me" } } },
    };

    [Theory]
    [MemberData(nameof(BadVictims))]
    public void AddVictim_ThrowsNamingField_GivenBadValue(string field, NewVictim input)
    {
        var c = Open();

        var e = Assert.Throws<DomainValidationException>(() => c.AddVictim(input));

        Assert.Equal(field, e.Field);
        Assert.Empty(c.Victims); // nothing half-applied
    }

    [Fact]
    public void AddVictim_ErrorNeverRepeatsIdentityValue()
    {
        var c = Open();

        var e = Assert.Throws<DomainValidationException>(() => c.AddVictim(new NewVictim { Identity = new NewIdentity { NationalIdNumber = "5303-0112-3456" } }));

        Assert.DoesNotContain("5303", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVictim_ChecksBirthAgainstReportDate_WhileOffenceUndated()
    {
        var c = Open(ValidCase() with { OffenceDate = null });

        var e = Assert.Throws<DomainValidationException>(() => c.AddVictim(new NewVictim { BirthDate = new LocalDate(2026, 3, 3) }));

        Assert.Equal("victim.birth_date", e.Field);
    }

    [Fact]
    public void RecordOffenceDate_RecomputesAges_AndRejectsBirthAfterIt()
    {
        var c = Open(ValidCase() with { OffenceDate = null });
        c.AddVictim(new NewVictim { BirthDate = new LocalDate(2008, 5, 1) });

        c.RecordOffenceDate(new LocalDate(2026, 3, 1));
        Assert.Equal(17, c.Victims[0].AgeAtOffence);

        var e = Assert.Throws<DomainValidationException>(() => c.RecordOffenceDate(new LocalDate(2008, 4, 30)));
        Assert.Equal("victims[0].birth_date", e.Field);
        Assert.Equal(new LocalDate(2026, 3, 1), c.OffenceDate); // unchanged
    }

    [Fact]
    public void AddSuspect_KeepsHtcdsRoles_AndRequiresOne()
    {
        var c = Open();

        c.AddSuspect(new NewSuspect { Sex = "male", Roles = ["recruiter", "transporter", "recruiter"], StateOfficial = true });

        Assert.Equal([PerpetratorRole.Recruiter, PerpetratorRole.Transporter], c.Suspects[0].Roles);
        Assert.True(c.Suspects[0].StateOfficial);
        Assert.Equal("suspect.roles", Assert.Throws<DomainValidationException>(() => c.AddSuspect(new NewSuspect())).Field);
        Assert.Equal("suspect.roles[1]", Assert.Throws<DomainValidationException>(() => c.AddSuspect(new NewSuspect { Roles = ["recruiter", "pimp"] })).Field);
    }

    [Fact]
    public void RecordTraffickingElements_ParsesContractCodes_AndNamesBadItem()
    {
        var c = Open();

        c.RecordTraffickingElements(new NewTraffickingElements { Acts = ["perekrutan", "pengiriman"], Means = ["penipuan"], Purposes = ["kerja_paksa"], ExploitationOccurred = true });

        Assert.Equal([TraffickingAct.Recruitment, TraffickingAct.Sending], c.Elements.Acts);
        Assert.Equal("elements.acts[1]", Assert.Throws<DomainValidationException>(() => c.RecordTraffickingElements(new NewTraffickingElements { Acts = ["perekrutan", "recruitment"] })).Field);
        Assert.Equal("elements.purposes[0]", Assert.Throws<DomainValidationException>(() => c.RecordTraffickingElements(new NewTraffickingElements { Purposes = ["forced_labour"] })).Field);
    }

    [Fact]
    public void RecordPlaces_KeepsKecamatanTransitAndDestination()
    {
        var c = Open();

        c.RecordPlaces(new NewPlaces { OriginKecamatan = "53.03.01", Transit = [new NewTransitPlace("53.71", null), new NewTransitPlace(null, "TL")], DestinationCountry = "MY" });

        Assert.Equal("53.03.01", c.Places.OriginKecamatan!.Value);
        Assert.Equal(2, c.Places.Transit.Count);
        Assert.True(c.Places.CrossBorder);
    }

    public static TheoryData<string, NewPlaces> BadPlaces() => new()
    {
        { "places.origin_kecamatan", new NewPlaces { OriginKecamatan = "53.03" } }, // a kabupaten, not a kecamatan
        { "places.origin_kecamatan", new NewPlaces { OriginKecamatan = "53.03.1" } },
        { "places.transit[0]", new NewPlaces { Transit = [new NewTransitPlace(null, null)] } },
        { "places.transit[0]", new NewPlaces { Transit = [new NewTransitPlace("53.71", "MY")] } },
        { "places.transit[0].country", new NewPlaces { Transit = [new NewTransitPlace(null, "ID")] } },
        { "places.destination_country", new NewPlaces { DestinationCountry = "Malaysia" } },
        { "places.destination_province", new NewPlaces { DestinationProvince = "21.71" } },
        { "places.destination_province", new NewPlaces { DestinationProvince = "21", DestinationCountry = "MY" } },
    };

    [Theory]
    [MemberData(nameof(BadPlaces))]
    public void RecordPlaces_ThrowsNamingField_GivenBadPlace(string field, NewPlaces input)
    {
        var c = Open();

        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => c.RecordPlaces(input)).Field);
    }

    [Fact]
    public void RecordConsent_RefusesSelfConsent_ForChildVictim()
    {
        var c = Open();
        c.AddVictim(new NewVictim { AgeAtOffence = 15 });

        var e = Assert.Throws<DomainValidationException>(() => c.RecordConsent(new NewConsent { ForServices = true, ForReporting = true, ForSharing = false, GivenBy = "self" }, Clock));
        Assert.Equal("consent.given_by", e.Field);

        c.RecordConsent(new NewConsent { ForServices = true, ForReporting = true, ForSharing = false, GivenBy = "parent_or_guardian" }, Clock);
        Assert.False(c.Consent!.ForSharing);
        Assert.Equal(Clock.GetCurrentInstant(), c.Consent.RecordedAt);
    }

    [Fact]
    public void RecordConsent_RequiresEveryFlag()
    {
        var c = Open();

        Assert.Equal("consent", Assert.Throws<DomainValidationException>(() => c.RecordConsent(null, Clock)).Field);
        Assert.Equal("consent.for_reporting", Assert.Throws<DomainValidationException>(() => c.RecordConsent(new NewConsent { ForServices = true, ForSharing = true, GivenBy = "self" }, Clock)).Field);
    }

    // GBVIMS Classification Tool (docs/sources.md#gbvims): the first "yes" in the fixed order wins.
    public static TheoryData<NewGbvAnswers, GbvType> GbvRows() => new()
    {
        { new NewGbvAnswers { Penetration = true, UnwantedSexualContact = true, PhysicalAssault = true }, GbvType.Rape },
        { new NewGbvAnswers { Penetration = false, UnwantedSexualContact = true, PhysicalAssault = true }, GbvType.SexualAssault },
        { new NewGbvAnswers { Penetration = false, UnwantedSexualContact = false, PhysicalAssault = true, PsychologicalAbuse = true }, GbvType.PhysicalAssault },
        { new NewGbvAnswers { Penetration = false, UnwantedSexualContact = false, PhysicalAssault = false, ForcedMarriage = true }, GbvType.ForcedMarriage },
        { new NewGbvAnswers { Penetration = false, UnwantedSexualContact = false, PhysicalAssault = false, ForcedMarriage = false, DenialOfResources = true }, GbvType.DenialOfResources },
        { new NewGbvAnswers { Penetration = false, UnwantedSexualContact = false, PhysicalAssault = false, ForcedMarriage = false, DenialOfResources = false, PsychologicalAbuse = true }, GbvType.PsychologicalAbuse },
        { new NewGbvAnswers { Penetration = false, UnwantedSexualContact = false, PhysicalAssault = false, ForcedMarriage = false, DenialOfResources = false, PsychologicalAbuse = false }, GbvType.NonGbv },
    };

    [Theory]
    [MemberData(nameof(GbvRows))]
    public void ClassifyViolence_TakesFirstYesInGbvimsOrder(NewGbvAnswers answers, GbvType expected)
    {
        var c = Open(ValidCase() with { CaseType = "violence_against_women" });

        Assert.Equal(expected, c.ClassifyViolence(answers));
        Assert.Equal(expected, c.GbvType);
    }

    [Fact]
    public void ClassifyViolence_Throws_GivenEarlierAnswerMissing_OrTppoCase()
    {
        var violence = Open(ValidCase() with { CaseType = "violence_against_children" });
        var e = Assert.Throws<DomainValidationException>(() => violence.ClassifyViolence(new NewGbvAnswers { Penetration = false, PhysicalAssault = true }));
        Assert.Equal("gbv_answers.unwanted_sexual_contact", e.Field);

        var tppo = Open();
        Assert.Equal("case_type", Assert.Throws<DomainValidationException>(() => tppo.ClassifyViolence(new NewGbvAnswers { Penetration = true })).Field);
    }

    [Fact]
    public void RecordSimfoniForms_IsMultiSelect_AndStrict()
    {
        var c = Open(ValidCase() with { CaseType = "violence_against_children" });

        c.RecordSimfoniForms(["fisik", "psikis", "fisik", "eksploitasi"]);

        Assert.Equal([SimfoniViolenceForm.Physical, SimfoniViolenceForm.Psychological, SimfoniViolenceForm.Exploitation], c.SimfoniForms);
        Assert.Equal("simfoni_forms[1]", Assert.Throws<DomainValidationException>(() => c.RecordSimfoniForms(["fisik", "physical"])).Field);
        Assert.Equal("simfoni_forms", Assert.Throws<DomainValidationException>(() => c.RecordSimfoniForms([])).Field);
    }

    [Fact]
    public void CountryCode_KnowsTheAssignedIsoCodes()
    {
        Assert.Equal(249, CountryCode.AssignedCount); // ISO 3166-1 alpha-2 officially assigned codes
        Assert.Equal("TL", CountryCode.Parse("TL", "x").Value);
        Assert.Throws<DomainValidationException>(() => CountryCode.Parse("UK", "x")); // reserved, not assigned
    }

    [Fact]
    public void PersonIdentity_Redacted_ShowsOnlyPresence()
    {
        var identity = PersonIdentity.Create(new NewIdentity { FullName = "A B", Phone = "+62 812 0000 0000" });

        var r = identity.Redacted();

        Assert.Equal("[redacted]", r.FullName);
        Assert.Equal("[redacted]", r.Phone);
        Assert.Null(r.Address);
    }

    [Fact]
    public void ToQualifyRequest_CarriesTheFacts_WithoutIdentity()
    {
        var c = Open();
        c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID", Identity = new NewIdentity { FullName = "Secret Name" } });
        c.AddSuspect(new NewSuspect { Roles = ["recruiter"], StateOfficial = true });
        c.RecordTraffickingElements(new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"], ExploitationOccurred = false });
        c.RecordPlaces(new NewPlaces { OriginKecamatan = "53.03.01", DestinationCountry = "MY" });

        var request = c.ToQualifyRequest(new LocalDate(2026, 3, 9));
        var result = TraffickingQualifier.Qualify(request, Clock);

        Assert.Equal(TraffickingStatus.ActualVictim, result.Status);
        var p21 = Assert.Single(result.Charges, x => x.Article == "UU21-2007:2(1)");
        Assert.Equal(["UU21-2007:17", "UU21-2007:8"], p21.Aggravations); // child victim (17) and state official (8)
        Assert.DoesNotContain("Secret", System.Text.Json.JsonSerializer.Serialize(request), StringComparison.Ordinal);
    }
}
