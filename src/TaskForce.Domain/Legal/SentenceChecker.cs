using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Legal;

/// <summary>The input of <c>sentence-check</c> as sent (docs/wire-contract.md): codes are validated by
/// <see cref="SentenceChecker.Check"/>, which names the field of any error.</summary>
public sealed record SentenceCheckRequest
{
    /// <summary>Gets the date of the act (tempus delicti). Required; not in the future.</summary>
    public LocalDate? OffenceDate { get; init; }

    /// <summary>Gets the date of judgment; today (district zone) when absent. Not before the act.</summary>
    public LocalDate? DecisionDate { get; init; }

    /// <summary>Gets the article id, e.g. <c>UU21-2007:2(1)</c>. Required.</summary>
    public string? Article { get; init; }

    /// <summary>Gets the participation code (<c>perpetrator</c>, <c>attempt</c>, <c>aiding</c>, <c>conspiracy</c>);
    /// <see langword="null"/> is perpetrator.</summary>
    public string? Participation { get; init; }

    /// <summary>Gets the aggravation ids, e.g. <c>UU21-2007:17</c>.</summary>
    public IReadOnlyList<string>? Aggravations { get; init; }

    /// <summary>Gets whether the offender is a corporation (UU 21/2007 Pasal 15).</summary>
    public bool Corporation { get; init; }

    /// <summary>Gets the sentence. Required.</summary>
    public SentenceFacts? Sentence { get; init; }
}

/// <summary>A sentence as imposed.</summary>
public sealed record SentenceFacts
{
    /// <summary>Gets the prison term in months (≥ 0), or <see langword="null"/> when none.</summary>
    public int? PrisonMonths { get; init; }

    /// <summary>Gets the fine in Rupiah (≥ 0), or <see langword="null"/>; 0 means no fine.</summary>
    public long? FineIdr { get; init; }

    /// <summary>Gets whether the sentence is life imprisonment.</summary>
    public bool LifeImprisonment { get; init; }
}

