namespace TaskForce.Application.Import;

/// <summary>One rejected input line.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="Message">Why it was rejected, naming the field (<c>field: what is wrong</c>); never an identity value.</param>
public sealed record ImportError(int Line, string Message)
{
    /// <summary>Gets the field named, as the refusal named it (e.g. <c>victims[0].sex</c>), or <c>line</c> for a
    /// problem of the whole line (not UTF-8, not JSON).</summary>
    /// <value>A snake_case field path; empty when the refusal named none.</value>
    public string Field { get; init; } = string.Empty;

    /// <summary>Gets the kind of problem, for the data-quality summary (<see cref="Serialization.InputProblems"/>:
    /// <c>unknown_field</c>, <c>date_out_of_range</c>, <c>control_character</c>, <c>invalid_utf8</c>,
    /// <c>column_count</c>, <c>duplicate_field</c>, <c>broken_json</c>, <c>conflict</c>, <c>invalid_value</c>).</summary>
    /// <value>One of those codes.</value>
    public string Kind { get; init; } = Serialization.InputProblems.InvalidValue;

    /// <summary>Creates the error of a refused line from its refusal.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="error">The refusal. Cannot be <see langword="null"/>.</param>
    /// <returns>The error: message <c>field: message</c>, the field and the kind.</returns>
    public static ImportError Of(int line, TaskForce.Domain.Common.DomainValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string message = error.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = cut < 0 ? message : message[..cut];
        return new ImportError(line, error.Field.Length > 0 ? $"{error.Field}: {message}" : message)
        {
            Field = error.Field,
            Kind = Serialization.InputProblems.KindOf(error),
        };
    }
}

/// <summary>
/// The result of an import, shaped as the contract's <c>import</c> output (docs/wire-contract.md).
/// </summary>
/// <param name="Format">The input format, e.g. <c>putusan</c>.</param>
/// <param name="File">The file name as given.</param>
/// <param name="Read">Records read (non-blank lines).</param>
/// <param name="Imported">Records stored now.</param>
/// <param name="Duplicates">Records already stored with the same facts (nothing written).</param>
/// <param name="Rejected">Records not stored: unreadable, invalid, or conflicting with a stored record.</param>
/// <param name="Errors">The first <see cref="ImportVerdictsUseCase.MaxReportedErrors"/> rejected lines, in line order.</param>
/// <param name="Warnings">Records kept with data-quality issues: line, case number and issue codes (no personal data).</param>
public sealed record ImportReport(
    string Format,
    string File,
    int Read,
    int Imported,
    int Duplicates,
    int Rejected,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>Gets the number of correction lines stored now as a new revision of a stored verdict (format
    /// <c>putusan</c>, docs/decisions/ADR-015-verdict-revisions.md); a correction already stored counts in
    /// <see cref="Duplicates"/>, a rejected one in <see cref="Rejected"/>.</summary>
    /// <value>0 or more; 0 for the other formats.</value>
    public int Corrected { get; init; }

    /// <summary>Gets the number of rejected lines per kind of problem (<see cref="ImportError.Kind"/>), over all
    /// rejected lines, not only the listed ones.</summary>
    /// <value>Kind code → count, sorted by code; empty when nothing was rejected.</value>
    public IReadOnlyDictionary<string, int> ProblemCounts => AllErrors.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Gets every rejected line, in line order (<see cref="Errors"/> lists the first
    /// <see cref="ImportVerdictsUseCase.MaxReportedErrors"/>): what <c>--report FILE</c> writes. Not part of the
    /// <c>--json</c> document.</summary>
    /// <value>The full list; the same as <see cref="Errors"/> when the report was built without it.</value>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ImportError> AllErrors
    {
        get => _allErrors ?? Errors;
        init => _allErrors = value;
    }

    private readonly IReadOnlyList<ImportError>? _allErrors;
}

/// <summary>A record that was kept although something in it is odd.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="CaseNumber">The court case number (public).</param>
/// <param name="Issues">The data-quality issue codes, e.g. <c>detention_overlap</c>.</param>
public sealed record ImportWarning(int Line, string CaseNumber, IReadOnlyList<string> Issues);

/// <summary>Progress of an import.</summary>
/// <param name="Stage">What is happening: <c>reading</c> or <c>writing</c>.</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in all, when known.</param>
public sealed record ImportProgress(string Stage, int Done, int? Total);
