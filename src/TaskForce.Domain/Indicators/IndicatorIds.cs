namespace TaskForce.Domain.Indicators;

/// <summary>
/// The stable id of every indicator TaskForce computes, as written into snapshots, CSV rows and exports: the one place
/// the ids are spelled. <see cref="IndicatorCatalogue"/> defines each of them; the calculators, charts and reports
/// refer to them by these constants.
/// </summary>
/// <remarks>Ids are lower-case snake_case and never change meaning; a changed definition changes
/// <see cref="IndicatorCatalogue.Version"/>, not the id.</remarks>
public static class IndicatorIds
{
    /// <summary>Court outcomes: first-instance verdicts decided in the period (<c>cases</c>).</summary>
    public const string Cases = "cases";

    /// <summary>Court outcomes: distinct victims in the verdicts decided in the period (<c>victims</c>).</summary>
    public const string Victims = "victims";

    /// <summary>Court outcomes: prison sentence in months, count, median, minimum and maximum (<c>sentence_months</c>).</summary>
    public const string SentenceMonths = "sentence_months";

    /// <summary>Court outcomes: verdicts ordering restitution and the Rupiah ordered, UU 21/2007 Pasal 48
    /// (<c>restitution_ordered</c>).</summary>
    public const string RestitutionOrdered = "restitution_ordered";

    /// <summary>Court outcomes: days from arrest to verdict (<c>days_arrest_to_verdict</c>).</summary>
    public const string DaysArrestToVerdict = "days_arrest_to_verdict";

    /// <summary>Case records: distinct victims of trafficking identified in the period (<c>victims_identified</c>).</summary>
    public const string VictimsIdentified = "victims_identified";

    /// <summary>Case records: victims of human trafficking per 100,000 population, SDG indicator 16.2.2
    /// (<c>sdg_16_2_2</c>).</summary>
    public const string Sdg1622 = "sdg_16_2_2";

    /// <summary>Case records: consented case records reported in the period (<c>cases_reported</c>).</summary>
    public const string CasesReported = "cases_reported";

    /// <summary>Case records: cases by report date minus date of the act, in day buckets (<c>reporting_delay</c>).</summary>
    public const string ReportingDelay = "reporting_delay";

    /// <summary>Case records: the period's cases by the criminal-justice stage reached (<c>justice_funnel</c>).</summary>
    public const string JusticeFunnel = "justice_funnel";

    /// <summary>Case records: percentage of cases passing from one justice stage to the next
    /// (<c>justice_conversion</c>).</summary>
    public const string JusticeConversion = "justice_conversion";

    /// <summary>Case records: cases by the status of their first-response deadline (<c>first_response</c>).</summary>
    public const string FirstResponse = "first_response";

    /// <summary>Case records: percentage of first responses met on time (<c>first_response_on_time</c>).</summary>
    public const string FirstResponseOnTime = "first_response_on_time";

    /// <summary>Case records: victims with a UU 21/2007 Pasal 52–53 service request, by status
    /// (<c>statutory_services_timeliness</c>).</summary>
    public const string StatutoryServicesTimeliness = "statutory_services_timeliness";

    /// <summary>Case records: percentage of those victims whose requests were met on time
    /// (<c>statutory_services_on_time</c>).</summary>
    public const string StatutoryServicesOnTime = "statutory_services_on_time";

    /// <summary>Case records: distinct persons who received a service in the period (<c>services_delivered</c>).</summary>
    public const string ServicesDelivered = "services_delivered";

    /// <summary>Case records: referrals sent in the period by their first decision (<c>referrals</c>).</summary>
    public const string Referrals = "referrals";

    /// <summary>Case records: percentage of decided referrals accepted (<c>referrals_accepted_rate</c>).</summary>
    public const string ReferralsAcceptedRate = "referrals_accepted_rate";

    /// <summary>Case records: cases with a workflow deadline overdue at the end of the period
    /// (<c>cases_open_past_due</c>).</summary>
    public const string CasesOpenPastDue = "cases_open_past_due";

    /// <summary>Case records: victims in the CTDC global synthetic data set, set beside the task force's
    /// (<c>ctdc_global_victims</c>).</summary>
    public const string CtdcGlobalVictims = "ctdc_global_victims";

    /// <summary>Hidden victims: the multiple systems estimate of the victims of trafficking, seen and unseen
    /// (<c>hidden_victims</c>).</summary>
    public const string HiddenVictims = "hidden_victims";

    /// <summary>Hidden victims: SDG 16.2.2 including the estimated hidden victims (<c>sdg_16_2_2_estimated</c>).</summary>
    public const string Sdg1622Estimated = "sdg_16_2_2_estimated";
}
