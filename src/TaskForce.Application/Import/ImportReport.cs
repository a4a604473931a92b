namespace TaskForce.Application.Import;

/// <summary>One rejected input line.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="Message">Why it was rejected, naming the field.</param>
public sealed record ImportError(int Line, string Message);

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
