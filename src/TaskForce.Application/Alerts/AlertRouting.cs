using TaskForce.Application.Access;
using TaskForce.Application.Ports;

namespace TaskForce.Application.Alerts;

/// <summary>Who an alert is addressed to (ADR-021): an agency, and within it the case's assigned case worker when the
/// case has one (ADR-020). Staff codes and ids only, never a victim's data.</summary>
/// <param name="Agency">The agency code (lower case), or empty when neither the case nor the instance names one.</param>
/// <param name="Assignee">The staff account id of the case worker the case is assigned to when the run reads it, or
/// <see langword="null"/> when the case is unassigned or not stored.</param>
public sealed record AlertAddressee(string Agency, string? Assignee);

/// <summary>
/// Decides who an alert is addressed to (ADR-021): the case's owning agency and its assigned case worker (the case's
/// ties, <see cref="ICaseTiesStore"/>, read once per case per run); for workflow rows whose case row is not stored, the
/// agency that started the workflow instance and no assignee.
/// </summary>
/// <param name="ties">The case ties (owner and assignee, from the case partition).</param>
public sealed class AlertRouting(ICaseTiesStore ties)
{
    /// <summary>Returns the addressee of an alert of a workflow instance.</summary>
    /// <param name="workflow">The stored instance. Cannot be <see langword="null"/>.</param>
    /// <param name="cases">The ties read so far in this run, by case id (one run reads each case once; a new run reads
    /// again, so a transfer of ownership or a reassignment is followed). Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The agency (lower case; empty when neither the case nor the instance names one) and the case's assignee.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async Task<AlertAddressee> AddresseeOfAsync(StoredWorkflow workflow, IDictionary<string, CaseTies?> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var tie = await TiesOfAsync(workflow.CaseId, cases, cancellationToken).ConfigureAwait(false);
        string? owner = tie?.OwnerAgency is { } o && !string.IsNullOrWhiteSpace(o) ? o : null;
        string? agency = owner ?? (workflow.History.Count > 0 ? workflow.History[0].Agency : null);
        return new AlertAddressee(agency?.Trim().ToLowerInvariant() ?? string.Empty, tie?.AssignedTo);
    }

    /// <summary>Returns the addressee of an alert about a case itself (a suspect's release by law, ADR-024): the case's
    /// owning agency and its assignee.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="cases">The ties read so far in this run, by case id. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The agency (lower case; empty when the case row is not stored) and the case's assignee.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async Task<AlertAddressee> AddresseeOfCaseAsync(string caseId, IDictionary<string, CaseTies?> cases, CancellationToken cancellationToken = default)
    {
        var tie = await TiesOfAsync(caseId, cases, cancellationToken).ConfigureAwait(false);
        return new AlertAddressee(tie?.OwnerAgency.Trim().ToLowerInvariant() ?? string.Empty, tie?.AssignedTo);
    }

    private async Task<CaseTies?> TiesOfAsync(string caseId, IDictionary<string, CaseTies?> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(cases);
        if (!cases.TryGetValue(caseId, out var tie))
        {
            tie = await ties.ReadAsync(caseId, cancellationToken).ConfigureAwait(false);
            cases[caseId] = tie;
        }

        return tie;
    }
}
