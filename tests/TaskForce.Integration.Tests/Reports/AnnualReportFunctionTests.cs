using Azure.Storage.Blobs;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Reports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Functions.Http;
using TaskForce.Functions.Timers;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Reports;

/// <summary>The annual report's function classes on Azurite: <c>POST /api/reports/annual</c> and the annual timer
/// keeping the documents in the blob archive.</summary>
[Collection(StorageGroup.Name)]
public sealed class AnnualReportFunctionTests(AzuriteFixture storage)
{
    private async Task<(AnnualReportUseCase UseCase, FakeClock Clock)> ArrangeAsync(Instant now)
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var clock = new FakeClock(now);
        var snapshots = new SnapshotUseCase(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), CaseDataSet.Source(),
            new TableCtdcRepository(tables), clock, DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);
        return (new AnnualReportUseCase(snapshots, clock, DistrictTime.DefaultZone), clock);
    }

    private static HttpRequest Post(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers.AcceptLanguage = "en";
        return context.Request;
    }

    private static ReportFunctions Functions(AnnualReportUseCase useCase) =>
        new(useCase, new HttpPipeline(new ClientPrincipalReader(false), NullLogger<HttpPipeline>.Instance));

    [Fact]
    public async Task PostAnnualReport_AnswersAWordDocumentNamedForRegionAndYear_GivenRegionAndYear()
    {
        var (useCase, _) = await ArrangeAsync(Instant.FromUtc(2026, 12, 8, 2, 15));

        var result = await Functions(useCase).PostAnnualReportAsync(Post("?region=53.03&year=2025"), CancellationToken.None);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal(ReportFunctions.DocxMediaType, file.ContentType);
        Assert.Equal("laporan-tahunan-53.03-2025.docx", file.FileDownloadName);
        using var word = WordprocessingDocument.Open(new MemoryStream(file.FileContents), false);
        Assert.Contains("2025", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAnnualReport_AnswersTheHtmlPage_GivenFormatHtml()
    {
        var (useCase, _) = await ArrangeAsync(Instant.FromUtc(2026, 12, 8, 2, 15));

        var result = await Functions(useCase).PostAnnualReportAsync(Post("?region=*&year=2025&format=html"), CancellationToken.None);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        Assert.Equal("laporan-tahunan-semua-2025.html", file.FileDownloadName);
        Assert.StartsWith("<!DOCTYPE html>", System.Text.Encoding.UTF8.GetString(file.FileContents), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?region=53.03&year=twenty", "year")]
    [InlineData("?region=53.03&year=1999", "year")]
    [InlineData("?region=53.03&year=2025&format=pdf", "format")]
    [InlineData("?region=53.3&year=2025", "region")]
    public async Task PostAnnualReport_Answers400NamingTheField_GivenBadQuery(string query, string field)
    {
        var (useCase, _) = await ArrangeAsync(Instant.FromUtc(2026, 12, 8, 2, 15));

        var result = await Functions(useCase).PostAnnualReportAsync(Post(query), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(400, problem.StatusCode);
        var details = Assert.IsType<ValidationProblemDetails>(problem.Value);
        Assert.Contains(field, details.Errors.Keys);
    }

    [Fact]
    public async Task AnnualTimer_ArchivesTheYearJustEnded_GivenTheFifteenthOfJanuary()
    {
        // 15 January 2026, 09:00 WITA (01:00 UTC): the year just ended is 2025.
        var (useCase, clock) = await ArrangeAsync(Instant.FromUtc(2026, 1, 15, 1, 0));
        var archive = new BlobReportArchive(storage.ConnectionString);
        var timer = new AnnualReportTimerFunctions(useCase, archive, SnapshotTimerOptions.Parse("53.03"), clock, DistrictTime.DefaultZone,
            NullLogger<AnnualReportTimerFunctions>.Instance);

        var stored = await timer.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal(["annual/laporan-tahunan-53.03-2025.docx", "annual/laporan-tahunan-53.03-2025.html"], stored);
        var container = new BlobContainerClient(storage.ConnectionString, BlobReportArchive.ContainerName);
        var docx = await container.GetBlobClient(stored[0]).DownloadContentAsync();
        Assert.Equal(ReportFunctions.DocxMediaType, docx.Value.Details.ContentType);
        using var word = WordprocessingDocument.Open(docx.Value.Content.ToStream(), false);
        string text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Laporan Tahunan Gugus Tugas", text, StringComparison.Ordinal); // in Bahasa Indonesia
        Assert.Contains("Timor Tengah Utara (53.03) — Tahun 2025", text, StringComparison.Ordinal);
    }
}
