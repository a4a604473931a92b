namespace TaskForce.Application.Alerts;

/// <summary>
/// Settings of alert delivery (section <c>TaskForce:Alerts</c>, ADR-021): the queue, the link base, how many attempts
/// before the poison queue, the SMTP server, and per agency the e-mail address and/or the webhook of its own system.
/// Validated when the host starts (<c>AlertDeliveryOptionsValidator</c> in TaskForce.Hosting).
/// </summary>
/// <remarks>Environment-variable form: <c>TaskForce__Alerts__Agencies__uptd_ppa_ttu__Email</c>,
/// <c>TaskForce__Alerts__Agencies__uptd_ppa_ttu__WebhookUrl</c>. An agency with no entry gets its alerts in the inbox
/// (<c>GET /api/alerts</c>) only.</remarks>
public sealed class AlertDeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TaskForce:Alerts";

    /// <summary>The default queue name.</summary>
    public const string DefaultQueueName = "alert-deliveries";

    /// <summary>The setting naming the queue, as the queue trigger reads it (<c>%TaskForce:Alerts:QueueName%</c>).</summary>
    public const string QueueNameSetting = "TaskForce:Alerts:QueueName";

    /// <summary>Gets or sets the delivery queue's name; its poison queue is this name with <c>-poison</c>.</summary>
    /// <value>3 to 56 lower-case letters, digits and single hyphens; default <c>alert-deliveries</c>.</value>
    public string QueueName { get; set; } = DefaultQueueName;

    /// <summary>Gets or sets the base address of the TaskForce API the message links point to (e.g.
    /// <c>https://taskforce-ttu.azurewebsites.net</c>); the link is <c>{base}/api/cases/{case id}/timeline</c>
    /// (<see cref="AlertNotice.Link"/>), which answers only to a signed-in person allowed to read the case.</summary>
    /// <value>An absolute http(s) address; required when any agency has a channel.</value>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>Gets or sets how many times a message is tried before it goes to the poison queue.</summary>
    /// <value>1 to 20; default 5. Keep it below the host's <c>extensions.queues.maxDequeueCount</c> (host.json) so this
    /// code, not the host, moves the message and records the dead letter per channel.</value>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the webhook timeout.</summary>
    /// <value>1 to 120 seconds; default 20.</value>
    public int WebhookTimeoutSeconds { get; set; } = 20;

    /// <summary>Gets the SMTP server settings.</summary>
    /// <value>Never <see langword="null"/>.</value>
    public AlertSmtpOptions Smtp { get; init; } = new();

    /// <summary>Gets the per-agency channels, keyed by agency code (compared ignoring case).</summary>
    /// <value>Never <see langword="null"/>; empty when no agency is configured.</value>
    public Dictionary<string, AgencyAlertSettings> Agencies { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the settings of one agency.</summary>
    /// <param name="agency">An agency code.</param>
    /// <returns>The settings, or <see langword="null"/> when the agency has none.</returns>
    public AgencyAlertSettings? For(string agency) =>
        Agencies.FirstOrDefault(p => string.Equals(p.Key, agency, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>The SMTP server alerts are sent through (section <c>TaskForce:Alerts:Smtp</c>).</summary>
public sealed class AlertSmtpOptions
{
    /// <summary>Gets or sets the server's host name.</summary>
    /// <value>Required when any agency has an e-mail address.</value>
    public string Host { get; set; } = string.Empty;

    /// <summary>Gets or sets the port.</summary>
    /// <value>1 to 65535; default 587 (submission with STARTTLS).</value>
    public int Port { get; set; } = 587;

    /// <summary>Gets or sets the transport security.</summary>
    /// <value><c>starttls</c> (default), <c>tls</c> (implicit TLS, port 465) or <c>none</c> (only for a local test server).</value>
    public string Security { get; set; } = "starttls";

    /// <summary>Gets or sets the sender address, e.g. <c>gugus-tugas@ttukab.go.id</c>.</summary>
    /// <value>An e-mail address; required when any agency has an e-mail address.</value>
    public string From { get; set; } = string.Empty;

    /// <summary>Gets or sets the account name; empty for an unauthenticated relay.</summary>
    /// <value>Possibly empty.</value>
    public string UserName { get; set; } = string.Empty;

    /// <summary>Gets or sets the password (in Azure a Key Vault reference).</summary>
    /// <value>Possibly empty.</value>
    public string Password { get; set; } = string.Empty;
}

/// <summary>One agency's channels (section <c>TaskForce:Alerts:Agencies:{agency code}</c>).</summary>
public sealed class AgencyAlertSettings
{
    /// <summary>Gets or sets the agency's e-mail address for alerts (a desk or team mailbox, not a person's private one).</summary>
    /// <value>An e-mail address, or empty for no e-mail.</value>
    public string Email { get; set; } = string.Empty;

    /// <summary>Gets or sets the agency system's webhook: alerts are POSTed to it as JSON.</summary>
    /// <value>An absolute https address (http only for a loopback host), or empty for no webhook.</value>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>Gets or sets the secret the webhook body is signed with (header <c>X-TaskForce-Signature:
    /// sha256={hex HMAC-SHA256 of the body}</c>); empty for no signature.</summary>
    /// <value>Possibly empty; in Azure a Key Vault reference.</value>
    public string WebhookSecret { get; set; } = string.Empty;
}

/// <summary>Thrown by a channel when the receiver refused a notice or could not be reached. The message names the
/// channel and the status, never the content.</summary>
public sealed class AlertChannelException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public AlertChannelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public AlertChannelException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public AlertChannelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
