using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Ardalis.Specification;
using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// The case-record indicator input from storage: every stored case of the region reported up to a date, with its
/// workflow instances, mapped by <see cref="VictimCaseFactMapper"/>.
/// </summary>
/// <remarks>
/// <para>Person keys are made with a secret drawn afresh for each listing (<see cref="PersonKeyer"/>): keys only need
/// to agree within one computation, never leave it and are never stored, so no key material has to be configured and
/// nothing outside the computation could link them. The outputs do not depend on the key values.</para>
/// <para>Identity is read (decrypted) only to compute the keys; a case whose identity cannot be decrypted fails the
/// listing with the repository's <see cref="IdentityProtectionException"/> rather than counting its victims without
/// de-duplication.</para>
/// <para>Service requests carry no victim in storage, so a case's services are attributed to every victim of the case
/// (<see cref="VictimService"/> with no victim).</para>
/// </remarks>
/// <param name="cases">The case store.</param>
/// <param name="workflows">The workflow store.</param>
/// <param name="registry">The workflow definitions (with the configured first-response hours).</param>
/// <param name="zone">The district zone (configured <c>TaskForce:TimeZone</c>) in which workflow deadlines are rehydrated.</param>
public sealed class StoredCaseFactSource(ICaseRepository cases, IWorkflowRepository workflows, WorkflowRegistry registry, DateTimeZone zone) : ICaseFactSource, IVictimListSource
{
    private const int PageSize = 100;

    /// <inheritdoc/>
    /// <exception cref="IdentityProtectionException">A case's identity cannot be decrypted.</exception>
    public async IAsyncEnumerable<VictimCaseFact> ListAsync(RegionCode region, LocalDate lastReportDate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        var keyer = new PersonKeyer(RandomNumberGenerator.GetBytes(PersonKeyer.MinSecretBytes));
        var spec = new CasesUpTo(region, lastReportDate);
        string? resume = null;
        do
        {
            var page = await cases.ListAsync(spec, resume, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var summary in page.Items)
            {
                var stored = await cases.GetAsync(CaseId.Parse(summary.Id), cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    continue; // removed between the listing and the read
                }

                var instances = await workflows.ListByCaseAsync(summary.Id, cancellationToken).ConfigureAwait(false);
                foreach (var fact in VictimCaseFactMapper.Map(stored.Record, Workflows(instances), keyer))
                {
                    yield return fact;
                }
            }

            resume = page.ResumeAfter;
        }
        while (resume is not null);
    }

    /// <inheritdoc/>
    /// <exception cref="IdentityProtectionException">A listed case's identity cannot be decrypted.</exception>
    public async IAsyncEnumerable<Domain.Estimation.Linkage.VictimListEntry> ListAsync(
        RegionCode region, ReportingPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        var spec = new CasesReportedIn(region, period);
        string? resume = null;
        do
        {
            var page = await cases.ListAsync(spec, resume, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var summary in page.Items)
            {
                var stored = await cases.GetAsync(CaseId.Parse(summary.Id), cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    continue; // removed between the listing and the read
                }

                foreach (var entry in VictimListMapper.Map(stored.Record))
                {
                    yield return entry;
                }
            }

            resume = page.ResumeAfter;
        }
        while (resume is not null);
    }

    // The same rehydration as the read model's projector, so the oracle differs from it only in how it reads.
    private CaseWorkflows Workflows(IReadOnlyList<StoredWorkflow> instances) => CaseWorkflowFacts.Workflows(instances, registry, zone);

    /// <summary>Cases of a region reported in a period (evaluated in memory by the repository).</summary>
    private sealed class CasesReportedIn : Specification<CaseSummary>
    {
        public CasesReportedIn(RegionCode region, ReportingPeriod period) =>
            Query.Where(c => region.Covers(c.Region) && c.ReportedOn >= period.Start && c.ReportedOn <= period.End);
    }

    /// <summary>Cases of a region reported on or before a date (evaluated in memory by the repository).</summary>
    private sealed class CasesUpTo : Specification<CaseSummary>
    {
        public CasesUpTo(RegionCode region, LocalDate last) =>
            Query.Where(c => region.Covers(c.Region) && c.ReportedOn <= last);
    }
}
