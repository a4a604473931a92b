using System.Globalization;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Indicators;

/// <summary>Options of the case-record indicators.</summary>
public sealed record CaseIndicatorOptions
{
    /// <summary>Gets the suppression threshold k, at least 1 (1 withholds nothing).</summary>
    /// <value>Default <see cref="IndicatorCatalogue.DefaultSuppressionK"/> (11, CTDC's publication rule).</value>
    public int SuppressionK { get; init; } = IndicatorCatalogue.DefaultSuppressionK;

    /// <summary>Gets the population table for SDG 16.2.2.</summary>
    /// <value>Default <see cref="PopulationTable.Embedded"/>.</value>
    public PopulationTable Population { get; init; } = PopulationTable.Embedded;

    /// <summary>Gets the CTDC global figures to set beside the task force's, or <see langword="null"/> for none.</summary>
    /// <value>Default none.</value>
    public CtdcReference? Ctdc { get; init; }
}

/// <summary>What the case-record indicators read and how persons were de-duplicated.</summary>
/// <param name="CaseRecordsRead">Case records of the region read (any date).</param>
/// <param name="CaseRecordsWithoutConsent">Of those, records without consent to reporting (left out of everything).</param>
/// <param name="CasesReportedInPeriod">Consented case records reported in the period.</param>
/// <param name="VictimRowsInPeriod">Victim rows of those cases (one per victim per record).</param>
/// <param name="PersonsInPeriod">Distinct persons among those rows (every case type).</param>
/// <param name="PersonsInSeveralAgencies">Persons recorded by two or more agencies in the period (counted once).</param>
/// <param name="PersonsWithoutLinkageKey">Persons whose key could not link records (no NIK, no name with birth date).</param>
public sealed record CaseRecordCoverage(
    int CaseRecordsRead,
    int CaseRecordsWithoutConsent,
    int CasesReportedInPeriod,
    int VictimRowsInPeriod,
    int PersonsInPeriod,
    int PersonsInSeveralAgencies,
    int PersonsWithoutLinkageKey);

/// <summary>The case-record indicators of a region and period.</summary>
/// <param name="Cells">The cells in catalogue order, suppression applied.</param>
/// <param name="Coverage">What was read.</param>
/// <param name="Rules">The named rules and groupings applied, in a fixed order.</param>
/// <param name="Warnings">Unconfirmed values and substitutions the reader must know about.</param>
public sealed record CaseIndicatorResult(
    IReadOnlyList<IndicatorValue> Cells,
    CaseRecordCoverage Coverage,
    IReadOnlyList<KeyValuePair<string, string>> Rules,
    IReadOnlyList<string> Warnings);

/// <summary>One de-identified person of a period, as the exports need it: attributes merged over the person's records.</summary>
/// <param name="Sex">The sex.</param>
/// <param name="AgeAtOffence">The age at the act, or <see langword="null"/>.</param>
/// <param name="Citizenship">The citizenship (alpha-2), or <see langword="null"/>.</param>
/// <param name="Destination">The destination (alpha-2), or <see langword="null"/>.</param>
/// <param name="MigrantWorkerStatus">The migrant-worker status.</param>
/// <param name="Purposes">The exploitation purposes of all the person's records.</param>
/// <param name="SimfoniForms">The SIMFONI-PPA forms of all the person's records.</param>
/// <param name="Trafficking">Whether any of the records is a trafficking case.</param>
/// <param name="ReportedYear">The year of the person's first report in the period (district zone).</param>
public sealed record AnonymousPerson(
    Sex Sex,
    int? AgeAtOffence,
    string? Citizenship,
    string? Destination,
    MigrantWorkerStatus MigrantWorkerStatus,
    PurposeSet Purposes,
    SimfoniFormSet SimfoniForms,
    bool Trafficking,
    int ReportedYear);

/// <summary>
/// Computes the case-record indicators of the <see cref="IndicatorCatalogue.CaseRecords"/> over an
/// <see cref="IndicatorInput"/>: victims identified, SDG 16.2.2, cases by type and kecamatan, the justice funnel,
/// timeliness, services, referrals and cases open past due; then applies small-cell suppression.
/// </summary>
/// <remarks>
/// <para>Counting rules (docs/decisions/ADR-008-indicator-counting-rules.md):</para>
/// <list type="number">
/// <item>Records without consent to reporting are left out first (anchors §8 item 5).</item>
/// <item>Persons, not rows: victims are counted by person key, so one person in two agencies' records (or in two cases)
/// counts once. A person's attributes are the first known value in report order (earliest report instant, then case
/// id) among the records counted; forms of exploitation are the union over them. Distinct counts of two periods do not
/// add up to the count of both (a person reported in both counts in each).</item>
/// <item>Periods are closed ranges of business dates in the district zone: a report at 23:30 WITA on 31 March is in the
/// first quarter (anchors §8 items 2–4). States "as of the period" (funnel stage reached, first response, service
/// timeliness, referral outcome, open past due) are taken at the end of the period's last day, so a snapshot of a
/// past period never changes when later events are recorded.</item>
/// <item>Missing values go to <c>unknown</c>, never to zero or to a default bucket (anchors §8, reporting-delay bug).</item>
/// <item>Buckets are half-open and do not overlap: reporting delay [0, 4), [4, 8), [8, 15), [15, 31), [31, 91),
/// [91, ∞) days, codes <c>0-3</c> … <c>91+</c>.</item>
/// <item>Fixed vocabularies list every value, zero included (so a listed cell never reveals that a group exists);
/// open ones (countries; kecamatan outside an embedded list) list the values seen and recode those with fewer than k
/// persons into <c>other</c>.</item>
/// <item>Suppression: <see cref="SuppressionProblem"/> over every count with the relations a reader knows (totals,
/// margins of the crosses, the child groups shared by the SIMFONI-PPA and CTDC groupings, the SDG counts); a rate is
/// withheld when a count it is made of is withheld; a rate whose denominator is 0 is not listed (undefined, never 0).</item>
/// </list>
/// </remarks>
public static class CaseIndicators
{
    /// <summary>The stages of the justice funnel in order.</summary>
    public static readonly IReadOnlyList<string> FunnelStages =
        ["reported", "laporan_polisi", "spdp", "p21", "putusan", "inkracht", "restitution_ordered", "restitution_paid"];

