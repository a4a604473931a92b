using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>ADR-018 item 5: for counting, consent to reporting "not recorded" is treated as refused. A victim added
/// after intake has no consent until one is recorded for her, and until then she is left out of the counts exactly as
/// a victim who refused; for sharing the two are told apart (<c>not_recorded</c> vs <c>refused</c>).</summary>
public class ConsentNotRecordedTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));
    private static readonly Actor Worker = Actor.Create("cw-17", "uptd_ppa_ttu");
    private static readonly NewConsent AllGiven = new() { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "self" };

    private static CaseRecord WithLaterVictim(bool refuseInstead)
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase(), Clock, DistrictTime.DefaultZone);
        c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(1990, 1, 1) });
        c.RecordConsent(AllGiven, Clock);
        c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(1995, 6, 1) }, ChangeContext.Create(Worker, null, Clock));
        if (refuseInstead)
        {
            c.RecordVictimConsent(new PersonId("victim-2"), AllGiven with { ForReporting = false, ForSharing = false }, ChangeContext.Create(Worker, null, Clock));
        }

        return c;
    }

    [Theory]
    [InlineData(false, ConsentToShare.NotRecorded)]
    [InlineData(true, ConsentToShare.Refused)]
    public void Map_LeavesOutTheLaterVictim_GivenHerConsentNotRecordedOrRefused(bool refused, ConsentToShare sharing)
    {
        var c = WithLaterVictim(refused);
        var keyer = new PersonKeyer(new byte[32]);

        var facts = VictimCaseFactMapper.Map(c, CaseWorkflows.None, keyer);

        Assert.Null(refused ? null : c.ConsentOf(new PersonId("victim-2")));
        Assert.False(c.CountsForReporting(new PersonId("victim-2")));
        Assert.Equal(keyer.KeyOf(c.Id, c.Victims[0]).Value, Assert.Single(facts).PersonKey);
        Assert.Equal(sharing, c.SharingConsent);
    }
}
