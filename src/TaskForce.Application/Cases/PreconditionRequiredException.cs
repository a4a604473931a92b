namespace TaskForce.Application.Cases;

/// <summary>Thrown when a change that must be guarded against lost updates arrives without the version the caller
/// read (no <c>If-Match</c>; HTTP 428 Precondition Required, RFC 6585 §3): read the record, then send its ETag.</summary>
public sealed class PreconditionRequiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing (no personal data).</param>
    public PreconditionRequiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public PreconditionRequiredException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The cause.</param>
    public PreconditionRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
