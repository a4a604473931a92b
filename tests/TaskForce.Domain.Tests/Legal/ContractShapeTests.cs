using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using TaskForce.Domain.Legal;
using static TaskForce.Domain.Tests.Legal.SentenceCheckerRangeTests;

namespace TaskForce.Domain.Tests.Legal;

/// <summary>The result types serialize 1:1 onto docs/wire-contract.md with snake_case names and enum values, so
/// the CLI and HTTP layers only serialize.</summary>
public class ContractShapeTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static JsonElement Serialize<T>(T value) => JsonDocument.Parse(JsonSerializer.Serialize(value, Json)).RootElement;

    [Fact]
    public void SentenceCheckResult_HasTheContractFields()
    {
        var r = SentenceChecker.Check(Request("UU21-2007:2(1)", ["UU21-2007:17"]), Clock);

        var j = Serialize(r);

        Assert.Equal("UU21-2007", j.GetProperty("regime").GetString());
        Assert.Equal(36, j.GetProperty("prison_months").GetProperty("min").GetInt32());
        Assert.Equal(240, j.GetProperty("prison_months").GetProperty("max").GetInt32());
        Assert.False(j.GetProperty("life_imprisonment").GetBoolean());
        Assert.Equal(120_000_000, j.GetProperty("fine_idr").GetProperty("min").GetInt64());
        Assert.Equal(800_000_000, j.GetProperty("fine_idr").GetProperty("max").GetInt64());
        Assert.Equal("cumulative", j.GetProperty("penalties").GetString());
        foreach (string flag in new[] { "in_range", "prison_below_minimum", "prison_above_maximum", "fine_below_minimum", "fine_above_maximum" })
        {
            Assert.Contains(j.GetProperty(flag).ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        }

        Assert.Equal(JsonValueKind.Array, j.GetProperty("notes").ValueKind);
    }

    [Fact]
    public void QualificationResult_HasTheContractFields()
    {
        var r = TraffickingQualifier.Qualify(
            new QualifyRequest
            {
                OffenceDate = new LocalDate(2025, 3, 14),
                DecisionDate = new LocalDate(2025, 11, 3),
                Victims = [new QualifyVictim { Sex = "female", AgeAtOffence = 25 }],
                Acts = ["perekrutan"],
                Means = ["penipuan"],
                Purposes = ["kerja_paksa"],
            },
            Clock);

        var j = Serialize(r);

        Assert.Equal("actual_victim", j.GetProperty("status").GetString());
        Assert.True(j.GetProperty("elements").GetProperty("act").GetBoolean());
        Assert.True(j.GetProperty("elements").GetProperty("means").GetBoolean());
        Assert.True(j.GetProperty("elements").GetProperty("purpose").GetBoolean());
        Assert.False(j.GetProperty("child_rule_applied").GetBoolean());
        Assert.Equal("UU21-2007", j.GetProperty("regime").GetString());
        var charge = j.GetProperty("charges")[0];
        Assert.Equal("UU21-2007:2(1)", charge.GetProperty("article").GetString());
        Assert.Equal(JsonValueKind.Array, charge.GetProperty("aggravations").ValueKind);
        Assert.Equal(180, charge.GetProperty("prison_months").GetProperty("max").GetInt32());
        Assert.False(charge.GetProperty("life_imprisonment").GetBoolean());
        Assert.Equal(600_000_000, charge.GetProperty("fine_idr").GetProperty("max").GetInt64());
        Assert.Equal(JsonValueKind.Array, j.GetProperty("reasons").ValueKind);
        Assert.Equal(JsonValueKind.Array, j.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public void SentenceCheckRequest_ReadsTheContractInput()
    {
        // The contract's example input, deserialized with the same policy (dates as NodaTime LocalDate need the
        // NodaTime converters in the adapters; here they are left out of the JSON).
        const string input = """
            {"article": "UU21-2007:2(1)", "participation": "perpetrator", "aggravations": ["UU21-2007:17"], "corporation": false,
             "sentence": {"prison_months": 48, "fine_idr": 200000000}}
            """;

        var req = JsonSerializer.Deserialize<SentenceCheckRequest>(input, Json)!;

        Assert.Equal("UU21-2007:2(1)", req.Article);
        Assert.Equal(["UU21-2007:17"], req.Aggravations);
        Assert.Equal(48, req.Sentence!.PrisonMonths);
        Assert.Equal(200_000_000, req.Sentence.FineIdr);
    }
}
