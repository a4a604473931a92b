using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Cases.Specifications;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>The named listing specifications evaluated in memory (ardalis/Specification style), no storage.</summary>
public sealed class CaseSpecificationTests
{
    private static CaseSummary Summary(string id, string region, CaseType type, int reportedDay, TraffickingStatus status = TraffickingStatus.ActualVictim, string owner = "uptd_ppa_ttu") => new()
    {
        Id = id,
        Region = RegionCode.Parse(region),
        CaseType = type,
        ReportingAgency = new ReportingAgencyView("uptd_ppa", "UPTD PPA Kabupaten TTU"),
        OwnerAgency = owner,
        IntakeChannel = IntakeChannel.WalkIn,
        ReportedAt = Instant.FromUtc(2026, 2, reportedDay, 2, 0),
        ReportedOn = new LocalDate(2026, 2, reportedDay),
        CreatedAt = Instant.FromUtc(2026, 3, 1, 0, 0),
        TraffickingStatus = status,
    };

    private static readonly CaseSummary[] Cases =
    [
        Summary("a", "53.03", CaseType.Tppo, 1),
        Summary("b", "53.03.01", CaseType.Tppo, 10, TraffickingStatus.PossibleVictim),
        Summary("c", "53.04", CaseType.Tppo, 10),
        Summary("d", "53.03", CaseType.ViolenceAgainstChildren, 20, TraffickingStatus.NotAVictim, owner: "Yayasan_X"),
        Summary("e", "53", CaseType.Tppo, 28),
    ];

    [Fact]
    public void CasesInRegionSpec_KeepsTheRegionAndItsSubregions()
    {
        Assert.Equal(["a", "b", "d"], new CasesInRegionSpec(RegionCode.Parse("53.03")).Evaluate(Cases).Select(c => c.Id));
        Assert.Equal(["a", "b", "c", "d", "e"], new CasesInRegionSpec(RegionCode.Parse("53")).Evaluate(Cases).Select(c => c.Id));
        Assert.Equal(5, new CasesInRegionSpec(RegionCode.All).Evaluate(Cases).Count());
    }

    [Fact]
    public void CasesReportedBetweenSpec_IsInclusiveAtBothEnds()
    {
        Assert.Equal(["b", "c", "d"], new CasesReportedBetweenSpec(new LocalDate(2026, 2, 10), new LocalDate(2026, 2, 20)).Evaluate(Cases).Select(c => c.Id));
        Assert.Equal(["d", "e"], new CasesReportedBetweenSpec(new LocalDate(2026, 2, 11), null).Evaluate(Cases).Select(c => c.Id));
    }

    [Fact]
    public void NamedSpecs_FilterByTypeStatusAndOwner()
    {
        Assert.Equal(["d"], new CasesOfTypeSpec(CaseType.ViolenceAgainstChildren).Evaluate(Cases).Select(c => c.Id));
        Assert.Equal(["b"], new CasesWithTraffickingStatusSpec(TraffickingStatus.PossibleVictim).Evaluate(Cases).Select(c => c.Id));
        Assert.Equal(["d"], new CasesOwnedBySpec("yayasan_x").Evaluate(Cases).Select(c => c.Id)); // agency codes ignore case
        Assert.True(new CasesOfTypeSpec(CaseType.Tppo).IsSatisfiedBy(Cases[0]));
    }

    [Fact]
    public void CaseListSpec_CombinesOnlyTheFiltersGiven()
    {
        var filter = new CaseListFilter { Region = RegionCode.Parse("53.03"), CaseType = CaseType.Tppo, ReportedFrom = new LocalDate(2026, 2, 5) };

        Assert.Equal(["b"], new CaseListSpec(filter).Evaluate(Cases).Select(c => c.Id));
        Assert.Equal(5, new CaseListSpec(new CaseListFilter()).Evaluate(Cases).Count());
    }
}
