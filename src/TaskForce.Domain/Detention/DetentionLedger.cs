using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Detention;

/// <summary>
/// Checks a chain of detention periods against KUHAP 1981 Pasal 24–29 (and, from 2 January 2026, the unconfirmed
/// KUHAP 2025 limits): per period its limit, inclusive day count, overlap or gap, legal basis and problems; the date
/// the current detention ends by law; warnings before it.
/// </summary>
/// <remarks>
/// <para>Real chains are messy (samples/verdicts/README.md): periods overlap, leave gaps, are listed out of order,
/// end before they start or lack a date. The ledger reports all of it and never corrects, reorders or drops a period,
/// and never throws on such data. Only malformed input throws (see <see cref="Check(DetentionCheckRequest, LocalDate?)"/>).</para>
/// <para>Problem codes: <c>missing_date</c>, <c>end_before_start</c>, <c>unrecognised_stage</c>, <c>over_limit</c>
/// (days above the stage's maximum), <c>gap</c> (days covered by no order before this period),
/// <c>overlap_within_level</c> (an order overlaps an earlier order of the same level, e.g. an extension starting before
/// the period it extends ended), <c>out_of_order</c> (listed after a period that starts later),
/// <c>pasal29_grounds_not_shown</c> (a Pasal 29 extension for an offence punishable by less than 9 years with no
/// certified disorder), <c>arrest_after_detention_start</c>, <c>detention_before_offence</c>. Overlaps between
/// levels (the prosecutor's order starting before the investigator's extension ran out) are reported as numbers, not
/// as problems: they are routine when the hand-over (Tahap II) ends the earlier order.</para>
/// <para>Warning codes: <c>pasal29_grounds_unknown</c>, <c>regime_unconfirmed</c>, <c>regimes_mixed</c>,
/// <c>detention_suspended</c>, <c>release_by_law_soon</c>, <c>release_by_law_passed</c>.</para>
/// </remarks>
public static class DetentionLedger
{
    /// <summary>The longest label accepted, in characters.</summary>
    public const int LabelMaxLength = 500;

    private static readonly LocalDate Origin = new(1900, 1, 1);

    /// <summary>Checks a chain, with warnings as of today in a zone.</summary>
    /// <param name="request">The chain.</param>
    /// <param name="clock">The clock (FakeClock in tests).</param>
    /// <param name="zone">The district zone, normally <see cref="DistrictTime.DefaultZone"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">See <see cref="Check(DetentionCheckRequest, LocalDate?)"/>.</exception>
    public static DetentionCheckResult Check(DetentionCheckRequest request, IClock clock, DateTimeZone zone) =>
        Check(request, DistrictTime.Today(clock, zone));

    /// <summary>Checks a chain.</summary>
    /// <param name="request">The chain.</param>
    /// <param name="asOf">The business date for the release warnings, or <see langword="null"/> for none.</param>
    /// <returns>The result, shaped like the contract's JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its period list is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">More than <see cref="DetentionCheckRequest.MaxPeriods"/> periods
    /// (field <c>periods</c>); a period entry is <see langword="null"/> or its label is too long (field
    /// <c>periods[i]</c>); <see cref="DetentionCheckRequest.WarningDays"/> is outside [0, 365] (field
    /// <c>warning_days</c>). Dates out of order are reported as problems, not thrown.</exception>
    public static DetentionCheckResult Check(DetentionCheckRequest request, LocalDate? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Periods);
        Validate(request);

        var periods = request.Periods;
        int n = periods.Count;
        var problems = new List<DetentionProblem>();
        var warnings = new List<DetentionWarning>();
        var perPeriod = new List<string>[n];
        var days = new int?[n];
        var limits = new StageLimit?[n];
        var regimes = new DetentionRegime?[n];
        for (int i = 0; i < n; i++)
        {
            perPeriod[i] = [];
        }

        void Problem(string code, int? index, string message)
        {
            problems.Add(new DetentionProblem(code, index, message));
            if (index is { } k)
            {
                perPeriod[k].Add(code);
            }
        }

