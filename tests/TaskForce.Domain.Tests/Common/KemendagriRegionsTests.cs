using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Common;

public sealed class KemendagriRegionsTests
{
    [Fact]
    public void EmbeddedList_MatchesTheCommittedChecksumAndRowCount_GivenTheResource()
    {
        string sums = RepoData.PathOf("src", "TaskForce.Domain", "Common", "Data", "SHA256SUMS");
        using var stream = typeof(KemendagriRegions).Assembly.GetManifestResourceStream("TaskForce.Domain.Common.Data.ntt-regions.csv");
        Assert.NotNull(stream);

        Assert.Equal(RepoData.Checksums(sums)["ntt-regions.csv"], RepoData.Sha256(stream));

        // Kepmendagri 300.2.2-2138/2025 lists 3,746 codes in NTT: 1 province, 22 kabupaten/kota, their kecamatan and desa.
        Assert.Equal(3746, KemendagriRegions.NttCodeCount);
    }

    [Theory]
    [InlineData("53", "Nusa Tenggara Timur")]
    [InlineData("53.03", "Kabupaten Timor Tengah Utara")]
    [InlineData("53.03.01", "Miomaffo Timur")]
    [InlineData("53.03.01.2005", "Bokon")]
    [InlineData("53.71.01", "Alak")]
    public void NameOf_ReturnsListName_GivenListedNttCode(string code, string name) =>
        Assert.Equal(name, KemendagriRegions.NameOf(RegionCode.Parse(code)));

    [Theory]
    [InlineData("53.03", true)]
    [InlineData("53.21", true)] // Malaka
    [InlineData("53.22", false)] // NTT has 21 kabupaten and Kota Kupang (53.71)
    [InlineData("53.03.24", true)]
    [InlineData("53.03.25", false)] // TTU has 24 kecamatan
    [InlineData("53.03.01.2001", false)] // Miomaffo Timur's desa codes start at 2005
    [InlineData("21", true)] // Kepulauan Riau
    [InlineData("96", true)] // Papua Barat Daya
    [InlineData("20", false)]
    [InlineData("54", false)]
    [InlineData("35.78", true)] // Surabaya: outside NTT, checked on its province only
    [InlineData("99.01", false)]
    public void Exists_FollowsTheList_GivenCode(string code, bool exists) =>
        Assert.Equal(exists, KemendagriRegions.Exists(RegionCode.Parse(code)));

    [Fact]
    public void Require_ThrowsNamingTheField_GivenUnlistedNttCode()
    {
        var e = Assert.Throws<DomainValidationException>(() => KemendagriRegions.Require(RegionCode.Parse("53.03.25"), "places.origin_kecamatan"));
        Assert.Equal("places.origin_kecamatan", e.Field);
    }

    [Theory]
    [InlineData("region", "53.99")]
    [InlineData("region", "54.01")]
    public void Open_ThrowsNamingRegion_GivenCodeOutsideTheList(string field, string region)
    {
        var e = Assert.Throws<DomainValidationException>(() => CaseRecord.Open(Cases.CaseRecordTests.ValidCase() with { Region = region }, new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 3, 10, 1, 0)), DistrictTime.DefaultZone));
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("places.origin_kecamatan", "53.03.25", null, null, null)]
    [InlineData("places.transit[0].region", null, "53.03.25", null, null)]
    [InlineData("places.transit[0].region", null, "54.01", null, null)]
    [InlineData("places.destination_province", null, null, "20", null)]
    public void RecordPlaces_ThrowsNamingTheField_GivenUnlistedCode(string field, string? origin, string? transit, string? province, string? country)
    {
        var c = CaseRecord.Open(Cases.CaseRecordTests.ValidCase(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 3, 10, 1, 0)), DistrictTime.DefaultZone);
        var places = new NewPlaces
        {
            OriginKecamatan = origin,
            Transit = transit is null ? [] : [new NewTransitPlace(transit, null)],
            DestinationProvince = province,
            DestinationCountry = country,
        };
        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => c.RecordPlaces(places)).Field);
    }

    [Fact]
    public void RecordPlaces_Accepts_GivenTransitOutsideNttInAKnownProvince()
    {
        var c = CaseRecord.Open(Cases.CaseRecordTests.ValidCase(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 3, 10, 1, 0)), DistrictTime.DefaultZone);
        c.RecordPlaces(new NewPlaces { OriginKecamatan = "53.03.01", Transit = [new NewTransitPlace("35.78", null)], DestinationProvince = "21" });
        Assert.Equal("35.78", c.Places.Transit[0].Region!.Value);
    }
}
