using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Estimation.Linkage;

/// <summary>A record by its list and the agency's reference (no personal data).</summary>
/// <param name="List">The list name.</param>
/// <param name="RecordId">The agency's reference.</param>
public sealed record RecordRef(string List, string RecordId);

/// <summary>How one field compared in a link decision.</summary>
/// <param name="Field">The field: <c>nik_hash</c>, <c>name</c>, <c>birth</c> or <c>kecamatan</c>.</param>
/// <param name="Outcome"><c>agree</c>, <c>agree_year</c> (birth years equal, a full date missing on one side),
/// <c>disagree</c> or <c>missing</c> (not recorded on one side or both).</param>
/// <param name="Score">The similarity in [0, 1] for names; 1 or 0 for the exact fields; null when missing.</param>
/// <param name="Threshold">The minimum score for agreement (names), or null.</param>
public sealed record FieldComparison(string Field, string Outcome, double? Score, double? Threshold);

/// <summary>Why two records were, or were not, linked.</summary>
/// <param name="First">One record.</param>
/// <param name="Second">The other record.</param>
/// <param name="Linked">Whether they are taken to be the same person.</param>
/// <param name="Rule">The rule that decided: <c>nik_match</c>, <c>nik_differs</c>, <c>fuzzy_match</c>,
/// <c>fuzzy_no_match</c> or <c>fuzzy_blocked_by_nik</c> (a fuzzy match that would put two different NIKs in one
/// person).</param>
/// <param name="Fields">Every field compared, with its outcome and score.</param>
public sealed record LinkDecision(RecordRef First, RecordRef Second, bool Linked, string Rule, IReadOnlyList<FieldComparison> Fields);

/// <summary>A person after linkage: the records taken to be the same victim and the stratum they fall in.</summary>
/// <param name="PersonId">A sequential id within this result, e.g. <c>P0007</c> (not stable across runs).</param>
/// <param name="Records">The person's records.</param>
/// <param name="Lists">The lists the person is on, in list order.</param>
/// <param name="Sex">The resolved sex.</param>
/// <param name="ChildStatus">The resolved child/adult status.</param>
/// <param name="Form">The resolved form of exploitation.</param>
/// <param name="Year">The earliest year of identification, or null.</param>
public sealed record LinkedPerson(
    string PersonId,
    IReadOnlyList<RecordRef> Records,
    IReadOnlyList<string> Lists,
    Sex Sex,
    ChildStatus ChildStatus,
    ExploitationForm Form,
    int? Year);

/// <summary>The capture histories of one stratum (or of everyone), ready for
/// <see cref="MultipleSystemsEstimator"/>.</summary>
/// <param name="Sex">The stratum's sex, or null for all.</param>
/// <param name="ChildStatus">The stratum's child/adult status, or null for all.</param>
/// <param name="Form">The stratum's form, or null for all.</param>
/// <param name="Year">The stratum's year, or null for all (or unknown when <paramref name="YearKnown"/> is false).</param>
/// <param name="YearKnown">Whether <paramref name="Year"/> is a year (false: all years, or year not recorded).</param>
/// <param name="Lists">The list names.</param>
/// <param name="Rows">One row per combination of lists seen, with its number of persons.</param>
/// <param name="Persons">Persons in the stratum.</param>
public sealed record StratumCaptureHistory(
    Sex? Sex,
    ChildStatus? ChildStatus,
    ExploitationForm? Form,
    int? Year,
    bool YearKnown,
    IReadOnlyList<string> Lists,
    IReadOnlyList<CaptureHistoryRow> Rows,
    long Persons)
{
    /// <summary>Creates the validated capture-history table.</summary>
    /// <returns>The table.</returns>
    /// <exception cref="Common.DomainValidationException">The stratum cannot be estimated from, e.g. a list that
    /// nobody in the stratum is on (see <see cref="CaptureHistoryTable.Create"/>).</exception>
    public CaptureHistoryTable ToTable() => CaptureHistoryTable.Create(Lists, Rows);
}

/// <summary>A warning from linkage, naming records by reference only.</summary>
/// <param name="Code">A snake_case code, e.g. <c>malformed_nik</c>.</param>
/// <param name="Message">What it means.</param>
public sealed record LinkageWarning(string Code, string Message);

/// <summary>The result of record linkage: persons, the decisions behind them, and capture histories overall and
/// per stratum (sex × child/adult × form × year). It holds no NIK, name or birth date.</summary>
public sealed record LinkageResult
{
    /// <summary>Gets the list names, in capture-history column order.</summary>
    /// <value>As configured or in order of first appearance.</value>
    public required IReadOnlyList<string> Lists { get; init; }

    /// <summary>Gets the number of input records.</summary>
    /// <value>≥ 0.</value>
    public required int Records { get; init; }

    /// <summary>Gets the persons found.</summary>
    /// <value>One per cluster of linked records.</value>
    public required IReadOnlyList<LinkedPerson> Persons { get; init; }

    /// <summary>Gets the link decisions: every link, every NIK comparison, and every near miss (name similarity
    /// within 0.15 of the threshold) among the pairs compared.</summary>
    /// <value>Pairs of records from the same birth-year block or with the same NIK hash; empty when
    /// <see cref="LinkageOptions.RecordDecisions"/> is <see langword="false"/>.</value>
    public required IReadOnlyList<LinkDecision> Decisions { get; init; }

    /// <summary>Gets the capture histories of everyone.</summary>
    /// <value>All strata together.</value>
    public required StratumCaptureHistory Overall { get; init; }

    /// <summary>Gets the capture histories per stratum: sex × child/adult × form × year.</summary>
    /// <value>Strata with at least one person, in a stable order.</value>
    public required IReadOnlyList<StratumCaptureHistory> Strata { get; init; }

    /// <summary>Gets warnings (malformed NIKs, conflicting attributes, blocked links).</summary>
    /// <value>Empty when there is nothing to say.</value>
    public required IReadOnlyList<LinkageWarning> Warnings { get; init; }
}
