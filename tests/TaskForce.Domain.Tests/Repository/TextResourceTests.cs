using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TaskForce.Domain.Common;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Repository;

/// <summary>
/// Every text a person reads exists in both languages (issue 15, ADR-025): each neutral resource file
/// <c>src/**/Resources/X.resx</c> (English) has a <c>X.id.resx</c> (Bahasa Indonesia) with exactly the same keys, no
/// empty value, and the same placeholders, so that a message can never appear in one language only or lose a value
/// in translation.
/// </summary>
public sealed partial class TextResourceTests
{
    [Fact]
    public void ResourcePairs_HaveTheSameKeysAndPlaceholders_GivenEveryResourceFileUnderSrc()
    {
        var problems = new List<string>();
        var neutral = ResourceFiles().Where(f => !IsCultureFile(f)).ToList();
        Assert.NotEmpty(neutral);
        foreach (string file in neutral)
        {
            string indonesian = file[..^".resx".Length] + ".id.resx";
            if (!File.Exists(indonesian))
            {
                problems.Add($"{Rel(file)}: no Bahasa Indonesia file {Rel(indonesian)}");
                continue;
            }

            var en = Read(file);
            var id = Read(indonesian);
            problems.AddRange(Compare(Rel(file), en, id));
        }

        foreach (string file in ResourceFiles().Where(IsCultureFile))
        {
            string name = Path.GetFileName(file);
            if (!name.EndsWith(".id.resx", StringComparison.Ordinal))
            {
                problems.Add($"{Rel(file)}: only English (neutral) and Indonesian (.id) resource files are kept");
            }
            else if (!File.Exists(file[..^".id.resx".Length] + ".resx"))
            {
                problems.Add($"{Rel(file)}: no neutral (English) file beside it");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Compare_ReportsMissingKeyEmptyValueAndPlaceholderMismatch_GivenABrokenPair()
    {
        var en = new Dictionary<string, string> { ["A"] = "Case {0} of {1}", ["B"] = "Ok", ["C"] = "Victim {0}" };
        var id = new Dictionary<string, string> { ["A"] = "Kasus {0}", ["C"] = " " };

        var problems = Compare("X.resx", en, id).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'A'", StringComparison.Ordinal) && p.Contains("{1}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'B'", StringComparison.Ordinal) && p.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'C'", StringComparison.Ordinal) && p.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void In_ReturnsEachLanguage_GivenTheDomainResourceSet()
    {
        var rm = new ResourceManager("TaskForce.Domain.Resources.CommonText", typeof(Texts).Assembly);

        Assert.Equal("'XX' is not an assigned ISO 3166-1 alpha-2 country code (two upper-case letters, e.g. ID, MY, TL).",
            Texts.In(rm, "CountryCodeUnknown", Texts.English, "XX"));
        Assert.Equal("'XX' bukan kode negara ISO 3166-1 alpha-2 yang ditetapkan (dua huruf kapital, mis. ID, MY, TL).",
            Texts.In(rm, "CountryCodeUnknown", Texts.Indonesian, "XX"));
    }

    [Fact]
    public void Parse_ThrowsInTheCurrentUiLanguage_GivenAnUnknownCountry()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Texts.Indonesian;
            var id = Assert.Throws<DomainValidationException>(() => CountryCode.Parse("XX", "citizenship"));
            CultureInfo.CurrentUICulture = Texts.English;
            var en = Assert.Throws<DomainValidationException>(() => CountryCode.Parse("XX", "citizenship"));

            Assert.StartsWith("'XX' bukan kode negara", id.Message, StringComparison.Ordinal);
            Assert.StartsWith("'XX' is not an assigned", en.Message, StringComparison.Ordinal);
            Assert.Equal("citizenship", id.Field);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    internal static IEnumerable<string> Compare(string file, IReadOnlyDictionary<string, string> en, IReadOnlyDictionary<string, string> id)
    {
        foreach (var (key, text) in en)
        {
            if (!id.TryGetValue(key, out string? translated))
            {
                yield return $"{file}: key '{key}' missing in Bahasa Indonesia";
                continue;
            }

            if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(translated))
            {
                yield return $"{file}: key '{key}' has an empty text";
                continue;
            }

            var a = Placeholders(text);
            var b = Placeholders(translated);
            if (!a.SetEquals(b))
            {
                yield return $"{file}: key '{key}' placeholders differ: en {Show(a)} vs id {Show(b)}";
            }
        }

        foreach (string key in id.Keys.Except(en.Keys))
        {
            yield return $"{file}: key '{key}' is only in Bahasa Indonesia";
        }
    }

    private static string Show(HashSet<string> placeholders) => string.Join(" ", placeholders.Order(StringComparer.Ordinal).Select(p => "{" + p + "}"));

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static bool IsCultureFile(string file) => Path.GetFileNameWithoutExtension(file).Contains('.', StringComparison.Ordinal);

    private static IEnumerable<string> ResourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoData.Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Rel(string file) => Path.GetRelativePath(RepoData.Root, file);
}