    /// <summary>The reporting-delay buckets in order: [0, 4), [4, 8), [8, 15), [15, 31), [31, 91), [91, ∞) days, then unknown.</summary>
    public static readonly IReadOnlyList<string> DelayBuckets = ["0-3", "4-7", "8-14", "15-30", "31-90", "91+", "unknown"];

    /// <summary>The first-response and service-timeliness statuses in order.</summary>
    public static readonly IReadOnlyList<string> TimelinessStatuses = ["met", "late", "pending", "stopped", "unknown"];

    /// <summary>The referral outcomes in order.</summary>
    public static readonly IReadOnlyList<string> ReferralOutcomes = ["accepted", "rejected", "revoked", "in_progress"];

    /// <summary>The deadline kinds always listed by <c>cases_open_past_due</c> (others are listed when seen).</summary>
    public static readonly IReadOnlyList<string> KnownDeadlineKinds =
    [
        "case_management.first_response", "service.service_due", "criminal_justice.p19_file_return",
        "restitution.restitution_payment_due", "restitution.restitution_warning_period",
    ];

    private static readonly int[] DelayLows = [0, 4, 8, 15, 31, 91];
    private static readonly Sex[] SexOrder = [Sex.Female, Sex.Male, Sex.Unknown];
    private static readonly MigrantWorkerStatus[] MigrantOrder =
        [MigrantWorkerStatus.NotMigrantWorker, MigrantWorkerStatus.Procedural, MigrantWorkerStatus.NonProcedural, MigrantWorkerStatus.Unknown];

    private static readonly CaseType[] TypeOrder = [CaseType.Tppo, CaseType.ViolenceAgainstWomen, CaseType.ViolenceAgainstChildren];
    private static readonly CaseExploitationForms[] FormOrder =
        [CaseExploitationForms.SexualExploitation, CaseExploitationForms.ForcedLabour, CaseExploitationForms.Other];

    private static readonly byte[] FormsOfPurposes = BuildFormsLookup();

    /// <summary>Computes the case-record indicators.</summary>
    /// <param name="input">The input. Cannot be <see langword="null"/>.</param>
    /// <param name="region">The region selector: <c>*</c>, a kabupaten or a kecamatan (matched against the case's region).</param>
    /// <param name="period">The period.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The cells (suppressed), coverage, rules and warnings.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The suppression threshold is below 1 (field <c>k</c>).</exception>
    public static CaseIndicatorResult Compute(IndicatorInput input, RegionCode region, ReportingPeriod period, CaseIndicatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        options ??= new CaseIndicatorOptions();
        int k = options.SuppressionK;
        if (k < 1)
        {
            throw new DomainValidationException("k", $"The suppression threshold k must be at least 1, not {k}.");
        }

        var scope = new Scope(input, region, period);
        var warnings = new List<string>();
        var cells = new CellSet();

        var trafficking = Aggregate(scope, traffickingOnly: true);
        var all = Aggregate(scope, traffickingOnly: false);
        int viTotal = AddVictimsIdentified(cells, scope, trafficking, k);
        AddSdg(cells, scope, viTotal, options.Population, warnings);
        var caseCounts = CountCases(scope);
        int reportedTotal = AddCases(cells, scope, caseCounts, k);
        AddDelay(cells, caseCounts, reportedTotal);
        AddFunnel(cells, caseCounts, reportedTotal);
        AddFirstResponse(cells, caseCounts, reportedTotal);
        AddStatutoryServices(cells, scope);
        AddServicesDelivered(cells, scope);
        AddReferrals(cells, scope);
        AddOpenPastDue(cells, scope);
        string? ctdcYear = AddCtdc(cells, options.Ctdc, period, warnings);

        var status = cells.Problem.Solve(k);
        var values = cells.Emit(status);

        if (!AgeGroups.IsConfirmed(AgeGrouping.SimfoniPpa))
        {
            warnings.Insert(0, "victims_identified age_group uses the SIMFONI-PPA groups 0-5, 6-12, 13-17, 18-24, 25-44, 45-59, 60+, which are not confirmed against SIMFONI's code list (domain-indonesia.md §4 [U]).");
        }

        var rules = new List<KeyValuePair<string, string>>
        {
            new("age_grouping.victims_identified.age_group", AgeGroups.SimfoniGrouping),
            new("age_grouping.victims_identified.age_broad", AgeGroups.CtdcGrouping),
            new("age_grouping.sdg_16_2_2", AgeGroups.ChildAdultGrouping),
            new("case_record_period_date", "reported_at (business date in " + input.Zone.Id + ")"),
            new("case_record_states_as_of", "end of " + period.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
            new("deduplication", "person_key (keyed hash of NIK, else of name + birth date + sex); first known value in report order"),
            new("exploitation_form_rule.case_records", ExploitationForms.RuleVersion),
            new("population_table", options.Population.Version),
            new("suppression_rule", SuppressionProblem.RuleVersion),
        };
        if (ctdcYear is not null)
        {
            rules.Add(new("ctdc_dataset", options.Ctdc!.Dataset));
            rules.Add(new("ctdc_year", ctdcYear));
        }

        var coverage = new CaseRecordCoverage(scope.CasesRead, scope.CasesWithoutConsent, caseCounts.Reported, all.VictimRows, all.Count,
            all.SeveralAgencies, all.Unlinkable);
        return new CaseIndicatorResult(values, coverage, rules, warnings);
    }

    /// <summary>Lists the de-identified persons of a period, for exports.</summary>
    /// <param name="input">The input. Cannot be <see langword="null"/>.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="traffickingOnly">Whether to count only trafficking cases' records.</param>
    /// <returns>One entry per distinct person, in order of first report; attributes merged as in
    /// <see cref="Compute"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<AnonymousPerson> Persons(IndicatorInput input, RegionCode region, ReportingPeriod period, bool traffickingOnly)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        var scope = new Scope(input, region, period);
        var a = Aggregate(scope, traffickingOnly);
        var result = new List<AnonymousPerson>(a.Count);
        foreach (int p in a.Order)
        {
            result.Add(new AnonymousPerson((Sex)a.Sex[p], a.Age[p] == IndicatorInput.NoAge ? null : a.Age[p],
                a.Citizenship[p] == 0 ? null : input.Countries[a.Citizenship[p]], a.Destination[p] == 0 ? null : input.Countries[a.Destination[p]],
                (MigrantWorkerStatus)a.Migrant[p], new PurposeSet(a.Purposes[p]), new SimfoniFormSet(a.Simfoni[p]), a.Trafficking[p],
                IndicatorInput.Date(a.FirstDay[p]).Year));
        }

        return result;
    }

