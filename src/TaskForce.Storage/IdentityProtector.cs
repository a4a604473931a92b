using System.Security.Cryptography;
using System.Text;
using TaskForce.Application.Ports;
using TaskForce.Storage.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Storage;

/// <summary>Options of <see cref="IdentityProtector"/>: the identity key from configuration.</summary>
public sealed class IdentityProtectionOptions
{
    /// <summary>The configuration key of the current identity key (base64 of 32 random bytes; in Azure a Key Vault
    /// reference in the app settings).</summary>
    public const string KeySetting = "TaskForce:IdentityKey";

    /// <summary>The configuration key of earlier identity keys still needed to read older rows (base64, separated by
    /// commas), for key rotation.</summary>
    public const string PreviousKeysSetting = "TaskForce:IdentityPreviousKeys";

    /// <summary>Gets or sets the current key: base64 of exactly 32 bytes (AES-256), or <see langword="null"/> when
    /// none is configured (then identity can be neither written nor read).</summary>
    /// <value>For example the output of <c>openssl rand -base64 32</c>.</value>
    public string? Key { get; set; }

    /// <summary>Gets or sets earlier keys, accepted for decryption only.</summary>
    /// <value>Base64 keys of 32 bytes; empty by default.</value>
    public IReadOnlyList<string> PreviousKeys { get; set; } = [];
}

