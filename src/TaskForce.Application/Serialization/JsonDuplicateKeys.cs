using System.Text.Json;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// Refuses a JSON document in which an object names the same field twice. RFC 8259 §4 leaves such a document's
/// meaning to the reader, and System.Text.Json on its own keeps the last value silently, so a record sent with
/// <c>"sex":"F","sex":"M"</c> would be stored as whichever came last (issue 15 §4). Every reader of input (the
/// tool's files and the HTTP bodies, through <see cref="InputJson"/> and the verdict parser) checks with this.
/// </summary>
public static class JsonDuplicateKeys
{
    /// <summary>Checks a parsed document (parsed with duplicates allowed, the default).</summary>
    /// <param name="root">The document's root element.</param>
    /// <exception cref="DomainValidationException">An object holds a field name twice (compared exactly, as the
    /// serializer matches names); the field is the JSON path of the second occurrence, such as
    /// <c>victims[0].sex</c>; the message (<c>ImportText.DuplicateField</c>) never repeats a value sent, which may be
    /// personal data; the kind is <see cref="InputProblems.DuplicateField"/>.</exception>
    public static void Check(JsonElement root) => Walk(root, string.Empty);

    private static void Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        throw InputProblems.Create(field, Resources.ImportText.DuplicateField, InputProblems.DuplicateField);
                    }

                    Walk(property.Value, field);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{(path.Length == 0 ? "body" : path)}[{index++}]");
                }

                break;
        }
    }
}
