using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Prevention;

/// <summary>What an activity is about: everything of a prevention record that its owner may revise.</summary>
/// <param name="Kind">The kind of activity.</param>
/// <param name="Date">The business date it took place (for <see cref="PreventionKind.ComplaintChannel"/>, the last
/// day of the period its figures cover), in the district's zone.</param>
/// <param name="Place">Where: a kecamatan (<c>53.03.01</c>) or desa/kelurahan (<c>53.03.01.2001</c>) code of the
/// Kemendagri list.</param>
/// <param name="Participants">The people reached, by sex and adult/child.</param>
/// <param name="Budget">Where the money came from.</param>
/// <param name="Notes">Free text without personal data, or <see langword="null"/>.</param>
public sealed record PreventionActivityFacts(
    PreventionKind Kind,
    LocalDate Date,
    RegionCode Place,
    ParticipantCounts Participants,
    BudgetSource Budget,
    string? Notes);

/// <summary>
/// A prevention activity of the task force or one of its member agencies (issue 16 item 1; ADR-033): socialisation,
/// training, a village group formed, a pre-departure check, or a complaint channel's figures, with its date, place,
/// responsible agency, participants and budget source. An aggregate record: it names no person.
/// </summary>
/// <remarks>
/// <para>Guards (each names the wire field): <c>id</c> 1–64 characters <c>[A-Za-z0-9_.-]</c>; <c>agency</c> an agency
/// code; <c>date</c> from <see cref="EarliestDate"/> to today in the district's zone; <c>place</c> a kecamatan or
/// desa/kelurahan code that exists in the Kemendagri list (Kepmendagri 300.2.2-2138/2025); <c>notes</c> at most
/// <see cref="MaxNotesLength"/> characters, no control character, and no run of digits that looks like a NIK
/// (16 digits, UU 24/2013) or an Indonesian mobile number (<c>08…</c>, <c>62 8…</c>, <c>+62 8…</c>, 10 digits or more,
/// spaces and dashes between digits ignored): UU 27/2022 Pasal 16(2) asks for the least personal data, and a
/// prevention record needs none.</para>
/// <para>The responsible agency is fixed at recording: it owns the record (ADR-033). Who may record and revise is
/// decided by <c>PreventionAccessPolicy</c> in the application.</para>
/// </remarks>
public sealed partial class PreventionActivity
{
    /// <summary>The earliest date accepted: the year UU 21/2007 was enacted.</summary>
    public static readonly LocalDate EarliestDate = new(2007, 1, 1);

    /// <summary>The longest notes accepted, in UTF-16 characters.</summary>
    public const int MaxNotesLength = 500;

    private PreventionActivity(string id, string agency, PreventionActivityFacts facts, string recordedBy, Instant recordedAt)
    {
        Id = id;
        Agency = agency;
        Facts = facts;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        UpdatedAt = recordedAt;
    }

    /// <summary>Gets the activity id.</summary>
    /// <value>1–64 characters <c>[A-Za-z0-9_.-]</c>, e.g. <c>pa-2025-0007</c>.</value>
    public string Id { get; }

    /// <summary>Gets the code of the responsible agency or sub-task force, which owns the record.</summary>
    /// <value>Lower-case agency code, e.g. <c>dinas_p3a_ttu</c>.</value>
    public string Agency { get; }

    /// <summary>Gets what the activity is about.</summary>
    /// <value>The checked facts.</value>
    public PreventionActivityFacts Facts { get; private set; }

    /// <summary>Gets the staff account id that recorded it (an account id, not personal data of a victim).</summary>
    /// <value>Non-empty.</value>
    public string RecordedBy { get; }

    /// <summary>Gets when it was recorded.</summary>
    /// <value>A UTC instant.</value>
    public Instant RecordedAt { get; }

    /// <summary>Gets when it was last revised (the recording instant until then).</summary>
    /// <value>A UTC instant.</value>
    public Instant UpdatedAt { get; private set; }

    /// <summary>Gets the kecamatan of the place.</summary>
    /// <value>The first three segments of <see cref="PreventionActivityFacts.Place"/>, e.g. <c>53.03.01</c>.</value>
    public string Kecamatan => KecamatanOf(Facts.Place);

    /// <summary>Records a new activity.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="agency">The responsible agency code.</param>
    /// <param name="facts">What it is about.</param>
    /// <param name="recordedBy">The staff account id recording it.</param>
    /// <param name="at">Now.</param>
    /// <param name="today">Today in the district's zone (<see cref="DistrictTime.Today"/>).</param>
    /// <returns>The activity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A guard of the remarks fails (names the field).</exception>
    public static PreventionActivity Record(string? id, string? agency, PreventionActivityFacts facts, string recordedBy, Instant at, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        return new PreventionActivity(CheckId(id), CheckAgency(agency), Check(facts, today), recordedBy, at);
    }

