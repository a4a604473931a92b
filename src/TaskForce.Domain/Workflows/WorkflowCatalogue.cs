using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>The five workflows of a case, by code: the entry point for adapters that receive
/// <c>{"workflow": ..., "to": ..., "reason": ...}</c>.</summary>
public static class WorkflowCatalogue
{
    /// <summary>Gets the workflows with their default deadline options, in a fixed order.</summary>
    /// <value><c>case_management</c>, <c>service</c>, <c>referral</c>, <c>criminal_justice</c>, <c>restitution</c>.</value>
    public static IReadOnlyList<IWorkflowDefinition> All { get; } =
    [
        CaseManagementWorkflow.Default,
        ServiceWorkflow.Default,
        ReferralWorkflow.Default,
        CriminalJusticeWorkflow.Default,
        RestitutionWorkflow.Default,
    ];

    /// <summary>Finds a workflow by code.</summary>
    /// <param name="code">The workflow code, case-sensitive as on the wire.</param>
    /// <returns>The workflow.</returns>
    /// <exception cref="DomainValidationException">The code is unknown (field <c>workflow</c>); the message lists the
    /// known codes.</exception>
    public static IWorkflowDefinition Find(string? code) =>
        All.FirstOrDefault(w => w.Code == code)
        ?? throw new DomainValidationException("workflow", Texts.Format(WorkflowsText.WorkflowUnknown, code, string.Join(", ", All.Select(w => w.Code))));
}
