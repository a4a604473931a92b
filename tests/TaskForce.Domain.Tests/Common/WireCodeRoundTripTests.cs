using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Tests.Common;

/// <summary>Every value's wire code parses back to the value through the domain's code tables.</summary>
public sealed class WireCodeRoundTripTests
{
    [Fact]
    public void TryParse_ReturnsTheValue_GivenEachValuesOwnCode()
    {
        Assert.All(Enum.GetValues<Sex>(), v => Assert.True(WireCodes.TryParseSex(v.ToCode(), out var p) && p == v));
        Assert.All(Enum.GetValues<Participation>(), v => Assert.True(WireCodes.TryParseParticipation(v.ToCode(), out var p) && p == v));
        Assert.All(Enum.GetValues<ChildStatus>(), v => Assert.True(AgeGroups.TryParseChildStatus(v.ToCode(), out var p) && p == v));
        Assert.All(Enum.GetValues<ExploitationForm>(), v => Assert.True(ExploitationFormClassifier.TryParseForm(v.ToCode(), out var p) && p == v));
        Assert.All(Enum.GetValues<TraffickingStatus>(), v => Assert.Equal(v, LegalCodes.ParseTraffickingStatus(v.ToCode())));
        Assert.All(Enum.GetValues<CaseType>(), v => Assert.Equal(v, CaseCodes.ParseCaseType(v.ToCode())));
        Assert.All(Enum.GetValues<IntakeChannel>(), v => Assert.Equal(v, CaseCodes.ParseIntakeChannel(v.ToCode())));
    }

    [Fact]
    public void ParseTraffickingStatus_ThrowsNamingTheField_GivenAnEnumNameInsteadOfItsCode()
    {
        var e = Assert.Throws<DomainValidationException>(() => LegalCodes.ParseTraffickingStatus("ActualVictim"));

        Assert.Equal("trafficking_status", e.Field);
        Assert.Contains("actual_victim", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Female")]
    [InlineData("perempuan")]
    [InlineData("")]
    public void TryParseSex_IsFalse_GivenAnythingButTheContractCodes(string code) =>
        Assert.False(WireCodes.TryParseSex(code, out _));
}
