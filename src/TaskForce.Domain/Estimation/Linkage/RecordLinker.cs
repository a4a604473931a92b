using System.Globalization;
using F23.StringSimilarity;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Estimation.Linkage;

/// <summary>
/// Links victim records across agency lists into persons and tabulates their capture histories for multiple systems
/// estimation: exact matching on a keyed hash of the NIK, otherwise rule-based fuzzy matching on name, birth date and
/// kecamatan, every decision explained.
/// </summary>
/// <remarks>
/// <para>Rules, in order (deterministic; in the spirit of Fellegi &amp; Sunter 1969 with the agreement pattern
/// reported instead of a weight):</para>
/// <list type="number">
/// <item>Both records have a well-formed NIK: they are the same person exactly when the keyed hashes are equal
/// (<c>nik_match</c>); different NIKs are different people whatever the names say (<c>nik_differs</c>).</item>
/// <item>Otherwise (<c>fuzzy_match</c>): the names folded by <see cref="NameNormaliser"/> (the folding de-duplication
/// uses) reach the name threshold (Jaro–Winkler, Winkler 1990,
/// via F23.StringSimilarity; the better of the names as written and with their words sorted, since word order varies
/// in Indonesian names), AND the birth dates are equal (or, when one side has only a year, the years are), AND the
/// kecamatan is the same when both records have one. A record without any birth information is linked by NIK
/// only.</item>
/// <item>Links are merged into persons (transitively), NIK links first, then fuzzy links from the most similar
/// names down; a fuzzy link that would join two different NIKs is refused (<c>fuzzy_blocked_by_nik</c>).</item>
/// </list>
/// <para>Example: "Maria Goreti Taek", born 2006-04-12, Kecamatan Kefamenanu, on the police list and "Maria Gorety
/// Taek", same date and kecamatan, on the UPTD PPA list are one person (name similarity 0.98); two "Yohana Abi"
/// born in 1999 in Insana and in Biboki Anleu are two.</para>
/// <para>Person attributes for strata: sex and form are the most frequent recorded value (a tie between two
/// recorded values gives unknown, with a warning); child/adult is that of the earliest identification with a known
/// status; the year is the earliest year of identification.</para>
/// <para>Cost: with <see cref="LinkageOptions.RecordDecisions"/> (the default) every pair of records born in the
/// same year is compared and explained, which grows with the square of the records (9,561 victims of 5,000 cases:
/// 1.48 million decisions, 7.6 s); without it only the pairs the rules could link are compared, with the same persons,
/// capture histories and warnings (ADR-012, "Client side").</para>
/// <para>Privacy (UU 21/2007 Pasal 44): NIKs are hashed at the start with the district secret; the result carries
/// record references, scores and counts only — no NIK, hash, name or birth date.</para>
/// </remarks>
/// <threadsafety>Immutable; <see cref="Link"/> may be called from several threads.</threadsafety>
public sealed partial class RecordLinker
{
    private const double NearMissMargin = 0.15;

    private readonly NikHasher _hasher;
    private readonly double _threshold;
    private readonly IReadOnlyList<string>? _lists;
    private readonly bool _recordDecisions;
    private readonly JaroWinkler _jaroWinkler = new();

    /// <summary>Creates a linker.</summary>
    /// <param name="options">The options; the secret is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its secret is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes or the threshold is outside (0, 1].</exception>
    public RecordLinker(LinkageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.DistrictSecret);
        if (!(options.NameThreshold > 0 && options.NameThreshold <= 1))
        {
            throw new ArgumentException("The name threshold must lie in (0, 1].", nameof(options));
        }

