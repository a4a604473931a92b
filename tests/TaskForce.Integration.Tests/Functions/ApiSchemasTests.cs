using System.Text.Json.Nodes;
using TaskForce.Application.Cases;
using TaskForce.Domain.Cases;
using TaskForce.Functions.Http;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>The generated component schemas name every nested record and enumeration after its C# type (ADR-013), so
/// a client generated from the served document gets those names rather than inline shapes' numbered ones.</summary>
public sealed class ApiSchemasTests
{
    private static readonly JsonObject Schemas = JsonNode.Parse(OpenApiFunctions.Text)!["components"]!["schemas"]!.AsObject();

    [Fact]
    public void AddTo_RefersToNestedRecordsByTheirCSharpName_GivenCaseSummary()
    {
        var agency = Schemas["CaseSummary"]!["properties"]!["reporting_agency"]!;
        Assert.Equal("#/components/schemas/ReportingAgencyView", (string?)agency["$ref"]);
        Assert.Equal("ReportingAgencyView", (string?)Schemas["ReportingAgencyView"]!["title"]);
        Assert.False(Schemas["ReportingAgencyView"]!["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void AddTo_NamesEnumerationsWithWireCodesAndMemberNames_GivenIntakeChannel()
    {
        var channel = Schemas[nameof(IntakeChannel)]!;
        var codes = channel["enum"]!.AsArray().Select(c => (string)c!).ToList();
        var names = channel["x-enumNames"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal(Enum.GetNames<IntakeChannel>(), names);
        Assert.Equal(names.Count, codes.Count);
        Assert.Equal("walk_in", codes[names.IndexOf(nameof(IntakeChannel.WalkIn))]);
        Assert.Equal("#/components/schemas/IntakeChannel", (string?)Schemas["CaseSummary"]!["properties"]!["intake_channel"]!["$ref"]);
    }

    [Fact]
    public void AddTo_WrapsANullableNestedRecordInOneOfWithNull_GivenCaseIntake()
    {
        var agency = Schemas["CaseIntake"]!["properties"]!["reporting_agency"]!["oneOf"]!.AsArray();
        Assert.Equal("#/components/schemas/NewAgency", (string?)agency[0]!["$ref"]);
        Assert.Equal("null", (string?)agency[1]!["type"]);
    }

    [Fact]
    public void AddTo_Throws_GivenADocumentThatDefinesAGeneratedNameByHand()
    {
        var document = new JsonObject { ["components"] = new JsonObject { ["schemas"] = new JsonObject { ["NewAgency"] = new JsonObject() } } };
        var e = Assert.Throws<InvalidOperationException>(() => ApiSchemas.AddTo(document));
        Assert.Contains("NewAgency", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentName_IsTheRecordsKeyOrTheTypeName_GivenRecordsAndNestedTypes()
    {
        Assert.Equal("CaseIntake", ApiSchemas.ComponentName(typeof(CaseIntake)));
        Assert.Equal("CaseType", ApiSchemas.ComponentName(typeof(CaseType)));
        Assert.Throws<InvalidOperationException>(() => ApiSchemas.ComponentName(typeof(List<CaseType>)));
    }
}
