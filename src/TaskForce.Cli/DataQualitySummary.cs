using System.Globalization;
using System.Text;
using TaskForce.Application.Import;
using TaskForce.Cli.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Cli;

/// <summary>
/// The data-quality summary of an import a person reads without <c>--json</c> (issue 15 §4;
/// docs/decisions/ADR-028-bad-input.md): the counts, then the rejected lines counted per kind of problem with the
/// first <see cref="ShownPerKind"/> of each (line, field, message), then the records kept with issues counted per
/// issue code; and the full list of rejected lines in the CSV file of <c>--report FILE</c>. Messages name fields and
/// codes, never an identity value (UU 21/2007 Pasal 44).
/// </summary>
internal static class DataQualitySummary
{
    /// <summary>The lines shown per kind of problem on the terminal.</summary>
    public const int ShownPerKind = 3;

    /// <summary>Checks the <c>--report</c> path before anything is read or stored: not empty, not a folder, in an
    /// existing folder, and writable (a file created for the check is removed again).</summary>
    /// <param name="path">The path given, or <see langword="null"/> when the option was not given.</param>
    /// <exception cref="DomainValidationException">The path is unusable (field <c>report</c>, the message names
    /// <c>--report</c>).</exception>
    public static void CheckReportPath(string? path)
    {
        if (path is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DomainValidationException("report", DataQualityText.ReportPathEmpty);
        }

        if (Directory.Exists(path))
        {
            throw new DomainValidationException("report", Texts.Format(DataQualityText.ReportPathFolder, path));
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new DomainValidationException("report", Texts.Format(DataQualityText.ReportPathNoFolder, path));
        }

        bool existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new DomainValidationException("report", Texts.Format(DataQualityText.ReportPathNotWritable, path));
        }
    }

    /// <summary>Writes every rejected line to the report file: CSV (RFC 4180, UTF-8 with a byte-order mark so that
    /// Excel shows the Indonesian text right), columns <c>line,field,kind,message</c>, in line order.</summary>
    /// <param name="path">The checked path (<see cref="CheckReportPath"/>).</param>
    /// <param name="report">The import's report.</param>
    public static void WriteReport(string path, ImportReport report)
    {
        var text = new StringBuilder("line,field,kind,message\r\n");
        foreach (var e in report.AllErrors)
        {
            text.Append(e.Line.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Csv(e.Field)).Append(',').Append(Csv(e.Kind)).Append(',').Append(Csv(e.Message)).Append("\r\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>Writes the summary for a person.</summary>
    /// <param name="o">The destination (standard output).</param>
    /// <param name="r">The import's report.</param>
    /// <param name="reportPath">The <c>--report</c> file written, or <see langword="null"/>.</param>
    public static void Write(TextWriter o, ImportReport r, string? reportPath)
    {
        o.WriteLine(Texts.Format(DataQualityText.Counts, r.File, r.Format, r.Read, r.Imported, r.Corrected, r.Duplicates, r.Rejected));
        if (r.Rejected > 0)
        {
            o.WriteLine(Texts.Format(DataQualityText.RejectedHeading, r.Rejected));
            foreach (var kind in r.AllErrors.GroupBy(e => e.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                o.WriteLine(Texts.Format(DataQualityText.KindLine, KindLabel(kind.Key), kind.Key, kind.Count()));
                foreach (var e in kind.Take(ShownPerKind))
                {
                    o.WriteLine(Texts.Format(DataQualityText.ErrorLine, e.Line, e.Field.Length > 0 ? e.Field : "-", MessageOf(e)));
                }

                if (kind.Count() > ShownPerKind)
                {
                    o.WriteLine(Texts.Format(DataQualityText.MoreOfKind, kind.Count() - ShownPerKind));
                }
            }

            if (r.AllErrors.Count < r.Rejected)
            {
                o.WriteLine(Texts.Format(DataQualityText.NotListed, r.Rejected - r.AllErrors.Count));
            }
        }

        if (r.Warnings.Count > 0)
        {
            o.WriteLine(Texts.Format(DataQualityText.WarningsHeading, r.Warnings.Count));
            foreach (var issue in r.Warnings.SelectMany(w => w.Issues.Select(i => (Issue: i, w.Line))).GroupBy(x => x.Issue).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                string lines = string.Join(", ", issue.Take(ShownPerKind).Select(x => x.Line.ToString(CultureInfo.InvariantCulture)));
                o.WriteLine(Texts.Format(DataQualityText.WarningLine, issue.Key, issue.Count(), lines));
            }
        }

        if (reportPath is not null)
        {
            o.WriteLine(Texts.Format(DataQualityText.ReportWritten, reportPath, r.AllErrors.Count));
        }
        else if (r.Rejected > 0)
        {
            o.WriteLine(DataQualityText.ReportHint);
        }
    }

    // The message without the "field: " prefix the report's message carries (the field is its own column here).
    private static string MessageOf(Application.Import.ImportError e) =>
        e.Field.Length > 0 && e.Message.StartsWith(e.Field + ": ", StringComparison.Ordinal) ? e.Message[(e.Field.Length + 2)..] : e.Message;

    private static string KindLabel(string kind) => kind switch
    {
        "unknown_field" => DataQualityText.KindUnknownField,
        "duplicate_field" => DataQualityText.KindDuplicateField,
        "date_out_of_range" => DataQualityText.KindDateOutOfRange,
        "control_character" => DataQualityText.KindControlCharacter,
        "invalid_utf8" => DataQualityText.KindInvalidUtf8,
        "column_count" => DataQualityText.KindColumnCount,
        "broken_json" => DataQualityText.KindBrokenJson,
        "conflict" => DataQualityText.KindConflict,
        _ => DataQualityText.KindInvalidValue,
    };

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
