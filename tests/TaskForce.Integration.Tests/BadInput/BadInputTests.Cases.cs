using System.Text;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.BadInput;

/// <summary>Format <c>taskforce</c>: case-record lines (the sample's first case, ttu-2025-001: reported
/// 2025-03-04T02:00Z, offence 2025-02-20, a victim born 2006-07-01 named in its identity block).</summary>
public sealed partial class BadInputTests
{
    private static string Case => Cases[0];

    [Theory]
    [InlineData("\"offence_date\":", "\"ofence_date\":", "ofence_date")]
    [InlineData("\"sex\":\"female\",\"birth_date\"", "\"sex\":\"female\",\"nickname\":\"x\",\"birth_date\"", "victims[0].nickname")]
    public async Task ImportCases_Exits2NamingTheField_GivenAnUnknownField(string from, string to, string field)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("unknown-case.jsonl", Replace(Case, from, to) + "\n");

        var run = await ImportAsync(tables, "taskforce", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", $"{field}: Unknown field");
        Assert.Empty(await StoreAsync(tables));
    }

    [Theory]
    [InlineData("\"birth_date\":\"2006-07-01\"", "\"birth_date\":\"0000-07-01\"", "victims[0].birth_date is before 1900-01-01")]
    [InlineData("\"birth_date\":\"2006-07-01\"", "\"birth_date\":\"0001-07-01\"", "victims[0].birth_date is before 1900-01-01")]
    [InlineData("\"birth_date\":\"2006-07-01\"", "\"birth_date\":\"" + Tomorrow + "\"", "victims[0].birth_date is after today (2026-01-05")]
    [InlineData("\"offence_date\":\"2025-02-20\"", "\"offence_date\":\"0001-02-20\"", "offence_date is before 1900-01-01")]
    [InlineData("\"reported_at\":\"2025-03-04T02:00:00Z\"", "\"reported_at\":\"0001-03-04T02:00:00Z\"", "reported_at is before 1900-01-01")]
    public async Task ImportCases_Exits2NamingTheField_GivenADateOutOfRange(string from, string to, string expected)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("date-case.jsonl", Replace(Case, from, to) + "\n");

        var run = await ImportAsync(tables, "taskforce", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", expected);
        Assert.DoesNotContain("2006-07-01", run.Stdout + run.Stderr, StringComparison.Ordinal); // an exact birth date identifies
        Assert.Empty(await StoreAsync(tables));
    }

    [Theory]
    [InlineData("\"name\":\"Polres TTU\"", "\"name\":\"Polres\\u0000TTU\"", "reporting_agency.name holds a control character (U+0000) as its character 7")]
    [InlineData("\"full_name\":\"Maria Goreti Taek\"", "\"full_name\":\"Maria\\u0007 Goreti Taek\"", "victims[0].identity.full_name holds a control character (U+0007) as its character 6")]
    public async Task ImportCases_Exits2NamingTheFieldNotTheValue_GivenAControlCharacter(string from, string to, string expected)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("control-case.jsonl", Replace(Case, from, to) + "\n");

        var run = await ImportAsync(tables, "taskforce", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", expected);
        Assert.DoesNotContain("Goreti", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Empty(await StoreAsync(tables));
    }

    [Fact]
    public async Task ImportCases_KeepsTheOtherCasesAndListsTheLine_GivenInvalidUtf8InOneCase()
    {
        var tables = await storage.NewTablesAsync();
        byte[] bytes = [.. WithInvalidByte(Cases[0] + "\n", "Goreti"), .. Encoding.UTF8.GetBytes(Cases[2] + "\n")];
        string file = Write("utf8-case.jsonl", bytes);

        var run = await ImportAsync(tables, "taskforce", file, "--json");

        AssertRefused(run, 0, "\"read\":2,\"imported\":1,\"duplicates\":0,\"rejected\":1", "{\"line\":1,\"message\":\"line: The line is not valid UTF-8 (byte ");
        Assert.DoesNotContain("\uFFFD", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCases_Exits2NamingTheField_GivenADuplicateKey()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("dup-case.jsonl", Replace(Case, "\"intake_channel\":\"walk_in\"", "\"intake_channel\":\"walk_in\",\"intake_channel\":\"referral\"") + "\n");

        var run = await ImportAsync(tables, "taskforce", file, "--json");

        AssertRefused(run, 2, "\"line 1\"", "intake_channel: The field appears more than once");
        Assert.Empty(await StoreAsync(tables));
    }

    [Theory]
    [InlineData("taskforce")]
    [InlineData("putusan")]
    [InlineData("ctdc")]
    public async Task Import_Exits2AndStoresNothing_GivenAnEmptyFile(string format)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write($"empty.{format}", "\n \r\n");

        var run = await ImportAsync(tables, format, file, "--json");

        AssertRefused(run, 2, "\"field\":\"file\"", "is empty");
        Assert.Empty(await StoreAsync(tables));
    }
}
