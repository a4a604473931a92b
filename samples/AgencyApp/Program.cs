// A UPTD PPA's app on the TaskForce API through the packed TaskForce.Client: open a case, read it with its ETag, refer
// it to the district hospital (the referral workflow), read its own inbox, list the region's cases. The inbox (cases referred to
// it) is GET /referrals?to=me (ADR-020). Usage: dotnet run -- <api base, e.g. http://127.0.0.1:7071/api/> <function key> [dev user]
// (the dev user names a test person of `./taskforce serve --dev-users`; a deployed app uses App Service
// authentication instead, e.g. TaskForceClientOptions.Credential with Azure.Identity).
using TaskForce.Client;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: AgencyApp <api base url> <function key> [dev user]");
    return 2;
}

HttpMessageHandler? inner = args.Length > 2 ? new DevUserHandler(args[2]) { InnerHandler = new SocketsHttpHandler() } : null;
var client = TaskForceApiClient.Create(new Uri(args[0]), new TaskForceClientOptions { FunctionKey = args[1] }, inner);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));

var intake = new CaseIntake
{
    Region = "53.03",
    CaseType = "tppo",
    ReportingAgency = new NewAgency { Kind = "uptd_ppa", Name = "UPTD PPA Kabupaten TTU" },
    IntakeChannel = "walk_in",
    ReportedAt = DateTimeOffset.UtcNow,
    OffenceDate = new DateOnly(2025, 11, 20),
    Victims = [new NewVictim { Sex = "female", BirthDate = new DateOnly(2008, 5, 1), Citizenship = "ID", Identity = new NewIdentity { FullName = "Yohana Sanam" } }],
    Suspects = [new NewSuspect { Sex = "male", Roles = ["recruiter"], Citizenship = "ID" }],
    Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"], ExploitationOccurred = false },
    Places = new NewPlaces { OriginKecamatan = "53.03.01", DestinationCountry = "MY" },
    Consent = new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "parent_or_guardian" },
};

try
{
    // An Idempotency-Key makes the POST safe to retry: the API answers a repeat with the first answer.
    var opened = await client.PostCaseAsync("agency-app-" + Guid.NewGuid().ToString("N"), intake, cancel.Token);
    string id = opened.Result.Id;
    Console.WriteLine($"opened {id}");

    var read = await client.GetCaseAsync(id, cancel.Token);
    Console.WriteLine($"read {read.Result.Id} region {read.Result.Region} etag {read.Headers["ETag"].Single()}");

    // Refer the victim to the district hospital: the referral workflow starts in_progress until the receiving agency
    // accepts or rejects it. The referring agency is the app's own (the dev user worker-1 is uptd_ppa_ttu).
    var referred = await client.StartCaseWorkflowAsync(id, "agency-app-ref-" + Guid.NewGuid().ToString("N"), new WorkflowStartRequest
    {
        Workflow = "referral",
        Facts = new WorkflowStartFacts { ReferralKind = ReferralKind.Referral, FromAgency = "uptd_ppa_ttu", ToAgency = "rsud_kefamenanu" },
    }, cancel.Token);
    Console.WriteLine($"referred {referred.Result.CaseId} to rsud_kefamenanu: {referred.Result.Workflow} {referred.Result.State}");

    // The agency's inbox: the referrals and transfers addressed to it, without identity (ADR-020), page by page.
    int waiting = 0;
    string inboxOf;
    string? next = null;
    do
    {
        var inbox = await client.ListReferralsAsync("me", "in_progress", 100, next, cancel.Token);
        inboxOf = inbox.Result.ToAgency;
        waiting += inbox.Result.Items.Count;
        next = inbox.Result.NextCursor;
    }
    while (next is not null);
    Console.WriteLine($"inbox of {inboxOf}: {waiting} referral(s) waiting for an answer");

    int count = 0;
    bool found = false;
    await foreach (var item in client.ListAllCasesAsync("53.03", pageSize: 100, cancel.Token))
    {
        count++;
        found |= item.Id == id;
    }

    Console.WriteLine($"listed {count} cases in 53.03, the new one {(found ? "among them" : "MISSING")}");
    return found ? 0 : 1;
}
catch (TaskForceApiException e) when (e.Problem is not null)
{
    Console.Error.WriteLine($"{e.StatusCode} {e.Problem.Title}: {e.Problem.Detail}");
    return 1;
}

/// <summary>Acts as a named test person of the local host (development only).</summary>
internal sealed class DevUserHandler(string name) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-TaskForce-Dev-User", name);
        return base.SendAsync(request, cancellationToken);
    }
}
