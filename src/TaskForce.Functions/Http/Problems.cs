using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using TaskForce.Domain.Common;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>Builds RFC 9457 problem+json responses, the one error shape of the HTTP API: one factory, one table of
/// statuses (type URI and title), used by <see cref="HttpPipeline"/> for every exception and by the functions for the
/// few outcomes that are results rather than errors (e.g. a case id that is taken). The <c>title</c> is in the
/// request's language (<see cref="RequestLanguage"/>: Bahasa Indonesia or English), as is every detail the callers
/// pass; <c>type</c>, <c>status</c> and the field names in <c>errors</c> are the same in both languages.</summary>
public static class Problems
{
    /// <summary>The media type of problem details (RFC 9457 §3).</summary>
    public const string MediaType = "application/problem+json";

    private static readonly Dictionary<int, (string Section, Func<string> Title)> Statuses = new()
    {
        [StatusCodes.Status400BadRequest] = ("15.5.1", () => HttpText.Title400),
        [StatusCodes.Status401Unauthorized] = ("15.5.2", () => HttpText.Title401),
        [StatusCodes.Status403Forbidden] = ("15.5.4", () => HttpText.Title403),
        [StatusCodes.Status404NotFound] = ("15.5.5", () => HttpText.Title404),
        [StatusCodes.Status409Conflict] = ("15.5.10", () => HttpText.Title409),
        [StatusCodes.Status412PreconditionFailed] = ("15.5.13", () => HttpText.Title412),
        [StatusCodes.Status413PayloadTooLarge] = ("15.5.14", () => HttpText.Title413),
        [StatusCodes.Status422UnprocessableEntity] = ("15.5.21", () => HttpText.Title422),
        [StatusCodes.Status500InternalServerError] = ("15.6.1", () => HttpText.Title500),
        [StatusCodes.Status503ServiceUnavailable] = ("15.6.4", () => HttpText.Title503),
    };

    /// <summary>Returns a problem response.</summary>
    /// <param name="status">The HTTP status (4xx or 5xx).</param>
    /// <param name="detail">What happened, for the client (no personal data, no internals).</param>
    /// <param name="field">The field at fault, or <see langword="null"/>; when given the body is a validation problem
    /// whose <c>errors</c> maps the field to <paramref name="detail"/>.</param>
    /// <param name="extensions">Extra members (e.g. <c>allowed_targets</c>), or <see langword="null"/>.</param>
    /// <returns>A result with the status, the media type <see cref="MediaType"/> and a
    /// <see cref="ProblemDetails"/> (or <see cref="ValidationProblemDetails"/>) body.</returns>
    public static ObjectResult Create(int status, string detail, string? field = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ProblemDetails problem = field is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field.Length > 0 ? field : "request"] = [detail] });
        (string type, string title) = Statuses.TryGetValue(status, out var known)
            ? ("https://www.rfc-editor.org/rfc/rfc9110#section-" + known.Section, known.Title())
            : ("about:blank", status == StatusCodes.Status428PreconditionRequired ? HttpText.Title428 : ReasonPhrases.GetReasonPhrase(status));
        problem.Type = type;
        problem.Title = title;
        problem.Status = status;
        problem.Detail = detail;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add(MediaType);
        return result;
    }

    /// <summary>Returns a 400 response for invalid input, naming the field.</summary>
    /// <param name="error">The validation error. Cannot be <see langword="null"/>.</param>
    /// <returns>A result with status 400 and a body with <c>errors</c> (field → messages).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static ObjectResult BadRequest(DomainValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Create(StatusCodes.Status400BadRequest, Message(error), error.Field);
    }

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
}
