using System.Globalization;
using System.Text.Json;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// Follows case and workflow writes into the counting read model (ADR-012): reads the case and its workflows after the
/// write, maps them to fact rows and replaces the stored rows under the case's marker (compare-and-set, retried).
/// </summary>
/// <remarks>The rows are read back from storage, never taken from the writer's memory, so two writers racing on one
/// case leave the rows of the last state: a writer whose marker changed meanwhile reads again.</remarks>
/// <param name="cases">The case store (undecorated).</param>
/// <param name="workflows">The workflow store (undecorated).</param>
/// <param name="store">The read model.</param>
/// <param name="registry">The workflow definitions (with the configured first-response hours).</param>
/// <param name="zone">The district zone (business dates, report years).</param>
public sealed class CaseFactProjector(ICaseRepository cases, IWorkflowRepository workflows, ICaseFactStore store, WorkflowRegistry registry, DateTimeZone zone)
{
    private const int MaxAttempts = 8;
    private readonly PersonKeyer keyer = store.CreateKeyer();

    /// <summary>Gets the read model.</summary>
    /// <value>The store.</value>
    public ICaseFactStore Store => store;

    /// <summary>Gets the district zone.</summary>
    /// <value>The zone.</value>
    public DateTimeZone Zone => zone;

    /// <summary>Brings a case's rows up to date with what storage holds now.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    /// <exception cref="ConcurrencyConflictException">Other writers kept changing the marker.</exception>
    public async Task ProjectAsync(string caseId, CancellationToken cancellationToken = default)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var marker = await store.GetMarkerAsync(caseId, cancellationToken).ConfigureAwait(false);
            var projection = await ReadAsync(caseId, cancellationToken).ConfigureAwait(false);
            if (await store.ReplaceAsync(caseId, marker, projection, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new ConcurrencyConflictException(Texts.Format(SnapshotsText.CaseFactProjectorCountingRowsCaseKept, caseId));
    }

    /// <summary>Writes the rows of a case just created, from the created record (no marker, no workflows yet).</summary>
    /// <param name="record">The case as stored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task ProjectCreatedAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!await store.ReplaceAsync(record.Id.Value, null, Project(record, CaseWorkflows.None), cancellationToken).ConfigureAwait(false))
        {
            await ProjectAsync(record.Id.Value, cancellationToken).ConfigureAwait(false); // another writer was first
        }
    }

    /// <summary>Writes the rows of several cases just created (the bulk import, ADR-012 "Bulk import"): their rows
    /// grouped by partition and their markers in batches of at most 100, then each case whose marker already existed is
    /// projected again from storage.</summary>
    /// <param name="records">The cases as stored (ids distinct).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task ProjectCreatedAsync(IReadOnlyList<CaseRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var conflicts = await store.AddCreatedAsync([.. records.Select(r => Project(r, CaseWorkflows.None))], cancellationToken).ConfigureAwait(false);
        foreach (string id in conflicts)
        {
            await ProjectAsync(id, cancellationToken).ConfigureAwait(false); // another writer was first
        }
    }

    /// <summary>Reads a case and its workflows and maps them (no write).</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, or <see langword="null"/> when the case does not exist.</returns>
    public async Task<CaseFactProjection?> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var stored = await cases.GetAsync(CaseId.Parse(caseId), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var instances = await workflows.ListByCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
        return Project(stored.Record, CaseWorkflowFacts.Workflows(instances, registry, zone));
    }

    /// <summary>Maps a case and its workflows to its rows.</summary>
    /// <param name="record">The case.</param>
    /// <param name="caseWorkflows">Its workflows.</param>
    /// <returns>The rows and the years they go to.</returns>
    public CaseFactProjection Project(CaseRecord record, CaseWorkflows caseWorkflows)
    {
        ArgumentNullException.ThrowIfNull(record);
        var facts = VictimCaseFactMapper.Map(record, caseWorkflows, keyer);
        int reportedYear = DistrictTime.BusinessDate(record.ReportedAt, zone).Year;
        return new CaseFactProjection(record.Id.Value, record.Region, reportedYear, YearsOf(facts, reportedYear), facts, VictimListMapper.Map(record));
    }

    /// <summary>The years whose cells a case can affect (ADR-008 rule 11): the report year; the years of every service
    /// request and delivery and every referral sent; every year a deadline ran in (start to close); and
    /// <see cref="CaseFactProjection.Open"/> while a deadline runs.</summary>
    /// <param name="facts">The case's facts (case facts are equal on every row).</param>
    /// <param name="reportedYear">The report year.</param>
    /// <returns>The years in order, <c>open</c> last.</returns>
    public static IReadOnlyList<string> YearsOf(IReadOnlyList<VictimCaseFact> facts, int reportedYear)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var years = new SortedSet<int> { reportedYear };
        bool open = false;
        foreach (var f in facts)
        {
            foreach (var s in f.Services)
            {
                years.Add(s.RequestedOn.Year);
                if (s.DeliveredOn is { } d)
                {
                    years.Add(d.Year);
                }
            }

            foreach (var r in f.Referrals)
            {
                years.Add(r.SentOn.Year);
            }

            foreach (var d in f.Deadlines)
            {
                if (d.ClosedOn is { } closed)
                {
                    for (int y = d.StartsOn.Year; y <= closed.Year; y++)
                    {
                        years.Add(y);
                    }
                }
                else
                {
                    years.Add(d.StartsOn.Year);
                    open = true;
                }
            }
        }

        var result = years.Select(y => y.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        if (open)
        {
            result.Add(CaseFactProjection.Open);
        }

        return result;
    }
}

