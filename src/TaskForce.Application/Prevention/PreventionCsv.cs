using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TaskForce.Application.Resources;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Prevention;

/// <summary>One data row of a prevention CSV: its line, and the input or why it cannot be read.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="Input">The row as an input, or <see langword="null"/> when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the row cannot be read (naming the column), or <see langword="null"/>.</param>
public sealed record PreventionCsvRow(int Line, PreventionActivityInput? Input, string? Error);

/// <summary>
/// Reads prevention activities from CSV (docs/wire-contract.md, "Prevention activities, CSV"): a header naming the
/// columns in any order and letter case, <c>,</c> or <c>;</c> between values (<see cref="CsvSeparator"/>), a UTF-8
/// byte-order mark ignored.
/// </summary>
/// <remarks>Columns: <c>activity_id</c>, <c>kind</c>, <c>date</c>, <c>place</c>, <c>female_adult</c>,
/// <c>male_adult</c>, <c>female_child</c>, <c>male_child</c>, <c>budget_source</c> (required); <c>agency</c>,
/// <c>total</c>, <c>notes</c> (optional). An unknown column is an error; a column that would hold personal data
/// (<see cref="PersonalColumns"/>) is refused by name, so a list with names is never half-read.</remarks>
public static class PreventionCsv
{
    /// <summary>The columns understood.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["activity_id", "kind", "date", "place", "agency", "female_adult", "male_adult", "female_child", "male_child", "total", "budget_source", "notes"];

    /// <summary>Column names refused because they would carry personal data (English and Indonesian).</summary>
    public static readonly IReadOnlyList<string> PersonalColumns =
        ["name", "nama", "full_name", "nama_lengkap", "nik", "phone", "telepon", "no_hp", "hp", "address", "alamat", "birth_date", "tanggal_lahir"];

    private static readonly string[] Required =
        ["activity_id", "kind", "date", "place", "female_adult", "male_adult", "female_child", "male_child", "budget_source"];

    /// <summary>Reads the rows.</summary>
    /// <param name="reader">The CSV text. Cannot be <see langword="null"/>.</param>
    /// <param name="source">The file name for messages. Cannot be <see langword="null"/>.</param>
    /// <returns>One entry per data row, in file order.</returns>
    /// <exception cref="DomainValidationException">The file is empty (field <c>file</c>), its header holds both
    /// separators (field <c>file</c>), or a column is unknown, personal, repeated or missing (field
    /// <c>columns</c>).</exception>
    public static IReadOnlyList<PreventionCsvRow> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var (text, delimiter) = CsvSeparator.Read(reader, source);
        using var content = new StringReader(text);
        var config = CsvSeparator.Configuration(delimiter);
        using var csv = new CsvReader(content, config, leaveOpen: true);
        if (!csv.Read())
        {
            throw new DomainValidationException("file", Texts.Format(PreventionAppText.CsvEmpty, source));
        }

        csv.ReadHeader();
        string[] header = [.. (csv.HeaderRecord ?? []).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant())];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (PersonalColumns.Contains(header[i]))
            {
                throw new DomainValidationException("columns", Texts.Format(PreventionAppText.CsvNameColumn, source, header[i]));
            }

            if (!Columns.Contains(header[i]))
            {
                throw new DomainValidationException("columns", Texts.Format(PreventionAppText.CsvUnknownColumn, source, header[i], string.Join(", ", Columns)));
            }

            if (!index.TryAdd(header[i], i))
            {
                throw new DomainValidationException("columns", Texts.Format(PreventionAppText.CsvDuplicateColumn, source, header[i]));
            }
        }

        foreach (string column in Required.Where(c => !index.ContainsKey(c)))
        {
            throw new DomainValidationException("columns", Texts.Format(PreventionAppText.CsvMissingColumn, source, column));
        }

        var rows = new List<PreventionCsvRow>();
        while (csv.Read())
        {
            string[] fields = csv.Parser.Record ?? [];
            int line = csv.Parser.RawRow;
            if (fields.Length != header.Length)
            {
                rows.Add(new PreventionCsvRow(line, null, Texts.Format(PreventionAppText.CsvRowWidth, line, fields.Length, header.Length)));
                continue;
            }

            string? Cell(string column) => index.TryGetValue(column, out int at) && fields[at].Length > 0 ? fields[at] : null;
            try
            {
                rows.Add(new PreventionCsvRow(line, new PreventionActivityInput
                {
                    Id = Cell("activity_id"),
                    Kind = Cell("kind"),
                    Date = Cell("date"),
                    Place = Cell("place"),
                    Agency = Cell("agency"),
                    Participants = new ParticipantsWire
                    {
                        FemaleAdult = Number(Cell("female_adult"), "female_adult"),
                        MaleAdult = Number(Cell("male_adult"), "male_adult"),
                        FemaleChild = Number(Cell("female_child"), "female_child"),
                        MaleChild = Number(Cell("male_child"), "male_child"),
                        Total = Number(Cell("total"), "total"),
                    },
                    BudgetSource = Cell("budget_source"),
                    Notes = Cell("notes"),
                }, null));
            }
            catch (DomainValidationException e)
            {
                rows.Add(new PreventionCsvRow(line, null, $"{e.Field}: {e.Message}"));
            }
        }

        return rows;
    }

    private static int? Number(string? text, string column) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? n
        : throw new DomainValidationException(column, Texts.Format(PreventionAppText.CsvNumber, text));
}
