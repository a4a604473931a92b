using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Subjects;

/// <summary>
/// Who a request of the person recorded is about, as the coordinator sends it (the body of
/// <c>POST /api/data-subject-requests/…</c>, the file of <c>taskforce subject-access --file</c>): the NIK, or the
/// full name with the birth date. Identity values travel in a body or a file only, never in a URL or a command line
/// (they would be logged).
/// </summary>
/// <remarks>Wire fields: <c>national_id_number</c>, <c>full_name</c>, <c>birth_date</c> (ISO date). Finding by name
/// needs the birth date too (a name alone matches strangers), and reaches only victims (the only persons recorded with a
/// birth date); suspects and witnesses are found by NIK.</remarks>
public sealed record DataSubjectQuery
{
    /// <summary>Gets the NIK (16 digits), or <see langword="null"/>.</summary>
    [Identifying]
    public string? NationalIdNumber { get; init; }

    /// <summary>Gets the full name, or <see langword="null"/>.</summary>
    [Identifying]
    public string? FullName { get; init; }

    /// <summary>Gets the birth date, or <see langword="null"/>.</summary>
    [Identifying(IdentifyingKind.QuasiIdentifier)]
    public LocalDate? BirthDate { get; init; }

    /// <summary>Validates the query.</summary>
    /// <returns>The NIK (checked), the normalised name and the birth date, and what the person is found by
    /// (<c>national_id_number</c> or <c>full_name_birth_date</c>).</returns>
    /// <exception cref="DomainValidationException">Neither a NIK nor a name with a birth date is given (<c>body</c>);
    /// the NIK's structure is broken (<c>national_id_number</c>); a name is given without a birth date
    /// (<c>birth_date</c>) or normalises to nothing (<c>full_name</c>). Messages never repeat a value.</exception>
    public (string? Nik, string? Name, LocalDate? BirthDate, string MatchedBy) Validate()
    {
        if (NationalIdNumber is not null)
        {
            var nik = Domain.Cases.NationalIdNumber.Parse(NationalIdNumber, "national_id_number");
            return (nik.Value, null, null, "national_id_number");
        }

        if (FullName is null)
        {
            throw new DomainValidationException("body", "Send national_id_number, or full_name with birth_date.");
        }

        string name = NameNormaliser.Normalise(FullName);
        if (name.Length == 0)
        {
            throw new DomainValidationException("full_name", "The name has no letters or digits.");
        }

        if (BirthDate is null)
        {
            throw new DomainValidationException("birth_date", "A person is found by name only together with the birth date.");
        }

        return (null, name, BirthDate, "full_name_birth_date");
    }
}
