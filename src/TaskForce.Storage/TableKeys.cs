using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace TaskForce.Storage;

/// <summary>
/// The one key builder: every PartitionKey and RowKey TaskForce writes is made here, so no caller-supplied text
/// reaches a key unescaped.
/// </summary>
/// <remarks>
/// Table keys may not contain <c>/ \ # ?</c> or control characters, and <c>%</c> and <c>+</c> cause URL trouble
/// (docs/sources.md#azure-table-storage). <see cref="Escape"/> keeps <c>[A-Za-z0-9-.]</c> and writes every other UTF-8 byte as
/// <c>_XX</c> (upper-case hex), so the mapping is injective and readable: <c>27/Pid.Sus/2019/PN Kpg</c> becomes
/// <c>27_2FPid.Sus_2F2019_2FPN_20Kpg</c>. An escaped text longer than <see cref="MaxEscapedLength"/> is cut and
/// suffixed with <c>~</c> and a SHA-256 of the original, which keeps keys under Azurite's 512-character limit.
/// </remarks>
public static class TableKeys
{
    /// <summary>The longest escaped segment kept before hashing, in characters.</summary>
    public const int MaxEscapedLength = 200;

    /// <summary>The separator between key segments; never produced by <see cref="Escape"/>.</summary>
    public const char Separator = '|';

    /// <summary>Escapes a text into a key segment.</summary>
    /// <param name="text">Any text. Cannot be <see langword="null"/>.</param>
    /// <returns>A segment of <c>[A-Za-z0-9-._~]</c> characters, at most 266 long.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            char c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('_').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        if (sb.Length <= MaxEscapedLength)
        {
            return sb.ToString();
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return string.Concat(sb.ToString(0, 120), "~", hash);
    }

    /// <summary>Returns the partition of verdicts decided in a year, or of verdicts without a decision date.</summary>
    /// <param name="decisionDate">The decision date, or <see langword="null"/>.</param>
    /// <returns><c>y2025</c> for a 2025 decision; <c>undated</c> when there is no date.</returns>
    public static string VerdictPartition(LocalDate? decisionDate) =>
        decisionDate is { } d ? string.Create(CultureInfo.InvariantCulture, $"y{d.Year:D4}") : "undated";

    /// <summary>The partition of the case-number index of the verdicts table: one row per case number (row key
    /// <see cref="VerdictRow"/>) with the fingerprint and partition of the stored verdict, so a case number is stored
    /// once whatever its decision year (ADR-001).</summary>
    public const string VerdictIndexPartition = "caseindex";

    /// <summary>Returns the partition for a year.</summary>
    /// <param name="year">The year in [1, 9999].</param>
    /// <returns><c>y2025</c> for 2025.</returns>
    public static string VerdictPartition(int year) => string.Create(CultureInfo.InvariantCulture, $"y{year:D4}");

    /// <summary>Returns the row key of a verdict's header row (and of its case-number index row).</summary>
    /// <param name="caseNumber">The case number, as printed or already normalised: the key is built from its identity
    /// (<see cref="Domain.CourtOutcomes.CourtVerdict.CaseNumberIdentityOf"/>), so spellings that differ only in
    /// letter case or spacing share one key (ADR-001, key format 2).</param>
    /// <returns><c>v|</c> followed by the escaped identity, e.g. <c>v|27_2FPID.SUS_2F2019_2FPN_20KPG</c>.</returns>
    public static string VerdictRow(string caseNumber) =>
        "v" + Separator + Escape(Domain.CourtOutcomes.CourtVerdict.CaseNumberIdentityOf(caseNumber));

