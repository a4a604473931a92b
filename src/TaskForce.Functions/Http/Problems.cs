using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Domain.Common;

namespace TaskForce.Functions.Http;

/// <summary>Builds RFC 9457 problem+json responses, the one error shape of the HTTP API.</summary>
public static class Problems
{
    /// <summary>The media type of problem details (RFC 9457 §3).</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>Returns a 400 response for invalid input, naming the field.</summary>
    /// <param name="error">The validation error.</param>
    /// <returns>A result with status 400 and a body with <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> and
    /// <c>errors</c> (field → messages).</returns>
    public static ObjectResult BadRequest(DomainValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string message = Message(error);
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [error.Field.Length > 0 ? error.Field : "request"] = [message] })
        {
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
            Title = "The request is not valid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
        };
        return Result(problem);
    }

    /// <summary>Returns a 404 response.</summary>
    /// <param name="detail">What was not found.</param>
    /// <returns>A result with status 404.</returns>
    public static ObjectResult NotFound(string detail) => Result(new ProblemDetails
    {
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        Title = "Not found.",
        Status = StatusCodes.Status404NotFound,
        Detail = detail,
    });

    /// <summary>Returns a validation error's message without the " (Parameter '...')" suffix .NET appends.</summary>
    /// <param name="error">The error. Cannot be <see langword="null"/>.</param>
    /// <returns>The plain message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static string Message(ArgumentException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string message = error.Message;
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i >= 0 ? message[..i] : message;
    }

    /// <summary>Returns a 401 response: the request needs an identified person and none is trusted.</summary>
    /// <param name="detail">Why, or <see langword="null"/> for the standard text.</param>
    /// <returns>A result with status 401.</returns>
    public static ObjectResult Unauthorized(string? detail = null) => Result(new ProblemDetails
    {
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        Title = "Authentication required.",
        Status = StatusCodes.Status401Unauthorized,
        Detail = detail ?? "This request needs an identified person: sign in through the app's App Service authentication.",
    });

    /// <summary>Returns a 403 response: the caller's roles or agency do not allow the operation.</summary>
    /// <param name="detail">The access policy's reason.</param>
    /// <returns>A result with status 403.</returns>
    public static ObjectResult Forbidden(string detail) => Result(new ProblemDetails
    {
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        Title = "Forbidden.",
        Status = StatusCodes.Status403Forbidden,
        Detail = detail,
    });

    /// <summary>Returns a 409 response: the request conflicts with the stored state.</summary>
    /// <param name="detail">What conflicts.</param>
    /// <param name="extensions">Extra members (e.g. <c>allowed_targets</c>), or <see langword="null"/>.</param>
    /// <returns>A result with status 409.</returns>
    public static ObjectResult Conflict(string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
            Title = "Conflict.",
            Status = StatusCodes.Status409Conflict,
            Detail = detail,
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return Result(problem);
    }

    /// <summary>Returns a 412 response: the version sent in <c>If-Match</c> is not the stored one.</summary>
    /// <param name="detail">What changed.</param>
    /// <returns>A result with status 412.</returns>
    public static ObjectResult PreconditionFailed(string detail) => Result(new ProblemDetails
    {
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
        Title = "Precondition failed: the resource changed.",
        Status = StatusCodes.Status412PreconditionFailed,
        Detail = detail,
    });

    /// <summary>Returns a 422 response: the request is well-formed but cannot be processed as sent.</summary>
    /// <param name="detail">Why.</param>
    /// <param name="field">The field concerned, or <see langword="null"/>.</param>
    /// <returns>A result with status 422 (with <c>errors</c> when a field is given).</returns>
    public static ObjectResult Unprocessable(string detail, string? field = null)
    {
        ProblemDetails problem = field is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
        problem.Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21";
        problem.Title = "The request cannot be processed.";
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Detail = detail;
        return Result(problem);
    }

    /// <summary>Returns a 500 response that names a server-side cause without internals.</summary>
    /// <param name="detail">What the operator must fix (no personal data, no stack trace).</param>
    /// <returns>A result with status 500.</returns>
    public static ObjectResult ServerError(string detail) => Result(new ProblemDetails
    {
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        Title = "Server error.",
        Status = StatusCodes.Status500InternalServerError,
        Detail = detail,
    });

    private static ObjectResult Result(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(MediaType);
        return result;
    }
}
