using System.Text;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.BadInput;

/// <summary>Single JSON documents: <c>qualify</c>, <c>sentence-check</c>, <c>detention-check</c> (no storage) and
/// <c>amend</c>, <c>consent</c> (a stored case, which must stay as it was).</summary>
public sealed partial class BadInputTests
{
    private static readonly string QualifyExample = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "legal", "qualify-example.json"));
    private static readonly string SentenceExample = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "legal", "sentence-check-example.json"));
    private const string Detention = """{"article": "UU21-2007:2(1)", "offence_date": "2025-10-01", "arrest_date": "2025-11-01", "periods": [{"stage": "penyidik", "from": "2025-11-01", "to": "2025-11-20"}]}""";

    [Theory]
    [InlineData("qualify", "\"harms\":", "\"harm\":", "harm", "Unknown field")]
    [InlineData("qualify", "\"offence_date\": \"2025-03-14\"", "\"offence_date\": \"0000-03-14\"", "offence_date", "offence_date is before 1900-01-01")]
    [InlineData("qualify", "\"birth_date\": \"2008-05-01\"", "\"birth_date\": \"0001-05-01\"", "victims[0].birth_date", "victims[0].birth_date is before 1900-01-01")]
    [InlineData("qualify", "\"birth_date\": \"2008-05-01\"", "\"birth_date\": \"" + Tomorrow + "\"", "victims[0].birth_date", "victims[0].birth_date is after today (2026-01-05")]
    [InlineData("qualify", "\"destination_country\": \"MY\"", "\"destination_country\": \"M\\u0000Y\"", "destination_country", "destination_country holds a control character (U+0000) as its character 2")]
    [InlineData("qualify", "\"destination_country\": \"MY\"", "\"destination_country\": \"MY\", \"destination_country\": \"SG\"", "destination_country", "The field appears more than once")]
    [InlineData("sentence-check", "\"article\":", "\"artikel\":", "artikel", "Unknown field")]
    [InlineData("sentence-check", "\"decision_date\": \"2025-05-15\"", "\"decision_date\": \"0001-05-15\"", "decision_date", "decision_date is before 1900-01-01")]
    [InlineData("sentence-check", "\"offence_date\": \"2024-08-29\"", "\"offence_date\": \"" + Tomorrow + "\"", "offence_date", "offence_date is after today (2026-01-05")]
    [InlineData("sentence-check", "\"participation\": \"attempt\"", "\"participation\": \"attempt\\u001f\"", "participation", "participation holds a control character (U+001F) as its character 8")]
    [InlineData("detention-check", "\"arrest_date\": \"2025-11-01\"", "\"arrest_date\": \"0000-11-01\"", "arrest_date", "arrest_date is before 1900-01-01")]
    [InlineData("detention-check", "\"arrest_date\": \"2025-11-01\"", "\"arrest_date\": \"" + Tomorrow + "\"", "arrest_date", "arrest_date is after today (2026-01-05")]
    [InlineData("detention-check", "\"from\": \"2025-11-01\"", "\"from\": \"0001-11-01\"", "periods[0].from", "periods[0].from is before 1900-01-01")]
    [InlineData("detention-check", "\"article\": \"UU21-2007:2(1)\"", "\"article\": \"UU21-2007\\u0000:2(1)\"", "article", "article holds a control character (U+0000) as its character 10")]
    public async Task Command_Exits2NamingTheField_GivenABadDocument(string command, string from, string to, string field, string expected)
    {
        var tables = await storage.NewTablesAsync();
        string document = command switch { "qualify" => QualifyExample, "sentence-check" => SentenceExample, _ => Detention };
        string file = Write($"{command}.json", Replace(document, from, to));

        var run = await RunAsync(tables, command, "--file", file, "--json");

        AssertRefused(run, 2, $"\"field\":\"{field}\"", expected);
    }

    [Theory]
    [InlineData("qualify", "20", "offence_date")]        // the first "20" is in "2025-03-14"
    [InlineData("sentence-check", "20", "offence_date")] // in "2024-08-29"
    [InlineData("detention-check", "satu", "periods[0].label")]
    public async Task Command_Exits2NamingTheField_GivenBytesThatAreNotUtf8(string command, string marker, string field)
    {
        var tables = await storage.NewTablesAsync();
        string document = command switch
        {
            "qualify" => QualifyExample,
            "sentence-check" => SentenceExample,
            _ => Replace(Detention, "\"stage\": \"penyidik\"", "\"stage\": \"penyidik\", \"label\": \"tahap satu\""),
        };
        string file = Write($"{command}-bytes.json", WithInvalidByte(document, marker));

        var run = await RunAsync(tables, command, "--file", file, "--json");

        AssertRefused(run, 2, $"\"field\":\"{field}\"", $"{field} is not valid text: it holds bytes that are not UTF-8");
    }

    [Theory]
    [InlineData("qualify")]
    [InlineData("sentence-check")]
    [InlineData("detention-check")]
    public async Task Command_ReadsTheDocument_GivenAByteOrderMark(string command)
    {
        var tables = await storage.NewTablesAsync();
        string document = command switch { "qualify" => QualifyExample, "sentence-check" => SentenceExample, _ => Detention };
        string plain = Write($"{command}-plain.json", document);
        string bom = Write($"{command}-bom.json", [.. Bom, .. Encoding.UTF8.GetBytes(document)]);

        var expected = await RunAsync(tables, command, "--file", plain, "--json");
        var run = await RunAsync(tables, command, "--file", bom, "--json");

        Assert.True(expected.Code == 0, expected.Stdout + expected.Stderr);
        Assert.Equal((expected.Code, expected.Stdout), (run.Code, run.Stdout));
    }

    private async Task<(Storage.TaskForceTables Tables, string Id, List<string> Before)> StoredCaseAsync()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await ImportAsync(tables, "taskforce", Path.Combine(RepoPaths.Root, "samples", "cases", "cases.jsonl"), "--agency", "gugus_tugas_ttu")).Code);
        return (tables, "ttu-2025-001", await StoreAsync(tables));
    }

    [Theory]
    [InlineData("""{"reason": "koreksi", "ofence_date": "2025-02-21"}""", "ofence_date", "Unknown field")]
    [InlineData("""{"reason": "koreksi", "offence_date": "0001-02-21"}""", "offence_date", "offence_date is before 1900-01-01")]
    [InlineData("""{"reason": "koreksi", "offence_date": "2026-01-06"}""", "offence_date", "offence_date is after today (2026-01-05")]
    [InlineData("""{"reason": "kore\u0000ksi", "offence_date": "2025-02-21"}""", "reason", "reason holds a control character (U+0000) as its character 5")]
    [InlineData("""{"reason": "koreksi", "reason": "lain", "offence_date": "2025-02-21"}""", "reason", "The field appears more than once")]
    public async Task Amend_Exits2NamingTheFieldAndChangesNothing_GivenABadDocument(string document, string field, string expected)
    {
        var (tables, id, before) = await StoredCaseAsync();
        string file = Write("amend.json", document);

        var run = await RunAsync(tables, "amend", "--case", id, "--file", file, "--actor", "officer-3", "--agency", "gugus_tugas_ttu", "--json");

        AssertRefused(run, 2, $"\"field\":\"{field}\"", expected);
        Assert.Equal(before, await StoreAsync(tables));
    }

    [Theory]
    [InlineData("""{"for_services": true, "for_reporting": false, "for_sharng": true, "given_by": "self"}""", "for_sharng", "Unknown field")]
    [InlineData("""{"for_services": true, "for_reporting": false, "for_sharing": true, "given_by": "se\u0000lf"}""", "given_by", "given_by holds a control character (U+0000) as its character 3")]
    public async Task Consent_Exits2NamingTheFieldAndChangesNothing_GivenABadDocument(string document, string field, string expected)
    {
        var (tables, id, before) = await StoredCaseAsync();
        string file = Write("consent.json", document);

        var run = await RunAsync(tables, "consent", "--case", id, "--victim", "victim-1", "--file", file, "--actor", "officer-3", "--agency", "gugus_tugas_ttu", "--json");

        AssertRefused(run, 2, $"\"field\":\"{field}\"", expected);
        Assert.Equal(before, await StoreAsync(tables));
    }
}
