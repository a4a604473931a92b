using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Estimation;

/// <summary>
/// Reads agencies' victim lists for record linkage from CSV: one row per victim record, a header row naming the
/// columns (any order, any letter case).
/// </summary>
/// <remarks>
/// <para>Columns: <c>list</c> (the agency, e.g. <c>police</c>, <c>uptd_ppa</c>, <c>iom</c>; required) and
/// <c>record_id</c> (the agency's own reference; required, unique within its list), then optionally <c>nik</c>,
/// <c>name</c>, <c>birth_date</c> (<c>YYYY-MM-DD</c>), <c>birth_year</c>, <c>kecamatan</c> (code or name), <c>sex</c>
/// (<c>female</c>/<c>male</c>, or <c>P</c>/<c>L</c>, <c>perempuan</c>/<c>laki-laki</c>), <c>child_status</c>
/// (<c>child</c>/<c>adult</c>, or <c>anak</c>/<c>dewasa</c>), <c>form</c> (<c>sexual_exploitation</c>,
/// <c>labour_exploitation</c>, <c>other</c>) and <c>identified_on</c> (<c>YYYY-MM-DD</c>). Blank cells are
/// missing values. An unknown column is an error, so a misspelt <c>nik</c> column is never silently ignored.</para>
/// <para>Privacy (UU 21/2007 Pasal 44): error messages name the line and column but never repeat a value of
/// <c>nik</c>, <c>name</c> or <c>birth_date</c>.</para>
/// </remarks>
public static class VictimListCsv
{
    /// <summary>The column names understood.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["list", "record_id", "nik", "name", "birth_date", "birth_year", "kecamatan", "sex", "child_status", "form", "identified_on"];

    /// <summary>Reads the records of one CSV text.</summary>
    /// <param name="reader">The CSV text (RFC 4180, header first; separated by ',' or, when the header holds ';' and
    /// no ',', by ';' as <see cref="Serialization.CsvSeparator"/> decides; a UTF-8 byte-order mark is ignored).</param>
    /// <param name="source">A name for the text in messages (e.g. the file name).</param>
    /// <param name="today">Today's business date in the district zone, or <see langword="null"/>: with it a
    /// <c>birth_date</c> or <c>identified_on</c> after today is refused; before 1900-01-01 always
    /// (<see cref="PlausibleDate"/>).</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The file is empty or has no data row, or its header holds both ','
    /// and ';' (field <c>file</c>), the header
    /// lacks <c>list</c> or <c>record_id</c> or names an unknown column (field <c>columns</c>), or a value is malformed
    /// (field <c>records[i].column</c>, 0-based over data rows, with the source and line in the message), or a date is
    /// out of range (<see cref="PlausibleDate"/>), or a row has another number of values than the header (field
    /// <c>line</c>) or a value holds a control character (<see cref="Serialization.CsvRows"/>).</exception>
    public static IReadOnlyList<VictimListEntry> Read(TextReader reader, string source, LocalDate? today = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var (text, delimiter) = Serialization.CsvSeparator.Read(reader, source);
        using var content = new StringReader(text);
        var config = Serialization.CsvSeparator.Configuration(delimiter);
        using var csv = new CsvReader(content, config, leaveOpen: true);
        if (!csv.Read())
        {
            throw new DomainValidationException("file", Texts.Format(EstimationAppText.VictimListCsvEmptyExpectedHeaderSuch, source));
        }

        csv.ReadHeader();
        string[] header = [.. (csv.HeaderRecord ?? []).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant())];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (!Columns.Contains(header[i]))
            {
                throw new DomainValidationException("columns", Texts.Format(EstimationAppText.VictimListCsvUnknownColumnColumnsAre, source, header[i], string.Join(", ", Columns)));
            }