    /// <summary>Returns the reporting-delay bucket of a delay.</summary>
    /// <param name="days">Report date minus date of the act, in days, or <see langword="null"/>.</param>
    /// <returns>A code of <see cref="DelayBuckets"/>; <c>unknown</c> for a missing or negative delay.</returns>
    public static string DelayBucket(int? days) => DelayBuckets[DelayIndex(days)];

    private static int DelayIndex(int? days)
    {
        if (days is not { } d || d < 0)
        {
            return DelayLows.Length;
        }

        int i = DelayLows.Length - 1;
        while (DelayLows[i] > d)
        {
            i--;
        }

        return i;
    }

    private static byte[] BuildFormsLookup()
    {
        var table = new byte[1 << 13];
        for (int bits = 0; bits < table.Length; bits++)
        {
            table[bits] = (byte)ExploitationForms.Of(new PurposeSet((ushort)bits));
        }

        return table;
    }

    // ---------------------------------------------------------------- scope and person aggregation

    /// <summary>The rows of the input that a region and period select.</summary>
    private sealed class Scope
    {
        public Scope(IndicatorInput input, RegionCode region, ReportingPeriod period)
        {
            Input = input;
            Region = region;
            Period = period;
            FirstDay = IndicatorInput.Day(period.Start);
            LastDay = IndicatorInput.Day(period.End);
            EndTicks = period.End.PlusDays(1).AtStartOfDayInZone(input.Zone).ToInstant().ToUnixTimeTicks();
            var regionOk = new bool[input.Regions.Length];
            for (int i = 0; i < regionOk.Length; i++)
            {
                regionOk[i] = region.Covers(RegionCode.Parse(input.Regions[i]));
            }

            // Case selected = in region and consented (every indicator); reported in period = the cohort.
            Selected = new bool[input.CaseCount];
            InPeriod = new bool[input.CaseCount];
            for (int c = 0; c < input.CaseCount; c++)
            {
                if (!regionOk[input.CaseRegion[c]])
                {
                    continue;
                }

                CasesRead++;
                if ((input.CaseFlags[c] & IndicatorInput.FlagConsent) == 0)
                {
                    CasesWithoutConsent++;
                    continue;
                }

                Selected[c] = true;
                int day = input.CaseReportedDay[c];
                InPeriod[c] = day >= FirstDay && day <= LastDay;
            }
        }

        public IndicatorInput Input { get; }

        public RegionCode Region { get; }

        public ReportingPeriod Period { get; }

        public int FirstDay { get; }

        public int LastDay { get; }

        /// <summary>Gets the first instant after the period (exclusive end), as Unix ticks.</summary>
        public long EndTicks { get; }

        public bool[] Selected { get; }

        public bool[] InPeriod { get; }

        public int CasesRead { get; }

        public int CasesWithoutConsent { get; }

        public bool Trafficking(int c) => (Input.CaseFlags[c] & IndicatorInput.FlagTrafficking) != 0;
    }

    /// <summary>Persons of the period with their merged attributes (first known value in report order).</summary>
    private sealed class PersonAggregate
    {
        public PersonAggregate(int persons)
        {
            Seen = new bool[persons];
            Sex = new byte[persons];
            Age = new byte[persons];
            Citizenship = new ushort[persons];
            Destination = new ushort[persons];
            Migrant = new byte[persons];
            Purposes = new ushort[persons];
            Simfoni = new byte[persons];
            Agency = new ushort[persons];
            Several = new bool[persons];
            Trafficking = new bool[persons];
            FirstDay = new int[persons];
        }

        public List<int> Order { get; } = [];

        public bool[] Seen { get; }

        public byte[] Sex { get; }

        public byte[] Age { get; }

        public ushort[] Citizenship { get; }

        public ushort[] Destination { get; }

        public byte[] Migrant { get; }

        public ushort[] Purposes { get; }

        public byte[] Simfoni { get; }

        public ushort[] Agency { get; }

        public bool[] Several { get; }

        public bool[] Trafficking { get; }

        public int[] FirstDay { get; }

        public int Count => Order.Count;

        public int VictimRows { get; set; }

        public int SeveralAgencies { get; set; }

        public int Unlinkable { get; set; }
    }

