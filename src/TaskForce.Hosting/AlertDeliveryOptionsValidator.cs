using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using TaskForce.Application.Alerts;

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
            failures.Add($"The setting {S}:QueueName must be 3 to 56 lower-case letters, digits and single hyphens, starting with a letter or digit.");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add($"The setting {S}:MaxAttempts must be a whole number from 1 to 20.");
        }

        if (options.WebhookTimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"The setting {S}:WebhookTimeoutSeconds must be a whole number from 1 to 120.");
        }

        bool anyEmail = false, anyChannel = false;
        foreach (var (agency, settings) in options.Agencies)
        {
            string at = $"{S}:Agencies:{agency}";
            if (!AgencyCode().IsMatch(agency))
            {
                failures.Add($"The section {at} is not named by an agency code (lower-case letters, digits, _ . -).");
            }

            if (!string.IsNullOrWhiteSpace(settings.Email))
            {
                anyEmail = anyChannel = true;
                if (!MailboxAddress.TryParse(settings.Email, out var box) || !box.Address.Contains('@', StringComparison.Ordinal))
                {
                    failures.Add($"The setting {at}:Email is not an e-mail address.");
                }
            }

            if (!string.IsNullOrWhiteSpace(settings.WebhookUrl))
            {
                anyChannel = true;
                if (!WebhookAllowed(settings.WebhookUrl))
                {
                    failures.Add($"The setting {at}:WebhookUrl must be an absolute https address (http only for a loopback host such as 127.0.0.1).");
                }
            }
        }

        if (anyEmail)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                failures.Add($"The setting {S}:Smtp:Host is required when an agency has an e-mail address.");
            }

            if (!MailboxAddress.TryParse(options.Smtp.From ?? string.Empty, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            {
                failures.Add($"The setting {S}:Smtp:From must be an e-mail address when an agency has an e-mail address.");
            }

            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"The setting {S}:Smtp:Port must be from 1 to 65535.");
            }

            try
            {
                SmtpAlertChannel.Security(options.Smtp.Security);
            }
            catch (ArgumentOutOfRangeException)
            {
                failures.Add($"The setting {S}:Smtp:Security must be starttls, tls or none.");
            }
        }

        if (anyChannel && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http")))
        {
            failures.Add($"The setting {S}:PublicBaseUrl must be the absolute http(s) address of the TaskForce API when an agency has a channel.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool WebhookAllowed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,55}$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();

    [GeneratedRegex("^[a-z0-9_.-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyCode();
}
