namespace TaskForce.Domain.Common;

/// <summary>
/// Thrown when input given to a domain operation breaks a rule of the field: an unknown code, an impossible date,
/// a malformed region code or a missing required value. It names the offending field so adapters can answer with
/// RFC 9457 problem+json (HTTP 400) or exit code 2 (the tool) and write nothing.
/// </summary>
/// <remarks>
/// This is the one exception type of the package that callers are expected to catch: it separates "the caller sent
/// something wrong" from programming errors (<see cref="ArgumentNullException"/>) and storage failures.
/// </remarks>
public sealed class DomainValidationException : ArgumentException
{
    /// <summary>Creates the exception for one field.</summary>
    /// <param name="field">The snake_case name of the field as the caller sent it, e.g. <c>decision_date</c>.</param>
    /// <param name="message">What is wrong, in plain words.</param>
    public DomainValidationException(string field, string message)
        : base(message, field)
    {
        Field = field;
        _detail = message;
    }

    /// <summary>Creates the exception without a field name (whole-input problems).</summary>
    /// <param name="message">What is wrong.</param>
    public DomainValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public DomainValidationException()
    {
        Field = string.Empty;
    }

    /// <summary>Gets the snake_case name of the offending field, or an empty string for whole-input problems.</summary>
    /// <value>For example <c>victims[2].sex</c>.</value>
    public string Field { get; }

    /// <summary>Gets what is wrong, in plain words — without the "(Parameter '…')" suffix that
    /// <see cref="ArgumentException"/> adds, because the field is reported separately (<see cref="Field"/>) and the
    /// message is shown to people as it is.</summary>
    /// <value>The message given to the constructor.</value>
    public override string Message => _detail ?? base.Message;

    private readonly string? _detail;
}
