using System.Text.Json;

namespace TaskForce.Client;

/// <summary>An RFC 9457 problem details document as the API writes it (<c>application/problem+json</c>).</summary>
/// <param name="Type">A URI reference that identifies the problem type.</param>
/// <param name="Title">A short, human-readable summary of the problem type.</param>
/// <param name="Status">The HTTP status code the API gave.</param>
/// <param name="Detail">A human-readable explanation specific to this occurrence.</param>
/// <param name="Instance">A URI reference that identifies this occurrence, when the API gives one.</param>
/// <param name="Extensions">Every other member (e.g. <c>errors</c>, <c>allowed_targets</c>, <c>retry_after_seconds</c>), by name.</param>
public sealed record TaskForceProblem(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Instance,
    IReadOnlyDictionary<string, JsonElement> Extensions)
{
    /// <summary>Reads a problem document from a response body.</summary>
    /// <param name="text">The response body.</param>
    /// <returns>The problem, or <see langword="null"/> when the body is not a JSON object with a <c>title</c> or <c>status</c>.</returns>
    public static TaskForceProblem? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? type = null, title = null, detail = null, instance = null;
            int? status = null;
            var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "type" when member.Value.ValueKind == JsonValueKind.String: type = member.Value.GetString(); break;
                    case "title" when member.Value.ValueKind == JsonValueKind.String: title = member.Value.GetString(); break;
                    case "detail" when member.Value.ValueKind == JsonValueKind.String: detail = member.Value.GetString(); break;
                    case "instance" when member.Value.ValueKind == JsonValueKind.String: instance = member.Value.GetString(); break;
                    case "status" when member.Value.TryGetInt32(out int s): status = s; break;
                    default: extensions[member.Name] = member.Value.Clone(); break;
                }
            }

            return title is null && status is null ? null : new TaskForceProblem(type, title, status, detail, instance, extensions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
