using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TaskForce.LocalHost.Tests;

/// <summary>
/// Validates response bodies against the schema an OpenAPI document gives an operation, status and media type. Generic:
/// the OpenAPI 3.0 schema dialect is turned into JSON Schema 2020-12 (<c>nullable</c> → a <c>null</c> type,
/// <c>#/components/schemas/X</c> → <c>#/$defs/X</c>, boolean exclusive bounds → numeric ones, OpenAPI-only formats
/// dropped), so it gets stricter as the document's schemas do.
/// </summary>
public sealed class OpenApiValidator
{
    private static readonly HashSet<string> CheckedFormats = ["date", "date-time", "uuid", "email", "uri"];

    private readonly JsonObject _document;
    private readonly JsonObject _defs;

    public OpenApiValidator(string documentText)
    {
        _document = JsonNode.Parse(documentText)!.AsObject();
        var schemas = _document["components"]?["schemas"]?.AsObject() ?? [];
        _defs = new JsonObject(schemas.Select(kv => KeyValuePair.Create(kv.Key, Convert(kv.Value))));
    }

    /// <summary>Returns the media types the document declares for an operation and status.</summary>
    public IReadOnlyList<string> MediaTypes(string method, string path, int status) =>
        Response(method, path, status)["content"]?.AsObject().Select(kv => kv.Key).ToList() ?? [];

    /// <summary>Asserts that the document declares the response and that the body validates against its schema;
    /// returns the body.</summary>
    public async Task<JsonElement> AssertValidAsync(HttpResponseMessage response, string method, string path)
    {
        int status = (int)response.StatusCode;
        string mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        string body = await response.Content.ReadAsStringAsync();
        var content = Response(method, path, status)["content"]?[mediaType]
            ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} {status}: the document declares no {mediaType} body; it declares {string.Join(", ", MediaTypes(method, path, status))}. Body: {body}");
        using var doc = JsonDocument.Parse(body);
        var element = doc.RootElement.Clone();
        if (content["schema"] is { } schemaNode)
        {
            Evaluate(Convert(schemaNode)!.AsObject(), element, $"{method.ToUpperInvariant()} {path} {status}", body);
        }

        return element;
    }

    /// <summary>Asserts that a body validates against a component schema (for answers the platform gives before an
    /// operation runs, such as 401 without a function key).</summary>
    public async Task<JsonElement> AssertValidAgainstComponentAsync(HttpResponseMessage response, string component)
    {
        string body = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(body);
        var element = doc.RootElement.Clone();
        Evaluate(new JsonObject { ["$ref"] = $"#/$defs/{component}" }, element, $"component {component}", body);
        return element;
    }

    private void Evaluate(JsonObject root, JsonElement element, string what, string body)
    {
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _defs.DeepClone();
        var schema = JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri($"https://taskforce.test/openapi/{Guid.NewGuid():N}"));
        var results = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!results.IsValid)
        {
            var errors = (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.SchemaLocation}): {e.Key}: {e.Value}"));
            throw new Xunit.Sdk.XunitException($"{what}: the body does not match the document's schema:\n{string.Join("\n", errors)}\nBody: {body}");
        }
    }

    private JsonNode Response(string method, string path, int status)
    {
        var operation = _document["paths"]?[path]?[method.ToLowerInvariant()]
            ?? throw new Xunit.Sdk.XunitException($"The document has no operation {method.ToUpperInvariant()} {path}.");
        var responses = operation["responses"]!;
        return responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses[$"{status / 100}XX"] ?? responses["default"]
            ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path}: the document declares no status {status}.");
    }

    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(Convert)]);
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key is "nullable" or "example" or "discriminator" or "xml" or "externalDocs" || key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (key == "$ref" && value?.GetValue<string>() is { } reference)
                    {
                        result[key] = reference.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                    }
                    else if (key == "format" && value?.GetValue<string>() is { } format && !CheckedFormats.Contains(format))
                    {
                        continue;
                    }
                    else if (key is "exclusiveMinimum" or "exclusiveMaximum" && value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    {
                        string bound = key == "exclusiveMinimum" ? "minimum" : "maximum";
                        if (value.GetValue<bool>() && obj[bound] is { } limit)
                        {
                            result[key] = limit.DeepClone();
                        }
                    }
                    else if (key is "properties" or "patternProperties" or "$defs" or "definitions")
                    {
                        result[key] = new JsonObject(value!.AsObject().Select(kv => KeyValuePair.Create(kv.Key, Convert(kv.Value))));
                    }
                    else
                    {
                        result[key] = Convert(value);
                    }
                }

                if (obj["exclusiveMinimum"]?.GetValueKind() == JsonValueKind.True)
                {
                    result.Remove("minimum");
                }

                if (obj["exclusiveMaximum"]?.GetValueKind() == JsonValueKind.True)
                {
                    result.Remove("maximum");
                }

                return obj["nullable"]?.GetValueKind() == JsonValueKind.True ? Nullable(result) : result;
            default:
                return node?.DeepClone();
        }
    }

    private static JsonObject Nullable(JsonObject schema)
    {
        if (schema["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (schema["enum"] is JsonArray values)
            {
                values.Add(null);
            }

            return schema;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema) };
    }
}
