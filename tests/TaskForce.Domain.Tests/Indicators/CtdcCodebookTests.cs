using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class CtdcCodebookTests
{
    private static Func<string, string?> Row(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value ?? string.Empty;

    [Fact]
    public void Variables_AreTheTwentySevenOfTheCodebook()
    {
        Assert.Equal(27, CtdcCodebook.Variables.Count);
        Assert.Equal(21, CtdcCodebook.BinaryVariables.Count);
        Assert.Equal("yearOfRegistration", CtdcCodebook.Variables[0]);
        Assert.Equal("recruiterRelationOther", CtdcCodebook.Variables[^1]);
    }

    [Theory]
    [InlineData("sectorOfLabourAgriculture", "typeOfLabourAgriculture")]
    [InlineData("sectorOfSexPornography", "typeOfSexPornography")]
    [InlineData("countryofexploitation", "CountryOfExploitation")]
    [InlineData("rowid", null)]
    public void Canonical_ReadsTheLaterReleasesNames_GivenAliases(string header, string? expected)
    {
        Assert.Equal(expected, CtdcCodebook.Canonical(header));
    }

    [Fact]
    public void Parse_ReadsValuesAsTheCodebookWritesThem_GivenAFullRecord()
    {
        var r = CtdcCodebook.Parse(Row(("yearOfRegistration", "2023"), ("gender", "Woman"), ("ageBroad", "9--17"), ("citizenship", "IDN"),
            ("CountryOfExploitation", "MYS"), ("traffickMonths", "13--24 (1-2 yrs)"), ("isSexualExploit", "1"), ("meansThreats", "1")));

        Assert.Equal(2023, r.YearOfRegistration);
        Assert.Equal(CtdcGender.Woman, r.Gender);
        Assert.Equal("9-17", r.AgeBroad);
        Assert.Equal(CountryCode.Indonesia, r.Citizenship);
        Assert.Equal("MY", r.CountryOfExploitation!.Value);
        Assert.Equal("13-24", r.TraffickMonths);
        Assert.True(r.IsSexualExploit);
        Assert.False(r.IsForcedLabour);
        Assert.True(r.Has("meansThreats"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("-99")]
    public void Parse_ReadsMissingMarkersAsUnknown_GivenEmptyNaOrMinus99(string missing)
    {
        var r = CtdcCodebook.Parse(Row(("gender", missing), ("ageBroad", missing), ("citizenship", missing), ("isForcedLabour", missing)));

        Assert.Null(r.YearOfRegistration);
        Assert.Equal(CtdcGender.Unknown, r.Gender);
        Assert.Equal("unknown", r.AgeBroad);
        Assert.Null(r.Citizenship);
        Assert.False(r.IsForcedLabour);
    }

    [Theory]
    [InlineData("gender", "Female")]
    [InlineData("ageBroad", "18-21")]
    [InlineData("isOtherExploit", "yes")]
    [InlineData("CountryOfExploitation", "MY")]
    [InlineData("yearOfRegistration", "twenty")]
    public void Parse_ThrowsNamingTheVariable_GivenAValueOutsideTheCodebook(string variable, string value)
    {
        var ex = Assert.Throws<DomainValidationException>(() => CtdcCodebook.Parse(Row((variable, value))));
        Assert.Equal(variable, ex.Field);
    }

    [Fact]
    public void IsoAlpha3_MapsEveryAssignedCountry()
    {
        Assert.Equal(CountryCode.AssignedCount, IsoAlpha3.Count);
        Assert.True(IsoAlpha3.TryToCountry("TLS", out var tl));
        Assert.Equal("TL", tl!.Value);
        Assert.Equal("IDN", IsoAlpha3.Of(CountryCode.Indonesia));
        Assert.False(IsoAlpha3.TryToCountry("XXX", out _));
    }
}
