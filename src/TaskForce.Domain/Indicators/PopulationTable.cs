using System.Globalization;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.Indicators;

/// <summary>The kind of population figure.</summary>
public enum PopulationReference
{
    /// <summary>A BPS mid-year population estimate. Code <c>mid_year_estimate</c>.</summary>
    MidYearEstimate = 1,

    /// <summary>A BPS population census. Code <c>census</c>.</summary>
    Census = 2,

    /// <summary>The civil registry (Dukcapil, Kemendagri): registered residents. Code <c>civil_registry</c>.</summary>
    CivilRegistry = 3,
}

/// <summary>One population figure usable as an SDG 16.2.2 denominator.</summary>
/// <param name="Region">The Kemendagri region code.</param>
/// <param name="Year">The year the figure is for.</param>
/// <param name="Reference">The kind of figure.</param>
/// <param name="Total">The population, persons.</param>
/// <param name="Male">Males, or <see langword="null"/> when not published.</param>
/// <param name="Female">Females, or <see langword="null"/> when not published.</param>
/// <param name="Source">The source as it should be cited in outputs.</param>
public sealed record PopulationFigure(string Region, int Year, PopulationReference Reference, long Total, long? Male, long? Female, string Source)
{
    /// <summary>Gets the code of the kind of figure.</summary>
    /// <value><c>mid_year_estimate</c>, <c>census</c> or <c>civil_registry</c>.</value>
    public string ReferenceCode => Reference switch
    {
        PopulationReference.MidYearEstimate => "mid_year_estimate",
        PopulationReference.Census => "census",
        _ => "civil_registry",
    };
}

/// <summary>The denominator chosen for a rate: the figure and, when it is not of the rate's year, why.</summary>
/// <param name="Figure">The figure used.</param>
/// <param name="Warning">A note when the figure's year differs from the requested year, else <see langword="null"/>.</param>
public sealed record PopulationChoice(PopulationFigure Figure, string? Warning);

/// <summary>
/// The versioned population table for SDG 16.2.2 rates, from <c>src/TaskForce.Domain/Indicators/Data</c> embedded in the package
/// (<c>population.csv</c>: BPS census 2010 and 2020, BPS mid-year estimates 2022 and 2023, Dukcapil 2025 for TTU and
/// NTT; <c>ntt-population-dukcapil-2025.csv</c>: Dukcapil 2025 for every kabupaten/kota of NTT).
/// </summary>
/// <remarks>
/// Selection rule (<see cref="Choose"/>): figures of the region itself only (never summed or derived from another
/// level); the figure of the requested year, preferring a BPS mid-year estimate, then a census, then the civil registry
/// (SDG 16.2.2 divides by the resident population, which BPS estimates; the registry counts registrations,
/// docs/sources.md#population); with none for that year, the nearest earlier year, else the nearest later year, with a
/// warning naming both years. Rates name the figure used (value, year, kind and source).
/// </remarks>
public sealed class PopulationTable
{
    /// <summary>The version of the embedded table; it changes whenever a figure is added or corrected.</summary>
    public const string EmbeddedVersion = "regions-2025.1";

    private const string Dukcapil2025 = "Dukcapil (Kemendagri) population data in Kepmendagri 300.2.2-2138/2025";

    private static readonly Lazy<PopulationTable> EmbeddedTable = new(LoadEmbedded);

