using System.Net;
using TaskForce.Client;

namespace TaskForce.LocalHost.Tests.Client;

/// <summary>The client's retry handler, on a scripted inner handler (no socket).</summary>
public sealed class RetryHandlerTests
{
    private static async Task<(HttpResponseMessage Response, int Calls)> SendAsync(HttpMethod method, bool idempotencyKey, params HttpStatusCode[] answers)
    {
        var inner = new Scripted(answers);
        using var handler = new TransientRetryHandler(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(method, "http://127.0.0.1/api/cases") { Content = method == HttpMethod.Get ? null : new StringContent("{}") };
        if (idempotencyKey)
        {
            request.Headers.Add(TransientRetryHandler.IdempotencyKeyHeader, "k-1");
        }

        var response = await invoker.SendAsync(request, CancellationToken.None);
        return (response, inner.Calls);
    }

    [Fact]
    public async Task Get_IsRetriedUntilSuccess_Given503Then429()
    {
        var (response, calls) = await SendAsync(HttpMethod.Get, false, HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Get_StopsAfterMaxRetries_GivenOnly500s()
    {
        var (response, calls) = await SendAsync(HttpMethod.Get, false, Enumerable.Repeat(HttpStatusCode.InternalServerError, 10).ToArray());
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task Post_IsNotRetried_GivenNoIdempotencyKey()
    {
        var (response, calls) = await SendAsync(HttpMethod.Post, false, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Post_IsRetried_GivenAnIdempotencyKey()
    {
        var (response, calls) = await SendAsync(HttpMethod.Post, true, HttpStatusCode.RequestTimeout, HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Get_IsNotRetried_GivenAClientError()
    {
        var (response, calls) = await SendAsync(HttpMethod.Get, false, HttpStatusCode.PreconditionFailed, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(1, calls);
    }

    private sealed class Scripted(HttpStatusCode[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                Assert.Equal("{}", await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return new HttpResponseMessage(answers[Math.Min(Calls++, answers.Length - 1)]);
        }
    }
}
