using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>The states of a restitution claim.</summary>
public enum RestitutionState
{
    /// <summary><c>claimed</c>: the victim's claim is recorded (it can start at the police report).</summary>
    Claimed = 1,

    /// <summary><c>in_tuntutan</c>: the prosecutor included the loss in the demand (tuntutan).</summary>
    InTuntutan = 2,

    /// <summary><c>ordered</c>: the verdict orders restitution (UU 21/2007 Pasal 48(3)).</summary>
    Ordered = 3,

    /// <summary><c>due</c>: the verdict is final and notified; the payment period runs from the notice date.</summary>
    Due = 4,

    /// <summary><c>warned</c>: unpaid in time; the victim told the court and the court issued a written warning.</summary>
    Warned = 5,

    /// <summary><c>seizure_auction</c>: the court ordered the prosecutor to seize and auction the offender's assets.</summary>
    SeizureAuction = 6,

    /// <summary><c>paid</c>: paid (reported to the court chair with proof, Pasal 49) (final).</summary>
    Paid = 7,

    /// <summary><c>substitute_imprisonment</c>: the offender could not pay; substitute imprisonment (kurungan
    /// pengganti, at most 1 year, Pasal 50(4)) (final).</summary>
    SubstituteImprisonment = 8,

    /// <summary><c>refunded</c>: the offender was acquitted on appeal or cassation; any deposit returned (Pasal 48(7)) (final).</summary>
    Refunded = 9,

    /// <summary><c>not_ordered</c>: the claim was not taken into the demand or not granted (the civil route stays open) (final).</summary>
    NotOrdered = 10,
}

/// <summary>The law a restitution claim is made under; it sets the payment period.</summary>
public enum RestitutionBasis
{
    /// <summary>UU 21/2007 Pasal 48–50 (TPPO): 14 days from notice of the final verdict, then a warning and 14 days.</summary>
    Uu21Tahun2007 = 1,

    /// <summary>UU 12/2022 Pasal 30–33 (TPKS): 30 days from receipt of the verdict copy.</summary>
    Uu12Tahun2022 = 2,
}

/// <summary>The facts of a restitution claim that its workflow reads.</summary>
/// <param name="Basis">The law the claim is made under; fixed.</param>
public sealed record RestitutionContext(RestitutionBasis Basis);

/// <summary>
/// Restitution: claimed → in the prosecutor's demand → ordered in the verdict → due → warning → seizure and auction →
/// paid, or substitute imprisonment; refunded on acquittal.
/// </summary>
/// <remarks>
/// <para>UU 21/2007: restitution is stated in the verdict (Pasal 48(3)) [C]; it may be deposited in advance at the
/// court (48(5)) [C]; it is paid within 14 days of notice of the final verdict (48(6)) [R]; on acquittal on appeal or
/// cassation the deposit is returned (48(7)) [R]; if unpaid, the victim tells the court, which warns in writing; if
/// the warning is ignored for 14 days the court orders the prosecutor to seize and auction; if the offender cannot pay,
/// substitute imprisonment of at most 1 year (Pasal 50) [R].</para>
/// <para>UU 12/2022 (TPKS) Pasal 33: paid within 30 days of receiving the verdict copy, which the prosecutor sends
/// within 7 days [C]; the period after a TPKS warning is not stated in the reference, so no warning deadline is set
/// for that basis.</para>
/// <para>Days are counted with the notice (or warning) date as day 1 (<see cref="DayCounting.InclusiveOfStartDay"/>)
/// [counting convention U]. The warning and the seizure are guarded: a warning must be dated after the payment due
/// date, a seizure order after the warning period.</para>
/// </remarks>
public static class RestitutionWorkflow
{
    /// <summary>The workflow code.</summary>
    public const string Code = "restitution";

    /// <summary>The payment period under UU 21/2007 Pasal 48(6), in days.</summary>
    public const int PaymentDaysUu21 = 14;

