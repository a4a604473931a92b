using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Import.VerdictCorrectionLines;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>Correcting an imported verdict with the tool: <c>import</c> of a correction line and
/// <c>verdict-history</c> (ADR-015), run in-process against Azurite.</summary>
[Collection(StorageGroup.Name)]
public sealed class VerdictHistoryCliTests(AzuriteFixture storage)
{
    private const string Number = "27/Pid.Sus/2019/PN Kpg";
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 29, 0, 0);

    [Fact]
    public async Task ImportCorrectionThenVerdictHistory_PrintsBothRevisions_GivenTheRealFile()
    {
        var tables = await storage.NewTablesAsync();
        Assert.Equal(0, (await RunAsync(tables, "import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts, "--json")).Code);
        string correction = Import.BadRecordsImportTests.WriteFile(Correction(Line(Number), "Sentence misread: 6 years, not 5.", ("sentence_prison_months", 72)));

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", correction, "--json");
        Assert.Equal(0, code);
        var import = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1, import.GetProperty("corrected").GetInt32());
        Assert.Equal(0, import.GetProperty("imported").GetInt32());

        (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", correction, "--json");
        Assert.Equal(0, code);
        Assert.Equal((0, 1), (JsonDocument.Parse(stdout).RootElement.GetProperty("corrected").GetInt32(), JsonDocument.Parse(stdout).RootElement.GetProperty("duplicates").GetInt32()));

        (code, stdout, _) = await RunAsync(tables, "verdict-history", "--case-number", "27/pid.sus/2019/pn kpg", "--json");
        Assert.Equal(0, code);
        var history = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, history.GetProperty("current_revision").GetInt32());
        var revisions = history.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal([false, true], revisions.Select(r => r.GetProperty("current").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, revisions[0].GetProperty("reason").ValueKind);
        Assert.Equal("Sentence misread: 6 years, not 5.", revisions[1].GetProperty("reason").GetString());
        Assert.Equal("2026-11-29T00:00:00Z", revisions[1].GetProperty("recorded_at").GetString());
        Assert.Equal(["sentence_prison_months"], revisions[1].GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(60, revisions[0].GetProperty("facts").GetProperty("sentence_prison_months").GetInt32());
        Assert.Equal(72, revisions[1].GetProperty("facts").GetProperty("sentence_prison_months").GetInt32());

        (code, stdout, _) = await RunAsync(tables, "verdict-history", "--case-number", Number);
        Assert.Equal(0, code);
        Assert.Contains("revision 2 is current", stdout, StringComparison.Ordinal);
        Assert.Contains("reason: Sentence misread: 6 years, not 5.", stdout, StringComparison.Ordinal);
        Assert.Contains("changed: sentence_prison_months", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ExitsWith2NamingCorrects_GivenACorrectionOfANonStoredCaseNumber()
    {
        var tables = await storage.NewTablesAsync();
        string correction = Import.BadRecordsImportTests.WriteFile(Correction(Line(Number), "Not stored yet."));

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", correction, "--json");

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0];
        Assert.Equal("line 1", error.GetProperty("field").GetString());
        Assert.StartsWith("corrects: no verdict with case_number '27/Pid.Sus/2019/PN Kpg' is stored", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Snapshots.ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    [Fact]
    public async Task VerdictHistory_ExitsWith1AndSaysNotFound_GivenACaseNumberNotStored()
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, _) = await RunAsync(tables, "verdict-history", "--case-number", "99/Pid.Sus/2019/PN Kpg", "--json");

        Assert.Equal(1, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Not found", error.GetProperty("title").GetString());
        Assert.Equal("case_number", error.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("No verdict with case number '99/Pid.Sus/2019/PN Kpg' is stored.", error.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("verdict-history", "--json")]
    [InlineData("verdict-history", "--case-number", "  ", "--json")]
    [InlineData("verdict-history", "--case-number", "27/Pid.Sus/2019/PN\u0007Kpg", "--json")]
    [InlineData("verdict-history", "--case-number", "{long}", "--json")]
    public async Task VerdictHistory_ExitsWith2NamingCaseNumber_GivenBadInput(params string[] args)
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, _) = await RunAsync(tables, [.. args.Select(a => a == "{long}" ? new string('9', 121) : a)]);

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Bad input", error.GetProperty("title").GetString());
        Assert.Equal("case_number", error.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Now));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
