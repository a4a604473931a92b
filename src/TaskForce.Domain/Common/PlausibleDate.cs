using NodaTime;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Common;

/// <summary>
/// The one rule for dates read from input (issue 15 §4; docs/decisions/ADR-028-bad-input.md): a date of an event a
/// record reports (a birth, an offence, a decision, a report, an arrest, a consent) lies on or after
/// <see cref="Earliest"/> and, when today is known, not after today in the district zone. Every importer and input
/// reader calls this one helper, so a year 0 or 1 (a typing slip of a spreadsheet) or a date tomorrow is refused
/// the same way everywhere, naming the field.
/// </summary>
public static class PlausibleDate
{
    /// <summary>The <see cref="System.Exception.Data"/> key under which a refusal records its problem kind
    /// (<see cref="Kind"/>), read by the import reports to count problems per kind.</summary>
    public const string KindKey = "taskforce.problem_kind";

    /// <summary>The problem kind of a refusal by this rule: <c>date_out_of_range</c>.</summary>
    public const string Kind = "date_out_of_range";

    /// <summary>Gets the earliest plausible date of a recorded event: 1900-01-01 (ISO calendar). No person recorded
    /// by a task force was born, and no TPPO case was decided, before it (UU 21/2007 is of 2007; the oldest
    /// living persons were born after 1900).</summary>
    /// <value>1900-01-01.</value>
    public static LocalDate Earliest { get; } = new(1900, 1, 1);

    /// <summary>Checks a date read from input.</summary>
    /// <param name="date">The date, or <see langword="null"/> when absent (accepted).</param>
    /// <param name="field">The snake_case name of the field it was read from, e.g. <c>victims[0].birth_date</c>.</param>
    /// <param name="today">Today's business date in the district zone (<see cref="DistrictTime.Today"/>), or
    /// <see langword="null"/> for a date that may lie in the future (an order's last day); then only
    /// <see cref="Earliest"/> is checked.</param>
    /// <returns><paramref name="date"/>, unchanged.</returns>
    /// <remarks>The message names the field and the bound, never the date itself (a birth date identifies a person,
    /// UU 21/2007 Pasal 44).</remarks>
    /// <exception cref="DomainValidationException">The date is before <see cref="Earliest"/> or after
    /// <paramref name="today"/> (field <paramref name="field"/>; <see cref="System.Exception.Data"/>[<see cref="KindKey"/>]
    /// is <see cref="Kind"/>).</exception>
    public static LocalDate? Require(LocalDate? date, string field, LocalDate? today)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (date is not { } d)
        {
            return null;
        }

        if (d < Earliest)
        {
            throw Refuse(field, Texts.Format(InputText.DateBeforeEarliest, field, Earliest.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (today is { } t && d > t)
        {
            throw Refuse(field, Texts.Format(InputText.DateAfterToday, field, t.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return d;
    }

    /// <summary>Checks an instant read from input by its business date in the district zone.</summary>
    /// <param name="instant">The instant, or <see langword="null"/> when absent (accepted).</param>
    /// <param name="field">The snake_case name of the field, e.g. <c>reported_at</c>.</param>
    /// <param name="zone">The district zone. Cannot be <see langword="null"/>.</param>
    /// <param name="today">Today's business date in <paramref name="zone"/>, or <see langword="null"/> to check only
    /// <see cref="Earliest"/>.</param>
    /// <returns><paramref name="instant"/>, unchanged.</returns>
    /// <exception cref="DomainValidationException">As <see cref="Require(LocalDate?, string, LocalDate?)"/>.</exception>
    public static Instant? Require(Instant? instant, string field, DateTimeZone zone, LocalDate? today)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (instant is { } i)
        {
            Require(DistrictTime.BusinessDate(i, zone), field, today);
        }

        return instant;
    }

    /// <summary>Gets the problem kind a refusal carries in its <see cref="System.Exception.Data"/>.</summary>
    /// <param name="error">The error. Cannot be <see langword="null"/>.</param>
    /// <returns>The kind recorded under <see cref="KindKey"/> (e.g. <see cref="Kind"/>), or <see langword="null"/>.</returns>
    public static string? KindOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Data[KindKey] as string;
    }

    private static DomainValidationException Refuse(string field, string message)
    {
        var error = new DomainValidationException(field, message);
        error.Data[KindKey] = Kind;
        return error;
    }
}
