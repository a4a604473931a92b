using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Legal;

/// <summary>A statutory range computed for one article under one regime, with how it was built.</summary>
internal sealed record PricedRange(
    LegalRegime Regime,
    MonthRange? Prison,
    bool Life,
    RupiahRange Fine,
    PenaltyMode Mode,
    bool Confirmed,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Sources);

/// <summary>Either a priced range or the reason the tables cannot price the request.</summary>
internal sealed record PriceOutcome(PricedRange? Range, string? NotSupported)
{
    public static PriceOutcome No(string reason) => new(null, reason);
}

/// <summary>
/// Builds statutory ranges from <see cref="PenaltyTables"/>: base row, aggravations (+1/3 per the stacking option,
/// or the Pasal 7(2) death range), participation, corporate fine, and the 20-year cap on determinate prison.
/// Arithmetic is exact on integers: a raised maximum is rounded down, a raised minimum up (whole months, whole
/// Rupiah), so a computed range never claims more severity than the statute.
/// </summary>
internal static class PenaltyCalculator
{
    internal static PriceOutcome Price(LegalRegime regime, string articleId, LegalParticipation participation, IReadOnlyList<string> aggravations, bool corporation, LegalEngineOptions options)
    {
        var notes = new List<string>();
        var warnings = new List<string>();
        var sources = new List<string>();
        bool confirmed = true;

        void Use(bool isConfirmed, string source, string what)
        {
            if (!sources.Contains(source))
            {
                sources.Add(source);
            }

            if (!isConfirmed)
            {
                confirmed = false;
                string w = Texts.Format(LegalText.UnconfirmedSource, what, regime.Id, source);
                if (!warnings.Contains(w))
                {
                    warnings.Add(w);
                }
            }
        }

        var baseRow = PenaltyTables.Penalty(regime.Id, articleId);
        if (baseRow is null)
        {
            return PriceOutcome.No(Texts.Format(LegalText.NoPenaltyRow, articleId, regime.Id, regime.Title));
        }

        Use(baseRow.Confirmed, baseRow.Source, Texts.Format(LegalText.WhatThreatOf, articleId));

        var rules = new List<AggravationRule>();
        foreach (string id in aggravations)
        {
            var rule = PenaltyTables.Aggravations.FirstOrDefault(a => a.RegimeId == regime.Id && a.Id == id);
            if (rule is null)
            {
                return PriceOutcome.No(Texts.Format(LegalText.AggravationNotEncoded, id, regime.Id));
            }

            Use(rule.Confirmed, rule.Source, $"aggravation {id}");
            rules.Add(rule);
        }

        StatutoryPenalty row = baseRow;
        var death = rules.FirstOrDefault(r => r.Effect == AggravationEffect.DeathRange);
        var plus = rules.Where(r => r.Effect == AggravationEffect.PlusOneThird).ToList();
        if (death is not null)
        {
            var deathRow = PenaltyTables.Penalty(regime.Id, "UU21-2007:7(2)");
            if (deathRow is null)
            {
                return PriceOutcome.No(Texts.Format(LegalText.NoDeathRangeRow, regime.Id));
            }

            row = deathRow;
            Use(row.Confirmed, row.Source, LegalText.WhatDeathRange);
            notes.Add(Texts.Format(LegalText.DeathRangeReplacesBase, death.Id, articleId));
            if (plus.Count > 0)
            {
                warnings.Add(Texts.Format(LegalText.AggravationsNotOnDeathRange, string.Join(", ", plus.Select(p => p.Id))));
                plus.Clear();
            }
        }

        long num = 1, den = 1;
        if (plus.Count > 0)
        {
            (num, den) = options.Stacking switch
            {
                AggravationStacking.Compound => (Pow(4, plus.Count), Pow(3, plus.Count)),
                AggravationStacking.Once => (4L, 3L),
                _ => (3L + plus.Count, 3L),
            };
            notes.Add(Texts.Format(LegalText.AggravationsRaiseOneThird, string.Join(", ", plus.Select(p => p.Id)), StackingCode(options.Stacking), num, den));
            notes.Add(options.RaiseMinimumWithAggravation
                ? LegalText.ReadingMinimumAndMaximum
                : LegalText.ReadingMaximumOnly);
        }

        long prisonMax = row.PrisonMaxMonths * num / den;
        long prisonMin = options.RaiseMinimumWithAggravation ? CeilDiv(row.PrisonMinMonths * num, den) : row.PrisonMinMonths;
        long fineMax = checked(row.FineMaxIdr * num) / den;
        long fineMin = options.RaiseMinimumWithAggravation ? CeilDiv(checked(row.FineMinIdr * num), den) : row.FineMinIdr;

        if (participation != LegalParticipation.Perpetrator)
        {
            var rule = PenaltyTables.Participations.FirstOrDefault(p => p.RegimeId == regime.Id && p.Participation == participation);
            if (rule is null || !rule.AppliesTo.Contains(articleId))
            {
                return PriceOutcome.No(Texts.Format(LegalText.ParticipationNotEncoded, Cap(participation.ToCode()), articleId, regime.Id));
            }

            Use(rule.Confirmed, rule.Source, $"{participation.ToCode()} rule");
            if (rule.KeepsSpecialMinimum is null && (prisonMin > 0 || fineMin > 0))
            {
                return PriceOutcome.No(Texts.Format(LegalText.ParticipationMinimumUnsettled, participation.ToCode(), regime.Id, articleId));
            }

            if (rule.KeepsSpecialMinimum == false)
            {
                prisonMin = 0;
                fineMin = 0;
            }

            prisonMax = prisonMax * rule.MaxNumerator / rule.MaxDenominator;
            fineMax = checked(fineMax * rule.MaxNumerator) / rule.MaxDenominator;
            notes.Add(rule.MaxNumerator == rule.MaxDenominator
                ? Texts.Format(LegalText.ParticipationSameRange, Cap(participation.ToCode()), rule.Source)
                : Texts.Format(LegalText.ParticipationFractionOfMaximum, Cap(participation.ToCode()), rule.MaxNumerator, rule.MaxDenominator, rule.Source));
        }

        int cap = regime.DeterminatePrisonCapMonths;
        if (prisonMax > cap)
        {
            notes.Add(Texts.Format(LegalText.DeterminatePrisonCapped, cap, prisonMax));
            prisonMax = cap;
        }

        prisonMin = Math.Min(prisonMin, prisonMax);
        MonthRange? prison = new((int)prisonMin, (int)prisonMax);
        bool life = row.LifeImprisonment;

        if (corporation)
        {
            if (death is not null)
            {
                return PriceOutcome.No(LegalText.CorporationWithDeathNotEncoded);
            }

            var corp = PenaltyTables.CorporateRules.FirstOrDefault(c => c.RegimeId == regime.Id && c.AppliesTo.Contains(articleId));
            if (corp is null)
            {
                return PriceOutcome.No(Texts.Format(LegalText.CorporatePenaltyNotEncoded, articleId, regime.Id));
            }

            Use(corp.Confirmed, corp.Source, LegalText.WhatCorporateFineRule);
            fineMin = checked(fineMin * corp.FineFactor);
            fineMax = checked(fineMax * corp.FineFactor);
            prison = null;
            life = false;
            notes.Add(Texts.Format(LegalText.CorporationFineMultiplied, corp.FineFactor));
        }

        if (row.FineMaxCategory is { } category)
        {
            var fc = PenaltyTables.FineCategories.First(c => c.Category == category);
            Use(fc.Confirmed, fc.Source, Texts.Format(LegalText.WhatFineCategoryAmount, Roman(category)));
            notes.Add(Texts.Format(LegalText.MaximumFineCategory, Roman(category), fc.AmountIdr.ToString("N0", CultureInfo.InvariantCulture)));
        }

        return new PriceOutcome(new PricedRange(regime, prison, life, new RupiahRange(fineMin, fineMax), row.Mode, confirmed, notes, warnings, sources), null);
    }

