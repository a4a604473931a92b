using System.Text.Json;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>Reads cells out of a snapshot JSON document by indicator id and disaggregation.</summary>
public sealed class SnapshotReader
{
    private readonly Dictionary<string, decimal?> _cells = [];

    public SnapshotReader(string json)
    {
        Root = JsonDocument.Parse(json).RootElement;
        foreach (var cell in Root.GetProperty("indicators").EnumerateArray())
        {
            string key = Key(cell.GetProperty("id").GetString()!, cell.GetProperty("disaggregation").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToArray());
            Assert.False(_cells.ContainsKey(key), "duplicate cell " + key);
            _cells[key] = cell.GetProperty("value").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("value").GetDecimal();
        }
    }

    public JsonElement Root { get; }

    public IReadOnlyDictionary<string, decimal?> Cells => _cells;

    public decimal? Value(string id, params (string Key, string Value)[] dims) =>
        _cells.TryGetValue(Key(id, dims), out var v) ? v : throw new KeyNotFoundException(Key(id, dims));

    public bool Has(string id, params (string Key, string Value)[] dims) => _cells.ContainsKey(Key(id, dims));

    /// <summary>Cells of an indicator whose disaggregation is exactly the given dimension names.</summary>
    public Dictionary<string, decimal?> By(string id, params string[] dimensionNames)
    {
        string prefix = id + "{";
        return _cells.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => (c, dims: c.Key[prefix.Length..^1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => d.Split('=')).ToList()))
            .Where(x => x.dims.Select(d => d[0]).SequenceEqual(dimensionNames))
            .ToDictionary(x => string.Join("|", x.dims.Select(d => d[1])), x => x.c.Value);
    }

    private static string Key(string id, (string Key, string Value)[] dims) => id + "{" + string.Join(",", dims.Select(d => d.Key + "=" + d.Value)) + "}";
}
