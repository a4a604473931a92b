using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Alerts;

/// <summary>What one daily deadline run did.</summary>
/// <param name="BusinessDate">The business date of the run (district zone).</param>
/// <param name="Zone">The zone id, e.g. <c>Asia/Makassar</c>.</param>
/// <param name="EvaluatedAt">The instant the deadlines were evaluated at.</param>
/// <param name="InstancesScanned">Workflow instances read.</param>
/// <param name="InstancesUnreadable">Instances skipped because their stored rows could not be replayed (logged by id).</param>
/// <param name="DueToday">Alerts found with status due today.</param>
/// <param name="Overdue">Alerts found with status overdue.</param>
/// <param name="Written">Alerts written now.</param>
/// <param name="AlreadyStored">Alerts found that an earlier run of the same day had written (nothing rewritten).</param>
/// <param name="Queued">Alerts of the day put on the delivery queue by this run (new ones, and any an interrupted
/// earlier run left unqueued; ADR-021).</param>
public sealed record DailyAlertRun(
    LocalDate BusinessDate,
    string Zone,
    Instant EvaluatedAt,
    int InstancesScanned,
    int InstancesUnreadable,
    int DueToday,
    int Overdue,
    int Written,
    int AlreadyStored,
    int Queued = 0)
{
    /// <summary>Gets the suspects' detention records read (ADR-024).</summary>
    /// <value>0 when the run has no detention source.</value>
    public int DetentionsScanned { get; init; }

    /// <summary>Gets the alerts found with status due soon (detention release dates by law in the coming days).</summary>
    public int DueSoon { get; init; }
}

