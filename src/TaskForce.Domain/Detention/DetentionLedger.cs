using NodaTime;
using TaskForce.Domain.Common;

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
                Problem("missing_date", i, $"{name} has no {(p.From is null ? p.To is null ? "start or end" : "start" : "end")} date.");
            }
            else if (p.To < p.From)
            {
                Problem("end_before_start", i, $"{name} ends {p.To:uuuu-MM-dd} before it starts {p.From:uuuu-MM-dd}.");
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
                Problem("unrecognised_stage", i, $"{name}: the stage could not be recognised, so no limit is checked.");
                continue;
            }

            if (regimes[i] is { } regime)
            {
                limits[i] = regime.Limits[stage];
            }

            if (days[i] is { } d && limits[i]?.Days is { } limit && d > limit)
            {
                Problem("over_limit", i, $"{name} lasts {d} days; the limit is {limit} days ({limits[i]!.LegalBasis}).");
            }

            if (stage.IsPasal29())
            {
                anyPasal29 = true;
                if (!request.SeriousDisorderCertified && ceiling is { MaxPrisonMonths: < OffenceCeilings.Pasal29ThresholdMonths })
                {
                    Problem("pasal29_grounds_not_shown", i, $"{name} is a KUHAP Pasal 29 extension, but {ceiling.ArticleId} is punishable by at most {ceiling.MaxPrisonMonths} months (under 9 years) and no serious disorder is certified.");
                }
            }
        }

        if (anyPasal29 && !request.SeriousDisorderCertified && ceiling is null)
        {
            warnings.Add(new DetentionWarning("pasal29_grounds_unknown", $"The chain has KUHAP Pasal 29 extensions; they need an offence punishable by 9 years or more or a certified serious disorder, and the article ({request.Article ?? "none given"}) is not in the offence table, so this was not checked."));
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
                Problem("gap", i, $"{Name(p, i)} starts {gap[i]} day(s) after the latest earlier order ended ({FromDay(latestEnd!.Value):uuuu-MM-dd}); no detention order covers those days.");
            }

            if (p.Stage?.Level() is { } level)
            {
                var sameLevel = coveredByLevel.TryGetValue(level, out var list) ? list : coveredByLevel[level] = [];
                int within = Intersect(sameLevel, s, e);
                if (within > 0)
                {
                    Problem("overlap_within_level", i, $"{Name(p, i)} overlaps an earlier order of the same level by {within} day(s).");
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
                    Problem("out_of_order", i, $"{Name(periods[i], i)} (from {from:uuuu-MM-dd}) is listed after {Name(periods[j], j)}, which starts later ({earlier:uuuu-MM-dd}).");
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
                problems.Add(new DetentionProblem("arrest_after_detention_start", fs, $"The arrest date {arrest:uuuu-MM-dd} is after the first detention starts ({start:uuuu-MM-dd})."));
            }

            if (request.OffenceDate is { } offence && offence > start)
            {
                problems.Add(new DetentionProblem("detention_before_offence", fs, $"Detention starts {start:uuuu-MM-dd}, before the offence date {offence:uuuu-MM-dd}."));
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
            warnings.Add(new DetentionWarning("regime_unconfirmed", $"Periods starting on or after {DetentionRegimes.Kuhap2025InForce:uuuu-MM-dd} use {DetentionRegimes.Kuhap2025.Code}, whose limits are unconfirmed data ({DetentionRegimes.Kuhap2025.Source})."));
        }

        if (usedRegimes.Count > 1)
        {
            warnings.Add(new DetentionWarning("regimes_mixed", $"The chain crosses {DetentionRegimes.Kuhap2025InForce:uuuu-MM-dd}: each period uses the regime in force on its start date (see each period's regime); the transitional rules of UU 20/2025 for running detention are not confirmed."));
        }

        LocalDate? release = ReleaseByLaw(periods, days, limits, warnings);
        int? until = null;
        if (release is { } r && asOf is { } today)
        {
            until = DayNumber(r) - DayNumber(today);
            if (until < 0)
            {
                warnings.Add(new DetentionWarning("release_by_law_passed", $"The detention's legal end ({r:uuuu-MM-dd}) passed {-until} day(s) before {today:uuuu-MM-dd}: release by law (demi hukum) unless a further order exists."));
            }
            else if (until <= request.WarningDays)
            {
                warnings.Add(new DetentionWarning("release_by_law_soon", $"The detention ends by law on {r:uuuu-MM-dd}, in {until} day(s): extend, move to the next stage or release."));
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
            warnings.Add(new DetentionWarning("detention_suspended", $"Detention is suspended (penangguhan, KUHAP Pasal 31) until {periods[s].To:uuuu-MM-dd}; no release date by law applies while it is."));
            return null;
        }

        var p = periods[c];
        return limits[c]?.Days is { } limit && days[c] > limit ? p.From!.Value.PlusDays(limit - 1) : p.To;
    }

    private static void Validate(DetentionCheckRequest request)
    {
        if (request.Periods.Count > DetentionCheckRequest.MaxPeriods)
        {
            throw new DomainValidationException("periods", $"At most {DetentionCheckRequest.MaxPeriods} periods are accepted; {request.Periods.Count} were given.");
        }

        if (request.WarningDays is < 0 or > 365)
        {
            throw new DomainValidationException("warning_days", $"warning_days is {request.WarningDays}; it must be in [0, 365].");
        }

        for (int i = 0; i < request.Periods.Count; i++)
        {
            if (request.Periods[i] is null)
            {
                throw new DomainValidationException($"periods[{i}]", "A period entry is null.");
            }

            if (request.Periods[i].Label is { Length: > LabelMaxLength })
            {
                throw new DomainValidationException($"periods[{i}].label", $"The label is longer than {LabelMaxLength} characters.");
            }
        }
    }

    private static string Name(DetentionPeriodInput p, int i) =>
        $"Period {i} ({p.Stage?.ToCode() ?? p.Label ?? DetentionStages.Unrecognised})";

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