    /// <summary>Creates a table from figures.</summary>
    /// <param name="version">The table's version, written into outputs.</param>
    /// <param name="figures">The figures. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="version"/> is blank.</exception>
    public PopulationTable(string version, IEnumerable<PopulationFigure> figures)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(figures);
        Version = version;
        Figures = [.. figures.OrderBy(f => f.Region, StringComparer.Ordinal).ThenBy(f => f.Year).ThenBy(f => f.Reference)];
    }

    /// <summary>Gets the table embedded in the package (<see cref="EmbeddedVersion"/>).</summary>
    /// <value>The shared instance.</value>
    public static PopulationTable Embedded => EmbeddedTable.Value;

    /// <summary>Gets the table's version.</summary>
    /// <value>For example <c>regions-2025.1</c>.</value>
    public string Version { get; }

    /// <summary>Gets every figure, by region, year and kind.</summary>
    /// <value>The figures.</value>
    public IReadOnlyList<PopulationFigure> Figures { get; }

    /// <summary>Chooses the denominator for a region and year.</summary>
    /// <param name="region">The region; <c>*</c> has no population.</param>
    /// <param name="year">The year of the rate.</param>
    /// <returns>The choice, or <see langword="null"/> when the table has no figure for the region.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is <see langword="null"/>.</exception>
    public PopulationChoice? Choose(RegionCode region, int year)
    {
        ArgumentNullException.ThrowIfNull(region);
        var own = Figures.Where(f => f.Region == region.Value).ToList();
        if (own.Count == 0)
        {
            return null;
        }

        static PopulationFigure Best(IEnumerable<PopulationFigure> fs) => fs.OrderBy(f => f.Reference).First();
        var same = own.Where(f => f.Year == year).ToList();
        if (same.Count > 0)
        {
            return new PopulationChoice(Best(same), null);
        }

        var earlier = own.Where(f => f.Year < year).ToList();
        var chosen = earlier.Count > 0
            ? Best(earlier.Where(f => f.Year == earlier.Max(e => e.Year)))
            : Best(own.Where(f => f.Year == own.Min(e => e.Year)));
        return new PopulationChoice(chosen, $"No population figure for {region.Value} in {year}; the {chosen.Year} figure ({chosen.Source}) is used.");
    }

    private static PopulationTable LoadEmbedded()
    {
        var figures = new List<PopulationFigure>();
        foreach (var row in ReadCsv("population.csv").Skip(1))
        {
            // region_code,region_name,year,reference,total,male,female,source
            figures.Add(new PopulationFigure(row[0], Int(row[2]), ParseReference(row[3]), Long(row[4]), OptionalLong(row[5]), OptionalLong(row[6]), row[7]));
        }

        foreach (var row in ReadCsv("ntt-population-dukcapil-2025.csv").Skip(1))
        {
            // kemendagri_code,name,male,female,total
            if (!figures.Any(f => f.Region == row[0] && f.Year == 2025 && f.Reference == PopulationReference.CivilRegistry))
            {
                figures.Add(new PopulationFigure(row[0], 2025, PopulationReference.CivilRegistry, Long(row[4]), Long(row[2]), Long(row[3]), Dukcapil2025));
            }
        }

        return new PopulationTable(EmbeddedVersion, figures);
    }

    private static PopulationReference ParseReference(string code) => code switch
    {
        "mid_year_estimate" => PopulationReference.MidYearEstimate,
        "census" => PopulationReference.Census,
        "civil_registry" => PopulationReference.CivilRegistry,
        _ => throw new InvalidOperationException($"Unknown population reference '{code}' in the embedded table."),
    };

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static long Long(string s) => long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static long? OptionalLong(string s) => s.Length == 0 ? null : Long(s);

    /// <summary>Reads an embedded CSV of the indicator data (fields may be double-quoted; no embedded quotes).</summary>
    internal static IEnumerable<string[]> ReadCsv(string name)
    {
        using var stream = typeof(PopulationTable).Assembly.GetManifestResourceStream("TaskForce.Domain.Indicators.Data." + name)
            ?? throw new InvalidOperationException($"Embedded data '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = new List<string>();
            var sb = new System.Text.StringBuilder();
            bool quoted = false;
            foreach (char ch in line)
            {
                if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == ',' && !quoted)
                {
                    fields.Add(sb.ToString());
                    sb.Clear();
                }
                else
                {
                    sb.Append(ch);
                }
            }

            fields.Add(sb.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}

/// <summary>The kecamatan of the regions whose lists are embedded (TTU, Kemendagri 53.03, from
/// <c>src/TaskForce.Domain/Indicators/Data/ttu-kecamatan.csv</c>; Kepmendagri 300.2.2-2138/2025).</summary>
public static class KecamatanList
{
    private static readonly Lazy<IReadOnlyList<KeyValuePair<string, string>>> Ttu = new(() =>
        [.. PopulationTable.ReadCsv("ttu-kecamatan.csv").Skip(1).Where(r => r[0].Length == 8).Select(r => new KeyValuePair<string, string>(r[0], r[1]))]);

    /// <summary>Returns the kecamatan of a kabupaten, when its list is embedded.</summary>
    /// <param name="region">A kabupaten code, e.g. <c>53.03</c>.</param>
    /// <returns>Code and name of each kecamatan in code order (24 for 53.03), or an empty list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Value == "53.03" ? Ttu.Value : [];
    }

    /// <summary>Returns the name of a kecamatan in an embedded list.</summary>
    /// <param name="code">The kecamatan code, e.g. <c>53.03.05</c>.</param>
    /// <returns>The name (e.g. <c>Kota Kefamenanu</c>), or <see langword="null"/> when not embedded.</returns>
    public static string? NameOf(string code) => Ttu.Value.FirstOrDefault(p => p.Key == code).Value;
}
