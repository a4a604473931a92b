using System.Text.Json.Serialization;
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

/// <summary>The body of <c>POST /cases/{id}/victims/{person_id}/consent</c>: a victim's consent as it stands from now
/// (all three flags and who gives them), with an optional reason (ADR-018).</summary>
public sealed record ConsentChangeRequest
{
    /// <summary>Gets consent to receive services. Required.</summary>
    public bool? ForServices { get; init; }

    /// <summary>Gets consent to be counted, without identity, in reports. Required; <see langword="false"/> after
    /// <see langword="true"/> withdraws it.</summary>
    public bool? ForReporting { get; init; }

    /// <summary>Gets consent to share the case with other agencies. Required; <see langword="false"/> after
    /// <see langword="true"/> withdraws it.</summary>
    public bool? ForSharing { get; init; }

    /// <summary>Gets who gives (or withdraws) it: <c>self</c>, <c>parent_or_guardian</c> or <c>other</c>. Required.</summary>
    public string? GivenBy { get; init; }

    /// <summary>Gets why (1–500 characters; optional; stored encrypted in the history).</summary>
    public string? Reason { get; init; }
}

/// <summary>The answer to a consent change: the victim's consent as it now stands, the case's sharing consent over all
/// victims and the case's new version.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="PersonId">The victim id.</param>
/// <param name="Consent">The victim's consent now.</param>
/// <param name="CaseConsentToShare">The case's consent to share over all victims: <c>given</c>, <c>refused</c>,
/// <c>withdrawn</c> or <c>not_recorded</c> (referrals need <c>given</c>).</param>
/// <param name="ChangedFields">The fields the change touched (history paths); empty when the consent sent was already on file and nothing was written.</param>
/// <param name="ETag">The case's new ETag, for the next <c>If-Match</c>.</param>
public sealed record ConsentRecorded(
    string CaseId,
    string PersonId,
    VictimConsentView Consent,
    string CaseConsentToShare,
    IReadOnlyList<string> ChangedFields,
    [property: JsonPropertyName("etag")] string ETag);

/// <summary>Gives, changes or withdraws one victim's consent on a stored case (ADR-018), guarded by the case's version
/// (<c>If-Match</c> required), with a history entry written in the same transaction (ADR-016). The counting read model
/// follows the write (ADR-012), so the victim leaves the aggregates computed after a withdrawal of reporting consent.</summary>
/// <param name="cases">The case store.</param>
/// <param name="clock">The clock (the consent's instant).</param>
public sealed class RecordConsentUseCase(ICaseRepository cases, IClock clock)
{
    /// <summary>Records a victim's consent.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="personId">The victim id (<c>victim-N</c>). Cannot be <see langword="null"/>.</param>
    /// <param name="request">The body. Cannot be <see langword="null"/>.</param>
    /// <param name="ifMatch">The case's ETag the caller last read; required.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The consent now and the case's new ETag; when the flags and giver sent are already on file for the
    /// victim, the consent on file and the case's current ETag, with nothing written (idempotent by its natural key:
    /// a retry after a lost response), whatever the <c>If-Match</c> (which must still be present).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A flag or the giver is missing or unknown (<c>for_services</c>,
    /// <c>for_reporting</c>, <c>for_sharing</c>, <c>given_by</c>); <c>self</c> for a victim who is a child on the day
    /// (<c>given_by</c>); the reason is too long (<c>reason</c>); the case has no such victim (<c>person_id</c>).</exception>
    /// <exception cref="AccessDeniedException">The caller may not record facts on this case, or carries no agency.</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    /// <exception cref="PreconditionRequiredException">No <c>If-Match</c> was sent.</exception>
    /// <exception cref="ConcurrencyConflictException">The case changed since the caller's read or during this call.</exception>
    /// <exception cref="IdentityProtectionException">The identity key is missing (the whole case is rewritten).</exception>
    public async Task<ConsentRecorded> RecordAsync(string caseId, string personId, ConsentChangeRequest request, string? ifMatch, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(personId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var id = CaseId.Parse(caseId, "id");
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.RecordFacts));
        var stored = await cases.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(id.Value, string.Empty, string.Empty);
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.RecordFacts, stored.OwnerAgency));
        if (caller.Agency is null)
        {
            throw new AccessDeniedException(CasesAppText.AmendCaseCallerPrincipalCarriesAgency);
        }

        if (ifMatch is null)
        {
            throw new PreconditionRequiredException(Texts.Format(CasesAppText.RecordConsentChangeConsentNeedsIf, id.Value));
        }

        var victim = new PersonId(personId);
        if (stored.Record.ConsentOf(victim) is { } onFile && onFile.ForServices == request.ForServices && onFile.ForReporting == request.ForReporting
            && onFile.ForSharing == request.ForSharing && string.Equals(onFile.GivenBy.ToCode(), request.GivenBy, StringComparison.Ordinal))
        {
            // Idempotent by its natural key: this consent is already on file (e.g. a retry after a lost response, sent
            // with the ETag read before the first attempt). Answer as the first attempt did; write nothing.
            return new ConsentRecorded(id.Value, victim.Value, VictimConsentView.From(onFile)!, stored.Record.SharingConsent.ToCode(), [], stored.ETag);
        }

        var context = ChangeContext.Create(Actor.Create(caller.UserId, caller.Agency), request.Reason, clock);
        var input = new NewConsent { ForServices = request.ForServices, ForReporting = request.ForReporting, ForSharing = request.ForSharing, GivenBy = request.GivenBy };
        var change = stored.Record.RecordVictimConsent(victim, input, context);
        if (!string.Equals(ifMatch, stored.ETag, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(Texts.Format(CasesAppText.AmendCaseCaseChangedSinceWas, id.Value));
        }

        string etag = await cases.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag, cancellationToken).ConfigureAwait(false);
        return new ConsentRecorded(id.Value, victim.Value, VictimConsentView.From(stored.Record.ConsentOf(victim))!, stored.Record.SharingConsent.ToCode(), change.FieldPaths, etag);
    }
}
