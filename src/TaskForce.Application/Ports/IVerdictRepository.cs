using NodaTime;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Application.Ports;

/// <summary>A verdict ready to store, with the fingerprint of its facts and where it came from.</summary>
/// <param name="Verdict">The validated verdict.</param>
/// <param name="Fingerprint">The SHA-256 of the verdict's canonical JSON with the case number in its identity form
/// (<see cref="CourtVerdict.CaseNumberIdentityOf"/>; lower-case hex, 64 characters): equal fingerprints mean equal
/// facts.</param>
/// <param name="Line">The 1-based line of the input file, for reports.</param>
public sealed record VerdictToStore(CourtVerdict Verdict, string Fingerprint, int Line)
{
    /// <summary>Gets when the import stored the verdict (the importer's clock): revision 1's instant in the verdict's
    /// history (docs/decisions/ADR-015-verdict-revisions.md).</summary>
    /// <value>An instant, or <see langword="null"/> when not known (nothing is recorded then).</value>
    public Instant? RecordedAt { get; init; }
}

/// <summary>What happened to one verdict on write.</summary>
public enum VerdictWriteOutcome
{
    /// <summary>Stored now.</summary>
    Added = 1,

    /// <summary>Already stored with the same facts (the current revision's, or an earlier revision's that a correction
    /// replaced: the correction stands): nothing written.</summary>
    Duplicate = 2,

    /// <summary>Already stored under the same case number with different facts: nothing written, nothing overwritten.
    /// (Facts equal to an earlier, corrected revision count as <see cref="Duplicate"/>: the correction stands.)</summary>
    Conflict = 3,
}

/// <summary>
/// Stores and reads court-outcome records (putusan). Implementations write a verdict with its victims and detention
/// periods atomically and never overwrite a stored verdict.
/// </summary>
public interface IVerdictRepository
{
    /// <summary>Stores the verdicts that are not stored yet.</summary>
    /// <param name="verdicts">The verdicts, with distinct case numbers. Cannot be <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of verdicts handled so far, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One outcome per input verdict, in input order.</returns>
    Task<IReadOnlyList<VerdictWriteOutcome>> AddNewAsync(IReadOnlyList<VerdictToStore> verdicts, IProgress<int>? progress, CancellationToken cancellationToken = default);

    /// <summary>Reads the verdicts decided in a date range, plus every verdict without a decision date.</summary>
    /// <param name="firstDate">First decision date (inclusive).</param>
    /// <param name="lastDate">Last decision date (inclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The verdicts, each complete with victims and detention periods, in no particular order; of a corrected
    /// verdict only its current revision (ADR-015), which is the one whose decision date is compared.</returns>
    IAsyncEnumerable<CourtVerdict> ListDecidedBetweenAsync(LocalDate firstDate, LocalDate lastDate, CancellationToken cancellationToken = default);
}
