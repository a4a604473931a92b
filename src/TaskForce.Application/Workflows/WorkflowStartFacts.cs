using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Workflows;

/// <summary>
/// The fixed facts of a new workflow instance, set when it starts and stored on its state row; which ones a workflow
/// needs depends on the workflow. Facts that belong to the case (consent, TPKS, SPDP date) come from
/// <see cref="Ports.ICaseFactsReader"/> instead. No personal data.
/// </summary>
public sealed record WorkflowStartFacts
{
    /// <summary>Gets the risk level set at intake; required for <c>case_management</c> (it chooses the first-response
    /// time, <see cref="FirstResponseOptions"/>).</summary>
    /// <value><see langword="null"/> when not given.</value>
    public RiskLevel? RiskLevel { get; init; }

    /// <summary>Gets the service requested; required for <c>service</c>.</summary>
    /// <value><see langword="null"/> when not given.</value>
    public ServiceType? ServiceType { get; init; }

    /// <summary>Gets the victim a <c>service</c> request is for: a person id of the case such as <c>victim-2</c>
    /// (no personal data). Required when the case has more than one victim; the only victim otherwise.</summary>
    /// <value><see langword="null"/> when not given.</value>
    public string? VictimId { get; init; }

    /// <summary>Gets the suspect a <c>criminal_justice</c> track is for: a person id of the case such as
    /// <c>suspect-1</c> (no personal data). When not given: the only suspect of a case with one; otherwise a track of
    /// the case as a whole. At most one track per suspect, and one of the case as a whole (ADR-023).</summary>
    /// <value><see langword="null"/> when not given.</value>
    public string? SuspectId { get; init; }

    /// <summary>Gets whether a referral shares the case or transfers it; required for <c>referral</c>.</summary>
    /// <value><see langword="null"/> when not given.</value>
    public ReferralKind? ReferralKind { get; init; }

    /// <summary>Gets the referring agency's code; required for <c>referral</c> (the actor must act for it).</summary>
    /// <value><see langword="null"/> when not given.</value>
    public string? FromAgency { get; init; }

    /// <summary>Gets the receiving agency's code; required for <c>referral</c>.</summary>
    /// <value><see langword="null"/> when not given.</value>
    public string? ToAgency { get; init; }

    /// <summary>Gets the law a restitution claim is made under; required for <c>restitution</c>.</summary>
    /// <value><see langword="null"/> when not given.</value>
    public RestitutionBasis? RestitutionBasis { get; init; }
}
