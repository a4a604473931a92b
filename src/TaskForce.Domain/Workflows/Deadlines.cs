using NodaTime;

namespace TaskForce.Domain.Workflows;

/// <summary>How a deadline of N days is counted from its start date.</summary>
public enum DayCounting
{
    /// <summary>The start date is day 1: "within 7 days" of 1 March is due on 7 March (start + N − 1). KUHAP detention
    /// periods are counted this way (3 to 22 March is 20 days; docs/wire-contract.md).</summary>
    InclusiveOfStartDay = 0,

    /// <summary>Day 1 is the day after the start date: "within 7 days" of 1 March is due on 8 March (start + N).</summary>
    FromNextDay = 1,
}

/// <summary>The terms of one deadline: its length, how days are counted, and where the rule comes from.</summary>
/// <remarks>Exactly one of <see cref="Days"/> and <see cref="Hours"/> is set. Day-based deadlines are business dates
/// in the district zone; hour-based deadlines run from the instant the clock starts.</remarks>
public sealed record DeadlineTerms
{
    private DeadlineTerms(int? days, int? hours, DayCounting counting, string source, bool confirmed)
    {
        Days = days;
        Hours = hours;
        Counting = counting;
        Source = source;
        Confirmed = confirmed;
    }

    /// <summary>Gets the length in days, or <see langword="null"/> for an hour-based deadline.</summary>
    /// <value>In [1, 3650].</value>
    public int? Days { get; }

    /// <summary>Gets the length in hours, or <see langword="null"/> for a day-based deadline.</summary>
    /// <value>In [0, 8760]; 0 means "immediately".</value>
    public int? Hours { get; }

    /// <summary>Gets how days are counted (day-based deadlines only).</summary>
    /// <value>The counting convention.</value>
    public DayCounting Counting { get; }

    /// <summary>Gets the source of the rule with its confidence mark.</summary>
    /// <value>For example <c>UU 21/2007 Pasal 52(1) [R]</c>.</value>
    public string Source { get; }

    /// <summary>Gets whether the value is confirmed against the legal text; unconfirmed values are flagged in results.</summary>
    /// <value><see langword="false"/> for [R] and [U] values.</value>
    public bool Confirmed { get; }

    /// <summary>Creates day-based terms.</summary>
    /// <param name="days">The length in days, in [1, 3650].</param>
    /// <param name="counting">How the days are counted.</param>
    /// <param name="source">The rule's source with its confidence mark. Cannot be blank.</param>
    /// <param name="confirmed">Whether the value is confirmed.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside [1, 3650].</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is blank.</exception>
    public static DeadlineTerms InDays(int days, DayCounting counting, string source, bool confirmed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3650);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new DeadlineTerms(days, null, counting, source, confirmed);
    }

    /// <summary>Creates hour-based terms.</summary>
    /// <param name="hours">The length in hours, in [0, 8760].</param>
    /// <param name="source">The rule's source with its confidence mark. Cannot be blank.</param>
    /// <param name="confirmed">Whether the value is confirmed.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is outside [0, 8760].</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is blank.</exception>
    public static DeadlineTerms InHours(int hours, string source, bool confirmed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, 8760);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new DeadlineTerms(null, hours, DayCounting.InclusiveOfStartDay, source, confirmed);
    }

    /// <summary>Returns the last business date on which a day-based deadline is still met.</summary>
    /// <param name="start">The start date (the business date of the triggering event).</param>
    /// <returns><paramref name="start"/> + N − 1 days when counted inclusively, + N days otherwise.</returns>
    /// <exception cref="InvalidOperationException">The terms are hour-based.</exception>
    public LocalDate DueDate(LocalDate start)
    {
        int days = Days ?? throw new InvalidOperationException("Hour-based terms have no day count.");
        return start.PlusDays(Counting == DayCounting.InclusiveOfStartDay ? days - 1 : days);
    }
}

