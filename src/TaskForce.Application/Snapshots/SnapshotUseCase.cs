using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Snapshots;

/// <summary>The result of computing and storing a snapshot.</summary>
/// <param name="Snapshot">The snapshot as stored (its generation time is the stored one).</param>
/// <param name="Stored">The stored record with its JSON.</param>
/// <param name="Created">Whether it was written by this run (<see langword="false"/> when the same content was stored before).</param>
public sealed record SnapshotRun(IndicatorSnapshot Snapshot, StoredSnapshot Stored, bool Created);

/// <summary>
/// Computes indicator snapshots from stored records and stores them: the one code path behind
/// <c>taskforce snapshot</c>, the snapshot timer and <c>GET /indicators</c>.
/// </summary>
/// <remarks>
/// <para>A snapshot is always computed from what storage holds, never from an import's memory, so the timer, the HTTP API
/// and the tool agree. Storing is idempotent: the same content for the same region, period and catalogue version is
/// stored once and keeps its first generation time and bytes.</para>
/// <para>The hidden-victim section (issue 6): the victims of the period's consented trafficking cases are read with
/// their identity from an <see cref="IVictimListSource"/>, linked across the reporting agencies by
/// <see cref="RecordLinker"/> (NIK hashes keyed with the <see cref="LinkageSecret"/>), and estimated by
/// <see cref="HiddenVictimIndicators"/>. Identity stays inside this computation; the log gets counts only.</para>
/// </remarks>
public sealed class SnapshotUseCase
{
    private readonly IVerdictRepository verdicts;
    private readonly ISnapshotRepository snapshots;
    private readonly ICaseFactSource caseFacts;
    private readonly ICtdcRepository? ctdc;
    private readonly IVictimListSource? victimLists;
    private readonly LinkageSecret linkageSecret;
    private readonly IClock clock;
    private readonly DateTimeZone zone;
    private readonly ILogger<SnapshotUseCase> logger;
    private int secretWarningLogged;

    /// <summary>Creates the use case over court-outcome records only (no case records, no CTDC reference).</summary>
    /// <param name="verdicts">The verdict store.</param>
    /// <param name="snapshots">The snapshot store.</param>
    /// <param name="clock">The clock stamping generation times.</param>
    /// <param name="zone">The district zone (configured <c>TaskForce:TimeZone</c>) in which dates and periods are taken.</param>
    /// <param name="logger">The logger (counts only, no personal data).</param>
    public SnapshotUseCase(IVerdictRepository verdicts, ISnapshotRepository snapshots, IClock clock, DateTimeZone zone, ILogger<SnapshotUseCase> logger)
        : this(verdicts, snapshots, InMemoryCaseFactSource.Empty, null, clock, zone, logger)
    {
    }

    /// <summary>Creates the use case.</summary>
    /// <param name="verdicts">The verdict store.</param>
    /// <param name="snapshots">The snapshot store.</param>
    /// <param name="caseFacts">The case records, as de-identified indicator input.</param>
    /// <param name="ctdc">The imported CTDC data sets, or <see langword="null"/> for no global comparison.</param>
    /// <param name="clock">The clock stamping generation times.</param>
    /// <param name="zone">The district zone (configured <c>TaskForce:TimeZone</c>) in which dates and periods are taken.</param>
    /// <param name="logger">The logger (counts only, no personal data).</param>
    /// <remarks>The victim lists of the hidden-victim estimate come from <paramref name="caseFacts"/> when it is also an
    /// <see cref="IVictimListSource"/> (the stored cases are), with a linkage secret drawn per computation.</remarks>
    public SnapshotUseCase(IVerdictRepository verdicts, ISnapshotRepository snapshots, ICaseFactSource caseFacts, ICtdcRepository? ctdc, IClock clock, DateTimeZone zone, ILogger<SnapshotUseCase> logger)
        : this(verdicts, snapshots, caseFacts, ctdc, caseFacts as IVictimListSource, LinkageSecret.PerComputation, clock, zone, logger)
    {
    }

