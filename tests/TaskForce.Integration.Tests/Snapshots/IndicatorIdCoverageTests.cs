using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Snapshots;

/// <summary>Every indicator id a snapshot emits is defined in the catalogue: a snapshot over verdicts, the fixed case
/// data set, a CTDC data set and the agencies' victim lists (hidden victims), read from its cells and its CSV rows.</summary>
public sealed class IndicatorIdCoverageTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 2, 1, 0);

    [Fact]
    public async Task Snapshot_EmitsOnlyCatalogueIds_GivenVerdictsCaseRecordsCtdcAndVictimLists()
    {
        var snapshot = await CaseDataSet.UseCase(new FakeClock(Now), new OneCtdcDataset(), new Verdicts())
            .ComputeAsync(CaseDataSet.Ttu, ReportingPeriod.Parse("2025"), null);
        var emitted = snapshot.Indicators.Select(c => c.Id)
            .Concat(SnapshotFiles.HiddenVictimRows(snapshot.HiddenVictims!).Select(r => r.Cell.Id))
            .ToHashSet(StringComparer.Ordinal);
        var catalogue = IndicatorCatalogue.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(emitted.Except(catalogue));
        // The input is rich enough that every family appears, so the check above covers every calculator.
        Assert.Empty(catalogue.Except(emitted));
    }

    private sealed class Verdicts : IVerdictRepository
    {
        public Task<IReadOnlyList<VerdictWriteOutcome>> AddNewAsync(IReadOnlyList<VerdictToStore> verdicts, IProgress<int>? progress, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<CourtVerdict> ListDecidedBetweenAsync(LocalDate firstDate, LocalDate lastDate, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield return CourtVerdict.Create(new CourtVerdictFacts
            {
                CaseNumber = "1/Pid.Sus/2025/PN Kfm", Region = CaseDataSet.Ttu, DecisionDate = new LocalDate(2025, 4, 11),
                ArrestDate = new LocalDate(2025, 1, 1), ArticlesHeldProven = ["UU21/2007 Pasal 2 ayat (1) jo Pasal 17"],
                Participation = Participation.Perpetrator, Victims = [new(Sex.Female, 16, null)], VictimsCount = 1,
                ExploitationDescription = "sexual exploitation in a karaoke bar", DestinationCountry = "MY",
                SentencePrisonMonths = 48, RestitutionIdr = 10_000_000,
            });
        }
    }

    private sealed class OneCtdcDataset : ICtdcRepository
    {
        public Task<bool> AddIfNewAsync(CtdcDataset dataset, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CtdcDataset?> GetLatestAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<CtdcDataset?>(new CtdcDataset(new string('a', 64), "ctdc.csv", 3, Now,
            [
                new CtdcCount(2025, CtdcGender.Woman, "18-29", "ID", "MY", CaseExploitationForms.SexualExploitation, 2),
                new CtdcCount(2024, CtdcGender.Man, "30-38", "PH", "MY", CaseExploitationForms.ForcedLabour, 1),
            ]));
    }
}
