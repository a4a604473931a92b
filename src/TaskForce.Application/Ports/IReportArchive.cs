using TaskForce.Application.Reports;

namespace TaskForce.Application.Ports;

/// <summary>Keeps the documents the annual timer produces, for the secretariat to fetch and sign (Azure Blob Storage
/// in the function app, container <c>reports</c>). Documents hold counts only.</summary>
public interface IReportArchive
{
    /// <summary>Stores an annual report's Word document and HTML page under <c>annual/&lt;file stem&gt;</c>, replacing
    /// an earlier copy of the same region and year (a re-run produces the same report from the same data).</summary>
    /// <param name="report">The report. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The names stored, e.g. <c>annual/laporan-tahunan-53.03-2025.docx</c>.</returns>
    Task<IReadOnlyList<string>> SaveAnnualAsync(AnnualReport report, CancellationToken cancellationToken = default);
}
