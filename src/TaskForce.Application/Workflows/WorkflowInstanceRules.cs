using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Workflows;

/// <summary>
/// How many instances of a workflow a case may hold, and the facts that tell them apart (ADR-023): one
/// <c>case_management</c> instance per case; one <c>criminal_justice</c> instance per suspect (or one without a suspect
/// when the case records none). Also the risk reassessment of case management.
/// </summary>
internal static class WorkflowInstanceRules
{
    /// <summary>Refuses a start that would add a second instance where the case may hold one.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="subjectId">The new instance's id.</param>
    /// <param name="contextJson">The new instance's facts (snake_case JSON).</param>
    /// <param name="existing">The instances the case holds now.</param>
    /// <exception cref="WorkflowInstanceLimitException">Another instance (another subject id) already fills the
    /// place.</exception>
    public static void CheckStart(string caseId, string workflow, string subjectId, string contextJson, IReadOnlyList<StoredWorkflow> existing)
    {
        var others = existing.Where(w => w.Workflow == workflow && !string.Equals(w.SubjectId, subjectId, StringComparison.Ordinal)).ToList();
        if (workflow == CaseManagementWorkflow.Code && others.Count > 0)
        {
            throw new WorkflowInstanceLimitException(caseId, workflow, others[0].SubjectId,
                Texts.Format(WorkflowsAppText.WorkflowInstanceRulesCaseAlreadyHasCase, caseId, others[0].SubjectId));
        }

        if (workflow == CriminalJusticeWorkflow.Code)
        {
            string? suspect = SuspectOf(contextJson);
            var same = others.FirstOrDefault(w => SuspectOf(w.ContextJson) == suspect);
            if (same is not null)
            {
                string whom = suspect is null ? WorkflowsAppText.WorkflowTrackWithoutSuspect : Texts.Format(WorkflowsAppText.WorkflowTrackForSuspect, suspect);
                throw new WorkflowInstanceLimitException(caseId, workflow, same.SubjectId,
                    Texts.Format(WorkflowsAppText.WorkflowInstanceRulesCaseAlreadyHasCriminal, caseId, whom, same.SubjectId));
            }
        }
    }

    /// <summary>The suspect a new criminal-justice track is for: the given person id, which must be a suspect of the
    /// case; the only suspect when the case has one and none is given; none (a track for the case as a whole, of which
    /// there is at most one) when the case has none or several and none is given.</summary>
    /// <param name="facts">The start facts.</param>
    /// <param name="caseFacts">The case facts.</param>
    /// <returns>The suspect's person id, or <see langword="null"/> for a track of the case as a whole.</returns>
    /// <exception cref="DomainValidationException">The id is not a suspect of the case (field
    /// <c>facts.suspect_id</c>).</exception>
    public static string? Suspect(WorkflowStartFacts facts, CaseFacts caseFacts)
    {
        string? given = facts.SuspectId?.Trim();
        var known = caseFacts.SuspectIds;
        if (given is { Length: > 0 })
        {
            return known is null || known.Contains(given, StringComparer.Ordinal)
                ? given
                : throw new DomainValidationException(
                    "facts.suspect_id",
                    Texts.Format(WorkflowsAppText.WorkflowInstanceRulesSuspectThisCaseSuspects, given, (known.Count == 0 ? WorkflowsAppText.WorkflowNoneRecorded : string.Join(", ", known))));
        }

        return known is { Count: 1 } ? known[0] : null;
    }

    /// <summary>The case-management facts after a reassessment recorded by the event with a given sequence.</summary>
    /// <param name="context">The facts now.</param>
    /// <param name="level">The reassessed level.</param>
    /// <param name="sequence">The sequence of the event that records it.</param>
    /// <returns>The new facts.</returns>
    /// <exception cref="DomainValidationException">The level is the one in force (field <c>risk_level</c>).</exception>
    public static CaseManagementContext Reassess(CaseManagementContext context, RiskLevel level, int sequence) =>
        level == context.RiskLevel
            ? throw new DomainValidationException("risk_level", Texts.Format(WorkflowsAppText.WorkflowInstanceRulesRiskLevelAlreadyReassessment, level.ToCode()))
            : context with { RiskLevel = level, Reassessments = [.. context.Reassessments, new RiskReassessment(sequence, context.RiskLevel, level)] };

    private static string? SuspectOf(string contextJson)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(contextJson);
        return doc.RootElement.TryGetProperty("suspect_id", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.String ? s.GetString() : null;
    }
}

/// <summary>
/// Thrown when a start would give a case a second instance of a workflow it may hold once (one case management per
/// case; one criminal-justice track per suspect, ADR-023). Nothing was written. Adapters answer 409.
/// </summary>
public sealed class WorkflowInstanceLimitException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="existingSubjectId">The id of the instance that already fills the place.</param>
    /// <param name="message">The message (ids and codes only, no personal data).</param>
    public WorkflowInstanceLimitException(string caseId, string workflow, string existingSubjectId, string message)
        : base(message)
    {
        CaseId = caseId;
        Workflow = workflow;
        ExistingSubjectId = existingSubjectId;
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public WorkflowInstanceLimitException()
    {
        CaseId = Workflow = ExistingSubjectId = string.Empty;
    }

    /// <summary>Creates the exception with a message (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    public WorkflowInstanceLimitException(string message)
        : base(message)
    {
        CaseId = Workflow = ExistingSubjectId = string.Empty;
    }

    /// <summary>Creates the exception wrapping another (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WorkflowInstanceLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
        CaseId = Workflow = ExistingSubjectId = string.Empty;
    }

    /// <summary>Gets the case id.</summary>
    /// <value>Empty when not given.</value>
    public string CaseId { get; }

    /// <summary>Gets the workflow code.</summary>
    /// <value>For example <c>case_management</c>; empty when not given.</value>
    public string Workflow { get; }

    /// <summary>Gets the id of the instance already stored.</summary>
    /// <value>Empty when not given.</value>
    public string ExistingSubjectId { get; }
}
