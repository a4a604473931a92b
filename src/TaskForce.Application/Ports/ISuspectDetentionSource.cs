using NodaTime;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Ports;

/// <summary>One suspect's recorded arrest and detention periods, as the daily run reads them (ADR-024): ids, the
/// case's offence date and the periods only — no identity value.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="SuspectId">The suspect's person id, e.g. <c>suspect-1</c>.</param>
/// <param name="OffenceDate">The case's offence date, if known (the ledger checks a detention does not start before it).</param>
/// <param name="Detention">The recorded arrest and periods.</param>
public sealed record StoredSuspectDetention(string CaseId, string SuspectId, LocalDate? OffenceDate, SuspectDetentionState Detention);

/// <summary>Reads the suspects' detention records of the stored cases for the daily alerts, without decrypting any
/// identity (the case rows carry the periods and the latest release date by law of their suspects).</summary>
public interface ISuspectDetentionSource
{
    /// <summary>Lists every suspect's detention record of the cases whose latest release date by law (over their
    /// suspects) is on or after a date; a case whose every detention ended by law before it is skipped unread.</summary>
    /// <param name="releaseOnOrAfter">The earliest release date by law of interest (district business date).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, one per suspect with a detention record, of the cases selected.</returns>
    IAsyncEnumerable<StoredSuspectDetention> ListAsync(LocalDate releaseOnOrAfter, CancellationToken cancellationToken = default);
}
