using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// The one HTTP pipeline of the functions: it identifies the caller, reads a size-capped body, writes JSON with the
/// project's options (<see cref="TaskForceJson.Options"/>) and turns every exception into RFC 9457 problem+json
/// (ADR-011). A function only parses its route and query, calls one use case and returns a typed result:
/// <c>pipeline.RunAsync(req, async caller =&gt; HttpPipeline.Json(await useCase.ExecuteAsync(…, caller)))</c>.
/// </summary>
/// <remarks>
/// <para>Exceptions and their statuses (<see cref="ToProblem"/>): <see cref="DomainValidationException"/> 400 with
/// <c>errors</c> naming the field; <see cref="AccessDeniedException"/> 403; <see cref="WorkflowNotFoundException"/>
/// 404; <see cref="IllegalTransitionException"/> 409 with the allowed targets; <see cref="WorkflowInstanceLimitException"/> 409; <see cref="ConcurrencyConflictException"/>
/// and <see cref="WorkflowConcurrencyException"/> 412; <see cref="PreconditionRequiredException"/> 428 naming <c>If-Match</c>; <see cref="BodyTooLargeException"/> 413;
/// <see cref="IdempotencyKeyReusedException"/> 422; <see cref="IdentityProtectionException"/> 500 with a fixed text
/// that names no identity value; a storage error (<see cref="RequestFailedException"/>) 409 or 412 when the store
/// refused a write for those reasons, 503 with <c>Retry-After</c> when it is unavailable, else 500; a cancelled
/// operation 503 (or nothing, when the client has gone); anything else 500 with no internal detail. Server faults are
/// logged with the exception (never the request body).</para>
/// <para>Authentication: function keys are checked by the Functions host before a function runs
/// (<c>AuthorizationLevel.Function</c>); <see cref="RunAsync(HttpRequest, Func{Caller, Task{IActionResult}})"/>
/// additionally needs a person from <see cref="ClientPrincipalReader"/> and answers 401 without one, before the body is
/// read.</para>
/// <para>Language: every run first sets the request's language from <c>Accept-Language</c>
/// (<see cref="RequestLanguage"/>; Bahasa Indonesia unless English is preferred) and answers <c>Content-Language</c>;
/// titles and details of problems are written in it (ADR-030).</para>
/// </remarks>
/// <param name="principals">The caller reader.</param>
/// <param name="logger">The logger of server faults.</param>
/// <threadsafety>Thread-safe (no state of its own).</threadsafety>
public sealed partial class HttpPipeline(ClientPrincipalReader principals, ILogger<HttpPipeline> logger)
{
    /// <summary>The request header carrying the client's idempotency key (<c>Idempotency-Key</c>).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The content type of every JSON response.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The largest body accepted unless a route says otherwise, in bytes (<see cref="InputJson.MaxBytes"/>).</summary>
    public const int DefaultMaxBodyBytes = InputJson.MaxBytes;

    /// <summary>The seconds a client is asked to wait before retrying when storage is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The detail of a 500 caused by identity protection: names the setting, never an identity value.</summary>
    /// <value>The text in the request's language (<see cref="RequestLanguage"/>).</value>
    public static string IdentityProtectionDetail => HttpText.PipelineIdentityProtection;

    /// <summary>The detail of a 500 for an unexpected error.</summary>
    /// <value>The text in the request's language (<see cref="RequestLanguage"/>).</value>
    public static string ServerErrorDetail => HttpText.PipelineServerError;

    /// <summary>Gets the caller reader.</summary>
    /// <value>The reader given at construction.</value>
    public ClientPrincipalReader Principals => principals;

