using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TaskForce.Application.Alerts;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Hosting.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Hosting;

/// <summary>
/// The e-mail channel (ADR-021): one plain-text message per alert to the agency's address, through the SMTP server of
/// <c>TaskForce:Alerts:Smtp</c> (MailKit). Subject and body are the notice's bilingual text; nothing else.
/// </summary>
/// <param name="options">The delivery settings.</param>
public sealed class SmtpAlertChannel(AlertDeliveryOptions options) : IAlertChannel
{
    /// <inheritdoc/>
    public string Code => "email";

    /// <inheritdoc/>
    public bool Serves(AgencyAlertSettings settings) => !string.IsNullOrWhiteSpace(settings?.Email);

    /// <inheritdoc/>
    public async Task SendAsync(AlertNotice notice, AgencyAlertSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(settings);
        var smtp = options.Smtp;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(settings.Email));
        message.Subject = notice.Subject;
        message.Headers.Add("X-TaskForce-Alert-Id", notice.Message.AlertId);
        message.Body = new TextPart("plain") { Text = notice.Body };
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException or SocketException or IOException)
        {
            throw new AlertChannelException(Texts.Format(HostingText.AlertChannelsMailAgencyFailed, notice.Message.Agency, ex.GetType().Name), ex);
        }
    }

    /// <summary>Maps the <c>Security</c> setting.</summary>
    /// <param name="security"><c>starttls</c>, <c>tls</c> or <c>none</c> (ignoring case).</param>
    /// <returns>The MailKit option.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Another value.</exception>
    public static SecureSocketOptions Security(string security) => security?.Trim().ToLowerInvariant() switch
    {
        "starttls" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), "Expected starttls, tls or none."),
    };
}

/// <summary>
/// The webhook channel (ADR-021): <c>POST {WebhookUrl}</c> with a JSON body — the queue message's fields, the link,
/// the subject and the text in both languages — signed with <c>X-TaskForce-Signature: sha256={hex}</c> when the agency
/// has a secret. Any 2xx answer is delivery; anything else, a timeout or no connection is a failure to retry.
/// </summary>
/// <param name="http">The HTTP client (its timeout is <see cref="AlertDeliveryOptions.WebhookTimeoutSeconds"/>).</param>
public sealed class WebhookAlertChannel(HttpClient http) : IAlertChannel
{
    /// <inheritdoc/>
    public string Code => "webhook";

    /// <inheritdoc/>
    public bool Serves(AgencyAlertSettings settings) => !string.IsNullOrWhiteSpace(settings?.WebhookUrl);

    /// <summary>Returns the body posted for a notice.</summary>
    /// <param name="notice">The notice. Cannot be <see langword="null"/>.</param>
    /// <returns>Snake_case JSON: the message fields, <c>link</c>, <c>subject</c>, <c>text</c>.</returns>
    public static string Payload(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var body = JsonSerializer.SerializeToNode(notice.Message, TaskForceJson.Options)!.AsObject();
        body["link"] = notice.Link.AbsoluteUri;
        body["subject"] = notice.Subject;
        body["text"] = notice.Body;
        return body.ToJsonString();
    }

    /// <inheritdoc/>
    public async Task SendAsync(AlertNotice notice, AgencyAlertSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(settings);
        string json = Payload(notice);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.WebhookUrl, UriKind.Absolute))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-TaskForce-Alert-Id", notice.Message.AlertId);
        if (!string.IsNullOrEmpty(settings.WebhookSecret))
        {
            byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.WebhookSecret), Encoding.UTF8.GetBytes(json));
            request.Headers.Add("X-TaskForce-Signature", "sha256=" + Convert.ToHexStringLower(mac));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new AlertChannelException(Texts.Format(HostingText.AlertChannelsWebhookAgencyAnswered, notice.Message.Agency, (int)response.StatusCode));
            }
        }
        catch (HttpRequestException ex)
        {
            throw new AlertChannelException(Texts.Format(HostingText.AlertChannelsWebhookAgencyCouldReached, notice.Message.Agency), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertChannelException(Texts.Format(HostingText.AlertChannelsWebhookAgencyTimedOut, notice.Message.Agency), ex);
        }
    }
}
