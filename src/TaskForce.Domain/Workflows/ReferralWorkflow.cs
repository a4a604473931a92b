using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>Whether a case is shared for a service (referral) or handed over (transfer).</summary>
public enum ReferralKind
{
    /// <summary><c>referral</c>: the receiving agency gets access for a service; ownership stays.</summary>
    Referral = 1,

    /// <summary><c>transfer</c>: ownership moves to the receiving agency when it accepts.</summary>
    Transfer = 2,
}

/// <summary>The victim's consent to share the case with another agency.</summary>
public enum ConsentToShare
{
    /// <summary><c>not_recorded</c>: no consent on file.</summary>
    NotRecorded = 0,

    /// <summary><c>given</c>: the victim (or, for a child, the guardian) consented to share for services.</summary>
    Given = 1,

    /// <summary><c>refused</c>: the victim refused to share.</summary>
    Refused = 2,

    /// <summary><c>withdrawn</c>: consent was given and later withdrawn.</summary>
    Withdrawn = 3,
}

/// <summary>The states of a referral or transfer (Primero's transition statuses, docs/sources.md#primero).</summary>
public enum ReferralState
{
    /// <summary><c>in_progress</c>: sent, awaiting the receiving agency.</summary>
    InProgress = 1,

    /// <summary><c>accepted</c>: the receiving agency accepted (for a transfer, ownership has moved).</summary>
    Accepted = 2,

    /// <summary><c>rejected</c>: the receiving agency declined, with a reason (final).</summary>
    Rejected = 3,

    /// <summary><c>done</c>: the referred service was completed (referrals only; final).</summary>
    Done = 4,

    /// <summary><c>revoked</c>: withdrawn by the referring agency, with a reason (final).</summary>
    Revoked = 5,
}

/// <summary>The facts of a referral or transfer that its workflow reads.</summary>
/// <param name="Kind">Referral or transfer; fixed.</param>
/// <param name="FromAgency">The referring agency's code; fixed.</param>
/// <param name="ToAgency">The receiving agency's code; fixed.</param>
/// <param name="Consent">The consent to share of the case's victims, as on file now (<c>withdrawn</c> while any victim
/// has withdrawn it; ADR-018).</param>
public sealed record ReferralContext(ReferralKind Kind, string FromAgency, string ToAgency, ConsentToShare Consent);

/// <summary>
/// Referrals and transfers between agencies: in progress → accepted / rejected / done / revoked, gated by the victim's
/// consent to share.
/// </summary>
/// <remarks>
/// Modelled on Primero's <c>transition.rb</c>, <c>referral.rb</c> and <c>transfer.rb</c> (docs/sources.md#primero) [code]: only
/// the receiving agency accepts, rejects or completes; only the referring agency revokes; a transfer is complete on
/// acceptance (ownership moves), so it has no <c>done</c> and cannot be revoked after acceptance. Consent: a referral
/// or transfer starts only with consent given (Primero checks consent on every transition; GBVIMS data-sharing
/// principles, docs/sources.md#gbvims); accepting or completing needs consent still given, while rejecting and revoking never
/// do, so a withdrawal can always be acted on. Primero's consent override is not offered: UU 21/2007 Pasal 44 protects
/// the victim's identity and no override rule was found in the reference.
/// </remarks>
public static class ReferralWorkflow
{
    /// <summary>The workflow code.</summary>
    public const string Code = "referral";

    private const string Primero = "Primero transition.rb / referral.rb / transfer.rb (docs/sources.md#primero)";

    /// <summary>The transition table: the only place the referral and transfer rules live.</summary>
    public static readonly IReadOnlyList<TransitionRule<ReferralState, ReferralContext>> Transitions =
    [
        new(ReferralState.InProgress, ReferralState.Accepted, ReasonRule.Optional, Primero + "; consent per docs/sources.md#primero, #gbvims", "receiving_agency_with_consent", ReceivingWithConsent),
        new(ReferralState.InProgress, ReferralState.Rejected, ReasonRule.Required, Primero, "receiving_agency", Receiving),
        new(ReferralState.InProgress, ReferralState.Revoked, ReasonRule.Required, Primero, "referring_agency", Referring),
        new(ReferralState.Accepted, ReferralState.Done, ReasonRule.Optional, Primero + " (referrals only)", "referral_receiving_agency_with_consent", ReferralReceivingWithConsent),
        new(ReferralState.Accepted, ReferralState.Revoked, ReasonRule.Required, Primero + " (referrals only; a transfer is complete on acceptance)", "referral_referring_agency", ReferralReferring),
    ];

