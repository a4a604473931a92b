using System.Text.RegularExpressions;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Common;

/// <summary>
/// A Kemendagri region code (kode wilayah administrasi pemerintahan): province <c>53</c>, kabupaten/kota
/// <c>53.03</c>, kecamatan <c>53.03.01</c> or desa/kelurahan <c>53.03.01.2001</c>; or the selector <c>*</c> for
/// all records regardless of region.
/// </summary>
/// <remarks>
/// Codes follow Kepmendagri 300.2.2-2138/2025 (src/TaskForce.Domain/Common/Data/ntt-regions.csv). This type checks the shape
/// only; whether a code exists in the Kemendagri list is checked where the list is loaded. The BPS code of a region
/// differs from its Kemendagri code (TTU: Kemendagri 53.03, BPS believed 5305) and is never derived from it.
/// Example: <c>53.03.01</c> (Miomaffo Timur) is within <c>53.03</c> (Timor Tengah Utara) and within <c>53</c> (NTT).
/// </remarks>
public sealed partial record RegionCode
{
    /// <summary>The selector that matches every record, including records without a region.</summary>
    public static readonly RegionCode All = new("*");

    private RegionCode(string value) => Value = value;

    /// <summary>Gets the code as written, e.g. <c>53.03</c>, or <c>*</c>.</summary>
    /// <value>Digits and dots in the Kemendagri shape, or <c>*</c>.</value>
    public string Value { get; }

    /// <summary>Gets a value indicating whether this is the all-regions selector <c>*</c>.</summary>
    /// <value><see langword="true"/> for <c>*</c>.</value>
    public bool IsAll => Value == "*";

    /// <summary>Parses a region code or <c>*</c>.</summary>
    /// <param name="value">The code; surrounding spaces are ignored.</param>
    /// <returns>The code.</returns>
    /// <exception cref="DomainValidationException">The value is empty or not in the Kemendagri shape
    /// <c>NN</c>, <c>NN.NN</c>, <c>NN.NN.NN</c> or <c>NN.NN.NN.NNNN</c> (field <c>region</c>).</exception>
    public static RegionCode Parse(string? value)
    {
        string v = value?.Trim() ?? string.Empty;
        if (v == "*")
        {
            return All;
        }

        if (!Pattern().IsMatch(v))
        {
            throw new DomainValidationException("region", Texts.Format(CommonText.RegionCodeInvalid, value));
        }

        return new RegionCode(v);
    }

    /// <summary>Tells whether a record's region lies within this selector.</summary>
    /// <param name="recordRegion">The record's region, or <see langword="null"/> when it has none.</param>
    /// <returns><see langword="true"/> when this is <c>*</c>, or when the record's code equals this code or starts
    /// with it followed by a dot; a record without a region matches only <c>*</c>.</returns>
    public bool Covers(RegionCode? recordRegion)
    {
        if (IsAll)
        {
            return true;
        }

        if (recordRegion is null || recordRegion.IsAll)
        {
            return false;
        }

        return recordRegion.Value == Value || recordRegion.Value.StartsWith(Value + ".", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    [GeneratedRegex(@"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