        var ceiling = OffenceCeilings.Find(request.Article);
        bool anyPasal29 = false;
        for (int i = 0; i < n; i++)
        {
            var p = periods[i];
            string name = Name(p, i);
            if (p.From is null || p.To is null)
            {
                Problem("missing_date", i, Texts.Format(p.From is null ? p.To is null ? DetentionText.MissingStartAndEnd : DetentionText.MissingStart : DetentionText.MissingEnd, name));
            }
            else if (p.To < p.From)
            {
                Problem("end_before_start", i, Texts.Format(DetentionText.EndBeforeStart, name, p.To?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), p.From?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
            }
            else
            {
                days[i] = DayNumber(p.To.Value) - DayNumber(p.From.Value) + 1;
            }

            if ((p.From ?? p.To) is { } regimeDate)
            {
                regimes[i] = DetentionRegimes.For(regimeDate);
            }

            if (p.Stage is not { } stage)
            {
                Problem("unrecognised_stage", i, Texts.Format(DetentionText.StageUnrecognised, name));
                continue;
            }

            if (regimes[i] is { } regime)
            {
                limits[i] = regime.Limits[stage];
            }

            if (days[i] is { } d && limits[i]?.Days is { } limit && d > limit)
            {
                Problem("over_limit", i, Texts.Format(DetentionText.OverLimit, name, d, limit, limits[i]!.LegalBasis));
            }

            if (stage.IsPasal29())
            {
                anyPasal29 = true;
                if (!request.SeriousDisorderCertified && ceiling is { MaxPrisonMonths: < OffenceCeilings.Pasal29ThresholdMonths })
                {
                    Problem("pasal29_grounds_not_shown", i, Texts.Format(DetentionText.Pasal29GroundsNotShown, name, ceiling.ArticleId, ceiling.MaxPrisonMonths));
                }
            }
        }

        if (anyPasal29 && !request.SeriousDisorderCertified && ceiling is null)
        {
            warnings.Add(new DetentionWarning("pasal29_grounds_unknown", Texts.Format(DetentionText.Pasal29GroundsUnknown, request.Article ?? DetentionText.NoArticleGiven)));
        }

        // Coverage in chronological order (start date, then listing order); suspensions and unusable periods excluded.
        var usable = Enumerable.Range(0, n)
            .Where(i => days[i] is not null && periods[i].Stage != DetentionStage.Penangguhan)
            .OrderBy(i => periods[i].From!.Value)
            .ThenBy(i => i)
            .ToList();
        var overlap = new int?[n];
        var gap = new int?[n];
        var covered = new List<(int Start, int End)>();
        var coveredByLevel = new Dictionary<DetentionLevel, List<(int Start, int End)>>();
        int? latestEnd = null;
        foreach (int i in usable)
        {
            var p = periods[i];
            int s = DayNumber(p.From!.Value);
            int e = DayNumber(p.To!.Value);
            overlap[i] = Intersect(covered, s, e);
            gap[i] = latestEnd is { } le ? Math.Max(0, s - le - 1) : 0;
            if (gap[i] > 0)
            {
                Problem("gap", i, Texts.Format(DetentionText.Gap, Name(p, i), gap[i], (FromDay(latestEnd!.Value)).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
            }

            if (p.Stage?.Level() is { } level)
            {
                var sameLevel = coveredByLevel.TryGetValue(level, out var list) ? list : coveredByLevel[level] = [];
                int within = Intersect(sameLevel, s, e);
                if (within > 0)
                {
                    Problem("overlap_within_level", i, Texts.Format(DetentionText.OverlapWithinLevel, Name(p, i), within));
                }

                Add(sameLevel, s, e);
            }

            Add(covered, s, e);
            latestEnd = latestEnd is { } l ? Math.Max(l, e) : e;
        }

        for (int i = 0; i < n; i++)
        {
            if (periods[i].From is not { } from)
            {
                continue;
            }

            for (int j = 0; j < i; j++)
            {
                if (periods[j].From is { } earlier && earlier > from)
                {
                    Problem("out_of_order", i, Texts.Format(DetentionText.OutOfOrder, Name(periods[i], i), from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Name(periods[j], j), earlier.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
                    break;
                }
            }
        }

        var firstStart = Enumerable.Range(0, n).Where(i => periods[i].From is not null).OrderBy(i => periods[i].From!.Value).ThenBy(i => i).Cast<int?>().FirstOrDefault();
        if (firstStart is { } fs)
        {
            LocalDate start = periods[fs].From!.Value;
            if (request.ArrestDate is { } arrest && arrest > start)
            {
                problems.Add(new DetentionProblem("arrest_after_detention_start", fs, Texts.Format(DetentionText.ArrestAfterDetentionStart, arrest.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))));
            }

            if (request.OffenceDate is { } offence && offence > start)
            {
                problems.Add(new DetentionProblem("detention_before_offence", fs, Texts.Format(DetentionText.DetentionBeforeOffence, start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), offence.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))));
            }
        }

        var usedRegimes = regimes.Where(r => r is not null).Select(r => r!).Distinct().ToList();
        string? regimeCode = usedRegimes.Count switch
        {
            0 => null,
            1 => usedRegimes[0].Code,
            _ => "mixed",
        };
        if (usedRegimes.Any(r => !r.Confirmed))
        {
            warnings.Add(new DetentionWarning("regime_unconfirmed", Texts.Format(DetentionText.RegimeUnconfirmed, DetentionRegimes.Kuhap2025InForce.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), DetentionRegimes.Kuhap2025.Code, DetentionRegimes.Kuhap2025.Source)));
        }

        if (usedRegimes.Count > 1)
        {
            warnings.Add(new DetentionWarning("regimes_mixed", Texts.Format(DetentionText.RegimesMixed, DetentionRegimes.Kuhap2025InForce.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))));
        }

