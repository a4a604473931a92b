using NodaTime;

namespace TaskForce.Domain.Workflows;

/// <summary>
/// Decides whether a transition that is in the table may happen for this instance now.
/// </summary>
/// <typeparam name="TState">The workflow's state enumeration.</typeparam>
/// <typeparam name="TContext">The facts of the instance the guard reads.</typeparam>
/// <param name="attempt">The attempted change with the instance's facts and history.</param>
/// <returns><see langword="null"/> when allowed; otherwise the refusal, one sentence naming its legal source.</returns>
public delegate string? TransitionGuard<TState, TContext>(TransitionAttempt<TState, TContext> attempt)
    where TState : struct, Enum;

/// <summary>What a guard sees: the attempted change, who attempts it, on which date, and the instance so far.</summary>
/// <typeparam name="TState">The workflow's state enumeration.</typeparam>
/// <typeparam name="TContext">The facts of the instance.</typeparam>
/// <param name="From">The current state.</param>
/// <param name="To">The requested state.</param>
/// <param name="Context">The instance's facts as they will be after the change.</param>
/// <param name="Actor">Who attempts the change.</param>
/// <param name="EffectiveOn">The business date the change would take effect (district zone).</param>
/// <param name="History">The audit events so far, oldest first.</param>
public sealed record TransitionAttempt<TState, TContext>(
    TState From,
    TState To,
    TContext Context,
    Actor Actor,
    LocalDate EffectiveOn,
    IReadOnlyList<TransitionRecord> History)
    where TState : struct, Enum;

/// <summary>
/// One row of a workflow's transition table: from, to, whether a reason is required, the guard (if any) and the
/// legal or standard source of the rule. The table is the only place a workflow's rules live.
/// </summary>
/// <typeparam name="TState">The workflow's state enumeration.</typeparam>
/// <typeparam name="TContext">The facts of the instance the guard reads.</typeparam>
/// <param name="From">The state the transition leaves.</param>
/// <param name="To">The state it enters (may equal <paramref name="From"/> for a repeated step, e.g. a second P-19).</param>
/// <param name="Reason">Whether a written reason is required.</param>
/// <param name="Source">The law, regulation or standard the rule comes from, with its confidence mark where the
/// reference has one ([C] confirmed, [R] recalled, [U] unconfirmed).</param>
/// <param name="GuardName">A stable snake_case name of the guard for documentation and snapshots, or
/// <see langword="null"/> when unguarded.</param>
/// <param name="Guard">The guard, or <see langword="null"/> when unguarded.</param>
public sealed record TransitionRule<TState, TContext>(
    TState From,
    TState To,
    ReasonRule Reason,
    string Source,
    string? GuardName = null,
    TransitionGuard<TState, TContext>? Guard = null)
    where TState : struct, Enum;

/// <summary>A transition rule described with wire codes, independent of the workflow's types (for docs, snapshots,
/// HTTP and the tool).</summary>
/// <param name="From">The state code left.</param>
/// <param name="To">The state code entered.</param>
/// <param name="ReasonRequired">Whether a reason is required.</param>
/// <param name="Guard">The guard's name, or <see langword="null"/>.</param>
/// <param name="Source">The rule's source.</param>
public sealed record TransitionDescription(string From, string To, bool ReasonRequired, string? Guard, string Source);
