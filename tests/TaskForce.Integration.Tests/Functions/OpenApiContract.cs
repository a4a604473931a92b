using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Functions.Http;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>Validates a function's real answer against the schema the served OpenAPI document gives its operation and
/// status (JsonSchema.Net, draft 2020-12 as OpenAPI 3.1 uses, formats checked).</summary>
public static class OpenApiContract
{
    private static readonly JsonObject Document = JsonNode.Parse(OpenApiFunctions.Text)!.AsObject();
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);
    private static int built;

    /// <summary>Asserts the status, that it is documented for the operation, and that the body validates against the
    /// schema the document gives it.</summary>
    /// <returns>The body, parsed.</returns>
    public static JsonElement AssertConforms(string operationId, int expectedStatus, IActionResult result)
    {
        var (status, mediaType, body) = Wire(result);
        Assert.True(expectedStatus == status, $"{operationId}: expected {expectedStatus}, got {status}: {body}");
        var schema = Schemas.GetOrAdd($"{operationId} {status} {mediaType}", _ => Build(operationId, status, mediaType));
        using var doc = JsonDocument.Parse(body);
        var results = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(results.IsValid, $"{operationId} {status}: the body does not match the documented schema:\n{Errors(results)}\n{body}");
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts that the result's body validates against a named schema of <c>components/schemas</c>.</summary>
    public static void AssertConformsToComponent(string name, IActionResult result)
    {
        var (_, _, body) = Wire(result);
        var schema = Schemas.GetOrAdd("component " + name, _ => Compile(new JsonObject { ["$ref"] = "#/components/schemas/" + name }));
        using var doc = JsonDocument.Parse(body);
        var results = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(results.IsValid, $"{name}: the body does not match:\n{Errors(results)}\n{body}");
    }

    /// <summary>Returns the status, media type and body text as the host writes them.</summary>
    public static (int Status, string MediaType, string Body) Wire(IActionResult result) => result switch
    {
        ContentResult c => (c.StatusCode ?? 200, c.ContentType!.Split(';')[0].Trim(), c.Content!),

        // Problems are ObjectResults that the host writes with ASP.NET Core's web JSON defaults.
        ObjectResult { Value: ProblemDetails p } o => (o.StatusCode ?? 500, Problems.MediaType, JsonSerializer.Serialize(p, p.GetType(), JsonSerializerOptions.Web)),
        _ => throw new Xunit.Sdk.XunitException($"Unexpected result {result.GetType().Name}"),
    };

    private static JsonSchema Build(string operationId, int status, string mediaType)
    {
        JsonObject? operation = null;
        foreach (var (_, path) in Document["paths"]!.AsObject())
        {
            foreach (var (_, op) in path!.AsObject())
            {
                if (op is JsonObject o && (string?)o["operationId"] == operationId)
                {
                    operation = o;
                }
            }
        }

        Assert.True(operation is not null, $"{operationId} is not in the document");
        var response = operation!["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.True(response is not null, $"{operationId} does not document status {status}");
        var schema = response!["content"]?[mediaType]?["schema"];
        Assert.True(schema is not null, $"{operationId} {status} documents no schema for {mediaType}");

        return Compile(schema!.DeepClone().AsObject());
    }

    // One self-contained JSON Schema: the given schema, with the document's components as $defs.
    private static JsonSchema Compile(JsonObject root)
    {
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = Document["components"]!["schemas"]!.DeepClone();
        string text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        int n = Interlocked.Increment(ref built);
        return JsonSchema.FromText(text, BuildOptions.Default, new Uri($"https://taskforce.invalid/openapi/{n}"));
    }

    private static string Errors(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}
