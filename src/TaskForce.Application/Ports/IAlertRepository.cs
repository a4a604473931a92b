using TaskForce.Application.Alerts;
using NodaTime;

namespace TaskForce.Application.Ports;

/// <summary>Why a deadline is on a day's alert list.</summary>
public enum DeadlineAlertStatus
{
    /// <summary><c>due_today</c>: the deadline falls on the business date (or, for an hour-based deadline, its due
    /// instant lies later that day).</summary>
    DueToday = 1,

    /// <summary><c>overdue</c>: the due date or instant has passed and the deadline is still running.</summary>
    Overdue = 2,

    /// <summary><c>due_soon</c>: the deadline falls within the coming days (a detention's release date by law within
    /// <see cref="Domain.Cases.SuspectDetentions.WarningDays"/> days, ADR-024).</summary>
    DueSoon = 3,
}

/// <summary>The kinds of alert (<see cref="DeadlineAlert.Kind"/>): what raised it.</summary>
public static class DeadlineAlertKinds
{
    /// <summary><c>workflow_deadline</c>: a deadline of a workflow instance (ADR-005).</summary>
    public const string WorkflowDeadline = "workflow_deadline";

    /// <summary><c>detention_release_by_law</c>: a stored suspect's detention ends by law (KUHAP Pasal 24–29) with no
    /// further order recorded (ADR-024). <see cref="DeadlineAlert.Workflow"/> is <c>detention</c>,
    /// <see cref="DeadlineAlert.SubjectId"/> the suspect's person id, <see cref="DeadlineAlert.DeadlineId"/>
    /// <c>release_by_law</c> and <see cref="DeadlineAlert.DueOn"/> the last lawful day of detention.</summary>
    public const string DetentionReleaseByLaw = "detention_release_by_law";
}

/// <summary>
/// One alert of the daily deadline run: a running deadline of one workflow instance that is due or overdue on a
/// business date. Carries ids, codes, dates and a status only — no personal data (UU 21/2007 Pasal 44).
/// </summary>
/// <param name="BusinessDate">The business date of the run (district zone); the alert's partition.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The instance id.</param>
/// <param name="DeadlineId">The deadline kind, e.g. <c>service_due</c>, <c>first_response</c>.</param>
/// <param name="DueOn">The last business date on which the deadline is met.</param>
/// <param name="DueAt">The due instant of an hour-based deadline, else <see langword="null"/>.</param>
/// <param name="Status">Due soon (detention only), due today or overdue.</param>
/// <param name="DaysOverdue">Whole days past <paramref name="DueOn"/> as of <paramref name="BusinessDate"/>; 0 when due today.</param>
/// <param name="StartedBySequence">The audit event that started the deadline.</param>
/// <param name="RuleConfirmed">Whether the deadline's legal value is confirmed (unconfirmed values are flagged).</param>
/// <param name="RaisedAt">When the run that first wrote the alert evaluated it.</param>
/// <param name="Kind">What raised it (<see cref="DeadlineAlertKinds"/>); <c>workflow_deadline</c> for the alerts of
/// workflow deadlines (and for alerts stored before kinds existed).</param>
public sealed record DeadlineAlert(
    LocalDate BusinessDate,
    string CaseId,
    string Workflow,
    string SubjectId,
    string DeadlineId,
    LocalDate DueOn,
    Instant? DueAt,
    DeadlineAlertStatus Status,
    int DaysOverdue,
    int StartedBySequence,
    bool RuleConfirmed,
    Instant RaisedAt,
    string Kind = DeadlineAlertKinds.WorkflowDeadline)
{
    /// <summary>Gets the agency the alert is addressed to (the case's owning agency when the run wrote it; ADR-021).</summary>
    /// <value>An agency code such as <c>uptd_ppa_ttu</c>; empty for an alert stored before alerts were addressed.</value>
    public string Agency { get; init; } = string.Empty;

    /// <summary>Gets the staff account id of the case worker the case was assigned to when the run wrote the alert
    /// (ADR-020, ADR-021): the person within <see cref="Agency"/> the alert is for. Never a victim's data.</summary>
    /// <value>1 to 128 characters, or <see langword="null"/> when the case was unassigned (or the alert was stored
    /// before alerts carried an assignee).</value>
    public string? Assignee { get; init; }

    /// <summary>Gets when a person of the addressed agency (or the coordinator) acknowledged the alert.</summary>
    /// <value>The instant, or <see langword="null"/> while unacknowledged.</value>
    public Instant? AcknowledgedAt { get; init; }

    /// <summary>Gets the staff account id of the person who acknowledged the alert (never a victim's data).</summary>
    /// <value>1 to 128 characters, or <see langword="null"/> while unacknowledged.</value>
    public string? AcknowledgedBy { get; init; }

    /// <summary>Gets the alert's id on the wire and in queue messages: the business date and a digest of the
    /// alert's key (case, workflow, subject, deadline kind), the same for every run of the day (ADR-021).</summary>
    /// <value>For example <c>20260109-3f2a9c0d51e7b846</c> (date <c>yyyyMMdd</c>, a hyphen, 16 lower-case hex digits).</value>
    public string Id => AlertIds.Of(BusinessDate, CaseId, Workflow, SubjectId, DeadlineId);
}

/// <summary>
/// Stores the daily alert list (table <c>alerts</c>, one partition per business date, ADR-007): insert-only, keyed by
/// case, workflow, subject and deadline kind, so a second run for the same day writes nothing new.
/// </summary>
public interface IAlertRepository
{
    /// <summary>Adds the alerts of a day that are not stored yet; stored ones are left as first written.</summary>
    /// <param name="businessDate">The business date (all alerts must carry it).</param>
    /// <param name="alerts">The alerts. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were written now.</returns>
    /// <exception cref="ArgumentException">An alert carries another business date.</exception>
    Task<int> AddNewAsync(LocalDate businessDate, IReadOnlyList<DeadlineAlert> alerts, CancellationToken cancellationToken = default);

    /// <summary>Lists the alerts of a day.</summary>
    /// <param name="businessDate">The business date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alerts, in key order (case, workflow, subject, deadline kind).</returns>
    Task<IReadOnlyList<DeadlineAlert>> ListAsync(LocalDate businessDate, CancellationToken cancellationToken = default);
}
