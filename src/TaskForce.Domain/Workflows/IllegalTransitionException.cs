using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>
/// Thrown when a requested state change is not allowed: the pair is not in the workflow's transition table, or a
/// guard of the table refuses it for this case (e.g. mediation in a TPKS case). Names the states that are allowed.
/// </summary>
/// <remarks>
/// Adapters answer it with HTTP 409 (problem+json with <see cref="AllowedTargets"/>) or exit code 2 in the tool; it is
/// separate from <see cref="Common.DomainValidationException"/> (HTTP 400: malformed input such as an unknown state
/// code or a missing reason) because the request was well-formed but conflicts with the current state. Nothing is
/// changed when it is thrown.
/// </remarks>
public sealed class IllegalTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="from">The current state code.</param>
    /// <param name="to">The requested state code.</param>
    /// <param name="allowedTargets">The state codes that can be reached from <paramref name="from"/> now.</param>
    /// <param name="refusal">The guard's refusal with its legal source, or <see langword="null"/> when the pair is not
    /// in the table at all.</param>
    public IllegalTransitionException(string workflow, string from, string to, IReadOnlyList<string> allowedTargets, string? refusal)
        : base(BuildMessage(workflow, from, to, allowedTargets, refusal))
    {
        Workflow = workflow;
        From = from;
        To = to;
        AllowedTargets = allowedTargets ?? [];
        Refusal = refusal;
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public IllegalTransitionException()
    {
        Workflow = From = To = string.Empty;
        AllowedTargets = [];
    }

    /// <summary>Creates the exception with a message (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    public IllegalTransitionException(string message)
        : base(message)
    {
        Workflow = From = To = string.Empty;
        AllowedTargets = [];
    }

    /// <summary>Creates the exception wrapping another (required by the .NET exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IllegalTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Workflow = From = To = string.Empty;
        AllowedTargets = [];
    }

    /// <summary>Gets the workflow code.</summary>
    /// <value>For example <c>service</c>.</value>
    public string Workflow { get; }

    /// <summary>Gets the current state code.</summary>
    /// <value>For example <c>requested</c>.</value>
    public string From { get; }

    /// <summary>Gets the requested state code.</summary>
    /// <value>For example <c>accepted</c>.</value>
    public string To { get; }

    /// <summary>Gets the state codes reachable from <see cref="From"/> now (guards applied), in table order.</summary>
    /// <value>Empty when <see cref="From"/> is final.</value>
    public IReadOnlyList<string> AllowedTargets { get; }

    /// <summary>Gets the guard's refusal, or <see langword="null"/> when the pair is not in the transition table.</summary>
    /// <value>A plain-language sentence naming its legal source.</value>
    public string? Refusal { get; }

    private static string BuildMessage(string workflow, string from, string to, IReadOnlyList<string>? allowed, string? refusal)
    {
        string targets = allowed is { Count: > 0 } ? string.Join(", ", allowed) : WorkflowsText.NoTargetsFinalState;
        string why = refusal ?? WorkflowsText.TransitionNotInTable;
        return Texts.Format(WorkflowsText.TransitionRefused, workflow, from, to, why, targets);
    }
}