    /// <summary>Restores a stored activity without re-checking today's date (a stored record stays readable).</summary>
    /// <param name="id">The id as stored.</param>
    /// <param name="agency">The agency as stored.</param>
    /// <param name="facts">The facts as stored.</param>
    /// <param name="recordedBy">The recording account.</param>
    /// <param name="recordedAt">When it was recorded.</param>
    /// <param name="updatedAt">When it was last revised.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    public static PreventionActivity Restore(string id, string agency, PreventionActivityFacts facts, string recordedBy, Instant recordedAt, Instant updatedAt)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new PreventionActivity(id, agency, facts, recordedBy, recordedAt) { UpdatedAt = updatedAt };
    }

    /// <summary>Replaces what the activity is about (the agency and the recording stay).</summary>
    /// <param name="facts">The new facts.</param>
    /// <param name="at">Now.</param>
    /// <param name="today">Today in the district's zone.</param>
    /// <returns><see langword="true"/> when something changed; <see langword="false"/> when every value was already on file
    /// (nothing changes, not even <see cref="UpdatedAt"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A guard of the remarks fails (names the field).</exception>
    public bool Revise(PreventionActivityFacts facts, Instant at, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var checkedFacts = Check(facts, today);
        if (checkedFacts == Facts)
        {
            return false;
        }

        Facts = checkedFacts;
        UpdatedAt = at;
        return true;
    }

    /// <summary>Returns the kecamatan code of a kecamatan or desa code.</summary>
    /// <param name="place">A code of at least kecamatan level.</param>
    /// <returns>Its first three segments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="place"/> is <see langword="null"/>.</exception>
    public static string KecamatanOf(RegionCode place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.Value.Length >= 8 ? place.Value[..8] : place.Value;
    }

    /// <summary>Checks notes for what an activity record may not hold (see the remarks of the type).</summary>
    /// <param name="notes">The notes, or <see langword="null"/>.</param>
    /// <param name="field">The wire field, <c>notes</c>.</param>
    /// <returns>The notes trimmed, or <see langword="null"/> when blank.</returns>
    /// <exception cref="DomainValidationException">Too long, a control character, or a NIK- or phone-like number
    /// (the message never repeats the number).</exception>
    public static string? CheckNotes(string? notes, string field)
    {
        string? text = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxNotesLength)
        {
            throw new DomainValidationException(field, Texts.Format(PreventionText.NotesTooLong, MaxNotesLength.ToString(CultureInfo.InvariantCulture)));
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new DomainValidationException(field, PreventionText.NotesControl);
        }

        foreach (Match run in DigitRun().Matches(text))
        {
            string digits = new([.. run.Value.Where(char.IsAsciiDigit)]);
            bool phone = digits.Length >= 10 && (digits.StartsWith("08", StringComparison.Ordinal) || digits.StartsWith("628", StringComparison.Ordinal));
            if (digits.Length == 16 || phone)
            {
                throw new DomainValidationException(field, PreventionText.NotesPersonal);
            }
        }

        return text;
    }

    private static PreventionActivityFacts Check(PreventionActivityFacts facts, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(facts.Place);
        ArgumentNullException.ThrowIfNull(facts.Participants);
        if (!Enum.IsDefined(facts.Kind))
        {
            throw new DomainValidationException("kind", Texts.Format(PreventionText.KindUnknown, facts.Kind, string.Join(", ", PreventionCodes.KindCodes)));
        }

        if (!Enum.IsDefined(facts.Budget))
        {
            throw new DomainValidationException("budget_source", Texts.Format(PreventionText.BudgetUnknown, facts.Budget, string.Join(", ", PreventionCodes.BudgetCodes)));
        }

        if (facts.Date < EarliestDate)
        {
            throw new DomainValidationException("date", Texts.Format(PreventionText.DateBefore, Iso(facts.Date), Iso(EarliestDate)));
        }

        if (facts.Date > today)
        {
            throw new DomainValidationException("date", Texts.Format(PreventionText.DateFuture, Iso(facts.Date), Iso(today)));
        }

        if (facts.Place.IsAll || facts.Place.Value.Length < 8)
        {
            throw new DomainValidationException("place", Texts.Format(PreventionText.PlaceLevel, facts.Place.Value));
        }

        KemendagriRegions.Require(facts.Place, "place");
        return facts with { Notes = CheckNotes(facts.Notes, "notes") };
    }

    private static string CheckId(string? id)
    {
        string v = id?.Trim() ?? string.Empty;
        return v.Length is >= 1 and <= 64 && IdPattern().IsMatch(v) ? v : throw new DomainValidationException("id", Texts.Format(PreventionText.IdShape, id ?? string.Empty));
    }

    private static string CheckAgency(string? agency)
    {
        string v = agency?.Trim() ?? string.Empty;
        return v.Length is >= 1 and <= 128 && AgencyPattern().IsMatch(v) ? v.ToLowerInvariant() : throw new DomainValidationException("agency", Texts.Format(PreventionText.AgencyCode, agency ?? string.Empty));
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\+?\d(?:[ \-]?\d)*", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPattern();
}
