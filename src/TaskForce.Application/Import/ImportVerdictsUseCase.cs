using Microsoft.Extensions.Logging;
using TaskForce.Application.Ports;
using TaskForce.Application.Resources;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Application.Import;

/// <summary>
/// Imports court-outcome records (format <c>putusan</c>, one JSON object a line) into storage: the one code path
/// used by the tool and the functions.
/// </summary>
/// <remarks>
/// Each good line becomes a verdict with its victims and detention periods; bad lines are reported with their line
/// number and reason while the rest are kept. Keys are derived from the case number's identity
/// (<see cref="CourtVerdict.CaseNumberIdentityOf"/>: letter case and spacing do not count), so importing the same
/// file twice, or the same verdict with its number retyped, stores nothing new (<see cref="ImportReport.Duplicates"/>). A case number already stored with different facts is
/// rejected, never overwritten, unless the line is a correction (<c>corrects</c> and <c>correction_reason</c>):
/// then the corrected facts are stored as the verdict's next revision, the earlier ones stay readable
/// (<see cref="ImportReport.Corrected"/>, docs/decisions/ADR-015-verdict-revisions.md). Corrections are applied after
/// the file's ordinary lines, in line order, so a file holding a record and its correction stores both. Logs carry
/// counts and case numbers (public), never victim data or reasons.
/// </remarks>
/// <param name="verdicts">The verdict store.</param>
/// <param name="revisions">The store of corrections, or <see langword="null"/> when corrections are not supported
/// (every correction line is then rejected).</param>
/// <param name="clock">The clock: a decision date after today (in <paramref name="zone"/>) rejects the line.</param>
/// <param name="zone">The district time zone (<c>Asia/Makassar</c> by default, <see cref="DistrictTime.DefaultZone"/>).</param>
/// <param name="logger">The logger.</param>
public sealed class ImportVerdictsUseCase(IVerdictRepository verdicts, IVerdictRevisions? revisions, NodaTime.IClock clock, NodaTime.DateTimeZone zone, ILogger<ImportVerdictsUseCase> logger)
{
    /// <summary>Creates the use case with corrections stored by <paramref name="verdicts"/> when it also implements
    /// <see cref="IVerdictRevisions"/> (the Table Storage repository does).</summary>
    /// <param name="verdicts">The verdict store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The district time zone.</param>
    /// <param name="logger">The logger.</param>
    public ImportVerdictsUseCase(IVerdictRepository verdicts, NodaTime.IClock clock, NodaTime.DateTimeZone zone, ILogger<ImportVerdictsUseCase> logger)
        : this(verdicts, verdicts as IVerdictRevisions, clock, zone, logger)
    {
    }

    /// <summary>The most rejected lines listed in <see cref="ImportReport.Errors"/> (all are counted).</summary>
    public const int MaxReportedErrors = 100;

    /// <summary>The largest input line accepted, in characters.</summary>
    public const int MaxLineLength = 1_000_000;

    private const int WriteChunk = 500;

    /// <summary>Imports every line of a reader.</summary>
    /// <param name="reader">The input text. Cannot be <see langword="null"/>.</param>
    /// <param name="fileName">The file name to put in the report.</param>
    /// <param name="region">The region to attribute every record to, or <see langword="null"/>.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import; what was written stays written and a re-run completes it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DomainValidationException">The input holds no record at all (an empty file).</exception>
    public Task<ImportReport> ImportPutusanAsync(
        TextReader reader,
        string fileName,
        RegionCode? region,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ImportLinesAsync(Utf8Lines.ReadAsync(reader, cancellationToken), fileName, region, progress, cancellationToken);
    }

