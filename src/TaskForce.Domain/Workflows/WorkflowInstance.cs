using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>
/// One running workflow (a case's case management, one service request, one referral, one criminal case, one
/// restitution claim): its current state, its facts and its audit history. State changes only through
/// <see cref="TransitionTo(TState, Actor, IClock, string?, LocalDate?, TContext?)"/>, which checks the definition's
/// table and records one <see cref="TransitionRecord"/>.
/// </summary>
/// <typeparam name="TState">The state enumeration.</typeparam>
/// <typeparam name="TContext">The instance's facts.</typeparam>
/// <remarks>
/// Not thread-safe: one request changes one loaded instance. Concurrent writers are serialised by storage (ETag on the
/// state row, written in one transaction with the new audit event); <see cref="Version"/> is the number of events and
/// the sequence of the last one.
/// </remarks>
public sealed class WorkflowInstance<TState, TContext>
    where TState : struct, Enum
    where TContext : class
{
    private readonly List<TransitionRecord> _history;

    internal WorkflowInstance(WorkflowDefinition<TState, TContext> definition, string subjectId, DateTimeZone zone, TContext context, List<TransitionRecord> history, TState state)
    {
        Definition = definition;
        SubjectId = subjectId;
        Zone = zone;
        Context = context;
        _history = history;
        State = state;
    }

    /// <summary>Gets the workflow definition.</summary>
    /// <value>Never <see langword="null"/>.</value>
    public WorkflowDefinition<TState, TContext> Definition { get; }

    /// <summary>Gets the instance id.</summary>
    /// <value>A storage-key-safe id.</value>
    public string SubjectId { get; }

    /// <summary>Gets the district zone in which business dates are computed.</summary>
    /// <value>Normally <c>Asia/Makassar</c>.</value>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the current state.</summary>
    /// <value>The state after the last audit event.</value>
    public TState State { get; private set; }

    /// <summary>Gets the current state's wire code.</summary>
    /// <value>A snake_case code.</value>
    public string StateCode => Definition.ToCode(State);

    /// <summary>Gets the instance's facts.</summary>
    /// <value>Replaced only through a transition that passes new facts.</value>
    public TContext Context { get; private set; }

    /// <summary>Gets the audit events, oldest first.</summary>
    /// <value>At least the start event.</value>
    public IReadOnlyList<TransitionRecord> History => _history;

    /// <summary>Gets the version: the number of audit events, equal to the last event's sequence.</summary>
    /// <value>At least 1.</value>
    public int Version => _history.Count;

    /// <summary>Changes state by a wire code (the HTTP and tool entry point).</summary>
    /// <param name="toCode">The target state's code.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="reason">The reason; required where the table says so.</param>
    /// <param name="effectiveOn">The business date of the change; defaults to today in <see cref="Zone"/>.</param>
    /// <param name="context">New facts, or <see langword="null"/> to keep the current ones.</param>
    /// <returns>The audit event recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException"><paramref name="toCode"/> is not a state of the workflow (field
    /// <c>to</c>); see also <see cref="TransitionTo(TState, Actor, IClock, string?, LocalDate?, TContext?)"/>.</exception>
    /// <exception cref="IllegalTransitionException">See <see cref="TransitionTo(TState, Actor, IClock, string?, LocalDate?, TContext?)"/>.</exception>
    public TransitionRecord TransitionTo(string toCode, Actor actor, IClock clock, string? reason = null, LocalDate? effectiveOn = null, TContext? context = null) =>
        TransitionTo(Definition.ParseState(toCode, "to"), actor, clock, reason, effectiveOn, context);

    /// <summary>Changes state if the table allows it, and records the audit event.</summary>
    /// <param name="to">The target state.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="clock">The clock; the event's <see cref="TransitionRecord.RecordedAt"/> is its current instant.</param>
    /// <param name="reason">The reason; required where the table says so.</param>
    /// <param name="effectiveOn">The business date of the change; defaults to today in <see cref="Zone"/>.</param>
    /// <param name="context">New facts, or <see langword="null"/> to keep the current ones.</param>
    /// <returns>The audit event recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The reason is required and missing or blank, or too long (field
    /// <c>reason</c>); the effective date is after today or before the previous event's (field <c>effective_on</c>);
    /// the new facts change what cannot change (field <c>context</c>). Nothing is changed.</exception>
    /// <exception cref="IllegalTransitionException">The pair is not in the table, or its guard refuses; the exception
    /// names the allowed targets. Nothing is changed.</exception>
    public TransitionRecord TransitionTo(TState to, Actor actor, IClock clock, string? reason = null, LocalDate? effectiveOn = null, TContext? context = null) =>
        TransitionTo(to, actor, clock, reason, effectiveOn, context, effectiveAt: null);

    /// <summary>Changes state if the table allows it, with the instant the change took effect in the field (e.g. the
    /// first contact with the victim, which hour-based deadlines measure; ADR-023), and records the audit event.</summary>
    /// <param name="to">The target state.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="clock">The clock; the event's <see cref="TransitionRecord.RecordedAt"/> is its current instant.</param>
    /// <param name="reason">The reason; required where the table says so.</param>
    /// <param name="effectiveOn">The business date of the change; defaults to the business date of
    /// <paramref name="effectiveAt"/> in <see cref="Zone"/>, else today.</param>
    /// <param name="context">New facts, or <see langword="null"/> to keep the current ones.</param>
    /// <param name="effectiveAt">The instant the change took effect, or <see langword="null"/> for the recording
    /// instant; not after now, on <paramref name="effectiveOn"/> when both are given, and allowed by the workflow's
    /// own check (case management: not before the case's <c>reported_at</c>).</param>
    /// <returns>The audit event recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As the other overload; and <paramref name="effectiveAt"/> is after
    /// now, falls on another business date than <paramref name="effectiveOn"/>, or is refused by the workflow (field
    /// <c>effective_at</c>). Nothing is changed.</exception>
    /// <exception cref="IllegalTransitionException">The pair is not in the table, or its guard refuses; the exception
    /// names the allowed targets. Nothing is changed.</exception>
    public TransitionRecord TransitionTo(TState to, Actor actor, IClock clock, string? reason, LocalDate? effectiveOn, TContext? context, Instant? effectiveAt)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        string? cleanReason = WorkflowText.CleanReason(reason);
        Instant now = clock.GetCurrentInstant();
        TContext facts = context ?? Context;
        if (effectiveAt is { } at)
        {
            effectiveOn = Definition.CheckEffectiveAt(at, effectiveOn, now, Zone, facts);
        }

        LocalDate effective = WorkflowDefinition<TState, TContext>.CheckEffectiveDate(effectiveOn, now, Zone, _history[^1].EffectiveOn);
        if (context is not null)
        {
            Definition.CheckContextChange(Context, context);
        }

        var rule = Definition.Find(State, to);
        if (rule is null)
        {
            throw Illegal(to, actor, effective, facts, refusal: null);
        }

        if (rule.Guard?.Invoke(new TransitionAttempt<TState, TContext>(State, to, facts, actor, effective, _history)) is { } refusal)
        {
            throw Illegal(to, actor, effective, facts, refusal);
        }

        if (rule.Reason == ReasonRule.Required && cleanReason is null)
        {
            throw new DomainValidationException("reason", Texts.Format(WorkflowsText.ReasonRequiredForTransition, Definition.Code, StateCode, Definition.ToCode(to), rule.Source));
        }

        var record = new TransitionRecord(Definition.Code, SubjectId, _history.Count + 1, StateCode, Definition.ToCode(to), actor.UserId, actor.Agency, now, effective, cleanReason)
        {
            EffectiveAt = effectiveAt,
        };
        _history.Add(record);
        State = to;
        Context = facts;
        return record;
    }

    /// <summary>Returns the states this actor could move the instance to on a given date (guards applied).</summary>
    /// <param name="actor">Who would make the change.</param>
    /// <param name="effectiveOn">The business date of the change.</param>
    /// <returns>The targets in table order; empty in a final state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<TState> AllowedTargets(Actor actor, LocalDate effectiveOn)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AllowedTargets(actor, effectiveOn, Context);
    }

    /// <summary>Evaluates the instance's deadlines as of the clock's current instant.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>Every deadline started so far, oldest first, with its status in <see cref="Zone"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Deadline> Deadlines(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DeadlineEvaluator.Evaluate(Definition, Context, _history, clock.GetCurrentInstant(), Zone);
    }

    /// <summary>Returns the instance's timeline: current state, history and deadlines (the shape of
    /// <c>GET /cases/{id}/timeline</c> per workflow).</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public WorkflowTimeline Timeline(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Instant now = clock.GetCurrentInstant();
        return new WorkflowTimeline(
            Definition.Code,
            SubjectId,
            StateCode,
            Version,
            DistrictTime.BusinessDate(now, Zone),
            Zone.Id,
            [.. _history],
            DeadlineEvaluator.Evaluate(Definition, Context, _history, now, Zone));
    }

    private IReadOnlyList<TState> AllowedTargets(Actor actor, LocalDate effectiveOn, TContext facts) =>
        [.. Definition.RulesFrom(State)
            .Where(r => r.Guard is null || r.Guard(new TransitionAttempt<TState, TContext>(State, r.To, facts, actor, effectiveOn, _history)) is null)
            .Select(r => r.To)];

    private IllegalTransitionException Illegal(TState to, Actor actor, LocalDate effective, TContext facts, string? refusal) =>
        new(Definition.Code, StateCode, Definition.ToCode(to), [.. AllowedTargets(actor, effective, facts).Select(Definition.ToCode)], refusal);
}

