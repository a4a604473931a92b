using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace TaskForce.LocalHost.Tests;

/// <content>The annual report over a real socket (issue 16 item 4): the Word document as the served OpenAPI document
/// describes it, valid Open XML, and problems for a bad year.</content>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task PostAnnualReport_Returns200WordDocument_And400NamingTheYear_GivenAYearBefore2000()
    {
        using var service = host.Client();

        var response = await SendAsync(service, HttpMethod.Post, "reports/annual?region=53.03&year=2025", null, Json, ("Accept-Language", "id"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("laporan-tahunan-53.03-2025.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word));
        Assert.Contains("Lampiran: statistik tahun 2025", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);

        var bad = await ExpectAsync(await SendAsync(service, HttpMethod.Post, "reports/annual?region=53.03&year=1999"), HttpStatusCode.BadRequest, "post", "/reports/annual");
        Assert.True(bad.GetProperty("errors").TryGetProperty("year", out _), bad.GetRawText());
    }
}