    /// <summary>Returns the row key of a verdict's child row (a victim or a detention period).</summary>
    /// <param name="caseNumber">The case number.</param>
    /// <param name="fingerprint">The fingerprint of the verdict's facts (hex); its first 16 characters go into the
    /// key, so rows of two different versions of a case never overwrite each other.</param>
    /// <param name="kind"><c>victim</c> or <c>detention</c>.</param>
    /// <param name="index">The 0-based index in the verdict's list, in [0, 9999].</param>
    /// <returns>For example <c>v|27_2FPID...|3fa2c1d09b7e4411|victim|0001</c>.</returns>
    public static string VerdictChildRow(string caseNumber, string fingerprint, string kind, int index)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        string fp = Escape(fingerprint.Length > 16 ? fingerprint[..16] : fingerprint);
        return string.Create(CultureInfo.InvariantCulture, $"{VerdictRow(caseNumber)}{Separator}{fp}{Separator}{kind}{Separator}{index:D4}");
    }

    /// <summary>Returns the row key of a corrected revision of a verdict (revision 2 and later; revision 1 is the header
    /// row <see cref="VerdictRow"/>), in the partition of the revision's decision year (ADR-015).</summary>
    /// <param name="caseNumber">The case number (its identity is used, as in <see cref="VerdictRow"/>).</param>
    /// <param name="revision">The revision number, in [2, 9999].</param>
    /// <param name="writeId">The id of the write that stored it (32 hex characters): two writers racing for the same
    /// revision number never overwrite each other's row; the case-number index names the one that won.</param>
    /// <returns>For example <c>v|27_2FPID...|rev|0002|0f3c...</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revision"/> is outside [2, 9999].</exception>
    public static string VerdictRevisionRow(string caseNumber, int revision, string writeId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(revision, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(revision, 9999);
        ArgumentNullException.ThrowIfNull(writeId);
        return string.Create(CultureInfo.InvariantCulture, $"{VerdictRow(caseNumber)}{Separator}rev{Separator}{revision:D4}{Separator}{Escape(writeId)}");
    }

    /// <summary>Returns the header row key (<see cref="VerdictRow"/>) a verdict row key belongs to: the first two
    /// segments of a header, child or revision row key.</summary>
    /// <param name="rowKey">A row key of the verdicts table's year partitions.</param>
    /// <returns>For example <c>v|27_2FPID.SUS_2F2019_2FPN_20KPG</c>.</returns>
    public static string VerdictRowOf(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        int first = rowKey.IndexOf(Separator, StringComparison.Ordinal);
        int second = first < 0 ? -1 : rowKey.IndexOf(Separator, first + 1);
        return second < 0 ? rowKey : rowKey[..second];
    }

    /// <summary>Returns the smallest key after every row key of a verdict (header, children, revisions), for a range
    /// query <c>RowKey ge header and RowKey lt this</c>.</summary>
    /// <param name="caseNumber">The case number.</param>
    /// <returns>The header key followed by <c>}</c> (the character after <c>|</c>).</returns>
    public static string VerdictRowsEnd(string caseNumber) => VerdictRow(caseNumber) + "}";

    /// <summary>Returns the partition of snapshots of a region.</summary>
    /// <param name="region">The region code or <c>*</c>.</param>
    /// <returns>The escaped region, e.g. <c>53.03</c> or <c>_2A</c> for <c>*</c>.</returns>
    public static string SnapshotPartition(string region) => Escape(region);

    /// <summary>Returns the row key of a snapshot revision.</summary>
    /// <param name="period">The period label.</param>
    /// <param name="catalogueVersion">The catalogue version.</param>
    /// <param name="contentFingerprint">The content fingerprint (hex).</param>
    /// <returns><c>period|catalogue|fingerprint</c>, each segment escaped.</returns>
    public static string SnapshotRow(string period, string catalogueVersion, string contentFingerprint) =>
        string.Join(Separator, Escape(period), Escape(catalogueVersion), Escape(contentFingerprint));

    /// <summary>Returns the smallest row key of a period's snapshots (inclusive lower bound of a range query).</summary>
    /// <param name="period">The period label.</param>
    /// <returns>The escaped period followed by <c>|</c>.</returns>
    public static string SnapshotRowLowerBound(string period) => Escape(period) + Separator;

    /// <summary>Returns the exclusive upper bound of a period's snapshot row keys (<c>}</c> sorts right after <c>|</c>).</summary>
    /// <param name="period">The period label.</param>
    /// <returns>The escaped period followed by <c>}</c>.</returns>
    public static string SnapshotRowUpperBound(string period) => Escape(period) + '}';

    /// <summary>Returns the partition of a case: its escaped case id. Everything that belongs to the case (the case
    /// row, persons, workflow instances and their audit events, idempotency records) lives in it, so a state change
    /// and its audit event commit in one transaction (ADR-007).</summary>
    /// <param name="caseId">The case id.</param>
    /// <returns>The escaped case id.</returns>
    public static string CasePartition(string caseId) => Escape(caseId);

    /// <summary>Returns the row key of the case row.</summary>
    /// <value><c>case</c>.</value>
    public static string CaseRow => "case";

    /// <summary>Returns the row key of a case's assignment to a case worker (ADR-020): kept apart from the case row, which
    /// every amendment replaces whole.</summary>
    /// <value><c>assignment</c>.</value>
    public static string AssignmentRow => "assignment";

    /// <summary>Returns the smallest row key of one workflow's rows (state and events of every instance) in a case
    /// partition.</summary>
    /// <param name="workflow">The workflow code, e.g. <c>referral</c>.</param>
    /// <returns><c>wf|{workflow}|</c>.</returns>
    public static string WorkflowRowsOf(string workflow) => string.Join(Separator, "wf", Escape(workflow), string.Empty);

    /// <summary>Returns the exclusive upper bound of one workflow's rows in a case partition.</summary>
    /// <param name="workflow">The workflow code.</param>
    /// <returns><c>wf|{workflow}}</c>.</returns>
    public static string WorkflowRowsEnd(string workflow) => "wf" + Separator + Escape(workflow) + "}";

    /// <summary>Returns the row key of a person of a case.</summary>
    /// <param name="personId">The person id within the case.</param>
    /// <returns><c>person|</c> followed by the escaped id.</returns>
    public static string PersonRow(string personId) => "person" + Separator + Escape(personId);

    /// <summary>Returns the row key of one change in a case's history (ADR-016).</summary>
    /// <param name="sequence">The change's sequence in the case, in [1, 999999].</param>
    /// <returns><c>history|000001</c>: changes sort in the order written, apart from the person rows.</returns>
    public static string HistoryRow(int sequence) => string.Create(CultureInfo.InvariantCulture, $"history{Separator}{sequence:D6}");

    /// <summary>Returns the row key of a workflow instance's state row.</summary>
    /// <param name="workflow">The workflow code, e.g. <c>criminal_justice</c>.</param>
    /// <param name="subjectId">The instance id within the case (the case id itself for one-per-case workflows).</param>
    /// <returns><c>wf|{workflow}|{subject}</c>, segments escaped.</returns>
    public static string WorkflowRow(string workflow, string subjectId) =>
        string.Join(Separator, "wf", Escape(workflow), Escape(subjectId));

    /// <summary>Returns the row key of one audit event of a workflow instance.</summary>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="sequence">The event's sequence (= the instance version after it), in [1, 999999].</param>
    /// <returns><c>wf|{workflow}|{subject}|ev|000001</c>: events sort in order after their state row.</returns>
    public static string WorkflowEventRow(string workflow, string subjectId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{WorkflowRow(workflow, subjectId)}{Separator}ev{Separator}{sequence:D6}");

    /// <summary>Returns the row key of an idempotency record (the <c>Idempotency-Key</c> of a POST).</summary>
    /// <param name="operation">The operation, e.g. <c>create_case</c>.</param>
    /// <param name="key">The caller's key.</param>
    /// <returns><c>idem|{operation}|{key}</c>, segments escaped.</returns>
    public static string IdempotencyRow(string operation, string key) => string.Join(Separator, "idem", Escape(operation), Escape(key));

    /// <summary>Returns the partition of alerts for a business date.</summary>
    /// <param name="date">The business date in the district zone.</param>
    /// <returns><c>d2026-01-31</c>.</returns>
    public static string AlertPartition(LocalDate date) => string.Create(CultureInfo.InvariantCulture, $"d{date:uuuu-MM-dd}");

    /// <summary>Returns the row key of one alert in a day's partition: one row per case, workflow instance and deadline
    /// kind, so the daily run adds it insert-only and a second run for the same day finds it (ADR-007).</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="workflow">The workflow code.</param>
    /// <param name="subjectId">The instance id.</param>
    /// <param name="deadlineKind">The deadline id, e.g. <c>service_due</c>.</param>
    /// <returns><c>{case}|{workflow}|{subject}|{deadline kind}</c>, segments escaped.</returns>
    public static string AlertRow(string caseId, string workflow, string subjectId, string deadlineKind) =>
        string.Join(Separator, Escape(caseId), Escape(workflow), Escape(subjectId), Escape(deadlineKind));

    /// <summary>Returns the partition of the delivery records of a day's alerts (ADR-021), next to the day's alert
    /// partition in the same table.</summary>
    /// <param name="date">The alerts' business date.</param>
    /// <returns><c>v2026-01-31</c>.</returns>
    public static string AlertDeliveryPartition(LocalDate date) => string.Create(CultureInfo.InvariantCulture, $"v{date:uuuu-MM-dd}");

    /// <summary>Returns the row key of one alert's delivery record on one channel, added insert-only.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="channel">The channel code (<c>email</c>, <c>webhook</c>).</param>
    /// <returns><c>{alert id}|{channel}</c>, segments escaped.</returns>
    public static string AlertDeliveryRow(string alertId, string channel) => string.Join(Separator, Escape(alertId), Escape(channel));

    /// <summary>Gets the smallest row key of any workflow row (state or event) in a case partition.</summary>
    /// <value><c>wf|</c>.</value>
    public static string WorkflowRowsLowerBound => "wf" + Separator;

    /// <summary>Gets the exclusive upper bound of the workflow rows in a case partition (<c>}</c> sorts right after
    /// <c>|</c>).</summary>
    /// <value><c>wf}</c>.</value>
    public static string WorkflowRowsUpperBound => "wf}";

    // issue-5: imported CTDC data sets.

    /// <summary>The partition of the CTDC data sets.</summary>
    /// <value><c>ctdc</c>.</value>
    public static string CtdcPartition => "ctdc";

    /// <summary>Returns the row key of a CTDC data set's header row (written last: its presence marks a complete import).</summary>
    /// <param name="fingerprint">The file's SHA-256 (hex).</param>
    /// <returns><c>ds|{fingerprint}</c>.</returns>
    public static string CtdcDatasetRow(string fingerprint) => "ds" + Separator + Escape(fingerprint);

    /// <summary>Returns the row key of one part of a CTDC data set's counts.</summary>
    /// <param name="fingerprint">The file's SHA-256 (hex).</param>
    /// <param name="part">The part number, in [0, 999].</param>
    /// <returns><c>ds|{fingerprint}|p000</c>.</returns>
    public static string CtdcPartRow(string fingerprint, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"{CtdcDatasetRow(fingerprint)}{Separator}p{part:D3}");

    // issue-14: the access log (ADR-022).

    /// <summary>Returns the access-log partition of one case.</summary>
    /// <param name="caseId">The case id.</param>
    /// <returns><c>c|</c> followed by the escaped case id.</returns>
    public static string AccessLogCasePartition(string caseId) => "c" + Separator + Escape(caseId);

    /// <summary>Returns the access-log partition of one business date (district zone).</summary>
    /// <param name="date">The business date.</param>
    /// <returns><c>d2026-03-01</c>; partitions of later dates sort after earlier ones.</returns>
    public static string AccessLogDayPartition(LocalDate date) => string.Create(CultureInfo.InvariantCulture, $"d{date:uuuu-MM-dd}");

    /// <summary>Returns the row key of an access-log entry (the same in its case and day partitions).</summary>
    /// <param name="at">When the access happened (after 1970).</param>
    /// <param name="entryId">The entry's random id.</param>
    /// <returns><c>{19-digit Unix tick count}|{id}</c>: entries sort in time order.</returns>
    public static string AccessLogRow(Instant at, string entryId) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeTicks():D19}{Separator}{Escape(entryId)}");

    // issue-16: prevention activities (ADR-033).

    /// <summary>The partition of the prevention activities (one district's few hundred a year; ADR-033).</summary>
    /// <value><c>activity</c>.</value>
    public static string PreventionPartition => "activity";

    /// <summary>Returns the row key of a prevention activity.</summary>
    /// <param name="activityId">The activity id.</param>
    /// <returns><c>pa|</c> followed by the escaped id.</returns>
    public static string PreventionRow(string activityId) => "pa" + Separator + Escape(activityId);
}
