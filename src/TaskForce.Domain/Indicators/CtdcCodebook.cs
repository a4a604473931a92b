using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Indicators;

/// <summary>Gender in the CTDC data sets (trans and non-binary persons are not split further, for privacy).</summary>
public enum CtdcGender
{
    /// <summary>Missing.</summary>
    Unknown = 0,

    /// <summary><c>Woman</c>.</summary>
    Woman = 1,

    /// <summary><c>Man</c>.</summary>
    Man = 2,

    /// <summary><c>Trans/Transgender/NonConforming</c>.</summary>
    TransOrNonConforming = 3,
}

/// <summary>One record of the CTDC global synthetic data set, read by <see cref="CtdcCodebook.Parse"/>.</summary>
/// <param name="YearOfRegistration">The year the case was registered, or <see langword="null"/>.</param>
/// <param name="Gender">The gender.</param>
/// <param name="AgeBroad">The <c>ageBroad</c> group as a TaskForce code (<c>0-8</c> … <c>48+</c>, <c>unknown</c>).</param>
/// <param name="Citizenship">The citizenship, or <see langword="null"/>.</param>
/// <param name="CountryOfExploitation">The country of exploitation, or <see langword="null"/>.</param>
/// <param name="TraffickMonths">The duration group: <c>0-12</c>, <c>13-24</c>, <c>25+</c> or <c>unknown</c>.</param>
/// <param name="Flags">The 21 binary variables, bit i for <see cref="CtdcCodebook.BinaryVariables"/>[i].</param>
public sealed record CtdcVictim(
    int? YearOfRegistration,
    CtdcGender Gender,
    string AgeBroad,
    CountryCode? Citizenship,
    CountryCode? CountryOfExploitation,
    string TraffickMonths,
    int Flags)
{
    /// <summary>Gets a value indicating whether <c>isForcedLabour</c> is 1.</summary>
    public bool IsForcedLabour => Has("isForcedLabour");

    /// <summary>Gets a value indicating whether <c>isSexualExploit</c> is 1.</summary>
    public bool IsSexualExploit => Has("isSexualExploit");

    /// <summary>Gets a value indicating whether <c>isOtherExploit</c> is 1.</summary>
    public bool IsOtherExploit => Has("isOtherExploit");

    /// <summary>Tells whether a binary variable is 1.</summary>
    /// <param name="variable">A name in <see cref="CtdcCodebook.BinaryVariables"/>.</param>
    /// <returns><see langword="true"/> when it is 1.</returns>
    /// <exception cref="ArgumentException">The name is not a binary variable.</exception>
    public bool Has(string variable)
    {
        int i = CtdcCodebook.BinaryIndex(variable);
        return (Flags & (1 << i)) != 0;
    }
}

/// <summary>
/// The codebook of the CTDC global synthetic data set (2024 codebook, 27 variables; docs/sources.md#ctdc):
/// yearOfRegistration, gender, ageBroad, citizenship (ISO alpha-3), CountryOfExploitation (ISO alpha-3), traffickMonths
/// and 21 binary variables that are 1 or missing (no explicit 0).
/// </summary>
/// <remarks>
/// Reading rules: a missing value is an empty field, <c>NA</c> or <c>-99</c> (the older k-anonymised releases); a
/// binary variable is <c>1</c>, or missing (<c>0</c> is read as missing, since the codebook has no 0); <c>ageBroad</c>
/// as CTDC writes it (<c>9--17</c>) or with one dash; <c>traffickMonths</c> by its leading range (<c>0--12 (0-1
/// yr)</c>); columns <c>sectorOfLabour…</c>/<c>sectorOfSex…</c> (a later release's names) are read as
/// <c>typeOfLabour…</c>/<c>typeOfSex…</c>. Anything else is an error naming the variable.
/// </remarks>
public static class CtdcCodebook
{
    /// <summary>The six non-binary variables, in codebook order.</summary>
    public static readonly IReadOnlyList<string> CategoricalVariables =
        ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", "traffickMonths"];

