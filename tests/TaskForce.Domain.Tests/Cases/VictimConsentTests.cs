using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>Consent per victim (issue 13 item 4, ADR-018). The case: offence 2025-11-20, reported 2026-03-02; ages and
/// dates worked out by hand in the comments.</summary>
public class VictimConsentTests
{
    private static readonly DateTimeZone Zone = DistrictTime.DefaultZone;
    private static readonly Actor Worker = Actor.Create("cw-17", "uptd_ppa_ttu");
    private static readonly NewConsent AllGiven = new() { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "self" };

    private static CaseRecord Open(FakeClock clock, params LocalDate[] births)
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), clock, Zone);
        foreach (var b in births)
        {
            c.AddVictim(new NewVictim { Sex = "female", BirthDate = b });
        }

        return c;
    }

    private static FakeClock At(int y, int mo, int d, int h = 1, int mi = 0) => new(Instant.FromUtc(y, mo, d, h, mi));

    [Theory]
    [InlineData(2026, 3, 14, ChildStatus.Child)] // born 2008-03-15: 17 until 2026-03-14
    [InlineData(2026, 3, 15, ChildStatus.Adult)] // 18th birthday
    public void StatusOn_UsesTheBirthDate_GivenOne(int y, int m, int d, ChildStatus expected) =>
        Assert.Equal(expected, ChildAge.StatusOn(new LocalDate(2008, 3, 15), null, false, new LocalDate(2025, 11, 20), new LocalDate(y, m, d)));

    [Theory]
    // 17 on 2025-11-20: born in 2007-11-21 .. 2008-11-20. Earliest 18th birthday 2025-11-21, latest 2026-11-20.
    [InlineData(2025, 11, 20, ChildStatus.Child)]
    [InlineData(2025, 11, 21, ChildStatus.Unknown)]
    [InlineData(2026, 11, 19, ChildStatus.Unknown)]
    [InlineData(2026, 11, 20, ChildStatus.Adult)]
    public void StatusOn_AddsTheTimeElapsed_GivenAnAgeAtTheAct(int y, int m, int d, ChildStatus expected) =>
        Assert.Equal(expected, ChildAge.StatusOn(null, 17, false, new LocalDate(2025, 11, 20), new LocalDate(y, m, d)));

    [Fact]
    public void StatusOn_IsUnknown_GivenAnAgeWithoutTheActsDate() =>
        Assert.Equal(ChildStatus.Unknown, ChildAge.StatusOn(null, 15, false, null, new LocalDate(2026, 3, 10)));

    [Fact]
    public void StatusOn_CountsFromTheDayAfterTheAct_GivenUnborn()
    {
        // Unborn at an act on 2025-11-20: born 2025-11-21 at the earliest, 18 on 2043-11-21 at the earliest.
        Assert.Equal(ChildStatus.Child, ChildAge.StatusOn(null, null, true, new LocalDate(2025, 11, 20), new LocalDate(2043, 11, 20)));
        Assert.Equal(ChildStatus.Unknown, ChildAge.StatusOn(null, null, true, new LocalDate(2025, 11, 20), new LocalDate(2043, 11, 21)));
    }

    [Fact]
    public void RecordVictimConsent_JudgesSelfByTheAgeOnTheDayInTheDistrictZone_NotAtTheAct()
    {
        // Born 2008-03-15: 17 at the act (a child then). 2026-03-14T15:59Z is 23:59 WITA on the 14th (17, refused);
        // 2026-03-14T16:00Z is 00:00 WITA on the 15th, her 18th birthday: she consents herself.
        var before = At(2026, 3, 14, 15, 59);
        var c = Open(before, new LocalDate(2008, 3, 15));
        Assert.Equal(ChildStatus.Child, c.Victims[0].ChildStatusAtOffence());

        var e = Assert.Throws<DomainValidationException>(() => c.RecordVictimConsent(new PersonId("victim-1"), AllGiven, ChangeContext.Create(Worker, null, before)));
        Assert.Equal("given_by", e.Field);
        Assert.Empty(c.PendingChanges);
        Assert.Null(c.ConsentOf(new PersonId("victim-1")));

        var birthday = At(2026, 3, 14, 16, 0);
        var change = c.RecordVictimConsent(new PersonId("victim-1"), AllGiven, ChangeContext.Create(Worker, null, birthday));

        Assert.Equal(CaseChangeKind.ConsentRecorded, change.Kind);
        Assert.Equal("victim-1", change.PersonId);
        var consent = c.ConsentOf(new PersonId("victim-1"))!;
        Assert.Equal((true, true, true, ConsentGiver.Self), (consent.ForServices, consent.ForReporting, consent.ForSharing, consent.GivenBy));
        Assert.Equal(Instant.FromUtc(2026, 3, 14, 16, 0), consent.RecordedAt);
        Assert.Equal(Worker, consent.RecordedBy);
    }

    [Fact]
    public void RecordVictimConsent_RefusesSelf_GivenAnAgeAtTheActThatKeepsHerAChild()
    {
        // No birth date, 15 on 2025-11-20: born 2009-11-21 at the earliest, so under 18 until at least 2027-11-21.
        var clock = At(2026, 3, 10);
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), clock, Zone);
        c.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 15 });

        Assert.Equal("given_by", Assert.Throws<DomainValidationException>(() => c.RecordVictimConsent(new PersonId("victim-1"), AllGiven, ChangeContext.Create(Worker, null, clock))).Field);
        c.RecordVictimConsent(new PersonId("victim-1"), AllGiven with { GivenBy = "parent_or_guardian" }, ChangeContext.Create(Worker, null, clock));
        Assert.Equal(ConsentGiver.ParentOrGuardian, c.ConsentOf(new PersonId("victim-1"))!.GivenBy);
    }

    [Fact]
    public void RecordVictimConsent_RecordsTheWithdrawalAsAChange_GivenReportingWithdrawn()
    {
        var intake = At(2026, 3, 10);
        var c = Open(intake, new LocalDate(1990, 1, 1));
        c.RecordConsent(AllGiven, intake);
        var later = At(2026, 4, 1);

        var change = c.RecordVictimConsent(new PersonId("victim-1"), AllGiven with { ForReporting = false }, ChangeContext.Create(Worker, "Korban menarik persetujuan", later));

        Assert.Equal(new FieldChange("victim_consents[victim-1].for_reporting", "true", "false", false), change.Fields.Single(f => f.Path.EndsWith(".for_reporting", StringComparison.Ordinal)));
        Assert.Equal(new FieldChange("victim_consents[victim-1].reporting_withdrawn", "false", "true", false), change.Fields.Single(f => f.Path.EndsWith(".reporting_withdrawn", StringComparison.Ordinal)));
        Assert.Contains("victim_consents[victim-1].recorded_at", change.FieldPaths);
        Assert.Contains("victim_consents[victim-1].recorded_by_user", change.FieldPaths);
        Assert.DoesNotContain("victim_consents[victim-1].for_services", change.FieldPaths);
        Assert.Equal("Korban menarik persetujuan", change.Reason);
        Assert.Equal([change], c.PendingChanges);
        Assert.False(c.CountsForReporting(new PersonId("victim-1")));
        Assert.True(c.ConsentOf(new PersonId("victim-1"))!.ReportingWithdrawn);
        Assert.True(c.Consent!.ForReporting); // the intake consent stays as recorded
    }

    [Fact]
    public void RecordConsent_AppliesIntakeConsentToTheVictimsRecordedSoFar()
    {
        var clock = At(2026, 3, 10);
        var c = Open(clock, new LocalDate(1990, 1, 1));
        c.RecordConsent(AllGiven, clock);
        c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(1995, 6, 1) });

        Assert.NotNull(c.ConsentOf(new PersonId("victim-1")));
        Assert.Null(c.RecordedByOf("victim-1"));
        Assert.Null(c.ConsentOf(new PersonId("victim-2"))); // came forward later: her own consent is needed
        Assert.Equal(ConsentToShare.NotRecorded, c.SharingConsent);
    }

    [Fact]
    public void SharingConsent_IsWithdrawn_WhileAnyVictimHasWithdrawnIt()
    {
        var clock = At(2026, 3, 10);
        var c = Open(clock, new LocalDate(1990, 1, 1), new LocalDate(1995, 6, 1));
        c.RecordConsent(AllGiven, clock);
        Assert.Equal(ConsentToShare.Given, c.SharingConsent);

        c.RecordVictimConsent(new PersonId("victim-2"), AllGiven with { ForSharing = false }, ChangeContext.Create(Worker, null, At(2026, 3, 20)));
        Assert.Equal(ConsentToShare.Withdrawn, c.SharingConsent);
        Assert.True(c.ConsentOf(new PersonId("victim-2"))!.SharingWithdrawn);

        // Recording "no" again keeps it a withdrawal; giving it again restores sharing.
        c.RecordVictimConsent(new PersonId("victim-2"), AllGiven with { ForSharing = false, ForServices = false }, ChangeContext.Create(Worker, null, At(2026, 3, 21)));
        Assert.Equal(ConsentToShare.Withdrawn, c.SharingConsent);
        c.RecordVictimConsent(new PersonId("victim-2"), AllGiven, ChangeContext.Create(Worker, null, At(2026, 3, 22)));
        Assert.Equal(ConsentToShare.Given, c.SharingConsent);
    }

    [Fact]
    public void SharingConsent_IsRefused_GivenAVictimWhoNeverGaveIt()
    {
        var clock = At(2026, 3, 10);
        var c = Open(clock, new LocalDate(1990, 1, 1));
        c.RecordConsent(AllGiven with { ForSharing = false }, clock);

        Assert.Equal(ConsentToShare.Refused, c.SharingConsent);
        Assert.False(c.ConsentOf(new PersonId("victim-1"))!.SharingWithdrawn);
    }

    [Theory]
    [InlineData("victim-9", "self", true, "person_id")]
    [InlineData("victim-1", "mother", true, "given_by")]
    [InlineData("victim-1", "self", false, "for_sharing")]
    public void RecordVictimConsent_ThrowsNamingTheField_AndChangesNothing_GivenBadInput(string victim, string giver, bool sharingSent, string field)
    {
        var clock = At(2026, 3, 10);
        var c = Open(clock, new LocalDate(1990, 1, 1));
        var input = new NewConsent { ForServices = true, ForReporting = true, ForSharing = sharingSent ? true : null, GivenBy = giver };

        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => c.RecordVictimConsent(new PersonId(victim), input, ChangeContext.Create(Worker, null, clock))).Field);
        Assert.Empty(c.PendingChanges);
        Assert.Empty(c.VictimConsents);
    }

    [Fact]
    public void Restore_AppliesTheCaseConsentToEveryVictim_GivenARowStoredBeforeConsentPerVictim()
    {
        var clock = At(2026, 3, 10);
        var c = Open(clock, new LocalDate(1990, 1, 1), new LocalDate(1995, 6, 1));
        c.RecordConsent(AllGiven with { ForSharing = false }, clock);
        var legacy = c.ToState() with { VictimConsents = null };

        var restored = CaseRecord.Restore(legacy, Zone);

        Assert.Equal(2, restored.VictimConsents.Count);
        Assert.All(restored.VictimConsents.Values, v => Assert.Equal((true, true, false, clock.GetCurrentInstant()), (v.ForServices, v.ForReporting, v.ForSharing, v.RecordedAt)));
        Assert.Equal(ConsentToShare.Refused, restored.SharingConsent);
    }

    [Fact]
    public void Restore_KeepsEachVictimsConsentAndWithdrawal()
    {
        var clock = At(2026, 3, 10);
        var c = Open(clock, new LocalDate(1990, 1, 1), new LocalDate(1995, 6, 1));
        c.RecordConsent(AllGiven, clock);
        c.RecordVictimConsent(new PersonId("victim-2"), AllGiven with { ForReporting = false, ForSharing = false }, ChangeContext.Create(Worker, null, At(2026, 3, 20)));

        var restored = CaseRecord.Restore(c.ToState(), Zone);

        var v2 = restored.ConsentOf(new PersonId("victim-2"))!;
        Assert.Equal((false, true, true, Worker), (v2.ForReporting, v2.ReportingWithdrawn, v2.SharingWithdrawn, v2.RecordedBy!));
        Assert.True(restored.CountsForReporting(new PersonId("victim-1")));
        Assert.Equal(ConsentToShare.Withdrawn, restored.SharingConsent);
        Assert.Equal(c.ToState().VictimConsents, restored.ToState().VictimConsents);
    }

    [Fact]
    public void Map_LeavesOutTheVictimWhoWithdrewReportingConsent()
    {
        var clock = At(2026, 3, 10);
        var c = Open(clock, new LocalDate(1990, 1, 1), new LocalDate(1995, 6, 1));
        c.RecordConsent(AllGiven, clock);
        var keyer = new PersonKeyer(new byte[32]);
        Assert.Equal(2, VictimCaseFactMapper.Map(c, CaseWorkflows.None, keyer).Count);

        c.RecordVictimConsent(new PersonId("victim-2"), AllGiven with { ForReporting = false }, ChangeContext.Create(Worker, null, At(2026, 3, 20)));
        var facts = VictimCaseFactMapper.Map(c, CaseWorkflows.None, keyer);

        var only = Assert.Single(facts);
        Assert.True(only.ConsentToReporting);
        Assert.Equal(keyer.KeyOf(c.Id, c.Victims[0]).Value, only.PersonKey);

        // When the last consenting victim withdraws too, the case keeps its rows, marked without consent (left out of
        // every count but "records without consent").
        c.RecordVictimConsent(new PersonId("victim-1"), AllGiven with { ForReporting = false }, ChangeContext.Create(Worker, null, At(2026, 3, 21)));
        var none = VictimCaseFactMapper.Map(c, CaseWorkflows.None, keyer);
        Assert.Equal(2, none.Count);
        Assert.All(none, f => Assert.False(f.ConsentToReporting));
    }
}

internal static class ConsentTestExtensions
{
    public static Actor? RecordedByOf(this CaseRecord c, string victim) => c.ConsentOf(new PersonId(victim))!.RecordedBy;
}
