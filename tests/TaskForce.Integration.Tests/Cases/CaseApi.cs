using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Serialization;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>The case functions wired as the app wires them (real repository on Azurite, fake clock, capturing
/// loggers), and requests shaped as App Service authentication delivers them.</summary>
public sealed class CaseApi
{
    public CaseApi(TaskForceTables tables, IClock? clock = null, bool authEnabled = true, IdentityProtector? protector = null)
    {
        Tables = tables;
        Clock = clock ?? CaseTestData.Clock();
        var keys = protector ?? CaseTestData.Protector();
        Repository = new TableCaseRepository(tables, keys, CaseTestData.Zone);
        Ties = new TableCaseTies(tables, keys);
        Principals = new ClientPrincipalReader(authEnabled);
        Pipeline = new HttpPipeline(Principals, NullLogger<HttpPipeline>.Instance);
        Functions = new CaseFunctions(
            new CreateCaseUseCase(Repository, Clock, CaseTestData.Zone, CreateLog),
            new GetCaseUseCase(Repository, Ties, Clock, Audit),
            new ListCasesUseCase(Repository),
            new QualifyCaseUseCase(Repository, Ties, Clock, CaseTestData.Zone),
            Pipeline);
    }

    public TaskForceTables Tables { get; }

    /// <summary>The workflow functions of these cases, wired as the app wires them (same repository, clock and zone).</summary>
    public CaseWorkflowFunctions WorkflowFunctions()
    {
        var workflows = new TableWorkflowRepository(Tables, CaseTestData.SharedProtector);
        var registry = TaskForce.Application.Workflows.WorkflowRegistry.Default;
        return new CaseWorkflowFunctions(
            new CaseWorkflowsUseCase(
                Repository,
                Ties,
                Repository,
                workflows,
                registry,
                new TaskForce.Application.Workflows.StartWorkflowUseCase(workflows, Repository, registry, Clock, CaseTestData.Zone),
                new TaskForce.Application.Workflows.TransitionWorkflowUseCase(workflows, Repository, registry, Clock, CaseTestData.Zone, NullLogger<TaskForce.Application.Workflows.TransitionWorkflowUseCase>.Instance),
                Clock,
                CaseTestData.Zone),
            Pipeline);
    }

    public IClock Clock { get; }

    public TableCaseTies Ties { get; }

    public TableCaseRepository Repository { get; }

    public ClientPrincipalReader Principals { get; }

    public HttpPipeline Pipeline { get; }

    public CaseFunctions Functions { get; }

    public ListLogger<GetCaseUseCase> Audit { get; } = new();

    public ListLogger<CreateCaseUseCase> CreateLog { get; } = new();

    public static (string UserId, string? Agency, string[] Roles) OwnerWorker => ("worker-1", "uptd_ppa_ttu", ["case_worker"]);

    public static (string UserId, string? Agency, string[] Roles) OtherWorker => ("worker-9", "dinsos_ttu", ["case_worker"]);

    public static (string UserId, string? Agency, string[] Roles) Coordinator => ("coord-1", "gugus_tugas_ttu", ["coordinator"]);

    public static (string UserId, string? Agency, string[] Roles) Statistician => ("stat-1", "bps_ttu", ["statistician"]);

    public static (string UserId, string? Agency, string[] Roles) OtherNgo => ("ngo-1", "yayasan_x", ["partner_ngo"]);

    public static string Principal((string UserId, string? Agency, string[] Roles) who) =>
        ClientPrincipalReader.Encode("aad", [("http://schemas.microsoft.com/identity/claims/objectidentifier", who.UserId),
            .. (who.Agency is null ? Array.Empty<(string, string)>() : [("agency", who.Agency)]), .. who.Roles.Select(r => ("roles", r))]);

    public static HttpRequest Request(string method, (string UserId, string? Agency, string[] Roles)? who, string? body = null, string query = "", params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        if (who is { } w)
        {
            context.Request.Headers[ClientPrincipalReader.HeaderName] = Principal(w);
        }

        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        context.Request.ContentType = "application/json";
        return context.Request;
    }

    public static string Body(CaseIntake intake) => JsonSerializer.Serialize(intake, TaskForceJson.Options);

    /// <summary>The intake as a JSON tree to break in one place.</summary>
    public static JsonObject Tree(CaseIntake intake) => JsonNode.Parse(Body(intake))!.AsObject();

    public Task<IActionResult> PostAsync((string, string?, string[])? who, string body, params (string, string)[] headers) =>
        Functions.PostCaseAsync(Request("POST", who, body, string.Empty, headers), CancellationToken.None);

    public async Task<(IActionResult Result, HttpResponse Response)> GetAsync((string, string?, string[])? who, string id)
    {
        var req = Request("GET", who);
        return (await Functions.GetCaseAsync(req, id, CancellationToken.None), req.HttpContext.Response);
    }

    public static ContentResult Content(IActionResult result, int status)
    {
        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(status, content.StatusCode);
        Assert.StartsWith("application/json", content.ContentType, StringComparison.Ordinal);
        return content;
    }

    public static JsonElement JsonOf(IActionResult result, int status) => JsonDocument.Parse(Content(result, status).Content!).RootElement;

    public static ProblemDetails Problem(IActionResult result, int status)
    {
        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, problem.StatusCode);
        Assert.Contains("application/problem+json", problem.ContentTypes);
        var details = Assert.IsAssignableFrom<ProblemDetails>(problem.Value);
        Assert.Equal(status, details.Status);
        return details;
    }
}
