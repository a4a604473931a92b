using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Cases.History;

/// <summary>Who makes a change to a case record, when and why: given to every amending operation of
/// <see cref="CaseRecord"/>, which writes it into the <see cref="CaseChange"/> it produces.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ChangeContext
{
    /// <summary>The longest reason accepted, in characters.</summary>
    public const int ReasonMaxLength = 500;

    private ChangeContext(Actor actor, string? reason, Instant at)
    {
        Actor = actor;
        Reason = reason;
        At = at;
    }

    /// <summary>Gets who makes the change.</summary>
    public Actor Actor { get; }

    /// <summary>Gets why, or <see langword="null"/> when none was given.</summary>
    /// <value>1–<see cref="ReasonMaxLength"/> characters, trimmed, no control characters other than line breaks.</value>
    public string? Reason { get; }

    /// <summary>Gets when (UTC instant).</summary>
    public Instant At { get; }

    /// <summary>Creates a context, reading "now" from the clock.</summary>
    /// <param name="actor">Who. Cannot be <see langword="null"/>.</param>
    /// <param name="reason">Why; <see langword="null"/> or blank when none is given (operations that correct or
    /// remove a record demand one).</param>
    /// <param name="clock">The clock. Cannot be <see langword="null"/>.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The reason is longer than <see cref="ReasonMaxLength"/> characters or
    /// has control characters other than line breaks (field <c>reason</c>).</exception>
    public static ChangeContext Create(Actor actor, string? reason, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        string? r = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (r is not null && (r.Length > ReasonMaxLength || r.Any(c => char.IsControl(c) && c is not '\n' and not '\r')))
        {
            throw new DomainValidationException("reason", Texts.Format(CasesText.ReasonInvalid, ReasonMaxLength));
        }

        return new ChangeContext(actor, r, clock.GetCurrentInstant());
    }

    /// <summary>Returns the reason, demanding one.</summary>
    /// <returns>The reason.</returns>
    /// <exception cref="DomainValidationException">No reason was given (field <c>reason</c>): a correction or removal
    /// must say why.</exception>
    public string RequireReason() =>
        Reason ?? throw new DomainValidationException("reason", CasesText.ReasonRequired);
}