/// <summary>
/// Encrypts identity fields for storage with AES-256-GCM and a key from configuration
/// (docs/decisions/ADR-004-identity-fields.md), and fingerprints requests with a keyed hash.
/// </summary>
/// <remarks>
/// <para>Format of a protected value: base64 of <c>0x01 ‖ nonce (12 bytes) ‖ tag (16 bytes) ‖ ciphertext</c>, with
/// a fresh random nonce per value. The associated data binds a value to its place (partition key, row key and field
/// path), so a ciphertext copied to another person or case fails authentication. The AES key is derived from the
/// configured key with HKDF-SHA256 (info <c>taskforce/identity/aes-256-gcm/v1</c>); the key id stored beside each
/// value is the first 16 hex digits of SHA-256(<c>taskforce/identity-key-id/v1</c> ‖ key) and names the key for
/// rotation.</para>
/// <para>Fail closed: without a configured key <see cref="Protect"/> and <see cref="Unprotect"/> throw
/// <see cref="IdentityProtectionException"/>; nothing is ever stored or returned in plain text instead.</para>
/// </remarks>
/// <threadsafety>Thread-safe: immutable after construction; each call uses its own cipher instance.</threadsafety>
public sealed class IdentityProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] AesInfo = Encoding.ASCII.GetBytes("taskforce/identity/aes-256-gcm/v1");
    private static readonly byte[] FingerprintInfo = Encoding.ASCII.GetBytes("taskforce/request-fingerprint/v1");
    private static readonly byte[] PersonKeyInfo = Encoding.ASCII.GetBytes("taskforce/person-key/v1");
    private static readonly byte[] KeyIdPrefix = Encoding.ASCII.GetBytes("taskforce/identity-key-id/v1");

    private readonly Dictionary<string, (byte[] Aes, byte[] Mac)> _keys = new(StringComparer.Ordinal);

    /// <summary>Creates the protector.</summary>
    /// <param name="options">The options. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A configured key is not base64 of exactly 32 bytes (a malformed key
    /// stops the application at start instead of weakening protection).</exception>
    public IdentityProtector(IdentityProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            CurrentKeyId = AddKey(options.Key, nameof(options));
        }

        foreach (string previous in options.PreviousKeys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            AddKey(previous, nameof(options));
        }
    }

    /// <summary>Gets the id of the key new values are encrypted with, or <see langword="null"/> when no key is configured.</summary>
    /// <value>16 lower-case hex digits.</value>
    public string? CurrentKeyId { get; }

    /// <summary>Creates a protector from configuration values.</summary>
    /// <param name="key">The value of <see cref="IdentityProtectionOptions.KeySetting"/>, or <see langword="null"/>.</param>
    /// <param name="previousKeys">The value of <see cref="IdentityProtectionOptions.PreviousKeysSetting"/> (comma
    /// separated), or <see langword="null"/>.</param>
    /// <returns>The protector.</returns>
    /// <exception cref="ArgumentException">A key is malformed.</exception>
    public static IdentityProtector FromSettings(string? key, string? previousKeys) => new(new IdentityProtectionOptions
    {
        Key = key,
        PreviousKeys = previousKeys?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
    });

    /// <summary>Encrypts a value with the current key.</summary>
    /// <param name="plaintext">The value's bytes.</param>
    /// <param name="associatedData">Where the value lives, e.g. <c>{partition}|{row}|identity</c>. Cannot be <see langword="null"/>.</param>
    /// <returns>The key id and the protected value (base64).</returns>
    /// <exception cref="IdentityProtectionException">No identity key is configured.</exception>
    public (string KeyId, string Protected) Protect(ReadOnlySpan<byte> plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(associatedData);
        if (CurrentKeyId is null)
        {
            throw new IdentityProtectionException(Texts.Format(StorageText.IdentityProtectorIdentityKeyConfiguredIdentity, IdentityProtectionOptions.KeySetting));
        }

        byte[] output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentKeyId].Aes, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(associatedData));
        return (CurrentKeyId, Convert.ToBase64String(output));
    }

    /// <summary>Decrypts a value.</summary>
    /// <param name="keyId">The key id stored with the value. Cannot be <see langword="null"/>.</param>
    /// <param name="protectedValue">The protected value (base64). Cannot be <see langword="null"/>.</param>
    /// <param name="associatedData">Where the value must live; a value moved elsewhere fails. Cannot be <see langword="null"/>.</param>
    /// <returns>The value's bytes.</returns>
    /// <exception cref="IdentityProtectionException">No key with that id is configured, the value is malformed, or
    /// it fails authentication (altered, or moved from another place).</exception>
    public byte[] Unprotect(string keyId, string protectedValue, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentNullException.ThrowIfNull(associatedData);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new IdentityProtectionException(CurrentKeyId is null
                ? $"No identity key is configured ({IdentityProtectionOptions.KeySetting}): stored identity fields cannot be read."
                : $"Stored identity fields are encrypted with key {keyId}, which is not configured ({IdentityProtectionOptions.PreviousKeysSetting} holds earlier keys).");
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(protectedValue);
        }
        catch (FormatException e)
        {
            throw new IdentityProtectionException(StorageText.IdentityProtectorStoredIdentityValueValid, e);
        }

        if (input.Length < 1 + NonceSize + TagSize || input[0] != FormatVersion)
        {
            throw new IdentityProtectionException(StorageText.IdentityProtectorStoredIdentityValueHas);
        }

        byte[] plaintext = new byte[input.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key.Aes, TagSize);
            aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize + TagSize), input.AsSpan(1 + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new IdentityProtectionException(StorageText.IdentityProtectorStoredIdentityValueFailed, e);
        }

        return plaintext;
    }

    /// <summary>Returns a fingerprint of a request for idempotency records: HMAC-SHA256 under a key derived from the
    /// identity key, so the fingerprint of a body holding identity values cannot be tested against guesses without the
    /// key; plain SHA-256 when no key is configured (a body with identity cannot be stored then anyway).</summary>
    /// <param name="data">The canonical request bytes.</param>
    /// <param name="keyId">The key to use (the one stored with an earlier fingerprint), or <see langword="null"/> for the current one.</param>
    /// <returns>The key id used (<c>none</c> without a key) and the fingerprint (64 hex digits); <see langword="null"/>
    /// fingerprint when <paramref name="keyId"/> names a key that is not configured.</returns>
    public (string KeyId, string? Fingerprint) Fingerprint(ReadOnlySpan<byte> data, string? keyId = null)
    {
        keyId ??= CurrentKeyId ?? "none";
        if (keyId == "none")
        {
            return (keyId, Convert.ToHexStringLower(SHA256.HashData(data)));
        }

        return _keys.TryGetValue(keyId, out var key) ? (keyId, Convert.ToHexStringLower(HMACSHA256.HashData(key.Mac, data))) : (keyId, null);
    }

    /// <summary>Returns the secret of the stored person keys of the counting read model (ADR-012): derived from the
    /// current identity key with HKDF (its own label), so it is never configured or stored apart from that key and a
    /// rotation of the identity key changes it (then <c>taskforce rebuild-facts</c> re-keys every row).</summary>
    /// <returns>The id of the key it comes from (<c>nokey</c> without an identity key: then no identity can be stored
    /// and keys are made from case and person ids, under a fixed secret) and 32 bytes.</returns>
    public (string KeyId, byte[] Secret) PersonKeySecret()
    {
        if (CurrentKeyId is null)
        {
            return ("nokey", HKDF.DeriveKey(HashAlgorithmName.SHA256, new byte[32], 32, info: PersonKeyInfo));
        }

        return (CurrentKeyId, HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[CurrentKeyId].Mac, 32, info: PersonKeyInfo));
    }

    private string AddKey(string base64, string paramName)
    {
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new ArgumentException(Texts.Format(StorageText.IdentityProtectorIdentityKeyValidBase, IdentityProtectionOptions.KeySetting), paramName, e);
        }

        if (raw.Length != 32)
        {
            throw new ArgumentException(Texts.Format(StorageText.IdentityProtectorIdentityKeyMustBytes, IdentityProtectionOptions.KeySetting, raw.Length), paramName);
        }

        string id = Convert.ToHexStringLower(SHA256.HashData([.. KeyIdPrefix, .. raw]))[..16];
        _keys[id] = (HKDF.DeriveKey(HashAlgorithmName.SHA256, raw, 32, info: AesInfo), HKDF.DeriveKey(HashAlgorithmName.SHA256, raw, 32, info: FingerprintInfo));
        return id;
    }
}
