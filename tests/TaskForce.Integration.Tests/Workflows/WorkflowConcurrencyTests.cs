using TaskForce.Integration.Tests.Cases;
using System.Collections.Concurrent;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Workflows;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Workflows.WorkflowHarness;

namespace TaskForce.Integration.Tests.Workflows;

/// <summary>Writers racing on one case against Azurite: the state row's ETag and the insert-only event key let exactly
/// one win per state, and the audit trail holds exactly the winners.</summary>
[Collection(StorageGroup.Name)]
public sealed class WorkflowConcurrencyTests(AzuriteFixture storage)
{
    private const int Writers = 64;

    // The criminal-justice track from the police report to execution (KUHAP), with a repeated P-19.
    private static readonly (string To, string? Reason)[] Path =
    [
        ("penyelidikan", null),
        ("penyidikan", null),
        ("p19", "berkas belum lengkap"),
        ("p19", "berkas dikembalikan lagi"),
        ("p21", null),
        ("tahap_ii", null),
        ("penuntutan", null),
        ("putusan_pn", null),
        ("inkracht", null),
        ("eksekusi", null),
    ];

    [Fact]
    public async Task Transition_ExactlyOneOf64WritersWinsPerState_AndTheAuditTrailHoldsExactlyTheWinners()
    {
        var tables = await storage.NewTablesAsync();
        var gated = new GatedRepository(new TableWorkflowRepository(tables, CaseTestData.SharedProtector));
        var h = new WorkflowHarness(tables, Instant.FromUtc(2026, 1, 5, 1, 0), gated);
        h.Facts.Set("case-race", TestCaseFacts.Plain with { SpdpSentOn = D(2026, 1, 2) });
        await h.StartAsync("case-race", "criminal_justice", "case-race", Police, effectiveOn: D(2026, 1, 2));
        var winners = new List<TransitionResult>();
        string expectedFrom = "laporan_polisi";

        foreach (var (to, reason) in Path)
        {
            // Every writer loads the same version, waits until all 64 have loaded, then attempts the same next move.
            gated.Arm(Writers);
            var outcomes = new ConcurrentBag<object>();
            var attempts = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
            {
                try
                {
                    outcomes.Add(await h.MoveAsync("case-race", "criminal_justice", "case-race", to, Actor.Create($"staff-{i:D2}", "polres_ttu"), reason));
                }
                catch (Exception ex)
                {
                    outcomes.Add(ex);
                }
            }));
            await Task.WhenAll(attempts);
            gated.Disarm();