    /// <summary>The period after the court's warning under UU 21/2007 Pasal 50, in days.</summary>
    public const int WarningDaysUu21 = 14;

    /// <summary>The payment period under UU 12/2022 Pasal 33, in days.</summary>
    public const int PaymentDaysTpks = 30;

    /// <summary>The deadline id of the payment period.</summary>
    public const string PaymentDeadlineId = "restitution_payment_due";

    /// <summary>The deadline id of the period after the warning.</summary>
    public const string WarningDeadlineId = "restitution_warning_period";

    private static readonly DeadlineTerms PaymentUu21 = DeadlineTerms.InDays(PaymentDaysUu21, DayCounting.InclusiveOfStartDay, "UU 21/2007 Pasal 48(6): 14 days from notice of the final verdict [R; counting convention U]", confirmed: false);
    private static readonly DeadlineTerms PaymentTpks = DeadlineTerms.InDays(PaymentDaysTpks, DayCounting.InclusiveOfStartDay, "UU 12/2022 Pasal 33: 30 days from receipt of the verdict copy [C; counting convention U]", confirmed: false);
    private static readonly DeadlineTerms WarningUu21 = DeadlineTerms.InDays(WarningDaysUu21, DayCounting.InclusiveOfStartDay, "UU 21/2007 Pasal 50: warning ignored for 14 days [R; counting convention U]", confirmed: false);

    /// <summary>The transition table: the only place the restitution rules live.</summary>
    public static readonly IReadOnlyList<TransitionRule<RestitutionState, RestitutionContext>> Transitions =
    [
        new(RestitutionState.Claimed, RestitutionState.InTuntutan, ReasonRule.Optional, "UU 21/2007 Pasal 48; prosecutor includes the loss in the tuntutan [C, S-Unsrat]"),
        new(RestitutionState.Claimed, RestitutionState.NotOrdered, ReasonRule.Required, "claim not taken into the tuntutan; civil claim remains [C, S-Unsrat]"),
        new(RestitutionState.InTuntutan, RestitutionState.Ordered, ReasonRule.Optional, "UU 21/2007 Pasal 48(3) [C]"),
        new(RestitutionState.InTuntutan, RestitutionState.NotOrdered, ReasonRule.Required, "verdict does not grant restitution (or acquittal at first instance) [C, S-Unsrat]"),
        new(RestitutionState.Ordered, RestitutionState.Due, ReasonRule.Optional, "UU 21/2007 Pasal 48(6): final verdict notified [R]; UU 12/2022 Pasal 33 [C]"),
        new(RestitutionState.Ordered, RestitutionState.Paid, ReasonRule.Optional, "UU 21/2007 Pasal 48(4)-(5): due from the first-instance verdict; deposit [C]"),
        new(RestitutionState.Ordered, RestitutionState.Refunded, ReasonRule.Required, "UU 21/2007 Pasal 48(7): acquitted on appeal or cassation [R]"),
        new(RestitutionState.Due, RestitutionState.Paid, ReasonRule.Optional, "UU 21/2007 Pasal 49 [R]"),
        new(RestitutionState.Due, RestitutionState.Warned, ReasonRule.Optional, "UU 21/2007 Pasal 50(1)-(2) [R]; UU 12/2022 Pasal 33 [C]", "after_payment_due_date", AfterPaymentDue),
        new(RestitutionState.Warned, RestitutionState.Paid, ReasonRule.Optional, "UU 21/2007 Pasal 49-50 [R]"),
        new(RestitutionState.Warned, RestitutionState.SeizureAuction, ReasonRule.Optional, "UU 21/2007 Pasal 50(3) [R]; UU 12/2022 Pasal 33 [C]", "after_warning_period", AfterWarningPeriod),
        new(RestitutionState.SeizureAuction, RestitutionState.Paid, ReasonRule.Optional, "UU 21/2007 Pasal 50(3) [R]"),
        new(RestitutionState.SeizureAuction, RestitutionState.SubstituteImprisonment, ReasonRule.Required, "UU 21/2007 Pasal 50(4): kurungan pengganti at most 1 year [R]"),
    ];

