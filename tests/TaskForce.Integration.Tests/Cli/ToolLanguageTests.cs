using System.Text.Json;
using System.Text.RegularExpressions;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Cli;

/// <summary>The tool's language (ADR-025, ADR-027): <c>--lang id|en</c>, then <c>TASKFORCE_LANG</c> (English in this
/// test process, <see cref="ToolLanguage"/>), help and errors in the language chosen, an unknown language refused
/// naming its source; and the README's command table equal to <c>--help</c>.</summary>
public sealed partial class ToolLanguageTests
{
    [Fact]
    public async Task Help_IsIndonesianWithExamples_GivenLangId()
    {
        var (code, stdout, _) = await RunAsync("--lang", "id", "import", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Impor catatan ke penyimpanan; baris yang salah dilaporkan dengan nomor barisnya, sisanya disimpan.", stdout, StringComparison.Ordinal);
        Assert.Contains("Berkas yang akan diimpor.", stdout, StringComparison.Ordinal);
        Assert.Contains("Contoh:\n  taskforce import --format putusan --file samples/verdicts/verdicts.jsonl", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_IsEnglish_GivenLangEn()
    {
        var (code, stdout, _) = await RunAsync("estimate", "--help", "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("Estimate the total number of victims, seen and unseen, from overlapping agency lists.", stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:\n  taskforce estimate --file samples/mse/UKdat.csv", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCommandHelp_EndsWithAnExample()
    {
        var (_, root, _) = await RunAsync("--lang", "en", "--help");
        foreach (string name in Commands(root).Keys)
        {
            var (code, stdout, _) = await RunAsync("--lang", "en", name, "--help");
            Assert.Equal(0, code);
            Assert.Matches($"Examples:\\s+taskforce {Regex.Escape(name)}(\\s|$)", stdout);
        }
    }

    [Fact]
    public async Task Error_IsIndonesian_GivenLangIdAndAnOldInputOption()
    {
        var (code, stdout, _) = await RunAsync("--lang", "id", "estimate", "--lists", "x.csv", "--json");

        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("Masukan tidak valid", error.GetProperty("title").GetString());
        Assert.StartsWith("--lists tidak lagi diterima: setiap perintah menyebut berkas masukannya dengan --file", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_IsIndonesian_GivenLangIdAndAMissingFile()
    {
        var (code, _, stderr) = await RunAsync("--lang", "id", "qualify", "--file", "/nonexistent/case.json");

        Assert.Equal(2, code);
        Assert.Equal("Masukan tidak valid: Berkas '/nonexistent/case.json' yang diberikan sebagai --file tidak ada.", stderr.Trim());
    }

    [Fact]
    public async Task Command_Exits2NamingLang_GivenAnUnknownLanguage()
    {
        var (code, stdout, _) = await RunAsync("--lang", "fr", "--help", "--json");

        Assert.Equal(2, code);
        var first = JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("errors")[0];
        Assert.Equal("lang", first.GetProperty("field").GetString());
        Assert.Contains("--lang", first.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("'fr'", first.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadmeCommandTable_MatchesHelp()
    {
        var (_, help, _) = await RunAsync("--lang", "en", "--help");
        var fromHelp = Commands(help);
        var fromReadme = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match row in ReadmeRow().Matches(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"))))
        {
            fromReadme[row.Groups["name"].Value] = row.Groups["purpose"].Value.Trim();
        }

        Assert.Equal(fromHelp.Keys.Order(StringComparer.Ordinal), fromReadme.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, purpose) in fromHelp)
        {
            Assert.Equal(purpose, fromReadme[name]);
        }
    }

    // The "Commands:" section of the root help: "  name  purpose" a line.
    private static Dictionary<string, string> Commands(string help)
    {
        string section = help.ReplaceLineEndings("\n").Split("Commands:\n")[1].Split("\n\n")[0];
        return section.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => HelpRow().Match(l))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["purpose"].Value.Trim(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s+(?<name>[a-z-]+)\s{2,}(?<purpose>.+)$")]
    private static partial Regex HelpRow();

    [GeneratedRegex(@"^\| `(?<name>[a-z-]+)[^`]*` \| (?<purpose>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, storage: null, CancellationToken.None, environment: _ => null);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
