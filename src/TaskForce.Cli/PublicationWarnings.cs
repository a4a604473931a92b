using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Cli;

/// <summary>Warnings on standard error for outputs that must not be published as they are: a suppression threshold
/// below the catalogue's default (small cells could identify victims, UU 21/2007 Pasal 44), and a period that has not
/// ended (figures are provisional). The output is still produced: analysts need both for internal work.</summary>
internal static class PublicationWarnings
{
    /// <summary>Writes the warnings that apply.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="k">The threshold asked for, or null for the default.</param>
    /// <param name="period">The period.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The district zone in which "today" is taken.</param>
    public static void Write(TextWriter error, int? k, ReportingPeriod period, IClock clock, DateTimeZone zone)
    {
        if (k is { } value && value < IndicatorCatalogue.DefaultSuppressionK)
        {
            error.WriteLine(
                $"Warning: --k {value} is below the publication threshold {IndicatorCatalogue.DefaultSuppressionK}: counts under {IndicatorCatalogue.DefaultSuppressionK} are shown and could identify victims. " +
                "For internal analysis only; do not publish. / Peringatan: angka kecil dapat mengidentifikasi korban; jangan dipublikasikan.");
        }

        LocalDate today = DistrictTime.Today(clock, zone);
        if (period.End >= today)
        {
            error.WriteLine(
                $"Warning: the period {period} has not ended (today is {today:uuuu-MM-dd} in {zone.Id}); the figures are provisional and will change. / Peringatan: periode belum berakhir; angka bersifat sementara.");
        }
    }
}