        LocalDate? release = ReleaseByLaw(periods, days, limits, warnings);
        int? until = null;
        if (release is { } r && asOf is { } today)
        {
            until = DayNumber(r) - DayNumber(today);
            if (until < 0)
            {
                warnings.Add(new DetentionWarning("release_by_law_passed", Texts.Format(DetentionText.ReleaseByLawPassed, r.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), -until, today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))));
            }
            else if (until <= request.WarningDays)
            {
                warnings.Add(new DetentionWarning("release_by_law_soon", Texts.Format(DetentionText.ReleaseByLawSoon, r.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), until)));
            }
        }

        var results = new DetentionPeriodResult[n];
        for (int i = 0; i < n; i++)
        {
            var p = periods[i];
            results[i] = new DetentionPeriodResult(
                i,
                p.Stage?.ToCode() ?? DetentionStages.Unrecognised,
                p.Label,
                p.Type.ToCode(),
                p.From,
                p.To,
                days[i],
                limits[i]?.Days,
                days[i] is { } d && limits[i]?.Days is { } lim && d > lim,
                overlap[i],
                gap[i],
                limits[i]?.LegalBasis,
                regimes[i]?.Code,
                regimes[i]?.Confirmed,
                perPeriod[i]);
        }

        var ordered = problems.OrderBy(x => x.PeriodIndex is null ? 1 : 0).ThenBy(x => x.PeriodIndex).ToList();
        int total = covered.Sum(c => c.End - c.Start + 1);
        return new DetentionCheckResult(regimeCode, results, total, ordered, warnings, release, asOf, until);
    }

    private static LocalDate? ReleaseByLaw(IReadOnlyList<DetentionPeriodInput> periods, int?[] days, StageLimit?[] limits, List<DetentionWarning> warnings)
    {
        int? current = null;
        int? suspension = null;
        for (int i = 0; i < periods.Count; i++)
        {
            if (days[i] is null)
            {
                continue;
            }

            if (periods[i].Stage == DetentionStage.Penangguhan)
            {
                if (suspension is null || periods[i].To >= periods[suspension.Value].To)
                {
                    suspension = i;
                }
            }
            else if (current is null || periods[i].To >= periods[current.Value].To)
            {
                current = i;
            }
        }

        if (current is not { } c)
        {
            return null;
        }

        if (suspension is { } s && periods[s].To >= periods[c].To)
        {
            warnings.Add(new DetentionWarning("detention_suspended", Texts.Format(DetentionText.DetentionSuspended, periods[s].To?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))));
            return null;
        }

        var p = periods[c];
        return limits[c]?.Days is { } limit && days[c] > limit ? p.From!.Value.PlusDays(limit - 1) : p.To;
    }

    private static void Validate(DetentionCheckRequest request)
    {
        if (request.Periods.Count > DetentionCheckRequest.MaxPeriods)
        {
            throw new DomainValidationException("periods", Texts.Format(DetentionText.TooManyPeriods, DetentionCheckRequest.MaxPeriods, request.Periods.Count));
        }

        if (request.WarningDays is < 0 or > 365)
        {
            throw new DomainValidationException("warning_days", Texts.Format(DetentionText.WarningDaysOutOfRange, request.WarningDays));
        }

        for (int i = 0; i < request.Periods.Count; i++)
        {
            if (request.Periods[i] is null)
            {
                throw new DomainValidationException($"periods[{i}]", DetentionText.PeriodEntryNull);
            }

            if (request.Periods[i].Label is { Length: > LabelMaxLength })
            {
                throw new DomainValidationException($"periods[{i}].label", Texts.Format(DetentionText.LabelTooLong, LabelMaxLength));
            }
        }
    }

    private static string Name(DetentionPeriodInput p, int i) =>
        Texts.Format(DetentionText.PeriodName, i, p.Stage?.ToCode() ?? p.Label ?? DetentionStages.Unrecognised);

    private static int DayNumber(LocalDate date) => Period.Between(Origin, date, PeriodUnits.Days).Days;

    private static LocalDate FromDay(int day) => Origin.PlusDays(day);

    private static int Intersect(List<(int Start, int End)> merged, int s, int e) =>
        merged.Sum(m => Math.Max(0, Math.Min(e, m.End) - Math.Max(s, m.Start) + 1));

    private static void Add(List<(int Start, int End)> merged, int s, int e)
    {
        var keep = new List<(int Start, int End)>();
        foreach (var m in merged)
        {
            if (m.End < s - 1 || m.Start > e + 1)
            {
                keep.Add(m);
            }
            else
            {
                s = Math.Min(s, m.Start);
                e = Math.Max(e, m.End);
            }
        }

        keep.Add((s, e));
        keep.Sort((a, b) => a.Start.CompareTo(b.Start));
        merged.Clear();
        merged.AddRange(keep);
    }
}
