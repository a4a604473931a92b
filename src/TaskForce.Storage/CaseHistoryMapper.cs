using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Workflows;

namespace TaskForce.Storage;

/// <summary>
/// Maps a <see cref="CaseChange"/> to its <c>history|NNNNNN</c> row in the case's partition (ADR-016) and back.
/// Clear columns: the kind, the person id, the actor, the instant and the non-identifying fields with their values;
/// the identifying fields' values and the reason (free text that may name a person) sit in one AES-GCM encrypted
/// column bound to the row (ADR-004). An identifying field's path is listed in clear, its values never are.
/// </summary>
internal static class CaseHistoryMapper
{
    public const string KindHistory = "history";
    public const int SchemaVersion = 1;
    private const string ProtectedField = "history";
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The column of the case row that counts the history rows written (the next one is this + 1).</summary>
    public const string CountColumn = "HistoryCount";

    public static TableEntity ToEntity(string partitionKey, int sequence, CaseChange change, IdentityProtector protector)
    {
        var row = new TableEntity(partitionKey, TableKeys.HistoryRow(sequence))
        {
            ["Kind"] = KindHistory,
            ["SchemaVersion"] = SchemaVersion,
            ["Sequence"] = sequence,
            ["ChangeKind"] = KindCode(change.Kind),
            ["PersonId"] = change.PersonId,
            ["ActorUserId"] = change.Actor.UserId,
            ["ActorAgency"] = change.Actor.Agency,
            ["AtText"] = InstantText.Format(change.At),
            ["At"] = change.At.ToDateTimeOffset(),
            ["Fields"] = JsonSerializer.Serialize(change.Fields.Select(f => f.Identifying ? new StoredField(f.Path, null, null, true) : new StoredField(f.Path, f.OldJson, f.NewJson, false)), Json),
        };
        var secret = change.Fields.Where(f => f.Identifying).Select(f => new StoredField(f.Path, f.OldJson, f.NewJson, true)).ToList();
        if (secret.Count > 0 || change.Reason is not null)
        {
            byte[] plain = JsonSerializer.SerializeToUtf8Bytes(new ProtectedPart(change.Reason, secret), Json);
            var (keyId, value) = protector.Protect(plain, AssociatedData(row.PartitionKey, row.RowKey));
            row["Protected"] = value;
            row["ProtectedKeyId"] = keyId;
        }

        return row;
    }

    public static CaseHistoryEntry FromEntity(TableEntity row, bool includeIdentity, IdentityProtector protector)
    {
        var fields = JsonSerializer.Deserialize<List<StoredField>>(row.GetString("Fields") ?? "[]", Json) ?? [];
        string? reason = null;
        bool withheld = !includeIdentity && (row.GetString("Protected") is not null);
        if (includeIdentity && row.GetString("Protected") is { } value)
        {
            byte[] plain = protector.Unprotect(row.GetString("ProtectedKeyId") ?? string.Empty, value, AssociatedData(row.PartitionKey, row.RowKey));
            var part = JsonSerializer.Deserialize<ProtectedPart>(plain, Json) ?? throw new InvalidDataException("A history value decrypted to null.");
            reason = part.Reason;
            var byPath = part.Fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
            fields = [.. fields.Select(f => f.Identifying && byPath.TryGetValue(f.Path, out var s) ? s : f)];
        }

        var kind = ParseKind(row.GetString("ChangeKind"));
        var at = InstantText.Parse(row.GetString("AtText") ?? string.Empty) is { Success: true } r ? r.Value : throw new InvalidDataException("A history row has no valid instant.");
        var change = new CaseChange(
            kind,
            row.GetString("PersonId"),
            [.. fields.Select(f => new FieldChange(f.Path, f.Old, f.New, f.Identifying))],
            reason,
            Actor.Create(row.GetString("ActorUserId"), row.GetString("ActorAgency")),
            at);
        return new CaseHistoryEntry(row.GetInt32("Sequence") ?? 0, change, withheld);
    }

    /// <summary>Removes one person's identity values and the reason from a history row's encrypted column (ADR-019):
    /// the fields whose path names the person (<c>[{personId}]</c>) go, and the reason goes when the row is about the
    /// person or names them in a path. The clear columns (paths, non-identifying values) stay.</summary>
    /// <returns><see langword="true"/> when the row changed (then write it back).</returns>
    public static bool Scrub(TableEntity row, string personId, IdentityProtector protector)
    {
        string marker = "[" + personId + "]";
        var fields = JsonSerializer.Deserialize<List<StoredField>>(row.GetString("Fields") ?? "[]", Json) ?? [];
        bool about = row.GetString("PersonId") == personId || fields.Any(f => f.Path.Contains(marker, StringComparison.Ordinal));
        if (!about || row.GetString("Protected") is not { } value)
        {
            return false;
        }

        byte[] plain = protector.Unprotect(row.GetString("ProtectedKeyId") ?? string.Empty, value, AssociatedData(row.PartitionKey, row.RowKey));
        var part = JsonSerializer.Deserialize<ProtectedPart>(plain, Json) ?? throw new InvalidDataException("A history value decrypted to null.");
        var kept = part.Fields.Where(f => !f.Path.Contains(marker, StringComparison.Ordinal)).ToList();
        if (kept.Count == 0)
        {
            row.Remove("Protected");
            row.Remove("ProtectedKeyId");
        }
        else
        {
            var (keyId, again) = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new ProtectedPart(null, kept), Json), AssociatedData(row.PartitionKey, row.RowKey));
            row["Protected"] = again;
            row["ProtectedKeyId"] = keyId;
        }

        row["IdentityErased"] = true;
        return true;
    }

    /// <summary>The kind's wire code: the snake_case member name (<c>offence_date_recorded</c>).</summary>
    public static string KindCode(CaseChangeKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static CaseChangeKind ParseKind(string? code) =>
        Enum.GetValues<CaseChangeKind>().FirstOrDefault(k => KindCode(k) == code) is var k && k != 0
            ? k
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"A history row has an unknown change kind."));

    private static string AssociatedData(string partitionKey, string rowKey) => $"{partitionKey}|{rowKey}|{ProtectedField}";

    private sealed record StoredField(string Path, string? Old, string? New, bool Identifying);

    private sealed record ProtectedPart(string? Reason, List<StoredField> Fields);
}
