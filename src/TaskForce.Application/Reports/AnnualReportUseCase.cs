using System.Globalization;
using NodaTime;
using TaskForce.Application.Prevention;
using TaskForce.Application.Resources;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Prevention;

namespace TaskForce.Application.Reports;

/// <summary>A produced annual report: the text, the Word document, the web page and the year's snapshot (the annex).</summary>
/// <param name="Document">The composed text.</param>
/// <param name="Docx">The Word document bytes (<c>.docx</c>).</param>
/// <param name="Html">The self-contained HTML page.</param>
/// <param name="Snapshot">The year's snapshot, stored as the statistical annex.</param>
/// <param name="FileStem">The file name without extension, e.g. <c>laporan-tahunan-53.03-2025</c>.</param>
public sealed record AnnualReport(AnnualReportDocument Document, byte[] Docx, string Html, IndicatorSnapshot Snapshot, string FileStem);

/// <summary>
/// Produces the annual report of the task force (Laporan Tahunan GT-PPTPPO; UU 21/2007 Pasal 58, Perpres 69/2008 as
/// amended by Perpres 22/2021 and 49/2023) for a region and year: stores the year's snapshot (the annex, as
/// <c>taskforce snapshot</c> would), computes the previous year's for comparison without storing it, and writes the
/// document in the current UI language. The same code serves <c>taskforce report</c>, <c>POST /api/reports/annual</c>
/// and the annual timer.
/// </summary>
/// <param name="snapshots">The snapshot use case (counting rules, suppression, the district zone).</param>
/// <param name="clock">The clock (production time, the current year).</param>
/// <param name="zone">The district zone (e.g. Asia/Makassar).</param>
/// <param name="prevention">The prevention records (ADR-033), whose indicators fill the prevention section; without
/// it (or without activities in either year) the section says no records were kept.</param>
public sealed class AnnualReportUseCase(SnapshotUseCase snapshots, IClock clock, DateTimeZone zone, PreventionUseCases? prevention = null)
{
    /// <summary>The first year a report can be produced for.</summary>
    public const int FirstYear = 2000;

    /// <summary>Produces the report.</summary>
    /// <param name="region">The region (a Kemendagri code or <c>*</c>). Cannot be <see langword="null"/>.</param>
    /// <param name="year">The year, from <see cref="FirstYear"/> to the current year in the district zone (the current
    /// year gives a provisional report).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DomainValidationException">The year is out of range (field <c>year</c>), or the region is not
    /// listed (field <c>region</c>).</exception>
    public async Task<AnnualReport> ProduceAsync(RegionCode region, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        var now = clock.GetCurrentInstant();
        int thisYear = now.InZone(zone).Year;
        if (year < FirstYear || year > thisYear)
        {
            throw new DomainValidationException("year", Texts.Format(ReportsText.YearOutOfRange, thisYear));
        }

        var current = await snapshots.ComputeAndStoreAsync(region, ReportingPeriod.Parse(Year(year)), null, cancellationToken).ConfigureAwait(false);
        var previous = await snapshots.ComputeAsync(region, ReportingPeriod.Parse(Year(year - 1)), null, cancellationToken).ConfigureAwait(false);
        var model = AnnualReportModel.From(
            await WithPreventionAsync(current.Snapshot, region, year, cancellationToken).ConfigureAwait(false),
            await WithPreventionAsync(previous, region, year - 1, cancellationToken).ConfigureAwait(false));
        var document = AnnualReportDocument.Compose(model, now, zone, provisional: year == thisYear);
        string stem = $"laporan-tahunan-{(region.Value == RegionCode.All.Value ? "semua" : region.Value)}-{Year(year)}";
        return new AnnualReport(document, AnnualReportDocx.Write(document), AnnualReportHtml.Render(document), current.Snapshot, stem);
    }

    // The prevention indicators of the year join the figures (not the stored snapshot) when the year has activities.
    private async Task<IndicatorSnapshot> WithPreventionAsync(IndicatorSnapshot snapshot, RegionCode region, int year, CancellationToken cancellationToken)
    {
        if (prevention is null)
        {
            return snapshot;
        }

        var set = await prevention.IndicatorsAsync(region.Value, Year(year), null, cancellationToken).ConfigureAwait(false);
        bool any = set.Cells.Any(c => c.Id == PreventionCatalogue.Activities && c.Disaggregation.Count == 0 && (c.Value ?? 0m) > 0m);
        return any ? snapshot with { Indicators = [.. snapshot.Indicators, .. set.Cells] } : snapshot;
    }

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
}
