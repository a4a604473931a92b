using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Detention;

/// <summary>
/// <c>taskforce detention-check</c> run in-process, checked against the contract (docs/wire-contract.md) and against
/// real chains from samples/verdicts/verdicts.jsonl whose stages, limits, overlaps and end dates were worked out
/// by hand from the printed dates (the same readings as the domain's VerdictDetentionChainTests table).
/// </summary>
public sealed class DetentionCheckCliTests
{
    // 2026-11-29T00:00Z is 08:00 WITA on 29 November 2026: "today" for warnings when the input has no as_of.
    internal static readonly Instant Now = Instant.FromUtc(2026, 11, 29, 0, 0);

    internal const string ContractExample =
        """{"article": "UU21-2007:2(1)", "offence_date": "2024-03-01", "arrest_date": "2024-03-02", "periods": [{"stage": "penyidik", "from": "2024-03-03", "to": "2024-03-22"}]}""";

    [Fact]
    public async Task DetentionCheck_PrintsTheContractResult_GivenTheContractExample()
    {
        var (code, stdout, _) = await RunAsync("detention-check", "--file", WriteInput(ContractExample), "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("KUHAP-1981", json.GetProperty("regime").GetString());
        var p = json.GetProperty("periods")[0];
        Assert.Equal("penyidik", p.GetProperty("stage").GetString());
        Assert.Equal("2024-03-03", p.GetProperty("from").GetString());
        Assert.Equal("2024-03-22", p.GetProperty("to").GetString());
        Assert.Equal(20, p.GetProperty("days").GetInt32()); // 3 to 22 March inclusive
        Assert.Equal(20, p.GetProperty("limit_days").GetInt32());
        Assert.False(p.GetProperty("over_limit").GetBoolean());
        Assert.Equal(0, p.GetProperty("overlap_days_with_previous").GetInt32());
        Assert.Equal(0, p.GetProperty("gap_days_before").GetInt32());
        Assert.Equal("KUHAP Pasal 24(1)", p.GetProperty("legal_basis").GetString());
        Assert.Equal(20, json.GetProperty("total_days").GetInt32());
        Assert.Equal(0, json.GetProperty("problems").GetArrayLength());
        Assert.Equal("2024-03-22", json.GetProperty("release_by_law").GetString());
        // No as_of: warnings are computed for today in WITA, long after the detention ended.
        Assert.Equal("2026-11-29", json.GetProperty("as_of").GetString());
        Assert.Equal(["release_by_law_passed"], Codes(json.GetProperty("warnings")));
    }

    [Fact]
    public async Task DetentionCheck_WarnsBeforeTheLegalEnd_GivenAsOfFourDaysBefore()
    {
        string input = ContractExample.Replace("\"periods\"", "\"as_of\": \"2024-03-18\", \"periods\"", StringComparison.Ordinal);

        var (code, stdout, _) = await RunAsync("detention-check", "--file", WriteInput(input), "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(4, json.GetProperty("days_until_release_by_law").GetInt32()); // 18 -> 22 March
        Assert.Equal(["release_by_law_soon"], Codes(json.GetProperty("warnings")));
    }

    [Fact]
    public async Task DetentionCheck_ReportsWhatACarefulReaderReports_GivenTheKupangChainOf2019()
    {
        // 27/Pid.Sus/2019/PN Kpg (UU 21/2007 Pasal 10 jo 6; Pasal 6 carries up to 15 years, so Pasal 29 applies).
        // Stages read by hand from the printed labels; dates as printed.
        string[] stages = ["penyidik", "penyidik_perpanjangan", "penyidik_pasal29_1", "penuntut_umum", "hakim_pn", "hakim_pn_perpanjangan", "hakim_pn_pasal29_1", "hakim_pn_pasal29_2"];
        var chain = VerdictChain("27/Pid.Sus/2019/PN Kpg");
        string input = ChainInput(chain, stages, article: "UU21-2007:6", arrest: "2018-10-13");

        var (code, stdout, _) = await RunAsync("detention-check", "--file", WriteInput(input), "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        var periods = json.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(chain.Select(c => c.Days), periods.Select(p => p.GetProperty("days").GetInt32())); // the data's own inclusive counts
        Assert.Equal([20, 40, 30, 20, 30, 60, 30, 30], periods.Select(p => p.GetProperty("limit_days").GetInt32()));
        Assert.Equal([false, true, false, false, false, false, false, false], periods.Select(p => p.GetProperty("over_limit").GetBoolean()));
        // 2 Nov counted twice; 10-11 Jan under both the investigator's Pasal 29 order and the prosecutor's; 29 Jan twice.
        Assert.Equal([0, 1, 0, 2, 1, 0, 0, 0], periods.Select(p => p.GetProperty("overlap_days_with_previous").GetInt32()));
        Assert.All(periods, p => Assert.Equal(0, p.GetProperty("gap_days_before").GetInt32()));
        Assert.Equal(["KUHAP Pasal 24(1)", "KUHAP Pasal 24(2)", "KUHAP Pasal 29(1)-(2), (3)(a)", "KUHAP Pasal 25(1)", "KUHAP Pasal 26(1)", "KUHAP Pasal 26(2)", "KUHAP Pasal 29(1)-(2), (3)(b)", "KUHAP Pasal 29(1)-(2), (3)(b)"],
            periods.Select(p => p.GetProperty("legal_basis").GetString()));
        Assert.Equal(["over_limit", "overlap_within_level"], Codes(json.GetProperty("problems")));
        Assert.All(json.GetProperty("problems").EnumerateArray(), p => Assert.Equal(1, p.GetProperty("period_index").GetInt32()));
        Assert.Equal("KUHAP-1981", json.GetProperty("regime").GetString());
        Assert.Equal("2019-06-21", json.GetProperty("release_by_law").GetString());
        Assert.Equal(251, json.GetProperty("total_days").GetInt32()); // 14 Oct 2018 to 21 Jun 2019 without a gap
        Assert.Equal("perpanjangan ketua PT (2)", periods[7].GetProperty("label").GetString());
    }

    [Fact]
    public async Task DetentionCheck_NamesTheRegimeOfEachPeriod_GivenAChainCrossing2January2026()
    {
        // 306/Pid.Sus/2025/PN Nnk (UU 18/2017 Pasal 81: not in the offence table, so Pasal 29 grounds are unknown).
        string[] stages = ["penyidik", "penyidik_perpanjangan", "penyidik_pasal29_1", "penyidik_pasal29_2", "penuntut_umum", "hakim_pn", "hakim_pn_perpanjangan", "hakim_pn_pasal29_1"];
        var chain = VerdictChain("306/Pid.Sus/2025/PN Nnk");
        string input = ChainInput(chain, stages, article: null, arrest: "2025-07-15");

        var (code, stdout, _) = await RunAsync("detention-check", "--file", WriteInput(input), "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        var periods = json.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal("mixed", json.GetProperty("regime").GetString());
        // Only the last period starts on or after 2 January 2026 (2 February 2026).
        Assert.Equal([.. Enumerable.Repeat("KUHAP-1981", 7), "KUHAP-2025"], periods.Select(p => p.GetProperty("regime").GetString()));
        Assert.False(periods[7].GetProperty("regime_confirmed").GetBoolean());
        Assert.Equal([0, 0, 0, 0, 20, 8, 0, 0], periods.Select(p => p.GetProperty("overlap_days_with_previous").GetInt32()));
        Assert.Equal(0, json.GetProperty("problems").GetArrayLength());
        Assert.Equal("2026-03-03", json.GetProperty("release_by_law").GetString());
        Assert.Equal(232, json.GetProperty("total_days").GetInt32()); // 15 Jul 2025 to 3 Mar 2026
        Assert.Equal(["pasal29_grounds_unknown", "regime_unconfirmed", "regimes_mixed", "release_by_law_passed"], Codes(json.GetProperty("warnings")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DetentionCheck_ReportsWithoutFailing_GivenAnUnrecognisedStageAndAMissingDateAsNull()
    {
        string input = """{"periods": [{"stage": "penyidik", "from": "2025-01-01", "to": "2025-01-20"}, {"stage": null, "label": "perpanjangan ketua PN (sic)", "from": "2025-01-21", "to": null}]}""";

        var (code, stdout, _) = await RunAsync("detention-check", "--file", WriteInput(input), "--json");

        Assert.Equal(0, code);
        var second = JsonDocument.Parse(stdout).RootElement.GetProperty("periods")[1];
        Assert.Equal("unrecognised", second.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("days").ValueKind);
        Assert.Equal(["missing_date", "unrecognised_stage"], second.GetProperty("problems").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("periods[0].stage", """{"periods": [{"stage": "penyidk", "from": "2024-03-03", "to": "2024-03-22"}]}""")]
    [InlineData("periods[0].stage", """{"periods": [{"stage": 3, "from": "2024-03-03", "to": "2024-03-22"}]}""")]
    [InlineData("periods[0].to", """{"periods": [{"stage": "penyidik", "from": "2024-03-03", "to": "2024-02-30"}]}""")]
    [InlineData("periods[1].from", """{"periods": [{"stage": "penyidik", "from": "2024-03-03", "to": "2024-03-22"}, {"stage": "penyidik_perpanjangan", "from": "23-03-2024", "to": "2024-05-01"}]}""")]
    [InlineData("offence_date", """{"offence_date": "2024-3-1", "periods": []}""")]
    [InlineData("periods", """{"article": "UU21-2007:2(1)"}""")]
    [InlineData("periods", """{"periods": {"stage": "penyidik"}}""")]
    [InlineData("periods[0].from", """{"periods": [{"stage": "penyidik", "to": "2024-03-22"}]}""")]
    [InlineData("periods[0].stage", """{"periods": [{"from": "2024-03-03", "to": "2024-03-22"}]}""")]
    [InlineData("periods[0].form", """{"periods": [{"stage": "penyidik", "form": "2024-03-03", "to": "2024-03-22"}]}""")]
    [InlineData("arest_date", """{"arest_date": "2024-03-02", "periods": []}""")]
    [InlineData("warning_days", """{"warning_days": "7", "periods": []}""")]
    [InlineData("warning_days", """{"warning_days": 400, "periods": []}""")]
    [InlineData("periods[0].detention_type", """{"periods": [{"stage": "penyidik", "from": "2024-03-03", "to": "2024-03-22", "detention_type": "prison"}]}""")]
    [InlineData("", """{"periods": [""")]
    [InlineData("", """[]""")]
    [InlineData("periods", """{"periods": [], "periods": []}""")] // a field named twice is refused naming it (issue 15 §4)
    public async Task DetentionCheck_ExitsWith2NamingTheField_GivenBadInput(string field, string input)
    {
        var (code, stdout, _) = await RunAsync("detention-check", "--file", WriteInput(input), "--json");

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Bad input", error.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()));
        Assert.Equal(field, error.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task DetentionCheck_ExitsWith2NamingTheInput_GivenAMissingFile()
    {
        var (code, stdout, _) = await RunAsync("detention-check", "--file", "/nonexistent/chain.json", "--json");

        Assert.Equal(2, code);
        Assert.Equal("file", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task DetentionCheck_PrintsAReadableLedger_GivenNoJsonFlag()
    {
        var (code, stdout, stderr) = await RunAsync("detention-check", "--file", WriteInput(ContractExample));

        Assert.Equal(0, code);
        Assert.Contains("Regime KUHAP-1981; 20 day(s) detained; ends by law 2024-03-22", stdout, StringComparison.Ordinal);
        Assert.Contains("penyidik", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // detention-check needs no storage: any attempt to open it fails the test.
        int code = await CliApp.RunAsync(args, stdout, stderr, () => throw new InvalidOperationException("detention-check must not open storage"), CancellationToken.None, new FakeClock(Now));
        return (code, stdout.ToString(), stderr.ToString());
    }

    internal static string WriteInput(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"taskforce-detention-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    internal static List<(string Label, string From, string To, int Days)> VerdictChain(string caseNumber)
    {
        foreach (string line in File.ReadLines(RepoPaths.SampleVerdicts))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var record = JsonDocument.Parse(line).RootElement;
            if (record.GetProperty("case_number").GetString() == caseNumber)
            {
                return [.. record.GetProperty("detention_periods").EnumerateArray().Select(p => (
                    p.GetProperty("by").GetString()!,
                    p.GetProperty("from").GetString()!,
                    p.GetProperty("to").GetString()!,
                    p.GetProperty("days_inclusive").GetInt32()))];
            }
        }

        throw new InvalidOperationException(caseNumber + " is not in " + RepoPaths.SampleVerdicts);
    }

    internal static string ChainInput(List<(string Label, string From, string To, int Days)> chain, string[] stages, string? article, string? arrest)
    {
        Assert.Equal(stages.Length, chain.Count);
        var root = new JsonObject
        {
            ["article"] = article,
            ["arrest_date"] = arrest,
            ["periods"] = new JsonArray([.. chain.Select((c, i) => (JsonNode)new JsonObject
            {
                ["stage"] = stages[i],
                ["from"] = c.From,
                ["to"] = c.To,
                ["label"] = c.Label,
            })]),
        };
        return root.ToJsonString();
    }

    private static List<string> Codes(JsonElement list) => [.. list.EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
}
