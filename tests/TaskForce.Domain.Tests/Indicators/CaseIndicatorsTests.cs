using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using static TaskForce.Domain.Tests.Indicators.CaseFactFixture;

namespace TaskForce.Domain.Tests.Indicators;

/// <summary>Each indicator on the hand-made set of <see cref="CaseFactFixture"/> (k = 1: nothing withheld), with the
/// right answers worked out by hand in the comments.</summary>
public sealed class CaseIndicatorsTests
{
    private static readonly CaseIndicatorOptions NoSuppression = new() { SuppressionK = 1 };

    private static IReadOnlyList<IndicatorValue> Q1Cells() => CaseIndicators.Compute(Input(), Ttu, Q1, NoSuppression).Cells;

    [Fact]
    public void VictimsIdentified_CountsDistinctConsentedTraffickingPersons_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // Q1 trafficking, consented: P1 (C1 police + C2 UPTD: once), P3 (C4 at 23:30 WITA on 31 March).
        // Left out: P2 (C3, no consent), P4 (C5, 00:30 WITA on 1 April = Q2), P5 (violence case), C7 (no victim).
        Assert.Equal(2m, Value(c, "victims_identified"));
        Assert.Equal(1m, Value(c, "victims_identified", ("sex", "female")));
        Assert.Equal(1m, Value(c, "victims_identified", ("sex", "male")));
        Assert.Equal(0m, Value(c, "victims_identified", ("sex", "unknown")));

        // P1 is 16 in C1 (C2 has no age: the first known value wins), P3 is 25.
        Assert.Equal(1m, Value(c, "victims_identified", ("age_group", "13-17")));
        Assert.Equal(1m, Value(c, "victims_identified", ("age_group", "25-44")));
        Assert.Equal(0m, Value(c, "victims_identified", ("age_group", "18-24")));
        Assert.Equal(0m, Value(c, "victims_identified", ("age_group", "unknown")));
        Assert.Equal(1m, Value(c, "victims_identified", ("age_broad", "9-17")));
        Assert.Equal(1m, Value(c, "victims_identified", ("age_broad", "24-26")));

        // Forms: P1 sexual (C1) and forced labour (C2): once in each; P3 has no purpose: unknown.
        Assert.Equal(1m, Value(c, "victims_identified", ("exploitation_form", "sexual_exploitation")));
        Assert.Equal(1m, Value(c, "victims_identified", ("exploitation_form", "forced_labour")));
        Assert.Equal(0m, Value(c, "victims_identified", ("exploitation_form", "other")));
        Assert.Equal(1m, Value(c, "victims_identified", ("exploitation_form", "unknown")));

        Assert.Equal(1m, Value(c, "victims_identified", ("citizenship", "ID")));
        Assert.Equal(1m, Value(c, "victims_identified", ("citizenship", "TL")));
        Assert.Equal(0m, Value(c, "victims_identified", ("citizenship", "unknown")));
        Assert.Equal(1m, Value(c, "victims_identified", ("destination_country", "MY")));
        Assert.Equal(1m, Value(c, "victims_identified", ("destination_country", "unknown")));

        // P1: C1 unknown, C2 non_procedural -> non_procedural; P3 unknown.
        Assert.Equal(1m, Value(c, "victims_identified", ("migrant_worker_status", "non_procedural")));
        Assert.Equal(1m, Value(c, "victims_identified", ("migrant_worker_status", "unknown")));
        Assert.Equal(0m, Value(c, "victims_identified", ("migrant_worker_status", "procedural")));

        Assert.Equal(1m, Value(c, "victims_identified", ("sex", "female"), ("age_group", "13-17"), ("exploitation_form", "sexual_exploitation")));
        Assert.Equal(1m, Value(c, "victims_identified", ("sex", "female"), ("age_group", "13-17"), ("exploitation_form", "forced_labour")));
        Assert.Equal(1m, Value(c, "victims_identified", ("sex", "male"), ("age_group", "25-44"), ("exploitation_form", "unknown")));
        Assert.Equal(0m, Value(c, "victims_identified", ("sex", "male"), ("age_group", "25-44"), ("exploitation_form", "sexual_exploitation")));