    private static PersonAggregate Aggregate(Scope s, bool traffickingOnly)
    {
        var input = s.Input;
        var a = new PersonAggregate(input.PersonCount);
        for (int v = 0; v < input.VictimRowCount; v++)
        {
            int c = input.VictimCase[v];
            if (!s.InPeriod[c] || (traffickingOnly && !s.Trafficking(c)))
            {
                continue;
            }

            a.VictimRows++;
            int p = input.VictimPerson[v];
            if (!a.Seen[p])
            {
                a.Seen[p] = true;
                a.Order.Add(p);
                a.Age[p] = IndicatorInput.NoAge;
                a.Agency[p] = input.CaseAgency[c];
                a.FirstDay[p] = input.CaseReportedDay[c];
                if (!input.PersonLinkable[p])
                {
                    a.Unlinkable++;
                }
            }
            else if (!a.Several[p] && a.Agency[p] != input.CaseAgency[c])
            {
                a.Several[p] = true;
                a.SeveralAgencies++;
            }

            if (a.Sex[p] == 0)
            {
                a.Sex[p] = input.VictimSex[v];
            }

            if (a.Age[p] == IndicatorInput.NoAge)
            {
                a.Age[p] = input.VictimAge[v];
            }

            if (a.Citizenship[p] == 0)
            {
                a.Citizenship[p] = input.VictimCitizenship[v];
            }

            if (a.Destination[p] == 0)
            {
                a.Destination[p] = input.CaseDestination[c];
            }

            if (a.Migrant[p] == 0)
            {
                a.Migrant[p] = input.VictimMigrant[v];
            }

            a.Purposes[p] |= input.CasePurposes[c];
            a.Simfoni[p] |= input.CaseSimfoni[c];
            a.Trafficking[p] |= s.Trafficking(c);
        }

        return a;
    }

    // ---------------------------------------------------------------- victims identified and SDG 16.2.2

    private static int AddVictimsIdentified(CellSet cells, Scope s, PersonAggregate a, int k)
    {
        const string id = "victims_identified";
        const string unit = "persons";
        var input = s.Input;
        int ageS = AgeGroups.Codes(AgeGrouping.SimfoniPpa).Count;
        int ageB = AgeGroups.Codes(AgeGrouping.CtdcAgeBroad).Count;
        long[] bySex = new long[3], byAgeS = new long[ageS], byAgeB = new long[ageB], byForm = new long[4], byMigrant = new long[4];
        long[] byCit = new long[input.Countries.Length], byDest = new long[input.Countries.Length];
        long[,,] cross = new long[3, ageS, 4];
        foreach (int p in a.Order)
        {
            int sx = SexIndex(a.Sex[p]);
            int age = a.Age[p] == IndicatorInput.NoAge ? -1 : a.Age[p];
            int ai = AgeGroups.IndexOf(AgeGrouping.SimfoniPpa, age < 0 ? null : age);
            int bi = AgeGroups.IndexOf(AgeGrouping.CtdcAgeBroad, age < 0 ? null : age);
            bySex[sx]++;
            byAgeS[ai]++;
            byAgeB[bi]++;
            byCit[a.Citizenship[p]]++;
            byDest[a.Destination[p]]++;
            byMigrant[MigrantIndex(a.Migrant[p])]++;
            int forms = FormsOfPurposes[a.Purposes[p] & 0x1FFF];
            if (forms == 0)
            {
                byForm[3]++;
                cross[sx, ai, 3]++;
            }
            else
            {
                for (int f = 0; f < 3; f++)
                {
                    if ((forms & (int)FormOrder[f]) != 0)
                    {
                        byForm[f]++;
                        cross[sx, ai, f]++;
                    }
                }
            }
        }

        int total = cells.Count(id, unit, a.Count);
        var sexCells = Enumerable.Range(0, 3).Select(i => cells.Count(id, unit, bySex[i], ("sex", SexOrder[i].ToCode()))).ToArray();
        cells.Total(total, sexCells);
        var ageCodes = AgeGroups.Codes(AgeGrouping.SimfoniPpa);
        var ageCells = Enumerable.Range(0, ageS).Select(i => cells.Count(id, unit, byAgeS[i], ("age_group", ageCodes[i]))).ToArray();
        cells.Total(total, ageCells);
        var broadCodes = AgeGroups.Codes(AgeGrouping.CtdcAgeBroad);
        var broadCells = Enumerable.Range(0, ageB).Select(i => cells.Count(id, unit, byAgeB[i], ("age_broad", broadCodes[i]))).ToArray();
        cells.Total(total, broadCells);

        // Both groupings split at 18 and share "unknown": their child groups and their unknown cells are equal.
        cells.Problem.AddRelation(
            [.. Enumerable.Range(0, ageS - 1).Where(i => AgeGroups.ChildStatusOfGroup(AgeGrouping.SimfoniPpa, i) == ChildStatus.Child).Select(i => ageCells[i])],
            [.. Enumerable.Range(0, ageB - 1).Where(i => AgeGroups.ChildStatusOfGroup(AgeGrouping.CtdcAgeBroad, i) == ChildStatus.Child).Select(i => broadCells[i])]);
        cells.Problem.AddTotal(ageCells[^1], [broadCells[^1]]);

        var formCells = Enumerable.Range(0, 4).Select(i => cells.Count(id, unit, byForm[i], ("exploitation_form", ExploitationForms.Codes[i]))).ToArray();
        AddOpen(cells, id, unit, "citizenship", byCit, input.Countries, k, total);
        AddOpen(cells, id, unit, "destination_country", byDest, input.Countries, k, total);
        var migrantCells = Enumerable.Range(0, 4).Select(i => cells.Count(id, unit, byMigrant[i], ("migrant_worker_status", MigrantOrder[i].ToCode()))).ToArray();
        cells.Total(total, migrantCells);

        var crossCells = new int[3, ageS, 4];
        for (int sx = 0; sx < 3; sx++)
        {
            for (int ai = 0; ai < ageS; ai++)
            {
                for (int f = 0; f < 4; f++)
                {
                    crossCells[sx, ai, f] = cells.Count(id, unit, cross[sx, ai, f],
                        ("sex", SexOrder[sx].ToCode()), ("age_group", ageCodes[ai]), ("exploitation_form", ExploitationForms.Codes[f]));
                }
            }
        }

        for (int f = 0; f < 4; f++)
        {
            var parts = new List<int>();
            for (int sx = 0; sx < 3; sx++)
            {
                for (int ai = 0; ai < ageS; ai++)
                {
                    parts.Add(crossCells[sx, ai, f]);
                }
            }

            cells.Total(formCells[f], parts);
        }

        cells.Cross = crossCells;
        return total;
    }

