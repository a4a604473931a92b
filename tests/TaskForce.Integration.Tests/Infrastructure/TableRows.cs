using Azure.Data.Tables;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>Reads every row of a table with its ETag, to prove that a refused request wrote nothing.</summary>
public static class TableRows
{
    public static async Task<List<TableEntity>> AllAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>())
        {
            rows.Add(e);
        }

        return rows;
    }

    /// <summary>PartitionKey, RowKey and ETag of every row, sorted: equal fingerprints mean nothing was added, changed or removed.</summary>
    public static async Task<List<string>> FingerprintAsync(TableClient table) =>
        [.. (await AllAsync(table)).Select(e => $"{e.PartitionKey}/{e.RowKey}/{e.ETag}").Order(StringComparer.Ordinal)];
}
