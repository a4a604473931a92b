using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Application.Resources;

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
    /// <summary>Gets the e-mail subject, both languages.</summary>
    /// <value>For example <c>[TaskForce] Tenggat hari ini / Deadline due today: service_due, kasus/case abc</c>.</value>
    public string Subject => string.Create(CultureInfo.InvariantCulture,
        $"[TaskForce] {(Overdue ? "Tenggat terlewat / Deadline overdue" : "Tenggat hari ini / Deadline due today")}: {Message.DeadlineId}, kasus/case {Message.CaseId}");

    /// <summary>Gets the plain-text body: Bahasa Indonesia, then English, then the privacy note.</summary>
    /// <value>Several lines; ids, codes, dates and the link only.</value>
    public string Body
    {
        get
        {
            string due = LocalDatePattern.Iso.Format(Message.DueOn);
            string zone = Message.Zone == "Asia/Makassar" ? "WITA" : Message.Zone;
            string label = AlertKinds.Label(Message.DeadlineId);
            var b = new StringBuilder();
            b.Append(CultureInfo.InvariantCulture, $"Kasus {Message.CaseId}, alur {Message.Workflow}: tenggat \"{label.Split(" / ")[0]}\" ({Message.DeadlineId}) ");
            b.AppendLine(Overdue
                ? string.Create(CultureInfo.InvariantCulture, $"sudah terlewat {Message.DaysOverdue} hari (batas {due} {zone}).")
                : string.Create(CultureInfo.InvariantCulture, $"jatuh hari ini, {due} {zone}."));
            b.AppendLine(CultureInfo.InvariantCulture, $"Buka: {Link}");
            b.AppendLine();
            b.Append(CultureInfo.InvariantCulture, $"Case {Message.CaseId}, {Message.Workflow} workflow: deadline \"{label.Split(" / ")[^1]}\" ({Message.DeadlineId}) ");
            b.AppendLine(Overdue
                ? string.Create(CultureInfo.InvariantCulture, $"is {Message.DaysOverdue} day(s) overdue (due {due} {zone}).")
                : string.Create(CultureInfo.InvariantCulture, $"is due today, {due} {zone}."));
            b.AppendLine(CultureInfo.InvariantCulture, $"Open: {Link}");
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"Alert {Message.AlertId}. Pesan ini tidak memuat identitas siapa pun (UU 21/2007 Pasal 44). This message carries no one's identity.");
            return b.ToString();
        }
    }

    private bool Overdue => Message.Status == "overdue";
}

/// <summary>Bilingual labels of the deadline kinds (alert kinds); an unknown kind is shown by its code, so a kind added
/// later (e.g. a suspect's release by law) needs no change here to be delivered.</summary>
public static class AlertKinds
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["first_response"] = "respons pertama / first response",
        ["service_due"] = "layanan diberikan / service delivered",
        ["p19_file_return"] = "pengembalian berkas P-19 / return of the P-19 file",
        ["restitution_payment_due"] = "pembayaran restitusi / restitution payment",
        ["restitution_warning_period"] = "masa peringatan restitusi / restitution warning period",
    };

    /// <summary>Returns the label of a deadline kind.</summary>
    /// <param name="deadlineId">The kind's code.</param>
    /// <returns><c>"{Bahasa Indonesia} / {English}"</c>, or the code in both places when the kind has no label.</returns>
    public static string Label(string deadlineId) => Labels.TryGetValue(deadlineId, out var label) ? label : deadlineId + " / " + deadlineId;
}
