using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>
/// A pipeline policy that fails a share of storage calls, seeded: half of the failures answer 503 without reaching
/// the service, half reach the service (the write commits) and then lose the response as a timeout would. Added per
/// retry, so the SDK's retry policy (configured once in TaskForceTables) sees every failure.
/// </summary>
public sealed class FaultInjectionPolicy(double failureRate, int seed) : HttpPipelinePolicy
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public int Calls { get; private set; }

    public int RejectedBeforeSending { get; private set; }

    public int LostAfterCommit { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        double roll;
        lock (_gate)
        {
            Calls++;
            roll = _random.NextDouble();
        }

        if (roll < failureRate / 2)
        {
            lock (_gate)
            {
                RejectedBeforeSending++;
            }

            message.Response = new FakeResponse(503);
            return;
        }

        await ProcessNextAsync(message, pipeline);
        if (roll < failureRate)
        {
            lock (_gate)
            {
                LostAfterCommit++;
            }

            throw new IOException("Injected fault: the connection was reset after the request reached the service.");
        }
    }

    private sealed class FakeResponse(int status) : Response
    {
        public override bool IsError => true;

        public override int Status => status;

        public override string ReasonPhrase => "Service Unavailable (injected)";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
