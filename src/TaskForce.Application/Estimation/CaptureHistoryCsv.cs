using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Estimation;

/// <summary>Reads a capture-history table from CSV (docs/wire-contract.md, <c>estimate</c>): one 0/1 column per
/// list, the last column <c>count</c>, one row per observed combination — SparseMSE's data frame layout, as in
/// samples/mse/.</summary>
public static class CaptureHistoryCsv
{
    /// <summary>Reads and validates a table.</summary>
    /// <param name="reader">The CSV text (RFC 4180; a header row first; separated by ',' or, when the header holds ';'
    /// and no ',', by ';' as <see cref="Serialization.CsvSeparator"/> decides).</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The CSV is malformed or empty, or its header holds both ',' and ';' (field <c>file</c>), the header does
    /// not end with <c>count</c> (field <c>lists</c>), a value is not a whole number (field <c>rows[i].cells[j]</c> or
    /// <c>rows[i].count</c>, with the line number in the message), or a row has another number of values than the header
    /// (field <c>line</c>) or a value holds a control character (<see cref="Serialization.CsvRows"/>), or the table breaks a rule of
    /// <see cref="CaptureHistoryTable.Create"/>.</exception>
    public static CaptureHistoryTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (text, delimiter) = Serialization.CsvSeparator.Read(reader, "The CSV");
        using var content = new StringReader(text);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = null,
        };
        using var csv = new CsvReader(content, config, leaveOpen: true);
        try
        {
            if (!csv.Read())
            {
                throw new DomainValidationException("file", EstimationAppText.CaptureHistoryCsvCSVEmptyExpectedHeader);
            }

            csv.ReadHeader();
            string[] header = csv.HeaderRecord ?? [];
            if (header.Length < 2 || !string.Equals(header[^1], "count", StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainValidationException("lists", EstimationAppText.CaptureHistoryCsvHeaderMustNameLists);
            }

            var rows = new List<CaptureHistoryRow>();
            while (csv.Read())
            {
                string[] fields = csv.Parser.Record ?? [];
                int index = rows.Count;
                int line = csv.Parser.RawRow;
                Serialization.CsvRows.Check(fields, header, line); // column count, control characters (ADR-028)

                var cells = new int[fields.Length - 1];
                for (int j = 0; j < cells.Length; j++)
                {
                    if (!int.TryParse(fields[j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out cells[j]))
                    {
                        throw new DomainValidationException($"rows[{index}].cells[{j}]", Texts.Format(EstimationAppText.CaptureHistoryCsvLineList, line, header[j], fields[j]));
                    }
                }

                if (!long.TryParse(fields[^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long count))
                {
                    throw new DomainValidationException($"rows[{index}].count", Texts.Format(EstimationAppText.CaptureHistoryCsvLineCountWholeNumber, line, fields[^1]));
                }

                rows.Add(new CaptureHistoryRow(cells, count));
            }

            return CaptureHistoryTable.Create(header[..^1], rows);
        }
        catch (CsvHelperException ex)
        {
            throw new DomainValidationException("file", Texts.Format(EstimationAppText.CaptureHistoryCsvCSVCannotRead, ex.Message.Split('\n')[0]));
        }
    }
}
