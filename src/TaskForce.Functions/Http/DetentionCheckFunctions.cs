using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Detention;

namespace TaskForce.Functions.Http;

/// <summary>
/// <c>POST /api/detention-checks</c>: the KUHAP detention ledger over HTTP. Thin: read the body, call
/// <see cref="DetentionCheckUseCase"/> (the same code as <c>taskforce detention-check</c>), map to HTTP. Stores nothing.
/// </summary>
/// <param name="detention">The detention-check use case.</param>
/// <param name="pipeline">The HTTP pipeline (body, JSON, problems).</param>
public sealed class DetentionCheckFunctions(DetentionCheckUseCase detention, HttpPipeline pipeline)
{
    /// <summary>The largest body accepted, in bytes (the input's character limit,
    /// <see cref="DetentionCheckJson.MaxInputLength"/>).</summary>
    public const int MaxBodyBytes = DetentionCheckJson.MaxInputLength;

    /// <summary>Checks the chain in the request body (the <c>detention-check</c> input of docs/wire-contract.md).</summary>
    /// <param name="req">The request; its body is the input JSON, at most <see cref="MaxBodyBytes"/> bytes.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>200 with the ledger JSON; 400 problem+json naming the field for bad input (unknown stage, impossible
    /// date, missing field, malformed body); 413 for a body over 1,000,000 bytes; 500.</returns>
    [Function("PostDetentionCheck")]
    public Task<IActionResult> PostAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "detention-checks")] HttpRequest req,
        CancellationToken cancellationToken) =>
        pipeline.RunServiceAsync(req, async () =>
        {
            byte[] body = await HttpPipeline.ReadBodyAsync(req, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            ReadOnlySpan<byte> text = body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? body.AsSpan(Encoding.UTF8.Preamble.Length) : body;
            return HttpPipeline.JsonText(detention.CheckJson(Encoding.UTF8.GetString(text)));
        });
}