/// <summary>
/// Checks whether a sentence lies within the statutory range of the charged article, under the regime that governs
/// the act and the judgment (docs/wire-contract.md, <c>sentence-check</c>).
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Regime: an act before 2 January 2026 judged before that day is priced under the law as enacted; an act
/// from that day under the law as adjusted by KUHP 2023 / UU 1/2026; an earlier act judged from that day under
/// whichever of the two is more favourable to the offender (UU 1/2026 Pasal 3(1)), and the result says which and
/// why.</item>
/// <item>Range: <see cref="PenaltyTables"/> with aggravations (+1/3 or the Pasal 7(2) death range), participation
/// (UU 21/2007 Pasal 10-11: the base range), the corporate fine (Pasal 15: × 3) and the 20-year cap on determinate
/// prison; see <see cref="LegalEngineOptions"/> for the readings the statute leaves open.</item>
/// <item>Flags: prison below the minimum or above the maximum (life above a determinate maximum); fine below the
/// minimum or above the maximum. Under a cumulative regime ("dan") a missing prison term or fine counts as below the
/// minimum (the law requires both); under an alternative one ("atau", "dan/atau") a missing fine or prison term is
/// not below anything, but a sentence with neither is. A fine of 0 is no fine.</item>
/// </list>
/// Example: UU21-2007:2(1), act 2024-10-31, judged 2025-06-26, 60 months and Rp200,000,000 → UU21-2007,
/// 36-180 months and Rp120-600 juta cumulative, in range (PN Surabaya 622/Pid.Sus/2025).
/// </remarks>
public static class SentenceChecker
{
    /// <summary>Checks a sentence.</summary>
    /// <param name="request">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="clock">The clock (for "today": the default decision date and the future-date check).</param>
    /// <param name="options">The documented readings; <see langword="null"/> for <see cref="LegalEngineOptions.Default"/>.</param>
    /// <returns>The range and flags, or a "not supported" result when the tables do not know the article, law,
    /// regime or combination.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException"><c>offence_date</c> is missing or after today; <c>decision_date</c>
    /// is before the act; <c>article</c> is missing or malformed; <c>participation</c> or an aggravation id is
    /// unknown, or an aggravation does not apply to the article (<c>aggravations[i]</c>); <c>sentence</c> is missing,
    /// or its prison term or fine is negative, or a life sentence also gives months.</exception>
    public static SentenceCheckResult Check(SentenceCheckRequest request, IClock clock, LegalEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= LegalEngineOptions.Default;
        LocalDate today = DistrictTime.Today(clock, options.Zone);
        var (offence, decision) = Dates(request.OffenceDate, request.DecisionDate, today);
        string article = ArticleIds.Normalize(request.Article, "article");
        var participation = LegalCodes.ParseParticipation(request.Participation, "participation");
        var aggravations = ArticleIds.ParseAggravations(request.Aggravations, "aggravations");
        var sentence = request.Sentence ?? throw new DomainValidationException("sentence", LegalText.SentenceRequired);
        if (sentence.PrisonMonths < 0)
        {
            throw new DomainValidationException("sentence.prison_months", Texts.Format(LegalText.PrisonTermNegative, sentence.PrisonMonths));
        }

        if (sentence.FineIdr < 0)
        {
            throw new DomainValidationException("sentence.fine_idr", Texts.Format(LegalText.FineNegative, sentence.FineIdr));
        }

        if (sentence.LifeImprisonment && sentence.PrisonMonths is > 0)
        {
            throw new DomainValidationException("sentence.prison_months", LegalText.LifeSentenceHasNoMonths);
        }

        var (priced, compared, lexMitior, notSupported) = Resolve(article, aggravations, participation, request.Corporation, offence, decision, options, "aggravations");
        if (priced is null)
        {
            return new SentenceCheckResult { Supported = false, NotSupportedReason = notSupported, RegimesCompared = compared };
        }

        var notes = new List<string>();
        if (lexMitior is not null)
        {
            notes.Add(lexMitior);
        }

        notes.AddRange(priced.Notes);
        var flags = Flags(priced, sentence, notes);
        return new SentenceCheckResult
        {
            Supported = true,
            Regime = priced.Regime.Id,
            RegimesCompared = compared,
            PrisonMonths = priced.Prison,
            LifeImprisonment = priced.Life,
            FineIdr = priced.Fine,
            Penalties = priced.Mode == PenaltyMode.Cumulative ? PenaltiesCombination.Cumulative : PenaltiesCombination.Alternative,
            PenaltiesWording = Wording(priced.Mode),
            InRange = !(flags.PrisonLow || flags.PrisonHigh || flags.FineLow || flags.FineHigh),
            PrisonBelowMinimum = flags.PrisonLow,
            PrisonAboveMaximum = flags.PrisonHigh,
            FineBelowMinimum = flags.FineLow,
            FineAboveMaximum = flags.FineHigh,
            MinimumReading = options.RaiseMinimumWithAggravation ? "minimum_and_maximum" : "maximum_only",
            AggravationStacking = PenaltyCalculator.StackingCode(options.Stacking),
            Notes = notes,
            Warnings = priced.Warnings,
            Sources = priced.Sources,
        };
    }

