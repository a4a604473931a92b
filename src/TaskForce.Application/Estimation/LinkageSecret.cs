using System.Security.Cryptography;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Estimation;

/// <summary>
/// The district secret that keys the NIK hashes of record linkage (<see cref="NikHasher"/>, HMAC-SHA256), read from
/// configuration in one place for the function app and the <c>taskforce</c> tool.
/// </summary>
/// <remarks>
/// <para>Setting: <see cref="SettingName"/> (<c>TaskForce:Linkage:DistrictSecret</c>; as an environment variable or a
/// Linux app setting <see cref="EnvironmentVariable"/>), base64 of at least 32 bytes (e.g. <c>openssl rand -base64
/// 32</c>); in Azure a Key Vault reference (deploy/main.bicep).</para>
/// <para>Not set (absent or blank): every computation draws its own random 32-byte secret. That is safe because the
/// hashes never leave the computation (nothing of the linkage is stored) and the outputs depend only on which hashes
/// are equal, not on their values; a warning is logged so an operator knows the secret is not pinned. A deployment
/// pins it so that link decisions rest on one documented key and any later use that keeps hashes (an audit of link
/// decisions, linkage across computations) has one (docs/decisions/ADR-009-hidden-victims-in-snapshots.md).</para>
/// <para>Invalid (not base64, or fewer than 32 bytes): <see cref="Parse"/> throws, naming the setting and never the
/// value, so the host stops at start instead of linking with a weak key.</para>
/// </remarks>
/// <threadsafety>Immutable; <see cref="KeyForComputation"/> may be called from several threads.</threadsafety>
public sealed class LinkageSecret
{
    /// <summary>The configuration key.</summary>
    public const string SettingName = "TaskForce:Linkage:DistrictSecret";

    /// <summary>The environment variable (and Linux app setting) name of <see cref="SettingName"/>.</summary>
    public const string EnvironmentVariable = "TaskForce__Linkage__DistrictSecret";

    private readonly byte[]? _secret;

    private LinkageSecret(byte[]? secret) => _secret = secret;

    /// <summary>Gets the secret of a deployment that does not set one: a fresh random secret per computation.</summary>
    /// <value>Not configured.</value>
    public static LinkageSecret PerComputation { get; } = new(null);

    /// <summary>Gets a value indicating whether a secret is configured (pinned).</summary>
    /// <value><see langword="false"/> for <see cref="PerComputation"/>.</value>
    public bool IsConfigured => _secret is not null;

    /// <summary>Reads the setting's value.</summary>
    /// <param name="value">The value of <see cref="SettingName"/>, or <see langword="null"/> when absent.</param>
    /// <returns>The configured secret, or <see cref="PerComputation"/> when the value is absent or blank.</returns>
    /// <exception cref="InvalidOperationException">The value is not base64 or decodes to fewer than
    /// <see cref="NikHasher.MinimumSecretBytes"/> bytes; the message names the setting, not the value.</exception>
    public static LinkageSecret Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return PerComputation;
        }

        string text = value.Trim();
        byte[] buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out int written))
        {
            throw new InvalidOperationException(
                Texts.Format(EstimationAppText.LinkageSecretSettingEnvironmentVariableValid, SettingName, EnvironmentVariable, NikHasher.MinimumSecretBytes));
        }

        try
        {
            if (written < NikHasher.MinimumSecretBytes)
            {
                throw new InvalidOperationException(
                    Texts.Format(EstimationAppText.LinkageSecretSettingEnvironmentVariableDecodes, SettingName, EnvironmentVariable, written, NikHasher.MinimumSecretBytes));
            }

            return new LinkageSecret(buffer[..written]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Returns the key for one computation: a copy of the configured secret, or fresh random bytes.</summary>
    /// <returns>At least 32 bytes; the caller may clear them when done.</returns>
    public byte[] KeyForComputation() => _secret is null ? RandomNumberGenerator.GetBytes(NikHasher.MinimumSecretBytes) : (byte[])_secret.Clone();

    /// <summary>Returns a description without the secret.</summary>
    /// <returns><c>LinkageSecret(configured)</c> or <c>LinkageSecret(per computation)</c>.</returns>
    public override string ToString() => IsConfigured ? "LinkageSecret(configured)" : "LinkageSecret(per computation)";
}
