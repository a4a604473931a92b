using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Reports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Reports;

/// <summary>
/// The annual report (issue 16 item 4) on Azurite: the real verdicts (samples/verdicts) and the fixed case-record set
/// (<see cref="CaseDataSet"/>), 2025 beside 2024. Expected figures come from outside the engine: the verdict counts
/// from <see cref="ReferenceCounts"/> (read straight from the JSONL), the case-record counts worked out by hand from the
/// set's rule (120 reports in 2025, 1 January + 3i days; the 7 with i % 17 = 16 have no consent → 113).
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class AnnualReportTests(AzuriteFixture storage)
{
    // 8 December 2026, 10:15 WITA.
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 8, 2, 15);

    private async Task<(AnnualReportUseCase UseCase, TaskForceTables Tables)> ArrangeAsync()
    {
        var tables = await storage.NewTablesAsync();
        await ImportSnapshotRoundTripTests.ImportAsync(tables, RepoPaths.SampleVerdicts);
        var clock = new FakeClock(Now);
        var snapshots = new SnapshotUseCase(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), CaseDataSet.Source(),
            new TableCtdcRepository(tables), clock, DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);
        return (new AnnualReportUseCase(snapshots, clock, DistrictTime.DefaultZone), tables);
    }

    private static async Task<AnnualReport> InAsync(CultureInfo culture, Func<Task<AnnualReport>> produce)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return await produce();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task ProduceAsync_PutsTheYearBesideThePreviousYear_GivenRealVerdictsAndTheCaseSet()
    {
        var (useCase, _) = await ArrangeAsync();
        var expected2025 = ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, 2025);
        var expected2024 = ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, 2024);

        var report = await InAsync(Texts.English, () => useCase.ProduceAsync(RegionCode.All, 2025));

        var law = report.Document.Sections.Single(s => s.Section.Duty == AnnualReportDuty.LawEnforcement).Section;
        var verdicts = law.Rows.Single(r => r.IndicatorId == "cases");
        Assert.Equal((decimal)expected2025.Cases, verdicts.Current); // 65 verdicts decided in 2025
        Assert.Equal((decimal)expected2024.Cases, verdicts.Previous); // 7 in 2024
        var reported = law.Rows.Single(r => r.IndicatorId == "cases_reported");
        Assert.Equal(113m, reported.Current);
        Assert.Equal(0m, reported.Previous); // the case set has no report in 2024
        Assert.Contains("the courts decided 65 trafficking cases (2024: 7)", report.Document.Summary, StringComparison.Ordinal);
        Assert.Contains("113 cases were reported (2024: 0)", report.Document.Summary, StringComparison.Ordinal);
        Assert.Equal("laporan-tahunan-semua-2025", report.FileStem);
        Assert.Equal("2025", report.Snapshot.Period.Label);
    }

    [Fact]
    public async Task Docx_IsValidOpenXmlWithEverySection_GivenTheDefaultLanguage()
    {
        var (useCase, _) = await ArrangeAsync();

        var report = await InAsync(Texts.Indonesian, () => useCase.ProduceAsync(RegionCode.All, 2025));

        using var stream = new MemoryStream(report.Docx);
        using var word = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        string text = string.Join("\n", word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        foreach (string heading in new[] { "Ringkasan", "1. Pencegahan", "2. Perlindungan korban", "3. Penegakan hukum", "4. Koordinasi antarinstansi", "Lampiran: statistik tahun 2025" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("pengadilan memutus 65 perkara TPPO (2024: 7)", text, StringComparison.Ordinal);
        Assert.Contains("8 Desember 2026 pukul 10.15 WITA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sementara", text, StringComparison.Ordinal); // 2025 has ended on 8 December 2026
        // One chart per section with a count above zero: protection (victims identified), law enforcement (verdicts,
        // reports), coordination (referrals); prevention has no records and no chart.
        Assert.Equal(3, word.MainDocumentPart.ImageParts.Count());
        Assert.Equal(
            [AnnualReportDuty.VictimProtection, AnnualReportDuty.LawEnforcement, AnnualReportDuty.Coordination],
            report.Document.Sections.Where(s => s.Chart is not null).Select(s => s.Section.Duty));
    }

    [Fact]
    public async Task ProduceAsync_SaysASectionHasNoRecords_GivenNoPreventionRecords()
    {
        var (useCase, _) = await ArrangeAsync();

        var report = await InAsync(Texts.English, () => useCase.ProduceAsync(RegionCode.All, 2025));

        var prevention = report.Document.Sections.Single(s => s.Section.Duty == AnnualReportDuty.Prevention);
        Assert.Empty(prevention.Section.Rows);
        Assert.Null(prevention.Chart);
        Assert.Equal("No records of this duty were kept in TaskForce for 2025 or 2024.", prevention.Empty);
        Assert.Contains("No records of this duty were kept in TaskForce for 2025 or 2024.", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProduceAsync_MarksTheReportProvisional_GivenTheCurrentYear()
    {
        var (useCase, _) = await ArrangeAsync();

        var report = await InAsync(Texts.English, () => useCase.ProduceAsync(RegionCode.All, 2026));

        Assert.Contains("Provisional: the year 2026 has not ended yet, so its figures will still change.", report.Document.Preamble);
        var verdicts = report.Document.Sections.Single(s => s.Section.Duty == AnnualReportDuty.LawEnforcement).Section.Rows.Single(r => r.IndicatorId == "cases");
        Assert.Equal((decimal)ReferenceCounts.ForYear(RepoPaths.SampleVerdicts, 2026).Cases, verdicts.Current); // 3
        Assert.Equal(65m, verdicts.Previous);
    }

    [Fact]
    public async Task ProduceAsync_RefusesTheYearAndStoresNothing_GivenAYearAfterThisOne()
    {
        var (useCase, tables) = await ArrangeAsync();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => InAsync(Texts.Indonesian, () => useCase.ProduceAsync(RegionCode.All, 2027)));

        Assert.Equal("year", error.Field);
        Assert.Equal("Tahun harus berupa angka dari 2000 sampai 2026 (tahun berjalan di zona waktu kabupaten).", error.Message);
        int stored = 0;
        await foreach (var _ in tables.Snapshots.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            stored++;
        }

        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Html_ShowsWithheldCellsAsMarked_AndNeverAValueBelowK()
    {
        var (useCase, _) = await ArrangeAsync();

        var report = await InAsync(Texts.English, () => useCase.ProduceAsync(RegionCode.Parse("53.03"), 2025));

        // Every suppressed cell of the year's snapshot appears in the annex as the withheld mark, not as a number.
        int suppressed = report.Snapshot.Indicators.Count(c => c.Suppressed);
        Assert.True(suppressed > 0);
        Assert.Equal(suppressed, report.Document.Annex.Count(r => r[2] == "—*"));
        Assert.Contains("—* withheld: the cell describes fewer than 11 persons", report.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", report.Html, StringComparison.Ordinal);
        Assert.Contains("@media print", report.Html, StringComparison.Ordinal);
        Assert.Contains("Timor Tengah Utara (53.03)", report.Document.Subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProduceAsync_FillsThePreventionSection_GivenTheSyntheticPreventionRecords()
    {
        var tables = await storage.NewTablesAsync();
        var clock = new FakeClock(Now);
        var prevention = new TaskForce.Application.Prevention.PreventionUseCases(new TablePreventionRepository(tables), clock, DistrictTime.DefaultZone);
        string csv = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "prevention", "activities-synthetic.csv"));
        await prevention.ImportAsync(new StringReader(csv), "activities-synthetic.csv", null, "operator", CancellationToken.None);
        var snapshots = new SnapshotUseCase(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), CaseDataSet.Source(),
            new TableCtdcRepository(tables), clock, DistrictTime.DefaultZone, NullLogger<SnapshotUseCase>.Instance);
        var useCase = new AnnualReportUseCase(snapshots, clock, DistrictTime.DefaultZone, prevention);

        var report = await InAsync(Texts.English, () => useCase.ProduceAsync(RegionCode.Parse("53.03"), 2025));

        // From the sample file by hand: 2025 holds pa-001..pa-005 (5 activities, 38 + 15 + 31 + 17 + 7 = 108
        // participants; socialisation pa-001 and pa-003 = 2 activities); 2024 holds pa-006 only (1 activity, 12
        // participants, a community group formed). Desa reached: 2025 two of 190 = 1.1 %; 2024 one of 190 = 0.5 %.
        var rows = report.Document.Sections.Single(s => s.Section.Duty == AnnualReportDuty.Prevention).Section.Rows;
        var total = rows.Single(r => r.IndicatorId == "prevention_activities" && r.Label == "Prevention activities");
        Assert.Equal((5m, 1m), (total.Current, total.Previous));
        var participants = rows.Single(r => r.IndicatorId == "prevention_participants" && r.Label == "Participants of prevention activities");
        Assert.Equal((108m, 12m), (participants.Current, participants.Previous));
        var socialisation = rows.Single(r => r.Label == "Prevention activities: Socialisation and campaigns");
        Assert.Equal((2m, (decimal?)null), (socialisation.Current, socialisation.Previous));
        var coverage = rows.Single(r => r.IndicatorId == "prevention_desa_coverage");
        Assert.Equal((1.1m, 0.5m), (coverage.Current, coverage.Previous));
        Assert.Null(report.Document.Sections.Single(s => s.Section.Duty == AnnualReportDuty.Prevention).Empty);
    }
}