    /// <summary>Picks the regime more favourable to the offender (UU 1/2026 Pasal 3(1): the new law applies unless
    /// the old one is more favourable). Compared in order: life imprisonment possible or not; maximum prison; minimum
    /// prison; whether a fine alone may be imposed (alternative beats cumulative); maximum fine; minimum fine. The
    /// first difference decides; a tie goes to the new law. The order follows the factors courts name (length of the
    /// prison threat, size of the fine, change of kind of penalty: PN Nunukan 306/Pid.Sus/2025) and is the project's
    /// documented policy.</summary>
    internal static (PricedRange Chosen, string Reason) MoreFavourable(PricedRange old, PricedRange newer)
    {
        (string What, long Old, long New)[] keys =
        [
            (LegalText.CompareLife, old.Life ? 1 : 0, newer.Life ? 1 : 0),
            (LegalText.CompareMaximumPrison, old.Prison?.Max ?? 0, newer.Prison?.Max ?? 0),
            (LegalText.CompareMinimumPrison, old.Prison?.Min ?? 0, newer.Prison?.Min ?? 0),
            (LegalText.CompareCumulative, old.Mode == PenaltyMode.Cumulative ? 1 : 0, newer.Mode == PenaltyMode.Cumulative ? 1 : 0),
            (LegalText.CompareMaximumFine, old.Fine.Max, newer.Fine.Max),
            (LegalText.CompareMinimumFine, old.Fine.Min, newer.Fine.Min),
        ];
        foreach (var (what, o, n) in keys)
        {
            if (o != n)
            {
                bool oldWins = o < n;
                var chosen = oldWins ? old : newer;
                string reason = Texts.Format(LegalText.LexMitiorFirstDifference, old.Regime.Id, newer.Regime.Id, what, o.ToString("N0", CultureInfo.InvariantCulture), n.ToString("N0", CultureInfo.InvariantCulture), chosen.Regime.Id);
                return (chosen, reason);
            }
        }

        return (newer, Texts.Format(LegalText.LexMitiorSame, old.Regime.Id, newer.Regime.Id));
    }

