using System.Globalization;
using NodaTime;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Reports;

/// <summary>A section as written: the section, its table cells (figure, year, year before, change), its chart and the
/// sentence shown when it has no rows.</summary>
/// <param name="Section">The section.</param>
/// <param name="Cells">One row of four texts per <see cref="AnnualReportSection.Rows"/> entry.</param>
/// <param name="Chart">The chart PNG, or <see langword="null"/> when there is nothing to draw.</param>
/// <param name="Empty">The "no records" sentence when the section has no rows, else <see langword="null"/>.</param>
public sealed record AnnualReportDocumentSection(
    AnnualReportSection Section,
    IReadOnlyList<IReadOnlyList<string>> Cells,
    byte[]? Chart,
    string? Empty);

/// <summary>
/// The annual report's text in the reader's language, composed once from the <see cref="AnnualReportModel"/> and
/// written by both <see cref="AnnualReportDocx"/> and <see cref="AnnualReportHtml"/>, so the Word document and the web
/// page say the same.
/// </summary>
/// <param name="Language">The BCP 47 language of the text, <c>id-ID</c> or <c>en-GB</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Subtitle">Region and year.</param>
/// <param name="Preamble">The legal basis, the sources and the production time (district zone), and a provisional
/// warning when the year has not ended.</param>
/// <param name="SummaryHeading">The heading of the summary.</param>
/// <param name="Summary">The summary in words: victims identified, cases reported, verdicts, each beside the year before.</param>
/// <param name="ColumnHeads">The heads of the section tables.</param>
/// <param name="Sections">The sections.</param>
/// <param name="SuppressionNote">What the withheld mark means, once.</param>
/// <param name="Signature">The signature block lines (place and date left blank to be filled in).</param>
/// <param name="AnnexHeading">The heading of the statistical annex.</param>
/// <param name="AnnexIntroduction">What the annex holds.</param>
/// <param name="AnnexHeads">The heads of the annex table.</param>
/// <param name="Annex">The annex rows: indicator, breakdown, value.</param>
public sealed record AnnualReportDocument(
    string Language,
    string Title,
    string Subtitle,
    IReadOnlyList<string> Preamble,
    string SummaryHeading,
    string Summary,
    IReadOnlyList<string> ColumnHeads,
    IReadOnlyList<AnnualReportDocumentSection> Sections,
    string SuppressionNote,
    IReadOnlyList<string> Signature,
    string AnnexHeading,
    string AnnexIntroduction,
    IReadOnlyList<string> AnnexHeads,
    IReadOnlyList<IReadOnlyList<string>> Annex)
{
    /// <summary>Composes the text in the current UI language (ADR-025).</summary>
    /// <param name="model">The report's figures. Cannot be <see langword="null"/>.</param>
    /// <param name="producedAt">When the report is produced.</param>
    /// <param name="zone">The district zone the production time is shown in (e.g. Asia/Makassar, shown as WITA).</param>
    /// <param name="provisional">Whether the year has not ended yet on the production date.</param>
    /// <returns>The document.</returns>
    public static AnnualReportDocument Compose(AnnualReportModel model, Instant producedAt, DateTimeZone zone, bool provisional)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(zone);
        int year = model.Year;
        string previous = (year - 1).ToString(CultureInfo.InvariantCulture);
        string current = year.ToString(CultureInfo.InvariantCulture);
        string region = model.Region == RegionCode.All.Value
            ? ReportsText.AllRegions
            : KemendagriRegions.NameOf(RegionCode.Parse(model.Region)) is { } name ? $"{name} ({model.Region})" : model.Region;

        var preamble = new List<string>
        {
            Texts.Format(ReportsText.PreambleBasis, current, previous),
            Texts.Format(ReportsText.PreambleSource, When(producedAt, zone)),
        };
        if (provisional)
        {
            preamble.Add(Texts.Format(ReportsText.Provisional, current));
        }

        string Total(IndicatorSnapshot s, string id)
        {
            var cell = s.Indicators.FirstOrDefault(c => c.Id == id && c.Disaggregation.Count == 0);
            return cell is null ? "–" : AnnualReportModel.Show(cell.Value, cell.Unit, cell.Suppressed);
        }

        string summary = Texts.Format(
            ReportsText.Summary,
            current,
            Total(model.Current, IndicatorIds.VictimsIdentified),
            previous,
            Total(model.Previous, IndicatorIds.VictimsIdentified),
            Total(model.Current, IndicatorIds.CasesReported),
            Total(model.Previous, IndicatorIds.CasesReported),
            Total(model.Current, IndicatorIds.Cases),
            Total(model.Previous, IndicatorIds.Cases));

        var sections = model.Sections.Select(s => new AnnualReportDocumentSection(
            s,
            [.. s.Rows.Select(r => (IReadOnlyList<string>)[
                r.Label,
                AnnualReportModel.Show(r.Current, r.Unit, r.CurrentSuppressed),
                AnnualReportModel.Show(r.Previous, r.Unit, r.PreviousSuppressed),
                Change(r)])],
            AnnualReportCharts.Png(s, year),
            s.Rows.Count == 0 ? Texts.Format(ReportsText.SectionEmpty, current, previous) : null)).ToList();

        var annex = model.Current.Indicators
            .Where(c => c.Suppressed || (c.Value ?? 0m) != 0m)
            .Select(c => (IReadOnlyList<string>)[
                Name(c.Id),
                c.Disaggregation.Count == 0 ? ReportsText.Total : string.Join("; ", c.Disaggregation.Select(d => AnnualReportText.Label(d.Key, d.Value))),
                AnnualReportModel.Show(c.Value, c.Unit, c.Suppressed)])
            .ToList();

        return new AnnualReportDocument(
            AnnualReportText.IsIndonesian ? "id-ID" : "en-GB",
            ReportsText.Title,
            Texts.Format(ReportsText.Subtitle, region, current),
            preamble,
            ReportsText.SummaryHeading,
            summary,
            [ReportsText.ColumnFigure, current, previous, ReportsText.ColumnChange],
            sections,
            Texts.Format(ReportsText.SuppressionNote, model.Current.SuppressionK),
            [Texts.Format(ReportsText.SignaturePlace, (year + 1).ToString(CultureInfo.InvariantCulture)), ReportsText.SignatureRole, string.Empty, string.Empty, ReportsText.SignatureName],
            Texts.Format(ReportsText.AnnexHeading, current),
            ReportsText.AnnexIntroduction,
            [ReportsText.ColumnIndicator, ReportsText.ColumnBreakdown, ReportsText.ColumnValue],
            annex);
    }

    private static string Name(string id) => AnnualReportText.Name(id);

    private static string Change(AnnualReportRow row)
    {
        if (row.Current is not { } a || row.Previous is not { } b)
        {
            return "–";
        }

        decimal d = a - b;
        string sign = d > 0 ? "+" : d < 0 ? "−" : "±";
        return sign + AnnualReportModel.Show(Math.Abs(d), row.Unit, suppressed: false);
    }

    /// <summary>Formats an instant as a date and time in the district zone with the zone's Indonesian abbreviation
    /// (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura), e.g. <c>8 Desember 2026 pukul 10.15 WITA</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The text in the current UI language.</returns>
    public static string When(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = instant.InZone(zone).LocalDateTime;
        string[] months = ReportsText.MonthNames.Split(',');
        string abbreviation = zone.Id switch
        {
            "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
            "Asia/Makassar" => "WITA",
            "Asia/Jayapura" => "WIT",
            _ => zone.GetZoneInterval(instant).Name,
        };
        return Texts.Format(
            ReportsText.DateTimeFormat,
            local.Day,
            months[local.Month - 1],
            local.Year,
            local.Hour.ToString("00", CultureInfo.InvariantCulture),
            local.Minute.ToString("00", CultureInfo.InvariantCulture),
            abbreviation);
    }
}
