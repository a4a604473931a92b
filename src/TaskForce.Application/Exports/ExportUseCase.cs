using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Exports;

/// <summary>Exports the stored case records of a region and period in a standard's shape: the one code path behind
/// <c>taskforce export</c>.</summary>
/// <param name="caseFacts">The case records as indicator input.</param>
/// <param name="clock">The clock stamping generation times.</param>
/// <param name="zone">The district zone (configured <c>TaskForce:TimeZone</c>) in which report dates are taken.</param>
public sealed class ExportUseCase(ICaseFactSource caseFacts, IClock clock, DateTimeZone zone)
{
    /// <summary>Parses a format code.</summary>
    /// <param name="code"><c>simfoni</c>, <c>htcds</c> or <c>ctdc</c>.</param>
    /// <returns>The format.</returns>
    /// <exception cref="DomainValidationException">The code is none of these (field <c>format</c>).</exception>
    public static ExportFormat ParseFormat(string? code) => code switch
    {
        "simfoni" => ExportFormat.Simfoni,
        "htcds" => ExportFormat.Htcds,
        "ctdc" => ExportFormat.Ctdc,
        _ => throw new DomainValidationException("format", Texts.Format(SnapshotsText.ExportExportFormatSimfoniHtcds, code)),
    };

    /// <summary>Writes an export.</summary>
    /// <param name="format">The format.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="suppressionK">The threshold k, or <see langword="null"/> for the catalogue default.</param>
    /// <param name="output">The destination stream (UTF-8), left open. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="DomainValidationException"><paramref name="suppressionK"/> is below 1 (field <c>k</c>), or
    /// <paramref name="region"/> is neither <c>*</c> nor in the Kemendagri list (field <c>region</c>).</exception>
    public async Task<ExportReport> ExportAsync(ExportFormat format, RegionCode region, ReportingPeriod period, int? suppressionK, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (input, listed, k) = await ReadAsync(region, period, suppressionK, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(format, input, listed, period, k, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes an export into a destination opened only after the region is checked and the records are read,
    /// so bad input leaves no file behind.</summary>
    /// <param name="format">The format.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="suppressionK">The threshold k, or <see langword="null"/> for the catalogue default.</param>
    /// <param name="openOutput">Opens the destination stream (UTF-8); the stream is disposed when written.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="DomainValidationException"><paramref name="suppressionK"/> is below 1 (field <c>k</c>), or
    /// <paramref name="region"/> is neither <c>*</c> nor in the Kemendagri list (field <c>region</c>).</exception>
    public async Task<ExportReport> ExportAsync(ExportFormat format, RegionCode region, ReportingPeriod period, int? suppressionK, Func<Stream> openOutput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openOutput);
        var (input, listed, k) = await ReadAsync(region, period, suppressionK, cancellationToken).ConfigureAwait(false);
        var output = openOutput();
        await using (output.ConfigureAwait(false))
        {
            return await WriteAsync(format, input, listed, period, k, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(IndicatorInput Input, RegionCode Region, int K)> ReadAsync(RegionCode region, ReportingPeriod period, int? suppressionK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        region = Snapshots.SnapshotUseCase.RequireListed(region);
        int k = suppressionK ?? IndicatorCatalogue.DefaultSuppressionK;
        var builder = new IndicatorInputBuilder(zone);
        await foreach (var fact in caseFacts.ListAsync(region, period.End, cancellationToken).ConfigureAwait(false))
        {
            builder.Add(fact);
        }

        return (builder.Build(), region, k);
    }

    private async Task<ExportReport> WriteAsync(ExportFormat format, IndicatorInput input, RegionCode region, ReportingPeriod period, int k, Stream output, CancellationToken cancellationToken)
    {
        if (format == ExportFormat.Htcds)
        {
            return CaseExports.WriteHtcdsJson(input, region, period, k, clock.GetCurrentInstant(), output);
        }

        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        var report = format == ExportFormat.Simfoni
            ? CaseExports.WriteSimfoniCsv(input, region, period, k, writer)
            : CaseExports.WriteCtdcCsv(input, region, period, k, writer);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }
}
