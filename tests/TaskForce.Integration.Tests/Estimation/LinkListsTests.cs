using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Estimation;
using TaskForce.Cli;
using TaskForce.Domain.Common;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Estimation;

/// <summary>Linking agencies' victim lists from CSV into capture histories (<see cref="LinkListsUseCase"/>), with the
/// expected persons worked out by hand from the rules of <c>RecordLinker</c>. No storage involved.</summary>
public sealed class LinkListsTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    // Maria: same NIK on both lists (written with spaces on one) and a different spelling: one person by NIK.
    // Yohana: same name and birth date, different kecamatan: two persons.
    // Agustinus: NIK on one list only, same name, birth date and kecamatan: one person by the fuzzy rule.
    private const string Police = """
        list,record_id,nik,name,birth_date,kecamatan,sex,form,identified_on
        police,LP-1,5303014107060001,Maria Goreti Taek,2006-04-12,53.03.03,P,labour_exploitation,2024-03-01
        police,LP-2,,Yohana Abi,1999-01-05,Insana,female,sexual_exploitation,2024-05-02
        police,LP-3,5303010101900002,Agustinus Nahak,1990-01-01,53.03.01,L,labour_exploitation,2024-06-10
        """;

    private const string Uptd = """
        LIST,Record_ID,NIK,Name,Birth_Date,Kecamatan,Sex,Form,Identified_On
        uptd_ppa,PPA-1,5303 0141 0706 0001,Maria Taek,2006-04-12,53.03.03,P,labour_exploitation,2024-03-05
        uptd_ppa,PPA-2,,Yohana Abi,1999-01-05,Biboki Anleu,P,sexual_exploitation,2024-05-20
        uptd_ppa,PPA-3,,Agustinus Nahak,1990-01-01,53.03.01,L,labour_exploitation,2024-06-11
        """;

    private static (Domain.Estimation.Linkage.LinkageResult Result, LinkListsSummary Summary) Link(params string[] files) =>
        LinkListsUseCase.Run([.. files.Select((text, i) => ((TextReader)new StringReader(text), $"list{i + 1}.csv"))], Secret, null);

    [Fact]
    public void Run_LinksByNikAndByNameBirthKecamatan_GivenTwoAgencyLists()
    {
        var (result, summary) = Link(Police, Uptd);

        Assert.Equal(["police", "uptd_ppa"], summary.Lists);
        Assert.Equal(6, summary.Records);
        Assert.Equal(4, summary.Persons); // Maria, Agustinus, and Yohana twice
        Assert.Equal([3L, 3L], summary.PersonsByList);
        Assert.Equal(2, Assert.Single(summary.Overlaps).Persons);
        Assert.Equal(1, summary.Decisions.Single(d => d.Rule == "nik_match").Linked);
        Assert.Equal(1, summary.Decisions.Single(d => d.Rule == "fuzzy_match").Linked);
        Assert.Equal(2, result.Persons.Count(p => p.Lists.Count == 2));
    }

    [Fact]
    public void WriteCaptureHistory_GivesTheEstimateInput_GivenTwoLinkedLists()
    {
        var (result, _) = Link(Police, Uptd);
        var csv = new StringWriter();

        LinkListsUseCase.WriteCaptureHistory(csv, result.Overall);
        EstimateResponse estimate = EstimateUseCase.Run(new StringReader(csv.ToString()), new EstimateRequest("independence", null, null, null));

        Assert.Equal("police,uptd_ppa,count\n1,0,1\n0,1,1\n1,1,2\n", csv.ToString());
        // Two lists, independence model = Lincoln–Petersen: unseen = n10·n01/n11 = 1·1/2.
        Assert.Equal(0.5, estimate.DarkFigure, 9);
        Assert.Equal(4.5, estimate.Estimate, 9);
    }

    [Fact]
    public void WriteDecisions_NamesRecordsAndOutcomesOnly_GivenIdentifyingInput()
    {
        var (result, _) = Link(Police, Uptd);
        var decisions = new StringWriter();
        var strata = new StringWriter();

        LinkListsUseCase.WriteDecisions(decisions, result);
        LinkListsUseCase.WriteStrata(strata, result);

        string text = decisions.ToString() + strata.ToString();
        Assert.Contains("police,LP-3,uptd_ppa,PPA-3,true,fuzzy_match,", decisions.ToString(), StringComparison.Ordinal);
        Assert.Contains("police,LP-1,uptd_ppa,PPA-1,true,nik_match,agree,", decisions.ToString(), StringComparison.Ordinal);
        foreach (string secret in (string[])["5303014107060001", "0141", "Maria", "Yohana", "Agustinus", "Taek", "2006-04-12", "1999-01-05"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        // Yohana (police) is 25 at identification: adult, derived from birth date and identification date.
        Assert.StartsWith("sex,child_status,form,year,police,uptd_ppa,count\n", strata.ToString(), StringComparison.Ordinal);
        Assert.Contains("female,adult,sexual_exploitation,2024,1,0,1\n", strata.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Throws_GivenOneListOnly()
    {
        var e = Assert.Throws<DomainValidationException>(() => Link(Police));

        Assert.Equal("lists", e.Field);
    }

    [Fact]
    public void Read_ThrowsNamingTheColumn_GivenAnUnknownColumn()
    {
        var e = Assert.Throws<DomainValidationException>(() => VictimListCsv.Read(new StringReader("list,record_id,nama\npolice,LP-1,Maria\n"), "police.csv"));

        Assert.Equal("columns", e.Field);
        Assert.Contains("'nama'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThrowsWithoutRepeatingTheValue_GivenAMalformedBirthDate()
    {
        var e = Assert.Throws<DomainValidationException>(() => VictimListCsv.Read(new StringReader("list,record_id,birth_date\npolice,LP-1,12/04/2006\n"), "police.csv"));

        Assert.Equal("records[0].birth_date", e.Field);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12/04/2006", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_GivenAMissingRecordId()
    {
        var e = Assert.Throws<DomainValidationException>(() => VictimListCsv.Read(new StringReader("list,record_id\npolice,\n"), "police.csv"));

        Assert.Equal("records[0].record_id", e.Field);
    }
    [Fact]
    public async Task LinkCommand_WritesFilesThatEstimateReads_GivenTwoListFiles()
    {
        string dir = Directory.CreateTempSubdirectory("taskforce-link-").FullName;
        string police = Path.Combine(dir, "police.csv");
        string uptd = Path.Combine(dir, "uptd.csv");
        await File.WriteAllTextAsync(police, Police);
        await File.WriteAllTextAsync(uptd, "\uFEFF" + Uptd.Replace("\n", "\r\n", StringComparison.Ordinal)); // BOM and CRLF, as Excel saves
        string secret = Convert.ToBase64String(Secret);

        var (code, stdout, stderr) = await RunAsync(name => name == LinkageSecret.EnvironmentVariable ? secret : null,
            "link", "--file", police, uptd, "--out", Path.Combine(dir, "out"), "--json");
        var (estimateCode, estimateOut, _) = await RunAsync(_ => null, "estimate", "--file", Path.Combine(dir, "out", "capture-history.csv"), "--model", "independence", "--json");

        Assert.Equal(0, code);
        Assert.DoesNotContain("Warning", stderr, StringComparison.Ordinal); // the secret is configured
        JsonElement summary = JsonDocument.Parse(stdout).RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("persons").GetInt32());
        Assert.Equal("police,uptd_ppa,count\n1,0,1\n0,1,1\n1,1,2\n", await File.ReadAllTextAsync(Path.Combine(dir, "out", "capture-history.csv")));
        Assert.Equal(0, estimateCode);
        Assert.Equal(4.5, JsonDocument.Parse(estimateOut).RootElement.GetProperty("estimate").GetDouble(), 9);
        foreach (string file in Directory.GetFiles(Path.Combine(dir, "out")))
        {
            string text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("Maria", text, StringComparison.Ordinal);
            Assert.DoesNotContain("5303014107060001", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Maria", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkCommand_ExitsWithBadInputAndWritesNothing_GivenAMalformedFile()
    {
        string dir = Directory.CreateTempSubdirectory("taskforce-link-").FullName;
        string police = Path.Combine(dir, "police.csv");
        string bad = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(police, Police);
        await File.WriteAllTextAsync(bad, "list,record_id,birth_date\nuptd_ppa,PPA-1,12/04/2006\n");

        var (code, stdout, stderr) = await RunAsync(_ => null, "link", "--file", police, bad, "--out", Path.Combine(dir, "out"));

        Assert.Equal(2, code);
        Assert.Contains("bad.csv line 2, column birth_date", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("12/04/2006", stdout + stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void Run_GivesTheHandTabulatedCaptureHistory_GivenTheSampleLists()
    {
        // samples/lists/README.md: Maria on all three (NIK police–UPTD, fuzzy police–NGO); Yohana twice (different
        // kecamatan); Agustinus police only; Fransiska police+UPTD (NIK); Yosef police+UPTD (fuzzy); Theresia
        // police+NGO (NIK); Kristina and Marselina UPTD+NGO (fuzzy); Ana NGO only.
        string folder = Path.Combine(RepoPaths.Root, "samples", "lists");
        string[] names = ["police.csv", "uptd_ppa.csv", "ngo.csv"];
        var files = names.Select(f => ((TextReader)File.OpenText(Path.Combine(folder, f)), f)).ToList();

        var (result, summary) = LinkListsUseCase.Run(files, Secret, null);
        var csv = new StringWriter();
        LinkListsUseCase.WriteCaptureHistory(csv, result.Overall);

        Assert.Equal(10, summary.Persons);
        Assert.Equal("police,uptd_ppa,ngo,count\n1,0,0,2\n0,1,0,1\n1,1,0,2\n0,0,1,1\n1,0,1,1\n0,1,1,2\n1,1,1,1\n", csv.ToString());
        Assert.Equal(4, summary.Decisions.Single(d => d.Rule == "fuzzy_match").Linked);
        Assert.Equal(3, summary.Decisions.Single(d => d.Rule == "nik_match").Linked);
        files.ForEach(f => f.Item1.Dispose());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(Func<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr, null, CancellationToken.None, new FakeClock(Instant.FromUtc(2026, 11, 29, 0, 0)), null, environment);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
