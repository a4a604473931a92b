using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Cases;

/// <summary>
/// Reads the change history of a case (<c>GET /cases/{id}/history</c>; ADR-016, ADR-017). Identity values and reasons
/// are decrypted only for a caller allowed to see the case's identity (the rule of <c>GET /cases/{id}</c>:
/// <see cref="CaseAccessPolicy.MaySeeIdentity(Caller, CaseTies)"/>); for everyone else they are withheld and the paths stay listed.
/// Every read of a history holding identity values or reasons is written to the audit log as identity reads of the
/// case are (<see cref="GetCaseUseCase.IdentityShown"/>, <see cref="GetCaseUseCase.IdentityWithheld"/>) — never the values.
/// </summary>
/// <param name="cases">The case store (for the owning agency).</param>
/// <param name="history">The history store.</param>
/// <param name="ties">The case's ties to agencies (ADR-020).</param>
/// <param name="clock">The clock stamping audit entries.</param>
/// <param name="logger">The audit logger (category <c>TaskForce.Application.Cases.GetCaseHistoryUseCase</c>).</param>
/// <param name="accessLog">The stored access log (ADR-022): a read with identity shown is appended;
/// <see langword="null"/> only in tests that do not look at it.</param>
public sealed class GetCaseHistoryUseCase(ICaseRepository cases, ICaseHistory history, ICaseTiesStore ties, IClock clock, ILogger<GetCaseHistoryUseCase> logger, AccessLog.AccessLogRecorder? accessLog = null)
{
    private static readonly Action<ILogger, string, string, string, string, Instant, Exception?> LogShown =
        LoggerMessage.Define<string, string, string, string, Instant>(LogLevel.Information, GetCaseUseCase.IdentityShown,
            "Audit: identity fields of the history of case {CaseId} shown to user {UserId} of agency {Agency} (roles {Roles}) at {At}");

    private static readonly Action<ILogger, string, string, string, string, Instant, Exception?> LogWithheld =
        LoggerMessage.Define<string, string, string, string, Instant>(LogLevel.Information, GetCaseUseCase.IdentityWithheld,
            "Audit: identity fields of the history of case {CaseId} withheld from user {UserId} of agency {Agency} (roles {Roles}) at {At}");

    /// <summary>Reads a case's history, oldest first.</summary>
    /// <param name="id">The case id as sent. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The history, or <see langword="null"/> when no case is stored under the id.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The id is malformed (<c>id</c>).</exception>
    /// <exception cref="AccessDeniedException">The caller may not read this case's history.</exception>
    /// <exception cref="IdentityProtectionException">Identity is shown and a stored value cannot be decrypted.</exception>
    public async Task<CaseHistoryView?> ExecuteAsync(string id, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        var caseId = CaseId.Parse(id, "id");
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.ReadHistory));
        var summary = await cases.GetSummaryAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return null;
        }

        var caseTies = await ties.ReadAsync(caseId.Value, cancellationToken).ConfigureAwait(false) ?? CaseTies.OwnedBy(summary.OwnerAgency);
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.ReadHistory, caseTies));
        bool show = CaseAccessPolicy.MaySeeIdentity(caller, caseTies);
        var entries = await history.ReadAsync(caseId, show, cancellationToken).ConfigureAwait(false);
        if (entries is null)
        {
            return null;
        }

        if (entries.Any(e => e.IdentityWithheld || e.Change.Reason is not null || e.Change.Fields.Any(f => f.Identifying)))
        {
            var log = show ? LogShown : LogWithheld;
            log(logger, caseId.Value, caller.UserId, caller.Agency ?? "-", caller.RoleCodes(), clock.GetCurrentInstant(), null);
            if (show && accessLog is not null)
            {
                await accessLog.RecordAsync(caller, AccessOperation.ReadHistoryIdentity, caseId.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        var items = entries.Select(e => new CaseHistoryItem(
            e.Sequence,
            AmendCaseUseCase.KindCode(e.Change.Kind),
            e.Change.PersonId,
            [.. e.Change.Fields.Select(f => new CaseHistoryField(f.Path, f.OldJson, f.NewJson, f.Identifying))],
            e.Change.Reason,
            e.Change.Actor.UserId,
            e.Change.Actor.Agency,
            e.Change.At)).ToList();
        return new CaseHistoryView(caseId.Value, !show, items);
    }
}
