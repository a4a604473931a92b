using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForce.Client;

/// <summary>The typed client of the TaskForce HTTP API, generated from its OpenAPI document (ADR-013). Every operation
/// has an overload taking a <see cref="CancellationToken"/>; answers come wrapped in <see cref="TaskForceResponse{TResult}"/>
/// with their headers (<c>ETag</c>, <c>Location</c>); failures throw <see cref="TaskForceApiException"/> with the RFC 9457
/// problem.</summary>
public partial class TaskForceApiClient
{
    /// <summary>Creates a client on <paramref name="baseAddress"/> (the function app's <c>/api/</c> root) with
    /// authentication and retries from <paramref name="options"/>.</summary>
    /// <param name="baseAddress">E.g. <c>https://taskforce.example/api/</c> or the local host's
    /// <c>http://127.0.0.1:7071/api/</c>. A missing trailing slash is added.</param>
    /// <param name="options">Authentication and retries. Cannot be <see langword="null"/>.</param>
    /// <param name="innerHandler">The handler that sends requests; a new <see cref="SocketsHttpHandler"/> when
    /// <see langword="null"/>.</param>
    /// <returns>The client; it owns its <see cref="HttpClient"/>, which lives as long as the client is used.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static TaskForceApiClient Create(Uri baseAddress, TaskForceClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(options);
        HttpMessageHandler handler = innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        handler = new TransientRetryHandler(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay) { InnerHandler = handler };
        if (options.Credential is not null)
        {
            handler = new BearerTokenHandler(options.Credential, options.Scopes) { InnerHandler = handler };
        }

        if (!string.IsNullOrWhiteSpace(options.FunctionKey))
        {
            handler = new FunctionKeyHandler(options.FunctionKey) { InnerHandler = handler };
        }

        string root = baseAddress.OriginalString.EndsWith('/') ? baseAddress.OriginalString : baseAddress.OriginalString + "/";
#pragma warning disable CA2000 // The client owns the HttpClient and its handlers for its whole life.
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(root), Timeout = options.Timeout };
#pragma warning restore CA2000
        return new TaskForceApiClient(http);
    }

    /// <summary>Lists every case that matches, following <c>next_cursor</c> page by page.</summary>
    /// <param name="region">Kemendagri region code, or <see langword="null"/> for all.</param>
    /// <param name="pageSize">Cases per page, or <see langword="null"/> for the API's default.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The cases, in the API's order.</returns>
    public async IAsyncEnumerable<CaseSummary> ListAllCasesAsync(
        string? region = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListCasesAsync(region!, null!, null, null, null!, pageSize, cursor!, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Result.Items)
            {
                yield return item;
            }

            cursor = page.Result.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    // Error bodies are read as text too, so that TaskForceApiException.Response and Problem carry them.
    partial void Initialize() => ReadResponseAsString = true;

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        // The API reads instants as NodaTime's extended ISO pattern, which needs 'Z'; System.Text.Json would write +00:00.
        settings.Converters.Add(new UtcInstantConverter());

        // Unset optional members are left out rather than sent as null (the API refuses nulls it does not expect).
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
