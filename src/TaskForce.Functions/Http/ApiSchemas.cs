using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Estimation;
using TaskForce.Application.Serialization;
using TaskForce.Application.Subjects;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;

namespace TaskForce.Functions.Http;

/// <summary>
/// The request and response records of the HTTP API and their JSON schemas, generated from the records with the
/// options the API reads and writes them with (<see cref="InputJson.Options"/>: snake_case, enum wire codes, NodaTime
/// ISO text, unknown members refused), so the OpenAPI document cannot drift from the code (ADR-011).
/// </summary>
/// <remarks>Every record or enumeration a record refers to is a component of its own, named after its C# type
/// (<see cref="ComponentName"/>), so a client generated from the document names its types as the code does (ADR-013).
/// The hand-kept <c>openapi.json</c> refers to these schemas by name (<c>#/components/schemas/CaseSummary</c>)
/// and holds only the ones that are not records: problem details and the contract documents written by their own
/// writers (the snapshot, the detention ledger). <see cref="OpenApiFunctions"/> adds these to the served document.</remarks>
public static class ApiSchemas
{
    /// <summary>Gets the records described in the document, by schema name.</summary>
    /// <value>Schema name → record type.</value>
    public static IReadOnlyDictionary<string, Type> Records { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["CaseIntake"] = typeof(CaseIntake),
        ["CaseSummary"] = typeof(CaseSummary),
        ["CaseDocument"] = typeof(CaseDocument),
        ["CaseListPage"] = typeof(CaseListPage),
        ["QualificationRequest"] = typeof(QualificationRequest),
        ["QualificationResult"] = typeof(QualificationResult),
        ["WorkflowStartRequest"] = typeof(WorkflowStartRequest),
        ["WorkflowStarted"] = typeof(WorkflowStarted),
        ["WorkflowTransitionRequest"] = typeof(WorkflowTransitionRequest),
        ["WorkflowTransitioned"] = typeof(WorkflowTransitioned),
        ["CaseTimeline"] = typeof(CaseTimeline),
        ["SpdpRequest"] = typeof(SpdpRequest),
        ["SpdpRecorded"] = typeof(SpdpRecorded),
        ["CaseAmendment"] = typeof(CaseAmendment),
        ["CaseAmended"] = typeof(CaseAmended),
        ["CaseHistoryView"] = typeof(CaseHistoryView),
        ["ConsentChangeRequest"] = typeof(ConsentChangeRequest),
        ["ConsentRecorded"] = typeof(ConsentRecorded),
        ["EstimateResponse"] = typeof(EstimateResponse),
        ["DataSubjectQuery"] = typeof(DataSubjectQuery),
        ["SubjectAccessExport"] = typeof(SubjectAccessExport),
        ["SubjectErasureResult"] = typeof(SubjectErasureResult),
        ["SubjectRequestList"] = typeof(SubjectRequestList),
        ["AlertList"] = typeof(TaskForce.Application.Alerts.AlertList), // ADR-021
        ["AlertView"] = typeof(TaskForce.Application.Alerts.AlertView),
        ["AccessLogPage"] = typeof(TaskForce.Application.AccessLog.AccessLogPage),
        ["CaseAssignmentRequest"] = typeof(CaseAssignmentRequest),
        ["CaseAssignment"] = typeof(Application.Ports.CaseAssignment),
        ["ReferralList"] = typeof(Application.Workflows.ReferralList),
        ["PreventionActivityInput"] = typeof(Application.Prevention.PreventionActivityInput), // ADR-033
        ["PreventionActivityView"] = typeof(Application.Prevention.PreventionActivityView),
        ["PreventionIndicatorsView"] = typeof(Application.Prevention.PreventionIndicatorsView),
    };

    /// <summary>Returns the JSON schema (draft 2020-12, as OpenAPI 3.1 uses) of a record or an enumeration.</summary>
    /// <param name="type">The record or enumeration type. Cannot be <see langword="null"/>.</param>
    /// <returns>The schema: objects refuse unknown members; a nested record or an enumeration is a <c>$ref</c> to its own
    /// component (<c>#/components/schemas/</c> and the C# type's name, see <see cref="ComponentName"/>), so a client
    /// generated from the document names its types as the C# code does; an enumeration lists its wire codes in
    /// <c>enum</c> and its C# member names, in the same order, in <c>x-enumNames</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is <see langword="null"/>.</exception>
    public static JsonNode Generate(Type type) => Generate(type, []);

    /// <summary>Returns the component name of a record or enumeration: its name in <see cref="Records"/>, else the C#
    /// type's own name (e.g. <c>ReportingAgency</c>, <c>CaseType</c>).</summary>
    /// <param name="type">The type. Cannot be <see langword="null"/>.</param>
    /// <returns>The name under <c>#/components/schemas/</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="type"/> is generic (its name would not be stable).</exception>
    public static string ComponentName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        string? named = Records.FirstOrDefault(p => p.Value == type).Key;
        if (named is not null)
        {
            return named;
        }

