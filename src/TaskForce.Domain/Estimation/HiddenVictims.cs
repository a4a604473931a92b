using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Estimation;

/// <summary>An interval of the hidden-victim section, rounded as published.</summary>
/// <param name="Low">The lower limit.</param>
/// <param name="High">The upper limit.</param>
public sealed record HiddenVictimInterval(decimal Low, decimal High);

/// <summary>A note about a hidden-victim figure: a snake_case code and what it means. Never names a record or a person.</summary>
/// <param name="Code">For example <c>list_without_overlap</c>.</param>
/// <param name="Message">What it means, in English (the report adds Bahasa Indonesia for the reason codes).</param>
public sealed record HiddenVictimWarning(string Code, string Message);

/// <summary>The SDG 16.2.2 rate with the estimate: estimated victims (seen + unseen) per 100,000 population.</summary>
/// <param name="Estimated">The estimate N̂ / population × 100,000, 2 decimals (half away from zero).</param>
/// <param name="Wald">The Wald interval of N̂ over the same population, 2 decimals.</param>
/// <param name="Profile">The profile-likelihood interval of N̂ over the same population, 2 decimals, or
/// <see langword="null"/> when the profile gave none.</param>
public sealed record HiddenVictimRate(decimal Estimated, HiddenVictimInterval Wald, HiddenVictimInterval? Profile);

/// <summary>
/// The multiple systems estimate of one group of victims (everyone, or one stratum), or the reason there is none.
/// </summary>
/// <remarks>Numbers are given only when <see cref="Status"/> is <c>estimated</c>. Persons are rounded to 1 decimal,
/// rates to 2 (half away from zero); the unrounded values are <see cref="MultipleSystemsEstimator"/>'s.</remarks>
public sealed record HiddenVictimFigure
{
    /// <summary>The status of a figure with numbers.</summary>
    public const string Estimated = "estimated";

    /// <summary>The status of a figure without numbers.</summary>
    public const string NotEstimated = "not_estimated";

    /// <summary>Gets <c>estimated</c> or <c>not_estimated</c>.</summary>
    /// <value>One of <see cref="Estimated"/>, <see cref="NotEstimated"/>.</value>
    public required string Status { get; init; }

    /// <summary>Gets why there is no estimate, or <see langword="null"/> when there is one.</summary>
    /// <value>One of <see cref="HiddenVictimIndicators.Reasons"/>.</value>
    public string? Reason { get; init; }

