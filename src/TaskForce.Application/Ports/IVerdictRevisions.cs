using NodaTime;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Application.Ports;

/// <summary>A correction of a stored verdict, ready to store as its next revision.</summary>
/// <param name="Verdict">The corrected, validated verdict: its full facts (a correction replaces every fact, it is not
/// a patch). Its case number has the identity of the stored one.</param>
/// <param name="Fingerprint">The fingerprint of the corrected facts, computed as for <see cref="VerdictToStore.Fingerprint"/>.</param>
/// <param name="Reason">Why the stored facts were wrong: 1–500 characters, no control characters (the
/// <c>correction_reason</c> of the line).</param>
/// <param name="RecordedAt">When the correction was imported (the injected clock), an instant.</param>
/// <param name="Line">The 1-based line of the input file, for reports.</param>
public sealed record VerdictCorrection(CourtVerdict Verdict, string Fingerprint, string Reason, Instant RecordedAt, int Line);

/// <summary>What happened to one correction on write.</summary>
public enum VerdictCorrectionOutcome
{
    /// <summary>Stored now as the verdict's new current revision.</summary>
    Revised = 1,

    /// <summary>Nothing written: the corrected facts are the current revision's, or the same correction (facts and
    /// reason) was stored before.</summary>
    Duplicate = 2,

    /// <summary>Nothing written: no verdict with that case number is stored (or its first write never completed).</summary>
    NotStored = 3,

    /// <summary>Nothing made current: another correction of the same verdict was stored meanwhile; a re-run settles it.</summary>
    Conflict = 4,
}

/// <summary>The result of one correction.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Revision">The number of the verdict's current revision after the call (1 = the imported record), or 0
/// when <see cref="VerdictCorrectionOutcome.NotStored"/>.</param>
public sealed record VerdictCorrectionResult(VerdictCorrectionOutcome Outcome, int Revision);

/// <summary>One revision of a stored verdict.</summary>
/// <param name="Number">The revision number: 1 for the imported record, then 2, 3, … for each correction.</param>
/// <param name="Current">Whether this is the revision the snapshot counts (exactly one is).</param>
/// <param name="Reason">The correction's reason, or <see langword="null"/> for revision 1.</param>
/// <param name="RecordedAt">When the revision was stored (the importer's clock), or <see langword="null"/> for a
/// revision 1 stored before this was recorded.</param>
/// <param name="Verdict">The revision's facts.</param>
public sealed record VerdictRevision(int Number, bool Current, string? Reason, Instant? RecordedAt, CourtVerdict Verdict);

/// <summary>
/// Stores corrections of court-outcome records as revisions and reads a verdict's history
/// (docs/decisions/ADR-015-verdict-revisions.md): every revision stays readable, exactly one is current, and the
/// readers of <see cref="IVerdictRepository.ListDecidedBetweenAsync"/> see the current one only.
/// </summary>
public interface IVerdictRevisions
{
    /// <summary>Stores a correction as the verdict's next revision and makes it current.</summary>
    /// <param name="correction">The correction. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation; a correction is current only once its revision is
    /// complete, so a cancelled call leaves the earlier revision current.</param>
    /// <returns>What happened and the current revision number.</returns>
    Task<VerdictCorrectionResult> CorrectAsync(VerdictCorrection correction, CancellationToken cancellationToken = default);

    /// <summary>Reads every revision of a verdict.</summary>
    /// <param name="caseNumber">The case number, in any spelling of its identity (<see cref="CourtVerdict.CaseNumberIdentityOf"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The revisions, oldest first, or <see langword="null"/> when no verdict with that case number is stored.</returns>
    Task<IReadOnlyList<VerdictRevision>?> GetHistoryAsync(string caseNumber, CancellationToken cancellationToken = default);
}
