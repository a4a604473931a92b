using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class AgeGroupsTests
{
    [Theory]
    [InlineData(AgeGrouping.SimfoniPpa, 0, "0-5")]
    [InlineData(AgeGrouping.SimfoniPpa, 5, "0-5")]
    [InlineData(AgeGrouping.SimfoniPpa, 6, "6-12")]
    [InlineData(AgeGrouping.SimfoniPpa, 17, "13-17")]
    [InlineData(AgeGrouping.SimfoniPpa, 18, "18-24")]
    [InlineData(AgeGrouping.SimfoniPpa, 44, "25-44")]
    [InlineData(AgeGrouping.SimfoniPpa, 45, "45-59")]
    [InlineData(AgeGrouping.SimfoniPpa, 60, "60+")]
    [InlineData(AgeGrouping.CtdcAgeBroad, 8, "0-8")]
    [InlineData(AgeGrouping.CtdcAgeBroad, 9, "9-17")]
    [InlineData(AgeGrouping.CtdcAgeBroad, 20, "18-20")]
    [InlineData(AgeGrouping.CtdcAgeBroad, 24, "24-26")]
    [InlineData(AgeGrouping.CtdcAgeBroad, 38, "30-38")]
    [InlineData(AgeGrouping.CtdcAgeBroad, 47, "39-47")]
    [InlineData(AgeGrouping.CtdcAgeBroad, 48, "48+")]
    [InlineData(AgeGrouping.GlotipChildAdult, 17, "child")]
    [InlineData(AgeGrouping.GlotipChildAdult, 18, "adult")]
    [InlineData(AgeGrouping.SimfoniPpa, null, "unknown")]
    [InlineData(AgeGrouping.CtdcAgeBroad, null, "unknown")]
    [InlineData(AgeGrouping.GlotipChildAdult, null, "unknown")]
    public void CodeOf_PutsTheAgeInItsGroup_GivenTheEdgesOfEachGrouping(AgeGrouping grouping, int? age, string code)
    {
        Assert.Equal(code, AgeGroups.CodeOf(grouping, age));
    }

    [Fact]
    public void ChildStatusOfGroup_SplitsEveryGroupingAt18_GivenAllGroups()
    {
        Assert.Equal(["child", "child", "child", "adult", "adult", "adult", "adult", "unknown"],
            Enumerable.Range(0, 8).Select(i => AgeGroups.ChildStatusOfGroup(AgeGrouping.SimfoniPpa, i).ToCode()));
        Assert.Equal(["child", "child", "adult", "adult", "adult", "adult", "adult", "adult", "adult", "unknown"],
            Enumerable.Range(0, 10).Select(i => AgeGroups.ChildStatusOfGroup(AgeGrouping.CtdcAgeBroad, i).ToCode()));
    }

    [Fact]
    public void NameOf_NamesEachGroupingAndFlagsSimfoniUnconfirmed()
    {
        Assert.Equal("simfoni_ppa", AgeGroups.NameOf(AgeGrouping.SimfoniPpa));
        Assert.Equal("ctdc_age_broad", AgeGroups.NameOf(AgeGrouping.CtdcAgeBroad));
        Assert.Equal("glotip_child_adult", AgeGroups.NameOf(AgeGrouping.GlotipChildAdult));
        Assert.False(AgeGroups.IsConfirmed(AgeGrouping.SimfoniPpa));
        Assert.True(AgeGroups.IsConfirmed(AgeGrouping.CtdcAgeBroad));
    }
}
