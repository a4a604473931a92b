using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Migration;

/// <summary>A share with its numerator and denominator.</summary>
/// <param name="Numerator">Records counted in the numerator.</param>
/// <param name="Denominator">Records counted in the denominator.</param>
/// <param name="Percent">Numerator / denominator × 100, 1 decimal (half away from zero); <see langword="null"/> when the denominator is 0.</param>
public sealed record Share(int Numerator, int Denominator, decimal? Percent);

/// <summary>The return and death figures of one calendar year.</summary>
/// <param name="Year">The year (dates of return and of death).</param>
/// <param name="Cells">The cells: <c>migrant_returns</c> and <c>migrant_worker_deaths</c> totals and disaggregations,
/// and <c>migrant_worker_deaths_per_100000</c>.</param>
/// <param name="Screened">The share of returns screened as possible trafficking victims.</param>
public sealed record MigrationYear(int Year, IReadOnlyList<IndicatorValue> Cells, Share Screened);

/// <summary>The year's figures beside the previous year's (year on year).</summary>
/// <param name="Current">The year asked for.</param>
/// <param name="Previous">The year before.</param>
public sealed record MigrationIndicatorSet(MigrationYear Current, MigrationYear Previous);

/// <summary>
/// Computes the indicators of returns and deaths abroad (issue 16 item 2; ADR-034).
/// </summary>
/// <remarks>
/// <para>Counted: returns by <c>return_date</c> year, deaths by <c>date_of_death</c> year; every record of the lists
/// is of the district (the lists are the district's). Totals are not suppressed (BP3MI publishes the bodies received per
/// kabupaten; a district-year total singles no one out); a disaggregated cell (status, country, placement, cause,
/// kecamatan) with a value from 1 to k − 1 is suppressed (value <see langword="null"/>), as for case records (ADR-008),
/// because it describes persons.</para>
/// <para>Deaths per 100,000 residents = deaths / population × 100,000, 2 decimals (half away from zero), over the
/// population figure <see cref="PopulationTable.Choose"/> gives for the region and year (for 53.03: BPS 2023 estimate
/// 271,277; Dukcapil 2025 276,032), named in the cell.</para>
/// </remarks>
public static class MigrationIndicators
{
    /// <summary>The id of the count of returns.</summary>
    public const string Returns = "migrant_returns";

    /// <summary>The id of the count of deaths abroad.</summary>
    public const string Deaths = "migrant_worker_deaths";

    /// <summary>The id of the death rate.</summary>
    public const string DeathRate = "migrant_worker_deaths_per_100000";

    /// <summary>Computes the year's figures and the previous year's.</summary>
    /// <param name="returns">Every return record. Cannot be <see langword="null"/>.</param>
    /// <param name="deaths">Every death record. Cannot be <see langword="null"/>.</param>
    /// <param name="region">The district (for the population).</param>
    /// <param name="year">The year.</param>
    /// <param name="population">The population table.</param>
    /// <param name="k">The suppression threshold (≥ 1).</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1.</exception>
    public static MigrationIndicatorSet Compute(IReadOnlyCollection<MigrantReturn> returns, IReadOnlyCollection<MigrantDeath> deaths, RegionCode region, int year, PopulationTable population, int k)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(deaths);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return new MigrationIndicatorSet(Year(returns, deaths, region, year, population, k), Year(returns, deaths, region, year - 1, population, k));
    }

    private static MigrationYear Year(IReadOnlyCollection<MigrantReturn> allReturns, IReadOnlyCollection<MigrantDeath> allDeaths, RegionCode region, int year, PopulationTable population, int k)
    {
        var returns = allReturns.Where(r => r.ReturnDate.Year == year).ToList();
        var deaths = allDeaths.Where(d => d.DateOfDeath.Year == year).ToList();
        var cells = new List<IndicatorValue>
        {
            new(Returns, returns.Count, "persons", false, []),
        };
        Split(cells, Returns, returns, k, ("status", r => MigrationCodes.ToCode(r.Status)));
        Split(cells, Returns, returns, k, ("country", r => r.Country.Value));
        Split(cells, Returns, returns, k, ("placement", r => MigrationCodes.ToCode(r.Placement)));
        cells.Add(new IndicatorValue(Deaths, deaths.Count, "persons", false, []));
        Split(cells, Deaths, deaths, k, ("placement", d => MigrationCodes.ToCode(d.Placement)));
        Split(cells, Deaths, deaths, k, ("country", d => d.Country.Value));
        Split(cells, Deaths, deaths, k, ("cause", d => MigrationCodes.ToCode(d.Cause)));
        Split(cells, Deaths, deaths, k, ("kecamatan", d => d.Kecamatan?.Value ?? "unknown"));

        var choice = population.Choose(region, year);
        if (choice is not null)
        {
            var f = choice.Figure;
            decimal rate = Math.Round(deaths.Count * 100_000m / f.Total, 2, MidpointRounding.AwayFromZero);
            cells.Add(new IndicatorValue(DeathRate, rate, "per_100000", false, [])
            {
                Population = new PopulationDenominator(f.Total, f.Year, f.ReferenceCode, f.Source),
            });
        }

        int screened = returns.Count(r => r.Screened);
        var share = new Share(screened, returns.Count, returns.Count == 0 ? null : Math.Round(screened * 100m / returns.Count, 1, MidpointRounding.AwayFromZero));
        return new MigrationYear(year, cells, share);
    }

    private static void Split<T>(List<IndicatorValue> cells, string id, List<T> records, int k, (string Dimension, Func<T, string> Key) by)
    {
        foreach (var g in records.GroupBy(by.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int n = g.Count();
            bool suppressed = n > 0 && n < k;
            cells.Add(new IndicatorValue(id, suppressed ? null : n, "persons", suppressed, [new(by.Dimension, g.Key)]));
        }
    }
}