        _hasher = new NikHasher(options.DistrictSecret);
        _threshold = options.NameThreshold;
        _lists = options.Lists;
        _recordDecisions = options.RecordDecisions;
    }

    /// <summary>Links the records.</summary>
    /// <param name="entries">The records of all lists.</param>
    /// <returns>Persons, decisions, capture histories and warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or an entry is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">An entry has a blank list or record id (field
    /// <c>entries[i].list</c> / <c>entries[i].record_id</c>), the same record id twice in one list, or a list not
    /// among the configured ones.</exception>
    public LinkageResult Link(IEnumerable<VictimListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var warnings = new List<LinkageWarning>();
        List<Prepared> records = Prepare(entries, warnings, out List<string> lists);
        var decisions = new List<LinkDecision>();
        var candidates = new List<Candidate>();

        // NIK block: equal hashes.
        foreach (IGrouping<string, Prepared> group in records.Where(r => r.NikHash is not null).GroupBy(r => r.NikHash!))
        {
            Prepared[] members = [.. group];
            for (int i = 1; i < members.Length; i++)
            {
                candidates.Add(new(members[0].Index, members[i].Index, 1.0, true, -1));
                if (_recordDecisions)
                {
                    decisions.Add(Decide(members[0], members[i]).Decision);
                }
            }
        }

        // Birth-year blocks: fuzzy rules (and NIK disagreements among look-alikes).
        if (_recordDecisions)
        {
            CompareAllPairs(records, candidates, decisions);
        }
        else
        {
            CompareLinkablePairs(records, candidates);
        }

        int[] cluster = Cluster(records, candidates, decisions, warnings);
        List<LinkedPerson> persons = Persons(records, cluster, lists, warnings);
        return new LinkageResult
        {
            Lists = lists,
            Records = records.Count,
            Persons = persons,
            Decisions = decisions,
            Overall = Tabulate(persons, lists, null, null, null, null, false),
            Strata = [.. persons
                .GroupBy(p => (p.Sex, p.ChildStatus, p.Form, p.Year))
                .OrderBy(g => g.Key.Sex).ThenBy(g => g.Key.ChildStatus).ThenBy(g => g.Key.Form).ThenBy(g => g.Key.Year ?? 0)
                .Select(g => Tabulate([.. g], lists, g.Key.Sex, g.Key.ChildStatus, g.Key.Form, g.Key.Year, g.Key.Year is not null))],
            Warnings = warnings,
        };
    }

    private static StratumCaptureHistory Tabulate(
        List<LinkedPerson> persons, List<string> lists, Sex? sex, ChildStatus? child, ExploitationForm? form, int? year, bool yearKnown)
    {
        var counts = new SortedDictionary<int, long>();
        foreach (LinkedPerson person in persons)
        {
            int mask = 0;
            foreach (string list in person.Lists)
            {
                mask |= 1 << lists.IndexOf(list);
            }

            counts[mask] = counts.GetValueOrDefault(mask) + 1;
        }

        List<CaptureHistoryRow> rows = [.. counts.Select(kv => new CaptureHistoryRow(
            [.. Enumerable.Range(0, lists.Count).Select(j => (kv.Key >> j) & 1)], kv.Value))];
        return new StratumCaptureHistory(sex, child, form, year, yearKnown, lists, rows, persons.Count);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static T Majority<T>(IEnumerable<T> values, T unknown, Func<T, bool> known, Action onTie)
        where T : struct, Enum
    {
        var groups = values.Where(known).GroupBy(v => v).Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        if (groups.Count == 0)
        {
            return unknown;
        }

        if (groups.Count > 1 && groups[0].Count == groups[1].Count)
        {
            onTie();
            return unknown;
        }

        return groups[0].Key;
    }

    private List<Prepared> Prepare(IEnumerable<VictimListEntry> entries, List<LinkageWarning> warnings, out List<string> lists)
    {
        lists = _lists is null ? [] : [.. _lists];
        var records = new List<Prepared>();
        var ids = new HashSet<(string, string)>();
        int index = 0;
        foreach (VictimListEntry entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            string list = entry.List?.Trim() ?? string.Empty;
            string id = entry.RecordId?.Trim() ?? string.Empty;
            if (list.Length == 0)
            {
                throw new DomainValidationException($"entries[{index}].list", Texts.Format(EstimationText.EntryNoList, index));
            }

            if (id.Length == 0)
            {
                throw new DomainValidationException($"entries[{index}].record_id", Texts.Format(EstimationText.EntryNoRecordId, index, list));
            }

            if (!ids.Add((list, id)))
            {
                throw new DomainValidationException($"entries[{index}].record_id", Texts.Format(EstimationText.RecordTwiceOnList, id, list));
            }

            if (!lists.Contains(list))
            {
                if (_lists is not null)
                {
                    throw new DomainValidationException($"entries[{index}].list", Texts.Format(EstimationText.ListNotConfigured, list));
                }

                lists.Add(list);
            }

            string? hash = _hasher.Hash(entry.Nik);
            if (hash is null && !string.IsNullOrWhiteSpace(entry.Nik))
            {
                warnings.Add(new LinkageWarning(
                    "malformed_nik", Texts.Format(EstimationText.LinkNikMalformed, list, id)));
            }

            string name = NameNormaliser.Normalise(entry.Name);
            records.Add(new Prepared
            {
                Index = index,
                Ref = new RecordRef(list, id),
                NikHash = hash,
                Name = name,
                SortedName = SortWords(name),
                BirthDate = entry.BirthDate,
                BirthYearValue = entry.BirthDate?.Year ?? entry.BirthYear,
                Kecamatan = string.IsNullOrWhiteSpace(entry.Kecamatan) ? null : entry.Kecamatan.Trim().ToUpperInvariant(),
                Sex = entry.Sex,
                ChildStatus = entry.ResolvedChildStatus(),
                Form = entry.Form,
                IdentifiedOn = entry.IdentifiedOn,
            });
            index++;
        }

        return records;
    }

    private (LinkDecision Decision, double NameScore) Decide(Prepared a, Prepared b)
    {
        var fields = new List<FieldComparison>();
        double nameScore = NameSimilarity(a, b);
        bool bothNik = a.NikHash is not null && b.NikHash is not null;
        fields.Add(bothNik
            ? new FieldComparison("nik_hash", a.NikHash == b.NikHash ? "agree" : "disagree", a.NikHash == b.NikHash ? 1 : 0, null)
            : new FieldComparison("nik_hash", "missing", null, null));
        bool nameKnown = a.Name.Length > 0 && b.Name.Length > 0;
        fields.Add(nameKnown
            ? new FieldComparison("name", nameScore >= _threshold ? "agree" : "disagree", Math.Round(nameScore, 4), _threshold)
            : new FieldComparison("name", "missing", null, _threshold));

        string birth;
        if (a.BirthDate is { } da && b.BirthDate is { } db)
        {
            birth = da == db ? "agree" : "disagree";
        }
        else if (a.BirthYearValue is { } ya && b.BirthYearValue is { } yb)
        {
            birth = ya == yb ? "agree_year" : "disagree";
        }
        else
        {
            birth = "missing";
        }

        fields.Add(new FieldComparison("birth", birth, birth == "missing" ? null : birth == "disagree" ? 0 : 1, null));
        string kecamatan = a.Kecamatan is null || b.Kecamatan is null ? "missing" : a.Kecamatan == b.Kecamatan ? "agree" : "disagree";
        fields.Add(new FieldComparison("kecamatan", kecamatan, kecamatan == "missing" ? null : kecamatan == "agree" ? 1 : 0, null));

        if (bothNik)
        {
            bool same = a.NikHash == b.NikHash;
            return (new LinkDecision(a.Ref, b.Ref, same, same ? "nik_match" : "nik_differs", fields), nameScore);
        }

        bool linked = nameKnown && nameScore >= _threshold && (birth is "agree" or "agree_year") && kecamatan != "disagree";
        return (new LinkDecision(a.Ref, b.Ref, linked, linked ? "fuzzy_match" : "fuzzy_no_match", fields), nameScore);
    }

    private double NameSimilarity(Prepared a, Prepared b)
    {
        if (a.Name.Length == 0 || b.Name.Length == 0)
        {
            return 0;
        }

        double direct = _jaroWinkler.Similarity(a.Name, b.Name);
        return Math.Max(direct, _jaroWinkler.Similarity(a.SortedName, b.SortedName));
    }

    /// <summary>The name with its words in ordinal order (word order varies in Indonesian names).</summary>
    private static string SortWords(string name) => string.Join(' ', name.Split(' ').Order(StringComparer.Ordinal));

    private static int[] Cluster(
        List<Prepared> records, List<Candidate> candidates, List<LinkDecision> decisions, List<LinkageWarning> warnings)
    {
        int n = records.Count;
        var parent = new int[n];
        var nik = new string?[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
            nik[i] = records[i].NikHash;
        }

        foreach ((int a, int b, double _, bool isNik, int decision) in candidates
                     .OrderByDescending(c => c.Nik).ThenByDescending(c => c.Score).ThenBy(c => c.A).ThenBy(c => c.B))
        {
            int ra = Find(parent, a);
            int rb = Find(parent, b);
            if (ra == rb)
            {
                continue;
            }

            if (!isNik && nik[ra] is not null && nik[rb] is not null && nik[ra] != nik[rb])
            {
                if (decision >= 0)
                {
                    decisions[decision] = decisions[decision] with { Linked = false, Rule = "fuzzy_blocked_by_nik" };
                }

                warnings.Add(new LinkageWarning(
                    "link_blocked_by_nik",
                    Texts.Format(EstimationText.LinkBlockedByNik, records[a].Ref.List, records[a].Ref.RecordId, records[b].Ref.List, records[b].Ref.RecordId)));
                continue;
            }

            parent[rb] = ra;
            nik[ra] ??= nik[rb];
        }

        var root = new int[n];
        for (int i = 0; i < n; i++)
        {
            root[i] = Find(parent, i);
        }

        return root;
    }

    private static List<LinkedPerson> Persons(List<Prepared> records, int[] cluster, List<string> lists, List<LinkageWarning> warnings)
    {
        var persons = new List<LinkedPerson>();
        foreach (IGrouping<int, Prepared> group in records.GroupBy(r => cluster[r.Index]).OrderBy(g => g.Min(r => r.Index)))
        {
            Prepared[] members = [.. group.OrderBy(r => r.Index)];
            string id = string.Create(CultureInfo.InvariantCulture, $"P{persons.Count + 1:D4}");
            string where = string.Join(", ", members.Select(m => $"{m.Ref.List}/{m.Ref.RecordId}"));
            Sex sex = Majority(members.Select(m => m.Sex), Sex.Unknown, s => s != Sex.Unknown, () =>
                warnings.Add(new LinkageWarning("conflicting_sex", Texts.Format(EstimationText.LinkConflictingSex, id, where))));
            ExploitationForm form = Majority(members.Select(m => m.Form), ExploitationForm.Unknown, f => f != ExploitationForm.Unknown, () =>
                warnings.Add(new LinkageWarning("conflicting_form", Texts.Format(EstimationText.LinkConflictingForm, id, where))));
            ChildStatus child = members
                .Where(m => m.ChildStatus != ChildStatus.Unknown)
                .OrderBy(m => m.IdentifiedOn ?? NodaTime.LocalDate.MaxIsoValue).ThenBy(m => m.Index)
                .Select(m => m.ChildStatus).FirstOrDefault();
            int? year = members.Where(m => m.IdentifiedOn is not null).Select(m => (int?)m.IdentifiedOn!.Value.Year).Min();
            persons.Add(new LinkedPerson(
                id,
                [.. members.Select(m => m.Ref)],
                [.. lists.Where(l => members.Any(m => m.Ref.List == l))],
                sex,
                child,
                form,
                year));
        }

        return persons;
    }
}
