using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Legal;

/// <summary>
/// Whether a person was a child (anak) at the time of the act: under 18, including a child still in the womb
/// (UU 21/2007 Pasal 1 angka 5; UU 35/2014 Pasal 1 angka 1; Palermo Protocol art. 3(d)).
/// </summary>
/// <remarks>
/// A person is a child up to and including the day before the 18th birthday and an adult from the birthday itself:
/// born 2008-05-01, the person is a child on 2026-04-30 and an adult on 2026-05-01. The birthday is computed with
/// NodaTime's <see cref="LocalDate.PlusYears(int)"/>, so a person born on 29 February turns 18 on 28 February of a
/// common year (a documented choice; the statute does not say). Dates are business dates, not instants.
/// </remarks>
public static class ChildAge
{
    /// <summary>The age, in whole years, from which a person is an adult.</summary>
    public const int AdultAge = AgeGroups.AdultAge;

    /// <summary>The highest age accepted, in whole years.</summary>
    public const int MaxAge = 130;

    /// <summary>Returns the 18th birthday, the first day on which the person is an adult.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns><paramref name="birthDate"/> plus 18 years.</returns>
    public static LocalDate EighteenthBirthday(LocalDate birthDate) => birthDate.PlusYears(AdultAge);

    /// <summary>Tells whether a person born on a date is a child on another date.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <param name="date">The date of the act; may be before <paramref name="birthDate"/> (an unborn child).</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is before the 18th birthday.</returns>
    public static bool IsChildOn(LocalDate birthDate, LocalDate date) => date < EighteenthBirthday(birthDate);

