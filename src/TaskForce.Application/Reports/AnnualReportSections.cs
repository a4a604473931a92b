using TaskForce.Domain.Indicators;
using TaskForce.Domain.Prevention;

namespace TaskForce.Application.Reports;

/// <summary>The duties of a district task force a section of the annual report answers for (UU 21/2007 Pasal 58;
/// Perpres 69/2008 Pasal 7 as amended by Perpres 22/2021 and 49/2023: prevention, victim protection, law enforcement,
/// coordination, then reporting and evaluation).</summary>
public enum AnnualReportDuty
{
    /// <summary>Pencegahan: socialisation, training, community groups, pre-departure checks.</summary>
    Prevention,

    /// <summary>Perlindungan korban: identification, services within 7 days, repatriation, reintegration.</summary>
    VictimProtection,

    /// <summary>Penegakan hukum: the justice funnel, verdicts, sentences, restitution.</summary>
    LawEnforcement,

    /// <summary>Koordinasi: referrals between agencies, first response, deadlines.</summary>
    Coordination,
}

/// <summary>One figure line of a section: an indicator, and the dimension whose values become one row each (or
/// <see langword="null"/> for the indicator's total).</summary>
/// <param name="IndicatorId">The indicator id (<see cref="IndicatorIds"/>).</param>
/// <param name="Dimension">The dimension to break down by (e.g. <c>stage</c>), or <see langword="null"/> for the total
/// cell only.</param>
/// <param name="Only">When set, the dimension values to show, in this order (e.g. only the median of <c>stat</c>).</param>
public sealed record AnnualReportFigure(string IndicatorId, string? Dimension = null, IReadOnlyList<string>? Only = null);

/// <summary>Which figures each duty's section shows — the one place that maps the indicator catalogue onto the
/// task force's duties. A figure whose indicator the snapshot does not hold is left out; a section left with no
/// figure says that no records were kept.</summary>
public static class AnnualReportSections
{
    /// <summary>Gets the sections in the report's order with their figures.</summary>
    /// <value>Prevention, victim protection, law enforcement, coordination.</value>
    public static IReadOnlyList<(AnnualReportDuty Duty, IReadOnlyList<AnnualReportFigure> Figures)> All { get; } =
    [
        (AnnualReportDuty.Prevention,
        [
            new(PreventionCatalogue.Activities),
            new(PreventionCatalogue.Activities, "kind"),
            new(PreventionCatalogue.Participants),
            new(PreventionCatalogue.Participants, "kind"),
            new(PreventionCatalogue.DesaCoverage),
        ]),
        (AnnualReportDuty.VictimProtection,
        [
            new(IndicatorIds.VictimsIdentified),
            new(IndicatorIds.VictimsIdentified, "age_broad"),
            new(IndicatorIds.VictimsIdentified, "exploitation_form"),
            new(IndicatorIds.Sdg1622),
            new(IndicatorIds.StatutoryServicesTimeliness, "status"),
            new(IndicatorIds.StatutoryServicesOnTime),
            new(IndicatorIds.ServicesDelivered, "service_type"),
            new(IndicatorIds.HiddenVictims),
        ]),
        (AnnualReportDuty.LawEnforcement,
        [
            new(IndicatorIds.CasesReported),
            new(IndicatorIds.JusticeFunnel, "stage"),
            new(IndicatorIds.Cases),
            new(IndicatorIds.Victims),
            new(IndicatorIds.SentenceMonths, "stat", ["count", "median", "min", "max"]),
            new(IndicatorIds.DaysArrestToVerdict, "stat", ["count", "median"]),
            new(IndicatorIds.RestitutionOrdered, "stat"),
        ]),
        (AnnualReportDuty.Coordination,
        [
            new(IndicatorIds.Referrals, "outcome"),
            new(IndicatorIds.ReferralsAcceptedRate),
            new(IndicatorIds.FirstResponse, "status"),
            new(IndicatorIds.FirstResponseOnTime),
            new(IndicatorIds.CasesOpenPastDue, "deadline"),
        ]),
    ];
}
