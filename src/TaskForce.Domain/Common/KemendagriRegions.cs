using System.Collections.Frozen;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Common;

/// <summary>
/// The Kemendagri region list this package carries: the 38 province codes of Indonesia and every code of Provinsi Nusa
/// Tenggara Timur (53) down to desa/kelurahan. Checks that a region code exists, not only that it has the right shape.
/// </summary>
/// <remarks>
/// <para>Source: Keputusan Menteri Dalam Negeri (Kepmendagri) 300.2.2-2138/2025 on the codes and data of government
/// administrative regions, as published in the public data set <c>cahyadsn/wilayah</c> (MIT licence,
/// <c>db/wilayah.sql</c>); the NTT rows are embedded from <c>Common/Data/ntt-regions.csv</c> (3,746 codes, a copy of
/// <c>src/TaskForce.Domain/Common/Data/ntt-regions.csv</c>). The 38 province codes are the same source's province rows
/// (11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82, 91–96).</para>
/// <para>Coverage: a code in province 53 must be in the NTT list. A province code of any province is checked against the
/// 38 codes. A kabupaten, kecamatan or desa code of another province is checked on its province only: the package
/// does not carry those lists, so such a code is accepted when its province exists (see <see cref="IsCovered"/>).</para>
/// </remarks>
/// <threadsafety>Static and immutable; safe from any thread.</threadsafety>
public static class KemendagriRegions
{
    /// <summary>The Kemendagri code of the province whose full list is embedded (Nusa Tenggara Timur).</summary>
    public const string CoveredProvince = "53";

    private const string ResourceName = "TaskForce.Domain.Common.Data.ntt-regions.csv";

    private static readonly FrozenSet<string> Provinces = FrozenSet.ToFrozenSet(
    [
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52", "53",
        "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96",
    ], StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, string>> Ntt = new(Load);

    /// <summary>Gets the number of NTT codes embedded (province, kabupaten/kota, kecamatan and desa/kelurahan rows).</summary>
    /// <value>3,746 for the Kepmendagri 300.2.2-2138/2025 list.</value>
    public static int NttCodeCount => Ntt.Value.Count;

    /// <summary>Tells whether a code's existence can be checked fully: it is a province code, or a code in
    /// <see cref="CoveredProvince"/>.</summary>
    /// <param name="code">A region code in the Kemendagri shape; <c>*</c> is not covered.</param>
    /// <returns><see langword="true"/> for province codes and NTT codes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public static bool IsCovered(RegionCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return !code.IsAll && (code.Value.Length == 2 || code.Value.StartsWith(CoveredProvince + ".", StringComparison.Ordinal));
    }

    /// <summary>Tells whether a code is in the list as far as the list goes (see the remarks of the type).</summary>
    /// <param name="code">A region code in the Kemendagri shape.</param>
    /// <returns><see langword="true"/> when the province exists and, for an NTT code, the code itself is listed;
    /// <see langword="false"/> for <c>*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public static bool Exists(RegionCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.IsAll || !Provinces.Contains(code.Value[..2]))
        {
            return false;
        }

        return code.Value.Length == 2 || !code.Value.StartsWith(CoveredProvince + ".", StringComparison.Ordinal) || Ntt.Value.ContainsKey(code.Value);
    }

    /// <summary>Returns the name of a listed NTT code, e.g. <c>Kabupaten Timor Tengah Utara</c> for <c>53.03</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The name as in the Kemendagri list, or <see langword="null"/> when the code is not an NTT code in the list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public static string? NameOf(RegionCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Ntt.Value.TryGetValue(code.Value, out string? name) ? name : null;
    }

    /// <summary>Returns the desa/kelurahan codes of the embedded NTT list that lie within a region (issue 16: the
    /// denominator of the coverage of desa reached).</summary>
    /// <param name="region">A province, kabupaten/kota or kecamatan code.</param>
    /// <returns>The desa/kelurahan codes (<c>NN.NN.NN.NNNN</c>) within it, sorted ordinally; empty outside NTT (the list
    /// is not carried) or for <c>*</c>. For <c>53.03</c> (Timor Tengah Utara): 190 codes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> DesaWithin(RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.IsAll)
        {
            return [];
        }

        string prefix = region.Value + ".";
        return [.. Ntt.Value.Keys.Where(k => k.Length == 13 && k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Checks that a region code exists (see <see cref="Exists"/>).</summary>
    /// <param name="code">The code, already in the Kemendagri shape.</param>
    /// <param name="field">The snake_case wire name of the field, e.g. <c>places.origin_kecamatan</c>.</param>
    /// <returns><paramref name="code"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The province does not exist, or the code is in NTT and not in
    /// the Kemendagri list (the error names <paramref name="field"/>).</exception>
    public static RegionCode Require(RegionCode code, string field)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Exists(code))
        {
            return code;
        }

        string detail = code.IsAll || !Provinces.Contains(code.Value[..2])
            ? Texts.Format(CommonText.RegionNotInProvinceList, code.Value)
            : Texts.Format(CommonText.RegionNotInNttList, code.Value);
        throw new DomainValidationException(field, detail);
    }

    private static FrozenDictionary<string, string> Load()
    {
        using Stream stream = typeof(KemendagriRegions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the package.");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? line = reader.ReadLine(); // header: kemendagri_code,name
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            int comma = line.IndexOf(',', StringComparison.Ordinal);
            string code = line[..comma];
            string name = line[(comma + 1)..].Trim('"');
            codes[code] = name;
        }

        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