    /// <summary>Imports every line of a file's bytes, decoded strictly line by line (<see cref="Utf8Lines"/>): a line
    /// that is not UTF-8 is rejected with its number and the others are read.</summary>
    /// <param name="stream">The file's bytes. Cannot be <see langword="null"/>.</param>
    /// <param name="fileName">The file name to put in the report.</param>
    /// <param name="region">The region to attribute every record to, or <see langword="null"/>.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import; what was written stays written and a re-run completes it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DomainValidationException">The input holds no record at all (an empty file).</exception>
    public Task<ImportReport> ImportPutusanAsync(
        Stream stream,
        string fileName,
        RegionCode? region,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ImportLinesAsync(Utf8Lines.ReadAsync(stream, MaxLineLength * 4, cancellationToken), fileName, region, progress, cancellationToken);
    }

    private async Task<ImportReport> ImportLinesAsync(
        IAsyncEnumerable<InputLine> lines,
        string fileName,
        RegionCode? region,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var warnings = new List<ImportWarning>();
        var pending = new List<VerdictToStore>();
        var seenInFile = new Dictionary<string, VerdictToStore>(StringComparer.Ordinal);
        var corrections = new Dictionary<string, VerdictCorrection>(StringComparer.Ordinal);
        int read = 0, imported = 0, duplicates = 0, rejected = 0, corrected = 0;
        var today = DistrictTime.Today(clock, zone);
        var now = clock.GetCurrentInstant();

        void Reject(int line, string message, string kind = InputProblems.Conflict, string field = "case_number")
        {
            rejected++;
            errors.Add(new ImportError(line, field == "case_number" ? message : $"{field}: {message}") { Field = field, Kind = kind });
        }

        void Refuse(int line, DomainValidationException error)
        {
            rejected++;
            errors.Add(ImportError.Of(line, error));
        }

        async Task FlushAsync()
        {
            if (pending.Count == 0)
            {
                return;
            }

            int before = imported + duplicates;
            var outcomes = await verdicts.AddNewAsync(pending, new Progress<int>(n => progress?.Report(new ImportProgress("writing", before + n, null))), cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < pending.Count; i++)
            {
                switch (outcomes[i])
                {
                    case VerdictWriteOutcome.Added:
                        imported++;
                        break;
                    case VerdictWriteOutcome.Duplicate:
                        duplicates++;
                        break;
                    default:
                        string number = pending[i].Verdict.CaseNumber;
                        Reject(pending[i].Line, Texts.Format(ImportText.VerdictStoredOtherFacts, number));
                        break;
                }
            }

            pending.Clear();
        }

        await foreach (var input in lines.ConfigureAwait(false))
        {
            int lineNo = input.Number;
            if (input.Error is { } unreadable)
            {
                read++;
                Refuse(lineNo, unreadable);
                continue;
            }

            string line = input.Text!;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            read++;
            if (line.Length > MaxLineLength)
            {
                Refuse(lineNo, InputProblems.Create("line", Texts.Format(ImportText.LineTooLong, MaxLineLength), InputProblems.InvalidValue));
                continue;
            }

            PutusanLine parsed;
            try
            {
                parsed = PutusanRecordParser.ParseLine(line, region, today);
            }
            catch (DomainValidationException ex)
            {
                Refuse(lineNo, ex);
                continue;
            }

            // The identity of the case number, not its spelling, decides "same verdict": the fingerprint covers the
            // facts with the case number in its identity form, so a retyped number with the same facts is a duplicate.
            var verdict = parsed.Verdict;
            string fingerprint = FingerprintOf(verdict);
            if (parsed.CorrectionReason is { } reason)
            {
                AddCorrection(new VerdictCorrection(verdict, fingerprint, reason, now, lineNo));
                continue;
            }

            var item = new VerdictToStore(verdict, fingerprint, lineNo) { RecordedAt = now };
            if (seenInFile.TryGetValue(verdict.CaseNumberIdentity, out var earlier))
            {
                if (earlier.Fingerprint == item.Fingerprint)
                {
                    duplicates++;
                }
                else
                {
                    Reject(lineNo, Texts.Format(ImportText.VerdictAgainInFile, verdict.CaseNumber, lineNo, earlier.Line));
                }

                continue;
            }

            seenInFile.Add(verdict.CaseNumberIdentity, item);
            if (verdict.Issues.Count > 0)
            {
                warnings.Add(new ImportWarning(lineNo, verdict.CaseNumber, verdict.Issues.Select(i => i.Code).Distinct().ToList()));
            }

            pending.Add(item);
            progress?.Report(new ImportProgress("reading", read, null));
            if (pending.Count >= WriteChunk)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        if (read == 0)
        {
            throw new DomainValidationException("file", Texts.Format(ImportText.FileHoldsNoRecords, fileName));
        }

        await FlushAsync().ConfigureAwait(false);
        foreach (var correction in corrections.Values.OrderBy(c => c.Line))
        {
            await ApplyAsync(correction).ConfigureAwait(false);
        }

        var allErrors = errors.OrderBy(e => e.Line).ToList();
        var firstErrors = allErrors.Take(MaxReportedErrors).ToList();
        LogImported(logger, fileName, read, imported, duplicates, rejected, null);
        if (corrected > 0)
        {
            LogCorrected(logger, fileName, corrected, null);
        }

        return new ImportReport("putusan", fileName, read, imported, duplicates, rejected, firstErrors, warnings) { Corrected = corrected, AllErrors = allErrors };

        void AddCorrection(VerdictCorrection correction)
        {
            string key = correction.Verdict.CaseNumberIdentity;
            if (!corrections.TryGetValue(key, out var earlier))
            {
                corrections.Add(key, correction);
                if (correction.Verdict.Issues.Count > 0)
                {
                    warnings.Add(new ImportWarning(correction.Line, correction.Verdict.CaseNumber, correction.Verdict.Issues.Select(i => i.Code).Distinct().ToList()));
                }
            }
            else if (earlier.Fingerprint == correction.Fingerprint && earlier.Reason == correction.Reason)
            {
                duplicates++;
            }
            else
            {
                Reject(correction.Line, Texts.Format(ImportText.CorrectionAgainInFile, correction.Verdict.CaseNumber, correction.Line, earlier.Line), field: "corrects");
            }
        }

        async Task ApplyAsync(VerdictCorrection correction)
        {
            if (revisions is null)
            {
                Reject(correction.Line, ImportText.CorrectionNotSupported, InputProblems.InvalidValue, "corrects");
                return;
            }

            VerdictCorrectionResult result;
            try
            {
                result = await revisions.CorrectAsync(correction, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainValidationException ex)
            {
                Refuse(correction.Line, ex);
                return;
            }

            string number = correction.Verdict.CaseNumber;
            switch (result.Outcome)
            {
                case VerdictCorrectionOutcome.Revised:
                    corrected++;
                    break;
                case VerdictCorrectionOutcome.Duplicate:
                    duplicates++;
                    break;
                case VerdictCorrectionOutcome.NotStored:
                    Reject(correction.Line, Texts.Format(ImportText.CorrectionNothingStored, number), field: "corrects");
                    break;
                default:
                    Reject(correction.Line, Texts.Format(ImportText.CorrectionRaced, number, result.Revision), field: "corrects");
                    break;
            }
        }
    }

    private static string FingerprintOf(CourtVerdict verdict) => TaskForceJson.Fingerprint(verdict.Facts with { CaseNumber = verdict.CaseNumberIdentity });

    private static readonly Action<ILogger, string, int, int, int, int, Exception?> LogImported =
        LoggerMessage.Define<string, int, int, int, int>(LogLevel.Information, new EventId(1, "Imported"),
            "Imported {File}: {Read} read, {Imported} imported, {Duplicates} duplicates, {Rejected} rejected");

    private static readonly Action<ILogger, string, int, Exception?> LogCorrected =
        LoggerMessage.Define<string, int>(LogLevel.Information, new EventId(2, "Corrected"),
            "Imported {File}: {Corrected} verdict(s) corrected (a new revision each)");
}