    /// <summary>Returns the age in completed years on a date.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <param name="date">The date, not before <paramref name="birthDate"/>.</param>
    /// <returns>Completed years, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before <paramref name="birthDate"/>.</exception>
    public static int AgeInYears(LocalDate birthDate, LocalDate date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, birthDate);
        return Period.Between(birthDate, date, PeriodUnits.Years).Years;
    }

    /// <summary>Works out a victim's child status at the date of the act from what is recorded.</summary>
    /// <param name="birthDate">The birth date, if recorded.</param>
    /// <param name="ageAtOffence">The age in completed years at the act, if recorded, in [0, <see cref="MaxAge"/>].</param>
    /// <param name="unborn">Whether the victim was not yet born at the act (still in the womb).</param>
    /// <param name="offenceDate">The date of the act.</param>
    /// <param name="field">The wire name of the victim, e.g. <c>victims[0]</c>; errors name its member.</param>
    /// <returns>The status, the age when known, and which value decided it.</returns>
    /// <exception cref="DomainValidationException">The birth date is after the act and <paramref name="unborn"/> is
    /// false (<c>birth_date</c>); an unborn victim has an age (<c>age_at_offence</c>); the age is outside
    /// [0, <see cref="MaxAge"/>] or disagrees with the birth date (<c>age_at_offence</c>); the birth date is more than
    /// <see cref="MaxAge"/> years before the act (<c>birth_date</c>).</exception>
    public static VictimAge Assess(LocalDate? birthDate, int? ageAtOffence, bool unborn, LocalDate offenceDate, string field)
    {
        if (ageAtOffence is { } a && (a < 0 || a > MaxAge))
        {
            throw new DomainValidationException($"{field}.age_at_offence", Texts.Format(LegalText.AgeOutOfRange, a, MaxAge));
        }

        if (unborn)
        {
            if (ageAtOffence is not null)
            {
                throw new DomainValidationException($"{field}.age_at_offence", LegalText.UnbornHasNoAge);
            }

            if (birthDate is { } b && b <= offenceDate)
            {
                throw new DomainValidationException($"{field}.birth_date", Texts.Format(LegalText.UnbornBirthDateNotAfterAct, offenceDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), b.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
            }

            return new VictimAge(ChildStatus.Child, null, "unborn");
        }

        if (birthDate is { } birth)
        {
            if (birth > offenceDate)
            {
                throw new DomainValidationException($"{field}.birth_date", Texts.Format(LegalText.BirthDateAfterOffenceDate, birth.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), offenceDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
            }

            int age = AgeInYears(birth, offenceDate);
            if (age > MaxAge)
            {
                throw new DomainValidationException($"{field}.birth_date", Texts.Format(LegalText.BirthDateAgeTooHigh, age, MaxAge));
            }

            if (ageAtOffence is { } stated && stated != age)
            {
                throw new DomainValidationException($"{field}.age_at_offence", Texts.Format(LegalText.AgeDisagreesWithBirthDate, stated, age, offenceDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
            }

            return new VictimAge(IsChildOn(birth, offenceDate) ? ChildStatus.Child : ChildStatus.Adult, age, "birth_date");
        }

        if (ageAtOffence is { } years)
        {
            return new VictimAge(years < AdultAge ? ChildStatus.Child : ChildStatus.Adult, years, "age_at_offence");
        }

        return new VictimAge(ChildStatus.Unknown, null, "unknown");
    }

    /// <summary>Works out a victim's child status at an act that is not dated, from the report date: the act cannot be
    /// after the report, so a person under 18 on the report date was under 18 at the act (UU 21/2007 Pasal 1 angka 5;
    /// UU 35/2014 Pasal 1 angka 1). A person 18 or older on the report date may have been a child or an adult at the
    /// act: unknown.</summary>
    /// <param name="birthDate">The birth date, if recorded.</param>
    /// <param name="unborn">Whether the victim was still in the womb at the act.</param>
    /// <param name="reportedOn">The business date of the report (district zone).</param>
    /// <returns><see cref="ChildStatus.Child"/> when unborn or born and under 18 on <paramref name="reportedOn"/>
    /// (born 2008-05-01, reported 2026-03-02: 17, a child); otherwise <see cref="ChildStatus.Unknown"/> (born
    /// 2008-01-01, reported 2026-03-02: 18 at the report, unknown at the act).</returns>
    public static ChildStatus StatusAtUndatedAct(LocalDate? birthDate, bool unborn, LocalDate reportedOn) =>
        unborn || (birthDate is { } b && IsChildOn(b, reportedOn)) ? ChildStatus.Child : ChildStatus.Unknown;

    /// <summary>Works out whether a victim is certainly a child on a date after the act (e.g. the day consent is
    /// given), from what is recorded.</summary>
    /// <param name="birthDate">The birth date, if recorded (decides alone when present).</param>
    /// <param name="ageAtOffence">The age in completed years at the act, if recorded.</param>
    /// <param name="unborn">Whether the victim was still in the womb at the act.</param>
    /// <param name="offenceDate">The date of the act, if known.</param>
    /// <param name="date">The date to judge (district zone).</param>
    /// <returns><see cref="ChildStatus.Child"/> when under 18 on <paramref name="date"/> for every birth date the
    /// record allows; <see cref="ChildStatus.Adult"/> when 18 or older for every such birth date;
    /// <see cref="ChildStatus.Unknown"/> otherwise. With an age A at an act on O, the birth date lies in
    /// (O − (A+1) years, O − A years]: the person is certainly a child on <paramref name="date"/> when even the
    /// earliest of them (O − (A+1) years + 1 day) gives under 18, and certainly an adult when even the latest
    /// (O − A years) gives 18 or more. Without the act's date an age says nothing certain about a later date.</returns>
    public static ChildStatus StatusOn(LocalDate? birthDate, int? ageAtOffence, bool unborn, LocalDate? offenceDate, LocalDate date)
    {
        if (birthDate is { } birth)
        {
            return IsChildOn(birth, date) ? ChildStatus.Child : ChildStatus.Adult;
        }

        if (offenceDate is not { } offence)
        {
            return ChildStatus.Unknown;
        }

        if (unborn)
        {
            // Born after the act: the earliest birth date is the day after it.
            return IsChildOn(offence.PlusDays(1), date) ? ChildStatus.Child : ChildStatus.Unknown;
        }

        if (ageAtOffence is not { } age)
        {
            return ChildStatus.Unknown;
        }

        LocalDate earliestBirth = offence.PlusYears(-(age + 1)).PlusDays(1);
        LocalDate latestBirth = offence.PlusYears(-age);
        return IsChildOn(earliestBirth, date) ? ChildStatus.Child
            : !IsChildOn(latestBirth, date) ? ChildStatus.Adult
            : ChildStatus.Unknown;
    }
}

/// <summary>A victim's age at the act.</summary>
/// <param name="Status">Child, adult or unknown.</param>
/// <param name="AgeAtOffence">Completed years at the act, or <see langword="null"/> (unborn or unknown).</param>
/// <param name="Basis">What decided it: <c>birth_date</c>, <c>age_at_offence</c>, <c>unborn</c> or <c>unknown</c>.</param>
public sealed record VictimAge(ChildStatus Status, int? AgeAtOffence, string Basis);
