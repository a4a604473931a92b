using System.Security.Cryptography;
using System.Text;

namespace TaskForce.Domain.Estimation.Linkage;

/// <summary>
/// Turns a national identity number (NIK, Nomor Induk Kependudukan) into a keyed hash, HMAC-SHA256 with a secret
/// held by the district (RFC 2104; FIPS 198-1), so records can be matched on it without anyone keeping the number.
/// </summary>
/// <remarks>
/// <para>A NIK has 16 digits (UU 24/2013 on population administration, Pasal 1 angka 12 and Pasal 13); spaces, dots
/// and dashes are ignored. A plain SHA-256 of a 16-digit number with a structured prefix (region code and birth date)
/// can be reversed by trying every candidate, which is why the hash is keyed: without the district secret the hashes
/// are useless. The secret comes from configuration (a key vault in production) and is at least 32 bytes.</para>
/// <para>Victim identity is confidential by law (UU 21/2007 Pasal 44): this type never stores, returns or logs the
/// number it is given, only the hash.</para>
/// </remarks>
/// <threadsafety>Immutable after construction; <see cref="Hash"/> is safe to call from several threads.</threadsafety>
public sealed class NikHasher
{
    /// <summary>The minimum length of the district secret, in bytes (256 bits).</summary>
    public const int MinimumSecretBytes = 32;

    private readonly byte[] _secret;

    /// <summary>Creates the hasher.</summary>
    /// <param name="districtSecret">The district's HMAC key; at least <see cref="MinimumSecretBytes"/> bytes. It is
    /// copied.</param>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumSecretBytes"/> bytes.</exception>
    public NikHasher(ReadOnlySpan<byte> districtSecret)
    {
        if (districtSecret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException(
                $"The district secret must be at least {MinimumSecretBytes} bytes; got {districtSecret.Length}.", nameof(districtSecret));
        }

        _secret = districtSecret.ToArray();
    }

    /// <summary>Tells whether a value is a well-formed NIK: 16 digits once spaces, dots and dashes are removed.</summary>
    /// <param name="nik">The value, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for 16 digits.</returns>
    public static bool IsWellFormed(string? nik) => Normalize(nik) is not null;

    /// <summary>Returns the keyed hash of a NIK as 64 lower-case hexadecimal characters, or <see langword="null"/>
    /// when the value is missing or not a well-formed NIK.</summary>
    /// <param name="nik">The NIK as recorded, or <see langword="null"/>.</param>
    /// <returns>The hash, or <see langword="null"/>.</returns>
    public string? Hash(string? nik)
    {
        string? digits = Normalize(nik);
        if (digits is null)
        {
            return null;
        }

        Span<byte> input = stackalloc byte[16];
        Encoding.ASCII.GetBytes(digits, input);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, input, mac);
        input.Clear();
        return Convert.ToHexStringLower(mac);
    }

    private static string? Normalize(string? nik)
    {
        if (nik is null)
        {
            return null;
        }

        Span<char> digits = stackalloc char[16];
        int count = 0;
        foreach (char c in nik)
        {
            if (c is ' ' or '.' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == 16)
            {
                return null;
            }

            digits[count++] = c;
        }

        return count == 16 ? new string(digits) : null;
    }
}
