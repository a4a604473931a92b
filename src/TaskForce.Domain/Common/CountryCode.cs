using System.Collections.Frozen;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Common;

/// <summary>
/// An ISO 3166-1 alpha-2 country code (e.g. <c>ID</c> Indonesia, <c>MY</c> Malaysia, <c>TL</c> Timor-Leste), as
/// used on the wire for citizenship and destination (docs/wire-contract.md; HTCDS v2 <c>prs_citizenship</c>).
/// </summary>
/// <remarks>
/// Only officially assigned codes are accepted (the 249 codes of ISO 3166-1 as of 2024); user-assigned codes such as
/// <c>XK</c> and the reserved <c>UK</c> are rejected, so a typo cannot enter a record as a country. Codes are
/// upper-case; <see cref="Parse(string?, string)"/> does not change case, because the contract's codes are
/// case-sensitive.
/// </remarks>
public sealed record CountryCode
{
    /// <summary>Indonesia (<c>ID</c>).</summary>
    public static readonly CountryCode Indonesia = new("ID");

    private static readonly FrozenSet<string> Assigned = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT " +
        "JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
        "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM " +
        "PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
        "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    private CountryCode(string value) => Value = value;

    /// <summary>Gets the number of assigned codes this type accepts.</summary>
    /// <value>249.</value>
    public static int AssignedCount => Assigned.Count;

    /// <summary>Gets the two upper-case letters.</summary>
    /// <value>For example <c>MY</c>.</value>
    public string Value { get; }

    /// <summary>Gets a value indicating whether this is Indonesia.</summary>
    /// <value><see langword="true"/> for <c>ID</c>.</value>
    public bool IsIndonesia => Value == "ID";

    /// <summary>Parses a code.</summary>
    /// <param name="value">Two upper-case letters, e.g. <c>MY</c>.</param>
    /// <param name="field">The snake_case wire name of the field, named in the error.</param>
    /// <returns>The code.</returns>
    /// <exception cref="DomainValidationException">The value is missing, not two upper-case letters, or not an
    /// assigned ISO 3166-1 alpha-2 code (the exception names <paramref name="field"/>).</exception>
    public static CountryCode Parse(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new DomainValidationException(field, CommonText.CountryCodeRequired);
        }

        if (!Assigned.Contains(value))
        {
            throw new DomainValidationException(field, Texts.Format(CommonText.CountryCodeUnknown, value));
        }

        return value == "ID" ? Indonesia : new CountryCode(value);
    }

    /// <summary>Parses an optional code.</summary>
    /// <param name="value">The code or <see langword="null"/>.</param>
    /// <param name="field">The snake_case wire name of the field.</param>
    /// <returns>The code, or <see langword="null"/> when <paramref name="value"/> is <see langword="null"/>.</returns>
    /// <exception cref="DomainValidationException">The value is present but not an assigned code.</exception>
    public static CountryCode? ParseOptional(string? value, string field) => value is null ? null : Parse(value, field);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
