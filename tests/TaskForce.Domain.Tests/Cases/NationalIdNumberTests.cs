using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Tests.Cases;

/// <summary>Every NIK here is made up by hand from the published structure (PP KK CC DD MM YY SSSS, day + 40 for
/// women); none belongs to a real person.</summary>
public sealed class NationalIdNumberTests
{
    private const string Field = "victim.identity.national_id_number";

    [Fact]
    public void Parse_DecodesWoman_GivenDayPlus40()
    {
        // 53.03.01 (Miomaffo Timur, TTU); 57 = 17 + 40 → woman born 17 August (19)95; serial 0001.
        var nik = NationalIdNumber.Parse("5303015708950001", Field);
        Assert.Equal("53.03.01", nik.RegistrationKecamatan.Value);
        Assert.Equal(Sex.Female, nik.EncodedSex);
        Assert.Equal((17, 8, 95), (nik.BirthDay, nik.BirthMonth, nik.BirthYearOfCentury));
        Assert.True(nik.KecamatanListed);
    }

    [Fact]
    public void Parse_DecodesMan_GivenPlainDay()
    {
        var nik = NationalIdNumber.Parse("5371013112010042", Field); // Alak, Kota Kupang; man born 31 Dec (20)01
        Assert.Equal(Sex.Male, nik.EncodedSex);
        Assert.Equal((31, 12, 1), (nik.BirthDay, nik.BirthMonth, nik.BirthYearOfCentury));
    }

    [Theory]
    [InlineData("5303012902000001")] // 29 Feb 2000 was a leap day
    [InlineData("5303016902040001")] // a woman born 29 Feb 2004 (69 = 29 + 40)
    public void Parse_Accepts_GivenLeapDay(string value) => Assert.Equal(29, NationalIdNumber.Parse(value, Field).BirthDay);

    [Fact]
    public void Parse_AcceptsOutsideNtt_CheckingProvinceOnly()
    {
        var nik = NationalIdNumber.Parse("3578011708950001", Field); // Surabaya (35.78): the list of Jawa Timur is not embedded
        Assert.Equal("35.78.01", nik.RegistrationKecamatan.Value);
        Assert.True(nik.KecamatanListed);
    }

    [Fact]
    public void Parse_AcceptsButMarks_GivenNttKecamatanNotInTodaysList()
    {
        // A NIK keeps the kecamatan of its first registration (PP 40/2019 Pasal 30(2)), which a later split may renumber.
        var nik = NationalIdNumber.Parse("5303991708950001", Field);
        Assert.False(nik.KecamatanListed);
    }

    [Theory]
    [InlineData("530301570895000")] // 15 digits
    [InlineData("53030157089500011")] // 17 digits
    [InlineData("53030157089500a1")]
    [InlineData("5303 15708950001")]
    [InlineData("５３０３０１５７０８９５０００１")] // full-width digits
    [InlineData("")]
    [InlineData("9903011708950001")] // province 99 does not exist
    [InlineData("2003011708950001")] // nor 20
    [InlineData("5399011708950001")] // NTT has no kabupaten 53.99
    [InlineData("5300011708950001")] // kabupaten 00
    [InlineData("5303001708950001")] // kecamatan 00
    [InlineData("5303010008950001")] // day 00
    [InlineData("5303013208950001")] // day 32
    [InlineData("5303014008950001")] // day 40 = woman's day 0
    [InlineData("5303017208950001")] // day 72 = woman's day 32
    [InlineData("5303011700950001")] // month 00
    [InlineData("5303011713950001")] // month 13
    [InlineData("5303013002950001")] // 30 February
    [InlineData("5303012902010001")] // 29 February in 1901 or 2001: neither is a leap year
    [InlineData("5303013104950001")] // 31 April
    [InlineData("5303011708950000")] // serial 0000
    public void Parse_ThrowsNamingTheField_GivenBrokenStructure(string value)
    {
        var e = Assert.Throws<DomainValidationException>(() => NationalIdNumber.Parse(value, Field));
        Assert.Equal(Field, e.Field);
        Assert.DoesNotContain(value.Length > 0 ? value : "\u0001", e.Message, StringComparison.Ordinal); // personal data is never echoed
    }

