using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>A victim in a case: the attributes indicators may use (sex, age at the act, citizenship, disability,
/// migrant-worker status) and, apart, the identity that only authorised readers may see.</summary>
/// <remarks>Created only through <see cref="CaseRecord.AddVictim(NewVictim)"/>, which validates it against the case's
/// offence date (a birth date after the act is an error unless <see cref="Unborn"/>).</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class Victim
{
    internal Victim(PersonId id, Sex sex, LocalDate? birthDate, int? ageAtOffence, bool unborn, CountryCode? citizenship, bool? disability, MigrantWorkerStatus migrantWorkerStatus, PersonIdentity identity, bool childAtReport = false)
    {
        Id = id;
        Sex = sex;
        ChildAtReport = childAtReport;
        BirthDate = birthDate;
        AgeAtOffence = ageAtOffence;
        Unborn = unborn;
        Citizenship = citizenship;
        Disability = disability;
        MigrantWorkerStatus = migrantWorkerStatus;
        Identity = identity;
    }

    /// <summary>Gets the person id within the case, e.g. <c>victim-1</c>.</summary>
    public PersonId Id { get; }

    /// <summary>Gets the sex (HTCDS <c>prs_gender</c> reduced to the SIMFONI values).</summary>
    public Sex Sex { get; }

    /// <summary>Gets the birth date, if recorded (a quasi-identifier: use <see cref="AgeAtOffence"/> in outputs).</summary>
    [Identifying(IdentifyingKind.QuasiIdentifier)]
    public LocalDate? BirthDate { get; }

    /// <summary>Gets the age in completed years at the act: as recorded, or computed from the birth date and the
    /// case's offence date; <see langword="null"/> when unknown or unborn.</summary>
    public int? AgeAtOffence { get; }

    /// <summary>Gets a value indicating whether the victim was still in the womb at the act (a child, UU 21/2007
    /// Pasal 1 angka 5).</summary>
    public bool Unborn { get; }

    /// <summary>Gets the citizenship, if recorded.</summary>
    public CountryCode? Citizenship { get; }

    /// <summary>Gets whether the victim has a disability, if recorded.</summary>
    public bool? Disability { get; }

    /// <summary>Gets the migrant-worker status (UU 18/2017).</summary>
    public MigrantWorkerStatus MigrantWorkerStatus { get; }

    /// <summary>Gets the identity values (all <see cref="IdentifyingAttribute">identifying</see>).</summary>
    [Identifying]
    public PersonIdentity Identity { get; }

    /// <summary>Returns whether the victim was a child at a date of the act.</summary>
    /// <param name="offenceDate">The date of the act.</param>
    /// <returns>The age assessment (see <see cref="ChildAge.Assess"/>).</returns>
    /// <exception cref="DomainValidationException">The recorded birth date is after <paramref name="offenceDate"/>
    /// and the victim is not marked unborn.</exception>
    public VictimAge AgeAt(LocalDate offenceDate) => ChildAge.Assess(BirthDate, BirthDate is null ? AgeAtOffence : null, Unborn, offenceDate, Id.Value);

    /// <summary>Gets a value indicating whether the act is not dated and the victim was under 18 on the report date,
    /// so under 18 at the act too (<see cref="ChildAge.StatusAtUndatedAct"/>).</summary>
    internal bool ChildAtReport { get; }

    /// <summary>Returns the child status at the act: unborn is a child; an age at the act decides; while the act is
    /// not dated, a victim under 18 on the report date is a child (the act cannot be after the report; UU 21/2007
    /// Pasal 1 angka 5; <see cref="ChildAge.StatusAtUndatedAct"/>); otherwise unknown.</summary>
    /// <returns>Child, adult or unknown.</returns>
    public ChildStatus ChildStatusAtOffence() =>
        Unborn ? ChildStatus.Child
        : AgeAtOffence is { } age ? (age < ChildAge.AdultAge ? ChildStatus.Child : ChildStatus.Adult)
        : ChildAtReport ? ChildStatus.Child
        : ChildStatus.Unknown;
}

/// <summary>A suspect or perpetrator in a case, with their roles in the trafficking process (HTCDS
/// <c>per_RoleInProcess</c>) and the facts that aggravate the penalty (UU 21/2007 Pasal 8, 13–15).</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class Suspect
{
    internal Suspect(PersonId id, Sex sex, IReadOnlyList<PerpetratorRole> roles, bool stateOfficial, bool corporation, CountryCode? citizenship, PersonIdentity identity)
    {
        Id = id;
        Sex = sex;
        Roles = roles;
        StateOfficial = stateOfficial;
        Corporation = corporation;
        Citizenship = citizenship;
        Identity = identity;
    }

    /// <summary>Gets the person id within the case, e.g. <c>suspect-1</c>.</summary>
    public PersonId Id { get; }

    /// <summary>Gets the sex.</summary>
    public Sex Sex { get; }

    /// <summary>Gets the roles in the trafficking process, distinct, at least one.</summary>
    public IReadOnlyList<PerpetratorRole> Roles { get; }

    /// <summary>Gets whether the suspect is a state official (Pasal 8).</summary>
    public bool StateOfficial { get; }

    /// <summary>Gets whether the suspect is a corporation (Pasal 13–15).</summary>
    public bool Corporation { get; }

    /// <summary>Gets the citizenship, if recorded.</summary>
    public CountryCode? Citizenship { get; }

    /// <summary>Gets the identity values (personal data under UU 27/2022; not covered by Pasal 44 but protected the same
    /// way, and for a child suspect by UU 11/2012 Pasal 19).</summary>
    [Identifying]
    public PersonIdentity Identity { get; }
}

/// <summary>A witness in a case. Identity is confidential (UU 21/2007 Pasal 44(1)).</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class Witness
{
    internal Witness(PersonId id, bool child, PersonIdentity identity)
    {
        Id = id;
        Child = child;
        Identity = identity;
    }

    /// <summary>Gets the person id within the case, e.g. <c>witness-1</c>.</summary>
    public PersonId Id { get; }

    /// <summary>Gets whether the witness is a child (heard under Pasal 38–40 protections).</summary>
    public bool Child { get; }

    /// <summary>Gets the identity values.</summary>
    [Identifying]
    public PersonIdentity Identity { get; }
}

/// <summary>The agency that reported or holds a case.</summary>
/// <param name="Kind">The kind of agency.</param>
/// <param name="Name">The agency's name (1–200 characters), e.g. <c>UPTD PPA Kabupaten TTU</c>; not personal data.</param>
public sealed record ReportingAgency(AgencyKind Kind, string Name)
{
    /// <summary>The longest name accepted, in characters.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Validates an agency sent with wire codes.</summary>
    /// <param name="input">The agency as sent.</param>
    /// <param name="field">The wire name of the field.</param>
    /// <returns>The agency.</returns>
    /// <exception cref="DomainValidationException">The agency, its kind or its name is missing, the kind is unknown,
    /// or the name is longer than <see cref="NameMaxLength"/> or has control characters.</exception>
    public static ReportingAgency Create(NewAgency? input, string field = "reporting_agency")
    {
        if (input is null)
        {
            throw new DomainValidationException(field, CasesText.ReportingAgencyRequired);
        }

        AgencyKind kind = CaseCodes.Agencies.Parse(input.Kind, $"{field}.kind");
        string name = input.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw new DomainValidationException($"{field}.name", CasesText.AgencyNameRequired);
        }

        if (name.Length > NameMaxLength || name.Any(char.IsControl))
        {
            throw new DomainValidationException($"{field}.name", Texts.Format(CasesText.AgencyNameTooLong, NameMaxLength));
        }

        return new ReportingAgency(kind, name);
    }
}
