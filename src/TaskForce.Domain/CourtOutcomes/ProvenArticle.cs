using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskForce.Domain.CourtOutcomes;

/// <summary>
/// Reads the offence article out of a verdict's printed "articles held proven", as the contract's article id
/// (<c>UU21-2007:2(1)</c>, <c>UU21-2007:4</c>, ...) or <c>other</c>.
/// </summary>
/// <remarks>
/// Only UU 21/2007 offence articles get an id: Pasal 2(1), 2(2), 3, 4, 5, 6, 9, 19, 20, 21, 22, 23, 24
/// (docs/wire-contract.md, sentence-check). Within a UU 21/2007 citation the first offence article wins; the
/// others are participation (Pasal 10 attempt and aiding, Pasal 11 conspiracy), aggravations (Pasal 7, 8, 16, 17) or
/// restitution (Pasal 48), which do not define an offence. Pasal 2 without an ayat is read as ayat (1), the formal
/// offence. Example: <c>UU21/2007 Pasal 17 jo Pasal 2 ayat (1) jo Pasal 55 ayat (1) ke-1 KUHP</c> gives
/// <c>UU21-2007:2(1)</c>; <c>UU18/2017 (PMI) Pasal 81 jo Pasal 69</c> gives <c>other</c>.
/// </remarks>
public static partial class ProvenArticle
{
    /// <summary>The id for any article that is not a UU 21/2007 offence article.</summary>
    public const string Other = "other";

    private static readonly HashSet<int> OffenceArticles = [2, 3, 4, 5, 6, 9, 19, 20, 21, 22, 23, 24];

    /// <summary>Returns the article id of the first article held proven.</summary>
    /// <param name="articlesHeldProven">The printed articles, in the verdict's order. Cannot be <see langword="null"/>.</param>
    /// <returns>The id of the first entry (e.g. <c>UU21-2007:2(1)</c>), or <see cref="Other"/> when the first entry is
    /// not a UU 21/2007 offence article or the list is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="articlesHeldProven"/> is <see langword="null"/>.</exception>
    public static string FirstArticleId(IReadOnlyList<string> articlesHeldProven)
    {
        ArgumentNullException.ThrowIfNull(articlesHeldProven);
        return articlesHeldProven.Count == 0 ? Other : ArticleId(articlesHeldProven[0]);
    }

    /// <summary>Returns the article id of one printed citation.</summary>
    /// <param name="citation">For example <c>UU21/2007 Pasal 4 jo Pasal 10</c>.</param>
    /// <returns>The UU 21/2007 offence article's id, or <see cref="Other"/>.</returns>
    public static string ArticleId(string? citation)
    {
        if (string.IsNullOrWhiteSpace(citation) || !Uu21Pattern().IsMatch(citation))
        {
            return Other;
        }

        foreach (Match m in PasalPattern().Matches(citation))
        {
            // Stop at the first KUHP reference: "jo Pasal 55 ayat (1) ke-1 KUHP" belongs to the criminal code.
            if (KuhpAfter(citation, m))
            {
                break;
            }

            int pasal = int.Parse(m.Groups["pasal"].Value, CultureInfo.InvariantCulture);
            if (!OffenceArticles.Contains(pasal))
            {
                continue;
            }

            if (pasal == 2)
            {
                return m.Groups["ayat"].Success && m.Groups["ayat"].Value == "2" ? "UU21-2007:2(2)" : "UU21-2007:2(1)";
            }

            return string.Create(CultureInfo.InvariantCulture, $"UU21-2007:{pasal}");
        }

        return Other;
    }

    private static bool KuhpAfter(string citation, Match m)
    {
        int end = m.Index + m.Length;
        var rest = citation.AsSpan(end);
        int nextPasal = rest.IndexOf("Pasal", StringComparison.Ordinal);
        var segment = nextPasal < 0 ? rest : rest[..nextPasal];
        return segment.Contains("KUHP", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"UU\s*21\s*/\s*2007", RegexOptions.CultureInvariant)]
    private static partial Regex Uu21Pattern();

    [GeneratedRegex(@"Pasal\s+(?<pasal>\d+)(?:\s+ayat\s+\((?<ayat>\d+)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex PasalPattern();
}
