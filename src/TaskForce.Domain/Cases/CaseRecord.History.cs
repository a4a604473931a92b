using NodaTime;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.Cases;

/// <content>The change history: every amending operation that takes a <see cref="ChangeContext"/> records a
/// <see cref="CaseChange"/> naming the fields it changed (ADR-016).</content>
public sealed partial class CaseRecord
{
    private readonly List<CaseChange> _pendingChanges = [];

    /// <summary>Gets the changes made to this instance since it was opened or restored, oldest first, that a store
    /// has not yet written (it writes them in the same transaction as the changed case, then calls
    /// <see cref="AcceptChanges"/>).</summary>
    /// <value>Empty for a case just opened or restored; a change that changed no field is not listed.</value>
    public IReadOnlyList<CaseChange> PendingChanges => _pendingChanges;

    /// <summary>Marks the <see cref="PendingChanges"/> as written.</summary>
    public void AcceptChanges() => _pendingChanges.Clear();

    /// <summary>Records or corrects the date of the act, with its history (see <see cref="RecordOffenceDate(LocalDate)"/>
    /// for the rules).</summary>
    /// <param name="offenceDate">The date of the act (district zone).</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when an earlier
    /// date is replaced.</param>
    /// <returns>The change; its <see cref="CaseChange.Fields"/> is empty (and nothing is recorded) when the date was
    /// already the one given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As <see cref="RecordOffenceDate(LocalDate)"/>; or an earlier date is
    /// replaced without a reason (<c>reason</c>).</exception>
    public CaseChange RecordOffenceDate(LocalDate offenceDate, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rebuilt = PrepareOffenceDate(offenceDate);
        if (OffenceDate is { } earlier && earlier != offenceDate)
        {
            context.RequireReason();
        }

        return Track(CaseChangeKind.OffenceDateRecorded, null, context, () => ApplyOffenceDate(offenceDate, rebuilt));
    }

    /// <summary>Records or corrects the date the SPDP was sent, with its history (see
    /// <see cref="RecordSpdpSent(LocalDate, IClock, DateTimeZone)"/> for the rules).</summary>
    /// <param name="sentOn">The business date (district zone) of sending.</param>
    /// <param name="clock">The clock that says "today".</param>
    /// <param name="zone">The district zone.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when an earlier
    /// date is replaced.</param>
    /// <returns>The change; empty (nothing recorded) when the date was already on file.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As <see cref="RecordSpdpSent(LocalDate, IClock, DateTimeZone)"/>;
    /// or an earlier date is replaced without a reason (<c>reason</c>).</exception>
    public CaseChange RecordSpdpSent(LocalDate sentOn, IClock clock, DateTimeZone zone, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckSpdpSent(sentOn, clock, zone);
        if (SpdpSentOn is { } earlier && earlier != sentOn)
        {
            context.RequireReason();
        }

        return Track(CaseChangeKind.SpdpRecorded, null, context, () => SpdpSentOn = sentOn);
    }

    /// <summary>Adds a victim who came forward or was found after intake, with its history (see
    /// <see cref="AddVictim(NewVictim)"/> for the rules).</summary>
    /// <param name="input">The victim. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PersonAdded"/>, its <see cref="CaseChange.PersonId"/> the new id).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As <see cref="AddVictim(NewVictim)"/>.</exception>
    public CaseChange AddVictim(NewVictim input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        PersonId? added = null;
        var change = Track(CaseChangeKind.PersonAdded, null, context, () => added = AddVictim(input));
        return Identify(change, added);
    }

    /// <summary>Adds a suspect identified after intake, with its history (see <see cref="AddSuspect(NewSuspect)"/>).</summary>
    /// <param name="input">The suspect. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PersonAdded"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As <see cref="AddSuspect(NewSuspect)"/>.</exception>
    public CaseChange AddSuspect(NewSuspect input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        PersonId? added = null;
        var change = Track(CaseChangeKind.PersonAdded, null, context, () => added = AddSuspect(input));
        return Identify(change, added);
    }

    /// <summary>Adds a witness heard after intake, with its history (see <see cref="AddWitness(NewWitness)"/>).</summary>
    /// <param name="input">The witness. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PersonAdded"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">As <see cref="AddWitness(NewWitness)"/>.</exception>
    public CaseChange AddWitness(NewWitness input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        PersonId? added = null;
        var change = Track(CaseChangeKind.PersonAdded, null, context, () => added = AddWitness(input));
        return Identify(change, added);
    }

    /// <summary>Runs one amending operation and records what it changed: the state before and after, compared in the
    /// wire format (<see cref="CaseStateDiff"/>). The operation validates before it assigns, so when it throws the
    /// case is unchanged and nothing is recorded.</summary>
    /// <param name="kind">The operation's kind.</param>
    /// <param name="personId">The person it changes, or <see langword="null"/>.</param>
    /// <param name="context">Who, when, why.</param>
    /// <param name="apply">The operation.</param>
    /// <returns>The change (with no fields when nothing changed; then nothing is recorded).</returns>
    internal CaseChange Track(CaseChangeKind kind, PersonId? personId, ChangeContext context, Action apply)
    {
        ArgumentNullException.ThrowIfNull(context);
        var before = ToState();
        apply();
        var fields = CaseStateDiff.Compare(before, ToState());
        var change = new CaseChange(kind, personId?.Value, fields, context.Reason, context.Actor, context.At);
        if (fields.Count > 0)
        {
            _pendingChanges.Add(change);
        }

        return change;
    }

    /// <summary>Sets the person id of a change made by an operation that only learns the id as it runs.</summary>
    private CaseChange Identify(CaseChange change, PersonId? person)
    {
        if (person is null || change.Fields.Count == 0)
        {
            return change;
        }

        var named = change with { PersonId = person.Value };
        _pendingChanges[^1] = named;
        return named;
    }
}
