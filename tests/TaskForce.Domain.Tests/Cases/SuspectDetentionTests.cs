using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>A suspect's arrest and detention periods on the case (ADR-024), checked by the detention ledger's rules.
/// case-001 (CaseRecordTests.ValidCase): offence 2025-11-20, reported 2026-03-02; the clock is 2026-03-10 09:00 WITA.
/// Periods start in December 2025, so KUHAP 1981 applies (chosen by the start date; KUHAP 2025 from 2 January 2026).
/// Days count the first day as day 1: 20 days from 1 December 2025 run to 20 December 2025 (KUHAP Pasal 24(1)).</summary>
public class SuspectDetentionTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));
    private static readonly DateTimeZone Zone = DistrictTime.DefaultZone;
    private static readonly Actor Worker = Actor.Create("cw-17", "polres_ttu");
    private static readonly PersonId Suspect1 = new("suspect-1");

    private static ChangeContext Why(string? reason = null) => ChangeContext.Create(Worker, reason, Clock);

    private static CaseRecord OpenWithSuspect()
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), Clock, Zone);
        c.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 24 });
        c.AddSuspect(new NewSuspect { Sex = "male", Roles = ["recruiter"] });
        return c;
    }

    private static NewDetentionPeriod Period(string stage, int y, int m, int d, int days, string? type = null) =>
        new() { Stage = stage, From = new LocalDate(y, m, d), Days = days, DetentionType = type };

    [Fact]
    public void RecordDetention_RecordsThePeriodAndTheReleaseDateByLaw_GivenPenyidikFor20Days()
    {
        var c = OpenWithSuspect();

        var change = c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20), Clock, Why());

        Assert.Equal(CaseChangeKind.DetentionRecorded, change.Kind);
        Assert.Equal("suspect-1", change.PersonId);
        Assert.Equal(["suspect_detentions[suspect-1].periods"], change.FieldPaths);
        Assert.Null(change.Fields[0].OldJson);
        Assert.False(change.Fields[0].Identifying);
        var result = c.CheckDetention(Suspect1)!;
        Assert.Equal(new LocalDate(2025, 12, 20), result.ReleaseByLaw); // 1 Dec is day 1, 20 Dec day 20
        Assert.Equal("KUHAP Pasal 24(1)", result.Periods[0].LegalBasis);
        Assert.Equal(20, result.Periods[0].LimitDays);
        Assert.Equal([change], c.PendingChanges);
    }

    [Fact]
    public void RecordDetention_ThrowsNamingDays_GivenPenyidikFor21Days()
    {
        var c = OpenWithSuspect();

        var ex = Assert.Throws<DomainValidationException>(() => c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 21), Clock, Why()));

        Assert.Equal("days", ex.Field);
        Assert.Contains("over_limit", ex.Message, StringComparison.Ordinal);
        Assert.Null(c.DetentionOf(Suspect1));
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void RecordDetention_ThrowsNamingFrom_GivenAnExtensionStartingBeforeTheBasePeriodEnds()
    {
        var c = OpenWithSuspect();
        c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20), Clock, Why());
        c.AcceptChanges();

        // The base period runs to 20 December; an extension from 15 December overlaps it by 6 days (15..20).
        var ex = Assert.Throws<DomainValidationException>(() => c.RecordDetention(Suspect1, Period("penyidik_perpanjangan", 2025, 12, 15, 40), Clock, Why()));

        Assert.Equal("from", ex.Field);
        Assert.Contains("overlap_within_level", ex.Message, StringComparison.Ordinal);
        Assert.Single(c.DetentionOf(Suspect1)!.Periods);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void RecordDetention_MovesTheReleaseDate_GivenTheProsecutorsExtensionFor40Days()
    {
        var c = OpenWithSuspect();
        c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20), Clock, Why());

        c.RecordDetention(Suspect1, Period("penyidik_perpanjangan", 2025, 12, 21, 40, "tahanan_rumah"), Clock, Why());

        // 21..31 December is 11 days, 1..29 January 29 more: day 40 is 29 January 2026 (KUHAP Pasal 24(2)).
        var result = c.CheckDetention(Suspect1)!;
        Assert.Equal(new LocalDate(2026, 1, 29), result.ReleaseByLaw);
        Assert.Equal("KUHAP Pasal 24(2)", result.Periods[1].LegalBasis);
        Assert.Equal("tahanan_rumah", c.DetentionOf(Suspect1)!.Periods[1].DetentionType);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void RecordDetention_ThrowsNamingFrom_GivenAStartBeforeTheOffenceDate()
    {
        var c = OpenWithSuspect();

        var ex = Assert.Throws<DomainValidationException>(() => c.RecordDetention(Suspect1, Period("penyidik", 2025, 11, 19, 20), Clock, Why()));

        Assert.Equal("from", ex.Field);
        Assert.Contains("detention_before_offence", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordArrest_ThrowsNamingArrestedAt_GivenAnArrestOnTheWitaDayAfterTheDetentionStarts()
    {
        var c = OpenWithSuspect();
        c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20), Clock, Why());

        // 2025-12-01T16:30Z is 00:30 WITA on 2 December: after the detention's first day (1 December), though the UTC
        // date is still 1 December.
        var ex = Assert.Throws<DomainValidationException>(() => c.RecordArrest(Suspect1, Instant.FromUtc(2025, 12, 1, 16, 30), Clock, Why()));
        var ok = c.RecordArrest(Suspect1, Instant.FromUtc(2025, 12, 1, 15, 30), Clock, Why()); // 23:30 WITA on 1 December

        Assert.Equal("arrested_at", ex.Field);
        Assert.Contains("arrest_after_detention_start", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["suspect_detentions[suspect-1].arrested_at"], ok.FieldPaths);
        Assert.Equal(Instant.FromUtc(2025, 12, 1, 15, 30), c.DetentionOf(Suspect1)!.ArrestedAt);
    }

    [Fact]
    public void RecordDetention_DemandsAReason_GivenTheStageOnFileWithOtherDays_AndRecordsNothingGivenTheSameValues()
    {
        var c = OpenWithSuspect();
        c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20), Clock, Why());
        c.AcceptChanges();

        var same = c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20), Clock, Why());
        var ex = Assert.Throws<DomainValidationException>(() => c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 18), Clock, Why()));
        var corrected = c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 18), Clock, Why("Surat perintah penahanan dibaca ulang"));

        Assert.Empty(same.Fields);
        Assert.Equal("reason", ex.Field);
        Assert.Equal([corrected], c.PendingChanges);
        Assert.Equal(new LocalDate(2025, 12, 18), c.CheckDetention(Suspect1)!.ReleaseByLaw);
    }

    [Theory]
    [InlineData("victim-1", null, 20, "person_id")]
    [InlineData("suspect-9", null, 20, "person_id")]
    [InlineData("suspect-1", "penahanan", 20, "stage")]
    [InlineData("suspect-1", null, 0, "days")]
    public void RecordDetention_ThrowsNamingTheField_GivenBadInput(string person, string? stage, int days, string field)
    {
        var c = OpenWithSuspect();

        var ex = Assert.Throws<DomainValidationException>(() => c.RecordDetention(new PersonId(person), new NewDetentionPeriod { Stage = stage ?? "penyidik", From = new LocalDate(2025, 12, 1), Days = days }, Clock, Why()));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void RecordDetention_ThrowsNamingFrom_GivenAStartMoreThanSevenDaysAhead()
    {
        var c = OpenWithSuspect();

        // Today is 10 March 2026 (WITA): 17 March is the last first day accepted, 18 March is refused.
        var ex = Assert.Throws<DomainValidationException>(() => c.RecordDetention(Suspect1, Period("penuntut_umum", 2026, 3, 18, 20), Clock, Why()));
        c.RecordDetention(Suspect1, Period("penuntut_umum", 2026, 3, 17, 20), Clock, Why());

        Assert.Equal("from", ex.Field);
        Assert.Single(c.DetentionOf(Suspect1)!.Periods);
    }

    [Fact]
    public void Restore_KeepsTheDetention_GivenTheStateOfACaseWithOne()
    {
        var c = OpenWithSuspect();
        c.RecordArrest(Suspect1, Instant.FromUtc(2025, 11, 30, 2, 0), Clock, Why());
        c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20, "tahanan_kota"), Clock, Why());

        var restored = CaseRecord.Restore(c.ToState(), Zone);

        Assert.Equal(c.DetentionOf(Suspect1)!.ArrestedAt, restored.DetentionOf(Suspect1)!.ArrestedAt);
        Assert.Equal(c.DetentionOf(Suspect1)!.Periods, restored.DetentionOf(Suspect1)!.Periods);
        Assert.Equal(new LocalDate(2025, 12, 20), restored.CheckDetention(Suspect1)!.ReleaseByLaw);
    }

    [Fact]
    public void RemovePerson_DropsTheSuspectsDetention()
    {
        var c = OpenWithSuspect();
        c.RecordDetention(Suspect1, Period("penyidik", 2025, 12, 1, 20), Clock, Why());

        var change = c.RemovePerson(Suspect1, Why("Tercatat dua kali"));

        Assert.Contains("suspect_detentions[suspect-1].periods", change.FieldPaths);
        Assert.Null(c.ToState().SuspectDetentions);
    }
}
