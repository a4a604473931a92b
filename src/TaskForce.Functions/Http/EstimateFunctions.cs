using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Estimation;
using TaskForce.Domain.Common;
using TaskForce.Functions.Resources;

namespace TaskForce.Functions.Http;

/// <summary>
/// HTTP function for multiple systems estimation. Thin: read the CSV body and the query, call
/// <see cref="EstimateUseCase"/> (the same code as <c>taskforce estimate</c>), map to HTTP. Nothing is stored.
/// </summary>
/// <param name="pipeline">The HTTP pipeline (body, JSON, problems).</param>
public sealed class EstimateFunctions(HttpPipeline pipeline)
{
    /// <summary>The largest capture-history CSV accepted, in bytes: a table of 2^k list patterns with counts is a few
    /// kilobytes even for the most lists an estimate allows.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary><c>POST /api/estimates?model=stepwise&amp;p_threshold=0.02[&amp;bootstrap=1000&amp;seed=1234]</c> with a
    /// capture-history CSV body (<c>text/csv</c>: one 0/1 column per list, last column <c>count</c>).</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>200 with the contract's <c>estimate</c> document; 400 problem+json for a bad body or query, or data
    /// for which no estimate exists; 413 for a body over 64 KiB; 500.</returns>
    [Function("PostEstimate")]
    public Task<IActionResult> PostEstimateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "estimates")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunServiceAsync(req, async () =>
        {
            var request = new EstimateRequest(
                NullIfEmpty(req.Query["model"].ToString()),
                ParseDouble(req.Query["p_threshold"].ToString(), "p_threshold"),
                ParseInt(req.Query["bootstrap"].ToString(), "bootstrap"),
                ParseSeed(req.Query["seed"].ToString()));
            byte[] body = await HttpPipeline.ReadBodyAsync(req, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            using var text = new StreamReader(new MemoryStream(body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return HttpPipeline.Json(EstimateUseCase.Run(text, request));
        });

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static double? ParseDouble(string text, string field) =>
        text.Length == 0 ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
        : throw new DomainValidationException(field, Texts.Format(HttpText.EstimateNumber, text));

    private static int? ParseInt(string text, string field) =>
        text.Length == 0 ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v
        : throw new DomainValidationException(field, Texts.Format(HttpText.EstimateWholeNumber, text));

    private static int? ParseSeed(string text) =>
        text.Length == 0 ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v
        : throw new DomainValidationException("seed", Texts.Format(HttpText.EstimateWholeNumber2, text));
}
