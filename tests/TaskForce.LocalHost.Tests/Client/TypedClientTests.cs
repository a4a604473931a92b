using System.Net;
using TaskForce.Client;

namespace TaskForce.LocalHost.Tests.Client;

/// <summary>The generated <see cref="TaskForceApiClient"/> against the local host over a real socket: open a case, read
/// it with its ETag, list it, a stale If-Match as the typed 412 problem, a missing key as 401.</summary>
[Collection(LocalHostGroup.Name)]
public sealed class TypedClientTests(LocalHostFixture host)
{
    private static string NewId() => "case-client-" + Guid.NewGuid().ToString("N")[..10];

    internal static CaseIntake Intake(string? id, string region = "53.03") => new()
    {
        Id = id,
        Region = region,
        CaseType = "tppo",
        ReportingAgency = new NewAgency { Kind = "uptd_ppa", Name = "UPTD PPA Kabupaten TTU" },
        IntakeChannel = "walk_in",
        ReportedAt = new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.Zero),
        OffenceDate = new DateOnly(2025, 11, 20),
        Victims =
        [
            new NewVictim
            {
                Sex = "female", BirthDate = new DateOnly(2008, 5, 1), Citizenship = "ID", Disability = false,
                MigrantWorkerStatus = "non_procedural", Identity = new NewIdentity { FullName = "Yohana Sanam" },
            },
        ],
        Suspects = [new NewSuspect { Sex = "male", Roles = ["recruiter"], Citizenship = "ID" }],
        Elements = new NewTraffickingElements { Acts = ["perekrutan", "pengiriman"], Means = ["penipuan"], Purposes = ["kerja_paksa"], ExploitationOccurred = false },
        Places = new NewPlaces { OriginKecamatan = "53.03.01", DestinationCountry = "MY" },
        Consent = new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "parent_or_guardian" },
    };

    private TaskForceApiClient Client(string? key = LocalHostFixture.Key, int maxRetries = 0) =>
        TaskForceApiClient.Create(
            host.BaseAddress,
            new TaskForceClientOptions { FunctionKey = key, MaxRetries = maxRetries },
            new DevUserHandler("worker-1") { InnerHandler = new SocketsHttpHandler() });

    [Fact]
    public async Task OpenReadAndList_RoundTripsTheCaseAndItsETag_GivenTheFunctionKey()
    {
        var client = Client();
        string key = "open-" + Guid.NewGuid().ToString("N");
        var opened = await client.PostCaseAsync(key, Intake(null), CancellationToken.None);
        Assert.Equal(201, opened.StatusCode);
        string id = opened.Result.Id;
        string openedTag = Assert.Single(opened.Headers["ETag"]);
        Assert.Contains(id, Assert.Single(opened.Headers["Location"]), StringComparison.Ordinal);

        // The same Idempotency-Key replays the first answer (this is what makes the client's POST retries safe).
        var replayed = await client.PostCaseAsync(key, Intake(null), CancellationToken.None);
        Assert.Equal(id, replayed.Result.Id);

        var read = await client.GetCaseAsync(id, CancellationToken.None);
        Assert.Equal(200, read.StatusCode);
        Assert.Equal(openedTag, Assert.Single(read.Headers["ETag"]));
        Assert.Equal("53.03", read.Result.Region);

        // Wire codes read into the generated enumerations, dates into DateOnly, instants into DateTimeOffset (ADR-013).
        Assert.Equal(CaseType.Tppo, read.Result.CaseType);
        Assert.Equal(IntakeChannel.WalkIn, read.Result.IntakeChannel);
        Assert.Equal(new DateOnly(2025, 11, 20), read.Result.OffenceDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.Zero), read.Result.ReportedAt);
        Assert.Equal("uptd_ppa", read.Result.ReportingAgency.Kind);

        var listed = new List<string>();
        await foreach (var item in client.ListAllCasesAsync("53.03", pageSize: 50, CancellationToken.None))
        {
            listed.Add(item.Id);
        }

        Assert.Contains(id, listed);
    }

    [Fact]
    public async Task RecordSpdp_ThrowsTheTyped412Problem_GivenAStaleIfMatch()
    {
        var client = Client();
        string id = NewId();
        var opened = await client.PostCaseAsync(null!, Intake(id), CancellationToken.None);
        string etag = Assert.Single(opened.Headers["ETag"]);
        await client.RecordCaseSpdpAsync(id, etag, null!, new SpdpRequest { SentOn = new DateOnly(2026, 3, 5) }, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<TaskForceApiException<Problem>>(() =>
            client.RecordCaseSpdpAsync(id, etag, null!, new SpdpRequest { SentOn = new DateOnly(2026, 3, 6) }, CancellationToken.None));
        Assert.Equal(412, failure.StatusCode);
        Assert.Equal(412, failure.Result.Status);
        Assert.NotNull(failure.Problem);
        Assert.Equal(412, failure.Problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(failure.Problem.Title));
        Assert.False(string.IsNullOrWhiteSpace(failure.Problem.Detail));
    }

    [Fact]
    public async Task GetCase_ThrowsA401Problem_GivenNoFunctionKey()
    {
        var client = Client(key: null);
        var failure = await Assert.ThrowsAnyAsync<TaskForceApiException>(() => client.GetCaseAsync(NewId(), CancellationToken.None));
        Assert.Equal(401, failure.StatusCode);
        Assert.Equal(401, failure.Problem?.Status);
    }

    [Fact]
    public async Task ListCases_HonoursCancellation_GivenACancelledToken()
    {
        var client = Client();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListCasesAsync("53.03", null!, null, null, null!, 10, null!, cancelled.Token));
    }

    /// <summary>Acts as a named test person of the local host (development only; a deployed app uses App Service
    /// authentication, e.g. the client's TokenCredential option).</summary>
    private sealed class DevUserHandler(string name) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(DevUsers.HeaderName, name);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
