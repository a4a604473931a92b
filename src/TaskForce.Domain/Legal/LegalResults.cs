namespace TaskForce.Domain.Legal;

/// <summary>A closed range of whole months, [Min, Max]. No minimum is <c>Min = 0</c> (docs/wire-contract.md).</summary>
/// <param name="Min">The minimum in months, ≥ 0.</param>
/// <param name="Max">The maximum in months, ≥ <paramref name="Min"/>.</param>
public sealed record MonthRange(int Min, int Max);

/// <summary>A closed range of Rupiah, [Min, Max]. No minimum is <c>Min = 0</c>.</summary>
/// <param name="Min">The minimum in Rupiah, ≥ 0.</param>
/// <param name="Max">The maximum in Rupiah, ≥ <paramref name="Min"/>.</param>
public sealed record RupiahRange(long Min, long Max);

/// <summary>The contract's <c>penalties</c> value: whether prison and fine must both be imposed.</summary>
public enum PenaltiesCombination
{
    /// <summary>Both are required ("dan"). Wire <c>cumulative</c>.</summary>
    Cumulative = 1,

    /// <summary>Either may stand alone ("atau", "dan/atau"); a missing fine is not below a minimum. Wire <c>alternative</c>.</summary>
    Alternative = 2,
}

/// <summary>
/// The result of <c>sentence-check</c>: the statutory range for the charged article under the regime that governs
/// the case, and on which side a sentence falls outside it. The shape maps 1:1 onto docs/wire-contract.md when
/// serialized with <c>JsonNamingPolicy.SnakeCaseLower</c> and <c>JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)</c>.
/// </summary>
/// <remarks>When <see cref="Supported"/> is <see langword="false"/> the engine does not know the article, the
/// regime or the combination asked; the range and flags are <see langword="null"/> and
/// <see cref="NotSupportedReason"/> says why. It never guesses.</remarks>
public sealed record SentenceCheckResult
{
    /// <summary>Gets a value indicating whether the engine could check the sentence.</summary>
    public bool Supported { get; init; }

    /// <summary>Gets why the check is not supported, or <see langword="null"/>.</summary>
    public string? NotSupportedReason { get; init; }

    /// <summary>Gets the regime used, e.g. <c>UU21-2007</c> or <c>UU21-2007+UU1-2026</c>.</summary>
    public string? Regime { get; init; }

    /// <summary>Gets the regimes compared under lex mitior (UU 1/2026 Pasal 3), empty when only one applied.</summary>
    public IReadOnlyList<string> RegimesCompared { get; init; } = [];

    /// <summary>Gets the prison range in months, or <see langword="null"/> when prison cannot be imposed (a
    /// corporation) or the check is not supported.</summary>
    public MonthRange? PrisonMonths { get; init; }

    /// <summary>Gets a value indicating whether life imprisonment is the upper bound (UU 21/2007 Pasal 7(2)).</summary>
    public bool LifeImprisonment { get; init; }

    /// <summary>Gets the fine range in Rupiah.</summary>
    public RupiahRange? FineIdr { get; init; }

    /// <summary>Gets whether prison and fine are cumulative or alternative under the regime.</summary>
    public PenaltiesCombination? Penalties { get; init; }

    /// <summary>Gets the statute's wording of the combination: <c>dan</c>, <c>atau</c> or <c>dan/atau</c>.</summary>
    public string? PenaltiesWording { get; init; }

    /// <summary>Gets a value indicating whether the sentence lies within every bound.</summary>
    public bool? InRange { get; init; }

    /// <summary>Gets a value indicating whether the prison term is below the minimum (or missing where required).</summary>
    public bool? PrisonBelowMinimum { get; init; }

    /// <summary>Gets a value indicating whether the prison term is above the maximum.</summary>
    public bool? PrisonAboveMaximum { get; init; }

    /// <summary>Gets a value indicating whether the fine is below the minimum (or missing where required).</summary>
    public bool? FineBelowMinimum { get; init; }

    /// <summary>Gets a value indicating whether the fine is above the maximum.</summary>
    public bool? FineAboveMaximum { get; init; }

    /// <summary>Gets the reading of "+1/3" used for the minimum: <c>maximum_only</c> or <c>minimum_and_maximum</c>.</summary>
    public string? MinimumReading { get; init; }

