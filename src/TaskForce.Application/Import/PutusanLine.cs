using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Application.Import;

/// <summary>One parsed line of the court-outcome format: a verdict, and the reason when the line is a correction of
/// a stored verdict (docs/decisions/ADR-015-verdict-revisions.md).</summary>
/// <param name="Verdict">The validated verdict: on a correction line, the full corrected facts.</param>
/// <param name="CorrectionReason">The line's <c>correction_reason</c>, trimmed (1 to <see cref="ReasonMaxLength"/>
/// characters, no control character), or <see langword="null"/> for an ordinary line.</param>
public sealed record PutusanLine(CourtVerdict Verdict, string? CorrectionReason)
{
    /// <summary>The longest correction reason accepted, in characters (UTF-16 code units), after trimming.</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>Gets whether the line is a correction of a stored verdict.</summary>
    /// <value><see langword="true"/> when the line has <c>corrects</c> (and therefore a reason).</value>
    public bool IsCorrection => CorrectionReason is not null;
}
