using Azure.Core;
using TaskForce.Client;

namespace TaskForce.LocalHost.Tests.Client;

/// <summary>The client's authentication handlers, on a recording inner handler (no socket).</summary>
public sealed class AuthHandlerTests
{
    [Fact]
    public async Task Create_SendsTheFunctionKeyAndABearerToken_GivenBothOptions()
    {
        var recorder = new Recorder();
        var credential = new FixedCredential("token-1");
        var options = new TaskForceClientOptions { FunctionKey = "key-1", Credential = credential, MaxRetries = 0 };
        options.Scopes.Add("api://taskforce/.default");
        var client = TaskForceApiClient.Create(new Uri("http://127.0.0.1:1/api"), options, recorder);

        await Assert.ThrowsAnyAsync<TaskForceApiException>(() => client.GetCaseAsync("case-1", CancellationToken.None));

        var request = Assert.Single(recorder.Requests);
        Assert.Equal("http://127.0.0.1:1/api/cases/case-1", request.RequestUri!.ToString());
        Assert.Equal("key-1", Assert.Single(request.Headers.GetValues(FunctionKeyHandler.HeaderName)));
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal("token-1", request.Headers.Authorization.Parameter);
        Assert.Equal(["api://taskforce/.default"], credential.Scopes);
    }

    private sealed class FixedCredential(string token) : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized)
            {
                Content = new StringContent("""{"type":"about:blank","title":"Unauthorized","status":401,"detail":"No key."}""", System.Text.Encoding.UTF8, "application/problem+json"),
            });
        }
    }
}
