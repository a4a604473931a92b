using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Indicators;

/// <summary>
/// The hand-made case records of the indicator tests (period 2025-Q1, region 53.03, WITA = UTC+8). Every expected
/// value in the tests is worked out by hand from this list.
/// </summary>
/// <remarks>
/// Persons: P1 in C1 (police) and C2 (UPTD PPA): one person in two agencies. P2 only in C3, which has no reporting
/// consent. P3 in C4, reported at 23:30 WITA on 31 March (Q1) with a 4-day reporting delay. P4 in C5, reported at
/// 00:30 WITA on 1 April (Q2). P5 in C6, a violence-against-children case (not trafficking), with an unlinkable key.
/// C7 is a tppo case with no victim recorded yet. C0 was reported in 2024 and has a deadline still open in Q1.
/// </remarks>
internal static class CaseFactFixture
{
    public const string P1 = "11111111111111111111111111111111";
    public const string P2 = "22222222222222222222222222222222";
    public const string P3 = "33333333333333333333333333333333";
    public const string P4 = "44444444444444444444444444444444";
    public const string P5 = "55555555555555555555555555555555";

    public static readonly RegionCode Ttu = RegionCode.Parse("53.03");
    public static readonly ReportingPeriod Q1 = ReportingPeriod.Parse("2025-Q1");

    public static Instant Wita(int y, int m, int d, int h, int min) => Instant.FromUtc(y, m, d, h, min).Minus(Duration.FromHours(8));

    public static LocalDate D(int y, int m, int d) => new(y, m, d);

    public static VictimCaseFact Case(string id, string agency, CaseType type, Instant reportedAt, string? kecamatan = null, bool consent = true) => new()
    {
        CaseId = id,
        Agency = agency,
        CaseType = type,
        Trafficking = type == CaseType.Tppo,
        Region = Ttu,
        Kecamatan = kecamatan is null ? null : RegionCode.Parse(kecamatan),
        ConsentToReporting = consent,
        ReportedAt = reportedAt,
    };

