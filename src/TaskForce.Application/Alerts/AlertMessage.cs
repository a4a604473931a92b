using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Alerts;

/// <summary>
/// The delivery queue's message for one alert (ADR-021), snake_case JSON. It carries ids, codes and dates only —
/// never a name, a reason or any other value of a person (UU 21/2007 Pasal 44; UU 27/2022) — so the queue, its
/// poison queue and the delivery logs hold nothing personal.
/// </summary>
/// <param name="AlertId">The alert id (<see cref="AlertIds"/>), the idempotency key of the delivery.</param>
/// <param name="BusinessDate">The business date of the run that raised the alert (district zone).</param>
/// <param name="Agency">The agency the alert is addressed to.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Workflow">The workflow code.</param>
/// <param name="DeadlineId">The deadline kind (the alert kind), e.g. <c>service_due</c>.</param>
/// <param name="Status"><c>due_today</c> or <c>overdue</c>.</param>
/// <param name="DueOn">The last business date on which the deadline is met (district zone, WITA in TTU).</param>
/// <param name="DueAt">The due instant of an hour-based deadline (UTC), else <see langword="null"/>.</param>
/// <param name="DaysOverdue">Whole days past <paramref name="DueOn"/>; 0 when due today.</param>
/// <param name="Zone">The district zone id, e.g. <c>Asia/Makassar</c>.</param>
public sealed record AlertMessage(
    string AlertId,
    LocalDate BusinessDate,
    string Agency,
    string CaseId,
    string Workflow,
    string DeadlineId,
    string Status,
    LocalDate DueOn,
    Instant? DueAt,
    int DaysOverdue,
    string Zone)
{
    /// <summary>Builds the message of a stored alert.</summary>
    /// <param name="alert">The alert. Cannot be <see langword="null"/>.</param>
    /// <param name="zone">The district zone.</param>
    /// <returns>The message.</returns>
    public static AlertMessage From(DeadlineAlert alert, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(zone);
        return new AlertMessage(alert.Id, alert.BusinessDate, alert.Agency, alert.CaseId, alert.Workflow, alert.DeadlineId,
            alert.Status == DeadlineAlertStatus.Overdue ? "overdue" : "due_today", alert.DueOn, alert.DueAt, alert.DaysOverdue, zone.Id);
    }

    /// <summary>Returns the message as JSON.</summary>
    /// <returns>Snake_case JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, TaskForceJson.Options);

    /// <summary>Reads a message from the queue, strictly (unknown fields refused).</summary>
    /// <param name="json">The message text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TaskForce.Domain.Common.DomainValidationException">The text is not a valid message (the field
    /// is named; the value is never repeated).</exception>
    public static AlertMessage Parse(string json)
    {
        var message = InputJson.Read<AlertMessage>(Encoding.UTF8.GetBytes(json ?? string.Empty))
            ?? throw new TaskForce.Domain.Common.DomainValidationException("body", AlertsText.AlertMessageMessageNull);
        if (!AlertIds.TryParse(message.AlertId, out _) || string.IsNullOrWhiteSpace(message.Agency) || string.IsNullOrWhiteSpace(message.CaseId))
        {
            throw new TaskForce.Domain.Common.DomainValidationException("alert_id", AlertsText.AlertMessageMessageLacksValidAlert);
        }

        return message;
    }
}

/// <summary>
/// What a channel sends for one alert: the ids, codes and dates of the <see cref="AlertMessage"/>, a link to the case's
/// timeline, and a bilingual text (Bahasa Indonesia first, then English) built from them only.
/// </summary>
/// <param name="Message">The queue message.</param>
/// <param name="Link">The link, e.g. <c>https://taskforce-ttu.example/api/cases/{case id}/timeline</c>.</param>
public sealed record AlertNotice(AlertMessage Message, Uri Link)
{
    /// <summary>Gets the e-mail subject, both languages (the recipient's language is not known).</summary>
    /// <value>For example <c>[TaskForce] Tenggat hari ini / Deadline due today: service_due, kasus/case abc</c>.</value>
    public string Subject
    {
        get
        {
            string key = Overdue ? nameof(AlertsText.AlertSubjectOverdue) : nameof(AlertsText.AlertSubjectDueToday);
            return string.Create(CultureInfo.InvariantCulture,
                $"[TaskForce] {Id(key)} / {En(key)}: {Message.DeadlineId}, {Id(nameof(AlertsText.AlertCaseWord))}/{En(nameof(AlertsText.AlertCaseWord))} {Message.CaseId}");
        }
    }

    /// <summary>Gets the plain-text body: Bahasa Indonesia, then English, then the privacy note (texts from
    /// <c>Resources/AlertsText</c>, ADR-025).</summary>
    /// <value>Several lines; ids, codes, dates and the link only (ADR-021).</value>
    public string Body
    {
        get
        {
            string due = LocalDatePattern.Iso.Format(Message.DueOn);
            string zone = Message.Zone == "Asia/Makassar" ? "WITA" : Message.Zone;
            var b = new StringBuilder();
            foreach (var language in new[] { Texts.Indonesian, Texts.English })
            {
                string label = AlertKinds.Label(Message.DeadlineId, language);
                b.Append(In(nameof(AlertsText.AlertBodyDeadline), language, Message.CaseId, Message.Workflow, label, Message.DeadlineId)).Append(' ');
                b.AppendLine(Overdue
                    ? In(nameof(AlertsText.AlertBodyOverdue), language, Message.DaysOverdue, due, zone)
                    : In(nameof(AlertsText.AlertBodyDueToday), language, due, zone));
                b.AppendLine(In(nameof(AlertsText.AlertBodyOpen), language, Link));
                b.AppendLine();
            }

            b.AppendLine(CultureInfo.InvariantCulture, $"Alert {Message.AlertId}. {Id(nameof(AlertsText.AlertBodyPrivacy))} {En(nameof(AlertsText.AlertBodyPrivacy))}");
            return b.ToString();
        }
    }

    private static string In(string key, System.Globalization.CultureInfo language, params object?[] args) => Texts.In(AlertsText.ResourceManager, key, language, args);

    private static string Id(string key) => In(key, Texts.Indonesian);

    private static string En(string key) => In(key, Texts.English);

    private bool Overdue => Message.Status == "overdue";
}

/// <summary>Bilingual labels of the deadline kinds (alert kinds); an unknown kind is shown by its code, so a kind added
/// later (e.g. a suspect's release by law) needs no change here to be delivered.</summary>
public static class AlertKinds
{
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "first_response", "service_due", "p19_file_return", "restitution_payment_due", "restitution_warning_period",
    };

    /// <summary>Returns the label of a deadline kind.</summary>
    /// <param name="deadlineId">The kind's code.</param>
    /// <returns><c>"{Bahasa Indonesia} / {English}"</c>, or the code in both places when the kind has no label.</returns>
    public static string Label(string deadlineId) => Label(deadlineId, Texts.Indonesian) + " / " + Label(deadlineId, Texts.English);

    /// <summary>Returns the label of a deadline kind in one language.</summary>
    /// <param name="deadlineId">The kind's code.</param>
    /// <param name="language"><see cref="Texts.Indonesian"/> or <see cref="Texts.English"/>.</param>
    /// <returns>The label (<c>Resources/AlertsText</c>, key <c>AlertKind_{code}</c>), or the code when the kind has
    /// no label.</returns>
    public static string Label(string deadlineId, System.Globalization.CultureInfo language) =>
        Labels.Contains(deadlineId) ? Texts.In(AlertsText.ResourceManager, "AlertKind_" + deadlineId, language) : deadlineId;
}
