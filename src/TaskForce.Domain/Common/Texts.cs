using System.Globalization;
using System.Resources;

namespace TaskForce.Domain.Common;

/// <summary>
/// Formats the texts a person reads from the resource set (ADR-025): every text lives in a pair of resource files,
/// <c>Resources/&lt;Area&gt;Text.resx</c> (English, the neutral language) and <c>Resources/&lt;Area&gt;Text.id.resx</c>
/// (Bahasa Indonesia), and is chosen by <see cref="CultureInfo.CurrentUICulture"/>, which the tool sets from
/// <c>--lang</c>/<c>TASKFORCE_LANG</c> and the HTTP API from <c>Accept-Language</c>. Codes, field names and numbers
/// are the same in every language: numbers and dates are formatted with the invariant culture.
/// </summary>
/// <example>
/// <code>
/// throw new DomainValidationException(field, Texts.Format(CommonText.CountryCodeUnknown, value));
/// // en: "'XX' is not an assigned ISO 3166-1 alpha-2 country code …"
/// // id: "'XX' bukan kode negara ISO 3166-1 alpha-2 yang ditetapkan …"
/// </code>
/// </example>
public static class Texts
{
    /// <summary>The culture of Bahasa Indonesia texts (<c>id</c>), the default language of the tool.</summary>
    public static CultureInfo Indonesian { get; } = CultureInfo.GetCultureInfo("id");

    /// <summary>The culture of English texts (<c>en</c>), the neutral language of the resource files.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Fills a template's placeholders (<c>{0}</c>, <c>{1}</c>, …) with the invariant culture.</summary>
    /// <param name="template">The template, already in the reader's language (a generated resource property).</param>
    /// <param name="args">The values; none may be personal data (UU 21/2007 Pasal 44).</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException">The template's placeholders do not match <paramref name="args"/>.</exception>
    public static string Format(string template, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(template);
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    /// <summary>Returns one text in a given language, for outputs that carry both languages (a stored snapshot's
    /// warnings, a bilingual report).</summary>
    /// <param name="resources">The resource manager of the pair (the generated class's <c>ResourceManager</c>).</param>
    /// <param name="key">The key (<c>nameof</c> of the generated property).</param>
    /// <param name="culture">The language, <see cref="Indonesian"/> or <see cref="English"/>.</param>
    /// <param name="args">The values for the placeholders.</param>
    /// <returns>The text in that language.</returns>
    /// <exception cref="MissingManifestResourceException">No resource set was found.</exception>
    /// <exception cref="ArgumentException">The key is not in the resource set.</exception>
    public static string In(ResourceManager resources, string key, CultureInfo culture, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(culture);
        string template = resources.GetString(key, culture)
            ?? throw new ArgumentException($"No text '{key}' in {resources.BaseName}.", nameof(key));
        return Format(template, args);
    }
}
