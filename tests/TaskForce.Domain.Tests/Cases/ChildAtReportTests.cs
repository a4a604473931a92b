using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>Issue 13 item 6, "a child is a child": while the act is not dated, a victim under 18 on the report date was
/// under 18 at the act (the act cannot be after the report; UU 21/2007 Pasal 1 angka 5). Dates worked out by hand:
/// the report is 2026-03-02 (10:30 WITA).</summary>
public class ChildAtReportTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0)); // 2026-03-10 09:00 WITA

    private static CaseRecord Undated(LocalDate birth)
    {
        var c = CaseRecord.Open(CaseRecordTests.ValidCase() with { OffenceDate = null }, Clock, DistrictTime.DefaultZone);
        c.AddVictim(new NewVictim { Sex = "female", BirthDate = birth });
        return c;
    }

    [Theory]
    [InlineData(2008, 5, 1, ChildStatus.Child)]   // 18th birthday 2026-05-01, after the report: 17 at the report
    [InlineData(2008, 3, 3, ChildStatus.Child)]   // 18th birthday 2026-03-03, the day after the report: still 17
    [InlineData(2008, 3, 2, ChildStatus.Unknown)] // 18th birthday is the report date: 18 at the report, the act may be earlier
    [InlineData(2008, 1, 1, ChildStatus.Unknown)] // 18 since 2026-01-01: says nothing about the act
    public void ChildStatusAtOffence_JudgesAtTheReport_GivenNoOffenceDate(int y, int m, int d, ChildStatus expected)
    {
        var c = Undated(new LocalDate(y, m, d));

        Assert.Equal(expected, c.Victims[0].ChildStatusAtOffence());
        Assert.Null(c.Victims[0].AgeAtOffence);
    }

    [Fact]
    public void StatusAtUndatedAct_IsChild_GivenUnborn()
    {
        Assert.Equal(ChildStatus.Child, ChildAge.StatusAtUndatedAct(null, unborn: true, new LocalDate(2026, 3, 2)));
        Assert.Equal(ChildStatus.Unknown, ChildAge.StatusAtUndatedAct(null, unborn: false, new LocalDate(2026, 3, 2)));
    }

    [Fact]
    public void ChildStatusAtOffence_FollowsTheOffenceDate_OnceItIsRecorded()
    {
        // Born 2008-05-01: a child at the report; the act dated 2024-06-01 later gives 16, still a child; an adult born
        // 2008-01-01 dated 2026-02-01 gives 18, an adult.
        var child = Undated(new LocalDate(2008, 5, 1));
        child.RecordOffenceDate(new LocalDate(2024, 6, 1));
        var adult = Undated(new LocalDate(2008, 1, 1));
        adult.RecordOffenceDate(new LocalDate(2026, 2, 1));

        Assert.Equal((ChildStatus.Child, 16), (child.Victims[0].ChildStatusAtOffence(), child.Victims[0].AgeAtOffence!.Value));
        Assert.Equal((ChildStatus.Adult, 18), (adult.Victims[0].ChildStatusAtOffence(), adult.Victims[0].AgeAtOffence!.Value));
    }

    [Fact]
    public void ElementTest_AppliesTheChildRule_GivenAChildAtTheReport()
    {
        // Act and purpose without a means: the child rule makes her an actual victim; 18 at the report leaves it possible.
        var elements = new NewTraffickingElements { Acts = ["perekrutan"], Purposes = ["eksploitasi_seksual"] };
        var child = Undated(new LocalDate(2008, 5, 1));
        child.RecordTraffickingElements(elements);
        var unknown = Undated(new LocalDate(2008, 1, 1));
        unknown.RecordTraffickingElements(elements);

        Assert.Equal(TraffickingStatus.ActualVictim, Evaluate(child).Status);
        Assert.True(Evaluate(child).ChildVictim);
        Assert.Equal(TraffickingStatus.PossibleVictim, Evaluate(unknown).Status);
    }

    [Fact]
    public void IsChildSexualViolence_SeesAChildAtTheReport_GivenNoOffenceDate()
    {
        var elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["eksploitasi_seksual"] };
        var child = Undated(new LocalDate(2008, 5, 1));
        child.RecordTraffickingElements(elements);
        var unknown = Undated(new LocalDate(2008, 1, 1));
        unknown.RecordTraffickingElements(elements);

        Assert.True(child.IsChildSexualViolence);
        Assert.True(unknown.IsSexualViolence);
        Assert.False(unknown.IsChildSexualViolence);
    }

    [Fact]
    public void RecordConsent_RefusesSelf_GivenAChildAtTheReportStillAChildToday()
    {
        // Born 2008-05-01, consent on 2026-03-10: 17 that day.
        var c = Undated(new LocalDate(2008, 5, 1));

        var e = Assert.Throws<DomainValidationException>(() => c.RecordConsent(new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "self" }, Clock));

        Assert.Equal("consent.given_by", e.Field);
        Assert.DoesNotContain("2008", e.Message, StringComparison.Ordinal); // no birth date in an error text
    }

    [Fact]
    public void Restore_KeepsTheChildAtTheReport()
    {
        var c = Undated(new LocalDate(2008, 5, 1));

        var restored = CaseRecord.Restore(c.ToState(), DistrictTime.DefaultZone);

        Assert.Equal(ChildStatus.Child, restored.Victims[0].ChildStatusAtOffence());
    }

    private static ElementTestResult Evaluate(CaseRecord c) =>
        TraffickingElementTest.Evaluate(c.Elements, [.. c.Victims.Select(v => new VictimAge(v.ChildStatusAtOffence(), v.AgeAtOffence, "recorded"))]);
}
