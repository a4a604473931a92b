using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>The change history of a case record (ADR-016): each amending operation records exactly the fields it
/// changed, worked out by hand from the values below.</summary>
public class CaseHistoryTests
{
    // 2026-03-10 09:00 WITA.
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));
    private static readonly DateTimeZone Zone = DistrictTime.DefaultZone;
    private static readonly Actor Worker = Actor.Create("cw-17", "uptd_ppa_ttu");

    private static CaseRecord OpenWithVictim()
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), Clock, Zone); // offence 2025-11-20, reported 2026-03-02
        c.AddVictim(new NewVictim
        {
            Sex = "female",
            BirthDate = new LocalDate(2008, 5, 1),
            Identity = new NewIdentity { FullName = "Yohana Sanam" },
        });
        return c;
    }

    [Fact]
    public void RecordOffenceDate_RecordsTheDateAndTheAgeItMoves_GivenAnEarlierActDate()
    {
        var c = OpenWithVictim();

        var change = c.RecordOffenceDate(new LocalDate(2025, 4, 1), ChangeContext.Create(Worker, "Tanggal kejadian dari BAP", Clock));

        // Born 2008-05-01: 17 on 2025-11-20, 16 on 2025-04-01.
        Assert.Equal(CaseChangeKind.OffenceDateRecorded, change.Kind);
        Assert.Equal(["offence_date", "victims[victim-1].age_at_offence"], change.FieldPaths);
        Assert.Equal(new FieldChange("offence_date", "\"2025-11-20\"", "\"2025-04-01\"", false), change.Fields[0]);
        Assert.Equal(new FieldChange("victims[victim-1].age_at_offence", "17", "16", false), change.Fields[1]);
        Assert.Equal("Tanggal kejadian dari BAP", change.Reason);
        Assert.Equal(Worker, change.Actor);
        Assert.Equal(Clock.GetCurrentInstant(), change.At);
        Assert.Equal([change], c.PendingChanges);
    }

    [Fact]
    public void RecordOffenceDate_RecordsNothing_GivenTheDateAlreadyOnFile()
    {
        var c = OpenWithVictim();

        var change = c.RecordOffenceDate(new LocalDate(2025, 11, 20), ChangeContext.Create(Worker, null, Clock));

        Assert.Empty(change.Fields);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void RecordOffenceDate_Throws_GivenAnEarlierDateReplacedWithoutAReason()
    {
        var c = OpenWithVictim();

        var ex = Assert.Throws<DomainValidationException>(() => c.RecordOffenceDate(new LocalDate(2025, 4, 1), ChangeContext.Create(Worker, "  ", Clock)));

        Assert.Equal("reason", ex.Field);
        Assert.Equal(new LocalDate(2025, 11, 20), c.OffenceDate);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void RecordOffenceDate_RecordsNothingAndChangesNothing_GivenADateAfterTheReport()
    {
        var c = OpenWithVictim();

        Assert.Throws<DomainValidationException>(() => c.RecordOffenceDate(new LocalDate(2026, 3, 3), ChangeContext.Create(Worker, "salah ketik", Clock)));

        Assert.Equal(new LocalDate(2025, 11, 20), c.OffenceDate);
        Assert.Empty(c.PendingChanges);
    }

    [Fact]
    public void Track_MarksIdentityPathsIdentifying_GivenAPersonAdded()
    {
        var c = OpenWithVictim();

        var change = c.Track(CaseChangeKind.PersonAdded, new PersonId("victim-2"), ChangeContext.Create(Worker, null, Clock), () => c.AddVictim(new NewVictim
        {
            Sex = "male",
            AgeAtOffence = 24,
            Identity = new NewIdentity { FullName = "Yakobus Kolo", Phone = "+62 812 1111 2222" },
        }));

        Assert.Equal(
            ["victims[victim-2].sex", "victims[victim-2].age_at_offence", "victims[victim-2].unborn", "victims[victim-2].migrant_worker_status", "victims[victim-2].identity.full_name", "victims[victim-2].identity.phone"],
            change.FieldPaths);
        Assert.Equal([false, false, false, false, true, true], change.Fields.Select(f => f.Identifying));
        Assert.Equal("\"Yakobus Kolo\"", change.Fields[4].NewJson);
        Assert.Null(change.Fields[4].OldJson);
        Assert.Equal("\"unknown\"", change.Fields[3].NewJson);
    }

    [Fact]
    public void RecordSpdpSent_RecordsTheDate_GivenNoEarlierDate()
    {
        var c = OpenWithVictim();

        var change = c.RecordSpdpSent(new LocalDate(2026, 3, 5), Clock, Zone, ChangeContext.Create(Worker, null, Clock));

        Assert.Equal(CaseChangeKind.SpdpRecorded, change.Kind);
        Assert.Equal([new FieldChange("spdp_sent_on", null, "\"2026-03-05\"", false)], change.Fields);
    }

    [Fact]
    public void Create_Throws_GivenAReasonWithAControlCharacter()
    {
        var ex = Assert.Throws<DomainValidationException>(() => ChangeContext.Create(Worker, "a\u0000b", Clock));

        Assert.Equal("reason", ex.Field);
    }
}
