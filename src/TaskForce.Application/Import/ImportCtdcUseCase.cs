using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Resources;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Import;

/// <summary>
/// Imports the CTDC global synthetic data set's CSV (format <c>ctdc</c>, <see cref="CtdcCodebook"/>) so that snapshots
/// can set the task force's numbers beside the global ones.
/// </summary>
/// <remarks>
/// The file must have a header naming every one of the 27 codebook variables (in any order; other columns are
/// ignored: the published file's index column <c>rowid</c>; any other unknown column is refused naming it). A row with another number of values than the header, or a
/// value holding a control character or U+FFFD, is rejected naming its line (<see cref="Serialization.CsvRows"/>); a
/// file whose every row is rejected stores nothing and leaves the latest comparison set as it was. Each record is read by <see cref="CtdcCodebook.Parse"/>; bad records are reported by line and variable and
/// left out, the rest kept. What is stored is the data set's aggregated counts (<see cref="CtdcCount"/>), under the
/// SHA-256 of the file's bytes: importing the same file again stores nothing (<see cref="ImportReport.Duplicates"/>
/// counts its records).
/// </remarks>
/// <param name="store">The CTDC store.</param>
/// <param name="clock">The clock stamping the import.</param>
/// <param name="logger">The logger (counts only).</param>
public sealed class ImportCtdcUseCase(ICtdcRepository store, IClock clock, ILogger<ImportCtdcUseCase> logger)
{
    /// <summary>The columns a CTDC file may carry besides the codebook's variables, ignored on purpose: the row index
    /// the published file starts with (<c>rowid</c>), or an unnamed index column as pandas and R write it. Any other
    /// column is refused naming it (a misspelt variable is never read as missing).</summary>
    private static readonly HashSet<string> IgnoredColumns = new(StringComparer.OrdinalIgnoreCase) { "rowid", string.Empty };

    /// <summary>Imports a file's bytes.</summary>
    /// <param name="content">The file's bytes (UTF-8, with or without a byte-order mark). Cannot be <see langword="null"/>.</param>
    /// <param name="fileName">The file name for the report and the data set's name.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The report in the contract's <c>import</c> shape.</returns>
    /// <remarks>A file whose every data row is rejected stores nothing (the report has <c>imported</c> and
    /// <c>duplicates</c> 0); the caller treats that as bad input, as for <c>putusan</c>.</remarks>
    /// <exception cref="DomainValidationException">The file is empty, its header holds both ',' and ';' (<see cref="Serialization.CsvSeparator"/>), it holds only its header row, or its header lacks
    /// a codebook variable (field <c>file</c>).</exception>
    public async Task<ImportReport> ImportAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(content));
        var errors = new List<ImportError>();
        var records = new List<CtdcVictim>();
        int read = 0, rejected = 0;

        using (var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            var (text, delimiter) = Serialization.CsvSeparator.Read(reader, fileName);
            using var csvText = new StringReader(text);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, HasHeaderRecord = true, IgnoreBlankLines = true, BadDataFound = null };
            using var csv = new CsvReader(csvText, config);
            if (!csv.Read())
            {
                throw new DomainValidationException("file", ImportText.CtdcEmpty);
            }

            csv.ReadHeader();
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            string? unknown = null;
            string[] header = csv.HeaderRecord ?? [];
            for (int i = 0; i < header.Length; i++)
            {
                if (CtdcCodebook.Canonical(header[i]) is { } name)
                {
                    columns.TryAdd(name, i);
                }
                else if (!IgnoredColumns.Contains(header[i].Trim().TrimStart('\uFEFF')))
                {
                    unknown ??= header[i].Trim();
                }
            }

            var missing = CtdcCodebook.Variables.Where(v => !columns.ContainsKey(v)).ToList();
            if (missing.Count > 0)
            {
                throw new DomainValidationException("file", Texts.Format(ImportText.CtdcHeaderLacks, string.Join(", ", missing)));
            }

            if (unknown is not null)
            {
                // Every variable is there but a column is not one of them: a misspelt duplicate or a stray column.
                throw InputProblems.Create("columns", Texts.Format(ImportText.CtdcUnknownColumn, unknown), InputProblems.UnknownField);
            }

            while (csv.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                int line = csv.Parser.RawRow;
                string[] fields = csv.Parser.Record ?? [];
                try
                {
                    CsvRows.Check(fields, header, line);
                    records.Add(CtdcCodebook.Parse(v => columns.TryGetValue(v, out int i) ? fields[i] : null));
                }
                catch (DomainValidationException ex)
                {
                    rejected++;
                    errors.Add(ImportError.Of(line, ex));
                }
            }
        }

        if (read == 0)
        {
            throw new DomainValidationException("file", Texts.Format(ImportText.CsvHeaderOnly, fileName));
        }

        if (records.Count == 0)
        {
            LogImported(logger, 0, rejected, false, null);
            return new ImportReport("ctdc", fileName, read, 0, 0, rejected, [.. errors.Take(ImportVerdictsUseCase.MaxReportedErrors)], []) { AllErrors = errors };
        }

        var dataset = new CtdcDataset(fingerprint, Path.GetFileName(fileName), records.Count, clock.GetCurrentInstant(), CtdcCount.Aggregate(records));
        bool created = await store.AddIfNewAsync(dataset, cancellationToken).ConfigureAwait(false);
        LogImported(logger, records.Count, rejected, created, null);
        return new ImportReport("ctdc", fileName, read, created ? records.Count : 0, created ? 0 : records.Count, rejected, [.. errors.Take(ImportVerdictsUseCase.MaxReportedErrors)], []) { AllErrors = errors };
    }

    private static readonly Action<ILogger, int, int, bool, Exception?> LogImported =
        LoggerMessage.Define<int, int, bool>(LogLevel.Information, new EventId(20, "CtdcImported"),
            "CTDC import: {Records} records kept, {Rejected} rejected, stored now = {Created}");
}
