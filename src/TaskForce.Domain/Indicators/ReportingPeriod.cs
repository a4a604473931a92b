using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Indicators;

/// <summary>The length of a reporting period.</summary>
public enum PeriodKind
{
    /// <summary>A calendar month, label <c>YYYY-MM</c>.</summary>
    Month = 1,

    /// <summary>A calendar quarter, label <c>YYYY-Qn</c> with n in [1, 4].</summary>
    Quarter = 2,

    /// <summary>A half year (semester), label <c>YYYY-Sn</c> with n in [1, 2].</summary>
    Semester = 3,

    /// <summary>A calendar year, label <c>YYYY</c>.</summary>
    Year = 4,
}

/// <summary>
/// A reporting period: a closed range of business dates [<see cref="Start"/>, <see cref="End"/>] in the district's
/// time zone, as the snapshot contract defines it (docs/wire-contract.md, <c>snapshot</c>).
/// </summary>
/// <remarks>
/// Periods are calendar periods of the ISO calendar. An event belongs to a period when its business date in the
/// district zone lies in the range, so an instant of 2025-03-31T15:30:00Z (23:30 WITA on 31 March) belongs to
/// 2025-Q1, and 2025-03-31T16:30:00Z (00:30 WITA on 1 April) to 2025-Q2. This avoids the time-zone shift of
/// Primero's KPIs (docs/sources.md#primero).
/// Example: <c>Parse("2024-S2")</c> is 1 July 2024 to 31 December 2024, 184 days.
/// </remarks>
public sealed partial record ReportingPeriod
{
    private ReportingPeriod(string label, PeriodKind kind, LocalDate start, LocalDate end)
    {
        Label = label;
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>Gets the canonical label, e.g. <c>2025</c>, <c>2025-Q3</c>, <c>2025-S1</c> or <c>2025-07</c>.</summary>
    /// <value>The label the period was parsed from, in canonical form.</value>
    public string Label { get; }

    /// <summary>Gets the kind of period.</summary>
    /// <value>Month, quarter, semester or year.</value>
    public PeriodKind Kind { get; }

    /// <summary>Gets the first business date of the period (inclusive).</summary>
    /// <value>A date in the ISO calendar.</value>
    public LocalDate Start { get; }

    /// <summary>Gets the last business date of the period (inclusive).</summary>
    /// <value>A date in the ISO calendar, never before <see cref="Start"/>.</value>
    public LocalDate End { get; }

    /// <summary>The earliest year of a period: 1900.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year of a period: 9998. Counting a period needs the day after its end (the exclusive upper
    /// bound of its instants), and the ISO calendar of NodaTime ends on 9999-12-31, so 9999 cannot be counted.</summary>
    public const int MaxYear = 9998;

    /// <summary>Parses a period label.</summary>
    /// <param name="label">One of <c>YYYY</c>, <c>YYYY-Qn</c> (n in [1, 4]), <c>YYYY-Sn</c> (n in [1, 2]) or
    /// <c>YYYY-MM</c> (MM in [01, 12]); the year in [<see cref="MinYear"/>, <see cref="MaxYear"/>] = [1900, 9998].</param>
    /// <returns>The period.</returns>
    /// <exception cref="DomainValidationException">The label is empty or in none of these shapes, or the year is
    /// outside [1900, 9998] (field <c>period</c>).</exception>
    public static ReportingPeriod Parse(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new DomainValidationException("period", IndicatorsText.PeriodRequired);
        }

        var match = LabelPattern().Match(label.Trim());
        if (!match.Success)
        {
            throw new DomainValidationException("period", Texts.Format(IndicatorsText.PeriodInvalid, label));
        }

        int year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainValidationException("period", Texts.Format(IndicatorsText.PeriodYearOutOfRange, year, MinYear, MaxYear));
        }

        if (match.Groups["q"].Success)
        {
            int q = match.Groups["q"].Value[0] - '0';
            var start = new LocalDate(year, ((q - 1) * 3) + 1, 1);
            return new ReportingPeriod($"{year:D4}-Q{q}", PeriodKind.Quarter, start, start.PlusMonths(3).PlusDays(-1));
        }

        if (match.Groups["s"].Success)
        {
            int s = match.Groups["s"].Value[0] - '0';
            var start = new LocalDate(year, ((s - 1) * 6) + 1, 1);
            return new ReportingPeriod($"{year:D4}-S{s}", PeriodKind.Semester, start, start.PlusMonths(6).PlusDays(-1));
        }

        if (match.Groups["m"].Success)
        {
            int m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var start = new LocalDate(year, m, 1);
            return new ReportingPeriod($"{year:D4}-{m:D2}", PeriodKind.Month, start, start.PlusMonths(1).PlusDays(-1));
        }

        return new ReportingPeriod($"{year:D4}", PeriodKind.Year, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
    }

    /// <summary>Returns the period of the given kind that contains a business date.</summary>
    /// <param name="kind">The kind of period.</param>
    /// <param name="date">A business date in the district zone.</param>
    /// <returns>The containing period, e.g. 2025-Q2 for 1 April 2025.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static ReportingPeriod Containing(PeriodKind kind, LocalDate date) => kind switch
    {
        PeriodKind.Year => Parse($"{date.Year:D4}"),
        PeriodKind.Semester => Parse($"{date.Year:D4}-S{((date.Month - 1) / 6) + 1}"),
        PeriodKind.Quarter => Parse($"{date.Year:D4}-Q{((date.Month - 1) / 3) + 1}"),
        PeriodKind.Month => Parse($"{date.Year:D4}-{date.Month:D2}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    /// <summary>Returns the period of the same kind immediately before this one.</summary>
    /// <returns>For example 2024-Q4 for 2025-Q1.</returns>
    public ReportingPeriod Previous() => Containing(Kind, Start.PlusDays(-1));

    /// <summary>Gets the number of days in the period, counted inclusively.</summary>
    /// <value>Days in [28, 366].</value>
    public int DayCount => Period.Between(Start, End, PeriodUnits.Days).Days + 1;

    /// <summary>Tells whether a business date lies in the period (both ends inclusive).</summary>
    /// <param name="date">A business date in the district zone.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ <paramref name="date"/> ≤ <see cref="End"/>.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Tells whether an instant falls in the period once converted to a business date in a zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The district zone.</param>
    /// <returns><see langword="true"/> when the instant's business date lies in the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public bool Contains(Instant instant, DateTimeZone zone) => Contains(DistrictTime.BusinessDate(instant, zone));

    /// <inheritdoc/>
    public override string ToString() => Label;

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:Q(?<q>[1-4])|S(?<s>[12])|(?<m>0[1-9]|1[0-2])))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