    private static void AddSdg(CellSet cells, Scope s, int viTotal, PopulationTable population, List<string> warnings)
    {
        const string id = "sdg_16_2_2";
        var choice = s.Region.IsAll ? null : population.Choose(s.Region, s.Period.Start.Year);
        if (choice is null)
        {
            warnings.Add($"sdg_16_2_2 is not computed for region {s.Region.Value}: the population table {population.Version} has no figure for it.");
            return;
        }

        if (choice.Warning is { } w)
        {
            warnings.Add("sdg_16_2_2: " + w);
        }

        if (s.Period.Kind != PeriodKind.Year)
        {
            warnings.Add($"sdg_16_2_2 for {s.Period.Label} counts the victims of that period over the year's population; it is not annualised.");
        }

        var figure = choice.Figure;
        var denominator = new PopulationDenominator(figure.Total, figure.Year, figure.ReferenceCode, figure.Source);
        cells.Rate(id, viTotal, figure.Total, 100_000m, 2, denominator);

        // Hidden counts of sex x child/adult x form: each equals a sum of victims_identified cross cells.
        var crossCells = cells.Cross!;
        int ageS = AgeGroups.Codes(AgeGrouping.SimfoniPpa).Count;
        string[] statuses = ["child", "adult", "unknown"];
        for (int sx = 0; sx < 3; sx++)
        {
            for (int cs = 0; cs < 3; cs++)
            {
                for (int f = 0; f < 4; f++)
                {
                    var parts = new List<int>();
                    long n = 0;
                    for (int ai = 0; ai < ageS; ai++)
                    {
                        if (AgeGroups.ChildStatusOfGroup(AgeGrouping.SimfoniPpa, ai).ToCode() == statuses[cs])
                        {
                            parts.Add(crossCells[sx, ai, f]);
                            n += cells.ValueOf(crossCells[sx, ai, f]);
                        }
                    }

                    int hidden = cells.Hidden(n);
                    cells.Total(hidden, parts);
                    cells.Rate(id, hidden, figure.Total, 100_000m, 2, denominator,
                        ("sex", SexOrder[sx].ToCode()), ("age_group", statuses[cs]), ("exploitation_form", ExploitationForms.Codes[f]));
                }
            }
        }
    }

    private static void AddOpen(CellSet cells, string id, string unit, string dimension, long[] counts, string[] names, int k, int total)
    {
        // Index 0 is "unknown". Values seen with fewer than k persons are recoded into "other".
        var shown = new List<(string Code, long N)>();
        long other = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            if (counts[i] < k)
            {
                other += counts[i];
            }
            else
            {
                shown.Add((names[i], counts[i]));
            }
        }

