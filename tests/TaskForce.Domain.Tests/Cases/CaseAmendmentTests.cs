using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>The amending operations of ADR-017: each validates as intake does, changes exactly what it names, demands a
/// reason when it replaces a value on file, and records nothing when nothing changes. Expectations worked out by hand
/// from the values below (case-001: reported 2026-03-02 10:30 WITA, offence 2025-11-20).</summary>
public class CaseAmendmentTests
{
    // 2026-03-10 09:00 WITA.
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));
    private static readonly DateTimeZone Zone = DistrictTime.DefaultZone;
    private static readonly Actor Worker = Actor.Create("cw-17", "uptd_ppa_ttu");

    private static ChangeContext Why(string? reason = "Koreksi dari BAP") => ChangeContext.Create(Worker, reason, Clock);

    private static CaseRecord OpenWithPersons()
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), Clock, Zone);
        c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Identity = new NewIdentity { NationalIdNumber = "5303014105080001" } });
        c.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 24 });
        c.AddSuspect(new NewSuspect { Sex = "male", Roles = ["recruiter"] });
        c.AddWitness(new NewWitness { Child = false });
        return c;
    }

    [Fact]
    public void CorrectVictim_RecomputesAgeAndChildStatus_GivenACorrectedBirthDate()
    {
        var c = OpenWithPersons();

        // Born 2008-05-01: 17 at 2025-11-20 (a child). Corrected to 2006-05-01: 19 at 2025-11-20 (an adult). The NIK
        // encodes 41-05-08 (a woman born 2008-05-01), so it must be corrected with the birth date: 410506.
        var change = c.CorrectVictim(new PersonId("victim-1"), new NewVictim
        {
            Sex = "female",
            BirthDate = new LocalDate(2006, 5, 1),
            Identity = new NewIdentity { NationalIdNumber = "5303014105060001" },
        }, Why());

        Assert.Equal(CaseChangeKind.PersonCorrected, change.Kind);
        Assert.Equal("victim-1", change.PersonId);
        Assert.Equal(["victims[victim-1].age_at_offence", "victims[victim-1].birth_date", "victims[victim-1].identity.national_id_number"], change.FieldPaths.Order(StringComparer.Ordinal));
        Assert.Equal(new FieldChange("victims[victim-1].age_at_offence", "17", "19", false), change.Fields.Single(f => f.Path.EndsWith("age_at_offence", StringComparison.Ordinal)));
        Assert.True(change.Fields.Single(f => f.Path.EndsWith("birth_date", StringComparison.Ordinal)).Identifying);
        Assert.Equal(19, c.Victims[0].AgeAtOffence);
        Assert.Equal(ChildStatus.Adult, c.Victims[0].ChildStatusAtOffence());
        Assert.Equal([change], c.PendingChanges);
    }

    [Fact]
    public void CorrectVictim_ThrowsNamingTheNik_GivenABirthDateTheNikDisagreesWith()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectVictim(new PersonId("victim-1"), new NewVictim
        {
            Sex = "female",
            BirthDate = new LocalDate(2006, 5, 1),
            Identity = new NewIdentity { NationalIdNumber = "5303014105080001" },
        }, Why()));

        Assert.Equal("victim.identity.national_id_number", ex.Field);
        Assert.Equal(new LocalDate(2008, 5, 1), c.Victims[0].BirthDate);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void CorrectVictim_ThrowsNamingTheNik_GivenASexTheNikDisagreesWith()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectVictim(new PersonId("victim-1"), new NewVictim
        {
            Sex = "male",
            BirthDate = new LocalDate(2008, 5, 1),
            Identity = new NewIdentity { NationalIdNumber = "5303014105080001" },
        }, Why()));

        Assert.Equal("victim.identity.national_id_number", ex.Field);
        Assert.Equal(Domain.CourtOutcomes.Sex.Female, c.Victims[0].Sex);
    }

    [Fact]
    public void CorrectVictim_RecordsNothing_GivenTheValuesOnFile()
    {
        var c = OpenWithPersons();

        var change = c.CorrectVictim(new PersonId("victim-2"), new NewVictim { Sex = "female", AgeAtOffence = 24 }, Why(null));

        Assert.Empty(change.Fields);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void CorrectVictim_NeedsNoReason_GivenAFieldRecordedForTheFirstTime()
    {
        var c = OpenWithPersons();

        var change = c.CorrectVictim(new PersonId("victim-2"), new NewVictim { Sex = "female", AgeAtOffence = 24, Citizenship = "ID" }, Why(null));

        Assert.Equal([new FieldChange("victims[victim-2].citizenship", null, "\"ID\"", false)], change.Fields);
        Assert.Null(change.Reason);
    }

    [Fact]
    public void CorrectVictim_ThrowsNamingTheReason_GivenAValueOnFileReplacedWithoutOne()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectVictim(new PersonId("victim-2"), new NewVictim { Sex = "female", AgeAtOffence = 25 }, Why(null)));

        Assert.Equal("reason", ex.Field);
        Assert.Equal(24, c.Victims[1].AgeAtOffence);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void CorrectVictim_ThrowsNamingThePersonId_GivenAnUnknownVictim()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectVictim(new PersonId("victim-9"), new NewVictim { Sex = "female" }, Why()));

        Assert.Equal("person_id", ex.Field);
    }

    [Fact]
    public void CorrectSuspect_ReplacesEveryField_GivenNewValues()
    {
        var c = OpenWithPersons();

        var change = c.CorrectSuspect(new PersonId("suspect-1"), new NewSuspect { Sex = "male", Roles = ["recruiter", "transporter"], StateOfficial = true }, Why());

        Assert.Equal(["suspects[suspect-1].roles", "suspects[suspect-1].state_official"], change.FieldPaths);
        Assert.True(c.Suspects[0].StateOfficial);
    }

    [Fact]
    public void CorrectSuspect_ThrowsNamingTheRoles_GivenNoRole()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectSuspect(new PersonId("suspect-1"), new NewSuspect { Sex = "male", Roles = [] }, Why()));

        Assert.Equal("suspect.roles", ex.Field);
    }

    [Fact]
    public void RemovePerson_RetiresTheId_SoTheNextVictimGetsANewOne()
    {
        var c = OpenWithPersons();

        var change = c.RemovePerson(new PersonId("victim-1"), Why("Tercatat dua kali"));
        var added = c.AddVictim(new NewVictim { Sex = "male" });

        Assert.Equal(CaseChangeKind.PersonRemoved, change.Kind);
        Assert.Equal("victim-1", change.PersonId);
        Assert.Contains(change.Fields, f => f.Path == "victims[victim-1].sex" && f.OldJson == "\"female\"" && f.NewJson is null);
        Assert.Contains(change.Fields, f => f.Path == "retired_person_ids" && f.NewJson == "[\"victim-1\"]");
        Assert.Equal(["victim-2", "victim-3"], c.Victims.Select(v => v.Id.Value));
        Assert.Equal("victim-3", added.Value);
    }

    [Fact]
    public void RemovePerson_ThrowsNamingTheReason_GivenNone()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.RemovePerson(new PersonId("witness-1"), Why(null)));

        Assert.Equal("reason", ex.Field);
        Assert.Single(c.Witnesses);
    }

    [Fact]
    public void Restore_KeepsTheGapAndTheRetiredIds_GivenARemovedPerson()
    {
        var c = OpenWithPersons();
        c.RemovePerson(new PersonId("victim-1"), Why("Tercatat dua kali"));

        var restored = CaseRecord.Restore(c.ToState(), Zone);
        var next = restored.AddVictim(new NewVictim { Sex = "female" });

        Assert.Equal(["victim-2", "victim-3"], restored.Victims.Select(v => v.Id.Value));
        Assert.Equal(["victim-1"], restored.ToState().RetiredPersonIds);
        Assert.Equal("victim-3", next.Value);
    }

    [Fact]
    public void Restore_Throws_GivenALivePersonWithARetiredId()
    {
        var state = OpenWithPersons().ToState() with { RetiredPersonIds = ["victim-2"] };

        var ex = Assert.Throws<DomainValidationException>(() => CaseRecord.Restore(state, Zone));

        Assert.Equal("victims[1].id", ex.Field);
    }

    [Fact]
    public void Restore_Throws_GivenAGapThatIsNotARetiredId()
    {
        var s = OpenWithPersons().ToState();
        var state = s with { Victims = [s.Victims[0], s.Victims[1] with { Id = "victim-3" }] };

        var ex = Assert.Throws<DomainValidationException>(() => CaseRecord.Restore(state, Zone));

        Assert.Equal("victims[1].id", ex.Field);
    }

    [Fact]
    public void CorrectHeader_MovesRegionAndReportDate_GivenCorrections()
    {
        var c = OpenWithPersons();

        // 2026-03-01T17:00Z is 2026-03-02 01:00 WITA: still 2 March; 2026-02-27T01:00Z is 27 February.
        var change = c.CorrectHeader(new HeaderCorrection { Region = "53.04", ReportedAt = Instant.FromUtc(2026, 2, 27, 1, 0) }, Clock, Zone, Why());

        Assert.Equal(CaseChangeKind.HeaderCorrected, change.Kind);
        Assert.Equal(["region", "reported_at"], change.FieldPaths);
        Assert.Equal(new FieldChange("region", "\"53.03\"", "\"53.04\"", false), change.Fields[0]);
        Assert.Equal(new LocalDate(2026, 2, 27), c.ReportedOn);
        Assert.Equal("53.04", c.Region.Value);
    }

    [Fact]
    public void CorrectHeader_ThrowsNamingReportedAt_GivenAReportBeforeTheOffence()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectHeader(new HeaderCorrection { ReportedAt = Instant.FromUtc(2025, 11, 19, 1, 0) }, Clock, Zone, Why()));

        Assert.Equal("reported_at", ex.Field);
        Assert.Equal(new LocalDate(2026, 3, 2), c.ReportedOn);
    }

    [Theory]
    [InlineData("region", "*")]
    [InlineData("case_type", "kidnapping")]
    [InlineData("intake_channel", "pigeon")]
    public void CorrectHeader_ThrowsNamingTheField_GivenABadCode(string field, string value)
    {
        var c = OpenWithPersons();
        var input = field switch
        {
            "region" => new HeaderCorrection { Region = value },
            "case_type" => new HeaderCorrection { CaseType = value },
            _ => new HeaderCorrection { IntakeChannel = value },
        };

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectHeader(input, Clock, Zone, Why()));

        Assert.Equal(field, ex.Field);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void CorrectHeader_ThrowsNamingTheReason_GivenAChangeWithoutOne()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.CorrectHeader(new HeaderCorrection { IntakeChannel = "hotline" }, Clock, Zone, Why(null)));

        Assert.Equal("reason", ex.Field);
        Assert.Equal("walk_in", c.ToHeader().IntakeChannel);
    }

    [Fact]
    public void RecordPlaces_NeedsNoReason_GivenPlacesRecordedForTheFirstTime()
    {
        var c = OpenWithPersons();

        var change = c.RecordPlaces(new NewPlaces { OriginKecamatan = "53.03.01", DestinationCountry = "MY" }, Why(null));

        Assert.Equal(["places.destination_country", "places.origin_kecamatan"], change.FieldPaths.Order(StringComparer.Ordinal));
        Assert.Null(change.Reason);
    }

    [Fact]
    public void RecordSimfoniForms_ThrowsNamingTheForm_GivenAnUnknownCode()
    {
        var c = OpenWithPersons();

        var ex = Assert.Throws<DomainValidationException>(() => c.RecordSimfoniForms(["fisik", "magic"], Why()));

        Assert.Equal("simfoni_forms[1]", ex.Field);
    }
}