    public static VictimCaseFact[] Facts()
    {
        var c0 = Case("C0", "uptd_ppa:UPTD PPA TTU", CaseType.Tppo, Wita(2024, 11, 1, 9, 0)) with
        {
            PersonKey = "66666666666666666666666666666666", PersonKeyLinkable = true, Sex = Sex.Female, AgeAtOffence = 30,
            Deadlines = [new DeadlineFact("service.service_due", D(2024, 11, 5), D(2024, 11, 11), null, D(2025, 4, 10))],
        };

        var c1 = Case("C1", "police:Polres TTU", CaseType.Tppo, Wita(2025, 1, 10, 10, 0), "53.03.05") with
        {
            OffenceDate = D(2025, 1, 1),
            Destination = CountryCode.Parse("MY", "d"),
            Purposes = PurposeSet.Of([ExploitationPurpose.SexualExploitation]),
            FirstResponse = new FirstResponseFact(Instant.FromUtc(2025, 1, 10, 8, 0), Instant.FromUtc(2025, 1, 10, 5, 0)),
            Milestones = new JusticeMilestones(D(2025, 1, 11), D(2025, 1, 20), D(2025, 3, 15), D(2025, 4, 20), null, null, null),
            Referrals = [new ReferralFact("R1", D(2025, 1, 12), ReferralOutcome.Accepted, D(2025, 1, 13)), new ReferralFact("R2", D(2025, 3, 30), ReferralOutcome.Accepted, D(2025, 4, 2))],
            Deadlines = [new DeadlineFact("restitution.restitution_payment_due", D(2025, 3, 1), D(2025, 3, 14), null, null)],
            PersonKey = P1, PersonKeyLinkable = true, Sex = Sex.Female, AgeAtOffence = 16, Citizenship = CountryCode.Indonesia,
            Services = [new ServiceFact(ServiceType.RehabilitasiSosial, D(2025, 1, 12), D(2025, 1, 18), D(2025, 1, 16), null)],
        };

        var c2 = Case("C2", "uptd_ppa:UPTD PPA TTU", CaseType.Tppo, Wita(2025, 2, 5, 9, 0), "53.03.05") with
        {
            Purposes = PurposeSet.Of([ExploitationPurpose.ForcedLabour]),
            FirstResponse = new FirstResponseFact(Instant.FromUtc(2025, 2, 5, 10, 0), Instant.FromUtc(2025, 2, 6, 1, 0)),
            Referrals = [new ReferralFact("R3", D(2025, 2, 6), ReferralOutcome.Rejected, D(2025, 2, 8))],
            Deadlines = [new DeadlineFact("service.service_due", D(2025, 2, 6), D(2025, 2, 12), null, D(2025, 2, 15))],
            PersonKey = P1, PersonKeyLinkable = true, Sex = Sex.Female, AgeAtOffence = null, MigrantWorkerStatus = MigrantWorkerStatus.NonProcedural,
            Services =
            [
                new ServiceFact(ServiceType.Pemulangan, D(2025, 2, 6), D(2025, 2, 12), D(2025, 2, 15), null),
                new ServiceFact(ServiceType.BantuanHukum, D(2025, 2, 6), null, D(2025, 2, 7), null),
            ],
        };

        var c3 = Case("C3", "uptd_ppa:UPTD PPA TTU", CaseType.Tppo, Wita(2025, 2, 10, 9, 0), "53.03.01", consent: false) with
        {
            Referrals = [new ReferralFact("R4", D(2025, 2, 11), ReferralOutcome.Accepted, D(2025, 2, 12))],
            PersonKey = P2, PersonKeyLinkable = true, Sex = Sex.Male, AgeAtOffence = 30,
            Services = [new ServiceFact(ServiceType.RehabilitasiKesehatan, D(2025, 2, 11), D(2025, 2, 17), D(2025, 2, 12), null)],
        };

        var c4 = Case("C4", "police:Polres TTU", CaseType.Tppo, Wita(2025, 3, 31, 23, 30), "53.03.08") with
        {
            OffenceDate = D(2025, 3, 27),
            FirstResponse = new FirstResponseFact(Instant.FromUtc(2025, 4, 1, 15, 30), null),
            Milestones = new JusticeMilestones(D(2025, 3, 31), null, null, null, null, null, null),
            Deadlines = [new DeadlineFact("service.service_due", D(2025, 3, 31), D(2025, 4, 6), null, null)],
            PersonKey = P3, PersonKeyLinkable = true, Sex = Sex.Male, AgeAtOffence = 25, Citizenship = CountryCode.Parse("TL", "c"),
            Services = [new ServiceFact(ServiceType.RehabilitasiKesehatan, D(2025, 3, 31), D(2025, 4, 6), null, null)],
        };

        var c5 = Case("C5", "police:Polres TTU", CaseType.Tppo, Wita(2025, 4, 1, 0, 30), "53.03.08") with
        {
            PersonKey = P4, PersonKeyLinkable = true, Sex = Sex.Female, AgeAtOffence = 19,
        };

        var c6 = Case("C6", "uptd_ppa:UPTD PPA TTU", CaseType.ViolenceAgainstChildren, Wita(2025, 3, 1, 8, 0)) with
        {
            OffenceDate = D(2025, 2, 27),
            FirstResponse = new FirstResponseFact(Instant.FromUtc(2025, 3, 1, 6, 0), null),
            Deadlines = [new DeadlineFact("case_management.first_response", D(2025, 3, 1), D(2025, 3, 1), Instant.FromUtc(2025, 3, 1, 6, 0), null)],
            PersonKey = P5, PersonKeyLinkable = false, Sex = Sex.Female, AgeAtOffence = 10,
            Services = [new ServiceFact(ServiceType.RehabilitasiKesehatan, D(2025, 3, 2), D(2025, 3, 8), D(2025, 3, 5), null)],
        };

        var c7 = Case("C7", "police:Polres TTU", CaseType.Tppo, Wita(2025, 2, 14, 11, 0), "53.04.01") with
        {
            OffenceDate = D(2024, 9, 1),
            Milestones = new JusticeMilestones(D(2025, 2, 15), D(2025, 2, 20), D(2025, 3, 1), D(2025, 3, 20), D(2025, 3, 28), D(2025, 3, 20), D(2025, 3, 30)),
        };

        return [c0, c1, c2, c3, c4, c5, c6, c7];
    }

    public static IndicatorInput Input() => IndicatorInput.From(Facts(), DistrictTime.DefaultZone);

    /// <summary>Reads one cell's value; throws when the cell is not listed.</summary>
    public static decimal? Value(IReadOnlyList<IndicatorValue> cells, string id, params (string Key, string Value)[] dims) => Cell(cells, id, dims).Value;

    public static IndicatorValue Cell(IReadOnlyList<IndicatorValue> cells, string id, params (string Key, string Value)[] dims)
    {
        var matches = cells.Where(c => c.Id == id && c.Disaggregation.Count == dims.Length
            && c.Disaggregation.Zip(dims).All(p => p.First.Key == p.Second.Key && p.First.Value == p.Second.Value)).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"{matches.Count} cells {id} {string.Join(",", dims)}");
    }

    public static bool Has(IReadOnlyList<IndicatorValue> cells, string id, params (string Key, string Value)[] dims) =>
        cells.Any(c => c.Id == id && c.Disaggregation.Count == dims.Length
            && c.Disaggregation.Zip(dims).All(p => p.First.Key == p.Second.Key && p.First.Value == p.Second.Value));
}
