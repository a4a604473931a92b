using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>
/// <c>taskforce qualify</c> and <c>taskforce sentence-check</c> in-process, checked against docs/wire-contract.md.
/// Expected ranges and flags are worked out by hand from the statute (UU 21/2007 Pasal 2-6, 7, 10, 17; UU 18/2017
/// Pasal 81 jo 69; UU 1/2023 Pasal 17 and UU 1/2026 for 2026 judgments), not taken from the engine.
/// </summary>
public sealed class LegalCliTests
{
    // 2026-03-10 09:00 WITA.
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 10, 1, 0));

    private static readonly Lazy<Dictionary<string, JsonElement>> Verdicts = new(() =>
        File.ReadLines(RepoPaths.SampleVerdicts).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToDictionary(e => e.GetProperty("case_number").GetString()!));

    private static readonly string[] ActDateFields = ["offence_date_to", "arrest_date", "decision_date"];
    private static readonly string[] Flags = ["prison_below_minimum", "prison_above_maximum", "fine_below_minimum", "fine_above_maximum"];

    /// <summary>The contract's qualify example, with a judgment date in 2025 so the law as enacted applies.</summary>
    private const string ContractExample = """
        {"offence_date": "2025-03-14", "decision_date": "2025-11-03",
         "victims": [{"sex": "female", "birth_date": "2008-05-01", "age_at_offence": null}],
         "acts": ["perekrutan", "pengiriman"],
         "means": ["penipuan", "penjeratan_utang"],
         "purposes": ["kerja_paksa"],
         "exploitation_occurred": true,
         "destination_country": "MY",
         "offender": {"state_official": false, "organized_group": false, "corporation": false},
         "harms": ["luka_berat"]}
        """;

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => throw new InvalidOperationException("qualify and sentence-check use no storage"), CancellationToken.None, Clock);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string WriteFile(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), "taskforce-legal-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static JsonElement Charge(JsonElement result, string article) =>
        result.GetProperty("charges").EnumerateArray().Single(c => c.GetProperty("article").GetString() == article);

    [Fact]
    public async Task Qualify_PrintsTheContractResult_GivenTheContractExample()
    {
        var (code, stdout, _) = await RunAsync("qualify", "--file", WriteFile(ContractExample), "--json");

        Assert.Equal(0, code);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("actual_victim", r.GetProperty("status").GetString()); // act + means + purpose (Pasal 1 angka 1, 2(1))
        Assert.False(r.GetProperty("child_rule_applied").GetBoolean()); // a means is recorded, so the child rule did not decide
        Assert.Equal("UU21-2007", r.GetProperty("regime").GetString()); // act and judgment in 2025

        // Pasal 2(1): 36-180 months, Rp120-600 juta; the victim was 16 (born 2008-05-01, act 2025-03-14), so Pasal 17
        // raises the maxima by 1/3: 240 months, Rp800 juta. Pasal 7(1) does not apply to 2(1).
        var p21 = Charge(r, "UU21-2007:2(1)");
        Assert.Equal(["UU21-2007:17"], p21.GetProperty("aggravations").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal((36, 240), (p21.GetProperty("prison_months").GetProperty("min").GetInt32(), p21.GetProperty("prison_months").GetProperty("max").GetInt32()));
        Assert.Equal((120_000_000L, 800_000_000L), (p21.GetProperty("fine_idr").GetProperty("min").GetInt64(), p21.GetProperty("fine_idr").GetProperty("max").GetInt64()));
        Assert.False(p21.GetProperty("life_imprisonment").GetBoolean());

        // Pasal 2(2) (exploitation happened) with Pasal 17 and 7(1) (serious injury): two thirds added to 180 months
        // is 300, capped at 20 years = 240 months; the fine is not capped: Rp600 juta × 5/3 = Rp1 miliar.
        var p22 = Charge(r, "UU21-2007:2(2)");
        Assert.Equal(["UU21-2007:17", "UU21-2007:7(1)"], p22.GetProperty("aggravations").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(240, p22.GetProperty("prison_months").GetProperty("max").GetInt32());
        Assert.Equal(1_000_000_000L, p22.GetProperty("fine_idr").GetProperty("max").GetInt64());
        Charge(r, "UU21-2007:4"); // an Indonesian taken to Malaysia to be exploited
    }

    [Fact]
    public async Task Qualify_AppliesTheChildRule_GivenAChildAndNoMeans()
    {
        string json = """{"offence_date": "2025-06-01", "decision_date": "2025-12-01", "victims": [{"sex": "female", "age_at_offence": 15}], "acts": ["penampungan"], "purposes": ["eksploitasi_seksual"]}""";

        var (code, stdout, _) = await RunAsync("qualify", "--file", WriteFile(json), "--json");

        Assert.Equal(0, code);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("actual_victim", r.GetProperty("status").GetString()); // Palermo art. 3(c): a child needs no means
        Assert.True(r.GetProperty("child_rule_applied").GetBoolean());
        Assert.DoesNotContain(r.GetProperty("charges").EnumerateArray(), c => c.GetProperty("article").GetString() == "UU21-2007:2(1)"); // Pasal 2 names the means
        Charge(r, "UU35-2014:83");
    }

    [Fact]
    public async Task Qualify_PrintsText_WithoutJson()
    {
        var (code, stdout, _) = await RunAsync("qualify", "--file", WriteFile(ContractExample));

        Assert.Equal(0, code);
        Assert.StartsWith("Status: actual_victim", stdout, StringComparison.Ordinal);
        Assert.Contains("Charge UU21-2007:2(1) with UU21-2007:17 [UU21-2007]: 36-240 months", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("victims[0].birth_date", """{"offence_date": "2025-03-14", "victims": [{"sex": "female", "birth_date": "2025-03-15"}], "acts": ["perekrutan"]}""")]
    [InlineData("acts[0]", """{"offence_date": "2025-03-14", "acts": ["recruitment"]}""")]
    [InlineData("offence_date", """{"acts": ["perekrutan"]}""")]
    [InlineData("offence_date", """{"offence_date": "2026-03-11", "acts": ["perekrutan"]}""")]
    [InlineData("destination_country", """{"offence_date": "2025-03-14", "destination_country": "Malaysia"}""")]
    [InlineData("victims[0].sex", """{"offence_date": "2025-03-14", "victims": [{"sex": "perempuan"}]}""")]
    [InlineData("offender.organised_group", """{"offence_date": "2025-03-14", "offender": {"organised_group": true}}""")]
    [InlineData("victims[0].age_at_offence", """{"offence_date": "2025-03-14", "victims": [{"age_at_offence": "16"}]}""")]
    [InlineData("body", """{"offence_date": """)]
    public async Task Qualify_ExitsWith2NamingTheField_GivenBadInput(string field, string json)
    {
        var (code, stdout, _) = await RunAsync("qualify", "--file", WriteFile(json), "--json");

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Bad input", error.GetProperty("title").GetString());
        Assert.Equal(field, error.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    /// <summary>Real verdicts with the flags expected from the statute, written by hand.</summary>
    public static TheoryData<string, string, string, string[], string, int, int, long, long, string> RealVerdicts() => new()
    {
        // PN Kalianda: Pasal 2(1) jo 17, child victim: 36-240 months, Rp120-800 juta; 48 months and Rp200 juta lie inside.
        { "65/Pid.Sus/2025/PN Kla", "UU21-2007:2(1)", "perpetrator", ["UU21-2007:17"], "UU21-2007", 36, 240, 120_000_000, 800_000_000, "in_range" },
        // PN Tanjung Selor: Pasal 2(1), 12 months is below the 3-year minimum; Rp120 juta is the minimum fine.
        { "37/Pid.Sus/2025/PN Tte", "UU21-2007:2(1)", "perpetrator", [], "UU21-2007", 36, 180, 120_000_000, 600_000_000, "prison_below_minimum" },
        // PN Batam: Pasal 4 jo 10 (attempt takes the base range); a fine of Rp800 juta is above the Rp600 juta maximum.
        { "50/Pid.Sus/2025/PN Btm", "UU21-2007:4", "attempt", [], "UU21-2007", 36, 180, 120_000_000, 600_000_000, "fine_above_maximum" },
        // PN Mempawah: UU 18/2017 Pasal 81 jo 69: at most 10 years and at most Rp15 miliar; 10 months and Rp1 miliar inside.
        { "112/Pid.Sus/2025/PN Mpw", "UU18-2017:81", "perpetrator", [], "UU18-2017", 0, 120, 0, 15_000_000_000, "in_range" },
        // PN Nunukan, judged 26 January 2026 for a July 2025 act: the adjusted law is more favourable (UU 1/2026 Pasal 3):
        // at most 10 years and/or category VI (Rp2 miliar); an attempt is at most two thirds of the maximum of each main
        // penalty (UU 1/2023 Pasal 17(2), "pidana pokok": prison and fine): 80 months and Rp1,333,333,333 (rounded down).
        { "306/Pid.Sus/2025/PN Nnk", "UU18-2017:81", "attempt", [], "UU18-2017+UU1-2026", 0, 80, 0, 1_333_333_333, "in_range" },
    };

    [Theory]
    [MemberData(nameof(RealVerdicts))]
    public async Task SentenceCheck_FlagsARealVerdictAsTheStatuteSays(string caseNumber, string article, string participation, string[] aggravations, string regime, int prisonMin, int prisonMax, long fineMin, long fineMax, string flag)
    {
        var v = Verdicts.Value[caseNumber];
        // The act date: the verdict's offence date, else the arrest date, else the decision date (the latest possible act).
        string offence = ActDateFields.Select(n => v.GetProperty(n)).First(e => e.ValueKind == JsonValueKind.String).GetString()!;
        var input = new JsonObject
        {
            ["offence_date"] = offence,
            ["decision_date"] = v.GetProperty("decision_date").GetString(),
            ["article"] = article,
            ["participation"] = participation,
            ["aggravations"] = new JsonArray([.. aggravations.Select(a => (JsonNode)a)]),
            ["sentence"] = new JsonObject
            {
                ["prison_months"] = v.GetProperty("sentence_prison_months").GetInt32(),
                ["fine_idr"] = v.GetProperty("fine_rupiah").ValueKind == JsonValueKind.Number ? v.GetProperty("fine_rupiah").GetInt64() : null,
            },
        };

        var (code, stdout, _) = await RunAsync("sentence-check", "--file", WriteFile(input.ToJsonString()), "--json");

        Assert.Equal(0, code);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.True(r.GetProperty("supported").GetBoolean());
        Assert.Equal(regime, r.GetProperty("regime").GetString());
        Assert.Equal(prisonMin, r.GetProperty("prison_months").GetProperty("min").GetInt32());
        Assert.Equal(prisonMax, r.GetProperty("prison_months").GetProperty("max").GetInt32());
        Assert.Equal(fineMin, r.GetProperty("fine_idr").GetProperty("min").GetInt64());
        Assert.Equal(fineMax, r.GetProperty("fine_idr").GetProperty("max").GetInt64());
        Assert.Equal(flag == "in_range", r.GetProperty("in_range").GetBoolean());
        foreach (string f in Flags)
        {
            Assert.Equal(f == flag, r.GetProperty(f).GetBoolean());
        }
    }

    [Fact]
    public async Task SentenceCheck_AnswersNotSupportedWithExit0_GivenALawTheEngineDoesNotKnow()
    {
        // PN Surabaya 144/Pid.Sus/2025: convicted under KUHP Pasal 296, which the penalty tables do not hold.
        string json = """{"offence_date": "2024-10-06", "decision_date": "2025-03-06", "article": "KUHP:296", "sentence": {"prison_months": 12}}""";

        var (code, stdout, _) = await RunAsync("sentence-check", "--file", WriteFile(json), "--json");

        Assert.Equal(0, code);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.False(r.GetProperty("supported").GetBoolean());
        Assert.Contains("KUHP", r.GetProperty("not_supported_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("in_range").ValueKind); // never a guess
    }

    [Fact]
    public async Task SentenceCheck_PrintsText_WithoutJson()
    {
        string json = """{"offence_date": "2024-06-01", "decision_date": "2024-11-07", "article": "UU21-2007:2(1)", "participation": "perpetrator", "aggravations": ["UU21-2007:17"], "corporation": false, "sentence": {"prison_months": 48, "fine_idr": 200000000}}""";

        var (code, stdout, _) = await RunAsync("sentence-check", "--file", WriteFile(json));

        Assert.Equal(0, code);
        Assert.StartsWith("Regime UU21-2007: 36-240 months", stdout, StringComparison.Ordinal);
        Assert.Contains("within the statutory range", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentenceCheck_RaisesTheMinimum_GivenTheMinimumAndMaximumReading()
    {
        // Pasal 2(1) jo 17 under the reading that +1/3 raises the minimum too: 36 × 4/3 = 48 months, Rp160 juta.
        string json = """{"offence_date": "2024-06-01", "decision_date": "2024-11-07", "article": "UU21-2007:2(1)", "aggravations": ["UU21-2007:17"], "sentence": {"prison_months": 40, "fine_idr": 200000000}}""";

        var (code, stdout, _) = await RunAsync("sentence-check", "--file", WriteFile(json), "--minimum-reading", "minimum_and_maximum", "--json");

        Assert.Equal(0, code);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(48, r.GetProperty("prison_months").GetProperty("min").GetInt32());
        Assert.Equal(160_000_000, r.GetProperty("fine_idr").GetProperty("min").GetInt64());
        Assert.True(r.GetProperty("prison_below_minimum").GetBoolean());
        Assert.Equal("minimum_and_maximum", r.GetProperty("minimum_reading").GetString());
    }

    [Theory]
    [InlineData("article", """{"offence_date": "2024-06-01", "sentence": {"prison_months": 48}}""")]
    [InlineData("offence_date", """{"offence_date": "2026-04-01", "article": "UU21-2007:2(1)", "sentence": {"prison_months": 48}}""")]
    [InlineData("decision_date", """{"offence_date": "2024-06-01", "decision_date": "2024-05-31", "article": "UU21-2007:2(1)", "sentence": {"prison_months": 48}}""")]
    [InlineData("aggravations[0]", """{"offence_date": "2024-06-01", "article": "UU21-2007:2(1)", "aggravations": ["UU21-2007:99"], "sentence": {"prison_months": 48}}""")]
    [InlineData("participation", """{"offence_date": "2024-06-01", "article": "UU21-2007:2(1)", "participation": "helper", "sentence": {"prison_months": 48}}""")]
    [InlineData("sentence", """{"offence_date": "2024-06-01", "article": "UU21-2007:2(1)"}""")]
    [InlineData("sentence.prison_months", """{"offence_date": "2024-06-01", "article": "UU21-2007:2(1)", "sentence": {"prison_months": -1}}""")]
    [InlineData("sentence.fine", """{"offence_date": "2024-06-01", "article": "UU21-2007:2(1)", "sentence": {"fine": 1}}""")]
    [InlineData("body", "null")]
    public async Task SentenceCheck_ExitsWith2NamingTheField_GivenBadInput(string field, string json)
    {
        var (code, stdout, _) = await RunAsync("sentence-check", "--file", WriteFile(json), "--json");

        Assert.Equal(2, code);
        Assert.Equal(field, JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task SentenceCheck_ExitsWith2NamingTheFile_GivenAMissingFile()
    {
        var (code, stdout, _) = await RunAsync("sentence-check", "--file", "/nonexistent/sentence.json", "--json");

        Assert.Equal(2, code);
        Assert.Equal("file", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0].GetProperty("field").GetString());
    }
}