    /// <summary>Gets the persons seen by at least one agency after linkage, or <see langword="null"/> when withheld
    /// (small-count suppression) or unknown.</summary>
    /// <value>Persons, ≥ 0.</value>
    public long? Observed { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Observed"/> is withheld by small-count suppression.</summary>
    /// <value><see langword="true"/> for a count in [1, k − 1], or one withheld so that such a count cannot be worked
    /// out.</value>
    public bool ObservedSuppressed { get; init; }

    /// <summary>Gets the lists (agency codes) with at least one person of the group, in list order.</summary>
    /// <value>Empty when withheld.</value>
    public IReadOnlyList<string> Lists { get; init; } = [];

    /// <summary>Gets the model's terms: main effects, then two-list terms in the order stepwise selection added them.</summary>
    /// <value>Empty without an estimate.</value>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Gets the model's two-list terms whose lists share nobody (parameter −∞).</summary>
    /// <value>Empty for most models.</value>
    public IReadOnlyList<string> EmptyOverlapTerms { get; init; } = [];

    /// <summary>Gets the estimated number of victims no agency has seen, persons (1 decimal).</summary>
    /// <value><see langword="null"/> without an estimate.</value>
    public decimal? DarkFigure { get; init; }

    /// <summary>Gets the estimated total, seen and unseen, persons (1 decimal).</summary>
    /// <value><see langword="null"/> without an estimate.</value>
    public decimal? Estimate { get; init; }

    /// <summary>Gets SparseMSE's Wald interval of the total (Wald on the log of the dark figure), persons.</summary>
    /// <value><see langword="null"/> without an estimate.</value>
    public HiddenVictimInterval? Wald { get; init; }

    /// <summary>Gets the profile-likelihood interval of the total, persons.</summary>
    /// <value><see langword="null"/> without an estimate or when the profile did not reach the limits.</value>
    public HiddenVictimInterval? Profile { get; init; }

    /// <summary>Gets the SDG 16.2.2 rate with the estimate, or <see langword="null"/> without an estimate or without a
    /// population figure for the region.</summary>
    /// <value>Per 100,000 population of the region (all ages and sexes, as the detected rate).</value>
    public HiddenVictimRate? Rate { get; init; }

    /// <summary>Gets the warnings about the data and the fit.</summary>
    /// <value>Empty when there is nothing to say.</value>
    public IReadOnlyList<HiddenVictimWarning> Warnings { get; init; } = [];
}

/// <summary>One stratum of the hidden-victim section: sex × child/adult × form of exploitation (the SDG 16.2.2
/// disaggregation).</summary>
/// <param name="Sex">The sex code: <c>female</c>, <c>male</c> or <c>unknown</c>.</param>
/// <param name="AgeGroup">The child/adult code: <c>child</c>, <c>adult</c> or <c>unknown</c>.</param>
/// <param name="ExploitationForm">The SDG form code: <c>sexual_exploitation</c>, <c>forced_labour</c>, <c>other</c>
/// or <c>unknown</c>.</param>
/// <param name="Figure">The stratum's estimate or the reason it has none.</param>
public sealed record HiddenVictimStratum(string Sex, string AgeGroup, string ExploitationForm, HiddenVictimFigure Figure);

/// <summary>
/// The hidden-victim section of a snapshot: the multiple systems estimate of the victims of trafficking no agency of
/// the task force has seen, from the agencies' linked victim lists, and the SDG 16.2.2 rate with it. No personal
/// data: agency codes, counts and estimates only.
/// </summary>
public sealed record HiddenVictimsSection
{
    /// <summary>Gets the method code, <c>multiple_systems_estimation</c>.</summary>
    /// <value>Fixed.</value>
    public string Method { get; init; } = "multiple_systems_estimation";

    /// <summary>Gets the model code, <c>stepwise</c> (SparseMSE's stepwise selection of two-list terms).</summary>
    /// <value>Fixed in snapshots.</value>
    public string Model { get; init; } = "stepwise";

    /// <summary>Gets the stepwise p-value threshold.</summary>
    /// <value>0.02 (SparseMSE's default).</value>
    public decimal PThreshold { get; init; } = 0.02m;

    /// <summary>Gets the confidence level of every interval.</summary>
    /// <value>0.95.</value>
    public decimal ConfidenceLevel { get; init; } = 0.95m;

    /// <summary>Gets the record-linkage rule version used to make the lists.</summary>
    /// <value>For example <c>nik-hmac-exact+jaro-winkler-0.90-birth-kecamatan-1</c>.</value>
    public required string LinkageRule { get; init; }

    /// <summary>Gets the estimate of everyone.</summary>
    /// <value>Its status says whether there are numbers.</value>
    public required HiddenVictimFigure Overall { get; init; }

    /// <summary>Gets the detected-victim rate of the snapshot (<c>sdg_16_2_2</c> total), per 100,000, or
    /// <see langword="null"/> when withheld or not computed.</summary>
    /// <value>2 decimals.</value>
    public decimal? DetectedRate { get; init; }

    /// <summary>Gets a value indicating whether the detected-victim rate is withheld by suppression.</summary>
    /// <value>As the <c>sdg_16_2_2</c> total cell.</value>
    public bool DetectedRateSuppressed { get; init; }

    /// <summary>Gets the population the rates are over, or <see langword="null"/> when the region has none.</summary>
    /// <value>The <c>sdg_16_2_2</c> denominator.</value>
    public PopulationDenominator? Population { get; init; }

