using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>
/// A fixed, formula-made set of 120 case records in TTU (53.03) reported in 2025, for approval snapshots, timers and
/// the tool: large enough that some cells pass k = 11 and others are withheld.
/// </summary>
public static class CaseDataSet
{
    public static readonly RegionCode Ttu = RegionCode.Parse("53.03");

    public static IReadOnlyList<VictimCaseFact> Facts()
    {
        var zone = DistrictTime.DefaultZone;
        var facts = new List<VictimCaseFact>();
        for (int i = 0; i < 120; i++)
        {
            var reportedOn = new LocalDate(2025, 1, 1).PlusDays(i * 3);
            var reportedAt = reportedOn.At(new LocalTime(10, 0)).InZoneStrictly(zone).ToInstant();
            LocalDate Day(int offset) => reportedOn.PlusDays(offset);
            ExploitationPurpose[] purposes = (i % 4) switch
            {
                0 => [ExploitationPurpose.SexualExploitation],
                1 => [ExploitationPurpose.ForcedLabour],
                2 => [ExploitationPurpose.ForcedLabour, ExploitationPurpose.Prostitution],
                _ => [],
            };
            bool lp = i % 2 == 0, spdp = i % 4 == 0, p21 = i % 8 == 0, verdict = i % 16 == 0, inkracht = i % 32 == 0;
            var type = i % 7 == 3 ? CaseType.ViolenceAgainstChildren : CaseType.Tppo;

            // Every tenth record is a second agency's record of the previous record's victim.
            int person = i % 10 == 9 ? i - 1 : i;
            facts.Add(new VictimCaseFact
            {
                CaseId = $"case-{i:D3}",
                Agency = i % 2 == 0 ? "police:Polres TTU" : "uptd_ppa:UPTD PPA TTU",
                CaseType = type,
                Trafficking = type == CaseType.Tppo,
                Region = Ttu,
                Kecamatan = i % 11 == 5 ? null : RegionCode.Parse($"53.03.{(i % 4) + 5:D2}"),
                ConsentToReporting = i % 17 != 16,
                ReportedAt = reportedAt,
                OffenceDate = i % 6 == 5 ? null : reportedOn.PlusDays(-(i % 100)),
                Destination = i % 2 == 0 ? CountryCode.Parse("MY", "d") : null,
                Purposes = PurposeSet.Of(purposes),
                SimfoniForms = SimfoniFormSet.Of(type == CaseType.Tppo ? [SimfoniViolenceForm.Trafficking] : [SimfoniViolenceForm.Sexual]),
                FirstResponse = new FirstResponseFact(reportedAt.Plus(Duration.FromHours(6)), i % 5 == 4 ? null : reportedAt.Plus(Duration.FromHours(i % 9))),
                Milestones = new JusticeMilestones(lp ? Day(2) : null, spdp ? Day(10) : null, p21 ? Day(40) : null, verdict ? Day(100) : null,
                    inkracht ? Day(130) : null, inkracht ? Day(100) : null, i % 64 == 0 ? Day(150) : null),
                Referrals = i % 5 == 0 ? [new ReferralFact($"ref-{i}", Day(1), i % 10 == 0 ? ReferralOutcome.Accepted : ReferralOutcome.Rejected, Day(3))] : [],
                Deadlines = [new DeadlineFact("service.service_due", Day(1), Day(7), null, i % 3 == 2 ? null : Day(1 + (i % 10)))],
                PersonKey = $"{person + 1:D32}",
                PersonKeyLinkable = i % 13 != 12,
                Sex = i % 3 == 0 ? Sex.Male : i % 23 == 22 ? Sex.Unknown : Sex.Female,
                AgeAtOffence = i % 19 == 18 ? null : 8 + ((person * 7) % 40),
                Citizenship = i % 13 == 0 ? CountryCode.Parse("TL", "c") : CountryCode.Indonesia,
                MigrantWorkerStatus = (MigrantWorkerStatus)(i % 4),
                Services = [new ServiceFact(ServiceType.RehabilitasiSosial, Day(1), Day(7), i % 3 == 2 ? null : Day(1 + (i % 10)), null)],
            });
        }

        return facts;
    }