        // The full cross is listed: 3 sexes x 8 SIMFONI groups x 4 forms.
        Assert.Equal(96, c.Count(x => x.Id == "victims_identified" && x.Disaggregation.Count == 3));
    }

    [Fact]
    public void VictimsIdentified_CountsTheQ2RecordInQ2_GivenAReportAt0030WitaOnTheFirstOfApril()
    {
        var c = CaseIndicators.Compute(Input(), Ttu, ReportingPeriod.Parse("2025-Q2"), NoSuppression).Cells;

        Assert.Equal(1m, Value(c, "victims_identified"));
        Assert.Equal(1m, Value(c, "victims_identified", ("age_group", "18-24")));
    }

    [Fact]
    public void Sdg1622_DividesByTheDukcapil2025Population_GivenTwoVictimsInTtu()
    {
        var c = Q1Cells();

        // 2 / 276,032 x 100,000 = 0.72455... -> 0.72 (Dukcapil 2025 is the only 2025 figure for 53.03).
        var total = Cell(c, "sdg_16_2_2");
        Assert.Equal(0.72m, total.Value);
        Assert.Equal("per_100000", total.Unit);
        Assert.Equal(276_032, total.Population!.Value);
        Assert.Equal(2025, total.Population.Year);
        Assert.Equal("civil_registry", total.Population.Reference);
        Assert.Contains("Dukcapil", total.Population.Source, StringComparison.Ordinal);

        // female child sexual: 1 / 276,032 x 100,000 = 0.36227... -> 0.36.
        Assert.Equal(0.36m, Value(c, "sdg_16_2_2", ("sex", "female"), ("age_group", "child"), ("exploitation_form", "sexual_exploitation")));
        Assert.Equal(0.36m, Value(c, "sdg_16_2_2", ("sex", "male"), ("age_group", "adult"), ("exploitation_form", "unknown")));
        Assert.Equal(0m, Value(c, "sdg_16_2_2", ("sex", "male"), ("age_group", "child"), ("exploitation_form", "unknown")));
    }

    [Fact]
    public void Sdg1622_Gives221_GivenTheReferenceWorkedExampleOfSixVictimsIn2023()
    {
        // docs/sources.md#sdg-16-2-2: 6 victims in TTU in 2023 over BPS mid-2023 271,277 = 2.21 per 100,000.
        var facts = Enumerable.Range(1, 6).Select(i => Case($"S{i}", "police:Polres TTU", TaskForce.Domain.Cases.CaseType.Tppo, Wita(2023, 5, i, 9, 0)) with
        {
            PersonKey = $"{i:D32}", PersonKeyLinkable = true,
        });
        var c = CaseIndicators.Compute(IndicatorInput.From(facts, DistrictTime.DefaultZone), Ttu, ReportingPeriod.Parse("2023"), NoSuppression);

        var cell = Cell(c.Cells, "sdg_16_2_2");
        Assert.Equal(2.21m, cell.Value);
        Assert.Equal(271_277, cell.Population!.Value);
        Assert.Equal("mid_year_estimate", cell.Population.Reference);
        Assert.DoesNotContain(c.Warnings, w => w.StartsWith("sdg_16_2_2", StringComparison.Ordinal));
    }

    [Fact]
    public void Sdg1622_UsesThe2023FigureWithAWarning_Given2024()
    {
        var c = CaseIndicators.Compute(Input(), Ttu, ReportingPeriod.Parse("2024"), NoSuppression);

        // C0 (2024-11-01): 1 / 271,277 x 100,000 = 0.36863... -> 0.37.
        Assert.Equal(0.37m, Value(c.Cells, "sdg_16_2_2"));
        Assert.Equal(2023, Cell(c.Cells, "sdg_16_2_2").Population!.Year);
        Assert.Contains(c.Warnings, w => w.Contains("2023 figure", StringComparison.Ordinal));
    }

    [Fact]
    public void Sdg1622_IsNotListed_GivenAllRegionsWithoutAPopulation()
    {
        var c = CaseIndicators.Compute(Input(), RegionCode.All, Q1, NoSuppression);

        Assert.DoesNotContain(c.Cells, x => x.Id == "sdg_16_2_2");
        Assert.Contains(c.Warnings, w => w.StartsWith("sdg_16_2_2 is not computed", StringComparison.Ordinal));
    }

    [Fact]
    public void CasesReported_CountsByTypeAndKecamatan_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // Q1 consented: C1, C2, C4 (23:30 WITA 31 March), C6, C7 = 5. Not C3 (no consent), C5 (Q2), C0 (2024).
        Assert.Equal(5m, Value(c, "cases_reported"));
        Assert.Equal(4m, Value(c, "cases_reported", ("case_type", "tppo")));
        Assert.Equal(0m, Value(c, "cases_reported", ("case_type", "violence_against_women")));
        Assert.Equal(1m, Value(c, "cases_reported", ("case_type", "violence_against_children")));

        // Kecamatan: C1, C2 Kota Kefamenanu (53.03.05); C4 Insana (53.03.08); C7 Belu (outside TTU's list) -> other;
        // C6 none -> unknown. All 24 TTU kecamatan are listed, zero included.
        Assert.Equal(2m, Value(c, "cases_reported", ("kecamatan", "53.03.05")));
        Assert.Equal(1m, Value(c, "cases_reported", ("kecamatan", "53.03.08")));
        Assert.Equal(0m, Value(c, "cases_reported", ("kecamatan", "53.03.01")));
        Assert.Equal(1m, Value(c, "cases_reported", ("kecamatan", "other")));
        Assert.Equal(1m, Value(c, "cases_reported", ("kecamatan", "unknown")));
        Assert.Equal(24 + 2, c.Count(x => x.Id == "cases_reported" && x.Disaggregation.Count == 1 && x.Disaggregation[0].Key == "kecamatan"));
        Assert.Equal(2m, Value(c, "cases_reported", ("case_type", "tppo"), ("kecamatan", "53.03.05")));
        Assert.Equal(1m, Value(c, "cases_reported", ("case_type", "violence_against_children"), ("kecamatan", "unknown")));
    }

    [Fact]
    public void ReportingDelay_UsesHalfOpenBucketsAndUnknown_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // C6 2 days -> 0-3; C4 27 -> 31 March = 4 days -> 4-5; C1 1 -> 10 January = 9 days -> 6-14 (GBVIMS buckets);
        // C7 1 September 2024 -> 14 February 2025 = 166 days -> 91+; C2 no date of the act -> unknown (not 0-3).
        Assert.Equal(1m, Value(c, "reporting_delay", ("delay_days", "0-3")));
        Assert.Equal(1m, Value(c, "reporting_delay", ("delay_days", "4-5")));
        Assert.Equal(1m, Value(c, "reporting_delay", ("delay_days", "6-14")));
        Assert.Equal(0m, Value(c, "reporting_delay", ("delay_days", "15-30")));
        Assert.Equal(0m, Value(c, "reporting_delay", ("delay_days", "31-90")));
        Assert.Equal(1m, Value(c, "reporting_delay", ("delay_days", "91+")));
        Assert.Equal(1m, Value(c, "reporting_delay", ("delay_days", "unknown")));
    }

    [Theory]
    [InlineData(0, "0-3")]
    [InlineData(3, "0-3")]
    [InlineData(4, "4-5")]
    [InlineData(5, "4-5")]
    [InlineData(6, "6-14")]
    [InlineData(14, "6-14")]
    [InlineData(15, "15-30")]
    [InlineData(30, "15-30")]
    [InlineData(31, "31-90")]
    [InlineData(90, "31-90")]
    [InlineData(91, "91+")]
    [InlineData(-1, "unknown")]
    [InlineData(null, "unknown")]
    public void DelayBucket_PutsEachDayInExactlyOneBucket_GivenTheEdges(int? days, string bucket)
    {
        Assert.Equal(bucket, CaseIndicators.DelayBucket(days));
    }

    [Fact]
    public void JusticeFunnel_CountsTheCohortByStageAsOfThePeriodEnd_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // Cohort: 5 cases. LP: C1, C4, C7 = 3. SPDP: C1, C7 = 2. P-21: C1 (15 March), C7 = 2. Verdict: C7 only (C1's
        // verdict is on 20 April, after Q1) = 1. Inkracht, restitution ordered and paid: C7 = 1 each.
        Assert.Equal(5m, Value(c, "justice_funnel", ("stage", "reported")));
        Assert.Equal(3m, Value(c, "justice_funnel", ("stage", "laporan_polisi")));
        Assert.Equal(2m, Value(c, "justice_funnel", ("stage", "spdp")));
        Assert.Equal(2m, Value(c, "justice_funnel", ("stage", "p21")));
        Assert.Equal(1m, Value(c, "justice_funnel", ("stage", "putusan")));
        Assert.Equal(1m, Value(c, "justice_funnel", ("stage", "inkracht")));
        Assert.Equal(1m, Value(c, "justice_funnel", ("stage", "restitution_ordered")));
        Assert.Equal(1m, Value(c, "justice_funnel", ("stage", "restitution_paid")));
        Assert.Equal(4m, Value(c, "justice_funnel", ("case_type", "tppo"), ("stage", "reported")));
        Assert.Equal(1m, Value(c, "justice_funnel", ("case_type", "violence_against_children"), ("stage", "reported")));
        Assert.Equal(0m, Value(c, "justice_funnel", ("case_type", "violence_against_children"), ("stage", "laporan_polisi")));

        // Conversions: 3/5 = 60.0; 2/3 = 66.67 -> 66.7; 2/2 = 100; 1/2 = 50; then 100, 100, 100.
        Assert.Equal(60.0m, Value(c, "justice_conversion", ("from_stage", "reported"), ("to_stage", "laporan_polisi")));
        Assert.Equal(66.7m, Value(c, "justice_conversion", ("from_stage", "laporan_polisi"), ("to_stage", "spdp")));
        Assert.Equal(100m, Value(c, "justice_conversion", ("from_stage", "spdp"), ("to_stage", "p21")));
        Assert.Equal(50m, Value(c, "justice_conversion", ("from_stage", "p21"), ("to_stage", "putusan")));
        Assert.Equal(100m, Value(c, "justice_conversion", ("from_stage", "restitution_ordered"), ("to_stage", "restitution_paid")));
    }

    [Fact]
    public void FirstResponse_ClassifiesAtThePeriodEnd_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // End of Q1 = 1 April 00:00 WITA = 31 March 16:00Z. C1 responded before due: met. C2 after due: late. C6 due
        // 1 March, no response: late. C4 due 1 April 15:30Z, no response yet: pending. C7 no workflow: unknown.
        Assert.Equal(1m, Value(c, "first_response", ("status", "met")));
        Assert.Equal(2m, Value(c, "first_response", ("status", "late")));
        Assert.Equal(1m, Value(c, "first_response", ("status", "pending")));
        Assert.Equal(1m, Value(c, "first_response", ("status", "unknown")));
        Assert.Equal(33.3m, Value(c, "first_response_on_time")); // 1 / (1 + 2)
    }

    [Fact]
    public void StatutoryServices_TakesEachVictimsWorstStatus_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // P1: rehabilitasi_sosial met (16 <= 18 Jan) and pemulangan late (15 > 12 Feb) -> late; bantuan_hukum has no
        // limit. P3: rehabilitasi_kesehatan requested 31 March, due 6 April, open -> pending. P5 is a violence case and
        // P2 has no consent: not counted.
        Assert.Equal(2m, Value(c, "statutory_services_timeliness"));
        Assert.Equal(0m, Value(c, "statutory_services_timeliness", ("status", "met")));
        Assert.Equal(1m, Value(c, "statutory_services_timeliness", ("status", "late")));
        Assert.Equal(1m, Value(c, "statutory_services_timeliness", ("status", "pending")));
        Assert.Equal(0m, Value(c, "statutory_services_timeliness", ("status", "stopped")));
        Assert.Equal(0m, Value(c, "statutory_services_on_time")); // 0 / (0 + 1)
    }

    [Fact]
    public void ServicesDelivered_CountsPersonsByFunction_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // Delivered in Q1: P1 rehabilitasi_sosial, pemulangan, bantuan_hukum; P5 rehabilitasi_kesehatan. P2 has no consent.
        Assert.Equal(2m, Value(c, "services_delivered"));
        Assert.Equal(1m, Value(c, "services_delivered", ("service_type", "rehabilitasi_sosial")));
        Assert.Equal(1m, Value(c, "services_delivered", ("service_type", "pemulangan")));
        Assert.Equal(1m, Value(c, "services_delivered", ("service_type", "bantuan_hukum")));
        Assert.Equal(1m, Value(c, "services_delivered", ("service_type", "rehabilitasi_kesehatan")));
        Assert.Equal(0m, Value(c, "services_delivered", ("service_type", "mediasi")));
    }

    [Fact]
    public void Referrals_CountsFirstDecisionsAsOfThePeriodEnd_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // Sent in Q1: R1 accepted, R2 (accepted on 2 April: still in progress at the end of Q1), R3 rejected. R4 is on
        // a case without consent.
        Assert.Equal(3m, Value(c, "referrals"));
        Assert.Equal(1m, Value(c, "referrals", ("outcome", "accepted")));
        Assert.Equal(1m, Value(c, "referrals", ("outcome", "rejected")));
        Assert.Equal(0m, Value(c, "referrals", ("outcome", "revoked")));
        Assert.Equal(1m, Value(c, "referrals", ("outcome", "in_progress")));
        Assert.Equal(50m, Value(c, "referrals_accepted_rate"));
    }

    [Fact]
    public void CasesOpenPastDue_CountsCasesWithAnOverdueDeadlineAtThePeriodEnd_GivenTheHandMadeSet()
    {
        var c = Q1Cells();

        // C0 (reported 2024): service due 11 Nov 2024, closed 10 April 2025 -> open and overdue on 31 March.
        // C1: restitution payment due 14 March, open. C6: first response due 1 March 06:00Z, open. C2's service closed
        // on 15 Feb; C4's is not due until 6 April.
        Assert.Equal(3m, Value(c, "cases_open_past_due"));
        Assert.Equal(1m, Value(c, "cases_open_past_due", ("deadline", "service.service_due")));
        Assert.Equal(1m, Value(c, "cases_open_past_due", ("deadline", "restitution.restitution_payment_due")));
        Assert.Equal(1m, Value(c, "cases_open_past_due", ("deadline", "case_management.first_response")));
        Assert.Equal(0m, Value(c, "cases_open_past_due", ("deadline", "criminal_justice.p19_file_return")));
    }

    [Fact]
    public void Coverage_CountsReadUnconsentedAndDeduplicatedRecords_GivenTheHandMadeSet()
    {
        var r = CaseIndicators.Compute(Input(), Ttu, Q1, NoSuppression);

        // 8 records of 53.03; C3 without consent; 5 in Q1; victim rows in Q1: C1-P1, C2-P1, C4-P3, C6-P5 = 4;
        // persons P1, P3, P5 = 3; P1 in two agencies; P5's key is unlinkable.
        Assert.Equal(new CaseRecordCoverage(8, 1, 5, 4, 3, 1, 1), r.Coverage);
        Assert.Contains(new KeyValuePair<string, string>("age_grouping.victims_identified.age_group", "simfoni_ppa"), r.Rules);
        Assert.Contains(r.Warnings, w => w.Contains("SIMFONI-PPA groups", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_ThrowsNamingK_GivenKBelowOne()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CaseIndicators.Compute(Input(), Ttu, Q1, new CaseIndicatorOptions { SuppressionK = 0 }));
        Assert.Equal("k", ex.Field);
    }

    [Fact]
    public void Persons_MergesAttributesOverAgencies_GivenPersonOneInTwoRecords()
    {
        var persons = CaseIndicators.Persons(Input(), Ttu, Q1, traffickingOnly: true);

        Assert.Equal(2, persons.Count);
        var p1 = persons[0];
        Assert.Equal(16, p1.AgeAtOffence);
        Assert.Equal("ID", p1.Citizenship);
        Assert.Equal("MY", p1.Destination);
        Assert.Equal(TaskForce.Domain.Cases.MigrantWorkerStatus.NonProcedural, p1.MigrantWorkerStatus);
        Assert.True(p1.Purposes.Contains(TaskForce.Domain.Legal.ExploitationPurpose.SexualExploitation));
        Assert.True(p1.Purposes.Contains(TaskForce.Domain.Legal.ExploitationPurpose.ForcedLabour));
    }
}
