using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Import;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Integration.Tests.Snapshots;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Import.VerdictCorrectionLines;

namespace TaskForce.Integration.Tests.Import;

/// <summary>Corrections of imported verdicts on Azurite (ADR-015): the repository's revisions and the import use
/// case's correction lines.</summary>
[Collection(StorageGroup.Name)]
public sealed class VerdictCorrectionTests(AzuriteFixture storage)
{
    private const string Number = "27/Pid.Sus/2019/PN Kpg";
    private static readonly Instant ImportedAt = Instant.FromUtc(2026, 11, 29, 4, 0);
    private static readonly Instant CorrectedAt = Instant.FromUtc(2026, 12, 1, 2, 30);

    [Fact]
    public async Task CorrectAsync_MakesRevision2CurrentAndKeepsRevision1Readable_GivenAStoredVerdict()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableVerdictRepository(tables);
        await ImportAsync(tables, ImportedAt, Line(Number));

        var result = await repo.CorrectAsync(Fix(Parse(With(Line(Number), ("sentence_prison_months", 72))), "Sentence misread: 6 years.", CorrectedAt));

        Assert.Equal(new VerdictCorrectionResult(VerdictCorrectionOutcome.Revised, 2), result);
        var history = await repo.GetHistoryAsync("27/PID.SUS/2019/PN  KPG");
        Assert.NotNull(history);
        Assert.Equal([1, 2], history.Select(r => r.Number));
        Assert.Equal([false, true], history.Select(r => r.Current));
        Assert.Equal(60, history[0].Verdict.Facts.SentencePrisonMonths);
        Assert.Equal(72, history[1].Verdict.Facts.SentencePrisonMonths);
        Assert.Null(history[0].Reason);
        Assert.Equal("Sentence misread: 6 years.", history[1].Reason);
        Assert.Equal(ImportedAt, history[0].RecordedAt);
        Assert.Equal(CorrectedAt, history[1].RecordedAt);
        Assert.Equal(8, history[0].Verdict.Facts.DetentionPeriods.Count); // children of both revisions stay readable
        Assert.Equal(8, history[1].Verdict.Facts.DetentionPeriods.Count);

