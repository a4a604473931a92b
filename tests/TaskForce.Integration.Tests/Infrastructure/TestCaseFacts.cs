using System.Collections.Concurrent;
using TaskForce.Application.Ports;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>
/// TEST DOUBLE of <see cref="ICaseFactsReader"/>: case facts held in memory and set by the test. Not shipped; the
/// real implementation reads the case row (issue 3's case storage).
/// </summary>
public sealed class TestCaseFacts : ICaseFactsReader
{
    private readonly ConcurrentDictionary<string, CaseFacts> _facts = new(StringComparer.Ordinal);

    public static CaseFacts Plain { get; } = new(Domain.Workflows.ConsentToShare.Given, IsTpks: false, IsChildSexualViolence: false, SpdpSentOn: null);

    public TestCaseFacts Set(string caseId, CaseFacts facts)
    {
        _facts[caseId] = facts;
        return this;
    }

    public Task<CaseFacts?> ReadAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_facts.TryGetValue(caseId, out var f) ? f : null);
}
