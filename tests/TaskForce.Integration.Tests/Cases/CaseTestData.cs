using System.Security.Cryptography;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>Cases, callers and keys for the case tests. The identity values are made up; the tests look for each
/// of them in raw storage and in logs.</summary>
public static class CaseTestData
{
    public const string VictimName = "Yohana Sanam";
    public const string VictimAlias = "Nona Kefa";
    public const string VictimNik = "5303014105080001";
    public const string VictimAddress = "RT 02 Desa Oelbonak";
    public const string VictimPhone = "+62 812 3799 1234";
    public const string VictimBirthPlace = "Oelbonak";
    public const string SuspectName = "Markus Tefa";
    public const string WitnessName = "Agustina Kolo";

    /// <summary>Identity values and the birth date as they would appear in any text (the date in ISO form).</summary>
    public static readonly string[] Secrets = [VictimName, VictimAlias, VictimNik, VictimAddress, VictimPhone, VictimBirthPlace, SuspectName, WitnessName, "2008-05-01"];

    /// <summary>2026-03-10 09:00 WITA.</summary>
    public static FakeClock Clock() => new(Instant.FromUtc(2026, 3, 10, 1, 0));

    public static DateTimeZone Zone => DistrictTime.DefaultZone;

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static IdentityProtector Protector(string? key = null) => IdentityProtector.FromSettings(key ?? NewKey(), null);

    /// <summary>One keyed protector for the whole test run, so every workflow repository can read the reasons another
    /// wrote.</summary>
    public static IdentityProtector SharedProtector { get; } = Protector();

    /// <summary>A TPPO case: a 17-year-old girl recruited by deception for forced labour in Malaysia.</summary>
    public static CaseIntake Intake(string? id = "case-ttu-001") => new()
    {
        Id = id,
        Region = "53.03",
        CaseType = "tppo",
        ReportingAgency = new NewAgency("uptd_ppa", "UPTD PPA Kabupaten TTU"),
        IntakeChannel = "walk_in",
        ReportedAt = Instant.FromUtc(2026, 3, 2, 2, 30),
        OffenceDate = new LocalDate(2025, 11, 20),
        Victims =
        [
            new NewVictim
            {
                Sex = "female", BirthDate = new LocalDate(2008, 5, 1), Citizenship = "ID", Disability = false, MigrantWorkerStatus = "non_procedural",
                Identity = new NewIdentity { FullName = VictimName, Aliases = [VictimAlias], NationalIdNumber = VictimNik, Address = VictimAddress, Phone = VictimPhone, BirthPlace = VictimBirthPlace },
            },
            new NewVictim { Sex = "male", AgeAtOffence = 24, Citizenship = "ID" },
        ],
        Suspects = [new NewSuspect { Sex = "male", Roles = ["recruiter"], Citizenship = "ID", Identity = new NewIdentity { FullName = SuspectName } }],
        Witnesses = [new NewWitness { Identity = new NewIdentity { FullName = WitnessName } }],
        Elements = new NewTraffickingElements { Acts = ["perekrutan", "pengiriman"], Means = ["penipuan"], Purposes = ["kerja_paksa"], ExploitationOccurred = false },
        Places = new NewPlaces { OriginKecamatan = "53.03.01", DestinationCountry = "MY" },
        Consent = new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "parent_or_guardian" },
    };

    public static CaseRecord Record(string? id = "case-ttu-001", IClock? clock = null) =>
        CreateCaseUseCase.Build(Intake(id), clock ?? Clock(), Zone);

    public static Caller Caller(string userId, string? agency, params string[] roles) =>
        CallerClaims.ToCaller(
            [("oid", userId), .. (agency is null ? Array.Empty<(string, string)>() : [("agency", agency)]), .. roles.Select(r => ("roles", r))],
            "aad",
            null)!;

    /// <summary>Every row of the cases table as text: keys and every column value.</summary>
    public static async Task<List<string>> RawRowsAsync(TaskForceTables tables)
    {
        var rows = new List<string>();
        await foreach (var e in tables.Cases.QueryAsync<TableEntity>())
        {
            rows.Add(e.PartitionKey + "/" + e.RowKey + "/" + string.Join(";", e.Keys.Where(k => k is not "Timestamp" and not "odata.etag").OrderBy(k => k, StringComparer.Ordinal).Select(k => k + "=" + Convert.ToString(e[k], System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
