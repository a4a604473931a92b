using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Ports;

/// <summary>
/// Supplies the agencies' victim lists for record linkage (issue 6, hidden victims): one
/// <see cref="VictimListEntry"/> per victim per case record, with the identity fields the
/// <see cref="RecordLinker"/> needs (NIK, name, birth date, kecamatan).
/// </summary>
/// <remarks>
/// <para>Which records: case records of the region reported in the period (business date in the district zone), with
/// consent to reporting, that are trafficking cases (type <c>tppo</c> or the SIMFONI-PPA form <c>trafficking</c>) —
/// the victims that <c>victims_identified</c> counts (ADR-008 rules 1–2).</para>
/// <para>Each entry's <see cref="VictimListEntry.List"/> is the reporting agency's list code
/// (<see cref="VictimLists.AgencyListCode"/>), <see cref="VictimListEntry.RecordId"/> is <c>case id/person id</c>, and
/// <see cref="VictimListEntry.IdentifiedOn"/> is the business date of the report.</para>
/// <para>The entries carry identity in memory only: they go to the linker, which hashes the NIK at once and returns
/// no identity value; nothing of them is stored, logged or written into an output (UU 21/2007 Pasal 44).</para>
/// </remarks>
public interface IVictimListSource
{
    /// <summary>Lists the victims of the consented trafficking case records of a region reported in a period.</summary>
    /// <param name="region">The region selector (<c>*</c> for all).</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries, in a stable order.</returns>
    IAsyncEnumerable<VictimListEntry> ListAsync(RegionCode region, ReportingPeriod period, CancellationToken cancellationToken = default);
}

/// <summary>Helpers shared by the victim-list sources.</summary>
public static class VictimLists
{
    /// <summary>Returns the list code of a reporting agency: <c>kind/name</c>, e.g. <c>police/Polres TTU</c> (a ':' in
    /// the name becomes '.', since ':' joins two lists in a model term).</summary>
    /// <param name="kindCode">The agency kind's wire code, e.g. <c>police</c>.</param>
    /// <param name="name">The agency name as recorded.</param>
    /// <returns>The list code (no personal data).</returns>
    public static string AgencyListCode(string kindCode, string name)
    {
        ArgumentNullException.ThrowIfNull(kindCode);
        ArgumentNullException.ThrowIfNull(name);
        return $"{kindCode}/{name.Trim().Replace(':', '.')}";
    }
}

/// <summary>A victim-list source over entries held in memory (tests, adapters of other systems' lists).</summary>
/// <param name="entries">The entries with the region of their case; each entry's <see cref="VictimListEntry.IdentifiedOn"/>
/// is the business date of the report and places it in a period (an entry without it is never listed). The caller has
/// already left out records without consent to reporting and non-trafficking cases.</param>
public sealed class InMemoryVictimListSource(IEnumerable<(RegionCode Region, VictimListEntry Entry)> entries) : IVictimListSource
{
    private readonly List<(RegionCode Region, VictimListEntry Entry)> _entries = [.. entries ?? throw new ArgumentNullException(nameof(entries))];

    /// <inheritdoc/>
    public async IAsyncEnumerable<VictimListEntry> ListAsync(RegionCode region, ReportingPeriod period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(period);
        foreach (var (r, e) in _entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (region.Covers(r) && e.IdentifiedOn is LocalDate on && on >= period.Start && on <= period.End)
            {
                yield return e;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
