using System.Text;
using NodaTime;
using NodaTime.Testing;
using Snapshooter.Xunit;
using TaskForce.Application.Exports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Snapshots;

/// <summary>Approval snapshots of the outputs for the fixed case data set (no storage needed: in-memory ports).</summary>
public sealed class CaseIndicatorSnapshotTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 2, 1, 0);

    private static async Task<IndicatorSnapshot> Snapshot2025() =>
        await CaseDataSet.UseCase(new FakeClock(Now)).ComputeAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2025"), null);

    [Fact]
    public async Task SnapshotJson_MatchesApprovedSnapshot_GivenTheFixedCaseDataSet()
    {
        var snapshot = await Snapshot2025();

        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(SnapshotJson.Write(snapshot)));
    }

    [Fact]
    public async Task SnapshotCsv_MatchesApprovedSnapshot_GivenTheFixedCaseDataSet()
    {
        var snapshot = await Snapshot2025();
        using var writer = new StringWriter();
        SnapshotFiles.WriteCsv(snapshot, writer);

        Snapshot.Match(writer.ToString().Split('\n'));
    }

    [Fact]
    public async Task SimfoniCsv_MatchesApprovedSnapshot_GivenTheFixedCaseDataSet()
    {
        var input = await CaseDataSet.UseCase(new FakeClock(Now)).LoadCaseInputAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2025"));
        using var writer = new StringWriter();
        var report = CaseExports.WriteSimfoniCsv(input, CaseDataSet.Ttu, ReportingPeriod.Parse("2025"), 11, writer);

        Snapshot.Match(new { report, lines = writer.ToString().Split('\n') });
    }

    [Fact]
    public async Task CtdcCsv_MatchesApprovedSnapshot_GivenTheFixedCaseDataSet()
    {
        var input = await CaseDataSet.UseCase(new FakeClock(Now)).LoadCaseInputAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2025"));
        using var writer = new StringWriter();
        var report = CaseExports.WriteCtdcCsv(input, CaseDataSet.Ttu, ReportingPeriod.Parse("2025"), 3, writer);

        Snapshot.Match(new { report, lines = writer.ToString().Split('\n') });
    }

    [Fact]
    public async Task HtcdsJson_MatchesApprovedSnapshot_GivenTheFixedCaseDataSet()
    {
        var input = await CaseDataSet.UseCase(new FakeClock(Now)).LoadCaseInputAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2025"));
        using var stream = new MemoryStream();
        var report = CaseExports.WriteHtcdsJson(input, CaseDataSet.Ttu, ReportingPeriod.Parse("2025"), 5, Now, stream);

        Snapshot.Match(new { report, json = Newtonsoft.Json.Linq.JToken.Parse(Encoding.UTF8.GetString(stream.ToArray())) });
    }

    [Fact]
    public async Task HtcdsJson_WithholdsEveryRecordAndTheTotal_GivenKAboveThePersonCount()
    {
        // 89 trafficking victims in 2025 (the approved snapshot); with k = 200 no group reaches k and the total is withheld too.
        var input = await CaseDataSet.UseCase(new FakeClock(Now)).LoadCaseInputAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2025"));
        using var stream = new MemoryStream();
        var report = CaseExports.WriteHtcdsJson(input, CaseDataSet.Ttu, ReportingPeriod.Parse("2025"), 200, Now, stream);

        var json = System.Text.Json.JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal(89, report.Persons);
        Assert.Equal(0, report.Rows);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("records_total").ValueKind);
        Assert.Equal(0, json.GetProperty("victims").GetArrayLength());
    }

    [Fact]
    public async Task Snapshot_HasNoPersonKeyOrCaseId_GivenTheFixedCaseDataSet()
    {
        var snapshot = await Snapshot2025();
        string json = SnapshotJson.Write(snapshot);
        using var writer = new StringWriter();
        SnapshotFiles.WriteCsv(snapshot, writer);
        string html = SnapshotReport.Html(snapshot, []);

        foreach (string text in new[] { json, writer.ToString(), html })
        {
            Assert.DoesNotContain("00000000000000000000000000000001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("case-0", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Snapshot_WritesKAndWithholdsEveryCountBelowK_GivenTheFixedCaseDataSet()
    {
        var snapshot = await Snapshot2025();
        var s = new SnapshotReader(SnapshotJson.Write(snapshot));

        Assert.Equal(11, s.Root.GetProperty("suppression_k").GetInt32());
        Assert.Equal(IndicatorCatalogue.Version, s.Root.GetProperty("catalogue_version").GetString());
        Assert.All(snapshot.Indicators.Where(c => IndicatorCatalogue.CaseRecords.Any(d => d.Suppressed && d.Id == c.Id) && c.Unit is "persons" or "cases" or "referrals"),
            c => Assert.True(c.Suppressed || c.Value == 0 || c.Value >= 11, $"{c.Id} {string.Join(",", c.Disaggregation)} = {c.Value}"));

        // By hand from CaseDataSet's formulas: i % 17 == 16 (16, 33, 50, 67, 84, 101, 118) have no consent: 113 of 120
        // are counted. The second-agency records i = 9, 19, ..., 119 (all consented) share the person of i - 1; i - 1 is
        // consented except 118, so 11 persons are merged: 113 - 11 = 102 persons, 11 of them in two agencies.
        Assert.Equal(113m, s.Value("cases_reported"));
        var coverage = s.Root.GetProperty("coverage").GetProperty("case_records");
        Assert.Equal(120, coverage.GetProperty("records_read").GetInt32());
        Assert.Equal(7, coverage.GetProperty("records_without_consent").GetInt32());
        Assert.Equal(113 - 11, coverage.GetProperty("persons_in_period").GetInt32());
        Assert.Equal(11, coverage.GetProperty("persons_in_several_agencies").GetInt32());
    }

    [Fact]
    public async Task Snapshot_CountsTheGbvimsDelayBuckets_GivenTheFixedCaseDataSet()
    {
        var s = new SnapshotReader(SnapshotJson.Write(await Snapshot2025()));

        // By hand from CaseDataSet's formulas (ADR-023): delay = i % 100 days; no date of the act when i % 6 == 5; no
        // consent when i % 17 == 16. 6-14 days: i = 6, 7 (the former 4-7 bucket's upper part), 8..14 without 11 (11 % 6
        // == 5), 106 (107 has no date), 108..114 without 113: 2 + 6 + 1 + 6 = 15 (was 12 in 8-14). 4-5 days: i = 4, 104,
        // 105 (5 has no date) = 3 < k = 11: withheld.
        Assert.Equal(15m, s.Value("reporting_delay", ("delay_days", "6-14")));
        Assert.Null(s.Value("reporting_delay", ("delay_days", "4-5"))); // withheld
    }
}
