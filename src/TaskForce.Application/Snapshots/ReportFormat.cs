using System.Globalization;
using NodaTime;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>How the report and the tool's summary write numbers, dates and times for people (ADR-026): numbers as the
/// snapshot JSON writes them (invariant, ADR-025), Rupiah grouped by thousands in the reader's way, dates written out
/// with the month's name, times in the district zone with its Indonesian abbreviation (WIB, WITA, WIT).</summary>
public static class ReportFormat
{
    /// <summary>The dash shown for a withheld figure.</summary>
    public const string Dash = "—";

    /// <summary>Formats a value in its unit for a table cell or a sentence.</summary>
    /// <param name="value">The value; <see langword="null"/> gives a dash.</param>
    /// <param name="unit">The unit code (<c>persons</c>, <c>cases</c>, <c>percent</c>, <c>per_100000</c>, <c>idr</c>,
    /// <c>months</c>, <c>days</c>, …).</param>
    /// <returns>For example <c>12</c>, <c>45.5%</c>, <c>Rp 1.250.000</c>.</returns>
    public static string Value(decimal? value, string unit)
    {
        if (value is not { } v)
        {
            return Dash;
        }

        return unit switch
        {
            "percent" => Texts.Format(ReportText.UnitPercent, Number(v)),
            "per_100000" => Texts.Format(ReportText.UnitRate, Number(v)),
            "idr" => Rupiah(v),
            "months" => Texts.Format(ReportText.UnitMonths, Number(v)),
            "days" => Texts.Format(ReportText.UnitDays, Number(v)),
            _ => Number(v),
        };
    }

    /// <summary>Formats a number as the snapshot JSON does (invariant, no trailing zeros).</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>42</c> or <c>42.5</c>.</returns>
    public static string Number(decimal value) => SnapshotJson.Format(value);

    /// <summary>Formats an amount in Rupiah, grouped by thousands with the reader's separator (a dot in Bahasa
    /// Indonesia, a comma in English).</summary>
    /// <param name="value">The amount in Rupiah.</param>
    /// <returns>For example <c>Rp 1.250.000</c>.</returns>
    public static string Rupiah(decimal value)
    {
        var format = new NumberFormatInfo { NumberGroupSeparator = ReportLabels.IsIndonesian ? "." : ",", NumberDecimalSeparator = ReportLabels.IsIndonesian ? "," : "." };
        return Texts.Format(ReportText.UnitIdr, decimal.Round(value).ToString("#,0", format));
    }

    /// <summary>Writes a date with the month's name in the reader's language.</summary>
    /// <param name="date">The date.</param>
    /// <returns>For example <c>8 Desember 2026</c> or <c>8 December 2026</c>.</returns>
    public static string LongDate(LocalDate date)
    {
        string[] months = ReportText.Months.Split(',');
        return Texts.Format(ReportText.DateLong, date.Day, months[date.Month - 1], date.Year);
    }

    /// <summary>Writes an instant as the date and time in a zone, with the zone's Indonesian abbreviation.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zoneId">The IANA zone id, normally <c>Asia/Makassar</c>; an unknown id falls back to
    /// <see cref="DistrictTime.DefaultZone"/>.</param>
    /// <returns>For example <c>8 Desember 2026 10.15 WITA</c> (minutes, no seconds).</returns>
    public static string DateTime(Instant instant, string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DistrictTime.DefaultZone;
        var local = instant.InZone(zone).LocalDateTime;
        string time = Texts.Format(ReportText.TimeOfDay, local.Hour.ToString("00", CultureInfo.InvariantCulture), local.Minute.ToString("00", CultureInfo.InvariantCulture));
        return $"{LongDate(local.Date)} {time} {ZoneAbbreviation(zone, instant)}";
    }

    /// <summary>Returns the Indonesian abbreviation of a zone (Keppres 41/1987: WIB UTC+7, WITA UTC+8,
    /// WIT UTC+9), or its UTC offset for any other zone.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="instant">The instant (offsets can change over time).</param>
    /// <returns>For example <c>WITA</c> or <c>UTC+10</c>.</returns>
    public static string ZoneAbbreviation(DateTimeZone zone, Instant instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.GetUtcOffset(instant);
        bool indonesian = zone.Id is "Asia/Jakarta" or "Asia/Pontianak" or "Asia/Makassar" or "Asia/Jayapura";
        return (indonesian, offset.Seconds / 3600) switch
        {
            (true, 7) => "WIB",
            (true, 8) => "WITA",
            (true, 9) => "WIT",
            _ => "UTC" + offset.ToString("m", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Writes a reporting period as its two dates.</summary>
    /// <param name="period">The period.</param>
    /// <returns>For example <c>1 Januari 2025 s.d. 31 Desember 2025</c>.</returns>
    public static string Period(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Texts.Format(ReportText.PeriodRange, LongDate(period.Start), LongDate(period.End));
    }

    /// <summary>Writes the region of a snapshot for people.</summary>
    /// <param name="region">The region code or <c>*</c>.</param>
    /// <returns>For example <c>semua wilayah</c> or <c>wilayah 53.03</c>.</returns>
    public static string Region(string region) =>
        region == "*" ? ReportText.RegionAll : Texts.Format(ReportText.RegionCode, region);
}
