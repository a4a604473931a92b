using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// The checks every CSV input makes of each data row (issue 15 §4; docs/decisions/ADR-028-bad-input.md): as many
/// values as the header names (a row cut short, or with a stray separator, is refused naming its line, never read
/// with its missing values as blanks), and no control character or U+FFFD in a value
/// (<see cref="InputChecks.Text"/>).
/// </summary>
public static class CsvRows
{
    /// <summary>Checks one data row.</summary>
    /// <param name="fields">The row's values. Cannot be <see langword="null"/>.</param>
    /// <param name="header">The header's column names. Cannot be <see langword="null"/>.</param>
    /// <param name="line">The row's 1-based line number in the file.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The row has another number of values than the header (field
    /// <c>line</c>, kind <see cref="InputProblems.ColumnCount"/>), or a value holds a control character or U+FFFD
    /// (field: the column's name).</exception>
    public static void Check(string[] fields, string[] header, int line)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(header);
        if (fields.Length != header.Length)
        {
            throw InputProblems.Create("line", Texts.Format(ImportText.CsvColumnCount, line, fields.Length, header.Length), InputProblems.ColumnCount);
        }

        for (int i = 0; i < fields.Length; i++)
        {
            InputChecks.Text(fields[i], header[i].Trim().TrimStart('\uFEFF'));
        }
    }
}
