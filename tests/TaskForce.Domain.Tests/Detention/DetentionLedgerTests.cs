using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;
using TaskForce.Domain.Tests.Workflows;

namespace TaskForce.Domain.Tests.Detention;

/// <summary>The ledger on small chains worked out by hand, and the contract's example.</summary>
public class DetentionLedgerTests
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Converters = { new LocalDateConverter() } };

    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static DetentionPeriodInput P(DetentionStage? stage, string? from, string? to, DetentionType type = DetentionType.Rutan) =>
        new(stage, from is null ? null : D(from), to is null ? null : D(to), null, type);

    [Fact]
    public void Check_SerializesToTheContractExample_GivenTheContractInput()
    {
        var request = new DetentionCheckRequest
        {
            Article = "UU21-2007:2(1)",
            OffenceDate = D("2024-03-01"),
            ArrestDate = D("2024-03-02"),
            Periods = [new(DetentionStages.Parse("penyidik"), D("2024-03-03"), D("2024-03-22"))],
        };

        var result = DetentionLedger.Check(request);
        var json = JsonSerializer.SerializeToElement(result, SnakeCase);

        Assert.Equal("KUHAP-1981", json.GetProperty("regime").GetString());
        var period = json.GetProperty("periods")[0];
        Assert.Equal("penyidik", period.GetProperty("stage").GetString());
        Assert.Equal("2024-03-03", period.GetProperty("from").GetString());
        Assert.Equal("2024-03-22", period.GetProperty("to").GetString());
        Assert.Equal(20, period.GetProperty("days").GetInt32()); // 3..22 March inclusive
        Assert.Equal(20, period.GetProperty("limit_days").GetInt32());
        Assert.False(period.GetProperty("over_limit").GetBoolean());
        Assert.Equal(0, period.GetProperty("overlap_days_with_previous").GetInt32());
        Assert.Equal(0, period.GetProperty("gap_days_before").GetInt32());
        Assert.Equal("KUHAP Pasal 24(1)", period.GetProperty("legal_basis").GetString());
        Assert.Equal(20, json.GetProperty("total_days").GetInt32());
        Assert.Equal(0, json.GetProperty("problems").GetArrayLength());
        Assert.Equal("2024-03-22", json.GetProperty("release_by_law").GetString());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Check_ReportsWithoutThrowing_GivenMissingAndReversedDates()
    {
        var result = DetentionLedger.Check(new DetentionCheckRequest
        {
            Periods =
            [
                P(DetentionStage.Penyidik, "2025-01-01", "2025-01-20"),
                P(DetentionStage.PenyidikPerpanjangan, "2025-02-28", "2025-01-21"), // ends before it starts
                P(DetentionStage.PenuntutUmum, null, "2025-03-15"),
                P(null, "2025-03-01", "2025-03-10"),
            ],
        });

        Assert.Equal(["end_before_start"], result.Periods[1].Problems);
        Assert.Null(result.Periods[1].Days);
        Assert.Null(result.Periods[1].OverlapDaysWithPrevious);
        Assert.Equal(["missing_date"], result.Periods[2].Problems);
        Assert.Equal("KUHAP-1981", result.Periods[2].Regime); // regime from the end date when the start is missing
        // The unrecognised period 1-10 March follows the penyidik period (to 20 Jan) after 39 days: 21-31 Jan (11) + Feb (28).
        Assert.Equal(["unrecognised_stage", "gap"], result.Periods[3].Problems);
        Assert.Equal(39, result.Periods[3].GapDaysBefore);
        Assert.Equal("unrecognised", result.Periods[3].Stage);
        Assert.Null(result.Periods[3].LimitDays);
        Assert.Equal(30, result.TotalDays); // 20 + 10, the unusable periods not counted
        Assert.Equal(D("2025-03-10"), result.ReleaseByLaw);
    }

    [Fact]
    public void Check_FlagsPasal29_GivenOffenceUnderNineYears()
    {
        var chain = new DetentionCheckRequest
        {
            Article = "KUHP:296",
            Periods = [P(DetentionStage.Penyidik, "2024-09-19", "2024-10-08"), P(DetentionStage.PenyidikPerpanjangan, "2024-10-09", "2024-11-17"), P(DetentionStage.PenyidikPasal29Pertama, "2024-11-18", "2024-12-17")],
        };

        var result = DetentionLedger.Check(chain);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("pasal29_grounds_not_shown", 2), (problem.Code, problem.PeriodIndex));

        Assert.Empty(DetentionLedger.Check(chain with { SeriousDisorderCertified = true }).Problems);
        Assert.Empty(DetentionLedger.Check(chain with { Article = "UU21-2007:4" }).Problems);
        Assert.Contains(DetentionLedger.Check(chain with { Article = null }).Warnings, w => w.Code == "pasal29_grounds_unknown");
    }

    [Fact]
    public void Check_CountsCityArrestAgainstLimitAndSkipsSuspension()
    {
        var result = DetentionLedger.Check(new DetentionCheckRequest
        {
            Periods =
            [
                P(DetentionStage.HakimPn, "2025-05-01", "2025-05-31", DetentionType.TahananKota), // 31 days > 30
                P(DetentionStage.Penangguhan, "2025-06-01", "2025-06-30"),
            ],
        });

        Assert.Equal(("tahanan_kota", true, 31), (result.Periods[0].DetentionType, result.Periods[0].OverLimit, result.Periods[0].Days));
        Assert.Null(result.Periods[1].OverlapDaysWithPrevious);
        Assert.Equal(31, result.TotalDays);
        Assert.Null(result.ReleaseByLaw);
        Assert.Contains(result.Warnings, w => w.Code == "detention_suspended");
    }

    [Fact]
    public void Check_UsesRegimeOfEachPeriodsStart_GivenChainAcross2January2026()
    {
        var result = DetentionLedger.Check(new DetentionCheckRequest
        {
            Periods = [P(DetentionStage.HakimPn, "2025-12-04", "2026-01-02"), P(DetentionStage.HakimPnPerpanjangan, "2026-01-03", "2026-03-03")],
        });

        Assert.Equal(("KUHAP-1981", true), (result.Periods[0].Regime, result.Periods[0].RegimeConfirmed));
        Assert.Equal(("KUHAP-2025", false), (result.Periods[1].Regime, result.Periods[1].RegimeConfirmed));
        Assert.Contains("unconfirmed", result.Periods[1].LegalBasis, StringComparison.Ordinal);
        Assert.Equal("mixed", result.Regime);
        Assert.Equal(["regime_unconfirmed", "regimes_mixed"], result.Warnings.Select(w => w.Code));
        // 3 Jan .. 3 Mar 2026: 29 + 28 + 3 = 60 days, within the (unconfirmed) 60.
        Assert.Equal((60, false), (result.Periods[1].Days!.Value, result.Periods[1].OverLimit));
    }

    [Fact]
    public void Check_WarnsBeforeReleaseByLaw_GivenClockInWita()
    {
        var request = new DetentionCheckRequest { WarningDays = 3, Periods = [P(DetentionStage.PenuntutUmum, "2025-12-13", "2026-01-01")] };

        // 29 Dec 2025 23:59 WITA: 1 Jan is 3 days away -> warn. 28 Dec: 4 days -> no warning.
        var soon = DetentionLedger.Check(request, WorkflowFixture.ClockAt(2025, 12, 29, 23, 59), DistrictTime.DefaultZone);
        Assert.Equal((D("2025-12-29"), 3), (soon.AsOf!.Value, soon.DaysUntilReleaseByLaw!.Value));
        Assert.Equal("release_by_law_soon", Assert.Single(soon.Warnings).Code);
        Assert.Empty(DetentionLedger.Check(request, WorkflowFixture.ClockAt(2025, 12, 28, 23, 59), DistrictTime.DefaultZone).Warnings);

        // 2 Jan 2026 00:01 WITA (still 1 Jan in UTC): the legal end has passed by one day.
        var passed = DetentionLedger.Check(request, WorkflowFixture.ClockAt(2026, 1, 2, 0, 1), DistrictTime.DefaultZone);
        Assert.Equal(-1, passed.DaysUntilReleaseByLaw);
        Assert.Equal("release_by_law_passed", Assert.Single(passed.Warnings).Code);
    }

    [Fact]
    public void Check_CapsReleaseByLawAtTheLimit_GivenOverlongOrder()
    {
        // An extension printed 7 Jan - 8 Mar 2025 is 61 days; the 60-day limit ends on 7 Mar.
        var result = DetentionLedger.Check(new DetentionCheckRequest { Periods = [P(DetentionStage.HakimPnPerpanjangan, "2025-01-07", "2025-03-08")] });
        Assert.Equal(D("2025-03-07"), result.ReleaseByLaw);
        Assert.Equal(("over_limit", 0), (result.Problems[0].Code, result.Problems[0].PeriodIndex!.Value));
    }

    [Fact]
    public void Check_ThrowsNamingField_GivenBadInput()
    {
        Assert.Equal("periods[1].stage", Assert.Throws<DomainValidationException>(() => DetentionStages.Parse("hakim", "periods[1].stage")).Field);
        Assert.Equal("warning_days", Assert.Throws<DomainValidationException>(() => DetentionLedger.Check(new DetentionCheckRequest { WarningDays = -1 })).Field);
        Assert.Equal("periods[0]", Assert.Throws<DomainValidationException>(() => DetentionLedger.Check(new DetentionCheckRequest { Periods = [null!] })).Field);
        var tooMany = Enumerable.Repeat(P(DetentionStage.Penyidik, "2025-01-01", "2025-01-02"), DetentionCheckRequest.MaxPeriods + 1).ToList();
        Assert.Equal("periods", Assert.Throws<DomainValidationException>(() => DetentionLedger.Check(new DetentionCheckRequest { Periods = tooMany })).Field);
    }

    [Fact]
    public void Stages_MatchTheContractList()
    {
        Assert.Equal(
            "penyidik, penyidik_perpanjangan, penyidik_pasal29_1, penyidik_pasal29_2, penuntut_umum, penuntut_umum_perpanjangan, penuntut_umum_pasal29_1, penuntut_umum_pasal29_2, hakim_pn, hakim_pn_perpanjangan, hakim_pn_pasal29_1, hakim_pn_pasal29_2, hakim_pt, hakim_pt_perpanjangan, hakim_pt_pasal29_1, hakim_pt_pasal29_2, hakim_ma, hakim_ma_perpanjangan, hakim_ma_pasal29_1, hakim_ma_pasal29_2, tahanan_kota, tahanan_rumah, penangguhan",
            string.Join(", ", DetentionStages.Codes));
        // KUHAP 1981 maxima per level (Pasal 24-28): 60, 50, 90, 90, 110 days; Pasal 29 adds 60 at each.
        var k = DetentionRegimes.Kuhap1981.Limits;
        Assert.Equal(
            [60, 50, 90, 90, 110],
            Enum.GetValues<DetentionLevel>().Select(l => k[DetentionStages.Of(l, DetentionStep.Base)].Days!.Value + k[DetentionStages.Of(l, DetentionStep.Extension)].Days!.Value));
        Assert.All(Enum.GetValues<DetentionLevel>(), l => Assert.Equal(60, k[DetentionStages.Of(l, DetentionStep.Pasal29First)].Days!.Value + k[DetentionStages.Of(l, DetentionStep.Pasal29Second)].Days!.Value));
    }

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => LocalDatePattern.Iso.Parse(reader.GetString()!).Value;

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) => writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
