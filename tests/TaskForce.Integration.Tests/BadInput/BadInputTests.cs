using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Cli;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.BadInput;

/// <summary>
/// The bad-input suite (issue 15 §4; docs/decisions/ADR-028-bad-input.md): for every import format and every command
/// that reads a file, an unknown or misspelt field, a date in year 0 or 1 or tomorrow, a NUL or other control
/// character, bytes that are not UTF-8, a CSV row with the wrong number of values, an empty file and a field named
/// twice are refused — exit 2 (or, for an import with good lines too, 0 with the bad lines listed) naming the field
/// and line, with no stack trace or SDK text — and the store is left exactly as it was; a file with a byte-order
/// mark or ';' separators is read. The tool runs in process against Azurite with "today" = 2026-01-05 in WITA
/// (the clock reads 2026-01-05T00:00Z = 08:00 WITA), so "tomorrow" is 2026-01-06.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed partial class BadInputTests(AzuriteFixture storage) : IDisposable
{
    private const string Tomorrow = "2026-01-06";
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string[] Verdicts = File.ReadAllLines(RepoPaths.SampleVerdicts);
    private static readonly string[] Cases = File.ReadAllLines(Path.Combine(RepoPaths.Root, "samples", "cases", "cases.jsonl"));
    private static readonly string CtdcFixture = Path.Combine(RepoPaths.Root, "tests", "TaskForce.Integration.Tests", "Fixtures", "ctdc-sample.csv");
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _dir = Directory.CreateTempSubdirectory("taskforce-badinput-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TaskForceTables tables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), null, name => name switch
            {
                "TaskForce__IdentityKey" => Key,
                "TASKFORCE_LANG" => "en", // English texts (ADR-025), whatever the machine's locale
                _ => null,
            });
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every row of every table the commands write, with its ETag: equal before and after = nothing written.</summary>
    private static async Task<List<string>> StoreAsync(TaskForceTables tables) =>
    [
        .. await TableRows.FingerprintAsync(tables.Cases), .. await TableRows.FingerprintAsync(tables.Verdicts),
        .. await TableRows.FingerprintAsync(tables.Ctdc), .. await TableRows.FingerprintAsync(tables.CaseFacts),
    ];

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The text's UTF-8 bytes with the first <paramref name="marker"/> replaced by the byte 0xFF, which is
    /// never UTF-8.</summary>
    private static byte[] WithInvalidByte(string text, string marker)
    {
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, marker);
        byte[] before = Encoding.UTF8.GetBytes(text[..at]);
        byte[] after = Encoding.UTF8.GetBytes(text[(at + marker.Length)..]);
        return [.. before, 0xFF, .. after];
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>Asserts the contract of a refusal: the exit code, every expected text in the output, and neither a
    /// stack trace nor SDK text.</summary>
    private static void AssertRefused((int Code, string Stdout, string Stderr) run, int code, params string[] expected)
    {
        // The JSON output escapes '+' and '\'' (\u002B, \u0027): compare with the text as a person reads it.
        string all = System.Text.RegularExpressions.Regex.Replace(run.Stdout + run.Stderr, @"\\u([0-9A-Fa-f]{4})",
            m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        Assert.True(run.Code == code, $"exit {run.Code}: {all}");
        foreach (string text in expected)
        {
            Assert.Contains(text, all, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(" at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Azure.", all, StringComparison.Ordinal);
    }
}