    public static InMemoryCaseFactSource Source() => new(Facts(), DistrictTime.DefaultZone);

    /// <summary>The agencies' victim lists of the same records (issue 6): the consented trafficking records' victims,
    /// with a made-up 16-digit NIK per person (the tenth records share their previous record's person, so the police
    /// and UPTD PPA lists overlap by NIK), a name, sex, child/adult and the SDG form of the record's purposes.</summary>
    public static InMemoryVictimListSource VictimLists() => new(Facts()
        .Where(f => f.ConsentToReporting && f.Trafficking)
        .Select(f =>
        {
            int person = int.Parse(f.PersonKey!, System.Globalization.CultureInfo.InvariantCulture) - 1;
            var forms = ExploitationForms.Of(f.Purposes);
            var entry = new Domain.Estimation.Linkage.VictimListEntry
            {
                List = f.Agency.Replace(':', '/'),
                RecordId = f.CaseId + "/v1",
                Nik = $"5303050101{person:D6}",
                Name = $"Korban {person}",
                Kecamatan = f.Kecamatan?.Value,
                Sex = f.Sex,
                ChildStatus = f.AgeAtOffence is { } age ? (age < 18 ? ChildStatus.Child : ChildStatus.Adult) : ChildStatus.Unknown,
                Form = forms switch
                {
                    CaseExploitationForms.SexualExploitation => ExploitationForm.SexualExploitation,
                    CaseExploitationForms.ForcedLabour => ExploitationForm.LabourExploitation,
                    CaseExploitationForms.Other => ExploitationForm.Other,
                    _ => ExploitationForm.Unknown,
                },
                IdentifiedOn = DistrictTime.BusinessDate(f.ReportedAt, DistrictTime.DefaultZone),
            };
            return (f.Region, entry);
        }));

    /// <summary>The snapshot use case over the fixed set, with in-memory stores and no verdicts unless given.</summary>
    public static SnapshotUseCase UseCase(IClock clock, ICtdcRepository? ctdc = null, IVerdictRepository? verdicts = null) =>
        new(verdicts ?? new NoVerdicts(), new MemorySnapshots(), Source(), ctdc, VictimLists(), Application.Estimation.LinkageSecret.PerComputation, clock, DistrictTime.DefaultZone,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SnapshotUseCase>.Instance);

    private sealed class NoVerdicts : IVerdictRepository
    {
        public Task<IReadOnlyList<VerdictWriteOutcome>> AddNewAsync(IReadOnlyList<VerdictToStore> verdicts, IProgress<int>? progress, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<CourtVerdict> ListDecidedBetweenAsync(LocalDate firstDate, LocalDate lastDate, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    private sealed class MemorySnapshots : ISnapshotRepository
    {
        private readonly List<StoredSnapshot> _stored = [];

        public Task<(StoredSnapshot Snapshot, bool Created)> AddIfNewAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
        {
            var same = _stored.FirstOrDefault(s => s.Region == snapshot.Region && s.Period == snapshot.Period && s.ContentFingerprint == snapshot.ContentFingerprint);
            if (same is not null)
            {
                return Task.FromResult((same, false));
            }

            _stored.Add(snapshot);
            return Task.FromResult((snapshot, true));
        }

        public Task<StoredSnapshot?> GetLatestAsync(string region, string period, CancellationToken cancellationToken = default) =>
            Task.FromResult(_stored.LastOrDefault(s => s.Region == region && s.Period == period));

        public Task<IReadOnlyList<StoredSnapshot>> ListAsync(string region, string period, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoredSnapshot>>([.. _stored.Where(s => s.Region == region && s.Period == period)]);
    }
}