    [Fact]
    public void Parse_ThrowsNamingTheField_GivenNull() =>
        Assert.Equal(Field, Assert.Throws<DomainValidationException>(() => NationalIdNumber.Parse(null, Field)).Field);

    [Fact]
    public void CheckAgainst_Passes_GivenMatchingFields()
    {
        var nik = NationalIdNumber.Parse("5303015708950001", Field);
        nik.CheckAgainst(Sex.Female, new LocalDate(1995, 8, 17), RegionCode.Parse("53.03.01"), Field);
        nik.CheckAgainst(Sex.Unknown, null, RegionCode.Parse("53.03"), Field);
        nik.CheckAgainst(null, new LocalDate(2095 - 100, 8, 17), RegionCode.Parse("53"), Field);
        nik.CheckAgainst(null, null, RegionCode.Parse("53.03.01.2005"), Field); // a desa of the same kecamatan
    }

    [Theory]
    [InlineData("male", null, null)]
    [InlineData(null, "1995-08-18", null)] // day
    [InlineData(null, "1995-09-17", null)] // month
    [InlineData(null, "1985-08-17", null)] // year
    [InlineData(null, null, "53.02")] // another kabupaten
    [InlineData(null, null, "53.03.02")] // another kecamatan
    [InlineData(null, null, "35")] // another province
    public void CheckAgainst_ThrowsNamingTheField_GivenDisagreement(string? sex, string? birthDate, string? region)
    {
        var nik = NationalIdNumber.Parse("5303015708950001", Field);
        Sex? s = sex is null ? null : Sex.Male;
        LocalDate? b = birthDate is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(birthDate).Value;
        var r = region is null ? null : RegionCode.Parse(region);
        var e = Assert.Throws<DomainValidationException>(() => nik.CheckAgainst(s, b, r, Field));
        Assert.Equal(Field, e.Field);
    }

    [Fact]
    public void CheckAgainst_Throws_GivenManNikForAWoman() =>
        Assert.Throws<DomainValidationException>(() => NationalIdNumber.Parse("5303011708950001", Field).CheckAgainst(Sex.Female, null, null, Field));

    [Fact]
    public void ToString_NeverShowsTheDigits() =>
        Assert.DoesNotContain("5303", NationalIdNumber.Parse("5303015708950001", Field).ToString(), StringComparison.Ordinal);

    [Fact]
    public void AddVictim_ThrowsNamingTheNik_GivenSexDisagreeing()
    {
        var c = Open();
        var e = Assert.Throws<DomainValidationException>(() => c.AddVictim(new NewVictim { Sex = "male", Identity = new NewIdentity { NationalIdNumber = "5303015708950001" } }));
        Assert.Equal(Field, e.Field);
    }

    [Fact]
    public void AddVictim_ThrowsNamingTheNik_GivenBirthDateDisagreeing()
    {
        var c = Open();
        var e = Assert.Throws<DomainValidationException>(() => c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(2008, 5, 2), Identity = new NewIdentity { NationalIdNumber = "5303014105080001" } }));
        Assert.Equal(Field, e.Field);
    }

    [Fact]
    public void AddVictim_Accepts_GivenConsistentNik()
    {
        var c = Open();
        c.AddVictim(new NewVictim { Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Identity = new NewIdentity { NationalIdNumber = "5303014105080001" } });
        Assert.Equal("5303014105080001", c.Victims[0].Identity.NationalIdNumber);
    }

    [Fact]
    public void AddSuspect_ThrowsNamingTheNik_GivenSexDisagreeing()
    {
        var c = Open();
        var e = Assert.Throws<DomainValidationException>(() => c.AddSuspect(new NewSuspect { Sex = "female", Roles = ["recruiter"], Identity = new NewIdentity { NationalIdNumber = "5303011708950001" } }));
        Assert.Equal("suspect.identity.national_id_number", e.Field);
    }

    private static CaseRecord Open() =>
        CaseRecord.Open(CaseRecordTests.ValidCase(), new FakeClock(Instant.FromUtc(2026, 3, 10, 1, 0)), DistrictTime.DefaultZone);
}
