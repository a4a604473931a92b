using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Tests.CourtOutcomes;

public sealed class ProvenArticleTests
{
    // Each row: the citation as printed in a real verdict (samples/verdicts) and the offence article it holds proven.
    [Theory]
    [InlineData("UU21/2007 Pasal 2 ayat (1)", "UU21-2007:2(1)")]
    [InlineData("UU21/2007 Pasal 2 ayat (2)", "UU21-2007:2(2)")]
    [InlineData("UU21/2007 Pasal 4 jo Pasal 10", "UU21-2007:4")] // Pasal 10: attempt/aiding, not an offence
    [InlineData("UU21/2007 Pasal 10 jo Pasal 6", "UU21-2007:6")]
    [InlineData("UU21/2007 Pasal 17 jo Pasal 2 ayat (1) jo Pasal 55 ayat (1) ke-1 KUHP (Kedua)", "UU21-2007:2(1)")] // Pasal 17: aggravation
    [InlineData("UU21/2007 Pasal 2 ayat (1) jo Pasal 10 jo Pasal 48 ayat (1)", "UU21-2007:2(1)")]
    [InlineData("UU21/2007 Pasal 10 (attempt) jo Pasal 4 (dakwaan alternatif kedua)", "UU21-2007:4")]
    [InlineData("UU21/2007 Pasal 4 ayat (1) jo Pasal 10 jo Pasal 48", "UU21-2007:4")]
    [InlineData("UU18/2017 (PMI) Pasal 81 jo Pasal 69", "other")]
    [InlineData("UU35/2014 (Perlindungan Anak) Pasal 88 jo Pasal 76I", "other")]
    [InlineData("Pasal 296 KUHP", "other")]
    [InlineData("UU21/2007 Pasal 10 jo Pasal 55 ayat (1) ke-1 KUHP", "other")] // no offence article before the KUHP part
    [InlineData("", "other")]
    public void ArticleId_ReturnsOffenceArticle_GivenPrintedCitation(string citation, string expected) =>
        Assert.Equal(expected, ProvenArticle.ArticleId(citation));

    [Fact]
    public void FirstArticleId_UsesOnlyTheFirstEntry_GivenSeveralEntries() =>
        Assert.Equal("other", ProvenArticle.FirstArticleId(["UU18/2017 (PMI) Pasal 81 jo Pasal 69", "UU21/2007 Pasal 2 ayat (1)"]));

    [Fact]
    public void FirstArticleId_ReturnsOther_GivenNoArticles() => Assert.Equal("other", ProvenArticle.FirstArticleId([]));
}