        var parts = shown.OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => cells.Count(id, unit, x.N, (dimension, x.Code))).ToList();
        if (other > 0)
        {
            parts.Add(cells.Count(id, unit, other, (dimension, "other")));
        }

        parts.Add(cells.Count(id, unit, counts[0], (dimension, "unknown")));
        cells.Total(total, parts);
    }

    private static int SexIndex(byte sex) => sex switch
    {
        (byte)Sex.Female => 0,
        (byte)Sex.Male => 1,
        _ => 2,
    };

    private static int MigrantIndex(byte m) => m switch
    {
        (byte)MigrantWorkerStatus.NotMigrantWorker => 0,
        (byte)MigrantWorkerStatus.Procedural => 1,
        (byte)MigrantWorkerStatus.NonProcedural => 2,
        _ => 3,
    };

    // ---------------------------------------------------------------- cases, delay, funnel, first response

    private sealed class CaseCounts(int kecamatans)
    {
        public int Reported { get; set; }

        public long[] ByType { get; } = new long[3];

        public long[] ByKecamatan { get; } = new long[kecamatans];

        public long[,] ByTypeKecamatan { get; } = new long[3, kecamatans];

        public long[] Delay { get; } = new long[DelayBuckets.Count];

        public long[,] Funnel { get; } = new long[3, FunnelStages.Count];

        public long[] FirstResponse { get; } = new long[TimelinessStatuses.Count];
    }

    private static CaseCounts CountCases(Scope s)
    {
        var input = s.Input;
        var counts = new CaseCounts(input.Kecamatans.Length);
        int n = input.CaseCount;
        for (int c = 0; c < n; c++)
        {
            if (!s.InPeriod[c])
            {
                continue;
            }

            counts.Reported++;
            int t = TypeIndex(input.CaseType[c]);
            int kec = input.CaseKecamatan[c];
            counts.ByType[t]++;
            counts.ByKecamatan[kec]++;
            counts.ByTypeKecamatan[t, kec]++;
            int off = input.CaseOffenceDay[c];
            counts.Delay[DelayIndex(off == IndicatorInput.NoDay ? null : input.CaseReportedDay[c] - off)]++;
            counts.Funnel[t, 0]++;
            for (int st = 1; st < FunnelStages.Count; st++)
            {
                int day = input.CaseStageDay[((st - 1) * n) + c];
                if (day != IndicatorInput.NoDay && day <= s.LastDay)
                {
                    counts.Funnel[t, st]++;
                }
            }

            counts.FirstResponse[FirstResponseIndex(input, c, s.EndTicks)]++;
        }

        return counts;
    }

    private static int FirstResponseIndex(IndicatorInput input, int c, long endTicks)
    {
        if ((input.CaseFlags[c] & IndicatorInput.FlagFirstResponse) == 0)
        {
            return 4; // unknown
        }

        long due = input.CaseFirstResponseDue[c];
        long at = input.CaseFirstResponseAt[c];
        if (at != IndicatorInput.NoTicks && at < endTicks)
        {
            return at <= due ? 0 : 1;
        }

        return endTicks > due ? 1 : 2;
    }

    private static int TypeIndex(byte type) => type switch
    {
        (byte)CaseType.Tppo => 0,
        (byte)CaseType.ViolenceAgainstWomen => 1,
        _ => 2,
    };

    private static int AddCases(CellSet cells, Scope s, CaseCounts counts, int k)
    {
        const string id = "cases_reported";
        const string unit = "cases";
        var input = s.Input;
        int total = cells.Count(id, unit, counts.Reported);
        var typeCells = Enumerable.Range(0, 3).Select(t => cells.Count(id, unit, counts.ByType[t], ("case_type", TypeOrder[t].ToCode()))).ToArray();
        cells.Total(total, typeCells);

        // Kecamatan vocabulary: the region's embedded list (+ other, unknown), else the values seen (small ones -> other).
        var listed = KecamatanList.Of(s.Region).Select(p => p.Key).ToList();
        var groups = new List<(string Code, List<int> Indexes)>();
        if (listed.Count > 0)
        {
            var other = new List<int>();
            var byCode = listed.ToDictionary(code => code, _ => new List<int>(), StringComparer.Ordinal);
            for (int i = 1; i < input.Kecamatans.Length; i++)
            {
                (byCode.TryGetValue(input.Kecamatans[i], out var list) ? list : other).Add(i);
            }

            groups.AddRange(listed.Select(code => (code, byCode[code])));
            groups.Add(("other", other));
        }
        else
        {
            var other = new List<int>();
            for (int i = 1; i < input.Kecamatans.Length; i++)
            {
                if (counts.ByKecamatan[i] == 0)
                {
                    continue;
                }

                if (counts.ByKecamatan[i] < k)
                {
                    other.Add(i);
                }
                else
                {
                    groups.Add((input.Kecamatans[i], [i]));
                }
            }

            groups.Sort((x, y) => string.CompareOrdinal(x.Code, y.Code));
            if (other.Count > 0)
            {
                groups.Add(("other", other));
            }
        }

        groups.Add(("unknown", [0]));
        var kecCells = new int[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            kecCells[g] = cells.Count(id, unit, groups[g].Indexes.Sum(i => counts.ByKecamatan[i]), ("kecamatan", groups[g].Code));
        }

        cells.Total(total, kecCells);
        var crossCells = new int[3, groups.Count];
        for (int t = 0; t < 3; t++)
        {
            for (int g = 0; g < groups.Count; g++)
            {
                crossCells[t, g] = cells.Count(id, unit, groups[g].Indexes.Sum(i => counts.ByTypeKecamatan[t, i]),
                    ("case_type", TypeOrder[t].ToCode()), ("kecamatan", groups[g].Code));
            }

            cells.Total(typeCells[t], [.. Enumerable.Range(0, groups.Count).Select(g => crossCells[t, g])]);
        }

        for (int g = 0; g < groups.Count; g++)
        {
            cells.Total(kecCells[g], [.. Enumerable.Range(0, 3).Select(t => crossCells[t, g])]);
        }

        cells.CaseTypeCells = typeCells;
        return total;
    }

    private static void AddDelay(CellSet cells, CaseCounts counts, int reportedTotal)
    {
        var parts = Enumerable.Range(0, DelayBuckets.Count).Select(i => cells.Count("reporting_delay", "cases", counts.Delay[i], ("delay_days", DelayBuckets[i]))).ToArray();
        cells.Total(reportedTotal, parts);
    }

    private static void AddFunnel(CellSet cells, CaseCounts counts, int reportedTotal)
    {
        const string id = "justice_funnel";
        int stages = FunnelStages.Count;
        var stageCells = new int[stages];
        for (int st = 0; st < stages; st++)
        {
            long n = 0;
            for (int t = 0; t < 3; t++)
            {
                n += counts.Funnel[t, st];
            }

            stageCells[st] = cells.Count(id, "cases", n, ("stage", FunnelStages[st]));
        }

        cells.Total(reportedTotal, [stageCells[0]]);
        var typeStage = new int[3, stages];
        for (int t = 0; t < 3; t++)
        {
            for (int st = 0; st < stages; st++)
            {
                typeStage[t, st] = cells.Count(id, "cases", counts.Funnel[t, st], ("case_type", TypeOrder[t].ToCode()), ("stage", FunnelStages[st]));
            }

            cells.Total(cells.CaseTypeCells![t], [typeStage[t, 0]]);
        }

        for (int st = 0; st < stages; st++)
        {
            cells.Total(stageCells[st], [.. Enumerable.Range(0, 3).Select(t => typeStage[t, st])]);
        }

        for (int st = 1; st < stages; st++)
        {
            cells.Rate("justice_conversion", stageCells[st], [stageCells[st - 1]], 100m, 1, ("from_stage", FunnelStages[st - 1]), ("to_stage", FunnelStages[st]));
        }
    }

    private static void AddFirstResponse(CellSet cells, CaseCounts counts, int reportedTotal)
    {
        const string id = "first_response";
        int[] statuses = [0, 1, 2, 4]; // met, late, pending, unknown (no "stopped" for a first response)
        var parts = statuses.Select(i => cells.Count(id, "cases", counts.FirstResponse[i], ("status", TimelinessStatuses[i]))).ToArray();
        cells.Total(reportedTotal, parts);
        cells.Rate("first_response_on_time", parts[0], [parts[0], parts[1]], 100m, 1);
    }

    // ---------------------------------------------------------------- services, referrals, open past due

    private static void AddStatutoryServices(CellSet cells, Scope s)
    {
        // Persons of trafficking cases with a UU 21/2007 Pasal 52-53 request in the period; worst status wins:
        // late > pending > met > stopped.
        var input = s.Input;
        var status = new sbyte[input.PersonCount];
        Array.Fill(status, (sbyte)-1);
        var seen = new List<int>();
        for (int v = 0; v < input.VictimRowCount; v++)
        {
            int c = input.VictimCase[v];
            if (!s.Selected[c] || !s.Trafficking(c))
            {
                continue;
            }

            for (int i = input.VictimServiceStart[v]; i < input.VictimServiceStart[v + 1]; i++)
            {
                int requested = input.ServiceRequested[i];
                int due = input.ServiceDue[i];
                if (due == IndicatorInput.NoDay || requested < s.FirstDay || requested > s.LastDay
                    || !ServiceWorkflow.HasStatutoryLimit((ServiceType)input.ServiceType[i]))
                {
                    continue;
                }

                int st = ServiceStatus(input.ServiceDelivered[i], input.ServiceEnded[i], due, s.LastDay);
                int p = input.VictimPerson[v];
                if (status[p] < 0)
                {
                    seen.Add(p);
                }

                status[p] = (sbyte)Math.Max(status[p], Rank(st));
            }
        }

        long[] byStatus = new long[4]; // met, late, pending, stopped
        foreach (int p in seen)
        {
            byStatus[status[p] switch { 3 => 1, 2 => 2, 1 => 0, _ => 3 }]++;
        }

        const string id = "statutory_services_timeliness";
        int total = cells.Count(id, "persons", seen.Count);
        var parts = Enumerable.Range(0, 4).Select(i => cells.Count(id, "persons", byStatus[i], ("status", TimelinessStatuses[i]))).ToArray();
        cells.Total(total, parts);
        cells.Rate("statutory_services_on_time", parts[0], [parts[0], parts[1]], 100m, 1);

        static int Rank(int st) => st switch { 1 => 3, 2 => 2, 0 => 1, _ => 0 };
    }

    /// <summary>0 met, 1 late, 2 pending, 3 stopped, as of the last day.</summary>
    private static int ServiceStatus(int delivered, int ended, int due, int asOf)
    {
        if (delivered != IndicatorInput.NoDay && delivered <= asOf)
        {
            return delivered <= due ? 0 : 1;
        }

        if (ended != IndicatorInput.NoDay && ended <= asOf)
        {
            return ended <= due ? 3 : 1;
        }

        return asOf > due ? 1 : 2;
    }

    private static void AddServicesDelivered(CellSet cells, Scope s)
    {
        var input = s.Input;
        var mask = new ushort[input.PersonCount];
        var seen = new List<int>();
        for (int v = 0; v < input.VictimRowCount; v++)
        {
            int c = input.VictimCase[v];
            if (!s.Selected[c])
            {
                continue;
            }

            for (int i = input.VictimServiceStart[v]; i < input.VictimServiceStart[v + 1]; i++)
            {
                int d = input.ServiceDelivered[i];
                if (d == IndicatorInput.NoDay || d < s.FirstDay || d > s.LastDay)
                {
                    continue;
                }

                int p = input.VictimPerson[v];
                if (mask[p] == 0)
                {
                    seen.Add(p);
                }

                mask[p] |= (ushort)(1 << (input.ServiceType[i] - 1));
            }
        }

        const string id = "services_delivered";
        cells.Count(id, "persons", seen.Count);
        foreach (var type in Enum.GetValues<ServiceType>())
        {
            int bit = 1 << ((int)type - 1);
            cells.Count(id, "persons", seen.Count(p => (mask[p] & bit) != 0), ("service_type", type.ToCode()));
        }
    }

    private static void AddReferrals(CellSet cells, Scope s)
    {
        var input = s.Input;
        long[] byOutcome = new long[4];
        long total = 0;
        for (int c = 0; c < input.CaseCount; c++)
        {
            if (!s.Selected[c])
            {
                continue;
            }

            for (int i = input.CaseReferralStart[c]; i < input.CaseReferralStart[c + 1]; i++)
            {
                int sent = input.ReferralSent[i];
                if (sent < s.FirstDay || sent > s.LastDay)
                {
                    continue;
                }

                total++;
                int decided = input.ReferralDecided[i];
                var outcome = decided != IndicatorInput.NoDay && decided <= s.LastDay ? (ReferralOutcome)input.ReferralOutcomeCode[i] : ReferralOutcome.InProgress;
                byOutcome[outcome switch { ReferralOutcome.Accepted => 0, ReferralOutcome.Rejected => 1, ReferralOutcome.Revoked => 2, _ => 3 }]++;
            }
        }

        const string id = "referrals";
        int t = cells.Count(id, "referrals", total);
        var parts = Enumerable.Range(0, 4).Select(i => cells.Count(id, "referrals", byOutcome[i], ("outcome", ReferralOutcomes[i]))).ToArray();
        cells.Total(t, parts);
        cells.Rate("referrals_accepted_rate", parts[0], [parts[0], parts[1]], 100m, 1);
    }

    private static void AddOpenPastDue(CellSet cells, Scope s)
    {
        var input = s.Input;
        var kinds = KnownDeadlineKinds.Concat(input.DeadlineKinds.Where(x => !KnownDeadlineKinds.Contains(x)).Order(StringComparer.Ordinal)).ToList();
        var kindPosition = input.DeadlineKinds.Select(x => kinds.IndexOf(x)).ToArray();
        long[] byKind = new long[kinds.Count];
        bool[] hit = new bool[kinds.Count];
        long total = 0;
        for (int c = 0; c < input.CaseCount; c++)
        {
            if (!s.Selected[c] || input.CaseReportedDay[c] > s.LastDay)
            {
                continue;
            }

            Array.Clear(hit);
            bool any = false;
            for (int i = input.CaseDeadlineStart[c]; i < input.CaseDeadlineStart[c + 1]; i++)
            {
                if (input.DeadlineStarts[i] > s.LastDay)
                {
                    continue;
                }

                int closed = input.DeadlineClosed[i];
                if (closed != IndicatorInput.NoDay && closed <= s.LastDay)
                {
                    continue;
                }

                long dueAt = input.DeadlineDueAt[i];
                bool overdue = dueAt != IndicatorInput.NoTicks ? dueAt < s.EndTicks : input.DeadlineDue[i] < s.LastDay;
                if (overdue)
                {
                    hit[kindPosition[input.DeadlineKind[i]]] = true;
                    any = true;
                }
            }

            if (any)
            {
                total++;
                for (int kk = 0; kk < kinds.Count; kk++)
                {
                    byKind[kk] += hit[kk] ? 1 : 0;
                }
            }
        }

        const string id = "cases_open_past_due";
        cells.Count(id, "cases", total);
        for (int kk = 0; kk < kinds.Count; kk++)
        {
            cells.Count(id, "cases", byKind[kk], ("deadline", kinds[kk]));
        }
    }

    // ---------------------------------------------------------------- CTDC reference

    private static string? AddCtdc(CellSet cells, CtdcReference? ctdc, ReportingPeriod period, List<string> warnings)
    {
        if (ctdc is null)
        {
            return null;
        }

        var years = ctdc.Counts.Where(c => c.Year is not null).Select(c => c.Year!.Value).Distinct().ToList();
        int target = period.Start.Year;
        int? year = years.Contains(target) ? target : years.Where(y => y < target).Select(y => (int?)y).Max();
        if (year is null)
        {
            warnings.Add($"ctdc_global_victims: the CTDC data set {ctdc.Dataset} has no year up to {target}.");
            return null;
        }

        if (year != target)
        {
            warnings.Add($"ctdc_global_victims: the CTDC data set has no records registered in {target}; the latest earlier year, {year}, is shown.");
        }

        const string id = "ctdc_global_victims";
        var rows = ctdc.Counts.Where(c => c.Year == year).ToList();
        void Block(IReadOnlyList<CtdcCount> set, params (string Key, string Value)[] fixedDims)
        {
            cells.Fixed(id, "persons", set.Sum(c => c.Count), fixedDims);
            foreach (var (gender, code) in new[] { (CtdcGender.Woman, "female"), (CtdcGender.Man, "male"), (CtdcGender.TransOrNonConforming, "other"), (CtdcGender.Unknown, "unknown") })
            {
                cells.Fixed(id, "persons", set.Where(c => c.Gender == gender).Sum(c => c.Count), [.. fixedDims, ("sex", code)]);
            }

            foreach (string age in AgeGroups.Codes(AgeGrouping.CtdcAgeBroad))
            {
                cells.Fixed(id, "persons", set.Where(c => c.AgeBroad == age).Sum(c => c.Count), [.. fixedDims, ("age_broad", age)]);
            }

            for (int f = 0; f < 4; f++)
            {
                long n = f < 3 ? set.Where(c => (c.Forms & FormOrder[f]) != 0).Sum(c => c.Count) : set.Where(c => c.Forms == 0).Sum(c => c.Count);
                cells.Fixed(id, "persons", n, [.. fixedDims, ("exploitation_form", ExploitationForms.Codes[f])]);
            }
        }

        Block(rows);
        Block([.. rows.Where(r => r.Citizenship == "ID")], ("citizenship", "ID"));
        return year.Value.ToString(CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- cells

    /// <summary>The cells in output order, the suppression problem behind them, and the rates made from them.</summary>
    private sealed class CellSet
    {
        private readonly List<Entry> _entries = [];
        private readonly List<long> _values = [];

        public SuppressionProblem Problem { get; } = new();

        public int[,,]? Cross { get; set; }

        public int[]? CaseTypeCells { get; set; }

        public long ValueOf(int cell) => _values[cell];

        public int Count(string id, string unit, long value, params (string Key, string Value)[] dims)
        {
            int cell = Hidden(value);
            _entries.Add(new Entry(EntryKind.Count, id, unit, Dims(dims), cell, [], 0, 0, 0, null, value));
            return cell;
        }

        public int Hidden(long value)
        {
            _values.Add(value);
            return Problem.AddCell(value);
        }

        public void Total(int total, IReadOnlyList<int> parts) => Problem.AddTotal(total, parts);

        public void Fixed(string id, string unit, long value, params (string Key, string Value)[] dims) =>
            _entries.Add(new Entry(EntryKind.Fixed, id, unit, Dims(dims), -1, [], 0, 0, 0, null, value));

        public void Rate(string id, int numerator, int[] denominator, decimal scale, int decimals, params (string Key, string Value)[] dims) =>
            _entries.Add(new Entry(EntryKind.Rate, id, "percent", Dims(dims), numerator, denominator, 0, scale, decimals, null, 0));

        public void Rate(string id, int numerator, long constantDenominator, decimal scale, int decimals, PopulationDenominator population, params (string Key, string Value)[] dims) =>
            _entries.Add(new Entry(EntryKind.Rate, id, "per_100000", Dims(dims), numerator, [], constantDenominator, scale, decimals, population, 0));

        public List<IndicatorValue> Emit(IReadOnlyList<CellSuppression> status)
        {
            var result = new List<IndicatorValue>(_entries.Count);
            foreach (var e in _entries)
            {
                switch (e.Kind)
                {
                    case EntryKind.Fixed:
                        result.Add(new IndicatorValue(e.Id, e.Value, e.Unit, false, e.Dims));
                        break;
                    case EntryKind.Count:
                        bool suppressed = status[e.Cell] != CellSuppression.None;
                        result.Add(new IndicatorValue(e.Id, suppressed ? null : _values[e.Cell], e.Unit, suppressed, e.Dims));
                        break;
                    default:
                        long den = e.Denominator.Length > 0 ? e.Denominator.Distinct().Sum(d => _values[d]) : e.ConstantDenominator;
                        if (den == 0)
                        {
                            continue; // undefined, never 0
                        }

                        bool hidden = status[e.Cell] != CellSuppression.None || e.Denominator.Any(d => status[d] != CellSuppression.None);
                        decimal? value = hidden ? null : Math.Round(_values[e.Cell] * e.Scale / den, e.Decimals, MidpointRounding.AwayFromZero);
                        result.Add(new IndicatorValue(e.Id, value, e.Unit, hidden, e.Dims) { Population = e.Population });
                        break;
                }
            }

            return result;
        }

        private static KeyValuePair<string, string>[] Dims((string Key, string Value)[] dims) =>
            [.. dims.Select(d => new KeyValuePair<string, string>(d.Key, d.Value))];

        private enum EntryKind
        {
            Count,
            Rate,
            Fixed,
        }

        private sealed record Entry(
            EntryKind Kind,
            string Id,
            string Unit,
            KeyValuePair<string, string>[] Dims,
            int Cell,
            int[] Denominator,
            long ConstantDenominator,
            decimal Scale,
            int Decimals,
            PopulationDenominator? Population,
            long Value);
    }
}