    /// <summary>Gets the strata: every sex × child/adult × form, in the order of the <c>sdg_16_2_2</c> cells.</summary>
    /// <value>36 strata; none when there is no linkage input, or fewer than two (or too many) lists overall.</value>
    public IReadOnlyList<HiddenVictimStratum> Strata { get; init; } = [];

    /// <summary>Gets notes that apply to the whole section (what was not computed and why).</summary>
    /// <value>For example <c>bca_bootstrap_not_computed</c>.</value>
    public IReadOnlyList<HiddenVictimWarning> Notes { get; init; } = [];
}

/// <summary>
/// Builds the hidden-victim section of a snapshot from the linked agency lists: multiple systems estimation overall and
/// per stratum, small-count suppression of the observed counts, and the SDG 16.2.2 rate with the estimate.
/// </summary>
/// <remarks>
/// <para>Rules (docs/decisions/ADR-009-hidden-victims-in-snapshots.md):</para>
/// <list type="number">
/// <item>Lists are the agencies with at least one linked person in the group; fewer than two: not estimated
/// (<c>fewer_than_two_lists</c>); more than <see cref="CaptureHistoryTable.MaxLists"/>: <c>too_many_lists</c>.</item>
/// <item>Model: SparseMSE's stepwise selection at p &lt; 0.02 with the Wald (log dark figure) and profile-likelihood
/// intervals (Chan, Silverman &amp; Vincent 2019; <see cref="MultipleSystemsEstimator"/>); no BCa bootstrap (about
/// 1,000 refits, too slow for a scheduled run; <c>taskforce estimate --bootstrap</c> gives it). With two lists the
/// model is the independence model, i.e. Lincoln–Petersen: dark figure n₁₀·n₀₁/n₁₁.</item>
/// <item>Lists that share nobody at all: not estimated (<c>lists_do_not_overlap</c>); a model whose estimate does not
/// exist or is not identifiable (SparseMSE's <c>checkident</c>): <c>not_identifiable</c>.</item>
/// <item>Suppression (ADR-008, rule <see cref="SuppressionProblem.RuleVersion"/>): the observed counts of the overall
/// group and of the 36 strata form a table whose total is the sum of its parts; a count in [1, k − 1] is withheld, and
/// complements so that none can be worked out. A group is also withheld when the snapshot withholds its detected
/// counterpart (<c>victims_identified</c> total; the <c>sdg_16_2_2</c> cell of the stratum). A withheld group gets no
/// numbers at all (<c>fewer_than_k_persons</c> or <c>suppressed</c>): the estimate and its Wald interval would give
/// the observed count back (three equations, three unknowns).</item>
/// <item>SDG 16.2.2 with the estimate (docs/sources.md#sdg-16-2-2): N̂ / population × 100,000 with the interval,
/// over the <c>sdg_16_2_2</c> denominator, next to the detected rate.</item>
/// </list>
/// </remarks>
public static class HiddenVictimIndicators
{
    /// <summary>The version of the record-linkage rule behind the lists, written into the section.</summary>
    public const string LinkageRuleVersion = "nik-hmac-exact+jaro-winkler-0.90-birth-kecamatan-1";

    /// <summary>The reason codes of a figure without numbers.</summary>
    public static readonly IReadOnlyList<string> Reasons =
    [
        "no_linkage_input", "fewer_than_two_lists", "too_many_lists", "fewer_than_k_persons", "suppressed", "no_persons",
        "lists_do_not_overlap", "not_identifiable",
    ];

    private static readonly Sex[] SexOrder = [Sex.Female, Sex.Male, Sex.Unknown];
    private static readonly ChildStatus[] ChildOrder = [ChildStatus.Child, ChildStatus.Adult, ChildStatus.Unknown];
    private static readonly ExploitationForm[] FormOrder =
        [ExploitationForm.SexualExploitation, ExploitationForm.LabourExploitation, ExploitationForm.Other, ExploitationForm.Unknown];