/// <summary>
/// A deadline rule of a workflow: entering one of <see cref="StartsOnEntering"/> starts the clock; it runs while the
/// instance stays in <see cref="RunsWhileIn"/>; leaving those states closes it, as met when the new state is in
/// <see cref="SatisfiedBy"/>.
/// </summary>
/// <typeparam name="TState">The workflow's state enumeration.</typeparam>
/// <typeparam name="TContext">The facts of the instance that choose the terms.</typeparam>
/// <param name="Id">A stable snake_case id, e.g. <c>service_due</c>.</param>
/// <param name="StartsOnEntering">States whose entry starts the clock (re-entry restarts it).</param>
/// <param name="RunsWhileIn">States in which the clock keeps running.</param>
/// <param name="SatisfiedBy">States whose entry meets the deadline.</param>
/// <param name="Terms">Chooses the terms from the instance's facts; <see langword="null"/> means no deadline applies
/// (e.g. a service with no statutory or configured time limit).</param>
public sealed record DeadlineRule<TState, TContext>(
    string Id,
    IReadOnlySet<TState> StartsOnEntering,
    IReadOnlySet<TState> RunsWhileIn,
    IReadOnlySet<TState> SatisfiedBy,
    Func<TContext, DeadlineTerms?> Terms)
    where TState : struct, Enum
{
    /// <summary>Gets where an hour-based clock starts, read from the facts (e.g. the case's <c>reported_at</c> for the
    /// first response, ADR-023), instead of the instant the starting event was recorded.</summary>
    /// <value><see langword="null"/> (the default) or a function returning <see langword="null"/> when the fact is not
    /// known: the starting event's <see cref="TransitionRecord.RecordedAt"/> is used.</value>
    public Func<TContext, Instant?>? StartsAtFact { get; init; }

    /// <summary>Gets whether entering a start state again from itself (a self-transition such as a second P-19)
    /// restarts a running clock.</summary>
    /// <value><see langword="true"/> by default; <see langword="false"/> for a deadline that a recorded step inside the
    /// state (a risk reassessment in intake) must not restart.</value>
    public bool RestartsOnReentry { get; init; } = true;

    /// <summary>Gets the terms in force at an event of the history (by its sequence), for facts that change over time
    /// (a reassessed risk level): a deadline closed at sequence <c>n</c> keeps the terms in force at <c>n</c>; a
    /// running one uses the terms in force now (<see cref="int.MaxValue"/>).</summary>
    /// <value><see langword="null"/> (the default) to use <see cref="Terms"/> for every event.</value>
    public Func<TContext, int, DeadlineTerms?>? TermsAsOf { get; init; }
}

/// <summary>Where a deadline stands.</summary>
public enum DeadlineStatus
{
    /// <summary>Running, and the due date or time has not come.</summary>
    Pending = 0,

    /// <summary>Running, and today is the due date (day-based deadlines).</summary>
    DueToday = 1,

    /// <summary>Running, and the due date or time has passed.</summary>
    Overdue = 2,

    /// <summary>Closed by a satisfying state on or before the due date or time.</summary>
    Met = 3,

    /// <summary>Closed by a satisfying state after the due date or time.</summary>
    MetLate = 4,

    /// <summary>Closed by another state (e.g. the service was refused) on or before the due date or time.</summary>
    Stopped = 5,

    /// <summary>Closed by another state after the due date or time had passed (e.g. the court warned after non-payment).</summary>
    Missed = 6,
}

/// <summary>One evaluated deadline of a workflow instance (for the timeline and the daily alert run).</summary>
/// <param name="Id">The rule id, e.g. <c>restitution_payment_due</c>.</param>
/// <param name="StartedBySequence">The sequence number of the audit event that started the clock.</param>
/// <param name="StartsOn">The business date the clock started (district zone).</param>
/// <param name="StartsAt">The instant the clock started (hour-based deadlines), or <see langword="null"/>.</param>
/// <param name="DueOn">The last business date on which the deadline is met (district zone).</param>
/// <param name="DueAt">The due instant (hour-based deadlines), or <see langword="null"/>.</param>
/// <param name="Status">Where it stands as of the evaluation.</param>
/// <param name="ClosedOn">The business date of the event that closed it, or <see langword="null"/> while running.</param>
/// <param name="DaysOverdue">Whole days past <paramref name="DueOn"/> as of the evaluation date (running deadlines) or
/// of <paramref name="ClosedOn"/> (closed ones); 0 when not late.</param>
/// <param name="Source">The rule's source.</param>
/// <param name="Confirmed">Whether the rule's value is confirmed.</param>
public sealed record Deadline(
    string Id,
    int StartedBySequence,
    LocalDate StartsOn,
    Instant? StartsAt,
    LocalDate DueOn,
    Instant? DueAt,
    DeadlineStatus Status,
    LocalDate? ClosedOn,
    int DaysOverdue,
    string Source,
    bool Confirmed);
