using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Ports;

/// <summary>
/// Supplies the de-identified indicator input of stored case records: one <see cref="VictimCaseFact"/> per victim per
/// case, mapped by <see cref="VictimCaseFactMapper"/> from a case and its workflow instances. The snapshot use case
/// depends on this port, not on the case repository, so the calculation is the same whatever stores the cases.
/// </summary>
public interface ICaseFactSource
{
    /// <summary>Lists the facts of the cases of a region reported on or before a date.</summary>
    /// <param name="region">The region selector (<c>*</c> for all).</param>
    /// <param name="lastReportDate">The last business date of report to include (district zone); earlier cases are
    /// needed too ("open past due" looks at every case still open).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The facts, in no particular order.</returns>
    IAsyncEnumerable<VictimCaseFact> ListAsync(RegionCode region, LocalDate lastReportDate, CancellationToken cancellationToken = default);
}

/// <summary>A fact source over facts held in memory (tests, the benchmark, imports of other systems' exports).</summary>
/// <param name="facts">The facts. Cannot be <see langword="null"/>.</param>
/// <param name="zone">The district zone in which report dates are taken.</param>
public sealed class InMemoryCaseFactSource(IEnumerable<VictimCaseFact> facts, DateTimeZone zone) : ICaseFactSource
{
    private readonly List<VictimCaseFact> _facts = [.. facts ?? throw new ArgumentNullException(nameof(facts))];

    /// <summary>Gets a source with no case records: what a deployment without stored cases reports.</summary>
    /// <value>An empty source in Asia/Makassar.</value>
    public static InMemoryCaseFactSource Empty { get; } = new([], DistrictTime.DefaultZone);

    /// <inheritdoc/>
    public async IAsyncEnumerable<VictimCaseFact> ListAsync(RegionCode region, LocalDate lastReportDate, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        foreach (var f in _facts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (region.Covers(f.Region) && DistrictTime.BusinessDate(f.ReportedAt, zone) <= lastReportDate)
            {
                yield return f;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
