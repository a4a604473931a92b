using System.Globalization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Indicators;

/// <summary>
/// Computes the case-record indicators of the <see cref="IndicatorCatalogue.CaseRecords"/> over an
/// <see cref="IndicatorInput"/>: victims identified, SDG 16.2.2, cases by type and kecamatan, the justice funnel,
/// timeliness, services, referrals and cases open past due; then applies small-cell suppression.
/// </summary>
/// <remarks>
/// <para>Counting rules (docs/decisions/ADR-008-indicator-counting-rules.md):</para>
/// <list type="number">
/// <item>Records without consent to reporting are left out first (ADR-008 rule 2).</item>
/// <item>Persons, not rows: victims are counted by person key, so one person in two agencies' records (or in two cases)
/// counts once. A person's attributes are the first known value in report order (earliest report instant, then case
/// id) among the records counted; forms of exploitation are the union over them. Distinct counts of two periods do not
/// add up to the count of both (a person reported in both counts in each).</item>
/// <item>Periods are closed ranges of business dates in the district zone: a report at 23:30 WITA on 31 March is in the
/// first quarter (ADR-008 rule 4). States "as of the period" (funnel stage reached, first response, service
/// timeliness, referral outcome, open past due) are taken at the end of the period's last day, so a snapshot of a
/// past period never changes when later events are recorded.</item>
/// <item>Missing values go to <c>unknown</c>, never to zero or to a default bucket (ADR-008 rule 5, which fixes Primero's reporting-delay bug).</item>
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
public static partial class CaseIndicators
{
    /// <summary>The stages of the justice funnel in order.</summary>
    public static readonly IReadOnlyList<string> FunnelStages =
        ["reported", "laporan_polisi", "spdp", "p21", "putusan", "inkracht", "restitution_ordered", "restitution_paid"];

    /// <summary>The reporting-delay buckets in order, GBVIMS/Primero's (ADR-023): [0, 4), [4, 6), [6, 15), [15, 31),
    /// [31, 91), [91, ∞) days, then unknown.</summary>
    public static readonly IReadOnlyList<string> DelayBuckets = ["0-3", "4-5", "6-14", "15-30", "31-90", "91+", "unknown"];

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

    private static readonly int[] DelayLows = [0, 4, 6, 15, 31, 91];
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
            throw new DomainValidationException("k", Texts.Format(IndicatorsText.SuppressionThresholdTooSmall, k));
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
            warnings.Insert(0, $"{IndicatorIds.VictimsIdentified} age_group uses the SIMFONI-PPA groups 0-5, 6-12, 13-17, 18-24, 25-44, 45-59, 60+, which are not confirmed against SIMFONI's code list (SIMFONI-PPA does not publish its code lists).");
        }

        var rules = new List<KeyValuePair<string, string>>
        {
            new($"age_grouping.{IndicatorIds.VictimsIdentified}.age_group", AgeGroups.SimfoniGrouping),
            new($"age_grouping.{IndicatorIds.VictimsIdentified}.age_broad", AgeGroups.CtdcGrouping),
            new($"age_grouping.{IndicatorIds.Sdg1622}", AgeGroups.ChildAdultGrouping),
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


    private static byte[] BuildFormsLookup()
    {
        var table = new byte[1 << 13];
        for (int bits = 0; bits < table.Length; bits++)
        {
            table[bits] = (byte)ExploitationForms.Of(new PurposeSet((ushort)bits));
        }

        return table;
    }
}
