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
        string message = error.Message;
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (i >= 0)
        {
            message = message[..i];
        }

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

    private static ObjectResult Result(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(MediaType);
        return result;
    }
}
