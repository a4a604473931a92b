using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>Saving (<see cref="CaseRecord.ToState"/>) and rehydrating (<see cref="CaseRecord.Restore"/>) a case.</summary>
public class CaseRecordStateTests
{
    // Intake at 2026-03-10 09:00 WITA; consent recorded ten minutes later.
    private static readonly Instant IntakeAt = Instant.FromUtc(2026, 3, 10, 1, 0);
    private static readonly Instant ConsentAt = Instant.FromUtc(2026, 3, 10, 1, 10);
    private static readonly DateTimeZone Zone = DistrictTime.DefaultZone;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    internal static CaseRecord FullCase()
    {
        var clock = new FakeClock(IntakeAt);
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), clock, Zone);
        c.AddVictim(new NewVictim
        {
            Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID", Disability = false, MigrantWorkerStatus = "non_procedural",
            Identity = new NewIdentity { FullName = "Maria Example", Aliases = ["Ria"], NationalIdNumber = "5303014105080001", Address = "Desa X", Phone = "+62 812 3456 7890", BirthPlace = "Kefamenanu" },
        });
        c.AddVictim(new NewVictim { Unborn = true, BirthDate = new LocalDate(2026, 1, 15) });
        c.AddVictim(new NewVictim { Sex = "male", AgeAtOffence = 24 });
        c.AddSuspect(new NewSuspect { Sex = "male", Roles = ["recruiter", "transporter"], StateOfficial = true, Citizenship = "ID", Identity = new NewIdentity { FullName = "Suspect Example" } });
        c.AddWitness(new NewWitness { Child = true, Identity = new NewIdentity { FullName = "Witness Example" } });
        c.RecordTraffickingElements(new NewTraffickingElements { Acts = ["perekrutan", "pengiriman"], Means = ["penipuan"], Purposes = ["kerja_paksa"], Harms = ["luka_berat"], ExploitationOccurred = true, VictimConsented = true });
        c.RecordPlaces(new NewPlaces { OriginKecamatan = "53.03.01", Transit = [new NewTransitPlace("53.71", null), new NewTransitPlace(null, "TL")], DestinationCountry = "MY" });
        clock.Advance(Duration.FromMinutes(10));
        c.RecordConsent(new NewConsent { ForServices = true, ForReporting = true, ForSharing = false, GivenBy = "parent_or_guardian" }, clock);
        return c;
    }

    [Fact]
    public void Restore_RebuildsAnEqualCase_GivenItsState()
    {
        var original = FullCase();

        var restored = CaseRecord.Restore(original.ToState(), Zone);

        Assert.Equal(JsonSerializer.Serialize(original.ToState(), Json), JsonSerializer.Serialize(restored.ToState(), Json));
        Assert.Equal(["victim-1", "victim-2", "victim-3"], restored.Victims.Select(v => v.Id.Value));
        Assert.Equal(17, restored.Victims[0].AgeAtOffence); // 2008-05-01 to 2025-11-20
        Assert.Equal(ChildStatus.Child, restored.Victims[1].ChildStatusAtOffence()); // unborn at the act
        Assert.Equal("5303014105080001", restored.Victims[0].Identity.NationalIdNumber);
        Assert.Equal([PerpetratorRole.Recruiter, PerpetratorRole.Transporter], restored.Suspects[0].Roles);
        Assert.True(restored.Places.CrossBorder);
    }

    [Fact]
    public void Restore_KeepsStampedTimes_InsteadOfRestamping()
    {
        var state = FullCase().ToState();

        var restored = CaseRecord.Restore(state, Zone);

        Assert.Equal(IntakeAt, restored.CreatedAt);
        Assert.Equal(ConsentAt, restored.Consent!.RecordedAt);
        Assert.Equal(new LocalDate(2026, 3, 2), restored.ReportedOn); // reported 2026-03-02T02:30Z = 10:30 WITA
    }

    [Fact]
    public void Restore_ContinuesPersonNumbering_GivenAPersonAddedAfterwards()
    {
        var restored = CaseRecord.Restore(FullCase().ToState(), Zone);

        var id = restored.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 30 });

        Assert.Equal("victim-4", id.Value);
    }

    [Fact]
    public void Restore_KeepsOrderDependentFacts_AsRecorded()
    {
        // Consent by "self" is refused only while a child victim is on the case; a child added later does not undo it.
        var clock = new FakeClock(IntakeAt);
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), clock, Zone);
        c.RecordConsent(new NewConsent { ForServices = true, ForReporting = false, ForSharing = true, GivenBy = "self" }, clock);
        c.AddVictim(new NewVictim { AgeAtOffence = 15 });

        var restored = CaseRecord.Restore(c.ToState(), Zone);

        Assert.Equal(ConsentGiver.Self, restored.Consent!.GivenBy);
        Assert.True(restored.Consent.ForSharing);
    }

    [Fact]
    public void Restore_KeepsGbvTypeAndSimfoniForms_OfAViolenceCase()
    {
        var clock = new FakeClock(IntakeAt);
        var c = CaseRecord.Open(CaseRecordTests.ValidCase() with { CaseType = "violence_against_children" }, clock, Zone);
        c.ClassifyViolence(new NewGbvAnswers { Penetration = false, UnwantedSexualContact = true });
        c.RecordSimfoniForms(["seksual", "psikis"]);

        var restored = CaseRecord.Restore(c.ToState(), Zone);

        Assert.Equal(GbvType.SexualAssault, restored.GbvType);
        Assert.Equal([SimfoniViolenceForm.Sexual, SimfoniViolenceForm.Psychological], restored.SimfoniForms);
        Assert.Equal(CaseType.ViolenceAgainstChildren, restored.CaseType);
    }

    public static TheoryData<string, Func<CaseRecordState, CaseRecordState>> Tampered() => new()
    {
        { "victims[0].sex", s => s with { Victims = [s.Victims[0] with { Person = s.Victims[0].Person with { Sex = "f" } }, .. s.Victims.Skip(1)] } },
        { "victims[0].birth_date", s => s with { Victims = [s.Victims[0] with { Person = s.Victims[0].Person with { BirthDate = new LocalDate(2025, 11, 21), AgeAtOffence = null } }, .. s.Victims.Skip(1)] } },
        { "victims[0].identity.national_id_number", s => s with { Victims = [s.Victims[0] with { Person = s.Victims[0].Person with { Identity = new NewIdentity { NationalIdNumber = "123" } } }, .. s.Victims.Skip(1)] } },
        { "victims[1].id", s => s with { Victims = [s.Victims[0], s.Victims[2], s.Victims[1]] } },
        { "suspects[0].roles", s => s with { Suspects = [s.Suspects[0] with { Person = s.Suspects[0].Person with { Roles = [] } }] } },
        { "region", s => s with { Region = "5303" } },
        { "case_type", s => s with { CaseType = "trafficking" } },
        { "elements.acts[0]", s => s with { Elements = s.Elements! with { Acts = ["recruitment"] } } },
        { "consent.recorded_at", s => s with { ConsentRecordedAt = null } },
        { "consent.given_by", s => s with { Consent = s.Consent! with { GivenBy = "guardian" } } },
        { "gbv_type", s => s with { GbvType = "assault" } },
        { "offence_date", s => s with { OffenceDate = new LocalDate(2026, 3, 3) } }, // after the report date
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public void Restore_RefusesTheState_GivenAValueThatBreaksARule(string field, Func<CaseRecordState, CaseRecordState> tamper)
    {
        var state = tamper(FullCase().ToState());

        var e = Assert.Throws<DomainValidationException>(() => CaseRecord.Restore(state, Zone));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void ToState_LeavesOutWhatWasNeverRecorded()
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase() with { OffenceDate = null }, new FakeClock(IntakeAt), Zone);

        var state = c.ToState();

        Assert.Null(state.Elements);
        Assert.Null(state.Places);
        Assert.Null(state.Consent);
        Assert.Null(state.ConsentRecordedAt);
        Assert.Null(state.GbvType);
        Assert.Empty(state.SimfoniForms);
        Assert.Null(state.OffenceDate);
        var restored = CaseRecord.Restore(state, Zone);
        Assert.Same(TraffickingFacts.None, restored.Elements);
        Assert.Same(CasePlaces.None, restored.Places);
    }
}

