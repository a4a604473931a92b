using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation.Linkage;

namespace TaskForce.Domain.Tests.Common;

public sealed class NameNormaliserTests
{
    [Theory]
    // The cases of the two former normalisers (PersonKeyer.NormaliseName, RecordLinker.NormalizeName), unchanged.
    [InlineData("  Maria   Fernandes-da Costa ", "MARIA FERNANDES DA COSTA")]
    [InlineData("José Ximenes", "JOSE XIMENES")]
    [InlineData("Yohanes B. Taek", "YOHANES B TAEK")]
    [InlineData("Ny. Maria  Goreti-Taek", "MARIA GORETI TAEK")]
    [InlineData("José Amaral", "JOSE AMARAL")]
    [InlineData("  ", "")]
    [InlineData(null, "")]
    [InlineData("José Conceição Ximenes", "JOSE CONCEICAO XIMENES")]
    public void Normalise_FoldsCaseAccentsPunctuationAndSpacing_GivenRecordedNames(string? name, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(name));

    [Theory]
    // Where the two used to disagree: the key kept the title, the linkage dropped it.
    [InlineData("Sdri. Yohana Abi", "YOHANA ABI")]
    [InlineData("BAPAK Yosef Bria", "YOSEF BRIA")]
    // The linkage dropped digits (merging placeholders), the key kept them.
    [InlineData("Korban 2", "KORBAN 2")]
    // The linkage left Latin Extended-A letters and ligatures as they were, the key folded them.
    [InlineData("Łucja Straße", "LUCJA STRASSE")]
    [InlineData("Ænea Œlia", "AENEA OELIA")]
    // The linkage dropped a title inside the name and a name made only of a title word.
    [InlineData("Yohana Nona", "YOHANA NONA")]
    [InlineData("Tuan", "TUAN")]
    public void Normalise_FoldsAsTheOneRule_GivenNamesTheFormerNormalisersFoldedApart(string name, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(name));

    [Theory]
    // Both former normalisers split at an apostrophe ("NUR AINI"); Indonesian names write it inside one word or not at all.
    [InlineData("Nur'aini binti Ma’ruf", "NURAINI BINTI MARUF")]
    [InlineData("Nuraini binti Maruf", "NURAINI BINTI MARUF")]
    // A combining accent typed after the letter is dropped, not a word break ("RENE E" before).
    [InlineData("Rene\u0301e Ximenes", "RENEE XIMENES")]
    public void Normalise_JoinsTheWord_GivenApostrophesAndCombiningAccents(string name, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(name));

    [Fact]
    public void KeyOfAndLink_AgreeThatItIsOnePerson_GivenATitledAndAnUntitledSpelling()
    {
        // Before: the key folded "Ny. Maria Taek" to "NY MARIA TAEK" (two persons), the linkage to "MARIA TAEK" (one).
        var keyer = new PersonKeyer([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        var titled = keyer.KeyOf("c1", "victim-1", null, "Ny. Maria Taek", "2006-04-12", Sex.Female);
        var plain = keyer.KeyOf("c2", "victim-1", null, "MARIA TAEK", "2006-04-12", Sex.Female);

        var linked = new RecordLinker(new LinkageOptions { DistrictSecret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)] }).Link(
        [
            new VictimListEntry { List = "police", RecordId = "LP-1", Name = "Ny. Maria Taek", BirthDate = new LocalDate(2006, 4, 12) },
            new VictimListEntry { List = "uptd_ppa", RecordId = "PPA-1", Name = "MARIA TAEK", BirthDate = new LocalDate(2006, 4, 12) },
        ]);

        Assert.Equal(titled, plain);
        Assert.Single(linked.Persons);
        Assert.Equal(1.0, linked.Decisions.Single().Fields.Single(f => f.Field == "name").Score);
    }
}