    /// <summary>Returns the SDG 16.2.2 form code of a linkage form.</summary>
    /// <param name="form">The form.</param>
    /// <returns><c>sexual_exploitation</c>, <c>forced_labour</c> (for <see cref="ExploitationForm.LabourExploitation"/>),
    /// <c>other</c> or <c>unknown</c>, as the <c>sdg_16_2_2</c> cells name them.</returns>
    public static string SdgFormCode(ExploitationForm form) => form switch
    {
        ExploitationForm.SexualExploitation => "sexual_exploitation",
        ExploitationForm.LabourExploitation => "forced_labour",
        ExploitationForm.Other => "other",
        _ => "unknown",
    };

    /// <summary>Computes the section.</summary>
    /// <param name="linkage">The linked lists of the victims of trafficking of the region reported in the period, or
    /// <see langword="null"/> when no linkage input exists (the section then says <c>no_linkage_input</c>).</param>
    /// <param name="cells">The snapshot's cells, suppression applied (for the detected rate, its population and the
    /// withheld counterparts). Cannot be <see langword="null"/>.</param>
    /// <param name="period">The period (a rate of a shorter period than a year is not annualised; a warning says so).</param>
    /// <param name="suppressionK">The snapshot's threshold k, ≥ 1.</param>
    /// <param name="inputWarnings">Warnings about the linkage input (no personal data), added to the overall figure's
    /// warnings, or <see langword="null"/>.</param>
    /// <returns>The section.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> or <paramref name="period"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException"><paramref name="suppressionK"/> is below 1 (field <c>k</c>).</exception>
    public static HiddenVictimsSection Compute(
        LinkageResult? linkage, IReadOnlyList<IndicatorValue> cells, ReportingPeriod period, int suppressionK, IReadOnlyList<HiddenVictimWarning>? inputWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(period);
        if (suppressionK < 1)
        {
            throw new DomainValidationException("k", Texts.Format(EstimationText.SuppressionThresholdTooSmall, suppressionK));
        }

        var detected = cells.FirstOrDefault(c => c.Id == IndicatorIds.Sdg1622 && c.Disaggregation.Count == 0);
        var population = detected?.Population;
        var notes = new List<HiddenVictimWarning>
        {
            new("bca_bootstrap_not_computed",
                "The BCa bootstrap interval is not computed in snapshots (about 1,000 model refits, too slow for a scheduled run); the Wald and profile-likelihood intervals are given."),
        };
        if (population is null)
        {
            notes.Add(new("no_population", "No population figure for this region: the SDG 16.2.2 rate with the estimate is not computed."));
        }
        else if (period.Kind != PeriodKind.Year)
        {
            notes.Add(new("rate_not_annualised", $"The rates for {period.Label} are over the year's population and are not annualised."));
        }

        var section = new HiddenVictimsSection
        {
            LinkageRule = LinkageRuleVersion,
            DetectedRate = detected?.Value,
            DetectedRateSuppressed = detected?.Suppressed ?? false,
            Population = population,
            Notes = notes,
            Overall = new HiddenVictimFigure { Status = HiddenVictimFigure.NotEstimated, Reason = "no_linkage_input" },
        };
        if (linkage is null)
        {
            return section;
        }

        var linkageWarnings = LinkageWarnings(linkage);

        // Observed counts: overall and the 36 strata, one suppression table (overall = sum of the strata).
        var groups = new List<(Sex Sex, ChildStatus Child, ExploitationForm Form, List<LinkedPerson> Persons)>();
        foreach (var sex in SexOrder)
        {
            foreach (var child in ChildOrder)
            {
                foreach (var form in FormOrder)
                {
                    groups.Add((sex, child, form, [.. linkage.Persons.Where(p => p.Sex == sex && p.ChildStatus == child && p.Form == form)]));
                }
            }
        }

        var problem = new SuppressionProblem();
        bool totalWithheld = cells.Any(c => c.Id == IndicatorIds.VictimsIdentified && c.Disaggregation.Count == 0 && c.Suppressed);
        int overallCell = problem.AddCell(Forced(linkage.Persons.Count, totalWithheld, suppressionK));
        bool[] forced = [.. groups.Select(g => SdgWithheld(cells, g.Sex, g.Child, g.Form))];
        var stratumCells = groups.Select((g, i) => problem.AddCell(Forced(g.Persons.Count, forced[i], suppressionK))).ToArray();
        problem.AddTotal(overallCell, stratumCells);
        var status = problem.Solve(suppressionK);
        CellSuppression Status(int cell, bool withheldElsewhere) =>
            status[cell] != CellSuppression.None && withheldElsewhere ? CellSuppression.Complementary : status[cell];

        var overall = Figure(linkage.Persons, linkage.Lists, Status(overallCell, totalWithheld), population, stratum: false);
        overall = overall with { Warnings = [.. overall.Warnings, .. linkageWarnings, .. inputWarnings ?? []] };
        if (overall.Reason is "fewer_than_two_lists" or "too_many_lists")
        {
            return section with { Overall = overall }; // no stratum can have more lists than everyone
        }

        var strata = groups.Select((g, i) => new HiddenVictimStratum(
            g.Sex.ToCode(), g.Child.ToCode(), SdgFormCode(g.Form),
            Figure(g.Persons, linkage.Lists, Status(stratumCells[i], forced[i]), population, stratum: true))).ToList();
        return section with { Overall = overall, Strata = strata };
    }