        return type.IsGenericType
            ? throw new InvalidOperationException($"{type} is generic; give the API a named record instead.")
            : type.Name;
    }

    /// <summary>Adds the generated schemas to an OpenAPI document's <c>components/schemas</c>: the <see cref="Records"/>
    /// and every record and enumeration they refer to, each under its <see cref="ComponentName"/>.</summary>
    /// <param name="document">The document. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The document already defines one of the names by hand, or two
    /// different types would get the same name.</exception>
    public static void AddTo(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var components = document["components"] as JsonObject ?? throw new InvalidOperationException("The document has no components.");
        var schemas = components["schemas"] as JsonObject ?? throw new InvalidOperationException("The document has no components/schemas.");
        var named = new Dictionary<string, Type>(StringComparer.Ordinal);
        var pending = new Queue<Type>(Records.Values);
        while (pending.TryDequeue(out Type? type))
        {
            string name = ComponentName(type);
            if (named.TryGetValue(name, out Type? other))
            {
                if (other != type)
                {
                    throw new InvalidOperationException($"{type.FullName} and {other.FullName} would both be the schema {name}; rename one.");
                }

                continue;
            }

            if (schemas.ContainsKey(name))
            {
                throw new InvalidOperationException($"openapi.json defines the schema {name} by hand; it is generated from {type.Name}.");
            }

            named[name] = type;
            var referenced = new List<Type>();
            var schema = Generate(type, referenced).AsObject();
            schema.Insert(0, "title", name);
            schemas[name] = schema;
            foreach (Type next in referenced)
            {
                pending.Enqueue(next);
            }
        }
    }

    private static JsonNode Generate(Type type, List<Type> referenced)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsEnum)
        {
            return Codes(type);
        }

        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) => Transform(context, schema, referenced),
        };
        var schema = InputJson.Options.GetJsonSchemaAsNode(type, exporter);
        return Inline(schema, schema, depth: 0);
    }

    // An enumeration as the codes its converter writes (the domain's code tables, not the member names): each value
    // serialised with the API's own options, so the schema cannot disagree with the bytes; the member names beside
    // them (x-enumNames, which NSwag reads) name the generated client's members.
    private static JsonObject Codes(Type enumType)
    {
        var codes = new JsonArray();
        var names = new JsonArray();
        foreach (object value in Enum.GetValues(enumType))
        {
            codes.Add(JsonNode.Parse(JsonSerializer.Serialize(value, enumType, InputJson.Options)));
            names.Add(Enum.GetName(enumType, value));
        }

        return new JsonObject { ["type"] = "string", ["enum"] = codes, ["x-enumNames"] = names };
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema, List<Type> referenced)
    {
        Type type = context.TypeInfo.Type;
        Type core = Nullable.GetUnderlyingType(type) ?? type;
        bool nullable = Nullable.GetUnderlyingType(type) is not null
            || (schema is JsonObject n && n["type"] is JsonArray types && types.Any(v => v?.GetValue<string>() == "null"));
        bool nested = context.Path.Length > 0 || context.PropertyInfo is not null;
        if (core.IsEnum || (nested && core != typeof(string) && schema is JsonObject s && s.ContainsKey("properties")))
        {
            referenced.Add(core);
            JsonNode reference = new JsonObject { ["$ref"] = "#/components/schemas/" + ComponentName(core) };
            JsonObject result = nullable
                ? new JsonObject { ["oneOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) }
                : reference.AsObject();
            if (context.PropertyInfo is not null && schema is JsonObject described && described["description"] is { } about)
            {
                result["description"] = about.DeepClone();
            }

            return result;
        }

        JsonObject? text = core == typeof(LocalDate) ? Text("date")
            : core == typeof(Instant) ? Text("date-time")
            : core == typeof(RegionCode) ? Pattern(@"^(\*|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$")
            : null;
        if (text is null)
        {
            return schema;
        }

        if (nullable)
        {
            text["type"] = new JsonArray("string", "null");
        }

        if (context.PropertyInfo is not null && schema is JsonObject withDescription && withDescription["description"] is { } d)
        {
            text["description"] = d.DeepClone();
        }

        return text;

        static JsonObject Text(string format) => new() { ["type"] = "string", ["format"] = format };

        static JsonObject Pattern(string pattern) => new() { ["type"] = "string", ["pattern"] = pattern };
    }

    // The exporter points to a repeated type with "$ref": "#/properties/…" (relative to the record's own schema); a
    // component schema must stand alone, so each such reference is replaced by a copy of what it points to.
    private static JsonNode Inline(JsonNode node, JsonNode root, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("A record's schema is recursive; give it a named component instead.");
        }

        switch (node)
        {
            case JsonObject o when o["$ref"] is JsonValue r && r.GetValue<string>().StartsWith('#') && !r.GetValue<string>().StartsWith("#/components/", StringComparison.Ordinal):
                var target = Resolve(root, r.GetValue<string>()).DeepClone().AsObject();
                foreach (var (key, value) in o.Where(p => p.Key != "$ref").ToList())
                {
                    target[key] = value?.DeepClone();
                }

                return Inline(target, root, depth + 1);
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    copy[key] = value is null ? null : Inline(value, root, depth + 1);
                }

                return copy;
            case JsonArray a:
                return new JsonArray([.. a.Select(v => v is null ? null : Inline(v, root, depth + 1))]);
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode Resolve(JsonNode root, string pointer)
    {
        JsonNode current = root;
        foreach (string raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string part = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o => o[part] ?? throw new InvalidOperationException($"The schema reference {pointer} does not resolve."),
                JsonArray a => a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] ?? throw new InvalidOperationException($"The schema reference {pointer} does not resolve."),
                _ => throw new InvalidOperationException($"The schema reference {pointer} does not resolve."),
            };
        }

        return current;
    }

    /// <summary>Serializes a document the way it is served.</summary>
    /// <param name="document">The document.</param>
    /// <returns>Indented JSON.</returns>
    internal static string Write(JsonNode document) => document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
