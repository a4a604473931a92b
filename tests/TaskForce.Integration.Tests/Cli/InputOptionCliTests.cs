using System.Text.Json;
using TaskForce.Cli;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>One input option for every command (issue 15 §5, ADR-027): <c>--file</c>; the old ways are refused with
/// exit 2 and a message naming <c>--file</c>, not System.CommandLine's generic "unrecognized" text. These commands
/// need no storage when refused (the parser refuses them before any storage is opened).</summary>
public sealed class InputOptionCliTests
{
    [Theory]
    [InlineData("--input", "detention-check", "--input", "chain.json", "--json")]
    [InlineData("--input", "sentence-check", "--input", "sentence.json", "--json")]
    [InlineData("--case", "qualify", "--case", "case.json", "--json")]
    [InlineData("--lists", "estimate", "--lists", "capture.csv", "--json")]
    [InlineData("--records", "link", "--records", "a.csv", "b.csv", "--json")]
    [InlineData("--records", "link", "--records=a.csv", "--json")]
    [InlineData("--person", "subject-erase", "--person", "p.json", "--by", "c1", "--agency", "gugus_tugas", "--json")]
    public async Task Command_Exits2NamingFile_GivenTheOldInputOption(string old, params string[] args)
    {
        var (code, stdout, _) = await RunAsync(args);

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        var first = error.GetProperty("errors")[0];
        Assert.Equal("file", first.GetProperty("field").GetString());
        string message = first.GetProperty("message").GetString()!;
        Assert.StartsWith($"{old} is no longer accepted: every command names its input file with --file, e.g. taskforce {args[0]} --file", message, StringComparison.Ordinal);
        Assert.Equal(1, error.GetProperty("errors").GetArrayLength());
        Assert.DoesNotContain("Unrecognized", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Exits2NamingFile_GivenThePositionalFile()
    {
        var (code, stdout, stderr) = await RunAsync("import", "--format", "putusan", "verdicts.jsonl");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("The file 'verdicts.jsonl' must be given with --file, e.g. taskforce import --format putusan --file ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_ReadsEveryFile_GivenFileRepeated()
    {
        string dir = Directory.CreateTempSubdirectory("taskforce-link-").FullName;
        string header = "list,record_id,nik,name,birth_date,kecamatan,sex,form,identified_on\n";
        string a = Path.Combine(dir, "a.csv");
        string b = Path.Combine(dir, "b.csv");
        await File.WriteAllTextAsync(a, header + "police,LP/1,,Yohana Abi,1999-01-05,Insana,P,sexual_exploitation,2025-03-20\n");
        await File.WriteAllTextAsync(b, header + "uptd_ppa,PPA-9,,Yohana Abi,1999-01-05,Insana,P,sexual_exploitation,2025-04-01\n");

        var (code, stdout, _) = await RunAsync("link", "--file", a, "--file", b, "--out", Path.Combine(dir, "out"), "--json");

        Assert.Equal(0, code);
        var summary = JsonDocument.Parse(stdout).RootElement.GetProperty("summary");
        Assert.Equal(["police", "uptd_ppa"], summary.GetProperty("lists").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, summary.GetProperty("records").GetInt32());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, storage: null, CancellationToken.None, environment: _ => null);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
