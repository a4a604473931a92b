using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>Erasure of one person's identity (UU 27/2022 Pasal 8; ADR-019): identity and birth date gone, the other
/// facts kept, the change lists paths and no value, the person key follows a random pseudonym.</summary>
public class CaseErasureTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));
    private static readonly Actor Coordinator = Actor.Create("coord-1", "gugus_tugas_ttu");
    private const string Pseudonym = "0123456789abcdef0123456789abcdef";

    private static CaseRecord OpenWithVictim()
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), Clock, DistrictTime.DefaultZone); // offence 2025-11-20
        c.AddVictim(new NewVictim
        {
            Sex = "female",
            BirthDate = new LocalDate(2008, 5, 1),
            Citizenship = "ID",
            Identity = new NewIdentity { FullName = "Yohana Sanam", NationalIdNumber = "5303014105080001", Phone = "+62 812 3799 1234" },
        });
        return c;
    }

    [Fact]
    public void EraseIdentity_ErasesIdentityAndBirthDate_AndKeepsTheFacts_GivenAVictim()
    {
        var c = OpenWithVictim();
        string id = c.Victims[^1].Id.Value;

        var change = c.EraseIdentity(id, Pseudonym, ChangeContext.Create(Coordinator, "she asked; her name is Yohana", Clock));

        var v = c.Victims[^1];
        Assert.Equal(PersonIdentity.Empty, v.Identity);
        Assert.Null(v.BirthDate);
        Assert.Equal((Sex.Female, 17, "ID"), (v.Sex, v.AgeAtOffence, v.Citizenship?.Value)); // 2008-05-01 to 2025-11-20: 17
        Assert.Equal(CaseChangeKind.IdentityErased, change.Kind);
        Assert.Equal(id, change.PersonId);
        Assert.Null(change.Reason); // a reason may name the person: not kept
        Assert.Equal([$"victims[{id}].identity.full_name", $"victims[{id}].identity.national_id_number", $"victims[{id}].identity.phone", $"victims[{id}].birth_date"], change.FieldPaths);
        Assert.All(change.Fields, f => Assert.Equal(new FieldChange(f.Path, null, null, true), f));
        Assert.Equal([change], c.PendingChanges);
        Assert.Equal("nik:" + Pseudonym, c.LinkagePseudonyms[id]);
    }

    [Fact]
    public void EraseIdentity_SurvivesARestore_AndKeysByThePseudonym()
    {
        var c = OpenWithVictim();
        string id = c.Victims[^1].Id.Value;
        c.EraseIdentity(id, Pseudonym, ChangeContext.Create(Coordinator, null, Clock));

        var restored = CaseRecord.Restore(c.ToState(), DistrictTime.DefaultZone);

        Assert.Equal("nik:" + Pseudonym, restored.LinkagePseudonyms[id]);
        var keyer = new PersonKeyer(new byte[32]);
        var key = keyer.KeyOfPseudonym(restored.LinkagePseudonyms[id]);
        Assert.Equal(PersonKeyBasis.Nik, key.Basis);
        Assert.Equal(key, keyer.KeyOfPseudonym("nik:" + Pseudonym)); // another record of hers erased by the same request agrees
        Assert.NotEqual(key, keyer.KeyOf("c", id, "5303014105080001", null, null, Sex.Female)); // nothing derived from the NIK
    }

    [Fact]
    public void EraseIdentity_RecordsNothing_GivenAPersonWithoutIdentity()
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), Clock, DistrictTime.DefaultZone);
        c.AddVictim(new NewVictim { Sex = "male", AgeAtOffence = 24 });

        var change = c.EraseIdentity(c.Victims[^1].Id.Value, Pseudonym, ChangeContext.Create(Coordinator, null, Clock));

        Assert.Empty(change.Fields);
        Assert.Empty(c.PendingChanges);
        Assert.Empty(c.LinkagePseudonyms); // nothing to link by
    }

    [Theory]
    [InlineData("victim-99", Pseudonym, "person_id")]
    [InlineData("victim-1", "not-hex", "linkage_pseudonym")]
    public void EraseIdentity_RefusesNamingTheField_GivenAnUnknownPersonOrAMalformedPseudonym(string person, string pseudonym, string field)
    {
        var c = OpenWithVictim();

        var e = Assert.Throws<DomainValidationException>(() => c.EraseIdentity(person, pseudonym, ChangeContext.Create(Coordinator, null, Clock)));

        Assert.Equal(field, e.Field);
        Assert.Empty(c.PendingChanges);
    }
}
