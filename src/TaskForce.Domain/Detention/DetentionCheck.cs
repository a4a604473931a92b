using NodaTime;

namespace TaskForce.Domain.Detention;

/// <summary>One recorded detention period, as printed or entered. Nothing is corrected.</summary>
/// <param name="Stage">The stage, or <see langword="null"/> when it could not be recognised (e.g. an unrecognised
/// verdict label); such a period is reported, never guessed.</param>
/// <param name="From">The first day of detention, or <see langword="null"/> when missing.</param>
/// <param name="To">The last day of detention, or <see langword="null"/> when missing.</param>
/// <param name="Label">The label as printed (e.g. in a verdict), echoed in the result; optional.</param>
/// <param name="Type">Where the detainee was held; city or house arrest still counts against the stage's limit
/// (KUHAP Pasal 22).</param>
public sealed record DetentionPeriodInput(DetentionStage? Stage, LocalDate? From, LocalDate? To, string? Label = null, DetentionType Type = DetentionType.Rutan);

/// <summary>The input of <c>detention-check</c> (docs/wire-contract.md).</summary>
public sealed record DetentionCheckRequest
{
    /// <summary>The most periods accepted.</summary>
    public const int MaxPeriods = 200;

    /// <summary>Gets the article the person is detained under, as an id such as <c>UU21-2007:2(1)</c>; decides whether
    /// Pasal 29 extensions are available.</summary>
    /// <value><see langword="null"/> when unknown (Pasal 29 periods are then reported with a warning).</value>
    public string? Article { get; init; }

    /// <summary>Gets the offence date, if known.</summary>
    /// <value>A business date.</value>
    public LocalDate? OffenceDate { get; init; }

    /// <summary>Gets the arrest date, if known.</summary>
    /// <value>A business date.</value>
    public LocalDate? ArrestDate { get; init; }

    /// <summary>Gets the detention periods in the order recorded.</summary>
    /// <value>At most <see cref="MaxPeriods"/> entries.</value>
    public IReadOnlyList<DetentionPeriodInput> Periods { get; init; } = [];

    /// <summary>Gets whether a doctor certified a serious physical or mental disorder (KUHAP Pasal 29(1)(a)), which
    /// allows Pasal 29 extensions whatever the offence.</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool SeriousDisorderCertified { get; init; }

    /// <summary>Gets how many days before <c>release_by_law</c> a warning is raised.</summary>
    /// <value>In [0, 365]; 7 by default (a project choice, not a legal rule).</value>
    public int WarningDays { get; init; } = 7;
}

/// <summary>One period of a <c>detention-check</c> result; property names map to the contract's snake_case fields.</summary>
/// <param name="Index">The 0-based position in the input.</param>
/// <param name="Stage">The stage code, or <c>unrecognised</c>.</param>
/// <param name="Label">The printed label, if given.</param>
/// <param name="DetentionType"><c>rutan</c>, <c>tahanan_rumah</c> or <c>tahanan_kota</c>.</param>
/// <param name="From">The first day, as given.</param>
/// <param name="To">The last day, as given.</param>
/// <param name="Days">Days counted inclusively (3 to 22 March is 20), or <see langword="null"/> when a date is missing
/// or the period ends before it starts.</param>
/// <param name="LimitDays">The stage's legal maximum in days, or <see langword="null"/> when none can be checked.</param>
/// <param name="OverLimit">Whether <paramref name="Days"/> exceeds <paramref name="LimitDays"/>.</param>
/// <param name="OverlapDaysWithPrevious">Days of this period already covered by periods that started earlier
/// (chronologically, not in listing order); <see langword="null"/> for unusable periods and suspensions.</param>
/// <param name="GapDaysBefore">Days between the latest end of the earlier periods and this start, covered by no
/// detention order; 0 for the first period; <see langword="null"/> for unusable periods and suspensions.</param>
/// <param name="LegalBasis">The article of the stage under the period's regime.</param>
/// <param name="Regime"><c>KUHAP-1981</c> or <c>KUHAP-2025</c>, chosen by the period's start date (or its end date
/// when the start is missing); <see langword="null"/> when both dates are missing.</param>
/// <param name="RegimeConfirmed">Whether that regime's limits are confirmed.</param>
/// <param name="Problems">The problem codes of this period.</param>
public sealed record DetentionPeriodResult(
    int Index,
    string Stage,
    string? Label,
    string DetentionType,
    LocalDate? From,
    LocalDate? To,
    int? Days,
    int? LimitDays,
    bool OverLimit,
    int? OverlapDaysWithPrevious,
    int? GapDaysBefore,
    string? LegalBasis,
    string? Regime,
    bool? RegimeConfirmed,
    IReadOnlyList<string> Problems);

/// <summary>A problem found in a chain: kept as printed and reported, never corrected.</summary>
/// <param name="Code">A stable snake_case code (see <see cref="DetentionLedger"/>).</param>
/// <param name="PeriodIndex">The 0-based period it concerns, or <see langword="null"/> for the whole chain.</param>
/// <param name="Message">A plain-language explanation with dates.</param>
public sealed record DetentionProblem(string Code, int? PeriodIndex, string Message);

/// <summary>Something the reader must know that is not a defect of the chain (unconfirmed law, a coming deadline).</summary>
/// <param name="Code">A stable snake_case code.</param>
/// <param name="Message">A plain-language explanation.</param>
public sealed record DetentionWarning(string Code, string Message);

/// <summary>The result of <c>detention-check</c>, shaped like the contract's JSON so adapters only serialize it
/// (System.Text.Json with <c>JsonNamingPolicy.SnakeCaseLower</c> and the NodaTime converters gives the contract's
/// field names: <c>limit_days</c>, <c>overlap_days_with_previous</c>, <c>release_by_law</c>...).</summary>
/// <param name="Regime"><c>KUHAP-1981</c>, <c>KUHAP-2025</c>, <c>mixed</c> when periods use both, or
/// <see langword="null"/> when no period has a date.</param>
/// <param name="Periods">One result per input period, in input order.</param>
/// <param name="TotalDays">Distinct calendar days covered by detention (suspensions and unusable periods excluded), so
/// overlapping orders are not double-counted.</param>
/// <param name="Problems">Problems, in period order, then chain-level ones.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="ReleaseByLaw">The day the current detention ends by law: the end of the latest-ending order, or the
/// last day its legal limit allows if earlier; <see langword="null"/> when no usable period exists or detention is
/// suspended.</param>
/// <param name="AsOf">The business date the warnings were computed for, if any.</param>
/// <param name="DaysUntilReleaseByLaw"><paramref name="ReleaseByLaw"/> − <paramref name="AsOf"/> in days (negative
/// when past), or <see langword="null"/>.</param>
public sealed record DetentionCheckResult(
    string? Regime,
    IReadOnlyList<DetentionPeriodResult> Periods,
    int TotalDays,
    IReadOnlyList<DetentionProblem> Problems,
    IReadOnlyList<DetentionWarning> Warnings,
    LocalDate? ReleaseByLaw,
    LocalDate? AsOf,
    int? DaysUntilReleaseByLaw);
