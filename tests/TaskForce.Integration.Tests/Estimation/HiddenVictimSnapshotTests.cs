using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Cases;
using TaskForce.Application.Estimation;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Workflows;
using TaskForce.Cli;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Functions.Http;
using TaskForce.Functions.Timers;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Estimation;

/// <summary>
/// The hidden-victim section of the snapshot over case records stored in Table Storage (Azurite): two agencies'
/// victims linked by NIK and by a fuzzy name, estimated by Lincoln–Petersen worked out by hand; the timer, HTTP and the
/// tool agree; no NIK or name reaches storage or the log.
/// </summary>
[Collection(StorageGroup.Name)]
public sealed class HiddenVictimSnapshotTests(AzuriteFixture storage)
{
    private const double Z975 = 1.959963984540054;
    private const long Population2025 = 276032; // 53.03 in 2025, src/TaskForce.Domain/Indicators/Data/population.csv (Dukcapil, civil registry)
    private const string Police = "police/Polres TTU";
    private const string Uptd = "uptd_ppa/UPTD PPA Kabupaten TTU";
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 1, 0);
    private static readonly string IdentityKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string LinkageKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A woman's NIK (day + 40) registered in 53.03.05 for a birth date, with a serial.</summary>
    private static string Nik(LocalDate birth, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"530305{birth.Day + 40:D2}{birth.Month:D2}{birth.Year % 100:D2}{serial:D4}");

    private static NewVictim Woman(string name, LocalDate birth, bool withNik, int serial) => new()
    {
        Sex = "female", BirthDate = birth, Citizenship = "ID",
        Identity = new NewIdentity { FullName = name, NationalIdNumber = withNik ? Nik(birth, serial) : null },
    };

    private static CaseIntake Intake(string id, bool police, int day, NewVictim victim) => new()
    {
        Id = id,
        Region = "53.03",
        CaseType = "tppo",
        ReportingAgency = new NewAgency(police ? "police" : "uptd_ppa", police ? "Polres TTU" : "UPTD PPA Kabupaten TTU"),
        IntakeChannel = "walk_in",
        ReportedAt = Instant.FromUtc(2025, 1, 10, 2, 0).Plus(Duration.FromDays(day)),
        OffenceDate = new LocalDate(2025, 1, 1),
        Victims = [victim],
        Elements = new NewTraffickingElements { Acts = ["perekrutan"], Means = ["penipuan"], Purposes = ["kerja_paksa"] },
        Places = new NewPlaces { OriginKecamatan = "53.03.05", DestinationCountry = "MY" },
        Consent = new NewConsent { ForServices = true, ForReporting = true, ForSharing = true, GivenBy = "self" },
    };

    /// <summary>Every NIK and name stored, to look for in tables and logs.</summary>
    private static readonly string[] Identities =
    [
        .. Enumerable.Range(0, 60).Select(i => Nik(Birth(i), i + 1)),
        "Korban Polisi", "Korban Layanan", "Korban Bersama", "Maria Gor", "Goreti", "Gorety",
    ];

    /// <summary>Birth dates from 1985 to 2001 (never 2006, Maria's year).</summary>
    private static LocalDate Birth(int i) => new LocalDate(1985, 1, 3).PlusDays(i * 97);

    /// <summary>Stores 72 cases reported in 2025: 30 women on the police list only, 20 on the UPTD PPA list only, 10
    /// recorded by both (same NIK), and Maria, recorded by both without a NIK and with her name spelt two ways.</summary>
    private static async Task<TableCaseRepository> StoreAsync(TaskForceTables tables, bool oneList = false, bool noOverlap = false)
    {
        var clock = new FakeClock(Now);
        var repo = new TableCaseRepository(tables, CaseTestData.Protector(IdentityKey), DistrictTime.DefaultZone);
        int day = 0, serial = 1;
        async Task AddAsync(string id, bool police, NewVictim victim)
        {
            if (oneList && !police)
            {
                return;
            }

            await repo.AddAsync(CreateCaseUseCase.Build(Intake(id, police, day++ % 300, victim), clock, DistrictTime.DefaultZone), police ? "polres_ttu" : "uptd_ppa_ttu", null);
        }

        for (int i = 0; i < 30; i++)
        {
            await AddAsync($"pol-{i:D2}", true, Woman($"Korban Polisi {i}", Birth(i), true, serial++));
        }

        for (int i = 0; i < 20; i++)
        {
            await AddAsync($"ppa-{i:D2}", false, Woman($"Korban Layanan {i}", Birth(30 + i), true, serial++));
        }

        if (!noOverlap)
        {
            for (int i = 0; i < 10; i++)
            {
                var both = Woman($"Korban Bersama {i}", Birth(50 + i), true, serial++);
                await AddAsync($"pol-b{i}", true, both);
                await AddAsync($"ppa-b{i}", false, both);
            }

            await AddAsync("pol-m", true, Woman("Maria Goreti Taek", new LocalDate(2006, 4, 12), false, 0));
            await AddAsync("ppa-m", false, Woman("Maria Gorety Taek", new LocalDate(2006, 4, 12), false, 0));
        }

        return repo;
    }

    private static SnapshotUseCase UseCase(TaskForceTables tables, TableCaseRepository repo, LinkageSecret secret, ILogger<SnapshotUseCase> logger, IClock? clock = null)
    {
        var source = new StoredCaseFactSource(repo, new TableWorkflowRepository(tables, CaseTestData.Protector(IdentityKey)), WorkflowRegistry.Default, DistrictTime.DefaultZone);
        return new SnapshotUseCase(new TableVerdictRepository(tables), new TableSnapshotRepository(tables), source, new TableCtdcRepository(tables),
            source, secret, clock ?? new FakeClock(Now), DistrictTime.DefaultZone, logger);
    }

    private static JsonElement Hidden(string snapshotJson) => JsonDocument.Parse(snapshotJson).RootElement.GetProperty("hidden_victims").Clone();

    private static decimal? Dec(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    private static decimal R1(double v) => Math.Round((decimal)v, 1, MidpointRounding.AwayFromZero);

    private static decimal Per100K(double v) => Math.Round((decimal)(v / Population2025 * 100_000), 2, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Snapshot_EqualsLincolnPetersenByHand_GivenStoredCasesOfTwoAgencies()
    {
        var tables = await storage.NewTablesAsync();
        var repo = await StoreAsync(tables);
        var useCase = UseCase(tables, repo, LinkageSecret.Parse(LinkageKey), NullLogger<SnapshotUseCase>.Instance);

        var snapshot = await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), null);
        string json = SnapshotJson.Write(snapshot);
        var h = Hidden(json);

        // By hand: n10 = 30 (police only), n01 = 20 (UPTD PPA only), n11 = 10 (same NIK) + 1 (Maria: no NIK, the
        // names "Maria Goreti Taek" / "Maria Gorety Taek" agree at Jaro–Winkler ≥ 0.90, same birth date, same kecamatan).
        // Two lists: the independence model is Lincoln–Petersen; dark = n10·n01/n11 = 600/11 = 54.545…,
        // N = 61 + 54.545… = 115.545…; Wald on log dark: se² = 1/30 + 1/20 + 1/11.
        double dark = 30.0 * 20 / 11, n = 61 + dark, se = Math.Sqrt((1.0 / 30) + (1.0 / 20) + (1.0 / 11));
        double low = 61 + (dark * Math.Exp(-Z975 * se)), high = 61 + (dark * Math.Exp(Z975 * se));
        Assert.Equal("estimated", h.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, h.GetProperty("reason").ValueKind);
        Assert.Equal([Police, Uptd], h.GetProperty("lists").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(61, h.GetProperty("observed").GetInt32());
        Assert.Equal([Police, Uptd], h.GetProperty("terms").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(R1(dark), Dec(h, "dark_figure"));
        Assert.Equal(R1(n), Dec(h, "estimate"));
        Assert.Equal(115.5m, Dec(h, "estimate"));
        Assert.Equal(R1(low), Dec(h, "ci_low"));
        Assert.Equal(R1(high), Dec(h, "ci_high"));
        Assert.Equal((85.1m, 184.6m), (Dec(h, "ci_low"), Dec(h, "ci_high")));
        Assert.True(Dec(h, "profile_ci_low") is > 61m and < 115.5m);
        Assert.True(Dec(h, "profile_ci_high") > 115.5m);
        Assert.Equal("stepwise", h.GetProperty("model").GetString());
        Assert.Contains(h.GetProperty("notes").EnumerateArray(), w => w.GetProperty("code").GetString() == "bca_bootstrap_not_computed");

        // SDG 16.2.2: detected = victims_identified / population × 100,000. The person key (exact name) counts Maria
        // twice: 62 detected persons, 62 / 276,032 × 100,000 = 22.46; with the estimate 115.545… / 276,032 × 100,000.
        var cells = new SnapshotReader(json);
        Assert.Equal(62m, cells.Value("victims_identified"));
        var sdg = h.GetProperty("sdg_16_2_2");
        Assert.Equal(Math.Round(62m / Population2025 * 100_000m, 2, MidpointRounding.AwayFromZero), Dec(sdg, "detected"));
        Assert.Equal(22.46m, Dec(sdg, "detected"));
        Assert.Equal(cells.Value("sdg_16_2_2"), Dec(sdg, "detected"));
        Assert.Equal(Per100K(n), Dec(sdg, "estimated"));
        Assert.Equal(41.86m, Dec(sdg, "estimated"));
        Assert.Equal((Per100K(low), Per100K(high)), (Dec(sdg, "ci_low"), Dec(sdg, "ci_high")));
        Assert.Equal(Population2025, sdg.GetProperty("population").GetProperty("value").GetInt64());

        // One stratum holds everyone (women, adults, forced labour): the same numbers.
        var stratum = Assert.Single(h.GetProperty("strata").EnumerateArray(), s => s.GetProperty("reason").GetString() != "no_persons");
        Assert.Equal(("female", "adult", "forced_labour"), (stratum.GetProperty("sex").GetString(), stratum.GetProperty("age_group").GetString(), stratum.GetProperty("exploitation_form").GetString()));
        Assert.Equal(115.5m, Dec(stratum, "estimate"));

        // CSV and HTML say the same.
        using var csv = new StringWriter();
        SnapshotFiles.WriteCsv(snapshot, csv);
        Assert.Contains(",hidden_victims,", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("estimate,115.5,persons,false,,,,estimated", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("estimate,41.86,per_100000,false,276032,2025,", csv.ToString(), StringComparison.Ordinal);
        // The report is in the reader's language (ADR-026): English in the invariant test culture, Indonesian when chosen.
        string html = SnapshotReport.Html(snapshot, []);
        Assert.Contains("115.5 (95% confidence interval 85.1 – 184.6; profile likelihood", html, StringComparison.Ordinal);
        Assert.Contains("no agency has seen", html, StringComparison.Ordinal);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = TaskForce.Domain.Common.Texts.Indonesian;
        try
        {
            string htmlId = SnapshotReport.Html(snapshot, []);
            Assert.Contains("115.5 (selang kepercayaan 95%: 85.1 – 184.6;", htmlId, StringComparison.Ordinal);
            Assert.Contains("tidak terlihat oleh lembaga mana pun", htmlId, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task Snapshot_LeavesNoNikOrNameInStorageOrLogs_GivenAStoredSnapshotRun()
    {
        var tables = await storage.NewTablesAsync();
        var repo = await StoreAsync(tables);
        var logger = new ListLogger<SnapshotUseCase>();
        var useCase = UseCase(tables, repo, LinkageSecret.PerComputation, logger);

        var run = await useCase.ComputeAndStoreAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), null);
        await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025-Q1"), 1);

        Assert.True(run.Created);
        Assert.Equal("estimated", Hidden(run.Stored.Json).GetProperty("status").GetString());
        var text = new List<string> { logger.AllText(), run.Stored.Json };
        await foreach (var table in tables.Service.QueryAsync())
        {
            foreach (var row in await TableRows.AllAsync(tables.Service.GetTableClient(table.Name)))
            {
                text.Add(string.Join("|", row.Select(p => $"{p.Key}={p.Value}")));
            }
        }

        Assert.True(text.Count > 70, "the case rows were scanned");
        string all = string.Join("\n", text);
        Assert.All(Identities, secret => Assert.DoesNotContain(secret, all, StringComparison.OrdinalIgnoreCase));

        // The unset secret is logged once as a warning (setting name only); the estimate is logged as counts.
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(LinkageSecret.SettingName, warning.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Id.Name == "HiddenVictimsEstimated" && e.Message.Contains("2 agency lists, estimated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimerHttpAndTool_GiveTheSameHiddenVictimSection_GivenTheSameStoredCases()
    {
        var tables = await storage.NewTablesAsync();
        var repo = await StoreAsync(tables);

        // Timer: 00:30 WITA on 1 January 2026, the annual run covers 2025 and stores it.
        var timerClock = new FakeClock(Instant.FromUtc(2025, 12, 31, 16, 30));
        var timer = new SnapshotTimerFunctions(UseCase(tables, repo, LinkageSecret.Parse(LinkageKey), NullLogger<SnapshotUseCase>.Instance, timerClock),
            SnapshotTimerOptions.Parse("53.03"), NullLogger<SnapshotTimerFunctions>.Instance);
        var stored = Assert.Single(await timer.RunAnnualAsync(new TimerInfo(), CancellationToken.None));

        // HTTP: GET /api/indicators?region=53.03&period=2025, computed live (a fresh per-computation secret).
        var functions = new IndicatorFunctions(UseCase(tables, repo, LinkageSecret.PerComputation, NullLogger<SnapshotUseCase>.Instance), new TableSnapshotRepository(tables), TestPipeline.Trusted);
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString("?region=53.03&period=2025");
        var http = Assert.IsType<ContentResult>(await functions.GetIndicatorsAsync(context.Request, CancellationToken.None));

        // Tool: taskforce snapshot --json, identity key and linkage secret from its environment.
        var environment = new Dictionary<string, string?> { ["TaskForce__IdentityKey"] = IdentityKey, ["TaskForce__Linkage__DistrictSecret"] = LinkageKey };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // The cases were stored without the read model (as in a store written before ADR-012): rebuild it first.
        Assert.Equal(0, await CliApp.RunAsync(["rebuild-facts"], new StringWriter(), new StringWriter(), () => tables, CancellationToken.None,
            new FakeClock(Now), environment: name => environment.GetValueOrDefault(name)));
        int code = await CliApp.RunAsync(["snapshot", "--region", "53.03", "--period", "2025", "--json"], stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Now), environment: name => environment.GetValueOrDefault(name));

        Assert.Equal(0, code);
        string timerSection = Hidden(stored.Stored.Json).GetRawText();
        Assert.Equal(115.5m, Dec(Hidden(stored.Stored.Json), "estimate"));
        Assert.Equal(timerSection, Hidden(http.Content!).GetRawText());
        Assert.Equal(timerSection, Hidden(stdout.ToString()).GetRawText());
        Assert.DoesNotContain("not set", stderr.ToString(), StringComparison.Ordinal); // the secret was configured
    }

    [Fact]
    public async Task Snapshot_SaysNotEstimated_GivenStoredCasesOfOneAgency()
    {
        var tables = await storage.NewTablesAsync();
        var repo = await StoreAsync(tables, oneList: true);
        var useCase = UseCase(tables, repo, LinkageSecret.Parse(LinkageKey), NullLogger<SnapshotUseCase>.Instance);

        var h = Hidden(SnapshotJson.Write(await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), null)));

        Assert.Equal(("not_estimated", "fewer_than_two_lists"), (h.GetProperty("status").GetString(), h.GetProperty("reason").GetString()));
        Assert.Equal(41, h.GetProperty("observed").GetInt32()); // 30 + 10 + Maria
        Assert.Equal([Police], h.GetProperty("lists").EnumerateArray().Select(e => e.GetString()));
        foreach (string field in new[] { "dark_figure", "estimate", "ci_low", "ci_high", "profile_ci_low", "profile_ci_high" })
        {
            Assert.Equal(JsonValueKind.Null, h.GetProperty(field).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, h.GetProperty("sdg_16_2_2").GetProperty("estimated").ValueKind);
        Assert.Equal(0, h.GetProperty("strata").GetArrayLength());
    }

    [Fact]
    public async Task Snapshot_WarnsAndGivesNoNumber_GivenStoredListsThatDoNotOverlap()
    {
        var tables = await storage.NewTablesAsync();
        var repo = await StoreAsync(tables, noOverlap: true);
        var useCase = UseCase(tables, repo, LinkageSecret.Parse(LinkageKey), NullLogger<SnapshotUseCase>.Instance);

        var h = Hidden(SnapshotJson.Write(await useCase.ComputeAsync(RegionCode.Parse("53.03"), ReportingPeriod.Parse("2025"), null)));

        Assert.Equal(("not_estimated", "lists_do_not_overlap"), (h.GetProperty("status").GetString(), h.GetProperty("reason").GetString()));
        Assert.Equal(50, h.GetProperty("observed").GetInt32());
        Assert.Equal(JsonValueKind.Null, h.GetProperty("estimate").ValueKind);
        Assert.Equal(2, h.GetProperty("warnings").EnumerateArray().Count(w => w.GetProperty("code").GetString() == "list_without_overlap"));
    }
}