    /// <summary>Returns the regimes that govern an act of a law judged on a date.</summary>
    internal static (IReadOnlyList<LegalRegime> Regimes, string? NotSupported) Applicable(string lawId, LocalDate offenceDate, LocalDate decisionDate)
    {
        var regimes = PenaltyTables.Regimes.Where(r => r.LawId == lawId).ToList();
        if (regimes.Count == 0)
        {
            return ([], Texts.Format(LegalText.LawNotEncoded, lawId, string.Join(", ", PenaltyTables.Regimes.Select(r => r.LawId).Distinct())));
        }

        var atAct = regimes.FirstOrDefault(r => r.OffencesFrom <= offenceDate && (r.OffencesBefore is null || offenceDate < r.OffencesBefore));
        if (atAct is null)
        {
            var first = regimes.MinBy(r => r.OffencesFrom)!;
            return offenceDate < first.OffencesFrom
                ? ([], Texts.Format(LegalText.ActPredatesLaw, offenceDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), lawId, first.OffencesFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)))
                : ([], Texts.Format(LegalText.AdjustedLawNotEncoded, lawId));
        }

        if (atAct.IsAdjusted2026 || decisionDate < PenaltyTables.NewCriminalCodeInForce)
        {
            return ([atAct], null);
        }

        var adjusted = regimes.FirstOrDefault(r => r.IsAdjusted2026);
        return adjusted is null
            ? ([], Texts.Format(LegalText.LexMitiorAdjustedNotEncoded, lawId))
            : ([atAct, adjusted], null);
    }

    internal static string StackingCode(AggravationStacking stacking) => stacking switch
    {
        AggravationStacking.Compound => "compound",
        AggravationStacking.Once => "once",
        _ => "additive",
    };

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static long Pow(long b, int e)
    {
        long r = 1;
        for (int i = 0; i < e; i++)
        {
            r = checked(r * b);
        }

        return r;
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static string Roman(int n) => n switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        7 => "VII",
        8 => "VIII",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
