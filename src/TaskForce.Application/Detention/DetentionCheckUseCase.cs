using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;

namespace TaskForce.Application.Detention;

/// <summary>
/// <c>detention-check</c>: checks a chain of detention periods against KUHAP 1981 Pasal 24–29 (and the unconfirmed
/// KUHAP 2025 limits from 2 January 2026) with <see cref="DetentionLedger"/>, with release warnings as of a business
/// date. The one code path for the tool and <c>POST /api/detention-checks</c>; reads and writes no storage.
/// </summary>
/// <param name="clock">The clock that gives "today" when the input has no <c>as_of</c>.</param>
/// <param name="zone">The district zone (normally Asia/Makassar).</param>
public sealed class DetentionCheckUseCase(IClock clock, DateTimeZone zone)
{
    /// <summary>Checks a parsed input.</summary>
    /// <param name="input">The input. Cannot be <see langword="null"/>.</param>
    /// <returns>The ledger, shaped like the contract's JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The chain breaks an input rule of the ledger (e.g.
    /// <c>warning_days</c> outside [0, 365]).</exception>
    public DetentionCheckResult Check(DetentionCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return DetentionLedger.Check(input.Request, input.AsOf ?? DistrictTime.Today(clock, zone));
    }

    /// <summary>Parses an input document, checks it and writes the result document.</summary>
    /// <param name="json">The input JSON (see <see cref="DetentionCheckJson"/>). Cannot be <see langword="null"/>.</param>
    /// <returns>The result JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The input is not valid; the field is named.</exception>
    public string CheckJson(string json) => DetentionCheckJson.Write(Check(DetentionCheckJson.Parse(json)));
}
