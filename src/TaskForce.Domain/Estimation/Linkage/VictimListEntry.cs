using System.Text;
using NodaTime;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Estimation.Linkage;

/// <summary>
/// One victim record on one agency's list (police, UPTD PPA, social services, BP3MI, an NGO, IOM …), as the input of
/// record linkage.
/// </summary>
/// <remarks>
/// The identifying fields (<see cref="Nik"/>, <see cref="Name"/>, <see cref="BirthDate"/>) are used only to decide
/// links: the NIK is hashed with the district secret as soon as linkage starts, and none of these fields is copied
/// into any result. <see cref="ToString"/> leaves them out, so logging an entry by accident does not leak them
/// (UU 21/2007 Pasal 44).
/// </remarks>
public sealed record VictimListEntry
{
    /// <summary>Gets the name of the list (agency) the record comes from, e.g. <c>police</c>.</summary>
    /// <value>Non-blank.</value>
    public required string List { get; init; }

    /// <summary>Gets the agency's own reference of the record (not personal data), e.g. <c>LP/17/III/2024</c>.</summary>
    /// <value>Non-blank and unique within the list.</value>
    public required string RecordId { get; init; }

    /// <summary>Gets the national identity number as recorded, if any.</summary>
    /// <value>16 digits (spaces, dots, dashes ignored); a malformed value is treated as missing with a warning.</value>
    public string? Nik { get; init; }

    /// <summary>Gets the name as recorded, if any.</summary>
    /// <value>Free text; compared after normalisation (upper case, letters only, titles removed).</value>
    public string? Name { get; init; }

    /// <summary>Gets the birth date, if known.</summary>
    /// <value>A calendar date.</value>
    public LocalDate? BirthDate { get; init; }

    /// <summary>Gets the birth year when only the year is known.</summary>
    /// <value>A year; ignored when <see cref="BirthDate"/> is given.</value>
    public int? BirthYear { get; init; }

    /// <summary>Gets the kecamatan of residence, if known.</summary>
    /// <value>A Kemendagri code such as <c>53.03.01</c> or a name; compared case-insensitively after trimming.</value>
    public string? Kecamatan { get; init; }

    /// <summary>Gets the sex as recorded.</summary>
    /// <value>Default <see cref="Sex.Unknown"/>.</value>
    public Sex Sex { get; init; }

    /// <summary>Gets the child/adult status at identification when recorded directly.</summary>
    /// <value>Default <see cref="ChildStatus.Unknown"/>; then derived from <see cref="BirthDate"/> and
    /// <see cref="IdentifiedOn"/> when both are known.</value>
    public ChildStatus ChildStatus { get; init; }

    /// <summary>Gets the form of exploitation as recorded.</summary>
    /// <value>Default <see cref="ExploitationForm.Unknown"/>.</value>
    public ExploitationForm Form { get; init; }

    /// <summary>Gets the date the agency identified or registered the victim, if known (a business date in the
    /// district's zone).</summary>
    /// <value>Its year is the stratum year.</value>
    public LocalDate? IdentifiedOn { get; init; }

    /// <summary>Returns the child/adult status: the recorded one, else derived from the age at identification
    /// (under 18 is a child, UU 21/2007 Pasal 1 angka 5).</summary>
    /// <returns>The status, or <see cref="ChildStatus.Unknown"/>.</returns>
    public ChildStatus ResolvedChildStatus()
    {
        if (ChildStatus != ChildStatus.Unknown || BirthDate is not { } birth || IdentifiedOn is not { } on)
        {
            return ChildStatus;
        }

        int age = Period.Between(birth, on, PeriodUnits.Years).Years;
        return age < AgeGroups.AdultAge ? ChildStatus.Child : ChildStatus.Adult;
    }

    /// <summary>Writes the non-identifying members only (list, record id, stratum fields).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("List = ").Append(List).Append(", RecordId = ").Append(RecordId)
            .Append(", Nik = [redacted], Name = [redacted], BirthDate = [redacted]")
            .Append(", Sex = ").Append(Sex).Append(", ChildStatus = ").Append(ChildStatus)
            .Append(", Form = ").Append(Form).Append(", IdentifiedOn = ").Append(IdentifiedOn?.Year);
        return true;
    }
}
