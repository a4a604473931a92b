namespace TaskForce.Application.Ports;

/// <summary>A case store that can create many cases with the counting read model's bookkeeping paid per chunk rather
/// than per case (the bulk import; docs/decisions/ADR-012-counting-read-model.md, "Bulk import").</summary>
public interface ICaseChunkWriter
{
    /// <summary>The most cases a chunk may announce (one batch request of intents).</summary>
    const int MaxChunk = 100;

    /// <summary>Announces the cases a chunk is about to create (their intents, before any of them is written).</summary>
    /// <param name="caseIds">The ids of the cases the chunk may write (at most <see cref="MaxChunk"/>; an id may
    /// repeat).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The chunk: create its cases through it, then <see cref="ICaseWriteChunk.CompleteAsync"/>.</returns>
    Task<ICaseWriteChunk> BeginChunkAsync(IReadOnlyList<string> caseIds, CancellationToken cancellationToken = default);
}

/// <summary>A chunk of announced case writes. Each create is still its own single batch request; the read model follows
/// the whole chunk in <see cref="CompleteAsync"/>. Until then (or if it never runs) the chunk's intents make readers
/// read its cases from their partitions.</summary>
public interface ICaseWriteChunk : ICaseRepository
{
    /// <summary>Follows the chunk's writes into the read model and removes its intents.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    Task CompleteAsync(CancellationToken cancellationToken = default);
}
