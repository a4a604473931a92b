using NodaTime;

namespace TaskForce.Domain.Legal;

/// <summary>How prison and fine combine in a statutory threat.</summary>
public enum PenaltyMode
{
    /// <summary>Prison <em>and</em> fine ("dan"): both must be imposed. Contract <c>penalties</c>: <c>cumulative</c>.</summary>
    Cumulative = 1,

    /// <summary>Prison <em>or</em> fine ("atau"). Contract <c>penalties</c>: <c>alternative</c>.</summary>
    Alternative = 2,

    /// <summary>Prison and/or fine ("dan/atau"): either or both. Contract <c>penalties</c>: <c>alternative</c> (a
    /// missing fine is not below a minimum).</summary>
    CumulativeAlternative = 3,
}

/// <summary>What an aggravation does to the base range.</summary>
public enum AggravationEffect
{
    /// <summary>The threat is raised by one third ("ditambah 1/3"): the maximum always, the minimum only under the
    /// <see cref="LegalEngineOptions.RaiseMinimumWithAggravation"/> reading.</summary>
    PlusOneThird = 1,

    /// <summary>The base range is replaced by the death range of UU 21/2007 Pasal 7(2).</summary>
    DeathRange = 2,
}

/// <summary>
/// A legal regime: one law in one version, with the offence dates it governs. Penalty rows, aggravations and
/// participation rules are keyed by regime id (docs/decisions/ADR-003-legal-regimes-as-data.md).
/// </summary>
/// <param name="Id">The regime id as written in results, e.g. <c>UU21-2007</c> or <c>UU21-2007+UU1-2026</c>.</param>
/// <param name="LawId">The law whose articles it prices, as in article ids (<c>UU21-2007</c>).</param>
/// <param name="Title">The regime in words.</param>
/// <param name="OffencesFrom">The first offence date it governs (the law's entry into force).</param>
/// <param name="OffencesBefore">The first offence date it no longer governs, or <see langword="null"/> when open.</param>
/// <param name="IsAdjusted2026">Whether this is the version adjusted by KUHP 2023 / UU 1/2026 (in force 2 January
/// 2026), which also governs earlier acts judged from that day when more favourable (UU 1/2026 Pasal 3).</param>
/// <param name="DeterminatePrisonCapMonths">The longest determinate prison term, in months (240: KUHP Pasal 12(4);
/// UU 1/2023 Pasal 65 [R]).</param>
/// <param name="Confirmed">Whether the regime's dates are confirmed.</param>
/// <param name="Source">Where the dates come from.</param>
public sealed record LegalRegime(
    string Id,
    string LawId,
    string Title,
    LocalDate OffencesFrom,
    LocalDate? OffencesBefore,
    bool IsAdjusted2026,
    int DeterminatePrisonCapMonths,
    bool Confirmed,
    string Source);

/// <summary>
/// The statutory threat of one article under one regime: prison in months and fine in Rupiah, as closed intervals,
/// and how they combine. A row with <see cref="Confirmed"/> false is recalled or derived, not read in a retrieved
/// copy of the law: results built on it carry a warning.
/// </summary>
/// <param name="RegimeId">The regime.</param>
/// <param name="ArticleId">The article id, e.g. <c>UU21-2007:2(1)</c> (docs/wire-contract.md).</param>
/// <param name="Offence">The conduct, paraphrased.</param>
/// <param name="PrisonMinMonths">Special minimum prison in months, 0 when none.</param>
/// <param name="PrisonMaxMonths">Maximum determinate prison in months.</param>
/// <param name="LifeImprisonment">Whether life imprisonment is the upper bound (UU 21/2007 Pasal 7(2)).</param>
/// <param name="FineMinIdr">Special minimum fine in Rupiah, 0 when none.</param>
/// <param name="FineMaxIdr">Maximum fine in Rupiah (for a category, its Rupiah amount).</param>
/// <param name="FineMaxCategory">The KUHP 2023 Pasal 79 fine category of the maximum, or <see langword="null"/>.</param>
/// <param name="Mode">How prison and fine combine.</param>
/// <param name="Confirmed">Whether the row is confirmed from a retrieved source.</param>
/// <param name="Source">The legal source and where it was read, with the reference's confidence tag.</param>
public sealed record StatutoryPenalty(
    string RegimeId,
    string ArticleId,
    string Offence,
    int PrisonMinMonths,
    int PrisonMaxMonths,
    bool LifeImprisonment,
    long FineMinIdr,
    long FineMaxIdr,
    int? FineMaxCategory,
    PenaltyMode Mode,
    bool Confirmed,
    string Source);

/// <summary>An aggravation of a regime and the articles it applies to.</summary>
/// <param name="RegimeId">The regime.</param>
/// <param name="Id">The aggravation id, e.g. <c>UU21-2007:17</c> (docs/wire-contract.md).</param>
/// <param name="Title">The circumstance in words.</param>
/// <param name="AppliesTo">The article ids it can aggravate.</param>
/// <param name="Effect">What it does.</param>
/// <param name="Confirmed">Whether confirmed.</param>
/// <param name="Source">The source.</param>
public sealed record AggravationRule(
    string RegimeId,
    string Id,
    string Title,
    IReadOnlyList<string> AppliesTo,
    AggravationEffect Effect,
    bool Confirmed,
    string Source);

/// <summary>How a form of participation changes an article's range under a regime.</summary>
/// <param name="RegimeId">The regime.</param>
/// <param name="Participation">The form.</param>
/// <param name="AppliesTo">The article ids the rule covers; other articles with this form are not supported.</param>
/// <param name="MaxNumerator">The maximum is multiplied by <paramref name="MaxNumerator"/>/<paramref name="MaxDenominator"/>.</param>
/// <param name="MaxDenominator">See <paramref name="MaxNumerator"/>.</param>
/// <param name="KeepsSpecialMinimum">Whether a special minimum still applies; <see langword="null"/> when the law
/// does not settle it (an article with a special minimum is then not supported).</param>
/// <param name="Confirmed">Whether confirmed.</param>
/// <param name="Source">The source.</param>
public sealed record ParticipationRule(
    string RegimeId,
    LegalParticipation Participation,
    IReadOnlyList<string> AppliesTo,
    int MaxNumerator,
    int MaxDenominator,
    bool? KeepsSpecialMinimum,
    bool Confirmed,
    string Source);

/// <summary>The corporate fine rule of a regime (UU 21/2007 Pasal 15: the fine of Pasal 2–6 times three).</summary>
/// <param name="RegimeId">The regime.</param>
/// <param name="AppliesTo">The article ids it covers.</param>
/// <param name="FineFactor">The factor on the fine range.</param>
/// <param name="Confirmed">Whether confirmed.</param>
/// <param name="Source">The source.</param>
public sealed record CorporateRule(string RegimeId, IReadOnlyList<string> AppliesTo, int FineFactor, bool Confirmed, string Source);

/// <summary>A fine category of the 2023 criminal code (UU 1/2023 Pasal 79).</summary>
/// <param name="Category">The category number, 1–8.</param>
/// <param name="AmountIdr">Its maximum in Rupiah.</param>
/// <param name="Confirmed">Whether the amount is confirmed.</param>
/// <param name="Source">The source.</param>
public sealed record FineCategory(int Category, long AmountIdr, bool Confirmed, string Source);
