using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Cases;

/// <summary>What a person key was made from.</summary>
public enum PersonKeyBasis
{
    /// <summary>The national ID number (NIK). Links records of every agency that recorded it.</summary>
    Nik = 1,

    /// <summary>The normalised full name, birth date and sex. Links records that agree on all three.</summary>
    NameBirthDateSex = 2,

    /// <summary>Neither: the case id and the person's position in it. Unique to the record; links nothing.</summary>
    Record = 3,
}

/// <summary>A de-duplication key: 32 lower-case hex digits, and what it was made from.</summary>
/// <param name="Value">The key: the first 128 bits of an HMAC-SHA256, in hex.</param>
/// <param name="Basis">What it was made from.</param>
public readonly record struct PersonKey(string Value, PersonKeyBasis Basis)
{
    /// <summary>Gets a value indicating whether the key can link two records of one person.</summary>
    /// <value><see langword="false"/> for <see cref="PersonKeyBasis.Record"/>.</value>
    public bool Linkable => Basis != PersonKeyBasis.Record;
}

/// <summary>
/// Computes the key that tells whether two agencies' records are the same victim, without keeping the identity: a
/// keyed hash (HMAC-SHA256 with a secret held by the deployment, never stored beside the data) of
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>the NIK when recorded: <c>"nik|" + NIK</c>;</item>
/// <item>else, when the full name and the birth date are recorded: <c>"nbs|" + normalised name + "|" + birth date
/// (ISO) + "|" + sex code</c>;</item>
/// <item>else <c>"rec|" + case id + "|" + person id</c>: a key unique to the record (the person is counted once per
/// record, and outputs count such persons in <c>persons_without_linkage_key</c>).</item>
/// </list>
/// <para>Name normalisation is <see cref="NameNormaliser.Normalise"/>, the one record linkage uses too: accents removed,
/// upper case, apostrophes dropped, every run of other characters that are not letters or digits one space, leading
/// titles (Ny., Sdr., Bapak …) dropped. So "Ny. Maria  Fernandes-da Costa" and "MARIA FERNANDES DA COSTA" agree;
/// "Maria F. da Costa" does not (no fuzzy matching: a false link merges two victims, which is worse than counting one
/// twice).</para>
/// <para>Why keyed: a NIK has about 10^16 structured values and a name with a birth date fewer; a plain hash could be
/// reversed by trying them. Without the secret the key reveals nothing (UU 21/2007 Pasal 44; UU 27/2022). The key is
/// still pseudonymous personal data: it is an input of the indicators and never appears in an output. Because keys only
/// have to agree within one computation, the secret may be drawn afresh for each one (what the snapshot does); a fixed
/// secret is needed only to link keys across computations.</para>
/// </remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class PersonKeyer
{
    /// <summary>The shortest secret accepted, in bytes.</summary>
    public const int MinSecretBytes = 32;

    private readonly byte[] _secret;

    /// <summary>Creates a keyer.</summary>
    /// <param name="secret">The deployment's secret, at least <see cref="MinSecretBytes"/> bytes.</param>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinSecretBytes"/> bytes.</exception>
    public PersonKeyer(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"The person-key secret must have at least {MinSecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>Computes the key of a victim of a case.</summary>
    /// <param name="caseId">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="victim">The victim. Cannot be <see langword="null"/>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PersonKey KeyOf(CaseId caseId, Victim victim)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(victim);
        return KeyOf(caseId.Value, victim.Id.Value, victim.Identity.NationalIdNumber, victim.Identity.FullName,
            victim.BirthDate?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), victim.Sex);
    }

    /// <summary>Computes a key from the values themselves (for adapters of other sources).</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="personId">The person's id within the case.</param>
    /// <param name="nik">The NIK, or <see langword="null"/>.</param>
    /// <param name="fullName">The full name, or <see langword="null"/>.</param>
    /// <param name="birthDateIso">The birth date as <c>YYYY-MM-DD</c>, or <see langword="null"/>.</param>
    /// <param name="sex">The sex.</param>
    /// <returns>The key, made by the first rule whose values are present.</returns>
    public PersonKey KeyOf(string caseId, string personId, string? nik, string? fullName, string? birthDateIso, Sex sex)
    {
        string name = NameNormaliser.Normalise(fullName);
        if (!string.IsNullOrWhiteSpace(nik))
        {
            return new PersonKey(Hash("nik|" + nik.Trim()), PersonKeyBasis.Nik);
        }

        if (name.Length > 0 && !string.IsNullOrWhiteSpace(birthDateIso))
        {
            return new PersonKey(Hash($"nbs|{name}|{birthDateIso}|{sex.ToCode()}"), PersonKeyBasis.NameBirthDateSex);
        }

        return new PersonKey(Hash($"rec|{caseId}|{personId}"), PersonKeyBasis.Record);
    }

    /// <summary>Computes the key of a victim whose identity was erased, from the random pseudonym that replaced it
    /// (<see cref="CaseRecord.EraseIdentity"/>): <c>"era|" + pseudonym</c>, with the basis the identity had, so the
    /// records of one person erased by one request still agree and are still counted once.</summary>
    /// <param name="pseudonym">The stored pseudonym: <c>nik:</c> or <c>nbs:</c> followed by 32 hex digits. Cannot be
    /// <see langword="null"/>.</param>
    /// <returns>The key; its basis is <see cref="PersonKeyBasis.Nik"/> for <c>nik:</c>, else
    /// <see cref="PersonKeyBasis.NameBirthDateSex"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pseudonym"/> is <see langword="null"/>.</exception>
    public PersonKey KeyOfPseudonym(string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(pseudonym);
        return new PersonKey(Hash("era|" + pseudonym[(pseudonym.IndexOf(':', StringComparison.Ordinal) + 1)..]), pseudonym.StartsWith("nik:", StringComparison.Ordinal) ? PersonKeyBasis.Nik : PersonKeyBasis.NameBirthDateSex);
    }

    private string Hash(string text)
    {
        byte[] mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
