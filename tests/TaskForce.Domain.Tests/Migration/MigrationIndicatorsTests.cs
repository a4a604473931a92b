using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Migration;

namespace TaskForce.Domain.Tests.Migration;

/// <summary>Returns and deaths abroad (ADR-034): the guards, and the indicators worked out by hand on a small
/// synthetic list (k = 3 so that suppression shows on it).</summary>
public sealed class MigrationIndicatorsTests
{
    private static readonly LocalDate Today = new(2026, 1, 15);
    private static readonly RegionCode Ttu = RegionCode.Parse("53.03");

    private static CountryCode C(string code) => CountryCode.Parse(code, "country");

    private static MigrantReturn R(string id, ReturnStatus s, PlacementStatus p, string country, LocalDate date, bool screened, string? referred = null) =>
        MigrantReturn.Create(id, s, p, C(country), date, screened, referred, Today);

    private static MigrantDeath D(string id, LocalDate date, string country, DeathCause cause, PlacementStatus p, string? kecamatan) =>
        MigrantDeath.Create(id, date, C(country), cause, p, kecamatan is null ? null : RegionCode.Parse(kecamatan), Today);

    private static decimal? Cell(MigrationYear year, string id, params (string Key, string Value)[] dims) =>
        Assert.Single(year.Cells, c => c.Id == id && c.Disaggregation.Count == dims.Length && dims.All(d => c.Disaggregation.Contains(new(d.Key, d.Value)))).Value;

    [Fact]
    public void Compute_ReturnsTheHandWorkedValues_GivenTwoYearsOfReturnsAndDeaths()
    {
        var returns = new[]
        {
            R("r1", ReturnStatus.Deported, PlacementStatus.NonProcedural, "MY", new(2025, 2, 1), true, "uptd_ppa_ttu"),
            R("r2", ReturnStatus.Deported, PlacementStatus.NonProcedural, "MY", new(2025, 3, 5), true),
            R("r3", ReturnStatus.Repatriated, PlacementStatus.Procedural, "HK", new(2025, 4, 10), false),
            R("r4", ReturnStatus.SelfReturned, PlacementStatus.NonProcedural, "MY", new(2025, 7, 1), false),
            R("r5", ReturnStatus.Deported, PlacementStatus.NonProcedural, "SG", new(2024, 12, 20), true),
        };
        var deaths = new[]
        {
            D("d1", new(2025, 1, 15), "MY", DeathCause.Illness, PlacementStatus.NonProcedural, "53.03.01"),
            D("d2", new(2025, 6, 2), "MY", DeathCause.Accident, PlacementStatus.NonProcedural, "53.03.02"),
            D("d3", new(2025, 9, 9), "MY", DeathCause.OtherUnknown, PlacementStatus.Procedural, null),
            D("d4", new(2024, 5, 5), "MY", DeathCause.Illness, PlacementStatus.NonProcedural, "53.03.01"),
        };

        var set = MigrationIndicators.Compute(returns, deaths, Ttu, 2025, PopulationTable.Embedded, k: 3);
        var y = set.Current;

        // 2025 returns: r1..r4 = 4. By country: MY r1, r2, r4 = 3 (>= k, shown); HK 1 (< 3, suppressed).
        // By status: deported 2, repatriated 1, self_returned 1: all below k = 3, suppressed.
        Assert.Equal(4m, Cell(y, MigrationIndicators.Returns));
        Assert.Equal(3m, Cell(y, MigrationIndicators.Returns, ("country", "MY")));
        Assert.Null(Cell(y, MigrationIndicators.Returns, ("country", "HK")));
        Assert.Null(Cell(y, MigrationIndicators.Returns, ("status", "deported")));
        Assert.Equal(3m, Cell(y, MigrationIndicators.Returns, ("placement", "non_procedural")));
        // Screened: r1, r2 of 4 = 50.0 %.
        Assert.Equal(new Share(2, 4, 50.0m), y.Screened);

        // 2025 deaths: d1..d3 = 3, all in MY (3, shown); non_procedural 2 and procedural 1 (suppressed).
        // Rate: 3 x 100,000 / 276,032 (Dukcapil 2025, 53.03) = 1.0868... -> 1.09.
        Assert.Equal(3m, Cell(y, MigrationIndicators.Deaths));
        Assert.Equal(3m, Cell(y, MigrationIndicators.Deaths, ("country", "MY")));
        Assert.Null(Cell(y, MigrationIndicators.Deaths, ("placement", "non_procedural")));
        var rate = Assert.Single(y.Cells, c => c.Id == MigrationIndicators.DeathRate);
        Assert.Equal(1.09m, rate.Value);
        Assert.Equal(276_032, rate.Population!.Value);

        // 2024 (year on year): r5 only, screened: 1 / 1 = 100.0 %; d4 only: 1 x 100,000 / 271,277 (BPS 2023 estimate,
        // the latest earlier figure) = 0.3686... -> 0.37.
        var p = set.Previous;
        Assert.Equal(2024, p.Year);
        Assert.Equal(1m, Cell(p, MigrationIndicators.Returns));
        Assert.Equal(new Share(1, 1, 100.0m), p.Screened);
        Assert.Equal(0.37m, Assert.Single(p.Cells, c => c.Id == MigrationIndicators.DeathRate).Value);
    }

    [Fact]
    public void Create_ThrowsNamingTheField_GivenAReferralWithoutScreeningIndonesiaOrADesaCode()
    {
        Assert.Equal("referred_to", Assert.Throws<DomainValidationException>(() =>
            R("r1", ReturnStatus.Deported, PlacementStatus.NonProcedural, "MY", new(2025, 2, 1), false, "uptd_ppa_ttu")).Field);
        Assert.Equal("country", Assert.Throws<DomainValidationException>(() =>
            R("r1", ReturnStatus.Deported, PlacementStatus.NonProcedural, "ID", new(2025, 2, 1), false)).Field);
        Assert.Equal("return_date", Assert.Throws<DomainValidationException>(() =>
            R("r1", ReturnStatus.Deported, PlacementStatus.NonProcedural, "MY", new(2026, 1, 16), false)).Field);
        Assert.Equal("kecamatan", Assert.Throws<DomainValidationException>(() =>
            D("d1", new(2025, 1, 15), "MY", DeathCause.Illness, PlacementStatus.NonProcedural, "53.03.01.2005")).Field);
        Assert.Equal("status", Assert.Throws<DomainValidationException>(() => MigrationCodes.ParseStatus("returned", "status")).Field);
    }
}