/// <summary>The state, history and deadlines of one workflow instance as of a business date.</summary>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id.</param>
/// <param name="State">The current state code.</param>
/// <param name="Version">The number of audit events.</param>
/// <param name="AsOf">The business date of the evaluation.</param>
/// <param name="Zone">The zone id of the business dates, e.g. <c>Asia/Makassar</c>.</param>
/// <param name="History">The audit events, oldest first.</param>
/// <param name="Deadlines">The deadlines started so far, with their status as of <paramref name="AsOf"/>.</param>
public sealed record WorkflowTimeline(
    string Workflow,
    string SubjectId,
    string State,
    int Version,
    LocalDate AsOf,
    string Zone,
    IReadOnlyList<TransitionRecord> History,
    IReadOnlyList<Deadline> Deadlines);

/// <summary>Replays a history against the deadline rules.</summary>
internal static class DeadlineEvaluator
{
    internal static List<Deadline> Evaluate<TState, TContext>(
        WorkflowDefinition<TState, TContext> definition,
        TContext context,
        IReadOnlyList<TransitionRecord> history,
        Instant now,
        DateTimeZone zone)
        where TState : struct, Enum
        where TContext : class
    {
        var result = new List<(int Order, Deadline Deadline)>();
        LocalDate today = DistrictTime.BusinessDate(now, zone);
        for (int ruleIndex = 0; ruleIndex < definition.Deadlines.Count; ruleIndex++)
        {
            var rule = definition.Deadlines[ruleIndex];
            DeadlineTerms? TermsAt(int sequence) => rule.TermsAsOf is { } asOf ? asOf(context, sequence) : rule.Terms(context);
            Instant? factStart = rule.StartsAtFact?.Invoke(context);
            TransitionRecord? open = null;
            bool first = true;
            Instant? openStart = null;
            foreach (var record in history)
            {
                TState to = definition.ParseState(record.To, "history.to");
                bool selfLoop = record.From == record.To;
                bool starts = rule.StartsOnEntering.Contains(to) && (open is null || rule.RestartsOnReentry || !selfLoop);
                if (open is not null && (starts || !rule.RunsWhileIn.Contains(to)))
                {
                    if (TermsAt(record.Sequence) is { } terms)
                    {
                        result.Add((open.Sequence, Close(rule.Id, terms, open, openStart, record, rule.SatisfiedBy.Contains(to), zone)));
                    }

                    open = null;
                }

                if (starts)
                {
                    open = record;
                    openStart = first ? factStart : null;
                    first = false;
                }
            }

            if (open is not null && TermsAt(int.MaxValue) is { } running)
            {
                result.Add((open.Sequence, Running(rule.Id, running, open, openStart, now, today, zone)));
            }
        }

        return [.. result.OrderBy(x => x.Order).ThenBy(x => x.Deadline.Id, StringComparer.Ordinal).Select(x => x.Deadline)];
    }

