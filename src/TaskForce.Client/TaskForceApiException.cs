namespace TaskForce.Client;

/// <summary>The API answered with a status the operation does not expect (4xx or 5xx), or with a body the client could
/// not read. <see cref="Problem"/> carries the RFC 9457 fields when the body is problem details.</summary>
public class TaskForceApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException"/> class.</summary>
    public TaskForceApiException()
        : this("The TaskForce API call failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    public TaskForceApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TaskForceApiException(string message, Exception? innerException)
        : this(message, 0, null, new Dictionary<string, IEnumerable<string>>(), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException"/> class.</summary>
    /// <param name="message">The operation's description of the status.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TaskForceApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(Describe(message, statusCode, TaskForceProblem.TryParse(response)), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers ?? new Dictionary<string, IEnumerable<string>>();
        Problem = TaskForceProblem.TryParse(response);
    }

    /// <summary>Gets the HTTP status code (0 when no response was received).</summary>
    /// <value>The status code.</value>
    public int StatusCode { get; }

    /// <summary>Gets the response body as received.</summary>
    /// <value>The body, or <see langword="null"/>.</value>
    public string? Response { get; }

    /// <summary>Gets the response headers.</summary>
    /// <value>Header name → values.</value>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Gets the RFC 9457 problem details of the response.</summary>
    /// <value>The problem, or <see langword="null"/> when the body is not problem details.</value>
    public TaskForceProblem? Problem { get; }

    private static string Describe(string message, int statusCode, TaskForceProblem? problem) =>
        problem is null
            ? $"{message} (HTTP {statusCode})"
            : $"{message} (HTTP {statusCode}: {problem.Title}{(problem.Detail is null ? "" : " — " + problem.Detail)})";
}

/// <summary>A <see cref="TaskForceApiException"/> whose body the document types (e.g. <c>Problem</c> or
/// <c>ValidationProblem</c>).</summary>
/// <typeparam name="TResult">The documented body type.</typeparam>
public class TaskForceApiException<TResult> : TaskForceApiException
{
    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException{TResult}"/> class.</summary>
    public TaskForceApiException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException{TResult}"/> class.</summary>
    /// <param name="message">The message.</param>
    public TaskForceApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException{TResult}"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TaskForceApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskForceApiException{TResult}"/> class.</summary>
    /// <param name="message">The operation's description of the status.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="result">The body read as the documented type.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TaskForceApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>Gets the body read as the documented type.</summary>
    /// <value>The typed body.</value>
    public TResult Result { get; } = default!;
}