    /// <summary>The state codes.</summary>
    public static readonly IReadOnlyList<KeyValuePair<RestitutionState, string>> StateCodes =
    [
        new(RestitutionState.Claimed, "claimed"),
        new(RestitutionState.InTuntutan, "in_tuntutan"),
        new(RestitutionState.Ordered, "ordered"),
        new(RestitutionState.Due, "due"),
        new(RestitutionState.Warned, "warned"),
        new(RestitutionState.SeizureAuction, "seizure_auction"),
        new(RestitutionState.Paid, "paid"),
        new(RestitutionState.SubstituteImprisonment, "substitute_imprisonment"),
        new(RestitutionState.Refunded, "refunded"),
        new(RestitutionState.NotOrdered, "not_ordered"),
    ];

    /// <summary>Gets the workflow.</summary>
    /// <value>The definition.</value>
    public static WorkflowDefinition<RestitutionState, RestitutionContext> Default { get; } = new(
        Code,
        RestitutionState.Claimed,
        StateCodes,
        Transitions,
        [
            new DeadlineRule<RestitutionState, RestitutionContext>(
                PaymentDeadlineId,
                new HashSet<RestitutionState> { RestitutionState.Due },
                new HashSet<RestitutionState> { RestitutionState.Due },
                new HashSet<RestitutionState> { RestitutionState.Paid },
                PaymentTerms),
            new DeadlineRule<RestitutionState, RestitutionContext>(
                WarningDeadlineId,
                new HashSet<RestitutionState> { RestitutionState.Warned },
                new HashSet<RestitutionState> { RestitutionState.Warned },
                new HashSet<RestitutionState> { RestitutionState.Paid },
                WarningTerms),
        ],
        contextChangeCheck: (before, after) => before.Basis == after.Basis ? null : WorkflowsText.RestitutionBasisFixed);

    /// <summary>Returns the payment terms for a basis.</summary>
    /// <param name="context">The claim's facts.</param>
    /// <returns>14 days (UU 21/2007) or 30 days (UU 12/2022), counted inclusively.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static DeadlineTerms PaymentTerms(RestitutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Basis == RestitutionBasis.Uu12Tahun2022 ? PaymentTpks : PaymentUu21;
    }

    /// <summary>Returns the terms of the period after the court's warning.</summary>
    /// <param name="context">The claim's facts.</param>
    /// <returns>14 days under UU 21/2007; <see langword="null"/> under UU 12/2022 (not stated in the reference).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static DeadlineTerms? WarningTerms(RestitutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Basis == RestitutionBasis.Uu12Tahun2022 ? null : WarningUu21;
    }

    private static string? AfterPaymentDue(TransitionAttempt<RestitutionState, RestitutionContext> a)
    {
        var entered = a.History.LastOrDefault(r => r.To == "due");
        if (entered is null)
        {
            return WorkflowsText.PaymentPeriodNotStarted;
        }

        var due = PaymentTerms(a.Context).DueDate(entered.EffectiveOn);
        return a.EffectiveOn > due ? null : Texts.Format(WorkflowsText.WarningOnlyAfterPaymentPeriod, due.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string? AfterWarningPeriod(TransitionAttempt<RestitutionState, RestitutionContext> a)
    {
        var warned = a.History.LastOrDefault(r => r.To == "warned");
        if (warned is null)
        {
            return WorkflowsText.NoWarningRecorded;
        }

        if (WarningTerms(a.Context) is not { } terms)
        {
            return null;
        }

        var end = terms.DueDate(warned.EffectiveOn);
        return a.EffectiveOn > end ? null : Texts.Format(WorkflowsText.SeizureOnlyAfterWarningPeriod, end.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
    }
}
