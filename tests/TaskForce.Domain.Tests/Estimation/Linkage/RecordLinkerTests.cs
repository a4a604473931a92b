using System.Text.Json;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Estimation.Linkage;

public sealed class RecordLinkerTests
{
    // A test-only district secret: bytes 0..31.
    private static readonly byte[] Secret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private const string Nik = "5303014107060001";

    private static RecordLinker Linker() => new(new LinkageOptions { DistrictSecret = Secret });

    [Fact]
    public void Hash_EqualsHmacSha256_GivenKnownKeyAndNik()
    {
        // Independent value: Python hmac.new(bytes(range(32)), b"5303014107060001", hashlib.sha256).hexdigest().
        Assert.Equal("9aa7f3fa72009e1ace5fdf75428790408580f27ecfa72284da426eb444ea48ea", new NikHasher(Secret).Hash("5303 0141 0706 0001"));
    }

    [Theory]
    [InlineData("530301410706000")]
    [InlineData("53030141070600011")]
    [InlineData("53030141O7060001")]
    [InlineData("")]
    public void Hash_IsNull_GivenMalformedNik(string nik) => Assert.Null(new NikHasher(Secret).Hash(nik));

    [Fact]
    public void NikHasher_Throws_GivenShortSecret() =>
        Assert.Throws<ArgumentException>(() => new NikHasher(new byte[16]));

    [Fact]
    public void Link_LinksSamePerson_GivenNameTypoAcrossTwoLists()
    {
        LinkageResult result = Linker().Link(
        [
            new VictimListEntry { List = "police", RecordId = "LP-17", Name = "Maria Goreti Taek", BirthDate = new LocalDate(2006, 4, 12), Kecamatan = "53.03.03" },
            new VictimListEntry { List = "uptd_ppa", RecordId = "PPA-3", Name = "Maria Gorety Taek", BirthDate = new LocalDate(2006, 4, 12), Kecamatan = "53.03.03" },
        ]);

        LinkedPerson person = Assert.Single(result.Persons);
        Assert.Equal(["police", "uptd_ppa"], person.Lists);
        LinkDecision decision = Assert.Single(result.Decisions);
        Assert.True(decision.Linked);
        Assert.Equal("fuzzy_match", decision.Rule);
        FieldComparison name = decision.Fields.Single(f => f.Field == "name");
        Assert.Equal("agree", name.Outcome);
        Assert.Equal(LinkageOptions.DefaultNameThreshold, name.Threshold);
        Assert.InRange(name.Score!.Value, 0.95, 0.9999);
        Assert.Equal(["agree", "agree"], decision.Fields.Where(f => f.Field is "birth" or "kecamatan").Select(f => f.Outcome));
        Assert.Equal([new CaptureHistoryRow([1, 1], 1)], result.Overall.Rows, RowComparer.Instance);
    }

    [Fact]
    public void Link_KeepsApart_GivenSameNameAndBirthYearInDifferentKecamatan()
    {
        LinkageResult result = Linker().Link(
        [
            new VictimListEntry { List = "police", RecordId = "LP-2", Name = "Yohana Abi", BirthYear = 1999, Kecamatan = "Insana" },
            new VictimListEntry { List = "dinsos", RecordId = "DS-9", Name = "Yohana Abi", BirthYear = 1999, Kecamatan = "Biboki Anleu" },
        ]);

        Assert.Equal(2, result.Persons.Count);
        LinkDecision decision = Assert.Single(result.Decisions);
        Assert.False(decision.Linked);
        Assert.Equal("fuzzy_no_match", decision.Rule);
        Assert.Equal("disagree", decision.Fields.Single(f => f.Field == "kecamatan").Outcome);
        Assert.Equal(1.0, decision.Fields.Single(f => f.Field == "name").Score);
    }

    [Fact]
    public void Link_LinksOnNik_GivenDifferentSpellingsAndNoBirthDate()
    {
        LinkageResult result = Linker().Link(
        [
            new VictimListEntry { List = "police", RecordId = "LP-1", Nik = Nik, Name = "Agustina Nahak" },
            new VictimListEntry { List = "bp3mi", RecordId = "B-7", Nik = "5303-0141-0706-0001", Name = "Agustina N." },
        ]);

        Assert.Single(result.Persons);
        Assert.Equal("nik_match", Assert.Single(result.Decisions).Rule);
    }

    [Fact]
    public void Link_KeepsApart_GivenIdenticalNamesAndDifferentNiks()
    {
        LinkageResult result = Linker().Link(
        [
            new VictimListEntry { List = "police", RecordId = "LP-1", Nik = Nik, Name = "Agustina Nahak", BirthDate = new LocalDate(2006, 7, 1) },
            new VictimListEntry { List = "bp3mi", RecordId = "B-7", Nik = "5303014107060002", Name = "Agustina Nahak", BirthDate = new LocalDate(2006, 7, 1) },
        ]);

        Assert.Equal(2, result.Persons.Count);
        Assert.Equal("nik_differs", Assert.Single(result.Decisions).Rule);
    }

    [Fact]
    public void Link_RefusesFuzzyLinkJoiningTwoNiks_GivenLookAlikeWithoutNik()
    {
        // Two people with different NIKs and one record without NIK resembling both: it joins the more similar one,
        // and the second fuzzy link is refused rather than merging two NIKs.
        LinkageResult result = Linker().Link(
        [
            new VictimListEntry { List = "police", RecordId = "LP-1", Nik = Nik, Name = "Maria Taek", BirthYear = 2001 },
            new VictimListEntry { List = "police", RecordId = "LP-2", Nik = "5303014107060002", Name = "Maria Taeck", BirthYear = 2001 },
            new VictimListEntry { List = "ngo", RecordId = "N-1", Name = "Maria Taek", BirthYear = 2001 },
        ]);

        Assert.Equal(2, result.Persons.Count);
        Assert.Equal(["LP-1", "N-1"], result.Persons[0].Records.Select(r => r.RecordId));
        Assert.Contains(result.Decisions, d => d.Rule == "fuzzy_blocked_by_nik" && !d.Linked);
        Assert.Contains(result.Warnings, w => w.Code == "link_blocked_by_nik");
    }

