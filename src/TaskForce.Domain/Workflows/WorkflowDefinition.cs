using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>A workflow described with wire codes, independent of its state and context types.</summary>
public interface IWorkflowDefinition
{
    /// <summary>Gets the workflow code, e.g. <c>criminal_justice</c>.</summary>
    /// <value>A snake_case code.</value>
    string Code { get; }

    /// <summary>Gets the state codes in declaration order.</summary>
    /// <value>Snake_case codes.</value>
    IReadOnlyList<string> StateCodes { get; }

    /// <summary>Gets the code of the state a new instance starts in.</summary>
    /// <value>A state code.</value>
    string InitialStateCode { get; }

    /// <summary>Returns the transition table as wire codes, in table order.</summary>
    /// <returns>One description per table row.</returns>
    IReadOnlyList<TransitionDescription> Describe();
}

/// <summary>
/// A status workflow: its states with their wire codes, its ONE transition table (each row guarded or not, with
/// its reason rule and source) and its deadline rules. Immutable; create instances with
/// <see cref="Start"/> and reload them with <see cref="Rehydrate"/>.
/// </summary>
/// <typeparam name="TState">The state enumeration (explicit numeric values).</typeparam>
/// <typeparam name="TContext">The facts of an instance that guards and deadline rules read (an immutable record).</typeparam>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class WorkflowDefinition<TState, TContext> : IWorkflowDefinition
    where TState : struct, Enum
    where TContext : class
{
    /// <summary>The longest subject id accepted, in characters.</summary>
    public const int SubjectIdMaxLength = 128;

    private readonly Dictionary<TState, string> _codes;
    private readonly Dictionary<string, TState> _states;
    private readonly Dictionary<(TState From, TState To), TransitionRule<TState, TContext>> _index;
    private readonly Func<TContext, Actor, (string Field, string Message)?>? _startCheck;
    private readonly Func<TContext, TContext, string?>? _contextChangeCheck;

    /// <summary>Creates a workflow definition and checks that its table is well-formed.</summary>
    /// <param name="code">The workflow code (snake_case).</param>
    /// <param name="initial">The state a new instance starts in.</param>
    /// <param name="stateCodes">Every state with its wire code.</param>
    /// <param name="transitions">The transition table.</param>
    /// <param name="deadlines">The deadline rules.</param>
    /// <param name="startCheck">Checks the facts when an instance starts; returns the offending field and message, or
    /// <see langword="null"/> when the instance may start.</param>
    /// <param name="contextChangeCheck">Checks a change of facts (old, new); returns the refusal or
    /// <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A state has no code or two codes, a code repeats, a row names a
    /// state without a code, or a (from, to) pair appears twice.</exception>
    public WorkflowDefinition(
        string code,
        TState initial,
        IReadOnlyList<KeyValuePair<TState, string>> stateCodes,
        IReadOnlyList<TransitionRule<TState, TContext>> transitions,
        IReadOnlyList<DeadlineRule<TState, TContext>> deadlines,
        Func<TContext, Actor, (string Field, string Message)?>? startCheck = null,
        Func<TContext, TContext, string?>? contextChangeCheck = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(stateCodes);
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(deadlines);
        Code = code;
        Initial = initial;
        _codes = [];
        _states = new Dictionary<string, TState>(StringComparer.Ordinal);
        foreach (var (state, stateCode) in stateCodes)
        {
            if (!_codes.TryAdd(state, stateCode) || !_states.TryAdd(stateCode, state))
            {
                throw new InvalidOperationException($"{code}: state {state} or code '{stateCode}' appears twice.");
            }
        }

        foreach (TState state in Enum.GetValues<TState>())
        {
            if (!_codes.ContainsKey(state))
            {
                throw new InvalidOperationException($"{code}: state {state} has no wire code.");
            }
        }

        _index = [];
        foreach (var rule in transitions)
        {
            if (!_index.TryAdd((rule.From, rule.To), rule))
            {
                throw new InvalidOperationException($"{code}: the pair {rule.From} -> {rule.To} appears twice in the table.");
            }
        }

        States = [.. stateCodes.Select(p => p.Key)];
        StateCodes = [.. stateCodes.Select(p => p.Value)];
        Transitions = [.. transitions];
        Deadlines = [.. deadlines];
        _startCheck = startCheck;
        _contextChangeCheck = contextChangeCheck;
    }

    /// <inheritdoc/>
    public string Code { get; }

    /// <summary>Gets the check of the instant a change took effect against the instance's facts (e.g. not before the
    /// case was reported, ADR-023).</summary>
    /// <value>Returns the refusal, or <see langword="null"/> when the instant is acceptable; <see langword="null"/>
    /// (the default) accepts every instant not after now.</value>
    public Func<TContext, Instant, string?>? EffectiveAtCheck { get; init; }

    /// <summary>Gets the state a new instance starts in.</summary>
    /// <value>The initial state.</value>
    public TState Initial { get; }

    /// <summary>Gets every state in declaration order.</summary>
    /// <value>All values of <typeparamref name="TState"/>.</value>
    public IReadOnlyList<TState> States { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> StateCodes { get; }

    /// <inheritdoc/>
    public string InitialStateCode => ToCode(Initial);

    /// <summary>Gets the transition table, in table order.</summary>
    /// <value>The rows.</value>
    public IReadOnlyList<TransitionRule<TState, TContext>> Transitions { get; }

    /// <summary>Gets the deadline rules.</summary>
    /// <value>The rules.</value>
    public IReadOnlyList<DeadlineRule<TState, TContext>> Deadlines { get; }

    /// <summary>Returns the wire code of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>Its snake_case code.</returns>
    public string ToCode(TState state) => _codes[state];

    /// <summary>Parses a state code of this workflow.</summary>
    /// <param name="code">The code, case-sensitive as on the wire.</param>
    /// <param name="field">The snake_case field name to report, e.g. <c>to</c>.</param>
    /// <returns>The state.</returns>
    /// <exception cref="DomainValidationException">The code is not a state of this workflow; the message lists the
    /// known codes.</exception>
    public TState ParseState(string? code, string field = "to")
    {
        if (code is not null && _states.TryGetValue(code, out var state))
        {
            return state;
        }

        throw new DomainValidationException(field, Texts.Format(WorkflowsText.StateUnknown, code, Code, string.Join(", ", StateCodes)));
    }

    /// <summary>Returns the table row for a pair.</summary>
    /// <param name="from">The state left.</param>
    /// <param name="to">The state entered.</param>
    /// <returns>The row, or <see langword="null"/> when the pair is not in the table.</returns>
    public TransitionRule<TState, TContext>? Find(TState from, TState to) =>
        _index.TryGetValue((from, to), out var rule) ? rule : null;

    /// <summary>Returns the table rows leaving a state, in table order.</summary>
    /// <param name="from">The state.</param>
    /// <returns>The rows; empty for a final state.</returns>
    public IReadOnlyList<TransitionRule<TState, TContext>> RulesFrom(TState from) =>
        [.. Transitions.Where(r => EqualityComparer<TState>.Default.Equals(r.From, from))];

    /// <inheritdoc/>
    public IReadOnlyList<TransitionDescription> Describe() =>
        [.. Transitions.Select(r => new TransitionDescription(ToCode(r.From), ToCode(r.To), r.Reason == ReasonRule.Required, r.GuardName, r.Source))];

    /// <summary>Starts a new instance in <see cref="Initial"/> and records its start event (sequence 1).</summary>
    /// <param name="subjectId">The instance id (case, service request, referral...).</param>
    /// <param name="context">The instance's facts.</param>
    /// <param name="actor">Who starts it.</param>
    /// <param name="clock">The clock (FakeClock in tests).</param>
    /// <param name="zone">The district zone, normally <see cref="DistrictTime.DefaultZone"/>.</param>
    /// <param name="effectiveOn">The business date it started (e.g. the date of the request); defaults to today in
    /// <paramref name="zone"/>; cannot be in the future.</param>
    /// <param name="reason">An optional note.</param>
    /// <returns>The new instance.</returns>
    /// <exception cref="ArgumentNullException">An object argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The subject id is empty, longer than <see cref="SubjectIdMaxLength"/>
    /// or contains control characters (field <c>subject_id</c>; storage escapes key characters itself, ADR-001, so a
    /// case number such as <c>27/Pid.Sus/2019/PN Kpg</c> is a valid id); the effective date is in the
    /// future (field <c>effective_on</c>); the reason is too long (field <c>reason</c>); the facts do not allow a start
    /// (e.g. no consent to share for a referral; the field named by the workflow).</exception>
    public WorkflowInstance<TState, TContext> Start(
        string subjectId,
        TContext context,
        Actor actor,
        IClock clock,
        DateTimeZone zone,
        LocalDate? effectiveOn = null,
        string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        string id = CheckSubjectId(subjectId);
        if (_startCheck?.Invoke(context, actor) is { } refusal)
        {
            throw new DomainValidationException(refusal.Field, refusal.Message);
        }

        Instant now = clock.GetCurrentInstant();
        LocalDate effective = CheckEffectiveDate(effectiveOn, now, zone, previous: null);
        var record = new TransitionRecord(Code, id, 1, null, ToCode(Initial), actor.UserId, actor.Agency, now, effective, WorkflowText.CleanReason(reason));
        return new WorkflowInstance<TState, TContext>(this, id, zone, context, [record], Initial);
    }

    /// <summary>Reloads an instance from its stored history, checking that every step is a row of the table.</summary>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="context">The instance's facts as stored.</param>
    /// <param name="history">The audit events, in any order; they are ordered by sequence.</param>
    /// <param name="zone">The district zone.</param>
    /// <returns>The instance in the state of its last event.</returns>
    /// <exception cref="ArgumentNullException">An object argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The history is empty; belongs to another workflow or subject;
    /// sequences are not 1, 2, 3...; a step's from is not the previous step's to; a step is not in the table; a state
    /// code is unknown; or effective dates go backwards (field <c>history</c>). Guards are not re-evaluated: they
    /// depended on facts at the time.</exception>
    public WorkflowInstance<TState, TContext> Rehydrate(string subjectId, TContext context, IEnumerable<TransitionRecord> history, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(zone);
        string id = CheckSubjectId(subjectId);
        var records = history.OrderBy(r => r.Sequence).ToList();
        if (records.Count == 0)
        {
            throw new DomainValidationException("history", WorkflowsText.HistoryEmpty);
        }

        TState? state = null;
        LocalDate? lastDate = null;
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            string where = $"history[{i}]";
            if (r.Workflow != Code || r.SubjectId != id)
            {
                throw new DomainValidationException(where, Texts.Format(WorkflowsText.HistoryEventOfOtherInstance, r.Workflow, r.SubjectId, Code, id));
            }

            if (r.Sequence != i + 1)
            {
                throw new DomainValidationException(where, Texts.Format(WorkflowsText.HistorySequence, i + 1, r.Sequence));
            }

            TState to = ParseState(r.To, where + ".to");
            if (state is null)
            {
                if (r.From is not null || !EqualityComparer<TState>.Default.Equals(to, Initial))
                {
                    throw new DomainValidationException(where, Texts.Format(WorkflowsText.HistoryFirstEvent, InitialStateCode));
                }
            }
            else
            {
                TState from = ParseState(r.From, where + ".from");
                if (!EqualityComparer<TState>.Default.Equals(from, state.Value))
                {
                    throw new DomainValidationException(where, Texts.Format(WorkflowsText.HistoryEventFromOtherState, r.From, ToCode(state.Value)));
                }

                if (Find(from, to) is null)
                {
                    throw new DomainValidationException(where, Texts.Format(WorkflowsText.HistoryTransitionNotInTable, r.From, r.To, Code));
                }
            }

            if (r.EffectiveOn < lastDate)
            {
                throw new DomainValidationException(where, Texts.Format(WorkflowsText.HistoryDatesOutOfOrder, r.EffectiveOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), lastDate.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
            }

            lastDate = r.EffectiveOn;
            state = to;
        }

        return new WorkflowInstance<TState, TContext>(this, id, zone, context, records, state!.Value);
    }

    internal void CheckContextChange(TContext before, TContext after)
    {
        if (_contextChangeCheck?.Invoke(before, after) is { } refusal)
        {
            throw new DomainValidationException("context", refusal);
        }
    }

    internal LocalDate CheckEffectiveAt(Instant at, LocalDate? effectiveOn, Instant now, DateTimeZone zone, TContext facts)
    {
        if (at > now)
        {
            throw new DomainValidationException("effective_at", Texts.Format(WorkflowsText.EffectiveAtInFuture, InstantText(at, zone), InstantText(now, zone)));
        }

        LocalDate date = DistrictTime.BusinessDate(at, zone);
        if (effectiveOn is { } on && on != date)
        {
            throw new DomainValidationException("effective_at", Texts.Format(WorkflowsText.EffectiveAtNotOnEffectiveOn, InstantText(at, zone), date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), on.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (EffectiveAtCheck?.Invoke(facts, at) is { } refusal)
        {
            throw new DomainValidationException("effective_at", refusal);
        }

        return date;
    }

    internal static string InstantText(Instant at, DateTimeZone zone) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(at.InZone(zone).ToOffsetDateTime());

    internal static LocalDate CheckEffectiveDate(LocalDate? requested, Instant now, DateTimeZone zone, LocalDate? previous)
    {
        LocalDate today = DistrictTime.BusinessDate(now, zone);
        LocalDate effective = requested ?? today;
        if (effective > today)
        {
            throw new DomainValidationException("effective_on", Texts.Format(WorkflowsText.EffectiveOnInFuture, effective.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), zone.Id));
        }

        if (previous is { } p && effective < p)
        {
            throw new DomainValidationException("effective_on", Texts.Format(WorkflowsText.EffectiveOnBeforePrevious, effective.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), p.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        return effective;
    }

    private static string CheckSubjectId(string? subjectId)
    {
        string id = subjectId?.Trim() ?? string.Empty;
        if (id.Length == 0 || id.Length > SubjectIdMaxLength)
        {
            throw new DomainValidationException("subject_id", Texts.Format(WorkflowsText.SubjectIdLength, SubjectIdMaxLength));
        }

        if (id.Any(char.IsControl))
        {
            throw new DomainValidationException("subject_id", WorkflowsText.SubjectIdControlCharacters);
        }

        return id;
    }
}

/// <summary>Text checks shared by the workflows.</summary>
internal static class WorkflowText
{
    /// <summary>The longest reason accepted, in characters.</summary>
    internal const int ReasonMaxLength = 2000;

    internal static string? CleanReason(string? reason)
    {
        string r = reason?.Trim() ?? string.Empty;
        if (r.Length == 0)
        {
            return null;
        }

        if (r.Length > ReasonMaxLength)
        {
            throw new DomainValidationException("reason", Texts.Format(WorkflowsText.ReasonTooLong, ReasonMaxLength));
        }

        if (r.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new DomainValidationException("reason", WorkflowsText.ReasonControlCharacters);
        }

        return r;
    }
}
