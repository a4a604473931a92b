using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using TaskForce.Application.Alerts;
using TaskForce.Hosting.Resources;

namespace TaskForce.Hosting;

/// <summary>
/// Checks <see cref="AlertDeliveryOptions"/> when the host starts (ADR-021): the queue name is a valid queue name, the
/// attempts and timeout are in range, every agency code is an agency code, every e-mail address parses, every webhook
/// is an absolute https address (http only for a loopback host), the SMTP server and sender are set when any agency
/// has e-mail, and the link base is an absolute http(s) address when any agency has a channel. Messages name the
/// setting, never a value (an address or a secret).
/// </summary>
public sealed partial class AlertDeliveryOptionsValidator : IValidateOptions<AlertDeliveryOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unnamed).</param>
    /// <param name="options">The bound options.</param>
    /// <returns>Success, or one failure message per bad setting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ValidateOptionsResult Validate(string? name, AlertDeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = AlertDeliveryOptions.SectionName;
        var failures = new List<string>();
        if (options.QueueName is null || !QueueName().IsMatch(options.QueueName) || options.QueueName.Contains("--", StringComparison.Ordinal))
        {
            failures.Add(Setting(HostingText.SetupQueueName, $"{S}:QueueName"));
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add(Setting(HostingText.SetupMaxAttempts, $"{S}:MaxAttempts"));
        }

        if (options.WebhookTimeoutSeconds is < 1 or > 120)
        {
            failures.Add(Setting(HostingText.SetupWebhookTimeout, $"{S}:WebhookTimeoutSeconds"));
        }

        bool anyEmail = false, anyChannel = false;
        foreach (var (agency, settings) in options.Agencies)
        {
            string at = $"{S}:Agencies:{agency}";
            if (!AgencyCode().IsMatch(agency))
            {
                failures.Add(Setting(HostingText.SetupAgencySection, at));
            }

            if (!string.IsNullOrWhiteSpace(settings.Email))
            {
                anyEmail = anyChannel = true;
                if (!MailboxAddress.TryParse(settings.Email, out var box) || !box.Address.Contains('@', StringComparison.Ordinal))
                {
                    failures.Add(Setting(HostingText.SetupAgencyEmail, $"{at}:Email"));
                }
            }

            if (!string.IsNullOrWhiteSpace(settings.WebhookUrl))
            {
                anyChannel = true;
                if (!WebhookAllowed(settings.WebhookUrl))
                {
                    failures.Add(Setting(HostingText.SetupAgencyWebhook, $"{at}:WebhookUrl"));
                }
            }
        }

        if (anyEmail)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                failures.Add(Setting(HostingText.SetupSmtpHost, $"{S}:Smtp:Host"));
            }

            if (!MailboxAddress.TryParse(options.Smtp.From ?? string.Empty, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            {
                failures.Add(Setting(HostingText.SetupSmtpFrom, $"{S}:Smtp:From"));
            }

            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add(Setting(HostingText.SetupSmtpPort, $"{S}:Smtp:Port"));
            }

            try
            {
                SmtpAlertChannel.Security(options.Smtp.Security);
            }
            catch (ArgumentOutOfRangeException)
            {
                failures.Add(Setting(HostingText.SetupSmtpSecurity, $"{S}:Smtp:Security"));
            }
        }

        if (anyChannel && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http")))
        {
            failures.Add(Setting(HostingText.SetupPublicBaseUrl, $"{S}:PublicBaseUrl"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string template, string key) => TaskForceOptionsValidator.Setting(template, key);

    private static bool WebhookAllowed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,55}$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();

    [GeneratedRegex("^[a-z0-9_.-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyCode();
}
