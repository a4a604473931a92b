using Azure.Core;

namespace TaskForce.Client;

/// <summary>How <see cref="TaskForceApiClient.Create(Uri, TaskForceClientOptions, HttpMessageHandler?)"/> authenticates and retries.</summary>
public sealed class TaskForceClientOptions
{
    /// <summary>Gets or sets the function key sent as <c>x-functions-key</c> (services calling the function app).</summary>
    /// <value>The key, or <see langword="null"/> for none.</value>
    public string? FunctionKey { get; set; }

    /// <summary>Gets or sets a credential (e.g. Azure.Identity's <c>DefaultAzureCredential</c>) whose token is sent as
    /// <c>Authorization: Bearer</c> (App Service authentication in front of the function app).</summary>
    /// <value>The credential, or <see langword="null"/> for none.</value>
    public TokenCredential? Credential { get; set; }

    /// <summary>Gets the scopes asked of <see cref="Credential"/> (e.g. <c>api://taskforce/.default</c>).</summary>
    /// <value>The scopes.</value>
    public IList<string> Scopes { get; } = [];

    /// <summary>Gets or sets how many times a transient failure (408, 429, 5xx, or no response) is retried.</summary>
    /// <value>Default 3; 0 turns retries off.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay; each next one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    /// <value>Default 500 ms.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the longest delay between two tries (also caps a server's <c>Retry-After</c>).</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the timeout of one HTTP call, all tries included.</summary>
    /// <value>Default 100 s.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
}
