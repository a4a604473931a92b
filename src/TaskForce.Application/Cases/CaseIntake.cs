using NodaTime;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Cases;

/// <summary>
/// The body of <c>POST /cases</c>: a new case with its persons, elements, places, consent and classifications, in
/// wire codes (snake_case JSON; instants as <c>...Z</c>, dates as <c>YYYY-MM-DD</c>).
/// </summary>
/// <remarks>Validated by <see cref="CreateCaseUseCase"/> through the domain (<see cref="CaseRecord"/>): every error
/// names its field, e.g. <c>victims[0].birth_date</c>, and nothing is written. Identity values
/// (<see cref="NewIdentity"/>, birth dates) are never logged and are stored encrypted (ADR-004).</remarks>
public sealed record CaseIntake
{
    /// <summary>Gets the case id chosen by the client (<c>[A-Za-z0-9_-]</c>, 1–64); leave it out to let the server
    /// assign one, and always leave it out when an <c>Idempotency-Key</c> is sent (the id is then derived from it).</summary>
    public string? Id { get; init; }

    /// <summary>Gets the Kemendagri region code (e.g. <c>53.03</c>). Required.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the case type code (<c>tppo</c>, <c>violence_against_women</c>, <c>violence_against_children</c>). Required.</summary>
    public string? CaseType { get; init; }

    /// <summary>Gets the reporting agency (kind code and name). Required.</summary>
    public NewAgency? ReportingAgency { get; init; }

    /// <summary>Gets the intake channel code. Required.</summary>
    public string? IntakeChannel { get; init; }

    /// <summary>Gets when the report was received (UTC). Required; not in the future.</summary>
    public Instant? ReportedAt { get; init; }

    /// <summary>Gets the date of the act, if known; not after the report date (so never in the future).</summary>
    public LocalDate? OffenceDate { get; init; }

    /// <summary>Gets the victims.</summary>
    public IReadOnlyList<NewVictim>? Victims { get; init; }

    /// <summary>Gets the suspects or perpetrators.</summary>
    public IReadOnlyList<NewSuspect>? Suspects { get; init; }

    /// <summary>Gets the witnesses.</summary>
    public IReadOnlyList<NewWitness>? Witnesses { get; init; }

    /// <summary>Gets the trafficking elements (codes of shared/contracts/cli.md, <c>qualify</c>).</summary>
    public NewTraffickingElements? Elements { get; init; }

    /// <summary>Gets the places.</summary>
    public NewPlaces? Places { get; init; }

    /// <summary>Gets the consent flags.</summary>
    public NewConsent? Consent { get; init; }

    /// <summary>Gets the GBVIMS classification answers (violence cases only).</summary>
    public NewGbvAnswers? GbvAnswers { get; init; }

    /// <summary>Gets the SIMFONI-PPA form codes (violence cases).</summary>
    public IReadOnlyList<string>? SimfoniForms { get; init; }

    /// <summary>Gets the date the SPDP was sent to the prosecutor, if it was already (KUHAP Pasal 109(1)).</summary>
    public LocalDate? SpdpSentOn { get; init; }
}