    /// <summary>Validates dates: the act is required and not after today; judgment defaults to today and is not
    /// before the act.</summary>
    internal static (LocalDate Offence, LocalDate Decision) Dates(LocalDate? offenceDate, LocalDate? decisionDate, LocalDate today)
    {
        LocalDate offence = offenceDate ?? throw new DomainValidationException("offence_date", LegalText.OffenceDateRequired);
        if (offence > today)
        {
            throw new DomainValidationException("offence_date", Texts.Format(LegalText.OffenceDateInFuture, offence.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        LocalDate decision = decisionDate ?? today;
        if (decision < offence)
        {
            throw new DomainValidationException("decision_date", Texts.Format(LegalText.DecisionDateBeforeOffenceDate, decision.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), offence.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        return (offence, decision);
    }

    /// <summary>Selects the regime(s), checks aggravations against the article, prices and applies lex mitior.</summary>
    internal static (PricedRange? Range, IReadOnlyList<string> Compared, string? LexMitior, string? NotSupported) Resolve(
        string article, IReadOnlyList<string> aggravations, LegalParticipation participation, bool corporation, LocalDate offence, LocalDate decision, LegalEngineOptions options, string aggravationsField)
    {
        string law = ArticleIds.LawOf(article);
        for (int i = 0; i < aggravations.Count; i++)
        {
            var rules = PenaltyTables.Aggravations.Where(a => a.Id == aggravations[i]).ToList();
            if (ArticleIds.LawOf(aggravations[i]) != law || (rules.Count > 0 && rules.All(r => !r.AppliesTo.Contains(article))))
            {
                string appliesTo = rules.Count > 0 ? string.Join(", ", rules[0].AppliesTo) : LegalText.AnotherLaw;
                throw new DomainValidationException($"{aggravationsField}[{i}]", Texts.Format(LegalText.AggravationNotForArticle, aggravations[i], article, appliesTo));
            }
        }

        var (regimes, notSupported) = PenaltyCalculator.Applicable(law, offence, decision);
        if (notSupported is not null)
        {
            return (null, [], null, notSupported);
        }

        var priced = new List<PricedRange>();
        foreach (var regime in regimes)
        {
            var outcome = PenaltyCalculator.Price(regime, article, participation, aggravations, corporation, options);
            if (outcome.Range is null)
            {
                return (null, regimes.Select(r => r.Id).ToList(), null, outcome.NotSupported);
            }

            priced.Add(outcome.Range);
        }

        if (priced.Count == 1)
        {
            return (priced[0], [], null, null);
        }

        var (chosen, reason) = PenaltyCalculator.MoreFavourable(priced[0], priced[1]);
        return (chosen, priced.Select(p => p.Regime.Id).ToList(), reason, null);
    }

    private static (bool PrisonLow, bool PrisonHigh, bool FineLow, bool FineHigh) Flags(PricedRange range, SentenceFacts sentence, List<string> notes)
    {
        int months = sentence.PrisonMonths ?? 0;
        long fine = sentence.FineIdr ?? 0;
        bool hasPrison = months > 0 || sentence.LifeImprisonment;
        bool hasFine = fine > 0;
        bool cumulative = range.Mode == PenaltyMode.Cumulative;
        bool prisonLow = false, prisonHigh = false, fineLow = false, fineHigh = false;

        if (range.Prison is null)
        {
            prisonHigh = hasPrison;
            if (hasPrison)
            {
                notes.Add(LegalText.PrisonForFineOnlyOffender);
            }
        }
        else if (sentence.LifeImprisonment)
        {
            prisonHigh = !range.Life;
        }
        else if (hasPrison)
        {
            prisonLow = months < range.Prison.Min;
            prisonHigh = months > range.Prison.Max;
        }
        else if (cumulative || !hasFine)
        {
            prisonLow = true;
            notes.Add(cumulative ? LegalText.NoPrisonCumulative : LegalText.NeitherPrisonNorFine);
        }

        if (hasFine)
        {
            fineLow = fine < range.Fine.Min;
            fineHigh = fine > range.Fine.Max;
        }
        else if (cumulative || (!hasPrison && range.Prison is not null) || range.Prison is null)
        {
            fineLow = true;
            notes.Add(cumulative ? LegalText.NoFineCumulative : LegalText.NoFineNoOtherPenalty);
        }
        else
        {
            notes.Add(LegalText.NoFineAlternative);
        }

        if (range.Mode == PenaltyMode.Alternative && hasPrison && hasFine)
        {
            notes.Add(LegalText.BothPrisonAndFineAlternative);
        }

        if (prisonLow && hasPrison)
        {
            notes.Add(Texts.Format(LegalText.PrisonBelowMinimum, months, range.Prison!.Min));
        }

        if (prisonHigh && range.Prison is not null && !sentence.LifeImprisonment)
        {
            notes.Add(Texts.Format(LegalText.PrisonAboveMaximum, months, range.Prison.Max));
        }

        if (fineLow && hasFine)
        {
            notes.Add(Texts.Format(LegalText.FineBelowMinimum, fine.ToString("N0", CultureInfo.InvariantCulture), range.Fine.Min.ToString("N0", CultureInfo.InvariantCulture)));
        }

        if (fineHigh)
        {
            notes.Add(Texts.Format(LegalText.FineAboveMaximum, fine.ToString("N0", CultureInfo.InvariantCulture), range.Fine.Max.ToString("N0", CultureInfo.InvariantCulture)));
        }

        return (prisonLow, prisonHigh, fineLow, fineHigh);
    }

    internal static string Wording(PenaltyMode mode) => mode switch
    {
        PenaltyMode.Alternative => "atau",
        PenaltyMode.CumulativeAlternative => "dan/atau",
        _ => "dan",
    };
}
