using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForce.Domain.Serialization;

namespace TaskForce.Domain.Cases.History;

/// <summary>Compares two states of a case in the wire format and lists the leaf fields whose values differ. Persons
/// are addressed by id (<c>victims[victim-2].sex</c>), not by position, so removing one person does not read as a
/// change to the others. Lists of codes (<c>elements.acts</c>, <c>simfoni_forms</c>) are compared as one value.</summary>
internal static class CaseStateDiff
{
    private static readonly string[] PersonLists = ["victims", "suspects", "witnesses", "victim_consents", "suspect_detentions"];

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The domain package is not trimmed; WireJson documents it.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The domain package is not AOT-compiled; WireJson documents it.")]
    public static IReadOnlyList<FieldChange> Compare(CaseRecordState before, CaseRecordState after)
    {
        var a = Normalise(JsonSerializer.SerializeToNode(before, WireJson.Options)!.AsObject());
        var b = Normalise(JsonSerializer.SerializeToNode(after, WireJson.Options)!.AsObject());
        var changes = new List<FieldChange>();
        Walk(string.Empty, a, b, changes);
        return changes;
    }

    private static JsonObject Normalise(JsonObject state)
    {
        foreach (string list in PersonLists)
        {
            if (state[list] is JsonArray people)
            {
                var byId = new JsonObject();
                foreach (var p in people)
                {
                    string id = p!["id"]!.GetValue<string>();
                    byId[id] = p["person"]?.DeepClone();
                }

                state[list] = byId;
            }
        }

        return state;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The domain package is not trimmed; WireJson documents it.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The domain package is not AOT-compiled; WireJson documents it.")]
    private static void Walk(string path, JsonNode? a, JsonNode? b, List<FieldChange> changes)
    {
        if (a is JsonObject oa || b is JsonObject)
        {
            var ao = a as JsonObject;
            var bo = b as JsonObject;
            var keys = new List<string>();
            foreach (var kv in (IEnumerable<KeyValuePair<string, JsonNode?>>?)ao ?? [])
            {
                keys.Add(kv.Key);
            }

            foreach (var kv in (IEnumerable<KeyValuePair<string, JsonNode?>>?)bo ?? [])
            {
                if (!keys.Contains(kv.Key))
                {
                    keys.Add(kv.Key);
                }
            }

            bool personList = PersonLists.Contains(path);
            foreach (string key in keys)
            {
                string child = personList ? $"{path}[{key}]" : path.Length == 0 ? key : $"{path}.{key}";
                Walk(child, ao?[key], bo?[key], changes);
            }

            return;
        }

        if (JsonNode.DeepEquals(a, b))
        {
            return;
        }

        string? oldJson = a?.ToJsonString(WireJson.Options);
        string? newJson = b?.ToJsonString(WireJson.Options);
        if (IsEmpty(a) && IsEmpty(b))
        {
            return; // null, [] and false-by-default on a person added or removed are no information
        }

        changes.Add(new FieldChange(path, IsEmpty(a) ? null : oldJson, IsEmpty(b) ? null : newJson, IdentityFields.IsIdentifying(Generic(path))));
    }

    private static bool IsEmpty(JsonNode? node) => node is null || (node is JsonArray arr && arr.Count == 0);

    /// <summary><c>victims[victim-2].identity.phone</c> → <c>victims[].identity.phone</c>, the form
    /// <see cref="IdentityFields"/> lists.</summary>
    private static string Generic(string path)
    {
        int open = path.IndexOf('[', StringComparison.Ordinal);
        int close = path.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open ? string.Concat(path.AsSpan(0, open + 1), path.AsSpan(close)) : path;
    }
}