        var listed = await ListAsync(repo);
        Assert.Equal(72, Assert.Single(listed).Facts.SentencePrisonMonths);
    }

    [Fact]
    public async Task CorrectAsync_MovesTheVerdictToTheOtherYear_GivenADecisionYearChange()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableVerdictRepository(tables);
        await ImportAsync(tables, ImportedAt, Line(Number));

        var result = await repo.CorrectAsync(Fix(Parse(YearMoved()), "Decision year misread.", CorrectedAt));

        Assert.Equal(VerdictCorrectionOutcome.Revised, result.Outcome);
        Assert.Empty(await ListAsync(repo, 2019, 2019));
        Assert.Equal(new LocalDate(2025, 5, 22), Assert.Single(await ListAsync(repo, 2025, 2025)).Facts.DecisionDate);
        var rows = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        Assert.Contains(rows, r => r.StartsWith("y2019/v|27_2FPID.SUS_2F2019_2FPN_20KPG/", StringComparison.Ordinal) && r.Contains("Kind=verdict;", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("y2025/v|27_2FPID.SUS_2F2019_2FPN_20KPG|rev|0002|", StringComparison.Ordinal) && r.Contains("Kind=revision;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListDecidedBetweenAsync_CountsTheVerdictOnce_GivenTheRevisionWrittenButTheIndexNotYetSwitched()
    {
        // The state a reader sees between the two steps of a correction (or after a crash between them): the new
        // revision's rows are in y2025 while the index still names revision 1 in y2019.
        var tables = await storage.NewTablesAsync();
        var repo = new TableVerdictRepository(tables);
        await ImportAsync(tables, ImportedAt, Line(Number));
        var indexBefore = (await tables.Verdicts.GetEntityAsync<TableEntity>(TableKeys.VerdictIndexPartition, TableKeys.VerdictRow(Number))).Value;
        await repo.CorrectAsync(Fix(Parse(YearMoved()), "Decision year misread.", CorrectedAt));
        await tables.Verdicts.UpsertEntityAsync(indexBefore, TableUpdateMode.Replace);

        var all = await ListAsync(repo, 2018, 2026);

        Assert.Equal(new LocalDate(2019, 5, 22), Assert.Single(all).Facts.DecisionDate);
        Assert.Single(await ListAsync(repo, 2019, 2019));
        Assert.Empty(await ListAsync(repo, 2025, 2025));
    }

    [Fact]
    public async Task CorrectAsync_WritesNothing_GivenTheCurrentFactsOrAnUnknownCaseNumber()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableVerdictRepository(tables);
        await ImportAsync(tables, ImportedAt, Line(Number));
        var before = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);

        var same = await repo.CorrectAsync(Fix(Parse(Line(Number)), "No change really.", CorrectedAt));
        var unknown = await repo.CorrectAsync(Fix(Parse(With(Line(Number), ("case_number", "99/Pid.Sus/2019/PN Kpg"))), "Not stored.", CorrectedAt));

        Assert.Equal(new VerdictCorrectionResult(VerdictCorrectionOutcome.Duplicate, 1), same);
        Assert.Equal(new VerdictCorrectionResult(VerdictCorrectionOutcome.NotStored, 0), unknown);
        Assert.Equal(before, await ImportSnapshotRoundTripTests.AllRowsAsync(tables));
        Assert.Null(await repo.GetHistoryAsync("99/Pid.Sus/2019/PN Kpg"));
    }

    [Fact]
    public async Task CorrectAsync_LetsExactlyOneOfConcurrentCorrectionsWinEachRevision_Given8Writers()
    {
        var tables = await storage.NewTablesAsync();
        await ImportAsync(tables, ImportedAt, Line(Number));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => new TableVerdictRepository(tables).CorrectAsync(
            Fix(Parse(With(Line(Number), ("sentence_prison_months", 61 + i))), $"writer {i}", CorrectedAt))));

        var repo = new TableVerdictRepository(tables);
        var history = (await repo.GetHistoryAsync(Number))!;
        int won = results.Count(r => r.Outcome == VerdictCorrectionOutcome.Revised);
        Assert.Equal(8, won + results.Count(r => r.Outcome == VerdictCorrectionOutcome.Conflict));
        Assert.InRange(won, 1, 8);
        Assert.Equal(Enumerable.Range(1, won + 1), history.Select(r => r.Number));
        Assert.Equal(won + 1, Assert.Single(history, r => r.Current).Number);
        Assert.Equal(history[^1].Verdict.Facts.SentencePrisonMonths, Assert.Single(await ListAsync(repo)).Facts.SentencePrisonMonths);
    }

    [Fact]
    public async Task ImportPutusanAsync_StoresTheCorrectionAsARevision_AndAddsNothingOnReImport()
    {
        var tables = await storage.NewTablesAsync();
        await ImportAsync(tables, ImportedAt, Line(Number));
        string correction = Correction(Line(Number), "Sentence misread: 6 years.", ("sentence_prison_months", 72));

        var first = await ImportAsync(tables, CorrectedAt, correction);
        var rows = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        var again = await ImportAsync(tables, CorrectedAt.Plus(Duration.FromDays(1)), correction);
        var original = await ImportAsync(tables, CorrectedAt.Plus(Duration.FromDays(1)), Line(Number));

        Assert.Equal((1, 0, 0, 0), (first.Corrected, first.Imported, first.Duplicates, first.Rejected));
        Assert.Equal((0, 0, 1, 0), (again.Corrected, again.Imported, again.Duplicates, again.Rejected));
        Assert.Equal((0, 0, 1, 0), (original.Corrected, original.Imported, original.Duplicates, original.Rejected)); // the correction stands
        Assert.Equal(rows, await ImportSnapshotRoundTripTests.AllRowsAsync(tables));
        var history = (await new TableVerdictRepository(tables).GetHistoryAsync(Number))!;
        Assert.Equal(2, history.Count);
        Assert.Equal(CorrectedAt, history[1].RecordedAt);
    }

    [Fact]
    public async Task ImportPutusanAsync_StoresTheRecordThenItsCorrection_GivenBothInOneFile()
    {
        var tables = await storage.NewTablesAsync();
        string correction = Correction(Line(Number), "Sentence misread.", ("sentence_prison_months", 72));

        var report = await ImportAsync(tables, ImportedAt, correction, Line(Number));

        Assert.Equal((2, 1, 1, 0), (report.Read, report.Imported, report.Corrected, report.Rejected));
        var history = (await new TableVerdictRepository(tables).GetHistoryAsync(Number))!;
        Assert.Equal([60, 72], history.Select(r => r.Verdict.Facts.SentencePrisonMonths));
    }

    [Fact]
    public async Task ImportPutusanAsync_RejectsByLine_GivenACorrectionOfANonStoredCaseOrAnOrdinaryLineWithOtherFacts()
    {
        var tables = await storage.NewTablesAsync();
        await ImportAsync(tables, ImportedAt, Line(Number));
        var before = await ImportSnapshotRoundTripTests.AllRowsAsync(tables);
        string other = Line("4/Pid.Sus/2025/PN Kpg");

        var report = await ImportAsync(tables, CorrectedAt,
            With(Line(Number), ("sentence_prison_months", 72)),
            Correction(other, "Not stored yet."));

        Assert.Equal((2, 0, 0, 2), (report.Read, report.Imported, report.Corrected, report.Rejected));
        Assert.Equal([1, 2], report.Errors.Select(e => e.Line));
        Assert.StartsWith("case_number '27/Pid.Sus/2019/PN Kpg' is already stored with different facts", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"corrects\": \"27/Pid.Sus/2019/PN Kpg\"", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"correction_reason\"", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("corrects: no verdict with case_number '4/Pid.Sus/2025/PN Kpg' is stored", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(before, await ImportSnapshotRoundTripTests.AllRowsAsync(tables));
    }

    internal static string YearMoved() =>
        With(Line(Number), ("decision_date", "2025-05-22"), ("deliberation_date", "2025-05-20"));

    private static CourtVerdict Parse(string line) => PutusanRecordParser.Parse(line, null);

    private static VerdictCorrection Fix(CourtVerdict verdict, string reason, Instant at) =>
        new(verdict, TaskForceJson.Fingerprint(verdict.Facts with { CaseNumber = verdict.CaseNumberIdentity }), reason, at, 1);

    private static async Task<List<CourtVerdict>> ListAsync(TableVerdictRepository repo, int firstYear = 2018, int lastYear = 2026)
    {
        var list = new List<CourtVerdict>();
        await foreach (var v in repo.ListDecidedBetweenAsync(new LocalDate(firstYear, 1, 1), new LocalDate(lastYear, 12, 31)))
        {
            list.Add(v);
        }

        return list;
    }

    internal static async Task<ImportReport> ImportAsync(TaskForceTables tables, Instant now, params string[] lines)
    {
        var useCase = new ImportVerdictsUseCase(new TableVerdictRepository(tables), new FakeClock(now), DistrictTime.DefaultZone, NullLogger<ImportVerdictsUseCase>.Instance);
        using var reader = new StringReader(string.Join('\n', lines));
        return await useCase.ImportPutusanAsync(reader, "corrections.jsonl", null, null);
    }
}
