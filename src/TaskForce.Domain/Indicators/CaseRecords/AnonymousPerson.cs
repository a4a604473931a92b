using TaskForce.Domain.Cases;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Indicators;

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
