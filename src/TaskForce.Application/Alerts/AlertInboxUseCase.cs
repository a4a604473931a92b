using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Alerts;

/// <summary>
/// Who may see and acknowledge an alert (ADR-021), in one place: the task-force coordinator, and a person of the agency
/// the alert is addressed to whose roles may read that agency's case timelines (<see cref="CaseAccessPolicy.Decide(Caller, CaseOperation, string)"/>
/// with <see cref="CaseOperation.ReadTimeline"/>). Nobody else, whatever the case-level scope of their role.
/// </summary>
public static class AlertAccess
{
    /// <summary>Decides whether a caller may see (and acknowledge) the alerts addressed to an agency.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="agency">The addressed agency code.</param>
    /// <returns>The decision with a reason safe to show and log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    public static AccessDecision Decide(Caller caller, string agency)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsCoordinator)
        {
            return new AccessDecision(true, AccessScope.AnyAgency, AlertsText.AlertAccessCoordinator);
        }

        var timeline = CaseAccessPolicy.Decide(caller, CaseOperation.ReadTimeline, agency ?? string.Empty);
        return timeline.Allowed && caller.IsOf(agency)
            ? new AccessDecision(true, AccessScope.OwnAgency, AlertsText.AlertAccessOwnAgency)
            : new AccessDecision(false, AccessScope.None, AlertsText.AlertAccessRefused);
    }
}

/// <summary>An alert as the inbox shows it (snake_case on the wire): ids, codes, dates, the acknowledgement and the
/// delivery state per channel. No personal data.</summary>
/// <param name="AlertId">The alert id.</param>
/// <param name="BusinessDate">The business date of the run that raised it (district zone).</param>
/// <param name="Agency">The agency it is addressed to.</param>
/// <param name="Assignee">The staff account id of the case worker the case was assigned to when the run raised it
/// (ADR-020), or <see langword="null"/> when unassigned.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="SubjectId">The workflow instance id.</param>
/// <param name="Deadline">The deadline kind, e.g. <c>service_due</c>.</param>
/// <param name="Status"><c>due_today</c> or <c>overdue</c>.</param>
/// <param name="DueOn">The last business date on which the deadline is met.</param>
/// <param name="DueAt">The due instant of an hour-based deadline, else <see langword="null"/>.</param>
/// <param name="DaysOverdue">Whole days overdue; 0 when due today.</param>
/// <param name="RuleConfirmed">Whether the deadline's legal value is confirmed.</param>
/// <param name="RaisedAt">When the run evaluated it.</param>
/// <param name="AcknowledgedAt">When it was acknowledged, or <see langword="null"/>.</param>
/// <param name="AcknowledgedBy">The staff account id that acknowledged it, or <see langword="null"/>.</param>
/// <param name="Deliveries">The delivery records per channel (empty while none is settled).</param>
public sealed record AlertView(
    string AlertId,
    LocalDate BusinessDate,
    string Agency,
    string? Assignee,
    string CaseId,
    string Workflow,
    string SubjectId,
    string Deadline,
    string Status,
    LocalDate DueOn,
    Instant? DueAt,
    int DaysOverdue,
    bool RuleConfirmed,
    Instant RaisedAt,
    Instant? AcknowledgedAt,
    string? AcknowledgedBy,
    IReadOnlyList<AlertDeliveryView> Deliveries);

/// <summary>One channel's delivery state.</summary>
/// <param name="Channel"><c>email</c> or <c>webhook</c>.</param>
/// <param name="State"><c>delivered</c> or <c>dead_lettered</c>.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Attempt">The attempt (1 for the first).</param>
public sealed record AlertDeliveryView(string Channel, string State, Instant At, long Attempt);

/// <summary>The alerts of one business date for a caller.</summary>
/// <param name="BusinessDate">The business date listed.</param>
/// <param name="Items">The alerts, by case, workflow, subject and deadline kind.</param>
public sealed record AlertList(LocalDate BusinessDate, IReadOnlyList<AlertView> Items);