/// <summary>Stored workflow instances rehydrated for <see cref="VictimCaseFactMapper"/> (the same mapping as
/// <see cref="StoredCaseFactSource"/>).</summary>
internal static class CaseWorkflowFacts
{
    public static CaseWorkflows Workflows(IReadOnlyList<StoredWorkflow> instances, WorkflowRegistry registry, DateTimeZone zone)
    {
        var result = new CaseWorkflows();
        foreach (var s in instances)
        {
            switch (s.Workflow)
            {
                case CaseManagementWorkflow.Code:
                    result = result with { CaseManagement = Rehydrate<CaseStage, CaseManagementContext>(s, registry, zone) };
                    break;
                case ServiceWorkflow.Code:
                    var service = Rehydrate<ServiceState, ServiceContext>(s, registry, zone);
                    result = result with { Services = [.. result.Services, new VictimService(service.Context.VictimId is { } id ? new PersonId(id) : null, service)] };
                    break;
                case ReferralWorkflow.Code:
                    result = result with { Referrals = [.. result.Referrals, Rehydrate<ReferralState, ReferralContext>(s, registry, zone)] };
                    break;
                case CriminalJusticeWorkflow.Code:
                    result = result with { CriminalJusticeTracks = [.. result.CriminalJusticeTracks, Rehydrate<JusticeStage, CriminalJusticeContext>(s, registry, zone)] }; // one per suspect (ADR-023)
                    break;
                case RestitutionWorkflow.Code:
                    result = result with { Restitutions = [.. result.Restitutions, Rehydrate<RestitutionState, RestitutionContext>(s, registry, zone)] };
                    break;
                default:
                    break; // a workflow this version does not count
            }
        }

        return result;
    }

    private static WorkflowInstance<TState, TContext> Rehydrate<TState, TContext>(StoredWorkflow stored, WorkflowRegistry registry, DateTimeZone zone)
        where TState : struct, Enum
        where TContext : class
    {
        var definition = (WorkflowDefinition<TState, TContext>)registry.Find(stored.Workflow).Definition;
        var context = JsonSerializer.Deserialize<TContext>(stored.ContextJson, TaskForceJson.Options)
            ?? throw new DomainValidationException("context", Texts.Format(SnapshotsText.CaseFactProjectorStoredContextCaseEmpty, stored.Workflow, stored.CaseId));
        return definition.Rehydrate(stored.SubjectId, context, stored.History, zone);
    }
}
