using System.Text.RegularExpressions;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// The values that identify a person (victim, witness or suspect): name, aliases, national ID number (NIK), address,
/// phone and place of birth. Every property is <see cref="IdentifyingAttribute">identifying</see>.
/// </summary>
/// <remarks>
/// Kept apart from the person's other attributes so that adapters can encrypt or separate it as one unit
/// (docs/decisions/ADR-004-identity-fields.md) and never put it into indicators, exports or logs
/// (UU 21/2007 Pasal 44). Every value is optional: a survivor may be recorded under a code only (GBVIMS practice).
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed partial record PersonIdentity
{
    /// <summary>The longest name, alias or place accepted, in characters.</summary>
    public const int NameMaxLength = 200;

    /// <summary>The longest address accepted, in characters.</summary>
    public const int AddressMaxLength = 500;

    /// <summary>The most aliases accepted.</summary>
    public const int MaxAliases = 10;

    /// <summary>An identity with no values (a person recorded under a code only).</summary>
    public static readonly PersonIdentity Empty = new();

    private PersonIdentity()
    {
    }

    /// <summary>Gets the full name.</summary>
    /// <value>At most <see cref="NameMaxLength"/> characters, or <see langword="null"/>.</value>
    [Identifying]
    public string? FullName { get; private init; }

    /// <summary>Gets other names the person is known by (alias, nickname).</summary>
    /// <value>At most <see cref="MaxAliases"/> entries.</value>
    [Identifying]
    public IReadOnlyList<string> Aliases { get; private init; } = [];

    /// <summary>Gets the national ID number (NIK, Nomor Induk Kependudukan): 16 digits.</summary>
    /// <value>16 digits, or <see langword="null"/>.</value>
    [Identifying]
    public string? NationalIdNumber { get; private init; }

    /// <summary>Gets the address as given.</summary>
    /// <value>At most <see cref="AddressMaxLength"/> characters, or <see langword="null"/>.</value>
    [Identifying]
    public string? Address { get; private init; }

    /// <summary>Gets the phone number: digits, spaces, '+', '-', 6 to 20 characters.</summary>
    /// <value>The number, or <see langword="null"/>.</value>
    [Identifying]
    public string? Phone { get; private init; }

    /// <summary>Gets the place of birth (a quasi-identifier).</summary>
    /// <value>At most <see cref="NameMaxLength"/> characters, or <see langword="null"/>.</value>
    [Identifying(IdentifyingKind.QuasiIdentifier)]
    public string? BirthPlace { get; private init; }

    /// <summary>Validates identity values.</summary>
    /// <param name="input">The values as sent, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the identity object, e.g. <c>identity</c>; errors name the member, e.g.
    /// <c>identity.national_id_number</c>.</param>
    /// <returns>The identity; <see cref="Empty"/> when <paramref name="input"/> is <see langword="null"/>.</returns>
    /// <exception cref="DomainValidationException">A text is blank or too long or has control characters, there are
    /// more than <see cref="MaxAliases"/> aliases, the NIK's structure is broken (<see cref="Cases.NationalIdNumber"/>), or the phone is malformed. The message
    /// never repeats the value (it is personal data).</exception>
    public static PersonIdentity Create(NewIdentity? input, string field = "identity") => Create(input, field, null, null);

    /// <summary>Validates identity values and checks the NIK against the person's sex and birth date
    /// (<see cref="NationalIdNumber.CheckAgainst"/>).</summary>
    /// <param name="input">The values as sent, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the identity object, e.g. <c>victim.identity</c>.</param>
    /// <param name="sex">The person's sex, or <see langword="null"/> when unknown (not checked).</param>
    /// <param name="birthDate">The person's birth date, or <see langword="null"/> when unknown (not checked).</param>
    /// <returns>The identity; <see cref="Empty"/> when <paramref name="input"/> is <see langword="null"/>.</returns>
    /// <exception cref="DomainValidationException">As for <see cref="Create(NewIdentity?, string)"/>; also the NIK's
    /// structure is broken or it disagrees with <paramref name="sex"/> or <paramref name="birthDate"/>
    /// (<c>{field}.national_id_number</c>; source: <see cref="NationalIdNumber"/>).</exception>
    public static PersonIdentity Create(NewIdentity? input, string field, Sex? sex, LocalDate? birthDate)
    {
        if (input is null)
        {
            return Empty;
        }

        var aliases = input.Aliases ?? [];
        if (aliases.Count > MaxAliases)
        {
            throw new DomainValidationException($"{field}.aliases", Texts.Format(CasesText.TooManyAliases, MaxAliases));
        }

        return new PersonIdentity
        {
            FullName = Text(input.FullName, NameMaxLength, $"{field}.full_name"),
            Aliases = [.. aliases.Select((a, i) => Text(a, NameMaxLength, $"{field}.aliases[{i}]") ?? throw new DomainValidationException($"{field}.aliases[{i}]", CasesText.AliasEmpty))],
            NationalIdNumber = Nik(input.NationalIdNumber, $"{field}.national_id_number", sex, birthDate),
            Address = Text(input.Address, AddressMaxLength, $"{field}.address"),
            Phone = PhoneNumber(input.Phone, $"{field}.phone"),
            BirthPlace = Text(input.BirthPlace, NameMaxLength, $"{field}.birth_place"),
        };
    }

    /// <summary>Returns a copy that shows only which values are present (for callers who may not see identity):
    /// every present text becomes <c>[redacted]</c>.</summary>
    /// <returns>The redacted copy.</returns>
    public PersonIdentity Redacted()
    {
        const string mark = "[redacted]";
        return new PersonIdentity
        {
            FullName = FullName is null ? null : mark,
            Aliases = [.. Aliases.Select(_ => mark)],
            NationalIdNumber = NationalIdNumber is null ? null : mark,
            Address = Address is null ? null : mark,
            Phone = Phone is null ? null : mark,
            BirthPlace = BirthPlace is null ? null : mark,
        };
    }

    private static string? Text(string? value, int max, string field)
    {
        if (value is null)
        {
            return null;
        }

        string v = value.Trim();
        if (v.Length == 0)
        {
            throw new DomainValidationException(field, CasesText.ValueBlank);
        }

        if (v.Length > max)
        {
            throw new DomainValidationException(field, Texts.Format(CasesText.ValueTooLong, max));
        }

        if (v.Any(char.IsControl))
        {
            throw new DomainValidationException(field, CasesText.ValueHasControlCharacters);
        }

        return v;
    }

    private static string? Nik(string? value, string field, Sex? sex, LocalDate? birthDate)
    {
        if (value is null)
        {
            return null;
        }

        var nik = Cases.NationalIdNumber.Parse(value, field);
        nik.CheckAgainst(sex, birthDate, null, field);
        return nik.Value;
    }

    private static string? PhoneNumber(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        return PhonePattern().IsMatch(value) ? value : throw new DomainValidationException(field, CasesText.PhoneInvalid);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,18}[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