    // A group withheld by its detected counterpart enters the table as a count below k (k > 1), so that the exact
    // complementary rule protects it too; with k = 1 nothing is withheld anywhere.
    private static long Forced(long count, bool withheldElsewhere, int k) => withheldElsewhere && k > 1 ? 1 : count;

    private static bool SdgWithheld(IReadOnlyList<IndicatorValue> cells, Sex sex, ChildStatus child, ExploitationForm form)
    {
        string s = sex.ToCode(), a = child.ToCode(), f = SdgFormCode(form);
        return cells.Any(c => c.Id == IndicatorIds.Sdg1622 && c.Suppressed && c.Disaggregation.Count == 3
            && c.Disaggregation.Contains(new("sex", s)) && c.Disaggregation.Contains(new("age_group", a))
            && c.Disaggregation.Contains(new("exploitation_form", f)));
    }

    private static HiddenVictimFigure Figure(
        IReadOnlyList<LinkedPerson> persons, IReadOnlyList<string> allLists, CellSuppression suppression, PopulationDenominator? population, bool stratum)
    {
        if (suppression != CellSuppression.None)
        {
            return new HiddenVictimFigure
            {
                Status = HiddenVictimFigure.NotEstimated,
                Reason = suppression == CellSuppression.Primary ? "fewer_than_k_persons" : "suppressed",
                ObservedSuppressed = true,
            };
        }

        var lists = allLists.Where(l => persons.Any(p => p.Lists.Contains(l))).ToList();
        var none = new HiddenVictimFigure { Status = HiddenVictimFigure.NotEstimated, Observed = persons.Count, Lists = lists };
        if (persons.Count == 0 && stratum)
        {
            return none with { Reason = "no_persons" };
        }

        if (lists.Count < 2)
        {
            string seen = lists.Count == 0 ? "No agency list has" : "Only one agency list has";
            return none with
            {
                Reason = "fewer_than_two_lists",
                Warnings = [new("fewer_than_two_lists", $"{seen} victims in this group; multiple systems estimation needs at least two overlapping lists.")],
            };
        }

        if (lists.Count > CaptureHistoryTable.MaxLists)
        {
            return none with
            {
                Reason = "too_many_lists",
                Warnings = [new("too_many_lists", $"{lists.Count} agency lists; at most {CaptureHistoryTable.MaxLists} are supported. Merge agencies of one kind.")],
            };
        }

        var counts = new SortedDictionary<int, long>();
        foreach (var p in persons)
        {
            int mask = 0;
            foreach (string l in p.Lists)
            {
                mask |= 1 << lists.IndexOf(l);
            }

            counts[mask] = counts.GetValueOrDefault(mask) + 1;
        }

        var table = CaptureHistoryTable.Create(lists,
            counts.Select(kv => new CaptureHistoryRow([.. Enumerable.Range(0, lists.Count).Select(j => (kv.Key >> j) & 1)], kv.Value)));
        long overlapping = counts.Where(kv => int.PopCount(kv.Key) >= 2).Sum(kv => kv.Value);
        if (overlapping == 0)
        {
            return none with
            {
                Reason = "lists_do_not_overlap",
                Warnings = [.. table.IsolatedLists.Select(l => new HiddenVictimWarning(
                    "list_without_overlap", $"Nobody on list '{l}' is on any other list: the lists' overlap, which the estimate is made from, is empty."))],
            };
        }

        MseEstimate estimate;
        try
        {
            estimate = MultipleSystemsEstimator.Estimate(table, new MseOptions { Model = MseModel.Stepwise, PThreshold = 0.02, ProfileInterval = true });
        }
        catch (DomainValidationException ex)
        {
            return none with { Reason = "not_identifiable", Warnings = [new("not_identifiable", ex.Message)] };
        }

        const double Largest = 1e12; // beyond any district; also keeps the decimal conversion in range
        if (!(estimate.Estimate < Largest && estimate.Wald.High < Largest))
        {
            return none with
            {
                Reason = "not_identifiable",
                Warnings = [new("not_identifiable", "The estimate or its interval is beyond any plausible size; the lists share too few people for a usable estimate.")],
            };
        }

        var warnings = estimate.Warnings.Select(w => new HiddenVictimWarning(w.Code, w.Message)).ToList(); // incl. few_persons_on_several_lists

        var wald = new HiddenVictimInterval(Persons(estimate.Wald.Low), Persons(estimate.Wald.High));
        var profile = estimate.Profile is { } pr && double.IsFinite(pr.Low) && double.IsFinite(pr.High) && pr.High < Largest
            ? new HiddenVictimInterval(Persons(pr.Low), Persons(pr.High))
            : null;
        HiddenVictimRate? rate = null;
        if (population is { Value: > 0 } pop)
        {
            rate = new HiddenVictimRate(
                Rate(estimate.Estimate, pop.Value),
                new HiddenVictimInterval(Rate(estimate.Wald.Low, pop.Value), Rate(estimate.Wald.High, pop.Value)),
                profile is null ? null : new HiddenVictimInterval(Rate(estimate.Profile!.Low, pop.Value), Rate(estimate.Profile.High, pop.Value)));
        }

        return none with
        {
            Status = HiddenVictimFigure.Estimated,
            Terms = estimate.Terms,
            EmptyOverlapTerms = estimate.EmptyOverlapTerms,
            DarkFigure = Persons(estimate.DarkFigure),
            Estimate = Persons(estimate.Estimate),
            Wald = wald,
            Profile = profile,
            Rate = rate,
            Warnings = warnings,
        };
    }

