using NodaTime;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Cases;

/// <summary>One audit event of a workflow as the timeline shows it (ADR-020): the reason, free text that may name a
/// person, only to a caller who may see the case's identity (UU 21/2007 Pasal 44); everyone else sees that a reason
/// exists (<see cref="ReasonWithheld"/>).</summary>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id.</param>
/// <param name="Sequence">The 1-based position in the history.</param>
/// <param name="From">The state code before the change, or <see langword="null"/> for the start event.</param>
/// <param name="To">The state code after the change.</param>
/// <param name="ActorId">The staff account that made the change.</param>
/// <param name="Agency">The agency the actor acted for.</param>
/// <param name="RecordedAt">When the change was recorded (UTC instant).</param>
/// <param name="EffectiveOn">The business date (district zone) the change took effect.</param>
/// <param name="Reason">The reason, or <see langword="null"/> when none was given or it is withheld.</param>
/// <param name="ReasonWithheld">Whether a reason exists that this caller may not read.</param>
public sealed record TimelineEvent(
    string Workflow,
    string SubjectId,
    int Sequence,
    string? From,
    string To,
    string ActorId,
    string Agency,
    Instant RecordedAt,
    LocalDate EffectiveOn,
    string? Reason,
    bool ReasonWithheld)
{
    /// <summary>Returns the event as a caller sees it.</summary>
    /// <param name="record">The stored audit event. Cannot be <see langword="null"/>.</param>
    /// <param name="showText">Whether the caller may see identity (then the reason is shown).</param>
    /// <returns>The event; with <paramref name="showText"/> false, a reason is replaced by
    /// <see cref="ReasonWithheld"/> = <see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static TimelineEvent Of(TransitionRecord record, bool showText)
    {
        ArgumentNullException.ThrowIfNull(record);
        bool withheld = !showText && record.Reason is not null;
        return new TimelineEvent(record.Workflow, record.SubjectId, record.Sequence, record.From, record.To, record.ActorId, record.Agency, record.RecordedAt, record.EffectiveOn, withheld ? null : record.Reason, withheld);
    }
}