    /// <summary>Gets the stacking policy used for several aggravations: <c>additive</c>, <c>compound</c> or <c>once</c>.</summary>
    public string? AggravationStacking { get; init; }

    /// <summary>Gets how the range was built and what the flags mean, in order.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets what is unconfirmed in the data used (each names its source).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets the legal sources of the rows used, with their confidence tags.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}

/// <summary>One candidate charge of <c>qualify</c> with its statutory range.</summary>
public sealed record ChargeCandidate
{
    /// <summary>Gets the article id, e.g. <c>UU21-2007:2(1)</c>.</summary>
    public required string Article { get; init; }

    /// <summary>Gets the aggravation ids applied, e.g. <c>UU21-2007:17</c>.</summary>
    public IReadOnlyList<string> Aggravations { get; init; } = [];

    /// <summary>Gets the regime the range is taken from.</summary>
    public required string Regime { get; init; }

    /// <summary>Gets the prison range, or <see langword="null"/> for a corporation.</summary>
    public MonthRange? PrisonMonths { get; init; }

    /// <summary>Gets a value indicating whether life imprisonment is the upper bound.</summary>
    public bool LifeImprisonment { get; init; }

    /// <summary>Gets the fine range.</summary>
    public required RupiahRange FineIdr { get; init; }

    /// <summary>Gets whether prison and fine are cumulative or alternative.</summary>
    public PenaltiesCombination Penalties { get; init; }

    /// <summary>Gets a value indicating whether every row used is confirmed.</summary>
    public bool Confirmed { get; init; }

    /// <summary>Gets why this article is suggested, with its source.</summary>
    public required string Basis { get; init; }
}

/// <summary>
/// The result of <c>qualify</c>: is it trafficking, and what can be charged. Maps 1:1 onto docs/wire-contract.md
/// (snake_case names, snake_case enum values).
/// </summary>
public sealed record QualificationResult
{
    /// <summary>Gets the HTCDS status.</summary>
    public TraffickingStatus Status { get; init; }

    /// <summary>Gets which elements are present.</summary>
    public required ElementsPresent Elements { get; init; }

    /// <summary>Gets a value indicating whether the child rule (no means needed) decided the status.</summary>
    public bool ChildRuleApplied { get; init; }

    /// <summary>Gets the regime of the main (UU 21/2007) charges.</summary>
    public required string Regime { get; init; }

    /// <summary>Gets the regimes compared under lex mitior for the main charges.</summary>
    public IReadOnlyList<string> RegimesCompared { get; init; } = [];

    /// <summary>Gets the reasons, with sources, in order.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Gets the candidate charges: UU 21/2007 first, then the alternatives (UU 18/2017, UU 35/2014, UU 12/2022).</summary>
    public IReadOnlyList<ChargeCandidate> Charges { get; init; } = [];

    /// <summary>Gets what limits the answer (unconfirmed data, unknown ages).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets a value indicating whether an offence the victim committed under coercion is not punishable (Pasal 18).</summary>
    public bool VictimNotPunishable { get; init; }

    /// <summary>Gets a value indicating whether the case is also sexual violence under UU 12/2022 Pasal 4(2) (trafficking
    /// for sexual exploitation): TPKS procedure and restitution rules apply too.</summary>
    public bool TpksOverlap { get; init; }
}

/// <summary>Whether an offence may be stopped at prosecution on restorative-justice grounds, with the source.</summary>
/// <param name="Article">The article id assessed.</param>
/// <param name="Supported">Whether the tables price the article at the dates given; when <see langword="false"/>,
/// <paramref name="Eligible"/> is <see langword="null"/> and <paramref name="Reasons"/> says why.</param>
/// <param name="Eligible">Whether the penalty threat allows it; <see langword="false"/> for every TPPO article of
/// UU 21/2007; <see langword="null"/> when not supported.</param>
/// <param name="Regime">The regime whose threat was compared, or <see langword="null"/>.</param>
/// <param name="Reasons">Why, each with its source.</param>
/// <param name="Warnings">What is unconfirmed.</param>
public sealed record RestorativeJusticeAssessment(string Article, bool Supported, bool? Eligible, string? Regime, IReadOnlyList<string> Reasons, IReadOnlyList<string> Warnings);
