using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Subjects;

/// <summary>
/// Erases the identity of the person recorded at their request (UU 27/2022 Pasal 8; ADR-019): every record found
/// (<see cref="IDataSubjectStore.FindAsync"/>) loses its identity values — the person row's encrypted identity, the
/// identity values and reasons of the history rows about the person, the reasons of their workflow events, the
/// fingerprints of the case's create requests, and (through the read model's re-projection) the victim-list entries —
/// while the de-identified facts stay, so every count stays the same. Each case's erasure is one
/// <see cref="CaseChangeKind.IdentityErased"/> change listing the paths erased and no value.
/// </summary>
/// <remarks>
/// <para>All or nothing: when a retention rule keeps any of the records (<see cref="ErasureRetentionOptions"/>) the
/// request is refused and nothing is erased (<see cref="ErasureRefusedException"/>), so a person is never left half
/// erased. Victims keep one random linkage pseudonym for all their records, so a victim counted once across cases
/// before is counted once after (<see cref="PersonKeyer.KeyOfPseudonym"/>).</para>
/// <para>Order per case: read the case and its history count, scrub the rows outside the person row, then write the
/// erased case under the ETag read. A failure before the last step leaves the person findable, and repeating the
/// request finishes it; a concurrent amendment makes the write fail (412) and the case is done again, up to three
/// times.</para>
/// </remarks>
/// <param name="subjects">The person search and scrubber.</param>
/// <param name="cases">The case store (decorated: the read model follows every write).</param>
/// <param name="log">The request log.</param>
/// <param name="retention">The retention rules.</param>
/// <param name="clock">The clock.</param>
/// <param name="logger">Logs the outcome (request id and counts, never a value).</param>
public sealed partial class SubjectErasureUseCase(IDataSubjectStore subjects, ICaseRepository cases, ISubjectRequestLog log, ErasureRetentionOptions retention, IClock clock, ILogger<SubjectErasureUseCase> logger)
{
    /// <summary>The reason code of the criminal-proceedings rule.</summary>
    public const string CriminalProceedings = "criminal_proceedings";

    /// <summary>Erases the person's identity in every record found.</summary>
    /// <param name="query">Who. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The coordinator (with an agency claim: the history names the acting agency). Cannot be
    /// <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records erased; <c>not_found</c> with none when no record matched. The request is logged.</returns>
    /// <exception cref="AccessDeniedException">The caller is not the coordinator, or has no agency claim.</exception>
    /// <exception cref="Domain.Common.DomainValidationException">The query is incomplete or malformed.</exception>
    /// <exception cref="ErasureRefusedException">A retention rule keeps a record; nothing was erased (logged as
    /// <c>refused_retention</c>).</exception>
    /// <exception cref="ConcurrencyConflictException">A case kept changing during three tries.</exception>
    /// <exception cref="IdentityProtectionException">Identity cannot be decrypted or encrypted.</exception>
    public async Task<SubjectErasureResult> ExecuteAsync(DataSubjectQuery query, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        SubjectRequestGuard.Demand(caller);
        if (caller.Agency is null)
        {
            throw new AccessDeniedException(SubjectsText.SubjectErasureCallerPrincipalCarriesAgency);
        }

        var (nik, name, born, matchedBy) = query.Validate();
        var matches = await subjects.FindAsync(nik, name, born, cancellationToken).ConfigureAwait(false);
        string id = SubjectAccessUseCase.NewId();
        var records = matches.Select(m => $"{m.CaseId}/{m.PersonId}").ToList();
        if (matches.Count == 0)
        {
            await Log(id, SubjectRequestOutcome.NotFound, matchedBy, caller, records, null, cancellationToken).ConfigureAwait(false);
            return new SubjectErasureResult(id, SubjectCodes.Of(SubjectRequestOutcome.NotFound), []);
        }

        var byCase = matches.GroupBy(m => m.CaseId, StringComparer.Ordinal).ToList();
        if (retention.RetainUnderCriminalProceedings)
        {
            var kept = new List<string>();
            foreach (var group in byCase)
            {
                var summary = await cases.GetSummaryAsync(CaseId.Parse(group.Key), cancellationToken).ConfigureAwait(false);
                if (summary?.SpdpSentOn is not null)
                {
                    kept.Add(group.Key);
                }
            }

            if (kept.Count > 0)
            {
                await Log(id, SubjectRequestOutcome.RefusedRetention, matchedBy, caller, records, CriminalProceedings, cancellationToken).ConfigureAwait(false);
                LogRefused(logger, id, kept.Count);
                throw new ErasureRefusedException(
                    CriminalProceedings,
                    kept,
                    Texts.Format(SubjectsText.SubjectErasureErasureRefusedRecordPerson, kept.Count, ErasureRetentionOptions.RetainUnderCriminalProceedingsKey));
            }
        }

        string pseudonym = SubjectAccessUseCase.NewId();
        var actor = Actor.Create(caller.UserId, caller.Agency);
        foreach (var group in byCase)
        {
            await EraseCaseAsync(group.Key, [.. group.Select(m => m.PersonId)], pseudonym, actor, cancellationToken).ConfigureAwait(false);
        }

        await Log(id, SubjectRequestOutcome.Completed, matchedBy, caller, records, null, cancellationToken).ConfigureAwait(false);
        LogErased(logger, id, records.Count, caller.UserId);
        return new SubjectErasureResult(id, SubjectCodes.Of(SubjectRequestOutcome.Completed), records);
    }