            var won = outcomes.OfType<TransitionResult>().ToList();
            var failures = outcomes.OfType<Exception>().ToList();
            Assert.Single(won);
            Assert.Equal(Writers - 1, failures.Count);
            Assert.All(failures, f => Assert.IsType<WorkflowConcurrencyException>(f));
            Assert.Equal(expectedFrom, won[0].From);
            Assert.Equal(to, won[0].State);
            winners.Add(won[0]);
            expectedFrom = to;
        }

        var stored = await h.Repository.LoadAsync("case-race", "criminal_justice", "case-race");
        Assert.NotNull(stored);
        Assert.Equal("eksekusi", stored.State);
        Assert.Equal(Path.Length + 1, stored.Version);
        Assert.Equal(Enumerable.Range(1, Path.Length + 1), stored.History.Select(e => e.Sequence));
        Assert.Equal(["laporan_polisi", .. Path.Select(p => p.To)], stored.History.Select(e => e.To));
        // Exactly the winners' events, each with the winning writer's id: nothing lost, nothing extra.
        Assert.Equal(winners.Select(w => w.Event), stored.History.Skip(1));
        var eventRows = (await TableRows.AllAsync(tables.Cases)).Count(r => r.GetString("Kind") == "workflow_event");
        Assert.Equal(Path.Length + 1, eventRows);
    }

    [Fact]
    public async Task Transition_TheLoserGetsAConflict_GivenTwoWritersWithTheSameIfMatch()
    {
        var tables = await storage.NewTablesAsync();
        var h = new WorkflowHarness(tables, Instant.FromUtc(2026, 1, 5, 1, 0));
        h.Facts.Set("case-two", TestCaseFacts.Plain);
        var (started, _) = await h.StartAsync("case-two", "service", "svc-1", Uptd, new WorkflowStartFacts { ServiceType = ServiceType.Pemulangan });

        var a = h.MoveAsync("case-two", "service", "svc-1", "accepted", Hospital, ifMatch: started.ETag);
        var b = h.MoveAsync("case-two", "service", "svc-1", "refused", Hospital, reason: "no capacity", ifMatch: started.ETag);
        var results = await Task.WhenAll(Settle(a), Settle(b));

        Assert.Single(results, r => r is TransitionResult);
        Assert.Single(results, r => r is WorkflowConcurrencyException);
        var winner = (TransitionResult)results.Single(r => r is TransitionResult);
        var stored = await h.Repository.LoadAsync("case-two", "service", "svc-1");
        Assert.Equal(winner.State, stored!.State);
        Assert.Equal(2, stored.History.Count);
    }

    [Fact]
    public async Task SaveTransition_RollsBackTheEventRow_GivenAStaleETagAndAFreeEventKey()
    {
        // Only the ETag can stop this write: sequence 3 is not stored yet, so the event's Add alone would succeed. The
        // transaction must fail as a whole, leaving no event row behind (Azurite rolls the Add back).
        var tables = await storage.NewTablesAsync();
        var repository = new TableWorkflowRepository(tables, CaseTestData.SharedProtector);
        var h = new WorkflowHarness(tables, Instant.FromUtc(2026, 1, 5, 1, 0));
        h.Facts.Set("case-stale", TestCaseFacts.Plain);
        var (started, _) = await h.StartAsync("case-stale", "restitution", "rst-1", Uptd, new WorkflowStartFacts { RestitutionBasis = RestitutionBasis.Uu21Tahun2007 });
        var moved = await h.MoveAsync("case-stale", "restitution", "rst-1", "in_tuntutan", Uptd);
        var before = await TableRows.FingerprintAsync(tables.Cases);
        var third = new TransitionRecord("restitution", "rst-1", 3, "in_tuntutan", "ordered", "staff-x", "kejari_ttu", Instant.FromUtc(2026, 1, 5, 2, 0), D(2026, 1, 5), null);
        var change = new WorkflowChange("case-stale", "restitution", "rst-1", "ordered", 3, "{\"basis\":\"uu21_tahun2007\"}", third);

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => repository.SaveTransitionAsync(change, started.ETag));

        Assert.Equal(before, await TableRows.FingerprintAsync(tables.Cases));
        Assert.Equal(2, (await repository.LoadAsync("case-stale", "restitution", "rst-1"))!.Version);
        // With the current ETag the same change goes through.
        string etag = await repository.SaveTransitionAsync(change, moved.ETag);
        Assert.NotEqual(moved.ETag, etag);
        Assert.Equal(3, (await repository.LoadAsync("case-stale", "restitution", "rst-1"))!.Version);
    }

    private static async Task<object> Settle(Task<TransitionResult> task)
    {
        try
        {
            return await task;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>Holds every LoadAsync until the armed number of callers have loaded, so they all decide on the same
    /// version before any of them writes.</summary>
    private sealed class GatedRepository(IWorkflowRepository inner) : IWorkflowRepository
    {
        private volatile Gate? _gate;

        public void Arm(int parties) => _gate = new Gate(parties);

        public void Disarm() => _gate = null;

        public async Task<StoredWorkflow?> LoadAsync(string caseId, string workflow, string subjectId, CancellationToken cancellationToken = default)
        {
            var loaded = await inner.LoadAsync(caseId, workflow, subjectId, cancellationToken);
            if (_gate is { } gate)
            {
                await gate.ArriveAndWaitAsync();
            }

            return loaded;
        }

        public Task<(StoredWorkflow Workflow, bool Created)> CreateAsync(WorkflowChange start, CancellationToken cancellationToken = default) => inner.CreateAsync(start, cancellationToken);

        public Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, CancellationToken cancellationToken = default) => inner.SaveTransitionAsync(change, expectedETag, cancellationToken);

        public Task<string> SaveTransitionAsync(WorkflowChange change, string expectedETag, TransitionIdempotency idempotency, CancellationToken cancellationToken = default) => inner.SaveTransitionAsync(change, expectedETag, idempotency, cancellationToken);

        public Task<TransitionIdempotency?> FindTransitionReplayAsync(string caseId, string key, CancellationToken cancellationToken = default) => inner.FindTransitionReplayAsync(caseId, key, cancellationToken);

        public Task<IReadOnlyList<StoredWorkflow>> ListByCaseAsync(string caseId, CancellationToken cancellationToken = default) => inner.ListByCaseAsync(caseId, cancellationToken);

        public IAsyncEnumerable<StoredWorkflow> ListAllAsync(CancellationToken cancellationToken = default) => inner.ListAllAsync(cancellationToken);

        private sealed class Gate(int parties)
        {
            private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private int _arrived;

            public Task ArriveAndWaitAsync()
            {
                if (Interlocked.Increment(ref _arrived) == parties)
                {
                    _all.SetResult();
                }

                return _all.Task;
            }
        }
    }
}
