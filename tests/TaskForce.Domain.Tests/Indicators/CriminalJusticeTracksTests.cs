using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;
using static TaskForce.Domain.Tests.Indicators.CaseFactFixture;

namespace TaskForce.Domain.Tests.Indicators;

/// <summary>ADR-008 rule 12: a case with one criminal-justice track per suspect (ADR-023) reached a funnel stage when any
/// track did, on the earliest date, whatever the order the tracks are read in.</summary>
/// <remarks>The hand-made case, reported 10 March 2025 09:00 WITA with one consenting victim:
/// <list type="bullet">
/// <item>suspect B (<c>cj-b</c>): LP 10 March, penyelidikan 11 March, dihentikan 14 March (no crime found);</item>
/// <item>suspect A (<c>cj-a</c>): LP 11 March, penyidikan 12 March with the SPDP sent that day, P-19 15 March,
/// P-21 20 March.</item>
/// </list>
/// So the case: LP 10 March (B's, the earlier), SPDP 12 March (A), P-21 20 March (A), no verdict. A's P-19 deadline
/// (14 days counting the P-19 day, KUHAP Pasal 138(2)): 15 to 28 March, closed by the P-21 on 20 March.</remarks>
public sealed class CriminalJusticeTracksTests
{
    private static readonly DateTimeZone Wita = DistrictTime.DefaultZone;
    private static readonly PersonKeyer Keyer = new(new byte[32]);
    private static readonly Actor Police = Actor.Create("staff-2", "polres_ttu");

    private static (CaseRecord Record, WorkflowInstance<JusticeStage, CriminalJusticeContext> A, WorkflowInstance<JusticeStage, CriminalJusticeContext> B) TwoSuspects()
    {
        var clock = new FakeClock(new LocalDateTime(2025, 3, 10, 9, 0).InZoneStrictly(Wita).ToInstant());
        var record = CaseRecord.Open(new CaseHeader
        {
            Id = "case-9", Region = "53.03", CaseType = "tppo", ReportingAgency = new NewAgency("police", "Polres TTU"),
            IntakeChannel = "walk_in", ReportedAt = clock.GetCurrentInstant(), OffenceDate = new LocalDate(2025, 3, 1),
        }, clock, Wita);
        record.AddVictim(new NewVictim { Sex = "female", AgeAtOffence = 17 });
        record.RecordConsent(new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "parent_or_guardian" }, clock);

        var b = CriminalJusticeWorkflow.Default.Start("cj-b", new CriminalJusticeContext(null) { SuspectId = "suspect-2" }, Police, clock, Wita);
        clock.Advance(Duration.FromDays(1)); // 11 March
        var a = CriminalJusticeWorkflow.Default.Start("cj-a", new CriminalJusticeContext(null) { SuspectId = "suspect-1" }, Police, clock, Wita);
        b.TransitionTo("penyelidikan", Police, clock);
        clock.Advance(Duration.FromDays(1)); // 12 March
        a.TransitionTo("penyidikan", Police, clock, context: a.Context with { SpdpSentOn = new LocalDate(2025, 3, 12) });
        clock.Advance(Duration.FromDays(2)); // 14 March
        b.TransitionTo("dihentikan", Police, clock, reason: "gelar perkara: bukan tindak pidana");
        clock.Advance(Duration.FromDays(1)); // 15 March
        a.TransitionTo("p19", Police, clock, reason: "berkas belum lengkap");
        clock.Advance(Duration.FromDays(5)); // 20 March
        a.TransitionTo("p21", Police, clock);
        return (record, a, b);
    }

    private static VictimCaseFact Map(bool suspectBFirst)
    {
        var (record, a, b) = TwoSuspects();
        var tracks = suspectBFirst ? new[] { b, a } : [a, b];
        return Assert.Single(VictimCaseFactMapper.Map(record, new CaseWorkflows { CriminalJusticeTracks = tracks }, Keyer));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Map_TakesEachStageFromAnyTrackOnItsEarliestDate_GivenTwoSuspectsTracksInEitherOrder(bool suspectBFirst)
    {
        var fact = Map(suspectBFirst);

        Assert.Equal(new JusticeMilestones(new LocalDate(2025, 3, 10), new LocalDate(2025, 3, 12), new LocalDate(2025, 3, 20), null, null, null, null), fact.Milestones);
        var p19 = Assert.Single(fact.Deadlines);
        Assert.Equal(new DeadlineFact("criminal_justice.p19_file_return", new LocalDate(2025, 3, 15), new LocalDate(2025, 3, 28), null, new LocalDate(2025, 3, 20)), p19);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JusticeFunnel_CountsTheCaseAtP21_GivenSuspectBStoppedInTheInquiryInEitherOrder(bool suspectBFirst)
    {
        var input = IndicatorInput.From([Map(suspectBFirst)], Wita);
        var cells = CaseIndicators.Compute(input, Ttu, ReportingPeriod.Parse("2025-03"), new CaseIndicatorOptions { SuppressionK = 1 }).Cells;

        // One case reported in March; by 31 March it reached LP, SPDP and P-21 (suspect A), no verdict.
        Assert.Equal(1m, Value(cells, "justice_funnel", ("stage", "reported")));
        Assert.Equal(1m, Value(cells, "justice_funnel", ("stage", "laporan_polisi")));
        Assert.Equal(1m, Value(cells, "justice_funnel", ("stage", "spdp")));
        Assert.Equal(1m, Value(cells, "justice_funnel", ("stage", "p21")));
        Assert.Equal(0m, Value(cells, "justice_funnel", ("stage", "putusan")));
        Assert.Equal(0m, Value(cells, "justice_funnel", ("stage", "inkracht")));
    }

    [Fact]
    public void Map_GivesOnlyThePoliceReport_GivenTheStoppedTrackAlone()
    {
        // The stopped track alone: LP 10 March, nothing further (the SPDP date is not in its facts).
        var (record, _, b) = TwoSuspects();
        var alone = Assert.Single(VictimCaseFactMapper.Map(record, new CaseWorkflows { CriminalJusticeTracks = [b] }, Keyer));

        Assert.Equal(new JusticeMilestones(new LocalDate(2025, 3, 10), null, null, null, null, null, null), alone.Milestones);
        Assert.Empty(alone.Deadlines);
    }

#pragma warning disable CS0618 // the obsolete single-track property is what is tested
    [Fact]
    public void CriminalJustice_GivesTheFirstTrackBySubjectId_GivenSeveralTracks()
    {
        var (_, a, b) = TwoSuspects();

        Assert.Same(a, new CaseWorkflows { CriminalJusticeTracks = [b, a] }.CriminalJustice);
        Assert.Equal([b], new CaseWorkflows { CriminalJustice = b }.CriminalJusticeTracks);
        Assert.Empty(new CaseWorkflows { CriminalJustice = null }.CriminalJusticeTracks);
        Assert.Null(CaseWorkflows.None.CriminalJustice);
    }
#pragma warning restore CS0618
}
