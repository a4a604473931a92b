using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// A national ID number (NIK, Nomor Induk Kependudukan) checked for its structure: 16 digits
/// <c>PP KK CC DD MM YY SSSS</c> — the Kemendagri province, kabupaten/kota and kecamatan where the NIK was first
/// registered, the birth date as day, month and two-digit year with 40 added to the day for women, and a serial
/// number from 0001.
/// </summary>
/// <remarks>
/// <para>Sources: UU 23/2006 Pasal 13 as amended by UU 24/2013 (every resident has one NIK for life); PP 40/2019
/// Pasal 30(2) (the NIK does not change, not even when the domicile changes); the structure as stated by the Dirjen
/// Dukcapil Kemendagri (Teguh Setyabudi, 2023, reported by Kompas and Tribunnews) and published by Dukcapil offices
/// (e.g. dukcapil.klaten.go.id, "Arti 16 digit NIK"): digits 1–6 region, 7–12 birth date with the day plus 40 for
/// women (41–71), 13–16 serial from 0001. Region codes: <see cref="KemendagriRegions"/>.</para>
/// <para>What is an error: not 16 digits; a province that does not exist; in NTT a kabupaten/kota not in the list;
/// kabupaten or kecamatan <c>00</c>; a day outside 01–31 and 41–71, a month outside 01–12 or a day that month never
/// has; serial 0000; and, when the person's other fields are given, a sex, birth date or registration region that
/// disagrees. What is not: an NTT kecamatan digit pair missing from today's list (<see cref="KecamatanListed"/> is
/// <see langword="false"/>), because a NIK keeps the kecamatan of its first registration (PP 40/2019 Pasal 30(2))
/// while kecamatan are split and renumbered (e.g. Kabupaten Malaka, 53.21, formed from Belu, 53.04, by UU 3/2013).
/// The NIK is personal data (UU 27/2022): messages never repeat it.</para>
/// <para>Example (made up, not a real person): <c>5303015708950001</c> is registered in 53.03.01 (Miomaffo Timur,
/// TTU) for a woman born on 17 August 1995 or 2095 (57 − 40 = 17).</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record NationalIdNumber
{
    /// <summary>The number of digits of a NIK.</summary>
    public const int Length = 16;

    /// <summary>What Dukcapil adds to the day of birth for a woman.</summary>
    public const int FemaleDayOffset = 40;

    private NationalIdNumber(string value, RegionCode kecamatan, Sex sex, int day, int month, int yearOfCentury, bool kecamatanListed)
    {
        Value = value;
        RegistrationKecamatan = kecamatan;
        EncodedSex = sex;
        BirthDay = day;
        BirthMonth = month;
        BirthYearOfCentury = yearOfCentury;
        KecamatanListed = kecamatanListed;
    }

    /// <summary>Gets the 16 digits.</summary>
    /// <value>Personal data: never log it.</value>
    public string Value { get; }

    /// <summary>Gets the kecamatan of first registration, digits 1–6 as a Kemendagri code, e.g. <c>53.03.01</c>.</summary>
    public RegionCode RegistrationKecamatan { get; }

    /// <summary>Gets a value indicating whether <see cref="RegistrationKecamatan"/> is in the embedded Kemendagri list.
    /// Always <see langword="true"/> outside NTT (the list does not reach there, so it is not checked).</summary>
    public bool KecamatanListed { get; }

    /// <summary>Gets the sex the NIK encodes: <see cref="Sex.Female"/> when the day digits are 41–71.</summary>
    public Sex EncodedSex { get; }

    /// <summary>Gets the day of birth, [1, 31] (the 40 for women removed).</summary>
    public int BirthDay { get; }

    /// <summary>Gets the month of birth, [1, 12].</summary>
    public int BirthMonth { get; }

    /// <summary>Gets the last two digits of the year of birth, [0, 99] (the century is not encoded).</summary>
    public int BirthYearOfCentury { get; }

    /// <summary>Parses and checks a NIK's structure.</summary>
    /// <param name="value">The NIK as sent.</param>
    /// <param name="field">The snake_case wire name of the field, e.g. <c>victim.identity.national_id_number</c>.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="DomainValidationException">The structure is broken (see the remarks of the type); the error
    /// names <paramref name="field"/> and never repeats the value.</exception>
    public static NationalIdNumber Parse(string? value, string field = "national_id_number")
    {
        if (value is null || value.Length != Length || !value.All(char.IsAsciiDigit))
        {
            throw new DomainValidationException(field, CasesText.NikLength);
        }

        string province = value[..2];
        string kabupaten = value.Substring(2, 2);
        string kecamatan = value.Substring(4, 2);
        var provinceCode = RegionCode.Parse(province);
        if (!KemendagriRegions.Exists(provinceCode))
        {
            throw new DomainValidationException(field, CasesText.NikProvince);
        }

        if (kabupaten == "00" || kecamatan == "00")
        {
            throw new DomainValidationException(field, CasesText.NikKabupatenKecamatan);
        }

        var kabupatenCode = RegionCode.Parse($"{province}.{kabupaten}");
        if (!KemendagriRegions.Exists(kabupatenCode))
        {
            throw new DomainValidationException(field, CasesText.NikKabupatenNotInNtt);
        }

        var kecamatanCode = RegionCode.Parse($"{province}.{kabupaten}.{kecamatan}");
        bool listed = KemendagriRegions.Exists(kecamatanCode);

        int dd = Digits(value, 6);
        int mm = Digits(value, 8);
        int yy = Digits(value, 10);
        Sex sex = dd > FemaleDayOffset ? Sex.Female : Sex.Male;
        int day = sex == Sex.Female ? dd - FemaleDayOffset : dd;
        if (day is < 1 or > 31 || mm is < 1 or > 12 || !DayExists(day, mm, yy))
        {
            throw new DomainValidationException(field, CasesText.NikBirthDate);
        }

        if (value[12..] == "0000")
        {
            throw new DomainValidationException(field, CasesText.NikSerial);
        }

        return new NationalIdNumber(value, kecamatanCode, sex, day, mm, yy, listed);
    }

    /// <summary>Checks the NIK against the person's other recorded fields; a field not given is not checked.</summary>
    /// <param name="sex">The person's sex; <see langword="null"/> or <see cref="Sex.Unknown"/> is not checked.</param>
    /// <param name="birthDate">The person's birth date, or <see langword="null"/>.</param>
    /// <param name="registrationRegion">The region where the NIK was registered (province, kabupaten/kota, kecamatan or
    /// desa code), or <see langword="null"/>. Not the current domicile: a NIK does not follow a move (PP 40/2019
    /// Pasal 30(2)).</param>
    /// <param name="field">The snake_case wire name of the NIK field.</param>
    /// <exception cref="DomainValidationException">The encoded sex, birth date (day, month and last two digits of the
    /// year) or region prefix disagrees with the given value; the error names <paramref name="field"/>.</exception>
    public void CheckAgainst(Sex? sex, LocalDate? birthDate, RegionCode? registrationRegion, string field = "national_id_number")
    {
        if (sex is Sex.Female or Sex.Male && sex != EncodedSex)
        {
            throw new DomainValidationException(field, EncodedSex == Sex.Female ? CasesText.NikEncodesWomanPersonMale : CasesText.NikEncodesManPersonFemale);
        }

        if (birthDate is { } b && (b.Day != BirthDay || b.Month != BirthMonth || Mod100(b.Year) != BirthYearOfCentury))
        {
            throw new DomainValidationException(field, CasesText.NikBirthDateMismatch);
        }

        if (registrationRegion is { IsAll: false } r)
        {
            string prefix = RegistrationKecamatan.Value;
            string compare = r.Value.Length > prefix.Length ? r.Value[..prefix.Length] : r.Value;
            if (!prefix.StartsWith(compare, StringComparison.Ordinal))
            {
                throw new DomainValidationException(field, Texts.Format(CasesText.NikNotInRegion, r.Value));
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Returns a mask, never the digits (UU 27/2022).</remarks>
    public override string ToString() => "NIK ****************";

    private static int Digits(string value, int start) => int.Parse(value.AsSpan(start, 2), NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Mod100(int year) => ((year % 100) + 100) % 100;

    private static bool DayExists(int day, int month, int yearOfCentury) =>
        day <= DateTime.DaysInMonth(1900 + yearOfCentury, month) || day <= DateTime.DaysInMonth(2000 + yearOfCentury, month);
}
