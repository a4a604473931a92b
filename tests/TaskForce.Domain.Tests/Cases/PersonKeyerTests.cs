using TaskForce.Domain.Cases;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Tests.Cases;

public sealed class PersonKeyerTests
{
    private static readonly PersonKeyer Keyer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void KeyOf_UsesTheNikFirst_GivenTheSameNikUnderDifferentNames()
    {
        var a = Keyer.KeyOf("c1", "victim-1", "5303010106090001", "Maria", "2009-06-01", Sex.Female);
        var b = Keyer.KeyOf("c2", "victim-3", "5303010106090001", "Maria da Costa", null, Sex.Unknown);

        Assert.Equal(a, b);
        Assert.Equal(PersonKeyBasis.Nik, a.Basis);
        Assert.Matches("^[0-9a-f]{32}$", a.Value);
    }

    [Fact]
    public void KeyOf_LinksNameBirthDateAndSex_GivenSpellingThatNormalisesEqually()
    {
        var a = Keyer.KeyOf("c1", "victim-1", null, "Maria  da-Costa", "2009-06-01", Sex.Female);
        var b = Keyer.KeyOf("c2", "victim-1", null, "MARIA DA COSTA", "2009-06-01", Sex.Female);
        var otherDate = Keyer.KeyOf("c2", "victim-1", null, "MARIA DA COSTA", "2009-06-02", Sex.Female);

        Assert.Equal(a, b);
        Assert.Equal(PersonKeyBasis.NameBirthDateSex, a.Basis);
        Assert.NotEqual(a.Value, otherDate.Value);
    }

    [Fact]
    public void KeyOf_IsUniqueToTheRecord_GivenANameWithoutBirthDate()
    {
        var a = Keyer.KeyOf("c1", "victim-1", null, "Maria", null, Sex.Female);
        var b = Keyer.KeyOf("c2", "victim-1", null, "Maria", null, Sex.Female);

        Assert.Equal(PersonKeyBasis.Record, a.Basis);
        Assert.False(a.Linkable);
        Assert.NotEqual(a.Value, b.Value);
    }

    [Fact]
    public void KeyOf_DependsOnTheSecret_GivenTwoDeployments()
    {
        var other = new PersonKeyer(new byte[32]);

        Assert.NotEqual(Keyer.KeyOf("c", "v", "5303010106090001", null, null, Sex.Female).Value,
            other.KeyOf("c", "v", "5303010106090001", null, null, Sex.Female).Value);
    }

    [Fact]
    public void Constructor_Throws_GivenAShortSecret()
    {
        Assert.Throws<ArgumentException>(() => new PersonKeyer(new byte[16]));
    }
}
