using Microsoft.Extensions.Logging.Abstractions;
using TaskForce.Functions.Http;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>The HTTP pipeline as the app builds it, for function classes invoked directly.</summary>
public static class TestPipeline
{
    /// <summary>A pipeline that trusts App Service authentication (the deployed setting).</summary>
    public static HttpPipeline Trusted { get; } = Create(authEnabled: true);

    /// <summary>Creates a pipeline.</summary>
    public static HttpPipeline Create(bool authEnabled, ListLogger<HttpPipeline>? log = null) =>
        new(new ClientPrincipalReader(authEnabled), (Microsoft.Extensions.Logging.ILogger<HttpPipeline>?)log ?? NullLogger<HttpPipeline>.Instance);
}