            if (!index.TryAdd(header[i], i))
            {
                throw new DomainValidationException("columns", Texts.Format(EstimationAppText.VictimListCsvColumnAppearsTwice, source, header[i]));
            }
        }

        foreach (string required in (string[])["list", "record_id"])
        {
            if (!index.ContainsKey(required))
            {
                throw new DomainValidationException("columns", Texts.Format(EstimationAppText.VictimListCsvColumnRequired, source, required));
            }
        }

        var entries = new List<VictimListEntry>();
        while (csv.Read())
        {
            string[] fields = csv.Parser.Record ?? [];
            int row = entries.Count;
            int line = csv.Parser.RawRow;
            Serialization.CsvRows.Check(fields, header, line); // column count, control characters (ADR-028)

            string? Cell(string column) =>
                index.TryGetValue(column, out int at) && fields[at].Length > 0 ? fields[at] : null;
            DomainValidationException Bad(string column, string expected, bool identifying) => new(
                $"records[{row}].{column}",
                identifying
                    ? Texts.Format(EstimationAppText.VictimListBadIdentifying, source, line, column, expected)
                    : Texts.Format(EstimationAppText.VictimListBadValue, source, line, column, Cell(column), expected));

            string list = Cell("list") ?? throw new DomainValidationException($"records[{row}].list", Texts.Format(EstimationAppText.VictimListCsvLineListAgencyMissing, source, line));
            string recordId = Cell("record_id") ?? throw new DomainValidationException($"records[{row}].record_id", Texts.Format(EstimationAppText.VictimListCsvLineRecordIdMissing, source, line));
            entries.Add(new VictimListEntry
            {
                List = list,
                RecordId = recordId,
                Nik = Cell("nik"),
                Name = Cell("name"),
                BirthDate = PlausibleDate.Require(Cell("birth_date") is { } bd ? Date(bd) ?? throw Bad("birth_date", EstimationAppText.VictimListExpectDate, identifying: true) : null, $"records[{row}].birth_date", today),
                BirthYear = Cell("birth_year") is { } by
                    ? int.TryParse(by, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1900 and <= 2100 ? year : throw Bad("birth_year", EstimationAppText.VictimListExpectYear, identifying: false)
                    : null,
                Kecamatan = Cell("kecamatan"),
                Sex = Cell("sex") is { } sx ? SexOf(sx) ?? throw Bad("sex", EstimationAppText.VictimListExpectSex, identifying: false) : Sex.Unknown,
                ChildStatus = Cell("child_status") is { } cs ? ChildOf(cs) ?? throw Bad("child_status", EstimationAppText.VictimListExpectChild, identifying: false) : ChildStatus.Unknown,
                Form = Cell("form") is { } fm ? FormOf(fm) ?? throw Bad("form", EstimationAppText.VictimListExpectForm, identifying: false) : ExploitationForm.Unknown,
                IdentifiedOn = PlausibleDate.Require(Cell("identified_on") is { } io ? Date(io) ?? throw Bad("identified_on", EstimationAppText.VictimListExpectDate, identifying: false) : null, $"records[{row}].identified_on", today),
            });
        }

        if (entries.Count == 0)
        {
            throw new DomainValidationException("file", Texts.Format(EstimationAppText.VictimListCsvHasHeaderButRecords, source));
        }

        return entries;
    }

    private static LocalDate? Date(string text) => LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value : null;

    // The contract's codes through the domain's code tables, then the aliases people type in hand-made lists.
    private static Sex? SexOf(string text)
    {
        string code = text.ToLowerInvariant();
        return WireCodes.TryParseSex(code, out Sex sex) ? sex : code switch
        {
            "f" or "p" or "perempuan" => Sex.Female,
            "m" or "l" or "laki-laki" or "laki laki" => Sex.Male,
            _ => null,
        };
    }

    private static ChildStatus? ChildOf(string text)
    {
        string code = text.ToLowerInvariant();
        return AgeGroups.TryParseChildStatus(code, out ChildStatus status) ? status : code switch
        {
            "anak" => ChildStatus.Child,
            "dewasa" => ChildStatus.Adult,
            _ => null,
        };
    }

    private static ExploitationForm? FormOf(string text)
    {
        string code = text.ToLowerInvariant();
        return ExploitationFormClassifier.TryParseForm(code, out ExploitationForm form) ? form : code switch
        {
            "eksploitasi_seksual" => ExploitationForm.SexualExploitation,
            "labor_exploitation" or "kerja_paksa" => ExploitationForm.LabourExploitation,
            _ => null,
        };
    }
}