    /// <summary>The 21 binary variables, in codebook order.</summary>
    public static readonly IReadOnlyList<string> BinaryVariables =
    [
        "meansDebtBondageEarnings", "meansThreats", "meansAbusePsyPhySex", "meansFalsePromises", "meansDrugsAlcohol",
        "meansDenyBasicNeeds", "meansExcessiveWorkHours", "meansWithholdDocs",
        "isForcedLabour", "isSexualExploit", "isOtherExploit",
        "typeOfLabourAgriculture", "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality",
        "typeOfSexProstitution", "typeOfSexPornography",
        "recruiterRelationIntimatePartner", "recruiterRelationFriend", "recruiterRelationFamily", "recruiterRelationOther",
    ];

    /// <summary>All 27 variables in codebook order.</summary>
    public static readonly IReadOnlyList<string> Variables = [.. CategoricalVariables, .. BinaryVariables];

    /// <summary>The <c>ageBroad</c> values as CTDC writes them, in order (TaskForce codes are the same with one dash).</summary>
    public static readonly IReadOnlyList<string> AgeBroadLabels = ["0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"];

    /// <summary>The <c>traffickMonths</c> values as CTDC writes them.</summary>
    public static readonly IReadOnlyList<string> TraffickMonthsLabels = ["0--12 (0-1 yr)", "13--24 (1-2 yrs)", "25+ (2+ yrs)"];

