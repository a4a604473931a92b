using System.Text.Json.Nodes;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Import;

/// <summary>Builds correction lines from the real sample's lines (ADR-015).</summary>
internal static class VerdictCorrectionLines
{
    public static readonly string[] RealLines = File.ReadAllLines(RepoPaths.SampleVerdicts);

    /// <summary>The sample line of a case number.</summary>
    public static string Line(string caseNumber) =>
        RealLines.Single(l => JsonNode.Parse(l)!["case_number"]!.GetValue<string>() == caseNumber);

    /// <summary>The line with some fields replaced (null removes nothing: it sets JSON null).</summary>
    public static string With(string line, params (string Field, JsonNode? Value)[] changes)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        foreach (var (field, value) in changes)
        {
            o[field] = value;
        }

        return o.ToJsonString();
    }

    /// <summary>A correction of the line: the same facts with the changes, "corrects" and the reason.</summary>
    public static string Correction(string line, string reason, params (string Field, JsonNode? Value)[] changes)
    {
        string caseNumber = JsonNode.Parse(line)!["case_number"]!.GetValue<string>();
        return With(line, [.. changes, ("corrects", caseNumber), ("correction_reason", reason)]);
    }
}
