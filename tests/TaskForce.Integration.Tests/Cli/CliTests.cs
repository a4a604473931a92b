using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>The taskforce tool, run in-process against Azurite, checked against the contract's JSON and exit codes.</summary>
[Collection(StorageGroup.Name)]
public sealed class CliTests(AzuriteFixture storage)
{
    [Fact]
    public async Task ImportThenSnapshot_PrintsContractJsonAndWritesFiles_GivenTheRealFile()
    {
        var tables = await storage.NewTablesAsync();
        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts, "--json");
        Assert.Equal(0, code);
        var import = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("putusan", import.GetProperty("format").GetString());
        Assert.Equal(77, import.GetProperty("read").GetInt32());
        Assert.Equal(77, import.GetProperty("imported").GetInt32());
        Assert.Equal(0, import.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, import.GetProperty("rejected").GetInt32());
        Assert.Equal(0, import.GetProperty("errors").GetArrayLength());

        string outDir = Path.Combine(Path.GetTempPath(), "taskforce-out-" + Guid.NewGuid().ToString("N"));
        (code, stdout, _) = await RunAsync(tables, "snapshot", "--region", "*", "--period", "2025", "--json", "--out", outDir);
        Assert.Equal(0, code);
        var snapshot = new SnapshotReader(stdout);
        Assert.Equal("*", snapshot.Root.GetProperty("region").GetString());
        Assert.Equal(65m, snapshot.Value("cases"));
        Assert.Equal(11, snapshot.Root.GetProperty("suppression_k").GetInt32());
        Assert.Equal("2026-11-29T00:00:00Z", snapshot.Root.GetProperty("generated_at").GetString());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(stdout),
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "snapshot-all-2025.json")))));
        Assert.True(new FileInfo(Path.Combine(outDir, "snapshot-all-2025.csv")).Length > 100);
        byte[] png = File.ReadAllBytes(Path.Combine(outDir, "snapshot-all-2025.png"));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);

        (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts, "--json");
        Assert.Equal(0, code);
        Assert.Equal(77, JsonDocument.Parse(stdout).RootElement.GetProperty("duplicates").GetInt32());
    }

    [Theory]
    [InlineData("period", "snapshot", "--region", "*", "--period", "2025-13", "--json")]
    [InlineData("period", "snapshot", "--region", "*", "--period", "25", "--json")]
    [InlineData("period", "snapshot", "--region", "*", "--period", "9999", "--json")]
    [InlineData("period", "snapshot", "--region", "*", "--period", "1899", "--json")]
    [InlineData("region", "snapshot", "--region", "53/03", "--period", "2025", "--json")]
    [InlineData("k", "snapshot", "--region", "*", "--period", "2025", "--k", "0", "--json")]
    [InlineData("file", "import", "--format", "putusan", "--file", "/nonexistent/file.jsonl", "--json")]
    [InlineData("format", "import", "--format", "csv", "--file", "x.jsonl", "--json")]
    [InlineData("region", "snapshot", "--period", "2025", "--json")]
    [InlineData("k", "snapshot", "--region", "*", "--period", "2025", "--k", "abc", "--json")]
    [InlineData("region", "snapshot", "--region", "99.99", "--period", "2025", "--json")]
    [InlineData("region", "import", "--format", "putusan", "--region", "53.99", "--file", "x.jsonl", "--json")]
    [InlineData("region", "import", "--format", "putusan", "--region", "*", "--file", "x.jsonl", "--json")]
    [InlineData("file", "import", "--format", "putusan", "--file", "/tmp", "--json")]
    [InlineData("out", "snapshot", "--region", "*", "--period", "2025", "--out", "/dev/null/x", "--json")]
    [InlineData("out", "snapshot", "--region", "*", "--period", "2025", "--out", "/etc/hostname", "--json")]
    public async Task Command_ExitsWith2AndAnErrorDocument_GivenBadInput(string field, params string[] args)
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, _) = await RunAsync(tables, args);

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Bad input", error.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("detail").GetString()));
        Assert.Equal(field, error.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty(await Snapshots.ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    [Fact]
    public async Task Import_ExitsWith2ListingTheLines_GivenAFileWhereEveryRecordIsRejected()
    {
        var tables = await storage.NewTablesAsync();
        string path = Import.BadRecordsImportTests.WriteFile("{broken", "[1, 2]", "{\"case_number\": \"\"}");

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", path, "--json");

        Assert.Equal(2, code);
        var errors = JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors");
        Assert.Equal(["line 1", "line 2", "line 3"], errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Empty(await Snapshots.ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    [Theory]
    [InlineData("out", "export", "--format", "simfoni", "--region", "*", "--period", "2025", "--out", "{dir}", "--json")]
    [InlineData("file", "estimate", "--file", "{dir}", "--json")]
    [InlineData("file", "link", "--file", "{dir}", "--json")]
    [InlineData("file", "import", "--format", "ctdc", "--file", "{dir}", "--json")]
    public async Task Command_ExitsWith2SayingItIsAFolder_GivenAFolderWhereAFileIsExpected(string field, params string[] args)
    {
        var tables = await storage.NewTablesAsync();
        string dir = Directory.CreateTempSubdirectory("taskforce-folder-").FullName;

        var (code, stdout, _) = await RunAsync(tables, [.. args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal))]);

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal(field, error.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal($"'{dir}' given as --{field} is a folder, not a file.", error.GetProperty("detail").GetString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Theory]
    [InlineData("k", "--k must be a whole number ≥ 1, not 'abc'.", "snapshot", "--region", "*", "--period", "2025", "--k", "abc", "--json")]
    [InlineData("k", "--k must be a whole number ≥ 1, not '2.5'.", "export", "--format", "ctdc", "--region", "*", "--period", "2025", "--out", "x.csv", "--k", "2.5", "--json")]
    [InlineData("k", "--k is too large: '99999999999' is outside [-2147483648, 2147483647]; it must be a whole number ≥ 1.", "snapshot", "--region", "*", "--period", "2025", "--k", "99999999999", "--json")]
    [InlineData("p_threshold", "--p-threshold must be a number in [0, 1] such as 0.02, not 'abc'.", "estimate", "--file", "x.csv", "--p-threshold", "abc", "--json")]
    [InlineData("p_threshold", "--p-threshold must be a number in [0, 1] such as 0.02, not '0,02'.", "estimate", "--file", "x.csv", "--p-threshold", "0,02", "--json")]
    [InlineData("seed", "--seed is too large: '3000000000' is outside [-2147483648, 2147483647]; it must be a whole number.", "estimate", "--file", "x.csv", "--seed", "3000000000", "--json")]
    [InlineData("bootstrap", "--bootstrap must be a whole number of resamples in [100, 100000], not 'many'.", "estimate", "--file", "x.csv", "--bootstrap", "many", "--json")]
    public async Task Command_ExitsWith2WithAPlainMessage_GivenANumberOptionThatIsNotANumber(string field, string message, params string[] args)
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, _) = await RunAsync(tables, args);

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0];
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.DoesNotContain("System.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_WarnsOnStderrThatTheSeedIsUnused_GivenSeedWithoutBootstrap()
    {
        var tables = await storage.NewTablesAsync();
        string path = Path.Combine(Path.GetTempPath(), $"taskforce-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "A,B,count\n1,0,10\n0,1,5\n1,1,2\n");

        var (code, stdout, stderr) = await RunAsync(tables, "estimate", "--file", path, "--model", "independence", "--seed", "5", "--json");
        var (code2, _, stderr2) = await RunAsync(tables, "estimate", "--file", path, "--model", "independence", "--json");

        Assert.Equal((0, 0), (code, code2));
        Assert.Equal("Warning: --seed is used only with --bootstrap; without --bootstrap it is ignored.", stderr.Trim());
        Assert.DoesNotContain("--seed", stderr2, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(stdout).RootElement.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task Snapshot_ExitsWith0AndCountsNothing_GivenTheLatestYear9998()
    {
        var tables = await storage.NewTablesAsync();

        var (code, stdout, _) = await RunAsync(tables, "snapshot", "--region", "*", "--period", "9998-Q4", "--json");

        Assert.Equal(0, code);
        var period = JsonDocument.Parse(stdout).RootElement.GetProperty("period");
        Assert.Equal("9998-10-01", period.GetProperty("start").GetString());
        Assert.Equal("9998-12-31", period.GetProperty("end").GetString());
    }

    [Fact]
    public async Task ImportCtdc_ExitsWith2ListingTheLinesAndStoresNothing_GivenAFileWhereEveryRecordIsRejected()
    {
        var tables = await storage.NewTablesAsync();
        string[] fixture = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "TaskForce.Integration.Tests", "Fixtures", "ctdc-sample.csv"));
        string path = Path.Combine(Path.GetTempPath(), $"taskforce-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [fixture[0], .. fixture[13..17]]); // the header and the fixture's four bad rows

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "ctdc", "--file", path, "--json");

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Bad input", error.GetProperty("title").GetString());
        Assert.Equal(["line 2", "line 3", "line 4", "line 5"], error.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Null(await new TableCtdcRepository(tables).GetLatestAsync());
    }

    [Fact]
    public async Task ImportCtdc_ExitsWith2NamingTheFile_GivenAHeaderOnlyFile()
    {
        var tables = await storage.NewTablesAsync();
        string header = File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "TaskForce.Integration.Tests", "Fixtures", "ctdc-sample.csv")).First();
        string path = Path.Combine(Path.GetTempPath(), $"taskforce-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [header]);

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "ctdc", "--file", path, "--json");

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("file", error.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("no data rows", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await new TableCtdcRepository(tables).GetLatestAsync());
    }

    [Fact]
    public async Task Import_ExitsWith2_GivenAnEmptyFile()
    {
        var tables = await storage.NewTablesAsync();
        string path = Import.BadRecordsImportTests.WriteFile(string.Empty);

        var (code, stdout, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", path, "--json");

        Assert.Equal(2, code);
        Assert.Contains("empty", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SaysHowToCompleteAndLeavesNothingHalfStored_GivenAStopDuringTheWrites()
    {
        using var cancelled = new CancellationTokenSource();
        var options = new Azure.Data.Tables.TableClientOptions();
        options.AddPolicy(new CancelOnFirstBatch(cancelled), Azure.Core.HttpPipelinePosition.PerCall);
        var tables = await storage.NewTablesAsync(options);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // The stop (as a Ctrl+C) arrives while the first batch of verdicts is being written.
        int code = await CliApp.RunAsync(["import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts, "--json"], stdout, stderr, () => tables, cancelled.Token,
            new FakeClock(Instant.FromUtc(2026, 11, 29, 0, 0)));
        var (again, againOut, _) = await RunAsync(tables, "import", "--format", "putusan", "--file", RepoPaths.SampleVerdicts, "--json");

        Assert.Equal(1, code);
        JsonElement error = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("error");
        Assert.Equal("Cancelled", error.GetProperty("title").GetString());
        Assert.Contains("of its 77 records were stored or found already stored", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("run the same import again", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, again);
        JsonElement report = JsonDocument.Parse(againOut).RootElement;
        Assert.Equal(77, report.GetProperty("imported").GetInt32() + report.GetProperty("duplicates").GetInt32()); // every verdict once
        Assert.Equal(0, report.GetProperty("rejected").GetInt32()); // nothing half-stored conflicts with the file
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 11, 29, 0, 0)));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Cancels the run when the first entity-group transaction ($batch) is sent; the request itself goes on.</summary>
    private sealed class CancelOnFirstBatch(CancellationTokenSource source) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            CancelIfBatch(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            CancelIfBatch(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void CancelIfBatch(Azure.Core.HttpMessage message)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                source.Cancel();
            }
        }
    }
}
