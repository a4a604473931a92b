using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace TaskForce.Storage;

/// <summary>
/// A verdict's row in the case-number index (partition <see cref="TableKeys.VerdictIndexPartition"/>): the single
/// source of truth for which revision of the verdict is current (docs/decisions/ADR-015-verdict-revisions.md).
/// </summary>
/// <remarks>Columns: <c>Fingerprint</c> and <c>Partition</c> of the current revision (as before revisions existed),
/// <c>CurrentRow</c> (its row key; absent = the header row, revision 1), <c>Revision</c> (absent = 1) and
/// <c>RevisionsJson</c> (every revision, oldest first; absent = revision 1 only).</remarks>
internal sealed record VerdictIndexEntry(string RowKey, string Fingerprint, string Partition, string CurrentRow, int Revision, IReadOnlyList<VerdictRevisionRef> Revisions)
{
    /// <summary>The columns to select to build an entry.</summary>
    public static readonly string[] Columns = ["RowKey", "Fingerprint", "Partition", "CurrentRow", "Revision", "RevisionsJson"];

    public static VerdictIndexEntry From(TableEntity e)
    {
        string fingerprint = e.GetString("Fingerprint") ?? string.Empty;
        string partition = e.GetString("Partition") ?? string.Empty;
        string current = e.GetString("CurrentRow") ?? e.RowKey;
        int revision = e.GetInt32("Revision") ?? 1;
        var revisions = e.GetString("RevisionsJson") is { } json
            ? JsonSerializer.Deserialize<List<VerdictRevisionRef>>(json) ?? []
            : [new VerdictRevisionRef(1, fingerprint, partition, e.RowKey, null)];
        return new VerdictIndexEntry(e.RowKey, fingerprint, partition, current, revision, revisions);
    }

    /// <summary>Writes this entry's revision columns onto an index row.</summary>
    public void WriteTo(TableEntity e)
    {
        e["Fingerprint"] = Fingerprint;
        e["Partition"] = Partition;
        e["CurrentRow"] = CurrentRow;
        e["Revision"] = Revision;
        e["RevisionsJson"] = JsonSerializer.Serialize(Revisions);
    }
}

/// <summary>One revision as the index lists it.</summary>
/// <param name="Number">The revision number (1 = the imported record).</param>
/// <param name="Fingerprint">The fingerprint of its facts.</param>
/// <param name="Partition">The partition of its rows (its decision year).</param>
/// <param name="Row">The row key of its header-like row.</param>
/// <param name="ReasonHash">The first 16 hex characters of the SHA-256 of its reason (a re-import of the same
/// correction is recognised by facts and reason), or <see langword="null"/> for revision 1.</param>
internal sealed record VerdictRevisionRef(
    [property: JsonPropertyName("n")] int Number,
    [property: JsonPropertyName("fp")] string Fingerprint,
    [property: JsonPropertyName("p")] string Partition,
    [property: JsonPropertyName("row")] string Row,
    [property: JsonPropertyName("rh")] string? ReasonHash);
