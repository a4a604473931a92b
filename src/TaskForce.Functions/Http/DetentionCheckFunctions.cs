using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Application.Detention;
using TaskForce.Domain.Common;

namespace TaskForce.Functions.Http;

/// <summary>
/// <c>POST /api/detention-checks</c>: the KUHAP detention ledger over HTTP. Thin: read the body, call
/// <see cref="DetentionCheckUseCase"/> (the same code as <c>taskforce detention-check</c>), map to HTTP. Stores nothing.
/// </summary>
/// <param name="detention">The detention-check use case.</param>
public sealed class DetentionCheckFunctions(DetentionCheckUseCase detention)
{
    /// <summary>Checks the chain in the request body (the <c>detention-check</c> input of shared/contracts/cli.md).</summary>
    /// <param name="req">The request; its body is the input JSON, at most <see cref="DetentionCheckJson.MaxInputLength"/>
    /// characters.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>200 with the ledger JSON; 400 problem+json naming the field for bad input (unknown stage, impossible
    /// date, missing field, malformed or oversized body).</returns>
    [Function("PostDetentionCheck")]
    public async Task<IActionResult> PostAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "detention-checks")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        try
        {
            string body = await ReadBodyAsync(req, cancellationToken).ConfigureAwait(false);
            return new ContentResult
            {
                Content = detention.CheckJson(body),
                ContentType = "application/json; charset=utf-8",
                StatusCode = StatusCodes.Status200OK,
            };
        }
        catch (DomainValidationException ex)
        {
            return Problems.BadRequest(ex);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest req, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(req.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var buffer = new char[8192];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > DetentionCheckJson.MaxInputLength)
            {
                throw new DomainValidationException("request", $"The body is longer than {DetentionCheckJson.MaxInputLength} characters.");
            }
        }

        return text.ToString();
    }
}
