using System.Reflection;
using System.Text;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Detention;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Detention;
using TaskForce.Integration.Tests.Functions;
using TaskForce.Integration.Tests.Infrastructure;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Api;

/// <summary>The one HTTP pipeline (ADR-011): every exception type maps to the same problem in every function family
/// (cases, workflows, indicators, detention, estimates), bodies over a route's cap are refused with 413 before anything
/// is written, and server faults are logged without detail in the answer.</summary>
public sealed class HttpPipelineTests
{
    /// <summary>A value that would be personal data if it leaked (a NIK and a name).</summary>
    private const string Secret = "5303014105080001 Maria Bria";

    private static readonly string[] AllowedTargets = ["assessment", "referred"];

    private static readonly Dictionary<string, (Func<Exception> Error, int Status, string? Field)> Errors = new(StringComparer.Ordinal)
    {
        ["validation"] = (() => new DomainValidationException("victims[0].birth_date", "The date is impossible."), 400, "victims[0].birth_date"),
        ["access"] = (() => new AccessDeniedException("Your agency may not read this case."), 403, null),
        ["workflow_not_found"] = (() => new WorkflowNotFoundException("case-1", "referral", "case-1"), 404, null),
        ["illegal_transition"] = (() => new IllegalTransitionException("case_management", "intake", "closed", ["assessment"], null), 409, null),
        ["storage_conflict"] = (() => new RequestFailedException(409, "EntityAlreadyExists " + Secret), 409, null),
        ["concurrency"] = (() => new ConcurrencyConflictException("The case changed since it was read."), 412, null),
        ["workflow_concurrency"] = (() => new WorkflowConcurrencyException("case-1", "case_management", "case-1"), 412, null),
        ["storage_precondition"] = (() => new RequestFailedException(412, "UpdateConditionNotSatisfied " + Secret), 412, null),
        ["body_too_large"] = (() => new BodyTooLargeException(1024), 413, "body"),
        ["idempotency_key_reused"] = (() => new IdempotencyKeyReusedException("k-1"), 422, "Idempotency-Key"),
        ["identity_protection"] = (() => new IdentityProtectionException("decrypting " + Secret + " failed"), 500, null),
        ["unexpected"] = (() => new InvalidOperationException("internal state " + Secret), 500, null),
        ["key_not_found"] = (() => new KeyNotFoundException(Secret), 500, null), // a bug, not an unknown resource
        ["storage_unavailable"] = (() => new RequestFailedException(503, "ServerBusy " + Secret), 503, null),
        ["cancelled"] = (() => new OperationCanceledException(Secret), 503, null),
    };

