using System.Globalization;
using CsvHelper.Configuration;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// The separator of an imported CSV file, decided from its header line alone (issue 15 §4; README "Import"): Excel
/// in an Indonesian (or other comma-decimal) locale saves "CSV" with <c>;</c> between values, so a header holding
/// <c>;</c> and no <c>,</c> means <c>;</c>; a header holding <c>,</c> and no <c>;</c> (or neither: one column) means
/// <c>,</c> (RFC 4180); a header holding both is ambiguous and refused naming the cause, never guessed.
/// </summary>
public static class CsvSeparator
{
    /// <summary>Reads the whole text and decides its separator from the first non-blank line.</summary>
    /// <param name="reader">The CSV text (a leading UTF-8 byte-order mark is dropped). Cannot be <see langword="null"/>.</param>
    /// <param name="source">A name for the text in messages (e.g. the file name). Cannot be <see langword="null"/>.</param>
    /// <returns>The text, without a byte-order mark, and the separator, <c>","</c> or <c>";"</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The header line holds both <c>,</c> and <c>;</c> (field
    /// <c>file</c>).</exception>
    public static (string Text, string Delimiter) Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        string text = reader.ReadToEnd().TrimStart('\uFEFF');
        string header = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        bool comma = header.Contains(',', StringComparison.Ordinal), semicolon = header.Contains(';', StringComparison.Ordinal);
        if (comma && semicolon)
        {
            throw new DomainValidationException("file", Texts.Format(Resources.ImportText.CsvBothSeparators, source));
        }

        return (text, semicolon ? ";" : ",");
    }

    /// <summary>The CsvHelper settings every headed CSV input is read with: the separator found by
    /// <see cref="Read"/>, a header row, cells trimmed, blank lines skipped, malformed quoting left to the row checks
    /// (<see cref="CsvRows"/>), and no separator guessing of CsvHelper's own.</summary>
    /// <param name="delimiter">The separator from <see cref="Read"/>.</param>
    /// <returns>A new configuration (invariant culture).</returns>
    public static CsvConfiguration Configuration(string delimiter) => new(CultureInfo.InvariantCulture)
    {
        Delimiter = delimiter,
        HasHeaderRecord = true,
        TrimOptions = TrimOptions.Trim,
        IgnoreBlankLines = true,
        BadDataFound = null,
        DetectDelimiter = false,
    };
}
