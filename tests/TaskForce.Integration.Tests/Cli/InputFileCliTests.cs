using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>Input files as people really make them (issue 15 §4): a JSON object naming a field twice is refused
/// naming the line and the field (System.Text.Json alone would keep the last value silently); a UTF-8 byte-order
/// mark, as Notepad writes it, is read; an empty file exits 2 naming the option that gave it. Each refusal leaves
/// the store without a row.</summary>
[Collection(StorageGroup.Name)]
public sealed class InputFileCliTests(AzuriteFixture storage) : IDisposable
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "cases", "cases.jsonl");
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _dir = Directory.CreateTempSubdirectory("taskforce-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)),
            null, name => name == "TaskForce__IdentityKey" ? Key : null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<int> RowCountAsync(TaskForceTables tables) =>
        (await TableRows.AllAsync(tables.Cases)).Count + (await TableRows.AllAsync(tables.Verdicts)).Count
        + (await TableRows.AllAsync(tables.Ctdc)).Count + (await TableRows.AllAsync(tables.CaseFacts)).Count;

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task Import_Exits2NamingTheLineAndField_GivenACaseRecordWithADuplicateKey()
    {
        var tables = await storage.NewTablesAsync();
        string first = (await File.ReadAllLinesAsync(Sample))[0];
        Assert.Contains("\"offence_date\":\"2025-02-20\"", first, StringComparison.Ordinal);
        string file = Write("dup.jsonl", Encoding.UTF8.GetBytes("{\"offence_date\":\"2025-02-21\"," + first[1..] + "\n"));

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "taskforce", "--file", file, "--json");

        Assert.Equal(2, code);
        Assert.Contains("\"line 1\"", stdout, StringComparison.Ordinal);
        Assert.Contains("offence_date: The field appears more than once in the same object", stdout, StringComparison.Ordinal);
        Assert.Equal(0, await RowCountAsync(tables));
    }

    [Fact]
    public async Task Import_Exits2NamingTheLineAndField_GivenAVerdictWithADuplicateKey()
    {
        var tables = await storage.NewTablesAsync();
        string first = File.ReadLines(RepoPaths.SampleVerdicts).First();
        string file = Write("dup-verdict.jsonl", Encoding.UTF8.GetBytes("{\"decision_date\": \"2019-05-21\", " + first[1..] + "\n"));

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", file, "--json");

        Assert.Equal(2, code);
        Assert.Contains("\"line 1\"", stdout, StringComparison.Ordinal);
        Assert.Contains("decision_date", stdout, StringComparison.Ordinal);
        Assert.Contains("appears more than once", stdout, StringComparison.Ordinal);
        Assert.Equal(0, await RowCountAsync(tables));
    }

    [Fact]
    public async Task Import_StoresEveryCase_GivenACaseFileWithAByteOrderMark()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("bom.jsonl", [.. Bom, .. await File.ReadAllBytesAsync(Sample)]);

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "taskforce", "--file", file, "--json");

        Assert.Equal(0, code);
        Assert.Contains("\"imported\":3", stdout, StringComparison.Ordinal); // the sample's three cases, none rejected
        Assert.Contains("\"rejected\":0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qualify_ReadsTheDocument_GivenAJsonFileWithAByteOrderMark()
    {
        var tables = await storage.NewTablesAsync();
        const string facts = """
            {"offence_date": "2025-03-14", "decision_date": "2025-11-03",
             "victims": [{"sex": "female", "birth_date": "2008-05-01", "age_at_offence": null}],
             "acts": ["perekrutan"], "means": ["penipuan"], "purposes": ["kerja_paksa"], "exploitation_occurred": true,
             "destination_country": "MY", "offender": {"state_official": false, "organized_group": false, "corporation": false}, "harms": []}
            """;
        string plain = Write("plain.json", Encoding.UTF8.GetBytes(facts));
        string bom = Write("bom.json", [.. Bom, .. Encoding.UTF8.GetBytes(facts)]);

        var (plainCode, plainOut, _) = await RunAsync(tables, "qualify", "--file", plain, "--json");
        var (code, stdout, stderr) = await RunAsync(tables, "qualify", "--file", bom, "--json");

        Assert.Equal(0, plainCode);
        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(plainOut, stdout);
    }

    [Fact]
    public async Task Qualify_Exits2NamingTheField_GivenADuplicateKey()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("dup.json", Encoding.UTF8.GetBytes("""{"offence_date": "2025-03-14", "victims": [{"sex": "female", "sex": "male"}]}"""));

        var (code, stdout, _) = await RunAsync(tables, "qualify", "--file", file, "--json");

        Assert.Equal(2, code);
        Assert.Contains("victims[0].sex", stdout, StringComparison.Ordinal);
        Assert.Contains("appears more than once", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetentionCheck_Exits2NamingTheField_GivenADuplicateKey()
    {
        var tables = await storage.NewTablesAsync();
        string file = Write("dup-detention.json", Encoding.UTF8.GetBytes("""{"article": "UU21/2007 Pasal 2", "arrest_date": "2026-01-02", "arrest_date": "2026-01-03", "periods": []}"""));

        var (code, stdout, _) = await RunAsync(tables, "detention-check", "--file", file, "--json");

        Assert.Equal(2, code);
        Assert.Contains("\"arrest_date\"", stdout, StringComparison.Ordinal);
        Assert.Contains("appears more than once", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("taskforce", "")]
    [InlineData("putusan", "\n  \n")]
    [InlineData("ctdc", "\uFEFF")]
    public async Task Import_Exits2NamingTheFile_GivenAnEmptyFile(string format, string content)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write($"empty-{format}.txt", Encoding.UTF8.GetBytes(content));

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", format, "--file", file, "--json");

        Assert.Equal(2, code);
        Assert.Contains("\"field\":\"file\"", stdout, StringComparison.Ordinal);
        Assert.Contains("given as --file is empty", stdout, StringComparison.Ordinal);
        Assert.Equal(0, await RowCountAsync(tables));
    }

    [Theory]
    [InlineData("estimate", "--file", "file")]
    [InlineData("link", "--file", "file")]
    [InlineData("qualify", "--file", "file")]
    [InlineData("sentence-check", "--file", "file")]
    [InlineData("detention-check", "--file", "file")]
    public async Task Command_Exits2NamingTheOption_GivenAnEmptyFile(string command, string option, string field)
    {
        var tables = await storage.NewTablesAsync();
        string file = Write($"empty-{command}.csv", []);

        var (code, stdout, _) = await RunAsync(tables, command, option, file, "--json");

        Assert.Equal(2, code);
        Assert.Contains($"\"field\":\"{field}\"", stdout, StringComparison.Ordinal);
        Assert.Contains($"given as {option} is empty", stdout, StringComparison.Ordinal);
    }
}
