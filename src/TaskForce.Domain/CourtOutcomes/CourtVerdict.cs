using System.Text.RegularExpressions;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.CourtOutcomes;

/// <summary>
/// A first-instance court verdict (putusan) in a case charged as trafficking: validated facts plus the data-quality
/// issues found in them. The unit the court-outcome indicators count.
/// </summary>
/// <remarks>
/// Real verdicts are messy (samples/verdicts/README.md): detention periods overlap or end before they start, a
/// date is missing, a fine substitute is in days. <see cref="Create(CourtVerdictFacts)"/> rejects only what cannot be
/// a verdict (no case number, a negative count or amount, a malformed country code) and keeps everything else as
/// printed, listing what is odd in <see cref="Issues"/>. It never corrects a value.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed partial class CourtVerdict
{
    /// <summary>The longest case number accepted, in characters.</summary>
    public const int CaseNumberMaxLength = 120;

    /// <summary>The longest free-text field accepted, in characters (under the 32K-character Table Storage string limit).</summary>
    public const int TextMaxLength = 8000;

    /// <summary>The most victims one verdict may count, in persons: <see cref="CourtVerdictFacts.VictimsCount"/>,
    /// <see cref="CourtVerdictFacts.VictimsChildrenCount"/> and the length of the victim list lie in
    /// [0, <see cref="MaxVictims"/>].</summary>
    /// <remarks>A sanity limit, not a legal rule: the largest TPPO verdicts on record name victims in the hundreds
    /// (samples/verdicts: at most 18 in the TTU/Kupang set), and the snapshot expands every counted victim into a
    /// person, so a typing error such as 1,000,000,000 must not reach it. The storage keys of victim rows are
    /// numbered in [0, 9999] (ADR-001), which is the same bound.</remarks>
    public const int MaxVictims = 10_000;

    /// <summary>The longest term accepted in any month field (prison sentence, prosecutor's demand, fine or
    /// restitution substitute), in months: 1,200 (100 years).</summary>
    /// <remarks>A sanity limit, not a legal rule. A determinate prison term cannot exceed 20 years (240 months:
    /// KUHP Pasal 12(4); UU 1/2023 Pasal 65(2) [R]), also with concurrence of offences; life imprisonment
    /// (UU 21/2007 Pasal 7(2)) is not a month count and must not be typed as one. The putusan format does not say
    /// whether a verdict against several defendants states one term or their sum, so the bound leaves room for five
    /// maximum terms; nothing above it can be a verdict's term.</remarks>
    public const int MaxMonths = 1_200;

    /// <summary>The largest amount accepted in any Rupiah field (fine, restitution, prosecutor's demanded fine):
    /// Rp 1,000,000,000,000 (one trillion).</summary>
    /// <remarks>A sanity limit, not a legal rule, far above the highest statutory fine: UU 21/2007 threatens at most
    /// Rp 5 miliar (Pasal 7(2)), tripled for a corporation (Pasal 15(1)) to Rp 15 miliar; the 2023 criminal code's
    /// highest category is Rp 50 miliar (UU 1/2023 Pasal 79(1) category VIII [R]). Restitution is not capped by law
    /// but a district verdict ordering more than Rp 1 trillion is a typing error.</remarks>
    public const long MaxRupiah = 1_000_000_000_000;

    /// <summary>The most days accepted for a fine substitute given in days: 36,525 (100 years).</summary>
    public const int MaxDays = 36_525;

    private CourtVerdict(CourtVerdictFacts facts, IReadOnlyList<DataQualityIssue> issues)
    {
        Facts = facts;
        Issues = issues;
    }

    /// <summary>Gets the validated facts as printed.</summary>
    /// <value>Never <see langword="null"/>.</value>
    public CourtVerdictFacts Facts { get; }

    /// <summary>Gets the case number (nomor perkara), trimmed.</summary>
    /// <value>A non-empty string of at most <see cref="CaseNumberMaxLength"/> characters.</value>
    public string CaseNumber => Facts.CaseNumber;

    /// <summary>Gets the case number's identity: the form two records are compared in to decide whether they are the
    /// same verdict (a duplicate or a conflict), and the form storage keys are derived from.</summary>
    /// <value><see cref="CaseNumberIdentityOf"/> of <see cref="CaseNumber"/>, e.g. <c>27/PID.SUS/2019/PN KPG</c>.</value>
    public string CaseNumberIdentity => CaseNumberIdentityOf(Facts.CaseNumber);

    /// <summary>Gets what is odd in the facts, in a stable order; empty when nothing is.</summary>
    /// <value>Issues with a code (snake_case) and a message.</value>
    public IReadOnlyList<DataQualityIssue> Issues { get; }

    /// <summary>Validates verdict facts and finds their data-quality issues; the decision date is not compared with
    /// today (use <see cref="Create(CourtVerdictFacts, LocalDate)"/> for new input).</summary>
    /// <param name="facts">The facts as printed. Cannot be <see langword="null"/>.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case number is missing or longer than
    /// <see cref="CaseNumberMaxLength"/>; a count, month or Rupiah amount is negative; a victim count or list is
    /// above <see cref="MaxVictims"/>; a month field is above <see cref="MaxMonths"/>, a day field above
    /// <see cref="MaxDays"/>, a Rupiah amount above <see cref="MaxRupiah"/>; a victim's age is outside [0, 130]; the
    /// destination country is not an assigned ISO 3166-1 alpha-2 code; a text is longer than
    /// <see cref="TextMaxLength"/>. The exception names the field.</exception>
    public static CourtVerdict Create(CourtVerdictFacts facts) => Create(facts, null);

    /// <summary>Validates new verdict facts (an import) against today's date as well: a verdict cannot have been
    /// decided after today.</summary>
    /// <param name="facts">The facts as printed. Cannot be <see langword="null"/>.</param>
    /// <param name="today">Today's business date in the district zone (<see cref="DistrictTime.Today"/>,
    /// <c>Asia/Makassar</c> by default).</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As <see cref="Create(CourtVerdictFacts)"/>, or the decision date
    /// is after <paramref name="today"/> (field <c>decision_date</c>).</exception>
    public static CourtVerdict Create(CourtVerdictFacts facts, LocalDate today) => Create(facts, (LocalDate?)today);

    private static CourtVerdict Create(CourtVerdictFacts facts, LocalDate? today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string caseNumber = facts.CaseNumber?.Trim() ?? string.Empty;
        if (caseNumber.Length == 0)
        {
            throw new DomainValidationException("case_number", InputText.CaseNumberRequired);
        }

        if (caseNumber.Length > CaseNumberMaxLength)
        {
            throw new DomainValidationException("case_number", Texts.Format(InputText.CaseNumberTooLong, CaseNumberMaxLength));
        }

        if (caseNumber.Any(char.IsControl))
        {
            throw new DomainValidationException("case_number", InputText.CaseNumberControl);
        }

        NonNegative(facts.Defendants, "defendants");
        NonNegative(facts.VictimsCount, "victims_count");
        NonNegative(facts.VictimsChildrenCount, "victims_children_count");
        NonNegative(facts.SentencePrisonMonths, "sentence_prison_months");
        NonNegative(facts.FineIdr, "fine_rupiah");
        NonNegative(facts.FineSubstituteMonths, "fine_substitute_months");
        NonNegative(facts.FineSubstituteDays, "fine_substitute_days");
        NonNegative(facts.RestitutionIdr, "restitution_rupiah");
        NonNegative(facts.RestitutionSubstituteMonths, "restitution_substitute.months");
        NonNegative(facts.ProsecutorDemandPrisonMonths, "prosecutor_demand_prison_months");
        NonNegative(facts.ProsecutorDemandFineIdr, "prosecutor_demand_fine_rupiah");
        NonNegative(facts.ProsecutorDemandFineSubstituteMonths, "prosecutor_demand_fine_substitute_months");
        AtMost(facts.VictimsCount, MaxVictims, "victims_count", "victims per verdict");
        AtMost(facts.VictimsChildrenCount, MaxVictims, "victims_children_count", "victims per verdict");
        AtMost(facts.Victims.Count, MaxVictims, "victims", "listed victims per verdict");
        AtMost(facts.SentencePrisonMonths, MaxMonths, "sentence_prison_months", "months (100 years; a determinate term is at most 240, life imprisonment is not a month count)");
        AtMost(facts.ProsecutorDemandPrisonMonths, MaxMonths, "prosecutor_demand_prison_months", "months (100 years)");
        AtMost(facts.FineSubstituteMonths, MaxMonths, "fine_substitute_months", "months (100 years)");
        AtMost(facts.RestitutionSubstituteMonths, MaxMonths, "restitution_substitute.months", "months (100 years)");
        AtMost(facts.ProsecutorDemandFineSubstituteMonths, MaxMonths, "prosecutor_demand_fine_substitute_months", "months (100 years)");
        AtMost(facts.FineSubstituteDays, MaxDays, "fine_substitute_days", "days (100 years)");
        AtMost(facts.FineIdr, MaxRupiah, "fine_rupiah", "Rupiah (Rp 1 trillion)");
        AtMost(facts.RestitutionIdr, MaxRupiah, "restitution_rupiah", "Rupiah (Rp 1 trillion)");
        AtMost(facts.ProsecutorDemandFineIdr, MaxRupiah, "prosecutor_demand_fine_rupiah", "Rupiah (Rp 1 trillion)");
        if (today is { } t && facts.DecisionDate is { } decided && decided > t)
        {
            throw new DomainValidationException("decision_date", Texts.Format(InputText.DecisionAfterToday, decided.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (facts.DestinationCountry is { } country)
        {
            if (!CountryPattern().IsMatch(country))
            {
                throw new DomainValidationException("destination_country", Texts.Format(InputText.VerdictCountryCode, country));
            }

            _ = CountryCode.Parse(country, "destination_country");
        }

        for (int i = 0; i < facts.Victims.Count; i++)
        {
            if (facts.Victims[i] is null)
            {
                throw new DomainValidationException($"victims[{i}]", InputText.VictimEntryNull);
            }

            if (facts.Victims[i].Age is { } age && (age < 0 || age > 130))
            {
                throw new DomainValidationException($"victims[{i}].age", Texts.Format(InputText.VictimAgeRange, age));
            }
        }

        foreach (var (text, field) in new[]
                 {
                     (facts.ExploitationDescription, "exploitation_form"), (facts.Notes, "notes"), (facts.DetentionNote, "detention_note"),
                     (facts.RestitutionNote, "restitution_note"), (facts.Source, "source"), (facts.Court, "court"), (facts.OriginProvince, "origin_province"),
                 })
        {
            if (text is { Length: > TextMaxLength })
            {
                throw new DomainValidationException(field, Texts.Format(InputText.TextTooLong, TextMaxLength));
            }
        }

        var normalized = facts with { CaseNumber = caseNumber };
        return new CourtVerdict(normalized, FindIssues(normalized));
    }

    /// <summary>Returns the identity of a case number (nomor perkara): the number with its letter case and spacing
    /// removed from the comparison, so <c>27/Pid.Sus/2019/PN KPG</c>, <c>27/Pid.sus/2019/PN Kpg</c>,
    /// <c>27/Pid.Sus/2019/PN  Kpg</c> and <c>27 / Pid.Sus / 2019 / PN Kpg</c> are one case.</summary>
    /// <remarks>A nomor perkara is assigned by the court's registry as
    /// <c>{sequence}/{case type}/{year}/{court}</c> (Mahkamah Agung, SK KMA 026/KMA/SK/II/2012 and the SIPP
    /// registers); the registry never issues two numbers that differ only in letter case or spacing, so such
    /// differences are typing variants of one number. The rule: trim; collapse every run of white space into one
    /// space; remove white space on either side of <c>/</c>; upper-case (invariant culture). The displayed case
    /// number is kept as printed; only comparisons and storage keys use the identity (ADR-001).</remarks>
    /// <param name="caseNumber">A case number. Cannot be <see langword="null"/>.</param>
    /// <returns>The normalised, upper-case form, e.g. <c>27/PID.SUS/2019/PN KPG</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseNumber"/> is <see langword="null"/>.</exception>
    public static string CaseNumberIdentityOf(string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        string collapsed = WhiteSpaceRun().Replace(caseNumber.Trim(), " ");
        return SpaceAroundSlash().Replace(collapsed, "/").ToUpperInvariant();
    }

    /// <summary>Returns the verdict's victims as persons to count, following the contract's counting rule.</summary>
    /// <returns>When <see cref="CourtVerdictFacts.VictimsCount"/> is a number: that many persons, the identified
    /// victims first and the rest of unknown sex and age (a list longer than the count wins); when it is
    /// <see langword="null"/>: one person per identified victim (docs/wire-contract.md, "first snapshot").</returns>
    public IReadOnlyList<VerdictVictim> VictimPersons()
    {
        var persons = new List<VerdictVictim>(Facts.Victims);
        if (Facts.VictimsCount is { } count)
        {
            for (int i = persons.Count; i < count; i++)
            {
                persons.Add(new VerdictVictim(Sex.Unknown, null, null));
            }
        }

        return persons;
    }

    private static void AtMost(long? value, long max, string field, string what)
    {
        if (value > max)
        {
            throw new DomainValidationException(field, Texts.Format(InputText.AtMost, field, value, max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), what));
        }
    }

    private static void NonNegative(long? value, string field)
    {
        if (value < 0)
        {
            throw new DomainValidationException(field, Texts.Format(InputText.NotNegative, field, value));
        }
    }

    private static List<DataQualityIssue> FindIssues(CourtVerdictFacts f)
    {
        var issues = new List<DataQualityIssue>();
        void Add(string code, string message) => issues.Add(new DataQualityIssue(code, message));

        if (f.DecisionDate is null)
        {
            Add("missing_decision_date", "The verdict has no decision date; it is counted in no period.");
        }

        if (f.ArrestDate is null)
        {
            Add("missing_arrest_date", "The verdict has no arrest date.");
        }

        if (f.ArrestDate is { } arrest && f.DecisionDate is { } decided && arrest > decided)
        {
            Add("arrest_after_decision", $"Arrest {arrest:uuuu-MM-dd} is after the decision {decided:uuuu-MM-dd}.");
        }

        if (f.OffenceDateFrom is { } from && f.OffenceDateTo is { } to && from > to)
        {
            Add("offence_period_reversed", $"The offence period ends ({to:uuuu-MM-dd}) before it starts ({from:uuuu-MM-dd}).");
        }

        if (f.OffenceDateFrom is { } offence && f.DecisionDate is { } decision && offence > decision)
        {
            Add("offence_after_decision", $"The offence starts ({offence:uuuu-MM-dd}) after the decision ({decision:uuuu-MM-dd}).");
        }

        if (f.VictimsCount is null)
        {
            Add("missing_victims_count", $"The number of victims is not stated; {f.Victims.Count} identified victim(s) counted.");
        }
        else if (f.Victims.Count > f.VictimsCount)
        {
            Add("victims_list_longer_than_count", $"{f.Victims.Count} victims are listed but victims_count is {f.VictimsCount}; the list is counted.");
        }

        for (int i = 0; i < f.Victims.Count; i++)
        {
            var v = f.Victims[i];
            if (v.Child == true && v.Age >= 18)
            {
                Add("child_flag_conflicts_with_age", $"Victim {i + 1} is marked a child but aged {v.Age}; the child mark is counted.");
            }
            else if (v.Child == false && v.Age < 18)
            {
                Add("child_flag_conflicts_with_age", $"Victim {i + 1} is marked an adult but aged {v.Age}; the adult mark is counted.");
            }
        }

        int statedChildren = f.Victims.Count(v => AgeGroups.OfVerdictVictim(v) == ChildStatus.Child);
        if (f.VictimsChildrenCount is { } children && children < statedChildren)
        {
            Add("children_count_below_identified_children", $"victims_children_count is {children} but {statedChildren} identified victims are children.");
        }

        if (f.FineSubstituteDays is not null)
        {
            Add("fine_substitute_in_days", "The fine substitute is in days (the 2026 criminal code's wording, UU 1/2023 as adjusted by UU 1/2026).");
        }

        if (f.SentencePrisonMonths is null)
        {
            Add("missing_prison_sentence", "The verdict record has no prison sentence.");
        }

        FindDetentionIssues(f.DetentionPeriods, Add);
        return issues;
    }

    private static void FindDetentionIssues(IReadOnlyList<RecordedDetentionPeriod> periods, Action<string, string> add)
    {
        foreach (var chain in periods.GroupBy(p => p.Defendant ?? string.Empty))
        {
            RecordedDetentionPeriod? previous = null;
            foreach (var p in chain)
            {
                string who = p.Defendant is null ? string.Empty : $" ({p.Defendant})";
                if (p.From is null || p.To is null)
                {
                    add("detention_date_missing", $"Detention '{p.Label}'{who} lacks a start or end date.");
                }
                else if (p.To < p.From)
                {
                    add("detention_period_ends_before_start", $"Detention '{p.Label}'{who} ends {p.To:uuuu-MM-dd} before it starts {p.From:uuuu-MM-dd}.");
                }
                else
                {
                    int days = Period.Between(p.From.Value, p.To.Value, PeriodUnits.Days).Days + 1;
                    if (p.DaysInclusiveAsRecorded is { } recorded && recorded != days)
                    {
                        add("detention_days_mismatch", $"Detention '{p.Label}'{who} is recorded as {recorded} days; its dates span {days} days inclusive.");
                    }

                    if (previous is { To: { } prevTo, From: { } prevFrom } && prevTo >= prevFrom)
                    {
                        if (p.From <= prevTo)
                        {
                            int overlap = Period.Between(p.From.Value, prevTo, PeriodUnits.Days).Days + 1;
                            add("detention_overlap", $"Detention '{p.Label}'{who} overlaps the previous period by {overlap} day(s).");
                        }
                        else if (p.From > prevTo.PlusDays(1))
                        {
                            int gap = Period.Between(prevTo, p.From.Value, PeriodUnits.Days).Days - 1;
                            add("detention_gap", $"Detention '{p.Label}'{who} starts {gap} day(s) after the previous period ended.");
                        }
                    }
                }

                previous = p;
            }
        }
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpaceRun();

    [GeneratedRegex(@" ?/ ?", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceAroundSlash();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}

/// <summary>Something odd in a record that is kept as printed and reported, never corrected.</summary>
/// <param name="Code">A stable snake_case code, e.g. <c>detention_overlap</c>.</param>
/// <param name="Message">A plain-language explanation.</param>
public sealed record DataQualityIssue(string Code, string Message);