    /// <summary>Creates the use case with the hidden-victim estimate's inputs.</summary>
    /// <param name="verdicts">The verdict store.</param>
    /// <param name="snapshots">The snapshot store.</param>
    /// <param name="caseFacts">The case records, as de-identified indicator input.</param>
    /// <param name="ctdc">The imported CTDC data sets, or <see langword="null"/> for no global comparison.</param>
    /// <param name="victimLists">The agencies' victim lists for record linkage, or <see langword="null"/> when there
    /// are none (the section then says <c>no_linkage_input</c>).</param>
    /// <param name="linkageSecret">The district secret of the NIK hashes (<see cref="LinkageSecret.PerComputation"/>
    /// when not configured; a warning is logged once).</param>
    /// <param name="clock">The clock stamping generation times.</param>
    /// <param name="zone">The district zone (configured <c>TaskForce:TimeZone</c>) in which dates and periods are taken.</param>
    /// <param name="logger">The logger (counts only, no personal data).</param>
    public SnapshotUseCase(
        IVerdictRepository verdicts, ISnapshotRepository snapshots, ICaseFactSource caseFacts, ICtdcRepository? ctdc,
        IVictimListSource? victimLists, LinkageSecret linkageSecret, IClock clock, DateTimeZone zone, ILogger<SnapshotUseCase> logger)
    {
        this.verdicts = verdicts ?? throw new ArgumentNullException(nameof(verdicts));
        this.snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        this.caseFacts = caseFacts ?? throw new ArgumentNullException(nameof(caseFacts));
        this.ctdc = ctdc;
        this.victimLists = victimLists;
        this.linkageSecret = linkageSecret ?? throw new ArgumentNullException(nameof(linkageSecret));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.zone = zone ?? throw new ArgumentNullException(nameof(zone));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Computes a snapshot from stored records without storing it.</summary>
    /// <param name="region">The region code or <c>*</c>.</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="suppressionK">The suppression threshold to apply and record, ≥ 1; <see langword="null"/> for the
    /// catalogue default (<see cref="IndicatorCatalogue.DefaultSuppressionK"/>).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="DomainValidationException"><paramref name="suppressionK"/> is below 1 (field <c>k</c>), or
    /// <paramref name="region"/> is neither <c>*</c> nor in the Kemendagri list (field <c>region</c>,
    /// <see cref="KemendagriRegions.Require"/>).</exception>
    public async Task<IndicatorSnapshot> ComputeAsync(RegionCode region, ReportingPeriod period, int? suppressionK, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        region = RequireListed(region);
        if (suppressionK is < 1)
        {
            throw new DomainValidationException("k", Texts.Format(SnapshotsText.CaseExportsSuppressionThresholdKMust, suppressionK));
        }

        var list = new List<CourtVerdict>();
        await foreach (var v in verdicts.ListDecidedBetweenAsync(period.Start, period.End, cancellationToken).ConfigureAwait(false))
        {
            list.Add(v);
        }

        var snapshot = CourtOutcomeIndicators.Compute(list, region, period, clock.GetCurrentInstant(), zone.Id);
        int k = suppressionK ?? IndicatorCatalogue.DefaultSuppressionK;
        var input = await LoadCaseInputAsync(region, period, cancellationToken).ConfigureAwait(false);
        var reference = ctdc is null ? null : await ctdc.GetLatestAsync(cancellationToken).ConfigureAwait(false);
        var cases = CaseIndicators.Compute(input, region, period, new CaseIndicatorOptions { SuppressionK = k, Ctdc = reference?.ToReference() });
        snapshot = snapshot with
        {
            SuppressionK = k,
            Indicators = [.. snapshot.Indicators, .. cases.Cells],
            Coverage = snapshot.Coverage with
            {
                Rules = [.. snapshot.Coverage.Rules, .. cases.Rules],
                CaseRecords = cases.Coverage,
                Warnings = cases.Warnings,
            },
        };

        var hidden = await ComputeHiddenVictimsAsync(region, period, k, snapshot.Indicators, cancellationToken).ConfigureAwait(false);
        snapshot = snapshot with { HiddenVictims = hidden };

        LogComputed(logger, region.Value, period.Label, snapshot.Coverage.RecordsInPeriod, null);
        return snapshot;
    }

    /// <summary>Computes the hidden-victim section: reads the period's victim lists, links them and estimates.</summary>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="k">The suppression threshold.</param>
    /// <param name="cells">The snapshot's cells (suppression applied).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The section.</returns>
    private async Task<HiddenVictimsSection> ComputeHiddenVictimsAsync(
        RegionCode region, ReportingPeriod period, int k, IReadOnlyList<IndicatorValue> cells, CancellationToken cancellationToken)
    {
        if (victimLists is null)
        {
            return HiddenVictimIndicators.Compute(null, cells, period, k);
        }

        var entries = new List<VictimListEntry>();
        await foreach (var entry in victimLists.ListAsync(region, period, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        // A stable order whatever the source's: lists and records by code.
        entries.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.List, b.List);
            return c != 0 ? c : string.CompareOrdinal(a.RecordId, b.RecordId);
        });
        if (!linkageSecret.IsConfigured && Interlocked.Exchange(ref secretWarningLogged, 1) == 0)
        {
            LogSecretNotConfigured(logger, LinkageSecret.SettingName, null);
        }

        byte[] key = linkageSecret.KeyForComputation();
        LinkageResult linkage;
        try
        {
            var linker = new RecordLinker(new LinkageOptions
            {
                DistrictSecret = key,
                Lists = [.. entries.Select(e => e.List).Distinct(StringComparer.Ordinal)],
                RecordDecisions = false, // the section needs persons and warnings only; all-pairs decisions are quadratic (ADR-012)
            });
            linkage = linker.Link(entries);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        var inputWarnings = new List<HiddenVictimWarning>();
        if (entries.Any(e => !NikHasher.IsWellFormed(e.Nik) && (string.IsNullOrWhiteSpace(e.Name) || (e.BirthDate is null && e.BirthYear is null))))
        {
            // Stored in the snapshot for later readers: the code is the stable key, the text the neutral (English)
            // one; a reader renders the code in its language with SnapshotWarningTexts (ADR-030).
            const string code = "records_without_linkage_identity";
            inputWarnings.Add(new(code, SnapshotWarningTexts.Render(code, Texts.English)!));
        }

        var section = HiddenVictimIndicators.Compute(linkage, cells, period, k, inputWarnings);
        LogHiddenVictims(logger, region.Value, period.Label, linkage.Lists.Count, section.Overall.Status, section.Overall.Reason ?? "-", null);
        return section;
    }

    /// <summary>Loads the case-record indicator input of a region up to the end of a period.</summary>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The input (cases reported on or before the period's last day; from an <see cref="IPeriodCaseFactSource"/>
    /// only those that can affect the period, ADR-008 rule 11), in the district zone.</returns>
    public async Task<IndicatorInput> LoadCaseInputAsync(RegionCode region, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        var builder = new IndicatorInputBuilder(zone);
        var facts = caseFacts is IPeriodCaseFactSource bounded
            ? bounded.ListForPeriodAsync(region, period, cancellationToken) // only the cases that can affect the period (ADR-012)
            : caseFacts.ListAsync(region, period.End, cancellationToken);
        await foreach (var fact in facts.ConfigureAwait(false))
        {
            builder.Add(fact);
        }

        return builder.Build();
    }

    /// <summary>Computes a snapshot and stores it unless the same content is stored already.</summary>
    /// <param name="region">The region code or <c>*</c>.</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="suppressionK">The suppression threshold, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The snapshot as stored (when the same content was stored before: the earlier one, with its first
    /// generation time, so its JSON is byte for byte the stored one), the stored record, and whether it was written now.</returns>
    /// <exception cref="DomainValidationException"><paramref name="suppressionK"/> is below 1, or
    /// <paramref name="region"/> is neither <c>*</c> nor in the Kemendagri list (field <c>region</c>).</exception>
    public async Task<SnapshotRun> ComputeAndStoreAsync(RegionCode region, ReportingPeriod period, int? suppressionK, CancellationToken cancellationToken = default)
    {
        var snapshot = await ComputeAsync(region, period, suppressionK, cancellationToken).ConfigureAwait(false);
        var candidate = new StoredSnapshot(snapshot.Region, snapshot.Period.Label, snapshot.CatalogueVersion,
            SnapshotJson.ContentFingerprint(snapshot), snapshot.GeneratedAt, SnapshotJson.Write(snapshot));
        var (stored, created) = await snapshots.AddIfNewAsync(candidate, cancellationToken).ConfigureAwait(false);
        return new SnapshotRun(snapshot with { GeneratedAt = stored.GeneratedAt }, stored, created);
    }

    /// <summary>Returns the period a scheduled run covers: the last complete period of a kind before today in the
    /// district zone.</summary>
    /// <param name="kind">The kind of period (month, quarter, semester, year).</param>
    /// <returns>For example, on 2026-01-01 00:30 WITA (2025-12-31T16:30Z) the annual run covers 2025 when the zone is
    /// Asia/Makassar.</returns>
    public ReportingPeriod LastCompletePeriod(PeriodKind kind) =>
        ReportingPeriod.Containing(kind, DistrictTime.Today(clock, zone)).Previous();

    /// <summary>The one Kemendagri check of a snapshot's or an export's region (issue 11): the tool, the HTTP API and
    /// the timers all reach it through the use cases.</summary>
    /// <param name="region">The region selector.</param>
    /// <returns><paramref name="region"/> when it is <c>*</c> or in the Kemendagri list.</returns>
    /// <exception cref="DomainValidationException">The code is not in the list (field <c>region</c>).</exception>
    internal static RegionCode RequireListed(RegionCode region) =>
        region.IsAll ? region : KemendagriRegions.Require(region, "region");

    private static readonly Action<ILogger, string, Exception?> LogSecretNotConfigured =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(3, "LinkageSecretNotConfigured"),
            "The record-linkage secret {Setting} is not configured: NIK hashes are keyed with a random secret drawn for each computation (nothing of the linkage is stored, so the estimates are the same). Pin it in production (docs/decisions/ADR-009).");

    private static readonly Action<ILogger, string, string, int, string, string, Exception?> LogHiddenVictims =
        LoggerMessage.Define<string, string, int, string, string>(LogLevel.Information, new EventId(4, "HiddenVictimsEstimated"),
            "Hidden-victim estimate for region {Region} period {Period}: {Lists} agency lists, {Status} ({Reason})");

    private static readonly Action<ILogger, string, string, int, Exception?> LogComputed =
        LoggerMessage.Define<string, string, int>(LogLevel.Information, new EventId(2, "SnapshotComputed"),
            "Computed snapshot for region {Region} period {Period}: {Records} records in period");
}
