using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Alerts;

/// <summary>
/// The detention part of the daily run (ADR-024): for every stored suspect's recorded detention, the ledger's release
/// date by law (<see cref="SuspectDetentions.Check"/>, KUHAP Pasal 24–29: the last day of the current order, or the
/// last day its limit allows) and an alert from <see cref="SuspectDetentions.WarningDays"/> days before it: due soon,
/// due on the last lawful day, overdue for as many days after it (a later order not yet recorded, or a release the
/// record does not show; after that the record is taken as concluded and the case's own view keeps saying so).
/// </summary>
/// <remarks>The alerts carry the case id, the suspect's person id and the dates: never a name or a reason.</remarks>
public static class DetentionReleaseAlerts
{
    /// <summary>The workflow code the detention alerts carry (<see cref="DeadlineAlert.Workflow"/>).</summary>
    public const string Workflow = "detention";

    /// <summary>The deadline id the detention alerts carry (<see cref="DeadlineAlert.DeadlineId"/>).</summary>
    public const string DeadlineId = "release_by_law";

    /// <summary>Returns the alert of one suspect's detention on a business date, if one is due.</summary>
    /// <param name="stored">The suspect's record. Cannot be <see langword="null"/>.</param>
    /// <param name="today">The business date of the run (district zone).</param>
    /// <param name="zone">The district zone (business date of the arrest). Cannot be <see langword="null"/>.</param>
    /// <param name="now">The instant of the run (the alert's <see cref="DeadlineAlert.RaisedAt"/>).</param>
    /// <returns>The alert, or <see langword="null"/> when the release date by law is more than
    /// <see cref="SuspectDetentions.WarningDays"/> days away or ago, detention is suspended, or no usable period exists.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The stored record holds an unknown code.</exception>
    public static DeadlineAlert? Evaluate(StoredSuspectDetention stored, LocalDate today, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(zone);
        var result = SuspectDetentions.Check(stored.Detention, stored.OffenceDate, zone, today);
        if (result.ReleaseByLaw is not { } release || result.DaysUntilReleaseByLaw is not { } until || Math.Abs(until) > SuspectDetentions.WarningDays)
        {
            return null;
        }

        var status = until > 0 ? DeadlineAlertStatus.DueSoon : until == 0 ? DeadlineAlertStatus.DueToday : DeadlineAlertStatus.Overdue;
        bool confirmed = result.Periods.All(p => p.RegimeConfirmed != false);
        return new DeadlineAlert(today, stored.CaseId, Workflow, stored.SuspectId, DeadlineId, release, null, status,
            until < 0 ? -until : 0, 0, confirmed, now, DeadlineAlertKinds.DetentionReleaseByLaw);
    }
}
