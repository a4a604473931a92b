using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Reports;
using TaskForce.Domain.Common;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>HTTP function for the annual report of the task force (issue 16 item 4). Thin: parse, call
/// <see cref="AnnualReportUseCase"/> (the same code as <c>taskforce report</c> and the annual timer), answer the
/// document. The report holds counts only, with small cells withheld as in every snapshot.</summary>
/// <param name="reports">The annual report use case.</param>
/// <param name="pipeline">The HTTP pipeline (problems, language from <c>Accept-Language</c>).</param>
public sealed class ReportFunctions(AnnualReportUseCase reports, HttpPipeline pipeline)
{
    /// <summary>The media type of a Word document (Office Open XML).</summary>
    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary><c>POST /api/reports/annual?region=53.03&amp;year=2025[&amp;format=docx|html]</c>: produces the annual
    /// report in the request's language, storing the year's snapshot as its annex.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with the Word document (<see cref="DocxMediaType"/>, the default) or the HTML page, named by
    /// <c>Content-Disposition</c> (e.g. <c>laporan-tahunan-53.03-2025.docx</c>); 400 problem+json for a bad region,
    /// year (2000 to the current year in the district zone) or format; 500; 503 storage unavailable.</returns>
    [Function("PostAnnualReport")]
    public Task<IActionResult> PostAnnualReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/annual")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunServiceAsync(req, async () =>
        {
            var region = RegionCode.Parse(req.Query["region"].ToString());
            if (!int.TryParse(req.Query["year"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
            {
                throw new DomainValidationException("year", ReportsHttpText.YearNotANumber);
            }

            string format = req.Query["format"].ToString() is { Length: > 0 } f ? f : "docx";
            if (format is not ("docx" or "html"))
            {
                throw new DomainValidationException("format", ReportsHttpText.FormatUnknown);
            }

            var report = await reports.ProduceAsync(region, year, cancellationToken).ConfigureAwait(false);
            return format == "docx"
                ? new FileContentResult(report.Docx, DocxMediaType) { FileDownloadName = report.FileStem + ".docx" }
                : new FileContentResult(new UTF8Encoding(false).GetBytes(report.Html), "text/html; charset=utf-8") { FileDownloadName = report.FileStem + ".html" };
        });
}
