using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class PopulationTableTests
{
    [Theory]
    [InlineData("population.csv", 6)]
    [InlineData("ntt-population-dukcapil-2025.csv", 23)]
    [InlineData("ttu-kecamatan.csv", 25)]
    public void EmbeddedData_MatchesTheCommittedChecksumAndRowCount_GivenEachFile(string name, int rows)
    {
        string sums = RepoData.PathOf("src", "TaskForce.Domain", "Indicators", "Data", "SHA256SUMS");
        using var stream = typeof(PopulationTable).Assembly.GetManifestResourceStream("TaskForce.Domain.Indicators.Data." + name);
        Assert.NotNull(stream);

        Assert.Equal(RepoData.Checksums(sums)[name], RepoData.Sha256(stream));
        stream.Position = 0;
        using var reader = new StreamReader(stream);
        Assert.Equal(rows, reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public void DukcapilTable_HoldsTheDecreesFigures_GivenNttAndTtu()
    {
        // Written by hand from the Dukcapil figures published with Kepmendagri 300.2.2-2138/2025 (docs/sources.md).
        using var stream = typeof(PopulationTable).Assembly.GetManifestResourceStream("TaskForce.Domain.Indicators.Data.ntt-population-dukcapil-2025.csv");
        using var reader = new StreamReader(stream!);
        string text = reader.ReadToEnd();

        Assert.Contains("53,\"Nusa Tenggara Timur\",2850092,2850680,5700772", text, StringComparison.Ordinal);
        Assert.Contains("53.03,\"Kabupaten Timor Tengah Utara\",137887,138145,276032", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("53.03", 2020, 259_829, "census")]
    [InlineData("53.03", 2022, 268_067, "mid_year_estimate")]
    [InlineData("53.03", 2023, 271_277, "mid_year_estimate")]
    [InlineData("53.03", 2025, 276_032, "civil_registry")]
    [InlineData("53.04", 2025, 232_788, "civil_registry")]
    [InlineData("53", 2025, 5_700_772, "civil_registry")]
    public void Choose_TakesTheFigureOfTheYear_GivenAYearWithAFigure(string region, int year, long total, string reference)
    {
        var choice = PopulationTable.Embedded.Choose(RegionCode.Parse(region), year)!;

        Assert.Equal(total, choice.Figure.Total);
        Assert.Equal(reference, choice.Figure.ReferenceCode);
        Assert.Null(choice.Warning);
    }

    [Theory]
    [InlineData(2024, 2023, 271_277)]
    [InlineData(2021, 2020, 259_829)]
    [InlineData(2030, 2025, 276_032)]
    [InlineData(2005, 2010, 229_803)]
    public void Choose_TakesTheNearestEarlierYearElseTheEarliest_GivenAYearWithoutAFigure(int year, int used, long total)
    {
        var choice = PopulationTable.Embedded.Choose(RegionCode.Parse("53.03"), year)!;

        Assert.Equal(used, choice.Figure.Year);
        Assert.Equal(total, choice.Figure.Total);
        Assert.NotNull(choice.Warning);
    }

    [Fact]
    public void Choose_ReturnsNull_GivenAllRegionsOrAKecamatan()
    {
        Assert.Null(PopulationTable.Embedded.Choose(RegionCode.All, 2025));
        Assert.Null(PopulationTable.Embedded.Choose(RegionCode.Parse("53.03.05"), 2025));
    }

    [Fact]
    public void KecamatanList_HasTheTwentyFourOfTtu()
    {
        var list = KecamatanList.Of(RegionCode.Parse("53.03"));

        Assert.Equal(24, list.Count);
        Assert.Equal(new KeyValuePair<string, string>("53.03.05", "Kota Kefamenanu"), list[4]);
        Assert.Empty(KecamatanList.Of(RegionCode.Parse("53.04")));
    }
}
