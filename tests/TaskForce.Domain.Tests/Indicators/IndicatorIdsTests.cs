using System.Reflection;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class IndicatorIdsTests
{
    private static readonly string[] Constants = [.. typeof(IndicatorIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void All_IsEveryIndicatorIdsConstantOnce_GivenTheCatalogue()
    {
        var catalogue = IndicatorCatalogue.All.Select(d => d.Id).ToList();

        Assert.Equal(catalogue.Count, catalogue.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Constants.Order(StringComparer.Ordinal), catalogue.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Constants_AreDistinctSnakeCase_GivenIndicatorIds()
    {
        Assert.Equal(Constants.Length, Constants.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Constants, id => Assert.Matches("^[a-z][a-z0-9_]*$", id));
    }
}
