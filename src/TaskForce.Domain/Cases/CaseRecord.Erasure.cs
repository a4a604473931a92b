using System.Globalization;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <content>Erasure of a person's identity at the request of the person recorded (UU 27/2022 Pasal 8 and 16(2);
/// docs/decisions/ADR-019-rights-of-the-person-recorded.md).</content>
public sealed partial class CaseRecord
{
    private Dictionary<string, string> _linkagePseudonyms = new(StringComparer.Ordinal);

    /// <summary>Gets the linkage pseudonyms of victims whose identity was erased, by person id: the random value that
    /// replaces the NIK or the name and birth date in their person key, so a person counted once across cases before
    /// erasure is still counted once after it (<see cref="PersonKeyer.KeyOfPseudonym"/>).</summary>
    /// <value>Person id (e.g. <c>victim-2</c>) to <c>nik:</c> or <c>nbs:</c> followed by 32 hex digits of random data
    /// (nothing derived from the identity); empty for a case with no erasure.</value>
    public IReadOnlyDictionary<string, string> LinkagePseudonyms => _linkagePseudonyms;

    /// <summary>Erases every identity value of one person (victim, suspect or witness): the identity (name,
    /// aliases, NIK, address, phone, place of birth) and a victim's birth date. What is not identity stays (sex, age at
    /// the act, citizenship, roles), so the de-identified facts and the counts are unchanged.</summary>
    /// <param name="personId">The person's id in this case, e.g. <c>victim-2</c>. Cannot be <see langword="null"/>.</param>
    /// <param name="linkagePseudonym">For a victim whose key was linkable (NIK, or name and birth date): the random
    /// pseudonym (32 lower-case hex digits) that replaces the identity in the victim's person key; give the same value
    /// for every record of the person erased by one request. Ignored for suspects and witnesses and for a victim with
    /// nothing to link by. <see langword="null"/> for none (the victim then gets a record key, linking nothing).</param>
    /// <param name="context">Who and when. Cannot be <see langword="null"/>. Its reason is not recorded: it may name
    /// the person.</param>
    /// <returns>The change (<see cref="CaseChangeKind.IdentityErased"/>): it lists the paths of the values erased, with
    /// no value (old and new are <see langword="null"/>), and no reason. Its fields are empty (and nothing is recorded)
    /// when the person had no identity value left.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> or <paramref name="context"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">No person of the case has the id (<c>person_id</c>), or the
    /// pseudonym is not 32 lower-case hex digits (<c>linkage_pseudonym</c>).</exception>
    public CaseChange EraseIdentity(string personId, string? linkagePseudonym, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(personId);
        ArgumentNullException.ThrowIfNull(context);
        if (linkagePseudonym is not null && (linkagePseudonym.Length != 32 || !linkagePseudonym.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c))))
        {
            throw new DomainValidationException("linkage_pseudonym", CasesText.LinkagePseudonymInvalid);
        }

        var paths = new List<string>();
        int v = _victims.FindIndex(p => p.Id.Value == personId);
        int s = _suspects.FindIndex(p => p.Id.Value == personId);
        int w = _witnesses.FindIndex(p => p.Id.Value == personId);
        if (v >= 0)
        {
            var victim = _victims[v];
            string? basis = victim.Identity.NationalIdNumber is not null ? "nik"
                : NameNormaliser.Normalise(victim.Identity.FullName).Length > 0 && victim.BirthDate is not null ? "nbs"
                : null;
            paths.AddRange(IdentityPaths("victims", personId, victim.Identity));
            if (victim.BirthDate is not null)
            {
                paths.Add($"victims[{personId}].birth_date");
            }

            _victims[v] = new Victim(victim.Id, victim.Sex, null, victim.AgeAtOffence, victim.Unborn, victim.Citizenship, victim.Disability, victim.MigrantWorkerStatus, PersonIdentity.Empty);
            if (basis is not null && linkagePseudonym is not null && !_linkagePseudonyms.ContainsKey(personId))
            {
                _linkagePseudonyms[personId] = basis + ":" + linkagePseudonym;
            }
        }
        else if (s >= 0)
        {
            var suspect = _suspects[s];
            paths.AddRange(IdentityPaths("suspects", personId, suspect.Identity));
            _suspects[s] = new Suspect(suspect.Id, suspect.Sex, suspect.Roles, suspect.StateOfficial, suspect.Corporation, suspect.Citizenship, PersonIdentity.Empty);
        }
        else if (w >= 0)
        {
            var witness = _witnesses[w];
            paths.AddRange(IdentityPaths("witnesses", personId, witness.Identity));
            _witnesses[w] = new Witness(witness.Id, witness.Child, PersonIdentity.Empty);
        }
        else
        {
            throw new DomainValidationException("person_id", CasesText.CaseHasNoPerson);
        }

        // Built here, not by Track: Track would put the old identity values into the change (and the history).
        var change = new CaseChange(CaseChangeKind.IdentityErased, personId, [.. paths.Select(p => new FieldChange(p, null, null, true))], null, context.Actor, context.At);
        if (paths.Count > 0)
        {
            _pendingChanges.Add(change);
        }

        return change;
    }

    /// <summary>Restores the pseudonyms of <see cref="CaseRecordState.LinkagePseudonyms"/>.</summary>
    private void RestoreLinkagePseudonyms(IReadOnlyDictionary<string, string>? stored)
    {
        _linkagePseudonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (personId, value) in stored ?? new Dictionary<string, string>())
        {
            string field = string.Create(CultureInfo.InvariantCulture, $"linkage_pseudonyms.{personId}");
            if (!_victims.Any(x => x.Id.Value == personId) || value.Length != 36 || value[3] != ':' || value[..3] is not ("nik" or "nbs"))
            {
                throw new DomainValidationException(field, CasesText.StoredLinkagePseudonymInvalid);
            }

            _linkagePseudonyms[personId] = value;
        }
    }

    private static IEnumerable<string> IdentityPaths(string list, string personId, PersonIdentity identity)
    {
        string prefix = $"{list}[{personId}].identity.";
        if (identity.FullName is not null)
        {
            yield return prefix + "full_name";
        }

        if (identity.Aliases.Count > 0)
        {
            yield return prefix + "aliases";
        }

        if (identity.NationalIdNumber is not null)
        {
            yield return prefix + "national_id_number";
        }

        if (identity.Address is not null)
        {
            yield return prefix + "address";
        }

        if (identity.Phone is not null)
        {
            yield return prefix + "phone";
        }

        if (identity.BirthPlace is not null)
        {
            yield return prefix + "birth_place";
        }
    }
}
