using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using TaskForce.Application.Ports;
using TaskForce.Application.Reports;

namespace TaskForce.Storage;

/// <summary>The report archive in Azure Blob Storage: container <c>reports</c> (created when missing), blobs
/// <c>annual/laporan-tahunan-REGION-YEAR.docx</c> and <c>.html</c> with their content types.</summary>
/// <threadsafety>Thread-safe (the SDK client is).</threadsafety>
public sealed class BlobReportArchive : IReportArchive
{
    /// <summary>The container name.</summary>
    public const string ContainerName = "reports";

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly BlobContainerClient _container;

    /// <summary>Creates the archive.</summary>
    /// <param name="connectionString">The storage connection string (the same account as the tables).</param>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public BlobReportArchive(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _container = new BlobContainerClient(connectionString, ContainerName);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> SaveAnnualAsync(AnnualReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
        string docx = $"annual/{report.FileStem}.docx";
        string html = $"annual/{report.FileStem}.html";
        await UploadAsync(docx, report.Docx, DocxType, cancellationToken).ConfigureAwait(false);
        await UploadAsync(html, new UTF8Encoding(false).GetBytes(report.Html), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return [docx, html];
    }

    private async Task UploadAsync(string name, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(bytes, writable: false);
        await _container.GetBlobClient(name).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken).ConfigureAwait(false);
    }
}