    private async Task EraseCaseAsync(string caseId, IReadOnlyList<string> personIds, string pseudonym, Actor actor, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            var stored = await cases.GetAsync(CaseId.Parse(caseId), cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return; // removed meanwhile: nothing left to erase
            }

            int historyCount = await subjects.HistoryCountAsync(caseId, cancellationToken).ConfigureAwait(false);
            foreach (string personId in personIds)
            {
                await subjects.ScrubAsync(caseId, personId, historyCount, cancellationToken).ConfigureAwait(false);
            }

            var context = ChangeContext.Create(actor, null, clock);
            foreach (string personId in personIds)
            {
                stored.Record.EraseIdentity(personId, pseudonym, context);
            }

            try
            {
                await cases.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // amended meanwhile: read again, scrub the new history rows too, erase again
            }
        }
    }

    private Task Log(string id, SubjectRequestOutcome outcome, string matchedBy, Caller caller, IReadOnlyList<string> records, string? detail, CancellationToken cancellationToken) =>
        log.AddAsync(new SubjectRequestEntry(id, SubjectRequestKind.Erasure, outcome, matchedBy, caller.UserId, caller.Agency, clock.GetCurrentInstant(), records, detail), cancellationToken);

    [LoggerMessage(EventId = 191, Level = LogLevel.Information, Message = "Subject erasure request {RequestId}: identity erased in {Records} record(s) by {UserId}.")]
    private static partial void LogErased(ILogger logger, string requestId, int records, string userId);

    [LoggerMessage(EventId = 192, Level = LogLevel.Information, Message = "Subject erasure request {RequestId} refused: {Cases} case(s) under criminal proceedings.")]
    private static partial void LogRefused(ILogger logger, string requestId, int cases);
}

/// <summary>Lists the log of requests of the persons recorded (coordinator only).</summary>
/// <param name="log">The log.</param>
public sealed class ListSubjectRequestsUseCase(ISubjectRequestLog log)
{
    /// <summary>The number of entries listed unless asked otherwise.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Lists the newest entries.</summary>
    /// <param name="limit">The most entries, in [1, 1000]; <see langword="null"/> for <see cref="DefaultLimit"/>.</param>
    /// <param name="caller">The coordinator. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, newest first.</returns>
    /// <exception cref="AccessDeniedException">The caller is not the coordinator.</exception>
    /// <exception cref="Domain.Common.DomainValidationException">The limit is outside [1, 1000] (<c>limit</c>).</exception>
    public async Task<SubjectRequestList> ExecuteAsync(int? limit, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        SubjectRequestGuard.Demand(caller);
        int n = limit ?? DefaultLimit;
        if (n is < 1 or > 1000)
        {
            throw new Domain.Common.DomainValidationException("limit", SubjectsText.SubjectErasureLimitBetween);
        }

        var entries = await log.ListAsync(n, cancellationToken).ConfigureAwait(false);
        return new SubjectRequestList([.. entries.Select(SubjectRequestView.From)]);
    }
}
