using System.Globalization;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Labels for the dimensions and codes of a snapshot in the reader's language (the current UI culture,
/// Bahasa Indonesia or English, from the <c>ReportText</c> resource pair; ADR-025, ADR-026), used by the HTML report,
/// the charts and the tool's summary. Codes without a label (country codes, article ids) are shown as they are.</summary>
public static class ReportLabels
{
    /// <summary>Returns the label of a hidden-victim figure's status.</summary>
    /// <param name="status"><c>estimated</c> or <c>not_estimated</c>.</param>
    /// <param name="reason">The reason code, or <see langword="null"/>.</param>
    /// <returns>For example <c>Tidak diperkirakan: kurang dari dua daftar lembaga</c>.</returns>
    public static string HiddenStatus(string status, string? reason) =>
        status == "estimated"
            ? ReportText.HiddenEstimated
            : Texts.Format(ReportText.HiddenNotEstimated, HiddenReason(reason));

    /// <summary>Returns the plain-language reason a hidden-victim figure was not estimated.</summary>
    /// <param name="reason">The reason code, or <see langword="null"/>.</param>
    /// <returns>For example <c>fewer than two agency lists</c>; the code itself when it has no text; a dash for none.</returns>
    public static string HiddenReason(string? reason) =>
        reason is null ? "—" : Lookup("Hidden_" + reason) ?? reason;

    /// <summary>Returns the label of a dimension.</summary>
    /// <param name="dimension">The dimension key, e.g. <c>sex</c>.</param>
    /// <returns>For example <c>Jenis kelamin</c>; the key itself when unknown.</returns>
    public static string Dimension(string dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return Lookup("Dim_" + dimension) ?? dimension;
    }

    /// <summary>Returns the label of a code in a dimension.</summary>
    /// <param name="dimension">The dimension key.</param>
    /// <param name="code">The code, e.g. <c>female</c>, <c>53.03.05</c> or <c>4-5</c>.</param>
    /// <returns>For example <c>Perempuan</c>, <c>53.03.05 Kota Kefamenanu</c>, <c>4-5 hari</c>; the code itself when it
    /// has no label.</returns>
    public static string Value(string dimension, string code)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(code);
        if (Lookup("Val_" + code.Replace('.', '_')) is { } label)
        {
            return label;
        }

        return dimension switch
        {
            "destination_country" or "citizenship" when Lookup("Country_" + code) is { } country => country,
            "article" when code.StartsWith("UU21-2007:", StringComparison.Ordinal) => Article(code["UU21-2007:".Length..]),
            "kecamatan" when KecamatanList.NameOf(code) is { } name => $"{code} {name}",
            "delay_days" => Texts.Format(ReportText.ValDays, code),
            "age_group" or "age_broad" => Texts.Format(ReportText.ValYears, code),
            _ => code,
        };
    }

    // "2(1)" -> "UU 21/2007 Pasal 2 ayat (1)": the way Indonesian law is cited, in both languages.
    private static string Article(string rest)
    {
        int paren = rest.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? $"UU 21/2007 Pasal {rest}" : $"UU 21/2007 Pasal {rest[..paren]} ayat {rest[paren..]}";
    }

    /// <summary>Returns the name of an indicator in the reader's language (the catalogue's <c>NameId</c> for
    /// Indonesian, <c>NameEn</c> otherwise).</summary>
    /// <param name="definition">The catalogue entry.</param>
    /// <returns>The name.</returns>
    public static string Name(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return IsIndonesian ? definition.NameId : definition.NameEn;
    }

    /// <summary>Returns the plain-language basis of an indicator (the law or standard it follows), or
    /// <see langword="null"/> when the indicator has none in the resource set.</summary>
    /// <param name="indicatorId">The indicator id.</param>
    /// <returns>For example <c>UU 21/2007 Pasal 48</c>.</returns>
    public static string? Basis(string indicatorId) => Lookup("Basis_" + indicatorId);

    /// <summary>Gets a value indicating whether the current UI culture reads Bahasa Indonesia.</summary>
    /// <value><see langword="true"/> for <c>id</c> and its specific cultures.</value>
    public static bool IsIndonesian =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id" || CultureInfo.CurrentUICulture.Name.StartsWith("id", StringComparison.Ordinal);

    /// <summary>Gets the language tag of the report (<c>id</c> or <c>en</c>), for <c>&lt;html lang&gt;</c>.</summary>
    /// <value><c>id</c> or <c>en</c>.</value>
    public static string LanguageTag => IsIndonesian ? "id" : "en";

    private static string? Lookup(string key) =>
        key.Length > 0 ? ReportText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) : null;
}