    [Fact]
    public void Link_TabulatesCaptureHistoriesPerStratum_GivenSmallDistrictLists()
    {
        // Worked by hand: persons (lists): F child sexual 2024 — A {police, ppa}, B {police}, C {ppa};
        // M adult labour 2024 — D {police, ngo}; F child sexual 2025 — E {ngo}.
        LinkageResult result = Linker().Link(
        [
            Entry("police", "p1", "Ana Seran", 2008, "K1", Sex.Female, ExploitationForm.SexualExploitation, 2024),
            Entry("ppa", "a1", "Ana Serang", 2008, "K1", Sex.Female, ExploitationForm.SexualExploitation, 2024),
            Entry("police", "p2", "Bety Kase", 2009, "K2", Sex.Female, ExploitationForm.SexualExploitation, 2024),
            Entry("ppa", "a2", "Cici Lopo", 2010, "K2", Sex.Female, ExploitationForm.SexualExploitation, 2024),
            Entry("police", "p3", "Dominggus Bria", 1990, "K3", Sex.Male, ExploitationForm.LabourExploitation, 2024),
            Entry("ngo", "n1", "Dominggus Bria", 1990, "K3", Sex.Male, ExploitationForm.LabourExploitation, 2024),
            Entry("ngo", "n2", "Erna Mau", 2011, "K1", Sex.Female, ExploitationForm.SexualExploitation, 2025),
        ]);

        Assert.Equal(["police", "ppa", "ngo"], result.Lists);
        Assert.Equal(5, result.Persons.Count);
        Assert.Equal(5, result.Overall.Persons);
        StratumCaptureHistory girls2024 = result.Strata.Single(s =>
            s is { Sex: Sex.Female, ChildStatus: ChildStatus.Child, Form: ExploitationForm.SexualExploitation, Year: 2024 });
        Assert.Equal(
            [new CaptureHistoryRow([1, 0, 0], 1), new CaptureHistoryRow([0, 1, 0], 1), new CaptureHistoryRow([1, 1, 0], 1)],
            girls2024.Rows,
            RowComparer.Instance);
        StratumCaptureHistory men = result.Strata.Single(s => s.Sex == Sex.Male);
        Assert.Equal(ChildStatus.Adult, men.ChildStatus);
        Assert.Equal([new CaptureHistoryRow([1, 0, 1], 1)], men.Rows, RowComparer.Instance);
        Assert.Equal(3, result.Strata.Count);

        static VictimListEntry Entry(string list, string id, string name, int born, string kec, Sex sex, ExploitationForm form, int year) => new()
        {
            List = list, RecordId = id, Name = name, BirthDate = new LocalDate(born, 3, 1), Kecamatan = kec, Sex = sex, Form = form,
            IdentifiedOn = new LocalDate(year, 6, 1),
        };
    }

    [Fact]
    public void Link_OutputsContainNoRawNikNameOrBirthDate_GivenRecordsWithNik()
    {
        VictimListEntry[] entries =
        [
            new() { List = "police", RecordId = "LP-1", Nik = Nik, Name = "Fransiska Ulu", BirthDate = new LocalDate(2006, 7, 1), Kecamatan = "53.03.01" },
            new() { List = "ppa", RecordId = "A-1", Nik = Nik, Name = "Fransiska Ulu", BirthDate = new LocalDate(2006, 7, 1) },
            new() { List = "ppa", RecordId = "A-2", Nik = "5303 0141 0706 00x1", Name = "Fransiska Uluk", BirthDate = new LocalDate(2006, 7, 1) },
            new() { List = "ngo", RecordId = "N-1", Name = "Fransiska Ulu", BirthDate = new LocalDate(2006, 7, 1), Kecamatan = "53.03.01" },
        ];

        LinkageResult result = Linker().Link(entries);
        MseEstimate estimate = MultipleSystemsEstimator.Estimate(
            CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 4), new([0, 1], 3), new([1, 1], 2)]));

        string json = JsonSerializer.Serialize(result) + JsonSerializer.Serialize(estimate) + string.Join("|", entries.Select(e => e.ToString()));
        Assert.DoesNotContain(Nik, json, StringComparison.Ordinal);
        Assert.DoesNotContain("0141 0706", json, StringComparison.Ordinal);
        Assert.DoesNotContain(new NikHasher(Secret).Hash(Nik)!, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Fransiska", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2006", json, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == "malformed_nik" && w.Message.Contains("ppa/A-2", StringComparison.Ordinal));
        Assert.Single(result.Persons);
    }

    [Fact]
    public void Link_Throws_GivenSameRecordIdTwiceOnOneList()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Linker().Link(
        [
            new VictimListEntry { List = "police", RecordId = "LP-1" },
            new VictimListEntry { List = "police", RecordId = "LP-1" },
        ]));

        Assert.Equal("entries[1].record_id", ex.Field);
    }

    private sealed class RowComparer : IEqualityComparer<CaptureHistoryRow>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(CaptureHistoryRow? x, CaptureHistoryRow? y) =>
            x is not null && y is not null && x.Count == y.Count && x.Cells.SequenceEqual(y.Cells);

        public int GetHashCode(CaptureHistoryRow obj) => obj.Count.GetHashCode();
    }
}
