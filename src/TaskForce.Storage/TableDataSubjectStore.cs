using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;

namespace TaskForce.Storage;

/// <summary>
/// Table Storage side of requests of the person recorded (ADR-019): a person is found by scanning the person rows of
/// the <c>cases</c> table and decrypting each identity column (no index: an index would be one more place an
/// identity-derived key lives, and requests are rare); identity values kept apart from the person row are scrubbed
/// from the case's partition.
/// </summary>
/// <remarks>Cost of the search: one query over the rows whose <c>Kind</c> is <c>person</c> (a full table scan in Table
/// Storage, 1,000 rows a page) and one AES-GCM decryption per person row with identity: at 5,000 cases of three persons
/// about 15 pages and 15,000 decryptions (well under a millisecond each).</remarks>
/// <param name="tables">The tables.</param>
/// <param name="protector">The identity protector.</param>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class TableDataSubjectStore(TaskForceTables tables, IdentityProtector protector) : IDataSubjectStore
{
    private static readonly string[] PersonColumns = ["PartitionKey", "RowKey", "PersonId", "Role", "Position", "Identity", "IdentityKeyId"];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DataSubjectMatch>> FindAsync(string? nationalIdNumber, string? normalisedName, LocalDate? birthDate, CancellationToken cancellationToken = default)
    {
        var found = new List<(string Case, string Role, int Position, DataSubjectMatch Match)>();
        string filter = TableClient.CreateQueryFilter($"Kind eq {CaseEntityMapper.KindPerson}");
        var caseIds = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: PersonColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Identity") is null)
            {
                continue;
            }

            var (identity, born) = CaseEntityMapper.ReadIdentity(row, protector);
            bool match = nationalIdNumber is not null
                ? identity?.NationalIdNumber == nationalIdNumber
                : normalisedName is not null && birthDate is not null && born == birthDate && NameNormaliser.Normalise(identity?.FullName) == normalisedName;
            if (match)
            {
                string caseId = caseIds.TryGetValue(row.PartitionKey, out var known) ? known : caseIds[row.PartitionKey] = await CaseIdOfAsync(row.PartitionKey, cancellationToken).ConfigureAwait(false);
                found.Add((caseId, row.GetString("Role"), row.GetInt32("Position") ?? 0, new DataSubjectMatch(caseId, row.GetString("PersonId"), row.GetString("Role"))));
            }
        }

        return [.. found.OrderBy(f => f.Case, StringComparer.Ordinal).ThenBy(f => f.Role, StringComparer.Ordinal).ThenBy(f => f.Position).Select(f => f.Match)];
    }

    /// <inheritdoc/>
    public async Task<int> HistoryCountAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(TableKeys.CasePartition(caseId), TableKeys.CaseRow, [CaseHistoryMapper.CountColumn], cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetInt32(CaseHistoryMapper.CountColumn) ?? 0 : 0;
    }

    /// <inheritdoc/>
    public async Task<int> ScrubAsync(string caseId, string personId, int throughSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(personId);
        string pk = TableKeys.CasePartition(caseId);
        var actions = new List<TableTransactionAction>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            bool changed = row.GetString("Kind") switch
            {
                CaseHistoryMapper.KindHistory => (row.GetInt32("Sequence") ?? 0) <= throughSequence && CaseHistoryMapper.Scrub(row, personId, protector),
                WorkflowEntityMapper.KindEvent => row.GetString("SubjectId") == personId && Drop(row, "ReasonProtected", "ReasonKeyId"),
                CaseEntityMapper.KindIdempotency => row.GetString("Operation") == "create_case" && row.GetString("FingerprintKeyId") != "erased" && Erase(row),
                _ => false,
            };
            if (changed)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag));
            }
        }

        foreach (var chunk in actions.Chunk(100))
        {
            await tables.Cases.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        return actions.Count;
    }

    private static bool Drop(TableEntity row, string valueColumn, string keyColumn)
    {
        if (row.GetString(valueColumn) is null)
        {
            return false;
        }

        row.Remove(valueColumn);
        row.Remove(keyColumn);
        row["IdentityErased"] = true;
        return true;
    }

    // The fingerprint is a keyed hash of a create request whose body held the identity: with the key, guesses could be
    // tested against it. Without it a replay of that request is answered as a reused key (422), never as a new case.
    private static bool Erase(TableEntity row)
    {
        row["Fingerprint"] = "erased";
        row["FingerprintKeyId"] = "erased";
        return true;
    }

    private async Task<string> CaseIdOfAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(partitionKey, TableKeys.CaseRow, ["CaseId"], cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetString("CaseId") : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"A person row of partition {partitionKey} has no case row."));
    }
}
