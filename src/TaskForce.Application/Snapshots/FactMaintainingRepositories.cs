using Ardalis.Specification;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// The case store that keeps the counting read model current (ADR-012): an intent row before each write, the case's
/// transaction unchanged, then the fact rows and the intent's removal.
/// </summary>
/// <param name="inner">The case store.</param>
/// <param name="projector">The projector (over the undecorated stores).</param>
public sealed class FactMaintainingCaseRepository(ICaseRepository inner, CaseFactProjector projector) : ICaseRepository, ICaseChunkWriter
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">More than <see cref="ICaseChunkWriter.MaxChunk"/> cases.</exception>
    public async Task<ICaseWriteChunk> BeginChunkAsync(IReadOnlyList<string> caseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        if (caseIds.Count > ICaseChunkWriter.MaxChunk)
        {
            throw new ArgumentException($"A chunk announces at most {ICaseChunkWriter.MaxChunk} cases.", nameof(caseIds));
        }

        IReadOnlyList<string> intents = caseIds.Count == 0 ? [] : await projector.Store.AddIntentsAsync(caseIds, cancellationToken).ConfigureAwait(false);
        return new Chunk(this, inner, projector, [.. caseIds.Select((c, i) => (c, intents[i]))]);
    }

    /// <inheritdoc/>
    public async Task<CaseCreateResult> AddAsync(CaseRecord record, string ownerAgency, IdempotencyClaim? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        string id = record.Id.Value;
        string intent = await projector.Store.AddIntentAsync(id, cancellationToken).ConfigureAwait(false);
        CaseCreateResult result;
        try
        {
            result = await inner.AddAsync(record, ownerAgency, idempotency, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await FollowAsync(id, intent, cancellationToken).ConfigureAwait(false); // written or not: follow what is stored
            throw;
        }

        if (result.Outcome == CaseCreateOutcome.Created && result.Case is { } created)
        {
            await projector.ProjectCreatedAsync(created.Record, cancellationToken).ConfigureAwait(false);
            await projector.Store.RemoveIntentAsync(id, intent, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await FollowAsync(id, intent, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <inheritdoc/>
    public Task<StoredCase?> GetAsync(CaseId id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    /// <inheritdoc/>
    public Task<CaseSummary?> GetSummaryAsync(CaseId id, CancellationToken cancellationToken = default) => inner.GetSummaryAsync(id, cancellationToken);

    /// <inheritdoc/>
    public async Task<string> UpdateAsync(CaseRecord record, string ownerAgency, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        string id = record.Id.Value;
        string intent = await projector.Store.AddIntentAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            return await inner.UpdateAsync(record, ownerAgency, etag, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await FollowAsync(id, intent, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<CaseSummaryPage> ListAsync(ISpecification<CaseSummary> specification, string? resumeAfter, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(specification, resumeAfter, limit, cancellationToken);

    private async Task FollowAsync(string caseId, string intent, CancellationToken cancellationToken)
    {
        await projector.ProjectAsync(caseId, cancellationToken).ConfigureAwait(false);
        await projector.Store.RemoveIntentAsync(caseId, intent, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A chunk of the bulk import (ADR-012, "Bulk import"): intents written before, case batches unchanged, the
/// created cases' rows and markers in batches after, then the intents removed in batches.</summary>
internal sealed class Chunk(FactMaintainingCaseRepository outer, ICaseRepository inner, CaseFactProjector projector, List<(string CaseId, string IntentId)> intents) : ICaseWriteChunk
{
    private readonly Lock gate = new();
    private readonly HashSet<string> announced = [.. intents.Select(i => i.CaseId)];
    private readonly List<CaseRecord> created = [];
    private readonly List<string> toFollow = [];

    public async Task<CaseCreateResult> AddAsync(CaseRecord record, string ownerAgency, IdempotencyClaim? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        string id = record.Id.Value;
        if (!announced.Contains(id))
        {
            return await outer.AddAsync(record, ownerAgency, idempotency, cancellationToken).ConfigureAwait(false); // not announced: the single-case path
        }

        CaseCreateResult result;
        try
        {
            result = await inner.AddAsync(record, ownerAgency, idempotency, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            Follow(id); // written or not: follow what is stored
            throw;
        }

        lock (gate)
        {
            if (result.Outcome == CaseCreateOutcome.Created && result.Case is { } stored)
            {
                created.Add(stored.Record);
            }
            else
            {
                toFollow.Add(id);
            }
        }

        return result;
    }

    public Task<StoredCase?> GetAsync(CaseId id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<CaseSummary?> GetSummaryAsync(CaseId id, CancellationToken cancellationToken = default) => inner.GetSummaryAsync(id, cancellationToken);

    public Task<string> UpdateAsync(CaseRecord record, string ownerAgency, string etag, CancellationToken cancellationToken = default) =>
        outer.UpdateAsync(record, ownerAgency, etag, cancellationToken); // not a bulk write: the single-case path

    public Task<CaseSummaryPage> ListAsync(ISpecification<CaseSummary> specification, string? resumeAfter, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(specification, resumeAfter, limit, cancellationToken);

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        List<CaseRecord> createdNow;
        List<string> followNow;
        lock (gate)
        {
            createdNow = [.. created];
            followNow = [.. toFollow.Distinct(StringComparer.Ordinal)];
        }

        // Only after every case batch of the chunk: the rows and markers of the created cases in batches, then each case
        // whose write was refused or failed read back from storage. An announced case never written (its line was
        // invalid) changed nothing this chunk must follow. The intents go last: a fault before leaves them all.
        await projector.ProjectCreatedAsync(createdNow, cancellationToken).ConfigureAwait(false);
        foreach (string id in followNow)
        {
            await projector.ProjectAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await projector.Store.RemoveIntentsAsync(intents, cancellationToken).ConfigureAwait(false);
    }

    private void Follow(string id)
    {
        lock (gate)
        {
            toFollow.Add(id);
        }
    }
}

/// <summary>The workflow store that keeps the counting read model current (ADR-012): each start and transition keeps
/// its single transaction, announced by an intent row and followed by the case's fact rows.</summary>
/// <param name="inner">The workflow store.</param>
/// <param name="projector">The projector (over the undecorated stores).</param>
public sealed class FactMaintainingWorkflowRepository(IWorkflowRepository inner, CaseFactProjector projector) : IWorkflowRepository
{
    /// <inheritdoc/>
    public Task<StoredWorkflow?> LoadAsync(string caseId, string workflow, string subjectId, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(caseId, workflow, subjectId, cancellationToken);

    /// <inheritdoc/>
    public Task<(StoredWorkflow Workflow, bool Created)> CreateAsync(WorkflowChange start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        return FollowAsync(start.CaseId, () => inner.CreateAsync(start, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return FollowAsync(change.CaseId, () => inner.SaveTransitionAsync(change, expectedETag, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, TransitionIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return FollowAsync(change.CaseId, () => inner.SaveTransitionAsync(change, expectedETag, idempotency, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TransitionIdempotency?> FindTransitionReplayAsync(string caseId, string key, CancellationToken cancellationToken = default) =>
        inner.FindTransitionReplayAsync(caseId, key, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredWorkflow>> ListByCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        inner.ListByCaseAsync(caseId, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<StoredWorkflow> ListAllAsync(CancellationToken cancellationToken = default) => inner.ListAllAsync(cancellationToken);

    private async Task<T> FollowAsync<T>(string caseId, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        string intent = await projector.Store.AddIntentAsync(caseId, cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            // Written or refused (a stale ETag): follow what storage holds, then drop the intent.
            await projector.ProjectAsync(caseId, cancellationToken).ConfigureAwait(false);
            await projector.Store.RemoveIntentAsync(caseId, intent, cancellationToken).ConfigureAwait(false);
        }
    }
}