/// <summary>The inbox query (<c>GET /alerts</c>).</summary>
/// <param name="Date">The business date (<c>date</c>, YYYY-MM-DD), or <see langword="null"/> for today in the district zone.</param>
/// <param name="Status">The filter (<c>status</c>): <c>due_today</c>, <c>overdue</c>, <c>unacknowledged</c>,
/// <c>acknowledged</c>, or <see langword="null"/> for all.</param>
/// <param name="Agency">The agency (<c>agency</c>): the coordinator may name any; others only their own; <see langword="null"/>
/// for the caller's own agency (all agencies for the coordinator).</param>
/// <param name="Assignee">The <c>assignee</c> filter (<c>assignee</c>): <c>me</c> for the alerts assigned to the caller;
/// the coordinator may name any staff account id; <see langword="null"/> for every alert of the agency.</param>
public sealed record AlertQuery(string? Date, string? Status, string? Agency, string? Assignee);

/// <summary>
/// The alert inbox (ADR-021): lists a day's alerts addressed to the caller's agency (all agencies for the coordinator),
/// or only those of the cases assigned to the caller (<c>assignee=me</c>, ADR-020), and records an acknowledgement. Access is decided by <see cref="AlertAccess"/>.
/// </summary>
/// <param name="alerts">The alert list.</param>
/// <param name="outbox">The delivery records and acknowledgements.</param>
/// <param name="clock">The clock.</param>
/// <param name="zone">The district zone.</param>
public sealed class AlertInboxUseCase(IAlertRepository alerts, IAlertOutbox outbox, IClock clock, DateTimeZone zone)
{
    /// <summary>The status filter values.</summary>
    public static readonly IReadOnlyList<string> StatusValues = ["due_today", "overdue", "unacknowledged", "acknowledged"];

    /// <summary>Lists alerts for a caller.</summary>
    /// <param name="query">The query. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The day's alerts the caller may see, filtered.</returns>
    /// <exception cref="DomainValidationException">A parameter is malformed (<c>date</c>, <c>status</c>, <c>agency</c>),
    /// or <c>assignee</c> is neither <c>me</c> nor, for the coordinator, a staff account id.</exception>
    /// <exception cref="AccessDeniedException">The caller may not read the alerts of the agency asked for (or has no agency).</exception>
    public async Task<AlertList> ListAsync(AlertQuery query, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        string? assignee = AssigneeOf(query.Assignee, caller);
        LocalDate date = query.Date is null ? DistrictTime.BusinessDate(clock.GetCurrentInstant(), zone)
            : NodaTime.Text.LocalDatePattern.Iso.Parse(query.Date) is { Success: true } p ? p.Value
            : throw new DomainValidationException("date", AlertsText.AlertInboxExpectedDateYYYYMM);
        if (query.Status is not null && !StatusValues.Contains(query.Status, StringComparer.Ordinal))
        {
            throw new DomainValidationException("status", Texts.Format(AlertsText.AlertInboxExpectedOne, string.Join(", ", StatusValues)));
        }

        string? agency = query.Agency?.Trim().ToLowerInvariant() ?? (caller.IsCoordinator ? null : caller.Agency);
        if (agency is null && !caller.IsCoordinator)
        {
            throw new AccessDeniedException(AlertsText.AlertInboxCallerPrincipalCarriesAgency);
        }

        if (agency is not null && !AlertAccess.Decide(caller, agency).Allowed)
        {
            throw new AccessDeniedException(AlertAccess.Decide(caller, agency).Reason);
        }

        var day = await alerts.ListAsync(date, cancellationToken).ConfigureAwait(false);
        var deliveries = (await outbox.ListDeliveriesAsync(date, cancellationToken).ConfigureAwait(false)).ToLookup(d => d.AlertId, StringComparer.Ordinal);
        var items = day
            .Where(a => agency is null || string.Equals(a.Agency, agency, StringComparison.OrdinalIgnoreCase))
            .Where(a => AlertAccess.Decide(caller, a.Agency).Allowed)
            .Where(a => assignee is null || string.Equals(a.Assignee, assignee, StringComparison.Ordinal))
            .Where(a => query.Status switch
            {
                "due_today" => a.Status == DeadlineAlertStatus.DueToday,
                "overdue" => a.Status == DeadlineAlertStatus.Overdue,
                "unacknowledged" => a.AcknowledgedAt is null,
                "acknowledged" => a.AcknowledgedAt is not null,
                _ => true,
            })
            .Select(a => View(a, deliveries[a.Id]))
            .ToList();
        return new AlertList(date, items);
    }

