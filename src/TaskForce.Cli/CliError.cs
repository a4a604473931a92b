using System.Text.Json;
using TaskForce.Application.Serialization;

namespace TaskForce.Cli;

/// <summary>Writes the contract's error document: <c>{"error": {"title", "detail", "errors": [...]}}</c>.</summary>
internal static class CliError
{
    public static void Write(TextWriter stdout, TextWriter stderr, bool json, string title, string detail, IEnumerable<(string Field, string Message)> errors)
    {
        var list = errors.ToList();
        if (json)
        {
            var doc = new Dictionary<string, object>
            {
                ["error"] = new Dictionary<string, object>
                {
                    ["title"] = title,
                    ["detail"] = detail,
                    ["errors"] = list.Select(e => new Dictionary<string, string> { ["field"] = e.Field, ["message"] = e.Message }).ToList(),
                },
            };
            stdout.WriteLine(JsonSerializer.Serialize(doc, TaskForceJson.Options));
        }
        else
        {
            stderr.WriteLine($"{title}: {detail}");
            if (list.Count == 1 && list[0].Message == detail && detail.Contains(list[0].Field, StringComparison.Ordinal))
            {
                return; // one line: the detail is the one error's message and names its field
            }

            foreach (var (field, message) in list)
            {
                stderr.WriteLine(field.Length > 0 ? $"  {field}: {message}" : $"  {message}");
            }
        }
    }
}
