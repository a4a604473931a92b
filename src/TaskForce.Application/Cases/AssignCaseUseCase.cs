using System.Text.Json;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Cases;

/// <summary>The body of <c>PUT /cases/{id}/assignment</c>: <c>{"assigned_to", "reason"?}</c>.</summary>
public sealed record CaseAssignmentRequest
{
    /// <summary>Gets the staff account id of the case worker to assign (the identity provider's object id); an
    /// explicit <see langword="null"/> clears the assignment.</summary>
    /// <value>1 to 128 characters without control characters, or <see langword="null"/>.</value>
    public string? AssignedTo { get; init; }

    /// <summary>Gets why; required when an existing assignment is replaced or cleared (ADR-016).</summary>
    /// <value>1 to 500 characters (staff text; stored encrypted), or <see langword="null"/>.</value>
    public string? Reason { get; init; }
}

/// <summary>
/// Assigns a case to a case worker of its owning agency, reassigns or unassigns it (ADR-020): a recorded change, a
/// history entry of kind <c>assigned</c> with the old and new account ids (ADR-016). While a case is assigned, only the
/// assignee (and the coordinator) may move its case management (<see cref="CaseOperation.ManageCase"/>).
/// </summary>
/// <param name="ties">The case's ties (owner, assignee) and the assignment store.</param>
/// <param name="clock">The clock.</param>
public sealed class AssignCaseUseCase(ICaseTiesStore ties, IClock clock)
{
    /// <summary>The longest account id accepted, in characters.</summary>
    public const int AccountIdMaxLength = 128;

    /// <summary>Assigns, reassigns or unassigns a case.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="request">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The assignment; <see cref="CaseAssignment.HistorySequence"/> is 0 when it was already so (nothing
    /// written).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Bad input: <c>id</c>, <c>assigned_to</c>, or <c>reason</c>
    /// missing when an assignment is replaced or cleared.</exception>
    /// <exception cref="AccessDeniedException">The caller is not of the owning agency (nor the coordinator), or carries
    /// no agency.</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    /// <exception cref="ConcurrencyConflictException">The case changed during the call.</exception>
    /// <exception cref="IdentityProtectionException">A reason is given and the identity key is missing.</exception>
    public async Task<CaseAssignment> AssignAsync(string caseId, CaseAssignmentRequest request, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var id = CaseId.Parse(caseId, "id");
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Assign));
        string? assignee = request.AssignedTo?.Trim();
        if (assignee is not null && (assignee.Length is 0 or > AccountIdMaxLength || assignee.Any(char.IsControl)))
        {
            throw new DomainValidationException("assigned_to", Texts.Format(CasesAppText.AssignCaseAssignedStaffAccountId, AccountIdMaxLength));
        }

        var current = await ties.ReadAsync(id.Value, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(id.Value, string.Empty, string.Empty);
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Assign, current));
        if (caller.Agency is null)
        {
            throw new AccessDeniedException(CasesAppText.AmendCaseCallerPrincipalCarriesAgency);
        }

        if (string.Equals(current.AssignedTo, assignee, StringComparison.Ordinal))
        {
            return new CaseAssignment(id.Value, assignee, 0);
        }

        var context = ChangeContext.Create(Actor.Create(caller.UserId, caller.Agency), request.Reason, clock);
        if (current.AssignedTo is not null)
        {
            context.RequireReason();
        }

        var change = new CaseChange(CaseChangeKind.Assigned, null, [new FieldChange("assigned_to", Json(current.AssignedTo), Json(assignee), false)], context.Reason, context.Actor, context.At);
        return await ties.AssignAsync(id.Value, change, assignee, current.OwnerAgency, cancellationToken).ConfigureAwait(false);
    }

    private static string? Json(string? value) => value is null ? null : JsonSerializer.Serialize(value);
}
