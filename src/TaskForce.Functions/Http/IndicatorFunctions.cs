using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP functions for indicators: live computation and stored snapshots. Thin: parse, call
/// <see cref="SnapshotUseCase"/> (the same code as <c>taskforce snapshot</c> and the timer), map to HTTP.
/// </summary>
/// <param name="snapshots">The snapshot use case.</param>
/// <param name="store">The snapshot store.</param>
/// <param name="pipeline">The HTTP pipeline (JSON, problems).</param>
public sealed class IndicatorFunctions(SnapshotUseCase snapshots, ISnapshotRepository store, HttpPipeline pipeline)
{
    /// <summary><c>GET /api/indicators?region=53.03&amp;period=2025[&amp;k=11]</c>: computes the snapshot live from stored
    /// records, without storing it.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>200 with the contract's snapshot JSON; 400 problem+json for a bad region, period or k; 500 (e.g. the
    /// identity key is missing or wrong; no detail); 503 storage unavailable.</returns>
    [Function("GetIndicators")]
    public Task<IActionResult> GetIndicatorsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "indicators")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunServiceAsync(req, async () =>
        {
            var (region, period, k) = ParseQuery(req);
            var snapshot = await snapshots.ComputeAsync(region, period, k, cancellationToken).ConfigureAwait(false);
            return HttpPipeline.JsonText(SnapshotJson.Write(snapshot));
        });

    /// <summary><c>POST /api/snapshots?region=53.03&amp;period=2025[&amp;k=11]</c>: computes and stores a snapshot.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>201 with the snapshot JSON when stored now; 200 with the earlier, identical snapshot when its content
    /// was already stored; 400 problem+json for bad input; 500; 503 storage unavailable.</returns>
    [Function("PostSnapshot")]
    public Task<IActionResult> PostSnapshotAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "snapshots")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunServiceAsync(req, async () =>
        {
            var (region, period, k) = ParseQuery(req);
            var run = await snapshots.ComputeAndStoreAsync(region, period, k, cancellationToken).ConfigureAwait(false);
            return HttpPipeline.JsonText(run.Stored.Json, run.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    /// <summary><c>GET /api/snapshots/{region}/{period}</c>: the latest stored snapshot, byte for byte.</summary>
    /// <param name="req">The request.</param>
    /// <param name="region">The region code or <c>*</c>.</param>
    /// <param name="period">The period label.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with the stored JSON; 404 problem+json when none is stored; 400 for a bad region or period; 500;
    /// 503 storage unavailable.</returns>
    [Function("GetSnapshot")]
    public Task<IActionResult> GetSnapshotAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "snapshots/{region}/{period}")] HttpRequest req,
        string region,
        string period,
        CancellationToken cancellationToken) =>
        pipeline.RunServiceAsync(req, async () =>
        {
            var regionCode = Listed(RegionCode.Parse(Uri.UnescapeDataString(region ?? string.Empty)));
            var reportingPeriod = ReportingPeriod.Parse(period);
            var stored = await store.GetLatestAsync(regionCode.Value, reportingPeriod.Label, cancellationToken).ConfigureAwait(false);
            return stored is null
                ? Problems.Create(StatusCodes.Status404NotFound, Texts.Format(HttpText.IndicatorSnapshotStoredForRegion, regionCode.Value, reportingPeriod.Label))
                : HttpPipeline.JsonText(stored.Json);
        });

    private static (RegionCode Region, ReportingPeriod Period, int? K) ParseQuery(HttpRequest req)
    {
        var region = RegionCode.Parse(req.Query["region"].ToString()); // the Kemendagri check is the use case's
        var period = ReportingPeriod.Parse(req.Query["period"].ToString());
        int? k = null;
        string kText = req.Query["k"].ToString();
        if (kText.Length > 0)
        {
            k = int.TryParse(kText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed) && parsed >= 1
                ? parsed
                : throw new DomainValidationException("k", Texts.Format(HttpText.IndicatorKMustWholeNumber, kText));
        }

        return (region, period, k);
    }

    // A region must exist in the Kemendagri list (issue 7), not only have its shape; '*' selects all.
    private static RegionCode Listed(RegionCode region) => region.IsAll ? region : KemendagriRegions.Require(region, "region");
}
