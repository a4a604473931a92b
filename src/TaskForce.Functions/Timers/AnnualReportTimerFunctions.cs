using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using TaskForce.Application.Ports;
using TaskForce.Application.Reports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;

namespace TaskForce.Functions.Timers;

/// <summary>
/// The annual report timer (issue 16 item 4): once a year (UTC NCRONTAB setting <c>TaskForce:AnnualReportSchedule</c>,
/// e.g. <c>0 0 1 15 1 *</c> = 09:00 WITA on 15 January) it produces the report of the year just ended for every
/// configured region (<c>TaskForce:SnapshotRegions</c>) in Bahasa Indonesia and keeps the Word document and the HTML
/// page in the report archive for the secretariat to edit and sign. A re-run produces the same report again from the
/// same data and replaces the archived copy.
/// </summary>
/// <param name="reports">The annual report use case (holds the clock and the district zone).</param>
/// <param name="archive">The report archive.</param>
/// <param name="options">The regions.</param>
/// <param name="clock">The clock.</param>
/// <param name="zone">The district zone.</param>
/// <param name="logger">The logger (names of stored documents only).</param>
public sealed partial class AnnualReportTimerFunctions(
    AnnualReportUseCase reports,
    IReportArchive archive,
    SnapshotTimerOptions options,
    NodaTime.IClock clock,
    NodaTime.DateTimeZone zone,
    ILogger<AnnualReportTimerFunctions> logger)
{
    /// <summary>Produces and archives the reports of the last complete year.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The names stored, two per region.</returns>
    [Function("AnnualReport")]
    public async Task<IReadOnlyList<string>> RunAsync(
        [TimerTrigger("%TaskForce:AnnualReportSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        int year = clock.GetCurrentInstant().InZone(zone).Year - 1;
        var stored = new List<string>();
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Texts.Indonesian; // the report goes to the Bupati in Bahasa Indonesia
        try
        {
            foreach (var region in options.Regions)
            {
                var report = await reports.ProduceAsync(region, year, cancellationToken).ConfigureAwait(false);
                var names = await archive.SaveAnnualAsync(report, cancellationToken).ConfigureAwait(false);
                LogStored(logger, region.Value, year, names.Count);
                stored.AddRange(names);
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }

        return stored;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Annual report for region {Region}, year {Year}: {Documents} documents stored")]
    private static partial void LogStored(ILogger logger, string region, int year, int documents);
}
