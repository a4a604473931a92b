using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Prevention;

namespace TaskForce.Domain.Tests.Prevention;

/// <summary>The guards of a prevention activity (ADR-033), each naming its wire field.</summary>
public sealed class PreventionActivityTests
{
    private static readonly LocalDate Today = new(2025, 6, 30);
    private static readonly Instant Now = Instant.FromUtc(2025, 6, 30, 2, 0);

    private static PreventionActivityFacts Facts(string place = "53.03.01.2005", string? notes = null, LocalDate? date = null) =>
        new(PreventionKind.Socialisation, date ?? new LocalDate(2025, 6, 1), RegionCode.Parse(place), ParticipantCounts.Create(1, 2, 3, 4), BudgetSource.Apbdes, notes);

    [Fact]
    public void Create_ReturnsTheSum_GivenAConsistentTotal()
    {
        Assert.Equal(10, ParticipantCounts.Create(1, 2, 3, 4, 10).Total);
    }

    [Theory]
    [InlineData(-1, 0, "participants.female_adult")]
    [InlineData(0, 1_000_001, "participants.male_adult")]
    public void Create_ThrowsNamingTheField_GivenACountOutOfRange(int femaleAdult, int maleAdult, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => ParticipantCounts.Create(femaleAdult, maleAdult, 0, 0));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Create_ThrowsNamingTotal_GivenATotalThatIsNotTheSum()
    {
        Assert.Equal("participants.total", Assert.Throws<DomainValidationException>(() => ParticipantCounts.Create(1, 2, 3, 4, 11)).Field);
        Assert.Equal("participants.male_child", Assert.Throws<DomainValidationException>(() => ParticipantCounts.Create(1, 2, 3, null)).Field);
    }

    [Theory]
    [InlineData("contact 0812-3456-7890 for details")]
    [InlineData("hp +62 812 3456 7890")]
    [InlineData("NIK 5303014101900001")]
    public void CheckNotes_ThrowsWithoutRepeatingTheNumber_GivenAPhoneOrNikLikeNumber(string notes)
    {
        var error = Assert.Throws<DomainValidationException>(() => PreventionActivity.CheckNotes(notes, "notes"));
        Assert.Equal("notes", error.Field);
        Assert.DoesNotContain("3456", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Budget Rp 15.000.000 for 40 people on 2025-06-01")]
    [InlineData("RT 005 RW 002")]
    public void CheckNotes_KeepsTheText_GivenNumbersThatIdentifyNoOne(string notes)
    {
        Assert.Equal(notes, PreventionActivity.CheckNotes(notes, "notes"));
    }

    [Theory]
    [InlineData("53.03", "place")]
    [InlineData("53.03.01.9999", "place")]
    public void Record_ThrowsNamingPlace_GivenAKabupatenOrAnUnlistedDesa(string place, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => PreventionActivity.Record("pa-1", "uptd_ppa_ttu", Facts(place), "worker-1", Now, Today));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Record_ThrowsNamingDate_GivenTomorrowOrBefore2007()
    {
        Assert.Equal("date", Assert.Throws<DomainValidationException>(() => PreventionActivity.Record("pa-1", "a", Facts(date: Today.PlusDays(1)), "w", Now, Today)).Field);
        Assert.Equal("date", Assert.Throws<DomainValidationException>(() => PreventionActivity.Record("pa-1", "a", Facts(date: new LocalDate(2006, 12, 31)), "w", Now, Today)).Field);
    }

    [Fact]
    public void Revise_ReturnsFalseAndKeepsUpdatedAt_GivenTheSameFacts()
    {
        var activity = PreventionActivity.Record("pa-1", "UPTD_PPA_TTU", Facts(), "worker-1", Now, Today);
        Assert.Equal("uptd_ppa_ttu", activity.Agency);
        Assert.False(activity.Revise(Facts(), Now.Plus(Duration.FromHours(1)), Today));
        Assert.Equal(Now, activity.UpdatedAt);
        Assert.True(activity.Revise(Facts(place: "53.03.01.2006"), Now.Plus(Duration.FromHours(1)), Today));
        Assert.Equal("53.03.01", activity.Kecamatan);
        Assert.Equal(Now.Plus(Duration.FromHours(1)), activity.UpdatedAt);
    }

    [Fact]
    public void DesaWithin_Returns190Codes_GivenTimorTengahUtara()
    {
        // The embedded Kepmendagri 300.2.2-2138/2025 list holds 190 desa/kelurahan codes under 53.03.
        var desa = KemendagriRegions.DesaWithin(RegionCode.Parse("53.03"));
        Assert.Equal(190, desa.Count);
        Assert.Contains("53.03.01.2005", desa);
        Assert.All(desa, d => Assert.StartsWith("53.03.", d, StringComparison.Ordinal));
    }
}