/// <summary>
/// The daily deadline run: reads every workflow instance of every case, evaluates its deadlines with the domain
/// (<c>WorkflowInstance.Deadlines</c>) as of one instant in the district zone, and adds an alert for each running
/// deadline that is due that business date or overdue, addressed to the case's owning agency and its assigned case
/// worker, if any (<see cref="AlertRouting"/>); with a detention source, it also warns before each stored suspect's release by law
/// (<see cref="DetentionReleaseAlerts"/>, ADR-024). Alerts are insert-only with deterministic keys, so running twice
/// for the same day writes nothing new; the alerts not yet queued then go to the delivery queue
/// (<see cref="AlertOutboxDispatcher"/>, ADR-021), so the second run sends nothing either.
/// </summary>
/// <remarks>
/// <para>Due: a day-based deadline whose due date is the business date (<see cref="DeadlineStatus.DueToday"/>), or an
/// hour-based one (first response) still pending whose due instant falls on the business date. Overdue:
/// <see cref="DeadlineStatus.Overdue"/>. Closed deadlines (met, met late, stopped, missed) raise nothing.</para>
/// <para>An instance whose stored rows do not replay (a corrupt row, a workflow code this version does not know) is
/// skipped and logged by id, never allowed to stop the run for the others. Alerts and logs carry ids and codes only.</para>
/// </remarks>
/// <param name="workflows">The workflow store.</param>
/// <param name="alerts">The alert store.</param>
/// <param name="registry">The workflows.</param>
/// <param name="clock">The clock (FakeClock in tests).</param>
/// <param name="zone">The district zone (normally Asia/Makassar).</param>
/// <param name="logger">The logger.</param>
/// <param name="routing">Who each alert is addressed to.</param>
/// <param name="outbox">Puts the day's unqueued alerts on the delivery queue.</param>
/// <param name="detentions">The stored suspects' detention records (ADR-024): their release dates by law raise
/// <c>detention_release_by_law</c> alerts (<see cref="DetentionReleaseAlerts"/>); <see langword="null"/> for none.</param>
public sealed partial class DailyDeadlineAlertsUseCase(
    IWorkflowRepository workflows,
    IAlertRepository alerts,
    WorkflowRegistry registry,
    IClock clock,
    DateTimeZone zone,
    ILogger<DailyDeadlineAlertsUseCase> logger,
    AlertRouting routing,
    AlertOutboxDispatcher outbox,
    ISuspectDetentionSource? detentions = null)
{
    /// <summary>Runs once for the business date of the clock's current instant.</summary>
    /// <param name="cancellationToken">Cancels the run; alerts already written stay, and a re-run completes the day.</param>
    /// <returns>What the run did.</returns>
    public async Task<DailyAlertRun> RunAsync(CancellationToken cancellationToken = default)
    {
        Instant now = clock.GetCurrentInstant();
        var at = new FrozenClock(now);
        LocalDate today = DistrictTime.BusinessDate(now, zone);
        var found = new List<DeadlineAlert>();
        var cases = new Dictionary<string, CaseTies?>(StringComparer.Ordinal);
        int scanned = 0, unreadable = 0;
        await foreach (var stored in workflows.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            scanned++;
            IReadOnlyList<Deadline> deadlines;
            try
            {
                var session = WorkflowIds.Reload(registry.Find(stored.Workflow), stored, facts: null, zone);
                deadlines = session.Deadlines(at);
            }
            catch (Exception ex) when (ex is DomainValidationException or InvalidOperationException)
            {
                unreadable++;
                LogUnreadable(logger, stored.CaseId, stored.Workflow, stored.SubjectId, ex);
                continue;
            }

            AlertAddressee? to = null;
            foreach (var d in deadlines)
            {
                DeadlineAlertStatus? status = d.Status switch
                {
                    DeadlineStatus.Overdue => DeadlineAlertStatus.Overdue,
                    DeadlineStatus.DueToday => DeadlineAlertStatus.DueToday,
                    DeadlineStatus.Pending when d.DueOn == today => DeadlineAlertStatus.DueToday,
                    _ => null,
                };
                if (status is { } s)
                {
                    to ??= await routing.AddresseeOfAsync(stored, cases, cancellationToken).ConfigureAwait(false);
                    found.Add(new DeadlineAlert(today, stored.CaseId, stored.Workflow, stored.SubjectId, d.Id, d.DueOn, d.DueAt, s,
                        s == DeadlineAlertStatus.Overdue ? d.DaysOverdue : 0, d.StartedBySequence, d.Confirmed, now) { Agency = to.Agency, Assignee = to.Assignee });
                }
            }
        }

        int detentionsScanned = 0;
        if (detentions is not null)
        {
            await foreach (var d in detentions.ListAsync(today.PlusDays(-Domain.Cases.SuspectDetentions.WarningDays), cancellationToken).ConfigureAwait(false))
            {
                detentionsScanned++;
                try
                {
                    if (DetentionReleaseAlerts.Evaluate(d, today, zone, now) is { } alert)
                    {
                        var to = await routing.AddresseeOfCaseAsync(d.CaseId, cases, cancellationToken).ConfigureAwait(false);
                        found.Add(alert with { Agency = to.Agency, Assignee = to.Assignee });
                    }
                }
                catch (DomainValidationException ex)
                {
                    unreadable++;
                    LogUnreadable(logger, d.CaseId, DetentionReleaseAlerts.Workflow, d.SuspectId, ex);
                }
            }
        }

        int written = await alerts.AddNewAsync(today, found, cancellationToken).ConfigureAwait(false);
        int queued = await outbox.DispatchAsync(today, cancellationToken).ConfigureAwait(false);
        var run = new DailyAlertRun(today, zone.Id, now, scanned, unreadable,
            found.Count(a => a.Status == DeadlineAlertStatus.DueToday),
            found.Count(a => a.Status == DeadlineAlertStatus.Overdue),
            written,
            found.Count - written,
            queued)
        {
            DetentionsScanned = detentionsScanned,
            DueSoon = found.Count(a => a.Status == DeadlineAlertStatus.DueSoon),
        };
        LogRun(logger, today, scanned, unreadable, found.Count, written);
        return run;
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "Case {CaseId}: {Workflow} '{SubjectId}' skipped by the deadline run: its stored rows do not replay")]
    private static partial void LogUnreadable(ILogger logger, string caseId, string workflow, string subjectId, Exception exception);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Deadline run for {BusinessDate}: {Scanned} instances ({Unreadable} unreadable), {Found} alerts, {Written} written now")]
    private static partial void LogRun(ILogger logger, LocalDate businessDate, int scanned, int unreadable, int found, int written);

    /// <summary>A clock stopped at one instant, so every instance of a run is evaluated at the same moment.</summary>
    private sealed class FrozenClock(Instant instant) : IClock
    {
        public Instant GetCurrentInstant() => instant;
    }
}