    /// <summary>Rounds persons to 1 decimal, half away from zero.</summary>
    private static decimal Persons(double value) => Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero);

    /// <summary>A count per 100,000 population, 2 decimals, half away from zero.</summary>
    private static decimal Rate(double persons, long population) =>
        Math.Round((decimal)(persons / population * 100_000d), 2, MidpointRounding.AwayFromZero);

    // Linkage warnings name records; the section says only what kind of thing happened.
    private static List<HiddenVictimWarning> LinkageWarnings(LinkageResult linkage)
    {
        var result = new List<HiddenVictimWarning>();
        var codes = linkage.Warnings.Select(w => w.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (string code in codes)
        {
            string message = code switch
            {
                "malformed_nik" => "Some records have a NIK that is not 16 digits; they were matched on name, birth date and kecamatan only.",
                "conflicting_sex" => "Some linked persons have different sexes on different lists; their sex is counted as unknown.",
                "conflicting_form" => "Some linked persons have different forms of exploitation on different lists; their form is counted as unknown.",
                "link_blocked_by_nik" => "Some records look alike but carry different NIKs; they were kept apart.",
                _ => string.Create(CultureInfo.InvariantCulture, $"Record linkage reported '{code}'."),
            };
            result.Add(new("linkage_" + code, message));
        }

        return result;
    }
}
