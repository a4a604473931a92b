using System.Globalization;
using System.Text;
using NodaTime;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Estimation.Linkage;

/// <summary>
/// <see cref="LinkageOptions.RecordDecisions"/> = false compares only the pairs the rules could link (ADR-012, "Client
/// side"); these tests prove it finds the same persons, capture histories and warnings as the all-pairs comparison.
/// </summary>
public sealed class RecordLinkerBlockingTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 3 + 1))];

    private const string NikA = "5303014105990001";
    private const string NikB = "5303014105990002";
    private const string NikC = "5303014101900003";

    private static LinkageResult Link(IEnumerable<VictimListEntry> entries, bool recordDecisions) =>
        new RecordLinker(new LinkageOptions { DistrictSecret = Secret, RecordDecisions = recordDecisions }).Link(entries);

    private static VictimListEntry E(string list, string id, string? name, LocalDate? date = null, int? year = null, string? kec = null, string? nik = null,
        Sex sex = Sex.Female) =>
        new() { List = list, RecordId = id, Name = name, BirthDate = date, BirthYear = year, Kecamatan = kec, Nik = nik, Sex = sex };

    // Near-duplicates worked out by hand against the rules of RecordLinker (the expected persons are listed by record).
    private static readonly VictimListEntry[] Crafted =
    [
        // A typo (0.98), the words in another order with the year only, and the same name born a day later: the
        // year-only record links to both dates, so all four are one person although 2006-04-12 and 2006-04-13 differ.
        E("police", "P1", "Maria Goreti Taek", new LocalDate(2006, 4, 12), kec: "K1"),
        E("uptd_ppa", "U1", "Maria Gorety Taek", new LocalDate(2006, 4, 12), kec: "K1"),
        E("dinsos", "D1", "Taek Maria Goreti", year: 2006, kec: "K1"),
        E("police", "P2", "Maria Goreti Taek", new LocalDate(2006, 4, 13), kec: "K1"),

        // Two different NIKs with the same name and date; a record without NIK looks like both (0.96 each): it joins
        // the first (lower index on a tie) and the link with the second is refused (link_blocked_by_nik).
        E("police", "P3", "Yohana Abi", new LocalDate(1999, 5, 1), kec: "K2", nik: NikA),
        E("uptd_ppa", "U2", "Yohana Abi", new LocalDate(1999, 5, 1), kec: "K2", nik: NikB),
        E("dinsos", "D2", "Yohana Aby", new LocalDate(1999, 5, 1), kec: "K2"),

        // The same NIK written with spaces, no birth date on one side: one person by NIK.
        E("police", "P4", "Agustina Nope", new LocalDate(1990, 1, 1), nik: NikC),
        E("dinsos", "D3", "Agustina Nope", nik: "5303 0141 0190 0003"),

        // A malformed NIK (warning) is matched like a missing one: linked on name, date and kecamatan.
        E("uptd_ppa", "U3", "Paulus Nahak", new LocalDate(1985, 7, 7), kec: "K3", nik: "12345", sex: Sex.Male),
        E("police", "P5", "Paulus Nahak", new LocalDate(1985, 7, 7), kec: "K3", sex: Sex.Male),

        // Same name and date in different kecamatan: two people.
        E("police", "P6", "Yakobus Meko", new LocalDate(1980, 2, 2), kec: "K4", sex: Sex.Male),
        E("dinsos", "D4", "Yakobus Meko", new LocalDate(1980, 2, 2), kec: "K5", sex: Sex.Male),

        // The kecamatan missing on one side does not keep them apart.
        E("uptd_ppa", "U4", "Rosalina Kefi", new LocalDate(1995, 3, 3)),
        E("dinsos", "D5", "Rosalina Kefi", new LocalDate(1995, 3, 3), kec: "K6"),

        // No name on one side: two.
        E("police", "P7", "Ana Bana", new LocalDate(2000, 1, 1)),
        E("uptd_ppa", "U5", null, new LocalDate(2000, 1, 1)),

        // No birth information: linked by NIK only, so two.
        E("dinsos", "D6", "Yosefina Atok"),
        E("police", "P8", "Yosefina Atok"),

        // A full date and a year-only record of another year: two.
        E("police", "P9", "Ana Bana", new LocalDate(2001, 1, 1)),
        E("dinsos", "D7", "Ana Bana", year: 2002),
    ];

    [Fact]
    public void Link_FindsTheHandWorkedPersons_GivenNearDuplicatesWithoutRecordingDecisions()
    {
        LinkageResult result = Link(Crafted, recordDecisions: false);

        string[] expected =
        [
            "police/P1 uptd_ppa/U1 dinsos/D1 police/P2", "police/P3 dinsos/D2", "uptd_ppa/U2", "police/P4 dinsos/D3",
            "uptd_ppa/U3 police/P5", "police/P6", "dinsos/D4", "uptd_ppa/U4 dinsos/D5", "police/P7", "uptd_ppa/U5",
            "dinsos/D6", "police/P8", "police/P9", "dinsos/D7",
        ];
        Assert.Equal(expected, result.Persons.Select(p => string.Join(' ', p.Records.Select(r => $"{r.List}/{r.RecordId}"))));
        Assert.Empty(result.Decisions);
        Assert.Equal(["link_blocked_by_nik", "malformed_nik"], result.Warnings.Select(w => w.Code).Order(StringComparer.Ordinal));
        Assert.StartsWith("Records uptd_ppa/U2 and dinsos/D2 look alike", result.Warnings.Single(w => w.Code == "link_blocked_by_nik").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_GivesSameResultAsAllPairs_GivenCraftedNearDuplicates()
    {
        LinkageResult all = Link(Crafted, recordDecisions: true);
        LinkageResult blocked = Link(Crafted, recordDecisions: false);

        Assert.Equal(Describe(all), Describe(blocked));
        Assert.Contains(all.Decisions, d => d.Rule == "fuzzy_blocked_by_nik"); // the all-pairs run met the refused link too
        Assert.Equal(Crafted.Length - 7, all.Persons.Count); // 21 records, 14 persons
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Link_GivesSameResultAsAllPairs_GivenRandomNearDuplicates(int seed)
    {
        VictimListEntry[] entries = Random(seed, 400);
        LinkageResult all = Link(entries, recordDecisions: true);
        LinkageResult blocked = Link(entries, recordDecisions: false);

        Assert.Equal(Describe(all), Describe(blocked));
        Assert.True(all.Persons.Count < entries.Length, "the random set should contain links"); // the comparison is not vacuous
        Assert.Contains(all.Decisions, d => d.Rule == "fuzzy_match");
    }

    // Small pools so that names, dates, years, kecamatan and NIKs collide often (typos, word order, year-only records,
    // malformed and shared NIKs, missing fields).
    private static VictimListEntry[] Random(int seed, int count)
    {
        var rng = new Random(seed);
        string[] names =
        [
            "Maria Goreti Taek", "Maria Gorety Taek", "Taek Maria Goreti", "Yohana Abi", "Yohana Aby", "Ana Bana", "Anna Bana",
            "Rosalina Kefi", "Rosalina Kefy", "Paulus Nahak", "Nahak Paulus", "Yakobus Meko", "",
        ];
        LocalDate?[] dates = [new LocalDate(1999, 5, 1), new LocalDate(1999, 5, 2), new LocalDate(2000, 1, 1), null, null];
        string?[] kecamatan = ["K1", "K2", null];
        string?[] niks = [NikA, NikB, NikC, "5303 0141 0599 0001", "12345", null, null, null];
        string[] lists = ["police", "uptd_ppa", "dinsos"];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            LocalDate? date = dates[rng.Next(dates.Length)];
            int? year = date is null && rng.Next(3) > 0 ? 1999 + rng.Next(2) : null;
            return E(lists[rng.Next(lists.Length)], i.ToString("D4", CultureInfo.InvariantCulture), names[rng.Next(names.Length)], date, year,
                kecamatan[rng.Next(kecamatan.Length)], niks[rng.Next(niks.Length)], rng.Next(2) == 0 ? Sex.Female : Sex.Male);
        })];
    }

    // Everything of a result but its decisions, as text.
    private static string Describe(LinkageResult r)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"lists {string.Join(',', r.Lists)} records {r.Records}");
        foreach (LinkedPerson p in r.Persons)
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{p.PersonId} {string.Join(' ', p.Records.Select(x => x.List + "/" + x.RecordId))} [{string.Join(',', p.Lists)}] {p.Sex} {p.ChildStatus} {p.Form} {p.Year}");
        }

        foreach (StratumCaptureHistory h in r.Strata.Prepend(r.Overall))
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{h.Sex} {h.ChildStatus} {h.Form} {h.Year} {h.YearKnown} {h.Persons}: {string.Join(' ', h.Rows.Select(x => string.Join("", x.Cells) + "=" + x.Count))}");
        }

        foreach (LinkageWarning w in r.Warnings)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"{w.Code}: {w.Message}");
        }

        return s.ToString();
    }
}
