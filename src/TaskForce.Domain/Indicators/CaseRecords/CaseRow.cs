using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Indicators;

/// <summary>The case facts of one case record, in the primitive shape the <see cref="IndicatorInputBuilder"/> stores.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Agency">The agency.</param>
/// <param name="Type">The case type.</param>
/// <param name="Trafficking">Whether it is a trafficking case.</param>
/// <param name="Region">The region code (e.g. <c>53.03</c>).</param>
/// <param name="Kecamatan">The kecamatan of origin code, or <see langword="null"/>.</param>
/// <param name="ConsentToReporting">Whether consent to reporting was given.</param>
/// <param name="ReportedAt">When the report was received.</param>
/// <param name="OffenceDate">The date of the act, or <see langword="null"/>.</param>
/// <param name="Destination">The destination country (alpha-2), or <see langword="null"/>.</param>
/// <param name="Purposes">The exploitation purposes.</param>
/// <param name="SimfoniForms">The SIMFONI-PPA forms.</param>
/// <param name="FirstResponse">The first-response deadline, or <see langword="null"/>.</param>
/// <param name="Milestones">The justice milestones.</param>
public readonly record struct CaseRow(
    string CaseId,
    string Agency,
    CaseType Type,
    bool Trafficking,
    string Region,
    string? Kecamatan,
    bool ConsentToReporting,
    Instant ReportedAt,
    LocalDate? OffenceDate,
    string? Destination,
    PurposeSet Purposes,
    SimfoniFormSet SimfoniForms,
    FirstResponseFact? FirstResponse,
    JusticeMilestones Milestones);
