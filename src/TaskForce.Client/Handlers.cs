using System.Net;
using System.Net.Http.Headers;
using Azure.Core;

namespace TaskForce.Client;

/// <summary>Sends the function key as <c>x-functions-key</c> on every request.</summary>
public sealed class FunctionKeyHandler : DelegatingHandler
{
    /// <summary>The header Azure Functions reads function keys from.</summary>
    public const string HeaderName = "x-functions-key";

    private readonly string _key;

    /// <summary>Initializes a new instance of the <see cref="FunctionKeyHandler"/> class.</summary>
    /// <param name="key">The function key. Cannot be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null or blank.</exception>
    public FunctionKeyHandler(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _key = key;
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, _key);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Sends a token of a <see cref="TokenCredential"/> as <c>Authorization: Bearer</c>, asked anew for each request
/// (credentials cache and refresh their own tokens).</summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly TokenCredential _credential;
    private readonly string[] _scopes;

    /// <summary>Initializes a new instance of the <see cref="BearerTokenHandler"/> class.</summary>
    /// <param name="credential">The credential. Cannot be <see langword="null"/>.</param>
    /// <param name="scopes">The scopes to ask for. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public BearerTokenHandler(TokenCredential credential, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(scopes);
        _credential = credential;
        _scopes = [.. scopes];
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Retries transient failures with bounded exponential back-off: 408, 429 and 5xx answers and failures to
/// get an answer, only for requests that are safe to repeat (GET, HEAD, OPTIONS, PUT, DELETE, and a POST or PATCH
/// that carries an <c>Idempotency-Key</c>, which the API replays instead of applying twice). A <c>Retry-After</c>
/// header is honoured up to the maximum delay.</summary>
public sealed class TransientRetryHandler : DelegatingHandler
{
    /// <summary>The header whose presence makes a POST safe to repeat.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly int _maxRetries;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _maxDelay;

    /// <summary>Initializes a new instance of the <see cref="TransientRetryHandler"/> class.</summary>
    /// <param name="maxRetries">How many retries at most (0 or more).</param>
    /// <param name="delay">The first delay; each next doubles.</param>
    /// <param name="maxDelay">The longest delay.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    public TransientRetryHandler(int maxRetries, TimeSpan delay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        _maxRetries = maxRetries;
        _delay = delay;
        _maxDelay = maxDelay;
    }

    /// <summary>Tells whether a status is transient (408, 429 or 5xx).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when a retry may succeed.</returns>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Tells whether a request may be sent again without the risk of doing its work twice.</summary>
    /// <param name="request">The request. Cannot be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for idempotent methods and for requests with an <c>Idempotency-Key</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public static bool IsRepeatable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var m = request.Method;
        return m == HttpMethod.Get || m == HttpMethod.Head || m == HttpMethod.Options || m == HttpMethod.Put || m == HttpMethod.Delete
            || request.Headers.Contains(IdempotencyKeyHeader);
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_maxRetries == 0 || !IsRepeatable(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (int attempt = 0; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode) || attempt >= _maxRetries)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (attempt < _maxRetries && !cancellationToken.IsCancellationRequested)
            {
                // No answer (connection refused or reset): retried below.
            }

            TimeSpan wait = Backoff(attempt, response?.Headers.RetryAfter);
            response?.Dispose();
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        TimeSpan wait = _delay * Math.Pow(2, Math.Min(attempt, 16));
        if (retryAfter?.Delta is { } delta)
        {
            wait = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            wait = date - DateTimeOffset.UtcNow;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _maxDelay ? _maxDelay : wait;
    }
}
