using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace TaskForce.Application.Alerts;

/// <summary>
/// The ids of alerts (ADR-021): <c>{yyyyMMdd}-{16 hex}</c>, the business date and the first 8 bytes of the SHA-256 of
/// the alert's key (case id, workflow, subject id, deadline kind, joined by line feeds). Deterministic, so the timer
/// running twice names the same alert the same way, and the id is the idempotency key of its delivery.
/// </summary>
public static class AlertIds
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    /// <summary>Returns the id of an alert.</summary>
    /// <param name="businessDate">The business date of the alert (district zone).</param>
    /// <param name="caseId">The case id.</param>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="deadlineId">The deadline kind.</param>
    /// <returns>For example <c>20260109-3f2a9c0d51e7b846</c>.</returns>
    public static string Of(LocalDate businessDate, string caseId, string workflow, string subjectId, string deadlineId)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', caseId, workflow, subjectId, deadlineId)));
        return DatePattern.Format(businessDate) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>Reads the business date out of an alert id.</summary>
    /// <param name="id">A value from the wire.</param>
    /// <param name="businessDate">The date, when the id is well formed.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> has the form <c>{yyyyMMdd}-{16 hex}</c> with a real date.</returns>
    public static bool TryParse(string? id, out LocalDate businessDate)
    {
        businessDate = default;
        if (id is null || id.Length != 25 || id[8] != '-' || !id[9..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return false;
        }

        var parsed = DatePattern.Parse(id[..8]);
        if (!parsed.Success)
        {
            return false;
        }

        businessDate = parsed.Value;
        return true;
    }
}
