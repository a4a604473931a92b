using NodaTime;

namespace TaskForce.Domain.Common;

/// <summary>
/// The district's business time zone: every business date (deadlines, reporting periods, "today") is computed in it.
/// </summary>
/// <remarks>
/// Kabupaten Timor Tengah Utara (Kemendagri 53.03, NTT) keeps Waktu Indonesia Tengah (WITA), IANA zone
/// <c>Asia/Makassar</c>, a fixed UTC+08:00 with no daylight saving (docs/sources.md#kepmendagri-2138-2025). Code stays
/// zone-generic: the zone is a parameter everywhere, and this type only names the default.
/// Example: the instant 2025-03-31T16:30:00Z is 2025-04-01 00:30 WITA, so its business date is 1 April 2025.
/// </remarks>
public static class DistrictTime
{
    /// <summary>The IANA id of the default district zone, <c>Asia/Makassar</c> (WITA, UTC+08:00).</summary>
    public const string DefaultZoneId = "Asia/Makassar";

    /// <summary>Gets the default district zone from the TZDB provider bundled with NodaTime.</summary>
    /// <value>The <c>Asia/Makassar</c> zone.</value>
    public static DateTimeZone DefaultZone => DateTimeZoneProviders.Tzdb[DefaultZoneId];

    /// <summary>Returns the business date of an instant in a zone.</summary>
    /// <param name="instant">The instant (UTC).</param>
    /// <param name="zone">The district zone. Cannot be <see langword="null"/>.</param>
    /// <returns>The local date in <paramref name="zone"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static LocalDate BusinessDate(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return instant.InZone(zone).Date;
    }

    /// <summary>Returns today's business date in a zone according to a clock.</summary>
    /// <param name="clock">The clock (inject <c>SystemClock.Instance</c> in production, a <c>FakeClock</c> in tests).</param>
    /// <param name="zone">The district zone.</param>
    /// <returns>The current local date in <paramref name="zone"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static LocalDate Today(IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return BusinessDate(clock.GetCurrentInstant(), zone);
    }
}
