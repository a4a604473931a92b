using NodaTime;
using TaskForce.Domain.Prevention;

namespace TaskForce.Application.Prevention;

/// <summary>A stored activity and its version.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="ETag">Its version (the store's ETag), for <c>If-Match</c>.</param>
public sealed record StoredPreventionActivity(PreventionActivity Activity, string ETag);

/// <summary>Where prevention activities are kept (Storage: <c>TablePreventionRepository</c>, table
/// <c>prevention</c>; ADR-033).</summary>
public interface IPreventionRepository
{
    /// <summary>Reads one activity.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The activity with its version, or <see langword="null"/> when none has the id.</returns>
    Task<StoredPreventionActivity?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a new activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored version, or <see langword="null"/> when an activity with the id exists already (nothing written).</returns>
    Task<string?> AddAsync(PreventionActivity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity if its version is still <paramref name="ifMatch"/>.</summary>
    /// <param name="activity">The revised activity.</param>
    /// <param name="ifMatch">The version read.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="Ports.ConcurrencyConflictException">The stored version differs (nothing written).</exception>
    Task<string> ReplaceAsync(PreventionActivity activity, string ifMatch, CancellationToken cancellationToken);

    /// <summary>Lists the activities with a date in a range.</summary>
    /// <param name="first">First date, inclusive.</param>
    /// <param name="last">Last date, inclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The activities, ordered by id.</returns>
    Task<IReadOnlyList<StoredPreventionActivity>> ListAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken);
}
