using System.Reflection;
using System.Text.RegularExpressions;
using TaskForce.Client;

namespace TaskForce.LocalHost.Tests.Client;

/// <summary>The generated client names its types and members as an agency developer expects (ADR-013): the document
/// names every nested record and enumeration as a component after its C# type, so no type is an inline shape's
/// numbered or snake_case name (<c>Reporting_agency4</c>), and the property template makes members PascalCase.</summary>
public sealed partial class ClientNamingTests
{
    private static readonly Type[] PublicTypes = typeof(TaskForceApiClient).Assembly.GetExportedTypes();

    [Fact]
    public void PublicTypes_HaveNoDigitAtTheEndAndNoUnderscore_GivenTheGeneratedClient()
    {
        var bad = PublicTypes.Select(t => t.IsGenericType ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] : t.Name)
            .Where(n => n.Contains('_', StringComparison.Ordinal) || char.IsDigit(n[^1]))
            .ToList();
        Assert.True(PublicTypes.Length > 50, $"only {PublicTypes.Length} public types: is the generated client compiled in?");
        Assert.Empty(bad);
    }

    [Fact]
    public void PublicPropertiesAndEnumMembers_ArePascalCase_GivenTheGeneratedClient()
    {
        var bad = PublicTypes
            .SelectMany(t => t.IsEnum
                ? t.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => t.Name + "." + f.Name)
                : t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => t.Name + "." + p.Name))
            .Where(n => !PascalCase().IsMatch(n[(n.IndexOf('.', StringComparison.Ordinal) + 1)..]))
            .ToList();
        Assert.Empty(bad);
    }

    [Theory]
    [InlineData("CaseType", "CaseSummary", "CaseType")]
    [InlineData("ReportingAgencyView", "CaseSummary", "ReportingAgency")]
    [InlineData("NewAgency", "CaseIntake", "ReportingAgency")]
    [InlineData("IntakeChannel", "CaseDocument", "IntakeChannel")]
    public void NestedShapes_AreNamedAfterTheirCSharpTypes_GivenTheServedDocument(string expected, string record, string property)
    {
        var owner = PublicTypes.Single(t => t.Name == record);
        Type type = owner.GetProperty(property)!.PropertyType;
        Assert.Equal(expected, (Nullable.GetUnderlyingType(type) ?? type).Name);
    }

    [Fact]
    public void DatesAndInstants_AreDateOnlyAndDateTimeOffset_GivenTheirFormats()
    {
        Assert.Equal(typeof(DateOnly?), typeof(CaseIntake).GetProperty(nameof(CaseIntake.OffenceDate))!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset?), typeof(CaseIntake).GetProperty(nameof(CaseIntake.ReportedAt))!.PropertyType);
        Assert.Equal(typeof(DateOnly?), typeof(SpdpRequest).GetProperty(nameof(SpdpRequest.SentOn))!.PropertyType);
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