    /// <summary>Runs a function that needs an identified person.</summary>
    /// <param name="req">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="body">The function's work for the caller: parse, call the use case, return a result.</param>
    /// <returns>The function's result; 401 problem+json without a trusted person (the body is not run); a problem for
    /// any exception (<see cref="ToProblem"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Task<IActionResult> RunAsync(HttpRequest req, Func<Caller, Task<IActionResult>> body)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(body);
        return RunForPersonAsync(req, body);
    }

    /// <summary>Runs a function for a calling service (the function key is its only credential).</summary>
    /// <param name="req">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="body">The function's work.</param>
    /// <returns>The function's result, or a problem for any exception (<see cref="ToProblem"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Task<IActionResult> RunServiceAsync(HttpRequest req, Func<Task<IActionResult>> body)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(body);
        return GuardAsync(req, body);
    }

    /// <summary>Reads the request body, refusing more than <paramref name="maxBytes"/>.</summary>
    /// <param name="req">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="maxBytes">The cap for this route.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body's bytes.</returns>
    /// <exception cref="BodyTooLargeException">The body (or its declared <c>Content-Length</c>) exceeds the cap;
    /// reading stops there.</exception>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest req, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (req.ContentLength > maxBytes)
        {
            throw new BodyTooLargeException(maxBytes);
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await req.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a JSON body strictly (<see cref="InputJson"/>: unknown fields refused, the field named).</summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="req">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request.</returns>
    /// <exception cref="BodyTooLargeException">The body exceeds <see cref="DefaultMaxBodyBytes"/>.</exception>
    /// <exception cref="DomainValidationException">The body is empty, <c>null</c>, not JSON or not the record.</exception>
    public static async Task<T> ReadJsonAsync<T>(HttpRequest req, CancellationToken cancellationToken)
        where T : class =>
        InputJson.Read<T>(await ReadBodyAsync(req, DefaultMaxBodyBytes, cancellationToken).ConfigureAwait(false))
            ?? throw new DomainValidationException("body", HttpText.HttpPipelineJSONObjectRequired);

    /// <summary>Reads an optional JSON body strictly: an empty body is <see langword="null"/>.</summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="req">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request, or <see langword="null"/> for an empty body or JSON <c>null</c>.</returns>
    /// <exception cref="BodyTooLargeException">The body exceeds <see cref="DefaultMaxBodyBytes"/>.</exception>
    /// <exception cref="DomainValidationException">The body is not JSON or not the record.</exception>
    public static async Task<T?> ReadOptionalJsonAsync<T>(HttpRequest req, CancellationToken cancellationToken)
        where T : class =>
        InputJson.Read<T>(await ReadBodyAsync(req, DefaultMaxBodyBytes, cancellationToken).ConfigureAwait(false), allowEmpty: true);

    /// <summary>Returns a JSON response written with <see cref="TaskForceJson.Options"/>.</summary>
    /// <typeparam name="T">A named response record.</typeparam>
    /// <param name="value">The response.</param>
    /// <param name="status">The status (200 unless given).</param>
    /// <returns>The result.</returns>
    public static ContentResult Json<T>(T value, int status = StatusCodes.Status200OK)
        where T : class =>
        JsonText(JsonSerializer.Serialize(value, TaskForceJson.Options), status);

    /// <summary>Returns a JSON document that is already written (a stored snapshot, a contract document).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="status">The status (200 unless given).</param>
    /// <returns>The result.</returns>
    public static ContentResult JsonText(string json, int status = StatusCodes.Status200OK) =>
        new() { Content = json, ContentType = JsonContentType, StatusCode = status };

    /// <summary>Returns the one header value a request may carry, or <see langword="null"/> when absent or blank.</summary>
    /// <param name="req">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="name">The header.</param>
    /// <returns>The trimmed value.</returns>
    /// <exception cref="DomainValidationException">The header is repeated (the field names it).</exception>
    public static string? SingleHeader(HttpRequest req, string name)
    {
        ArgumentNullException.ThrowIfNull(req);
        var values = req.Headers[name];
        if (values.Count > 1)
        {
            throw new DomainValidationException(name, Texts.Format(HttpText.HttpPipelineSendOneHeader, name));
        }

        return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
    }

    /// <summary>Maps an exception to its problem response: the one table of the API (see the remarks of
    /// <see cref="HttpPipeline"/>).</summary>
    /// <param name="error">The exception. Cannot be <see langword="null"/>.</param>
    /// <returns>The problem; <see cref="ObjectResult.StatusCode"/> 500 or 503 marks a server fault.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static ObjectResult ToProblem(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            DomainValidationException e => Problems.BadRequest(e),
            BodyTooLargeException e => Problems.Create(StatusCodes.Status413PayloadTooLarge, e.Message, "body"),
            BadHttpRequestException e => Problems.Create(e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest, HttpText.HttpPipelineRequestCouldRead, "body"),
            AccessDeniedException e => Problems.Create(StatusCodes.Status403Forbidden, e.Message),
            WorkflowNotFoundException e => Problems.Create(StatusCodes.Status404NotFound, e.Message),
            IllegalTransitionException e => Problems.Create(StatusCodes.Status409Conflict, e.Message, extensions: new Dictionary<string, object?>
            {
                ["workflow"] = e.Workflow,
                ["from"] = e.From,
                ["to"] = e.To,
                ["allowed_targets"] = e.AllowedTargets,
                ["refusal"] = e.Refusal,
            }),
            ConcurrencyConflictException e => Problems.Create(StatusCodes.Status412PreconditionFailed, e.Message),
            PreconditionRequiredException e => Problems.Create(StatusCodes.Status428PreconditionRequired, e.Message, "If-Match"),
            WorkflowConcurrencyException e => Problems.Create(StatusCodes.Status412PreconditionFailed, e.Message),
            WorkflowInstanceLimitException e => Problems.Create(StatusCodes.Status409Conflict, e.Message),
            Application.Prevention.PreventionConflictException e => Problems.Create(StatusCodes.Status409Conflict, e.Message, "id"),
            IdempotencyKeyReusedException e => Problems.Create(StatusCodes.Status422UnprocessableEntity, e.Message, IdempotencyKeyHeader),
            IdentityProtectionException => Problems.Create(StatusCodes.Status500InternalServerError, IdentityProtectionDetail),
            RequestFailedException { Status: StatusCodes.Status409Conflict } => Problems.Create(StatusCodes.Status409Conflict, HttpText.HttpPipelineStoreRefusedWriteEntity),
            RequestFailedException { Status: StatusCodes.Status412PreconditionFailed } => Problems.Create(StatusCodes.Status412PreconditionFailed, HttpText.HttpPipelineStoreRefusedWriteData),
            RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => Unavailable(HttpText.PipelineStorageUnavailable),
            OperationCanceledException => Unavailable(HttpText.PipelineCancelled),
            _ => Problems.Create(StatusCodes.Status500InternalServerError, ServerErrorDetail),
        };
    }

    private static ObjectResult Unavailable(string detail)
    {
        var result = Problems.Create(StatusCodes.Status503ServiceUnavailable, detail, extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = RetryAfterSeconds });
        return result;
    }

    private async Task<IActionResult> RunForPersonAsync(HttpRequest req, Func<Caller, Task<IActionResult>> body)
    {
        // The language is set inside this asynchronous method, so it holds for the request's flow only.
        RequestLanguage.Apply(req);
        var caller = principals.Read(req);
        if (caller is null)
        {
            return Problems.Create(
                StatusCodes.Status401Unauthorized,
                principals.Trusted
                    ? HttpText.PipelineNoPrincipal
                    : HttpText.PipelineAuthDisabled);
        }

        return await GuardAsync(req, () => body(caller)).ConfigureAwait(false);
    }

    private async Task<IActionResult> GuardAsync(HttpRequest req, Func<Task<IActionResult>> body)
    {
        RequestLanguage.Apply(req);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (req.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw; // the client has gone: there is no one to answer
        }
        catch (Exception e)
        {
            var problem = ToProblem(e);
            if (problem.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                LogServerFault(logger, e, problem.StatusCode.Value, req.Method, req.Path.Value ?? string.Empty, e.GetType().FullName ?? e.GetType().Name);
                if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
                {
                    req.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return problem;
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "HTTP {Status} for {Method} {Path}: {ExceptionType}")]
    private static partial void LogServerFault(ILogger logger, Exception exception, int status, string method, string path, string exceptionType);
}

/// <summary>Thrown when a request body exceeds its route's cap; the pipeline answers 413 problem+json and nothing is
/// read further or written.</summary>
public sealed class BodyTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maxBytes">The cap, in bytes.</param>
    public BodyTooLargeException(int maxBytes)
        : base(Texts.Format(HttpText.PipelineBodyTooLarge, maxBytes)) => MaxBytes = maxBytes;

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public BodyTooLargeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public BodyTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BodyTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the cap that was exceeded.</summary>
    /// <value>Bytes; 0 when not given.</value>
    public int MaxBytes { get; }
}