    /// <summary>Every HTTP function, called with a well-formed request whose work throws the given exception (from a
    /// repository, the clock or the body stream).</summary>
    private static readonly Dictionary<string, Func<Exception, Task<IActionResult>>> Functions = new(StringComparer.Ordinal)
    {
        ["PostCase"] = e => Cases(e).PostCaseAsync(Request("POST", OwnerWorker, Body(Intake())), default),
        ["GetCase"] = e => Cases(e).GetCaseAsync(Request("GET", OwnerWorker), "case-ttu-001", default),
        ["ListCases"] = e => Cases(e).ListCasesAsync(Request("GET", OwnerWorker), default),
        ["QualifyCase"] = e => Cases(e).QualifyCaseAsync(Request("POST", OwnerWorker), "case-ttu-001", default),
        ["StartCaseWorkflow"] = e => Workflows(e).StartAsync(Request("POST", OwnerWorker, """{"workflow": "case_management", "facts": {"risk_level": "sedang"}}"""), "case-ttu-001", default),
        ["TransitionCaseWorkflow"] = e => Workflows(e).TransitionAsync(Request("POST", OwnerWorker, """{"workflow": "case_management", "to": "assessment"}"""), "case-ttu-001", default),
        ["GetCaseTimeline"] = e => Workflows(e).TimelineAsync(Request("GET", OwnerWorker), "case-ttu-001", default),
        ["RecordCaseSpdp"] = e => Workflows(e).RecordSpdpAsync(Request("POST", OwnerWorker, """{"sent_on": "2026-03-05"}"""), "case-ttu-001", default),
        ["GetIndicators"] = e => Indicators(e).GetIndicatorsAsync(Request("GET", null, query: "?region=*&period=2025"), default),
        ["PostSnapshot"] = e => Indicators(e).PostSnapshotAsync(Request("POST", null, query: "?region=*&period=2025"), default),
        ["GetSnapshot"] = e => Indicators(e).GetSnapshotAsync(Request("GET", null), "*", "2025", default),
        ["PostDetentionCheck"] = e => new DetentionCheckFunctions(new DetentionCheckUseCase(Throwing.Of<IClock>(e), DistrictTime.DefaultZone), TestPipeline.Trusted)
            .PostAsync(Request("POST", null, DetentionCheckCliTests.ContractExample), default),
        ["PostEstimate"] = e => new EstimateFunctions(TestPipeline.Trusted).PostEstimateAsync(FaultyBody(e), default),
    };

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (string function in Functions.Keys)
        {
            foreach (string error in Errors.Keys)
            {
                data.Add(function, error);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Function_ReturnsTheMappedProblem_GivenEachExceptionInEachFamily(string function, string error)
    {
        var (make, status, field) = Errors[error];
        if (function == "QualifyCase" && error == "validation")
        {
            status = 422; // a stored case that fails validation cannot be qualified yet: the request itself was fine
        }

        var result = await Functions[function](make());

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, problem.StatusCode);
        Assert.Contains(Problems.MediaType, problem.ContentTypes);
        var details = Assert.IsAssignableFrom<ProblemDetails>(problem.Value);
        Assert.Equal(status, details.Status);
        Assert.StartsWith(status == 503 ? "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4" : "https://www.rfc-editor.org/rfc/rfc9110#section-15.", details.Type, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, details.Detail!, StringComparison.Ordinal);
        if (field is null)
        {
            Assert.IsNotType<ValidationProblemDetails>(details);
        }
        else
        {
            Assert.True(Assert.IsType<ValidationProblemDetails>(details).Errors.ContainsKey(field), $"errors names {field}");
        }

        // The body is an RFC 9457 problem as the document describes it.
        OpenApiContract.AssertConformsToComponent(field is null ? "Problem" : "ValidationProblem", result);
    }

    [Theory]
    [InlineData("GetIndicators")]
    [InlineData("GetCase")]
    [InlineData("PostDetentionCheck")]
    public async Task Function_Returns500WithTheFixedText_GivenAnIdentityError(string function)
    {
        var result = await Functions[function](new IdentityProtectionException("No identity key is configured (TaskForce:IdentityKey): " + Secret));

        var details = Problem(result, 500);
        Assert.Equal(HttpPipeline.IdentityProtectionDetail, details.Detail);
        Assert.Equal("Server error.", details.Title);
    }

    [Fact]
    public async Task RunServiceAsync_LogsTheServerFaultAndAnswersWithoutDetail_GivenAnUnexpectedException()
    {
        var log = new ListLogger<HttpPipeline>();
        var pipeline = TestPipeline.Create(authEnabled: true, log);
        var req = Request("GET", null);

        var result = await pipeline.RunServiceAsync(req, () => throw new InvalidOperationException("table row 7 " + Secret));

        var details = Problem(result, 500);
        Assert.Equal(HttpPipeline.ServerErrorDetail, details.Detail);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal(5100, entry.Id.Id);
        Assert.Contains("System.InvalidOperationException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunServiceAsync_SetsRetryAfter_GivenStorageUnavailable()
    {
        var req = Request("GET", null);

        var result = await TestPipeline.Trusted.RunServiceAsync(req, () => throw new RequestFailedException(503, "ServerBusy"));

        Problem(result, 503);
        Assert.Equal("5", req.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task RunServiceAsync_Rethrows_GivenTheClientHasGone()
    {
        var req = Request("GET", null);
        using var gone = new CancellationTokenSource();
        req.HttpContext.RequestAborted = gone.Token;
        await gone.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => TestPipeline.Trusted.RunServiceAsync(req, () => throw new OperationCanceledException(gone.Token)));
    }

    [Fact]
    public async Task RunAsync_Returns401BeforeRunningTheBody_GivenNoTrustedPerson()
    {
        bool ran = false;

        var result = await TestPipeline.Trusted.RunAsync(Request("POST", null, "{}"), _ =>
        {
            ran = true;
            return Task.FromResult<IActionResult>(new OkResult());
        });

        Problem(result, 401);
        Assert.False(ran);
    }

    [Fact]
    public async Task ReadBodyAsync_Throws413_GivenAContentLengthOverTheCap_WithoutReading()
    {
        var req = Request("POST", null, new string('x', 10));
        req.ContentLength = 2048;

        var error = await Assert.ThrowsAsync<BodyTooLargeException>(() => HttpPipeline.ReadBodyAsync(req, 1024, default));

        Assert.Equal(1024, error.MaxBytes);
        Assert.Equal(0, req.Body.Position);
    }

    [Fact]
    public async Task ReadBodyAsync_ReturnsTheBody_GivenExactlyTheCap()
    {
        var req = Request("POST", null, new string('x', 1024));

        byte[] body = await HttpPipeline.ReadBodyAsync(req, 1024, default);

        Assert.Equal(1024, body.Length);
    }

    [Fact]
    public void ToProblem_Returns400WithTheFieldAndNoParameterSuffix_GivenAValidationError()
    {
        var details = Assert.IsType<ValidationProblemDetails>(HttpPipeline.ToProblem(new DomainValidationException("limit", "The limit must be at least 1.")).Value);

        Assert.Equal(["The limit must be at least 1."], details.Errors["limit"]);
        Assert.Equal("The limit must be at least 1.", details.Detail);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", details.Type);
    }

    [Fact]
    public void ToProblem_Returns409WithTheAllowedTargets_GivenAnIllegalTransition()
    {
        var details = Assert.IsAssignableFrom<ProblemDetails>(HttpPipeline.ToProblem(new IllegalTransitionException("case_management", "intake", "closed", AllowedTargets, "a reason is required")).Value);

        Assert.Equal(409, details.Status);
        Assert.Equal(AllowedTargets, details.Extensions["allowed_targets"]);
        Assert.Equal("intake", details.Extensions["from"]);
        Assert.Equal("closed", details.Extensions["to"]);
        Assert.Equal("a reason is required", details.Extensions["refusal"]);
    }

    private static CaseFunctions Cases(Exception e)
    {
        var repo = Throwing.Of<ICaseRepository>(e);
        var clock = Clock();
        return new CaseFunctions(
            new CreateCaseUseCase(repo, clock, Zone, NullLogger<CreateCaseUseCase>.Instance),
            new GetCaseUseCase(repo, Throwing.Of<ICaseTiesStore>(e), clock, NullLogger<GetCaseUseCase>.Instance),
            new ListCasesUseCase(repo),
            new QualifyCaseUseCase(repo, Throwing.Of<ICaseTiesStore>(e), clock, Zone),
            TestPipeline.Trusted);
    }

    private static CaseWorkflowFunctions Workflows(Exception e)
    {
        var cases = Throwing.Of<ICaseRepository>(e);
        var facts = Throwing.Of<ICaseFactsReader>(e);
        var workflows = Throwing.Of<IWorkflowRepository>(e);
        var clock = Clock();
        var registry = WorkflowRegistry.Default;
        return new CaseWorkflowFunctions(
            new CaseWorkflowsUseCase(
                cases,
                Throwing.Of<ICaseTiesStore>(e),
                facts,
                workflows,
                registry,
                new StartWorkflowUseCase(workflows, facts, registry, clock, Zone),
                new TransitionWorkflowUseCase(workflows, facts, registry, clock, Zone, NullLogger<TransitionWorkflowUseCase>.Instance),
                clock,
                Zone),
            TestPipeline.Trusted);
    }

    private static IndicatorFunctions Indicators(Exception e)
    {
        var snapshots = Throwing.Of<ISnapshotRepository>(e);
        return new IndicatorFunctions(
            new SnapshotUseCase(Throwing.Of<IVerdictRepository>(e), snapshots, Clock(), Zone, NullLogger<SnapshotUseCase>.Instance),
            snapshots,
            TestPipeline.Trusted);
    }

    private static HttpRequest FaultyBody(Exception e)
    {
        var req = Request("POST", null);
        req.Body = new FaultyStream(e);
        return req;
    }

    /// <summary>Implementations of an interface whose every member throws (or returns a task that fails with) the
    /// given exception.</summary>
    public static class Throwing
    {
        public static T Of<T>(Exception error)
            where T : class
        {
            var proxy = DispatchProxy.Create<T, ThrowingProxy>();
            ((ThrowingProxy)(object)proxy).Error = error;
            return proxy;
        }
    }

    /// <summary>The proxy behind <see cref="Throwing"/>.</summary>
    public class ThrowingProxy : DispatchProxy
    {
        public Exception Error { get; set; } = new InvalidOperationException();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var error = Error;
            Type? returns = targetMethod?.ReturnType;
            if (returns == typeof(Task))
            {
                return Task.FromException(error);
            }

            if (returns is { IsGenericType: true } && returns.GetGenericTypeDefinition() == typeof(Task<>))
            {
                return typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod)
                    .MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [error]);
            }

            throw error;
        }
    }

    private sealed class FaultyStream(Exception error) : MemoryStream(Encoding.UTF8.GetBytes("A,B,count\n"))
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(error);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(error);
    }
}
