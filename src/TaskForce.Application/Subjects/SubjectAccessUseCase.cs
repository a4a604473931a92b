using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Subjects;

/// <summary>
/// Answers a request of the person recorded for access to their data (UU 27/2022 Pasal 7): finds every record of the
/// person across cases (<see cref="IDataSubjectStore.FindAsync"/>) and exports them with their history as one
/// document; the request is logged (<see cref="ISubjectRequestLog"/>). Coordinator only
/// (<see cref="CaseOperation.HandleSubjectRequest"/>). Shared by <c>POST /api/data-subject-requests/access</c> and
/// <c>taskforce subject-access</c>.
/// </summary>
/// <param name="subjects">The person search.</param>
/// <param name="cases">The case store.</param>
/// <param name="history">The case history.</param>
/// <param name="log">The request log.</param>
/// <param name="clock">The clock.</param>
/// <param name="logger">Logs that an export was made (request id and record count, never a value).</param>
/// <param name="accessLog">The stored access log (ADR-022): one <c>subject_access_export</c> entry per case exported;
/// <see langword="null"/> only in tests that do not look at it.</param>
public sealed partial class SubjectAccessUseCase(IDataSubjectStore subjects, ICaseRepository cases, ICaseHistory history, ISubjectRequestLog log, IClock clock, ILogger<SubjectAccessUseCase> logger, AccessLog.AccessLogRecorder? accessLog = null)
{
    /// <summary>Exports every record of the person.</summary>
    /// <param name="query">Who. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The coordinator. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The export (no records when none was found; the request is logged either way).</returns>
    /// <exception cref="AccessDeniedException">The caller is not the coordinator.</exception>
    /// <exception cref="Domain.Common.DomainValidationException">The query is incomplete or malformed (the field is
    /// named; nothing is logged).</exception>
    /// <exception cref="IdentityProtectionException">Identity cannot be decrypted.</exception>
    public async Task<SubjectAccessExport> ExecuteAsync(DataSubjectQuery query, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        SubjectRequestGuard.Demand(caller);
        var (nik, name, born, matchedBy) = query.Validate();
        var matches = await subjects.FindAsync(nik, name, born, cancellationToken).ConfigureAwait(false);
        var records = new List<SubjectRecord>();
        foreach (var m in matches)
        {
            var stored = await cases.GetAsync(CaseId.Parse(m.CaseId), cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                continue; // removed between the search and the read
            }

            var own = CaseDocument.From(stored.Record, stored.OwnerAgency, showIdentity: true);
            var entries = await history.ReadAsync(stored.Record.Id, includeIdentity: true, cancellationToken).ConfigureAwait(false) ?? [];
            records.Add(new SubjectRecord(
                m.CaseId,
                m.PersonId,
                m.Role,
                own.Victims.FirstOrDefault(v => v.Id == m.PersonId),
                own.Suspects.FirstOrDefault(s => s.Id == m.PersonId),
                own.Witnesses.FirstOrDefault(w => w.Id == m.PersonId),
                CaseDocument.From(stored.Record, stored.OwnerAgency, showIdentity: false),
                [.. entries.Select(e => About(e, m.PersonId)).OfType<SubjectHistoryEntry>()]));
        }

        var at = clock.GetCurrentInstant();
        string id = NewId();
        await log.AddAsync(
            new SubjectRequestEntry(id, SubjectRequestKind.Access, records.Count == 0 ? SubjectRequestOutcome.NotFound : SubjectRequestOutcome.Completed, matchedBy, caller.UserId, caller.Agency, at, [.. records.Select(r => $"{r.CaseId}/{r.PersonId}")], null),
            cancellationToken).ConfigureAwait(false);
        if (accessLog is not null)
        {
            foreach (string caseId in records.Select(r => r.CaseId).Distinct(StringComparer.Ordinal))
            {
                await accessLog.RecordAsync(caller, AccessOperation.SubjectAccessExport, caseId, cancellationToken).ConfigureAwait(false);
            }
        }

        LogExported(logger, id, records.Count, caller.UserId);
        return new SubjectAccessExport(id, at, matchedBy, records);
    }

    /// <summary>Returns a new request id: 32 hex digits of random data.</summary>
    /// <returns>The id.</returns>
    internal static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The entry as the person may see it: only when it is about them; other persons' fields left out.</summary>
    private static SubjectHistoryEntry? About(CaseHistoryEntry entry, string personId)
    {
        var c = entry.Change;
        string marker = "[" + personId + "]";
        bool mine = c.PersonId == personId || c.Fields.Any(f => f.Path.Contains(marker, StringComparison.Ordinal));
        if (!mine)
        {
            return null;
        }

        var fields = c.Fields.Where(f => f.Path.Contains(marker, StringComparison.Ordinal) || !PersonPath(f.Path)).ToList();
        return new SubjectHistoryEntry(entry.Sequence, SubjectCodes.Of(c.Kind), c.PersonId, fields, c.Reason, c.Actor.UserId, c.Actor.Agency, c.At);
    }

    private static bool PersonPath(string path) =>
        path.StartsWith("victims[", StringComparison.Ordinal) || path.StartsWith("suspects[", StringComparison.Ordinal) || path.StartsWith("witnesses[", StringComparison.Ordinal);

    [LoggerMessage(EventId = 190, Level = LogLevel.Information, Message = "Subject access request {RequestId}: {Records} record(s) exported by {UserId}.")]
    private static partial void LogExported(ILogger logger, string requestId, int records, string userId);
}

/// <summary>The role check every request of the person recorded starts with.</summary>
internal static class SubjectRequestGuard
{
    public static void Demand(Caller caller)
    {
        var decision = CaseAccessPolicy.Decide(caller, CaseOperation.HandleSubjectRequest);
        if (!decision.Allowed)
        {
            throw new AccessDeniedException(decision.Reason);
        }
    }
}
