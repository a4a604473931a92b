namespace TaskForce.LocalHost;

/// <summary>How <c>taskforce serve</c> runs.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The default port, the one <c>func start</c> uses.</summary>
    public const int DefaultPort = 7071;

    /// <summary>Gets the loopback port; 0 picks a free one.</summary>
    /// <value>The port.</value>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Gets the function keys accepted on <c>AuthorizationLevel.Function</c> routes (in
    /// <c>x-functions-key</c> or <c>?code=</c>).</summary>
    /// <value>At least one key.</value>
    public IReadOnlyList<string> FunctionKeys { get; init; } = [];

    /// <summary>Gets the test persons, or <see langword="null"/> when dev users are off (the default).</summary>
    /// <value>The persons.</value>
    public DevUsers? DevUsers { get; init; }

    /// <summary>Gets settings laid over the configuration (environment variables), e.g. <c>TASKFORCE_STORAGE</c>.</summary>
    /// <value>Key/value settings.</value>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Gets the folder holding host.json (for the route prefix).</summary>
    /// <value>A folder; by default the host's own.</value>
    public string HostJsonFolder { get; init; } = AppContext.BaseDirectory;
}