    private static (LocalDate DueOn, Instant? StartsAt, Instant? DueAt) Due(DeadlineTerms terms, TransitionRecord start, Instant? startsAt, DateTimeZone zone)
    {
        if (terms.Hours is { } hours)
        {
            Instant from = startsAt ?? start.RecordedAt;
            Instant dueAt = from.Plus(Duration.FromHours(hours));
            return (DistrictTime.BusinessDate(dueAt, zone), from, dueAt);
        }

        return (terms.DueDate(start.EffectiveOn), null, null);
    }

    private static Deadline Close(string id, DeadlineTerms terms, TransitionRecord start, Instant? startsAtFact, TransitionRecord end, bool satisfied, DateTimeZone zone)
    {
        var (dueOn, startsAt, dueAt) = Due(terms, start, startsAtFact, zone);
        Instant endAt = end.EffectiveAt ?? end.RecordedAt;
        bool late = dueAt is { } at ? endAt > at : end.EffectiveOn > dueOn;
        var status = (satisfied, late) switch
        {
            (true, false) => DeadlineStatus.Met,
            (true, true) => DeadlineStatus.MetLate,
            (false, false) => DeadlineStatus.Stopped,
            (false, true) => DeadlineStatus.Missed,
        };
        LocalDate closedOn = dueAt is null ? end.EffectiveOn : DistrictTime.BusinessDate(endAt, zone);
        int overdue = late ? Math.Max(0, Period.Between(dueOn, closedOn, PeriodUnits.Days).Days) : 0;
        return new Deadline(id, start.Sequence, StartOn(start, startsAt, zone), startsAt, dueOn, dueAt, status, closedOn, overdue, terms.Source, terms.Confirmed);
    }

    private static Deadline Running(string id, DeadlineTerms terms, TransitionRecord start, Instant? startsAtFact, Instant now, LocalDate today, DateTimeZone zone)
    {
        var (dueOn, startsAt, dueAt) = Due(terms, start, startsAtFact, zone);
        DeadlineStatus status;
        if (dueAt is { } at)
        {
            status = now > at ? DeadlineStatus.Overdue : DeadlineStatus.Pending;
        }
        else
        {
            status = today > dueOn ? DeadlineStatus.Overdue : today == dueOn ? DeadlineStatus.DueToday : DeadlineStatus.Pending;
        }

        int overdue = status == DeadlineStatus.Overdue ? Math.Max(0, Period.Between(dueOn, today, PeriodUnits.Days).Days) : 0;
        return new Deadline(id, start.Sequence, StartOn(start, startsAt, zone), startsAt, dueOn, dueAt, status, null, overdue, terms.Source, terms.Confirmed);
    }

    private static LocalDate StartOn(TransitionRecord start, Instant? hourStart, DateTimeZone zone) =>
        hourStart is { } at ? DistrictTime.BusinessDate(at, zone) : start.EffectiveOn;
}
