using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Workflows;

/// <summary>A request to start a workflow instance for a case.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id within the case (the case id itself for one-per-case workflows such as
/// <c>case_management</c> and <c>criminal_justice</c>; a service-request or referral id otherwise).</param>
/// <param name="Actor">Who starts it.</param>
public sealed record StartWorkflowCommand(string CaseId, string Workflow, string SubjectId, Actor Actor)
{
    /// <summary>Gets the instance's fixed facts.</summary>
    /// <value>Which are required depends on the workflow (see <see cref="WorkflowStartFacts"/>).</value>
    public WorkflowStartFacts Facts { get; init; } = new();

    /// <summary>Gets the business date the instance started (e.g. the date of the request).</summary>
    /// <value>Not after today in the district zone; today when <see langword="null"/>.</value>
    public LocalDate? EffectiveOn { get; init; }

    /// <summary>Gets an optional note on the start event.</summary>
    /// <value>Free text or <see langword="null"/>.</value>
    public string? Reason { get; init; }
}

/// <summary>
/// Starts a workflow instance for a stored case and writes its state row and start event in one insert-only
/// transaction. Starting the same case, workflow and subject again writes nothing and returns the stored instance; a
/// second case-management instance, or a second criminal-justice track for the same suspect, is refused (ADR-023).
/// </summary>
/// <param name="workflows">The workflow store.</param>
/// <param name="caseFacts">Reads the case's facts (a referral starts only with consent given).</param>
/// <param name="registry">The workflows.</param>
/// <param name="clock">The clock.</param>
/// <param name="zone">The district zone.</param>
public sealed class StartWorkflowUseCase(
    IWorkflowRepository workflows,
    ICaseFactsReader caseFacts,
    WorkflowRegistry registry,
    IClock clock,
    DateTimeZone zone)
{
    /// <summary>Starts an instance unless it exists.</summary>
    /// <param name="command">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored instance and whether it was created now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/>, its actor or its facts are <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Bad input: ids, unknown workflow, a missing start fact, an effective
    /// date in the future, or a start the domain refuses (e.g. no consent to share for a referral).</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    /// <exception cref="WorkflowInstanceLimitException">The case already holds its case-management instance, or a
    /// criminal-justice track for the same suspect, under another subject id (ADR-023; read then insert: two starts
    /// racing with different subject ids are not caught).</exception>
    public async Task<(StoredWorkflow Workflow, bool Created)> StartAsync(StartWorkflowCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor);
        ArgumentNullException.ThrowIfNull(command.Facts);
        string caseId = WorkflowIds.CaseId(command.CaseId);
        string subjectId = WorkflowIds.SubjectId(command.SubjectId);
        var binding = registry.Find(command.Workflow);
        var facts = await caseFacts.ReadAsync(caseId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(caseId, string.Empty, string.Empty);
        // Case management starts at the report (ADR-023): its start event takes the report's business date unless another
        // is given, so a first contact made before the case was entered can carry its own effective time.
        LocalDate? effectiveOn = command.EffectiveOn
            ?? (binding.Code == CaseManagementWorkflow.Code && facts.ReportedAt is { } reported ? DistrictTime.BusinessDate(reported, zone) : null);
        var session = binding.Start(subjectId, command.Facts, facts, command.Actor, clock, zone, effectiveOn, command.Reason);
        var start = new WorkflowChange(caseId, binding.Code, subjectId, session.StateCode, session.Version, session.ContextJson, session.History[^1]);
        var existing = await workflows.ListByCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
        WorkflowInstanceRules.CheckStart(caseId, binding.Code, subjectId, session.ContextJson, existing);
        return await workflows.CreateAsync(start, cancellationToken).ConfigureAwait(false);
    }
}
