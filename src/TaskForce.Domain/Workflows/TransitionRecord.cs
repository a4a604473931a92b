using NodaTime;

namespace TaskForce.Domain.Workflows;

/// <summary>
/// The audit event of one state change (or of the start of a workflow): who, for which agency, when, from which state
/// to which, and why. Immutable; the history of a workflow instance is the ordered list of these.
/// </summary>
/// <remarks>
/// <para>Storage writes the new state and this event together in one transaction (same partition); the
/// <see cref="Sequence"/> is the instance's version after the change, so a row key such as
/// <c>{Workflow}|{SubjectId}|{Sequence:D6}</c> is unique and sorts in order.</para>
/// <para>States are stored as their wire codes (snake_case) so that the record reads the same in storage, over HTTP
/// and in the tool. <see cref="From"/> is <see langword="null"/> for the start event (sequence 1).</para>
/// <para>The reason is free text written by staff. It must not contain a victim's or witness's identity (UU 21/2007
/// Pasal 44); the domain cannot check this and storage should treat reasons as confidential.</para>
/// </remarks>
/// <param name="Workflow">The workflow code, e.g. <c>criminal_justice</c>.</param>
/// <param name="SubjectId">The id of the workflow instance (a case, a service request, a referral...).</param>
/// <param name="Sequence">The 1-based position in the history; the instance's version after this change.</param>
/// <param name="From">The state code before the change, or <see langword="null"/> for the start event.</param>
/// <param name="To">The state code after the change.</param>
/// <param name="ActorId">The staff account that made the change.</param>
/// <param name="Agency">The agency the actor acted for.</param>
/// <param name="RecordedAt">When the change was recorded (UTC instant, from the injected clock).</param>
/// <param name="EffectiveOn">The business date (district zone) on which the change took effect, e.g. the date printed
/// on a P-21 letter; never later than the business date of <paramref name="RecordedAt"/>, never earlier than the
/// previous event's.</param>
/// <param name="Reason">The reason given, trimmed, or <see langword="null"/>.</param>
public sealed record TransitionRecord(
    string Workflow,
    string SubjectId,
    int Sequence,
    string? From,
    string To,
    string ActorId,
    string Agency,
    Instant RecordedAt,
    LocalDate EffectiveOn,
    string? Reason)
{
    /// <summary>Gets the instant the change took effect in the field, when the worker gave one (e.g. the first contact
    /// with the victim, ADR-023): not after <see cref="RecordedAt"/>, on the business date <see cref="EffectiveOn"/>.</summary>
    /// <value>A UTC instant, or <see langword="null"/> when only a date was given (then hour-based deadlines use
    /// <see cref="RecordedAt"/>).</value>
    public Instant? EffectiveAt { get; init; }
}
