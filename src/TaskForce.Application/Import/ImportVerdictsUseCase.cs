using Microsoft.Extensions.Logging;
using TaskForce.Application.Ports;
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
/// rejected, never overwritten. Logs carry counts and case numbers (public), never victim data.
/// </remarks>
/// <param name="verdicts">The verdict store.</param>
/// <param name="clock">The clock: a decision date after today (in <paramref name="zone"/>) rejects the line.</param>
/// <param name="zone">The district time zone (<c>Asia/Makassar</c> by default, <see cref="DistrictTime.DefaultZone"/>).</param>
/// <param name="logger">The logger.</param>
public sealed class ImportVerdictsUseCase(IVerdictRepository verdicts, NodaTime.IClock clock, NodaTime.DateTimeZone zone, ILogger<ImportVerdictsUseCase> logger)
{
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
    public async Task<ImportReport> ImportPutusanAsync(
        TextReader reader,
        string fileName,
        RegionCode? region,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<ImportError>();
        var warnings = new List<ImportWarning>();
        var pending = new List<VerdictToStore>();
        var seenInFile = new Dictionary<string, VerdictToStore>(StringComparer.Ordinal);
        int read = 0, imported = 0, duplicates = 0, rejected = 0, lineNo = 0;
        var today = DistrictTime.Today(clock, zone);

        void Reject(int line, string message)
        {
            rejected++;
            errors.Add(new ImportError(line, message));
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
                        Reject(pending[i].Line, $"case_number '{pending[i].Verdict.CaseNumber}' is already stored with different facts; the stored record was kept.");
                        break;
                }
            }

            pending.Clear();
        }

        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            read++;
            if (line.Length > MaxLineLength)
            {
                Reject(lineNo, $"The line is longer than {MaxLineLength} characters.");
                continue;
            }

            if (line.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Reject(lineNo, "The line is not valid UTF-8 (it holds bytes that decode to the replacement character U+FFFD); nothing of it was stored.");
                continue;
            }

            CourtVerdict verdict;
            try
            {
                verdict = PutusanRecordParser.Parse(line, region, today);
            }
            catch (DomainValidationException ex)
            {
                Reject(lineNo, ex.Field.Length > 0 ? $"{ex.Field}: {StripParam(ex.Message)}" : StripParam(ex.Message));
                continue;
            }

            // The identity of the case number, not its spelling, decides "same verdict": the fingerprint covers the
            // facts with the case number in its identity form, so a retyped number with the same facts is a duplicate.
            var item = new VerdictToStore(verdict, TaskForceJson.Fingerprint(verdict.Facts with { CaseNumber = verdict.CaseNumberIdentity }), lineNo);
            if (seenInFile.TryGetValue(verdict.CaseNumberIdentity, out var earlier))
            {
                if (earlier.Fingerprint == item.Fingerprint)
                {
                    duplicates++;
                }
                else
                {
                    Reject(lineNo, $"case_number '{verdict.CaseNumber}' appears again at line {lineNo} with different facts than line {earlier.Line}; the first was kept.");
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
            throw new DomainValidationException("file", $"'{fileName}' holds no records: the file is empty.");
        }

        await FlushAsync().ConfigureAwait(false);
        var firstErrors = errors.OrderBy(e => e.Line).Take(MaxReportedErrors).ToList();
        LogImported(logger, fileName, read, imported, duplicates, rejected, null);
        return new ImportReport("putusan", fileName, read, imported, duplicates, rejected, firstErrors, warnings);
    }

    private static string StripParam(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }

    private static readonly Action<ILogger, string, int, int, int, int, Exception?> LogImported =
        LoggerMessage.Define<string, int, int, int, int>(LogLevel.Information, new EventId(1, "Imported"),
            "Imported {File}: {Read} read, {Imported} imported, {Duplicates} duplicates, {Rejected} rejected");
}
