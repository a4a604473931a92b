using NodaTime;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Ports;

/// <summary>
/// The facts of a case that workflow guards read and that belong to the case as a whole rather than to one workflow
/// instance: the victim's consent to share, the case's classification as a sexual-violence (TPKS) or child
/// sexual-violence case, and the date the SPDP was sent. No personal data.
/// </summary>
/// <remarks>
/// Guards that read them: referrals need <see cref="ConsentToShare"/> given (docs/sources.md#primero, #gbvims); mediation is refused
/// when <see cref="IsTpks"/> or <see cref="IsChildSexualViolence"/> (UU 12/2022 Pasal 23 [R]); the criminal-justice track
/// enters penyidikan only once <see cref="SpdpSentOn"/> is recorded (KUHAP Pasal 109(1) [R]). They are read on every
/// transition, so a change on the case (consent withdrawn) applies to the next transition of every workflow.
/// </remarks>
/// <param name="ConsentToShare">The victim's consent to share the case with another agency, as on file now.</param>
/// <param name="IsTpks">Whether the case is a sexual-violence crime under UU 12/2022 Pasal 4 (including TPPO for sexual
/// exploitation, Pasal 4(2)).</param>
/// <param name="IsChildSexualViolence">Whether the case is sexual violence against a child.</param>
/// <param name="SpdpSentOn">The business date (district zone) the SPDP was sent to the prosecutor, or
/// <see langword="null"/> when not sent.</param>
public sealed record CaseFacts(ConsentToShare ConsentToShare, bool IsTpks, bool IsChildSexualViolence, LocalDate? SpdpSentOn)
{
    /// <summary>Gets the person ids of the case's victims in order (e.g. <c>victim-1</c>, <c>victim-2</c>); a service
    /// request names one of them.</summary>
    /// <value>Empty when the case records no victim.</value>
    public IReadOnlyList<string> VictimIds { get; init; } = [];

    /// <summary>Gets the person ids of the case's suspects in order (e.g. <c>suspect-1</c>); a criminal-justice track
    /// names one of them (ADR-023).</summary>
    /// <value>Empty when none is recorded; <see langword="null"/> when the stored case row predates the column (then a
    /// named suspect is not checked against the case).</value>
    public IReadOnlyList<string>? SuspectIds { get; init; } = [];

    /// <summary>Gets when the case was reported (its <c>reported_at</c>): the first-response clock starts here.</summary>
    /// <value>A UTC instant, or <see langword="null"/> when not recorded.</value>
    public Instant? ReportedAt { get; init; }
}

/// <summary>
/// Reads the <see cref="CaseFacts"/> of a case for the workflow use cases. Implemented by the case storage on the case
/// row (ADR-007: row <c>case</c> of the case's partition); the workflow use cases never read the case row directly.
/// </summary>
/// <remarks>
/// The facts are read before a transition and are not locked by it: a change to the case row that lands between that
/// read and the transition's write is seen by the next transition, not by this one (Table Storage has no
/// cross-row condition without writing the other row).
/// </remarks>
public interface ICaseFactsReader
{
    /// <summary>Reads the current facts of a case.</summary>
    /// <param name="caseId">The case id (as given by the caller, unescaped).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The facts, or <see langword="null"/> when no such case is stored.</returns>
    Task<CaseFacts?> ReadAsync(string caseId, CancellationToken cancellationToken = default);
}