/// <summary>The case facts the workflows read: SPDP date and sexual-violence classification.</summary>
public class CaseFactsOnRecordTests
{
    // 2026-03-10 09:00 WITA.
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));

    private static CaseRecord Open(string caseType = "tppo") => CaseRecord.Open(CaseRecordTests.ValidCase() with { CaseType = caseType }, Clock, DistrictTime.DefaultZone);

    [Fact]
    public void RecordSpdpSent_KeepsTheDate_AndRestoreKeepsIt()
    {
        var c = Open();

        c.RecordSpdpSent(new LocalDate(2026, 3, 10), Clock, DistrictTime.DefaultZone); // today in WITA

        Assert.Equal(new LocalDate(2026, 3, 10), c.SpdpSentOn);
        Assert.Equal(new LocalDate(2026, 3, 10), CaseRecord.Restore(c.ToState(), DistrictTime.DefaultZone).SpdpSentOn);
    }

    [Theory]
    [InlineData(2026, 3, 11)] // tomorrow in WITA
    [InlineData(2025, 11, 19)] // the day before the act (2025-11-20)
    public void RecordSpdpSent_ThrowsNamingTheField_GivenAFutureDateOrADateBeforeTheAct(int y, int m, int d)
    {
        var c = Open();

        var e = Assert.Throws<DomainValidationException>(() => c.RecordSpdpSent(new LocalDate(y, m, d), Clock, DistrictTime.DefaultZone));

        Assert.Equal("spdp_sent_on", e.Field);
        Assert.Null(c.SpdpSentOn);
    }

    [Fact]
    public void Restore_RefusesAnSpdpBeforeTheAct()
    {
        var state = Open().ToState() with { SpdpSentOn = new LocalDate(2025, 1, 1) };

        Assert.Equal("spdp_sent_on", Assert.Throws<DomainValidationException>(() => CaseRecord.Restore(state, DistrictTime.DefaultZone)).Field);
    }

    [Fact]
    public void IsSexualViolence_FollowsUu12Of2022Pasal4()
    {
        // TPPO for sexual exploitation with act + means: trafficking and TPKS (Pasal 4(2)); a child victim makes it child sexual violence.
        var sexual = Open();
        sexual.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 16 });
        sexual.RecordTraffickingElements(new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["eksploitasi_seksual"] });
        Assert.True(sexual.IsSexualViolence);
        Assert.True(sexual.IsChildSexualViolence);

        // TPPO for forced labour: not TPKS.
        var labour = Open();
        labour.RecordTraffickingElements(new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] });
        Assert.False(labour.IsSexualViolence);

        // An adult victim of rape (GBVIMS): TPKS, not child sexual violence.
        var rape = Open("violence_against_women");
        rape.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 30 });
        rape.ClassifyViolence(new NewGbvAnswers { Penetration = true });
        Assert.True(rape.IsSexualViolence);
        Assert.False(rape.IsChildSexualViolence);

        // SIMFONI "seksual" in a violence-against-children case: child sexual violence even with the age unrecorded.
        var child = Open("violence_against_children");
        child.RecordSimfoniForms(["seksual"]);
        Assert.True(child.IsChildSexualViolence);

        // Physical violence only: neither.
        var physical = Open("violence_against_children");
        physical.RecordSimfoniForms(["fisik"]);
        Assert.False(physical.IsSexualViolence);
    }
}
