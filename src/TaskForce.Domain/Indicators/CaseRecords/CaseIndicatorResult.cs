namespace TaskForce.Domain.Indicators;

/// <summary>What the case-record indicators read and how persons were de-duplicated.</summary>
/// <param name="CaseRecordsRead">Case records of the region read (any date).</param>
/// <param name="CaseRecordsWithoutConsent">Of those, records without consent to reporting (left out of everything).</param>
/// <param name="CasesReportedInPeriod">Consented case records reported in the period.</param>
/// <param name="VictimRowsInPeriod">Victim rows of those cases (one per victim per record).</param>
/// <param name="PersonsInPeriod">Distinct persons among those rows (every case type).</param>
/// <param name="PersonsInSeveralAgencies">Persons recorded by two or more agencies in the period (counted once).</param>
/// <param name="PersonsWithoutLinkageKey">Persons whose key could not link records (no NIK, no name with birth date).</param>
public sealed record CaseRecordCoverage(
    int CaseRecordsRead,
    int CaseRecordsWithoutConsent,
    int CasesReportedInPeriod,
    int VictimRowsInPeriod,
    int PersonsInPeriod,
    int PersonsInSeveralAgencies,
    int PersonsWithoutLinkageKey);

/// <summary>The case-record indicators of a region and period.</summary>
/// <param name="Cells">The cells in catalogue order, suppression applied.</param>
/// <param name="Coverage">What was read.</param>
/// <param name="Rules">The named rules and groupings applied, in a fixed order.</param>
/// <param name="Warnings">Unconfirmed values and substitutions the reader must know about.</param>
public sealed record CaseIndicatorResult(
    IReadOnlyList<IndicatorValue> Cells,
    CaseRecordCoverage Coverage,
    IReadOnlyList<KeyValuePair<string, string>> Rules,
    IReadOnlyList<string> Warnings);