    /// <summary>Acknowledges an alert (once; a second acknowledgement returns the first).</summary>
    /// <param name="alertId">The alert id as sent.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The alert as stored, or <see langword="null"/> when no alert has the id.</returns>
    /// <exception cref="DomainValidationException">The id is malformed (field <c>id</c>).</exception>
    /// <exception cref="AccessDeniedException">The alert is not addressed to the caller's agency and the caller is not the coordinator.</exception>
    public async Task<AlertView?> AcknowledgeAsync(string alertId, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AlertIds.TryParse(alertId, out var date))
        {
            throw new DomainValidationException("id", AlertsText.AlertInboxExpectedAlertIdSuch);
        }

        var alert = await outbox.FindAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (alert is null)
        {
            return null;
        }

        var decision = AlertAccess.Decide(caller, alert.Agency);
        if (!decision.Allowed)
        {
            throw new AccessDeniedException(decision.Reason);
        }

        var stored = alert.AcknowledgedAt is null
            ? await outbox.AcknowledgeAsync(alert, clock.GetCurrentInstant(), caller.UserId, cancellationToken).ConfigureAwait(false)
            : alert;
        var deliveries = (await outbox.ListDeliveriesAsync(date, cancellationToken).ConfigureAwait(false)).Where(d => d.AlertId == alertId);
        return View(stored, deliveries);
    }

    /// <summary>The staff account id an <c>assignee</c> filter names: <c>me</c> is the caller; another id only for the
    /// coordinator (a person of an agency reads its own assigned alerts, or the agency's).</summary>
    private static string? AssigneeOf(string? assignee, Caller caller)
    {
        if (assignee is null)
        {
            return null;
        }

        if (assignee == "me")
        {
            return caller.UserId;
        }

        string id = assignee.Trim();
        return caller.IsCoordinator && id.Length is > 0 and <= Cases.AssignCaseUseCase.AccountIdMaxLength && !id.Any(char.IsControl)
            ? id
            : throw new DomainValidationException("assignee", caller.IsCoordinator
                ? Texts.Format(AlertsText.AlertInboxAssigneeCoordinator, Cases.AssignCaseUseCase.AccountIdMaxLength)
                : AlertsText.AlertInboxAssigneeOthers);
    }

    private static AlertView View(DeadlineAlert a, IEnumerable<AlertDeliveryRecord> deliveries) => new(
        a.Id, a.BusinessDate, a.Agency, a.Assignee, a.CaseId, a.Workflow, a.SubjectId, a.DeadlineId,
        a.Status == DeadlineAlertStatus.Overdue ? "overdue" : "due_today", a.DueOn, a.DueAt, a.DaysOverdue, a.RuleConfirmed, a.RaisedAt,
        a.AcknowledgedAt, a.AcknowledgedBy,
        deliveries.OrderBy(d => d.Channel, StringComparer.Ordinal)
            .Select(d => new AlertDeliveryView(d.Channel, d.State == AlertDeliveryState.Delivered ? "delivered" : "dead_lettered", d.At, d.Attempt))
            .ToList());
}