    /// <summary>Returns the canonical variable name for a column header, accepting the later release's aliases.</summary>
    /// <param name="header">The header as written.</param>
    /// <returns>The variable name, or <see langword="null"/> when the header is not a codebook variable.</returns>
    public static string? Canonical(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        string h = header.Trim();
        if (h.StartsWith("sectorOfLabour", StringComparison.OrdinalIgnoreCase))
        {
            h = "typeOfLabour" + h["sectorOfLabour".Length..];
        }
        else if (h.StartsWith("sectorOfSex", StringComparison.OrdinalIgnoreCase))
        {
            h = "typeOfSex" + h["sectorOfSex".Length..];
        }

        return Variables.FirstOrDefault(v => string.Equals(v, h, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Returns the position of a binary variable.</summary>
    /// <param name="variable">The variable's name.</param>
    /// <returns>Its index in <see cref="BinaryVariables"/>.</returns>
    /// <exception cref="ArgumentException">The name is not a binary variable.</exception>
    public static int BinaryIndex(string variable)
    {
        for (int i = 0; i < BinaryVariables.Count; i++)
        {
            if (BinaryVariables[i] == variable)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{variable}' is not a CTDC binary variable.", nameof(variable));
    }

    /// <summary>Reads one record.</summary>
    /// <param name="value">Returns the raw field of a variable (canonical name), or <see langword="null"/> when the
    /// file has no such column. Cannot be <see langword="null"/>.</param>
    /// <returns>The record.</returns>
    /// <exception cref="DomainValidationException">A value is outside the codebook; the field is the variable's name.</exception>
    public static CtdcVictim Parse(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string? Field(string name)
        {
            string? v = value(name)?.Trim();
            return v is null or "" or "NA" or "-99" ? null : v;
        }

        int? year = null;
        if (Field("yearOfRegistration") is { } y)
        {
            year = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out int yy) && yy is >= 1900 and <= 2100
                ? yy
                : throw new DomainValidationException("yearOfRegistration", Texts.Format(IndicatorsText.CtdcYearInvalid, y));
        }

        var gender = Field("gender") switch
        {
            null => CtdcGender.Unknown,
            "Woman" => CtdcGender.Woman,
            "Man" => CtdcGender.Man,
            "Trans/Transgender/NonConforming" => CtdcGender.TransOrNonConforming,
            var g => throw new DomainValidationException("gender", Texts.Format(IndicatorsText.CtdcGenderInvalid, g)),
        };

        string age = AgeGroups.Unknown;
        if (Field("ageBroad") is { } a)
        {
            string single = a.Replace("--", "-", StringComparison.Ordinal);
            var codes = AgeGroups.Codes(AgeGrouping.CtdcAgeBroad);
            age = codes.Contains(single) && single != AgeGroups.Unknown
                ? single
                : throw new DomainValidationException("ageBroad", Texts.Format(IndicatorsText.CtdcAgeBroadInvalid, a, string.Join(", ", AgeBroadLabels)));
        }

        string months = Field("traffickMonths") switch
        {
            null => AgeGroups.Unknown,
            var m when m.StartsWith("0--12", StringComparison.Ordinal) || m == "0-12" => "0-12",
            var m when m.StartsWith("13--24", StringComparison.Ordinal) || m == "13-24" => "13-24",
            var m when m.StartsWith("25+", StringComparison.Ordinal) => "25+",
            var m => throw new DomainValidationException("traffickMonths", Texts.Format(IndicatorsText.CtdcTraffickMonthsInvalid, m)),
        };

        int flags = 0;
        for (int i = 0; i < BinaryVariables.Count; i++)
        {
            switch (Field(BinaryVariables[i]))
            {
                case null or "0":
                    break;
                case "1":
                    flags |= 1 << i;
                    break;
                case var b:
                    throw new DomainValidationException(BinaryVariables[i], Texts.Format(IndicatorsText.CtdcBinaryInvalid, b));
            }
        }

        return new CtdcVictim(year, gender, age, Country(Field("citizenship"), "citizenship"), Country(Field("CountryOfExploitation"), "CountryOfExploitation"), months, flags);
    }

    /// <summary>Returns the CTDC label of a TaskForce <c>ageBroad</c> code.</summary>
    /// <param name="code">For example <c>9-17</c>.</param>
    /// <returns>For example <c>9--17</c>; empty for <c>unknown</c>.</returns>
    public static string AgeBroadLabel(string code) => code == AgeGroups.Unknown ? string.Empty : code.Replace("-", "--", StringComparison.Ordinal);

    private static CountryCode? Country(string? alpha3, string field)
    {
        if (alpha3 is null)
        {
            return null;
        }

        return IsoAlpha3.TryToCountry(alpha3, out var c) ? c : throw new DomainValidationException(field, Texts.Format(IndicatorsText.CtdcCountryInvalid, alpha3));
    }
}

/// <summary>A count of CTDC records sharing the values the comparison uses.</summary>
/// <param name="Year">The year of registration, or <see langword="null"/>.</param>
/// <param name="Gender">The gender.</param>
/// <param name="AgeBroad">The age group code.</param>
/// <param name="Citizenship">The citizenship (alpha-2), or <see langword="null"/>.</param>
/// <param name="CountryOfExploitation">The country of exploitation (alpha-2), or <see langword="null"/>.</param>
/// <param name="Forms">The forms of exploitation flagged.</param>
/// <param name="Count">The number of records, at least 1.</param>
public sealed record CtdcCount(int? Year, CtdcGender Gender, string AgeBroad, string? Citizenship, string? CountryOfExploitation, CaseExploitationForms Forms, long Count)
{
    /// <summary>Aggregates records to counts, in a deterministic order.</summary>
    /// <param name="records">The records. Cannot be <see langword="null"/>.</param>
    /// <returns>One count per distinct combination.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<CtdcCount> Aggregate(IEnumerable<CtdcVictim> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records
            .GroupBy(r => (r.YearOfRegistration, r.Gender, r.AgeBroad, Cit: r.Citizenship?.Value, Coe: r.CountryOfExploitation?.Value,
                Forms: (r.IsSexualExploit ? CaseExploitationForms.SexualExploitation : 0) | (r.IsForcedLabour ? CaseExploitationForms.ForcedLabour : 0)
                       | (r.IsOtherExploit ? CaseExploitationForms.Other : 0)))
            .Select(g => new CtdcCount(g.Key.YearOfRegistration, g.Key.Gender, g.Key.AgeBroad, g.Key.Cit, g.Key.Coe, g.Key.Forms, g.LongCount()))
            .OrderBy(c => c.Year ?? 0).ThenBy(c => c.Gender).ThenBy(c => c.AgeBroad, StringComparer.Ordinal)
            .ThenBy(c => c.Citizenship ?? string.Empty, StringComparer.Ordinal).ThenBy(c => c.CountryOfExploitation ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.Forms)];
    }
}

/// <summary>The global CTDC figures set beside the task force's own in a snapshot.</summary>
/// <param name="Dataset">The data set's name as imported (file name and content fingerprint).</param>
/// <param name="Counts">The aggregated counts of the data set (all years).</param>
public sealed record CtdcReference(string Dataset, IReadOnlyList<CtdcCount> Counts);
