using DocumentFormat.OpenXml.Packaging;
using TaskForce.Client;

namespace TaskForce.LocalHost.Tests.Client;

/// <summary>The annual report through the generated client (issue 16 item 4): the Word document arrives as a
/// <see cref="FileResponse"/> stream and opens; a bad year is the typed 400 problem naming <c>year</c>.</summary>
[Collection(LocalHostGroup.Name)]
public sealed class AnnualReportClientTests(LocalHostFixture host)
{
    private TaskForceApiClient Client() =>
        TaskForceApiClient.Create(host.BaseAddress, new TaskForceClientOptions { FunctionKey = LocalHostFixture.Key, MaxRetries = 0 }, new SocketsHttpHandler());

    [Fact]
    public async Task PostAnnualReportAsync_ReturnsTheWordDocument_GivenRegionAndYear()
    {
        using var file = await Client().PostAnnualReportAsync("53.03", 2025, null, null, CancellationToken.None);

        Assert.Equal(200, file.StatusCode);
        using var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);
        using var word = WordprocessingDocument.Open(new MemoryStream(copy.ToArray()), false);
        Assert.Contains("2025", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAnnualReportAsync_ThrowsTheProblemNamingYear_GivenAYearBefore2000()
    {
        var error = await Assert.ThrowsAsync<TaskForceApiException<ValidationProblem>>(() => Client().PostAnnualReportAsync("53.03", 1999, null, null, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("year", error.Result.Errors.Keys);
    }
}
