using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using TaskForce.Functions.Http;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>Keeps <c>openapi.json</c> true: every HTTP function is in it with its route and method, the status codes
/// its XML doc declares (<c>&lt;returns&gt;</c>) are exactly the documented responses, and the document validates with
/// the Microsoft.OpenApi reader.</summary>
public sealed partial class OpenApiDocumentTests
{
    private static readonly Assembly FunctionsAssembly = typeof(OpenApiFunctions).Assembly;

    public static TheoryData<string> FunctionNames() => [.. HttpFunctions().Select(f => f.Name)];

    [Fact]
    public void Document_Validates_WithTheMicrosoftOpenApiReader()
    {
        var read = OpenApiDocument.Parse(OpenApiFunctions.Text, "json");
        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public void Document_HasExactlyTheFunctionsOperations()
    {
        var document = Parse();
        var documented = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => $"{o.Key.Method.ToUpperInvariant()} {p.Key}")).Order(StringComparer.Ordinal).ToList();
        var functions = HttpFunctions().SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} /{f.Route}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(functions, documented);
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void Operation_MatchesTheFunction_GivenEachFunction(string name)
    {
        var function = HttpFunctions().Single(f => f.Name == name);
        var document = Parse();
        Assert.True(document.Paths.TryGetValue("/" + function.Route, out var path), $"{name}: /{function.Route} is not in openapi.json");
        foreach (string method in function.Methods)
        {
            var operation = path!.Operations![new HttpMethod(method.ToUpperInvariant())];
            Assert.Equal(name, operation.OperationId);
            var documented = operation.Responses!.Keys.Order(StringComparer.Ordinal).ToList();
            Assert.Equal(function.DeclaredStatuses, documented);

            // Route parameters are documented as required path parameters.
            foreach (Match m in RouteParameter().Matches(function.Route))
            {
                Assert.Contains(operation.Parameters!, p => p.Name == m.Groups[1].Value && p.In == ParameterLocation.Path && p.Required);
            }

            if (method == "post")
            {
                Assert.Contains(operation.Parameters!, p => p.Name == "Idempotency-Key" && p.In == ParameterLocation.Header);
                Assert.True(operation.Extensions!.ContainsKey("x-idempotency"), $"{name}: say how a retry is safe (x-idempotency)");
            }
        }
    }

    [Fact]
    public void Document_NamesASchemaForEveryBodyAndResponse_GeneratedFromTheRecords()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(OpenApiFunctions.Text)!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (name, type) in ApiSchemas.Records)
        {
            Assert.Equal(name, (string?)schemas[name]!["title"]);
            Assert.False(schemas[name]!["additionalProperties"]?.GetValue<bool>() ?? true, $"{name} ({type.Name}) must refuse unknown members");
        }

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                string id = (string)operation!["operationId"]!;
                var bodies = operation["responses"]!.AsObject().Select(r => (r.Key, r.Value!["content"]!.AsObject().Single().Value!["schema"]!))
                    .Concat(operation["requestBody"] is { } request ? [("request", request["content"]!.AsObject().Single().Value!["schema"]!)] : []);
                foreach (var (status, schema) in bodies)
                {
                    if (id == "GetOpenApi" || (id == "PostEstimate" && status == "request") || (id == "PostAnnualReport" && status == "200"))
                    {
                        continue; // the document itself; a CSV text; a Word document (binary)
                    }

                    string reference = (string?)schema["$ref"] ?? string.Empty;
                    Assert.True(reference.StartsWith("#/components/schemas/", StringComparison.Ordinal), $"{method} {path} {status}: name a schema, not an inline one");
                    Assert.True(schemas.ContainsKey(reference["#/components/schemas/".Length..]), $"{method} {path} {status}: {reference} is not defined");
                }
            }
        }
    }

    [Fact]
    public void GetOpenApi_Returns200WithTheDocument()
    {
        var result = Assert.IsType<ContentResult>(new OpenApiFunctions().Get(new DefaultHttpContext().Request));
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(OpenApiFunctions.Text, result.Content);
        Assert.Contains("\"openapi\": \"3.1.0\"", result.Content, StringComparison.Ordinal);
    }

    private static OpenApiDocument Parse() => OpenApiDocument.Parse(OpenApiFunctions.Text, "json").Document!;

    private sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, IReadOnlyList<string> DeclaredStatuses);

    private static List<HttpFunction> HttpFunctions()
    {
        var docs = XDocument.Load(Path.ChangeExtension(FunctionsAssembly.Location, ".xml"));
        var result = new List<HttpFunction>();
        foreach (var method in FunctionsAssembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (function is null || trigger is null)
            {
                continue;
            }

            string member = "M:" + method.DeclaringType!.FullName + "." + method.Name + "(" + string.Join(",", method.GetParameters().Select(p => p.ParameterType.FullName)) + ")";
            string returns = docs.Descendants("member").Single(m => (string?)m.Attribute("name") == member).Element("returns")!.Value;
            var statuses = StatusCode().Matches(returns).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(statuses.Count > 0, $"{function.Name}: the <returns> doc declares no status code");
            result.Add(new HttpFunction(function.Name, trigger.Route ?? function.Name, [.. trigger.Methods!.Select(m => m.ToLowerInvariant())], statuses));
        }

        return result;
    }

    [GeneratedRegex(@"(?<!\d|\d\.)[1-5]\d\d(?!\d|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
