using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// The opaque cursor of the paged listings (the access log, ADR-022; the referral inbox, ADR-020): the storage key to
/// resume after, with a fingerprint of the query it belongs to, Base64url-encoded JSON. A cursor used with another query
/// is refused, so a caller cannot page one listing with the position of another.
/// </summary>
/// <threadsafety>Stateless; thread-safe.</threadsafety>
public static class PageCursor
{
    /// <summary>Encodes a resume position for a query.</summary>
    /// <param name="after">The storage key to resume after (not empty).</param>
    /// <param name="scope">The query's identity (e.g. its filters); only its SHA-256 fingerprint is kept.</param>
    /// <returns>The cursor: Base64url without padding.</returns>
    public static string Encode(string after, string scope) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Cursor(1, after, Fingerprint(scope)), TaskForceJson.Options)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor handed out by <see cref="Encode"/> for the same query.</summary>
    /// <param name="cursor">The cursor as received.</param>
    /// <param name="scope">The query's identity, as given to <see cref="Encode"/>.</param>
    /// <param name="refusal">The message when the cursor is malformed or belongs to another query.</param>
    /// <returns>The storage key to resume after.</returns>
    /// <exception cref="DomainValidationException">Field <c>cursor</c>: the cursor is malformed or was handed out for
    /// another query.</exception>
    public static string Decode(string cursor, string scope, string refusal)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        Cursor? c = null;
        try
        {
            string b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            c = JsonSerializer.Deserialize<Cursor>(Convert.FromBase64String(b64), TaskForceJson.Options);
        }
        catch (FormatException)
        {
        }
        catch (JsonException)
        {
        }

        if (c is null || c.V != 1 || string.IsNullOrEmpty(c.After) || c.Scope != Fingerprint(scope))
        {
            throw new DomainValidationException("cursor", refusal);
        }

        return c.After;
    }

    private static string Fingerprint(string scope) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];

    private sealed record Cursor(int V, string After, string Scope);
}
