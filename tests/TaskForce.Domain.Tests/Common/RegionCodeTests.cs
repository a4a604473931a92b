using TaskForce.Domain.Common;

namespace TaskForce.Domain.Tests.Common;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("53")]
    [InlineData("53.03")]
    [InlineData("53.03.01")]
    [InlineData("53.03.01.2001")]
    [InlineData("*")]
    public void Parse_Accepts_GivenKemendagriShape(string code) => Assert.Equal(code, RegionCode.Parse(code).Value);

    [Theory]
    [InlineData("")]
    [InlineData("5303")]
    [InlineData("53/03")]
    [InlineData("53.3")]
    [InlineData("53.03.01.201")]
    [InlineData("53.03'")]
    [InlineData("**")]
    public void Parse_ThrowsNamingRegion_GivenMalformedCode(string code) =>
        Assert.Equal("region", Assert.Throws<DomainValidationException>(() => RegionCode.Parse(code)).Field);

    [Fact]
    public void Covers_MatchesSubRegionsOnly_GivenKabupatenCode()
    {
        var ttu = RegionCode.Parse("53.03");

        Assert.True(ttu.Covers(RegionCode.Parse("53.03")));
        Assert.True(ttu.Covers(RegionCode.Parse("53.03.01")));
        Assert.False(ttu.Covers(RegionCode.Parse("53.04")));
        Assert.False(RegionCode.Parse("53.03.01").Covers(RegionCode.Parse("53.03.11")));
        Assert.False(ttu.Covers(RegionCode.Parse("53")));
        Assert.False(ttu.Covers(null));
        Assert.True(RegionCode.All.Covers(null));
    }
}
