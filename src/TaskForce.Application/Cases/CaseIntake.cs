using NodaTime;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Cases;

/// <summary>
/// The body of <c>POST /cases</c> and of an <c>import --format taskforce</c> line: a new case's header
/// (<see cref="CaseHeader"/>, its fields first) with its persons, elements, places, consent and classifications, in
/// wire codes (snake_case JSON; instants as <c>...Z</c>, dates as <c>YYYY-MM-DD</c>).
/// </summary>
/// <remarks>The case <c>id</c> may be left out to let the server assign one, and must be left out when an
/// <c>Idempotency-Key</c> is sent (the id is then derived from it). Validated by <see cref="CreateCaseUseCase"/>
/// through the domain (<see cref="CaseRecord"/>): every error names its field, e.g. <c>victims[0].birth_date</c>,
/// and nothing is written. Identity values
/// (<see cref="NewIdentity"/>, birth dates) are never logged and are stored encrypted (ADR-004).</remarks>
public sealed record CaseIntake : CaseHeader
{
    /// <summary>Gets the victims.</summary>
    public IReadOnlyList<NewVictim>? Victims { get; init; }

    /// <summary>Gets the suspects or perpetrators.</summary>
    public IReadOnlyList<NewSuspect>? Suspects { get; init; }

    /// <summary>Gets the witnesses.</summary>
    public IReadOnlyList<NewWitness>? Witnesses { get; init; }

    /// <summary>Gets the trafficking elements (codes of docs/wire-contract.md, <c>qualify</c>).</summary>
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
