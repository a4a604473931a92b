using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TaskForce.Domain.Common;

namespace TaskForce.Functions.Http;

/// <summary>
/// Chooses the language of a response from the request's <c>Accept-Language</c> (RFC 9110 §12.5.4; language ranges
/// of RFC 4647 §2.1 matched by prefix): Bahasa Indonesia (<c>id</c>, <c>id-ID</c>, …) or English (<c>en</c>,
/// <c>en-GB</c>, …); <c>*</c>, anything else, an unreadable header or none gives Bahasa Indonesia, the default
/// (ADR-025, ADR-030). The pipeline sets <see cref="CultureInfo.CurrentUICulture"/> to it for the request and answers
/// <c>Content-Language</c>; problem+json <c>title</c> and <c>detail</c> are written in it, while <c>type</c>,
/// <c>status</c>, codes and the field names in <c>errors</c> stay the same in both languages.
/// </summary>
public static class RequestLanguage
{
    /// <summary>The request header read (<c>Accept-Language</c>).</summary>
    public const string AcceptLanguageHeader = "Accept-Language";

    /// <summary>The response header written (<c>Content-Language</c>, RFC 9110 §8.5).</summary>
    public const string ContentLanguageHeader = "Content-Language";

    /// <summary>Returns the language for an <c>Accept-Language</c> value.</summary>
    /// <param name="acceptLanguage">The header's value(s), or <see langword="null"/> when absent.</param>
    /// <returns><see cref="Texts.English"/> when the most preferred range the API serves is English;
    /// <see cref="Texts.Indonesian"/> otherwise (also for <c>*</c>, unknown languages, <c>q=0</c> on both, and a
    /// header that cannot be read).</returns>
    /// <remarks>Ranges are tried by descending weight (<c>q</c>, default 1), equal weights in the order sent; a range
    /// with <c>q=0</c> marks that language as not acceptable, so <c>*</c> then stands for the other language.</remarks>
    public static CultureInfo Choose(IEnumerable<string?>? acceptLanguage)
    {
        var values = acceptLanguage?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList() ?? [];
        if (values.Count == 0 || !StringWithQualityHeaderValue.TryParseList(values, out var ranges))
        {
            return Texts.Indonesian;
        }

        var refused = new HashSet<CultureInfo>();
        var ordered = new List<(CultureInfo? Language, double Q, int Order)>();
        for (int i = 0; i < ranges.Count; i++)
        {
            var language = Match(ranges[i].Value.Value);
            double q = ranges[i].Quality ?? 1.0;
            if (q <= 0)
            {
                if (language is not null)
                {
                    refused.Add(language);
                }

                continue;
            }

            if (language is not null || ranges[i].Value.Value == "*")
            {
                ordered.Add((language, q, i));
            }
        }

        foreach (var (language, _, _) in ordered.OrderByDescending(r => r.Q).ThenBy(r => r.Order))
        {
            if (language is not null && !refused.Contains(language))
            {
                return language;
            }

            if (language is null)
            {
                // '*': any language not named with q=0; Indonesian first, as the default.
                var any = new[] { Texts.Indonesian, Texts.English }.FirstOrDefault(c => !refused.Contains(c));
                if (any is not null)
                {
                    return any;
                }
            }
        }

        return Texts.Indonesian;
    }

    /// <summary>Sets the request's language: <see cref="CultureInfo.CurrentUICulture"/> for the rest of the calling
    /// asynchronous flow, and the response's <c>Content-Language</c> and <c>Vary: Accept-Language</c>.</summary>
    /// <param name="req">The request. Cannot be <see langword="null"/>.</param>
    /// <returns>The language chosen (<see cref="Choose"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="req"/> is <see langword="null"/>.</exception>
    public static CultureInfo Apply(HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var language = Choose(req.Headers[AcceptLanguageHeader]);
        CultureInfo.CurrentUICulture = language;
        var headers = req.HttpContext.Response.Headers;
        headers[ContentLanguageHeader] = language.Name;
        if (!headers.Vary.Contains(AcceptLanguageHeader))
        {
            headers.Append(HeaderNames.Vary, AcceptLanguageHeader);
        }

        return language;
    }

    private static CultureInfo? Match(string? range)
    {
        if (string.IsNullOrEmpty(range))
        {
            return null;
        }

        string primary = range.Split('-')[0];
        return primary.Equals("id", StringComparison.OrdinalIgnoreCase) || primary.Equals("in", StringComparison.OrdinalIgnoreCase)
            ? Texts.Indonesian
            : primary.Equals("en", StringComparison.OrdinalIgnoreCase) ? Texts.English : null;
    }
}