    /// <summary>The state codes.</summary>
    public static readonly IReadOnlyList<KeyValuePair<ReferralState, string>> StateCodes =
    [
        new(ReferralState.InProgress, "in_progress"),
        new(ReferralState.Accepted, "accepted"),
        new(ReferralState.Rejected, "rejected"),
        new(ReferralState.Done, "done"),
        new(ReferralState.Revoked, "revoked"),
    ];

    /// <summary>Gets the workflow.</summary>
    /// <value>The definition (no deadlines: no statutory time limit for referrals was found).</value>
    public static WorkflowDefinition<ReferralState, ReferralContext> Default { get; } = new(
        Code,
        ReferralState.InProgress,
        StateCodes,
        Transitions,
        [],
        startCheck: StartCheck,
        contextChangeCheck: (before, after) =>
            before.Kind == after.Kind
            && string.Equals(before.FromAgency, after.FromAgency, StringComparison.OrdinalIgnoreCase)
            && string.Equals(before.ToAgency, after.ToAgency, StringComparison.OrdinalIgnoreCase)
                ? null
                : WorkflowsText.ReferralKindAndAgenciesFixed);

    /// <summary>Returns the wire code of a consent value.</summary>
    /// <param name="consent">The value.</param>
    /// <returns><c>given</c>, <c>refused</c>, <c>withdrawn</c> or <c>not_recorded</c>.</returns>
    public static string ToCode(this ConsentToShare consent) => consent switch
    {
        ConsentToShare.Given => "given",
        ConsentToShare.Refused => "refused",
        ConsentToShare.Withdrawn => "withdrawn",
        _ => "not_recorded",
    };

    private static (string Field, string Message)? StartCheck(ReferralContext c, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(c.FromAgency) || string.IsNullOrWhiteSpace(c.ToAgency))
        {
            return ("to_agency", WorkflowsText.ReferralNeedsBothAgencies);
        }

        if (!actor.IsOf(c.FromAgency))
        {
            return ("agency", Texts.Format(c.Kind == ReferralKind.Transfer ? WorkflowsText.OnlyReferringAgencyTransfers : WorkflowsText.OnlyReferringAgencyRefers, c.FromAgency));
        }

        return c.Consent == ConsentToShare.Given
            ? null
            : ("consent_to_share", Texts.Format(WorkflowsText.ReferralConsentNotGiven, c.Consent.ToCode()));
    }

    private static string? Receiving(TransitionAttempt<ReferralState, ReferralContext> a) =>
        a.Actor.IsOf(a.Context.ToAgency) ? null : Texts.Format(WorkflowsText.OnlyReceivingAgency, a.Context.ToAgency, a.Actor.Agency);

    private static string? Referring(TransitionAttempt<ReferralState, ReferralContext> a) =>
        a.Actor.IsOf(a.Context.FromAgency) ? null : Texts.Format(WorkflowsText.OnlyReferringAgencyRevokes, a.Context.FromAgency, a.Actor.Agency);

    private static string? Consent(TransitionAttempt<ReferralState, ReferralContext> a) =>
        a.Context.Consent == ConsentToShare.Given ? null : Texts.Format(WorkflowsText.ConsentNotGivenOnlyRejectOrRevoke, a.Context.Consent.ToCode());

    private static string? ReceivingWithConsent(TransitionAttempt<ReferralState, ReferralContext> a) => Receiving(a) ?? Consent(a);

    private static string? ReferralOnly(TransitionAttempt<ReferralState, ReferralContext> a) =>
        a.Context.Kind == ReferralKind.Referral ? null : WorkflowsText.TransferCompleteOnceAccepted;

    private static string? ReferralReceivingWithConsent(TransitionAttempt<ReferralState, ReferralContext> a) => ReferralOnly(a) ?? ReceivingWithConsent(a);

    private static string? ReferralReferring(TransitionAttempt<ReferralState, ReferralContext> a) => ReferralOnly(a) ?? Referring(a);
}
