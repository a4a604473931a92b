using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Indicators;

/// <summary>
/// Computes the court-outcome indicators of the <see cref="IndicatorCatalogue.CourtOutcomes"/> over verdicts decided
/// in a period (docs/wire-contract.md, "Indicator ids of the first snapshot").
/// </summary>
/// <remarks>
/// Counting rules: one case per verdict; victims are persons, expanded by <see cref="CourtVerdict.VictimPersons"/>;
/// a verdict belongs to the period when its decision date (a business date) lies in it; verdicts without a decision
/// date are counted in no period and reported in <see cref="SnapshotCoverage.RecordsWithoutDate"/>. Missing values
/// form their own <c>unknown</c> cell, never zero. Fixed vocabularies (sex, age group, form, participation) list
/// every value, zero included; open ones (article, destination, the sex × age × form cross) list the values seen.
/// Suppression does not apply: verdicts are public records.
/// </remarks>
public static class CourtOutcomeIndicators
{
    /// <summary>Computes the snapshot of court-outcome indicators.</summary>
    /// <param name="verdicts">The stored verdicts to consider (any period; those outside are skipped). Cannot be <see langword="null"/>.</param>
    /// <param name="region">The region selector: <c>*</c> for all, else verdicts the importer attributed to the region.</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="generatedAt">The instant to stamp as generation time (from an injected clock).</param>
    /// <param name="zoneId">The IANA id of the zone the period's dates are in; defaults to <c>Asia/Makassar</c>.</param>
    /// <returns>The snapshot, with indicators in catalogue order and cells in a deterministic order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IndicatorSnapshot Compute(
        IEnumerable<CourtVerdict> verdicts,
        RegionCode region,
        ReportingPeriod period,
        Instant generatedAt,
        string zoneId = DistrictTime.DefaultZoneId)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zoneId);

        int read = 0, undated = 0;
        var inPeriod = new List<CourtVerdict>();
        foreach (var v in verdicts)
        {
            if (!region.Covers(v.Facts.Region))
            {
                continue;
            }

            read++;
            if (v.Facts.DecisionDate is not { } decided)
            {
                undated++;
            }
            else if (period.Contains(decided))
            {
                inPeriod.Add(v);
            }
        }

        inPeriod.Sort((a, b) => string.CompareOrdinal(a.CaseNumber, b.CaseNumber));
        var cells = new List<IndicatorValue>();
        AddCases(cells, inPeriod);
        AddVictims(cells, inPeriod);
        AddSentences(cells, inPeriod);
        AddRestitution(cells, inPeriod);
        AddArrestToVerdict(cells, inPeriod);

        var coverage = new SnapshotCoverage(read, inPeriod.Count, undated,
        [
            new("age_grouping", AgeGroups.ChildAdultGrouping),
            new("exploitation_form_rule", ExploitationFormClassifier.RuleVersion),
            new("period_date", "decision_date"),
        ]);
        return new IndicatorSnapshot(region.Value, period, zoneId, IndicatorCatalogue.Version,
            IndicatorCatalogue.DefaultSuppressionK, generatedAt, cells, coverage);
    }

    private static void AddCases(List<IndicatorValue> cells, List<CourtVerdict> verdicts)
    {
        cells.Add(Cell(IndicatorIds.Cases, verdicts.Count, "cases"));
        foreach (var g in verdicts.GroupBy(v => ProvenArticle.FirstArticleId(v.Facts.ArticlesHeldProven)).OrderBy(g => g.Key, ArticleOrder.Instance))
        {
            cells.Add(Cell(IndicatorIds.Cases, g.Count(), "cases", ("article", g.Key)));
        }

        foreach (var p in Enum.GetValues<Participation>().OrderBy(p => p == Participation.Unknown ? int.MaxValue : (int)p))
        {
            cells.Add(Cell(IndicatorIds.Cases, verdicts.Count(v => v.Facts.Participation == p), "cases", ("participation", p.ToCode())));
        }
    }

    private static void AddVictims(List<IndicatorValue> cells, List<CourtVerdict> verdicts)
    {
        var persons = verdicts
            .SelectMany(v => v.VictimPersons().Select(p => (
                Sex: p.Sex,
                Age: AgeGroups.OfVerdictVictim(p),
                Form: ExploitationFormClassifier.Classify(v.Facts.ExploitationDescription),
                Destination: v.Facts.DestinationCountry ?? "unknown")))
            .ToList();

        cells.Add(Cell(IndicatorIds.Victims, persons.Count, "persons"));
        foreach (var sex in new[] { Sex.Female, Sex.Male, Sex.Unknown })
        {
            cells.Add(Cell(IndicatorIds.Victims, persons.Count(p => p.Sex == sex), "persons", ("sex", sex.ToCode())));
        }

        foreach (var age in new[] { ChildStatus.Child, ChildStatus.Adult, ChildStatus.Unknown })
        {
            cells.Add(Cell(IndicatorIds.Victims, persons.Count(p => p.Age == age), "persons", ("age_group", age.ToCode())));
        }

        foreach (var form in new[] { ExploitationForm.SexualExploitation, ExploitationForm.LabourExploitation, ExploitationForm.Other, ExploitationForm.Unknown })
        {
            cells.Add(Cell(IndicatorIds.Victims, persons.Count(p => p.Form == form), "persons", ("exploitation_form", form.ToCode())));
        }

        foreach (var g in persons.GroupBy(p => p.Destination).OrderBy(g => g.Key == "unknown" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            cells.Add(Cell(IndicatorIds.Victims, g.Count(), "persons", ("destination_country", g.Key)));
        }

        foreach (var g in persons.GroupBy(p => (p.Sex, p.Age, p.Form)).OrderBy(g => g.Key.Sex == Sex.Unknown ? 9 : (int)g.Key.Sex)
                     .ThenBy(g => g.Key.Age == ChildStatus.Unknown ? 9 : (int)g.Key.Age).ThenBy(g => g.Key.Form == ExploitationForm.Unknown ? 9 : (int)g.Key.Form))
        {
            cells.Add(Cell(IndicatorIds.Victims, g.Count(), "persons",
                ("sex", g.Key.Sex.ToCode()), ("age_group", g.Key.Age.ToCode()), ("exploitation_form", g.Key.Form.ToCode())));
        }
    }

    private static void AddSentences(List<IndicatorValue> cells, List<CourtVerdict> verdicts)
    {
        var months = verdicts.Where(v => v.Facts.SentencePrisonMonths is not null).Select(v => (decimal)v.Facts.SentencePrisonMonths!.Value).ToList();
        cells.Add(Cell(IndicatorIds.SentenceMonths, months.Count, "verdicts", ("stat", "count")));
        if (months.Count > 0)
        {
            cells.Add(Cell(IndicatorIds.SentenceMonths, Statistics.Median(months), "months", ("stat", "median")));
            cells.Add(Cell(IndicatorIds.SentenceMonths, months.Min(), "months", ("stat", "min")));
            cells.Add(Cell(IndicatorIds.SentenceMonths, months.Max(), "months", ("stat", "max")));
        }
    }

    private static void AddRestitution(List<IndicatorValue> cells, List<CourtVerdict> verdicts)
    {
        var ordered = verdicts.Where(v => v.Facts.RestitutionIdr > 0).ToList();
        cells.Add(Cell(IndicatorIds.RestitutionOrdered, ordered.Count, "cases", ("stat", "cases")));
        cells.Add(Cell(IndicatorIds.RestitutionOrdered, ordered.Sum(v => (decimal)v.Facts.RestitutionIdr!.Value), "idr", ("stat", "total_idr")));
    }

    private static void AddArrestToVerdict(List<IndicatorValue> cells, List<CourtVerdict> verdicts)
    {
        // An arrest printed after the decision is impossible (flagged arrest_after_decision on import): left out
        // rather than counted as a negative duration.
        var days = verdicts
            .Where(v => v.Facts.ArrestDate is not null && v.Facts.DecisionDate is not null && v.Facts.ArrestDate <= v.Facts.DecisionDate)
            .Select(v => (decimal)Period.Between(v.Facts.ArrestDate!.Value, v.Facts.DecisionDate!.Value, PeriodUnits.Days).Days)
            .ToList();
        cells.Add(Cell(IndicatorIds.DaysArrestToVerdict, days.Count, "verdicts", ("stat", "count")));
        if (days.Count > 0)
        {
            cells.Add(Cell(IndicatorIds.DaysArrestToVerdict, Statistics.Median(days), "days", ("stat", "median")));
        }
    }

    private static IndicatorValue Cell(string id, decimal value, string unit, params (string Key, string Value)[] dims) =>
        new(id, value, unit, false, dims.Select(d => new KeyValuePair<string, string>(d.Key, d.Value)).ToList());

    /// <summary>Orders article ids by article number (2(1) before 2(2) before 4 before 10), <c>other</c> last.</summary>
    private sealed class ArticleOrder : IComparer<string>
    {
        public static readonly ArticleOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            int byNumber = Rank(x).CompareTo(Rank(y));
            return byNumber != 0 ? byNumber : string.CompareOrdinal(x, y);
        }

        private static int Rank(string? id)
        {
            if (id is null || !id.StartsWith("UU21-2007:", StringComparison.Ordinal))
            {
                return int.MaxValue;
            }

            var digits = new string(id["UU21-2007:".Length..].TakeWhile(char.IsDigit).ToArray());
            return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue;
        }
    }
}
