using System.Text.RegularExpressions;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Repository;

/// <summary>
/// No <c>DomainValidationException</c> in the domain carries an English string literal as its message (issue 15 item
/// 2, ADR-025): the message a person reads comes from the resource set (<c>Texts.Format(XText.Key, …)</c> or a
/// generated property), so it exists in Bahasa Indonesia and English. The guard reads the source text of
/// <c>src/TaskForce.Domain</c>; <c>CourtOutcomes</c> and <c>Serialization</c> are converted separately and not yet
/// covered.
/// </summary>
public sealed partial class DomainTextsGuardTests
{
    private static readonly string[] NotYetCovered = [];

    [Fact]
    public void DomainValidationExceptions_HaveNoLiteralMessage_GivenTheDomainSources()
    {
        string src = Path.Combine(RepoData.Root, "src", "TaskForce.Domain");
        var sep = Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Where(f => !NotYetCovered.Any(d => f.Contains($"{sep}{d}{sep}", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} source files found under {src}");

        var problems = files
            .SelectMany(f => LiteralMessages(File.ReadAllText(f)).Select(l => $"{Path.GetRelativePath(RepoData.Root, f)}:{l}"))
            .ToList();

        Assert.True(problems.Count == 0, "Messages must come from the resource set (ADR-025):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void LiteralMessages_FindsEveryLiteralShape_GivenSampleSource()
    {
        const string source = """
            throw new DomainValidationException("a", "A case id is required.");
            throw new DomainValidationException($"{field}.id", $"The person id '{p.Id}' is wrong.");
            throw new DomainValidationException(
                $"rows[{index}].cells",
                $"Row {index} marks no list.");
            throw new DomainValidationException("p", string.Create(CultureInfo.InvariantCulture, $"got {x}."));
            throw new DomainValidationException(f.Length == 0 ? "x" : f, @"verbatim");
            throw new DomainValidationException("ok", CasesText.CaseIdRequired);
            throw new DomainValidationException($"{field}.id", Texts.Format(CasesText.X, p.Id));
            throw new DomainValidationException(refusal.Field, refusal.Message);
            """;

        var lines = LiteralMessages(source).ToList();

        Assert.Equal([1, 2, 3, 6, 7], lines);
    }

    /// <summary>The 1-based line numbers of <c>new DomainValidationException(field, message)</c> whose message is a
    /// string literal, an interpolated string or <c>string.Create(…, $"…")</c>.</summary>
    internal static IEnumerable<int> LiteralMessages(string source) =>
        LiteralMessage().Matches(source).Select(m => source.AsSpan(0, m.Index).Count('\n') + 1);

    // The field argument: plain characters, string literals (interpolated holes without quotes) or one level of
    // parentheses; then the message argument starting with a literal.
    [GeneratedRegex(@"new\s+DomainValidationException\(\s*(?:[^,""()]|[$@]*""(?:[^""\\]|\\.)*""|\([^()]*\))+?,\s*(?:string\.Create\([^,]*,\s*)?[$@]*""")]
    private static partial Regex LiteralMessage();
}
