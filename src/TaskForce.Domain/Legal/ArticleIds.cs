using System.Text.RegularExpressions;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Legal;

/// <summary>
/// Article and aggravation ids as on the wire: <c>LAW:ARTICLE</c>, e.g. <c>UU21-2007:2(1)</c>, <c>UU21-2007:4</c>,
/// <c>UU18-2017:81</c>, <c>UU35-2014:88</c>, <c>UU12-2022:12</c> (docs/wire-contract.md).
/// </summary>
/// <remarks>
/// A malformed id is bad input (<see cref="DomainValidationException"/>); a well-formed id the tables do not price
/// (e.g. <c>KUHP:296</c>) is "not supported", answered as a typed result. <c>UU21-2007:21</c>, listed by the contract,
/// is read as ayat (1), the basic offence of Pasal 21; its ayat (2) and (3) are <c>21(2)</c> and <c>21(3)</c>.
/// </remarks>
public static partial class ArticleIds
{
    /// <summary>The aggravation ids of UU 21/2007 the contract names.</summary>
    public static IReadOnlyList<string> AggravationIds { get; } = ["UU21-2007:7(1)", "UU21-2007:7(2)", "UU21-2007:8", "UU21-2007:16", "UU21-2007:17"];

    /// <summary>Checks and normalises an article id.</summary>
    /// <param name="value">The id as sent.</param>
    /// <param name="field">The wire name of the field.</param>
    /// <returns>The id, with <c>UU21-2007:21</c> read as <c>UU21-2007:21(1)</c>.</returns>
    /// <exception cref="DomainValidationException">The id is missing, not of the form <c>LAW:ARTICLE</c>, or an
    /// aggravation id (e.g. <c>UU21-2007:17</c>) given as the article.</exception>
    public static string Normalize(string? value, string field = "article")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException(field, LegalText.ArticleIdRequired);
        }

        if (!Pattern().IsMatch(value))
        {
            throw new DomainValidationException(field, Texts.Format(LegalText.ArticleIdInvalid, value));
        }

        if (AggravationIds.Contains(value))
        {
            throw new DomainValidationException(field, Texts.Format(LegalText.ArticleIdIsAggravation, value));
        }

        return value == "UU21-2007:21" ? "UU21-2007:21(1)" : value;
    }

    /// <summary>Returns the law part of an id.</summary>
    /// <param name="articleId">A well-formed id.</param>
    /// <returns>For example <c>UU21-2007</c>.</returns>
    public static string LawOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        int colon = articleId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? articleId : articleId[..colon];
    }

    /// <summary>Checks aggravation ids: each must be one the contract names.</summary>
    /// <param name="values">The ids as sent, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the list.</param>
    /// <returns>The distinct ids in input order.</returns>
    /// <exception cref="DomainValidationException">An id is null or unknown (the field names the item).</exception>
    public static IReadOnlyList<string> ParseAggravations(IReadOnlyList<string>? values, string field = "aggravations")
    {
        var result = new List<string>();
        if (values is null)
        {
            return result;
        }

        for (int i = 0; i < values.Count; i++)
        {
            string? v = values[i];
            if (v is null || !AggravationIds.Contains(v))
            {
                throw new DomainValidationException($"{field}[{i}]", Texts.Format(LegalText.AggravationIdInvalid, v, string.Join(", ", AggravationIds)));
            }

            if (!result.Contains(v))
            {
                result.Add(v);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9-]{0,19}:\d{1,3}[a-z]?(\(\d{1,2}\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
