using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace TaskForce.Functions.Http;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI 3.1 contract of every HTTP function, so agencies can generate a client.
/// </summary>
/// <remarks>The operations are hand-kept (<c>src/TaskForce.Functions/openapi.json</c>, embedded in the worker; the
/// schemas of the request and response records are generated from the records by <see cref="ApiSchemas"/>) because
/// the Functions OpenAPI extension (github.com/Azure/azure-functions-openapi-extension) is in maintenance mode and
/// not served here (ADR-011). A test
/// (<c>OpenApiDocumentTests</c>) reflects over every <c>[Function]</c> method and fails when a route, method or declared
/// status code differs from the document, or when the document does not validate with the Microsoft.OpenApi reader;
/// <c>OpenApiResponseSchemaTests</c> validates real responses against the schema of their operation and status.
/// Anonymous: the contract holds no data and a client needs it before it has a key.</remarks>
public sealed class OpenApiFunctions
{
    /// <summary>The name of the embedded document.</summary>
    public const string ResourceName = "TaskForce.Functions.openapi.json";

    private static readonly Lazy<string> Document = new(Load);

    /// <summary>Gets the document text.</summary>
    /// <value>OpenAPI 3.1 JSON.</value>
    public static string Text => Document.Value;

    /// <summary>Returns the OpenAPI document.</summary>
    /// <param name="req">The request.</param>
    /// <returns>200 with the OpenAPI 3.1 JSON document.</returns>
    [Function("GetOpenApi")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance", "CA1822:Mark members as static", Justification = "Function classes are instantiated by the worker, like the other HTTP functions.")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return HttpPipeline.JsonText(Text);
    }

    private static string Load()
    {
        using var stream = typeof(OpenApiFunctions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var document = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is not a JSON object.");
        ApiSchemas.AddTo(document);
        return ApiSchemas.Write(document);
    }
}
