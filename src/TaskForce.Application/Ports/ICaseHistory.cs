using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;

namespace TaskForce.Application.Ports;

/// <summary>One stored change of a case record, as a reader may see it.</summary>
/// <param name="Sequence">The change's position in the case's history, from 1, in the order written.</param>
/// <param name="Change">The change. When <paramref name="IdentityWithheld"/> is <see langword="true"/>, every
/// identifying field has <see cref="FieldChange.OldJson"/> and <see cref="FieldChange.NewJson"/> set to
/// <see langword="null"/> (its path stays listed) and <see cref="CaseChange.Reason"/> is <see langword="null"/>.</param>
/// <param name="IdentityWithheld">Whether identity values and the reason were withheld from this reader.</param>
public sealed record CaseHistoryEntry(int Sequence, CaseChange Change, bool IdentityWithheld);

/// <summary>
/// Reads the history of a case record (ADR-016): the changes its amending operations made, written by
/// <see cref="ICaseRepository.UpdateAsync"/> in the same transaction as each change. Identity values (old and new)
/// and the free-text reason are stored only encrypted; they are decrypted only when asked for.
/// </summary>
public interface ICaseHistory
{
    /// <summary>Reads a case's history, oldest first.</summary>
    /// <param name="id">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="includeIdentity">Whether to decrypt identity values and reasons (only for a reader allowed to
    /// see identity; the caller records the read).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries (empty for a case never changed since intake), or <see langword="null"/> when no case is
    /// stored under the id.</returns>
    /// <exception cref="IdentityProtectionException"><paramref name="includeIdentity"/> and an encrypted value cannot
    /// be decrypted (no key, unknown key id, altered value).</exception>
    Task<IReadOnlyList<CaseHistoryEntry>?> ReadAsync(CaseId id, bool includeIdentity, CancellationToken cancellationToken = default);
}
