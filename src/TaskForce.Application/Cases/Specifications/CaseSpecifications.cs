using Ardalis.Specification;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;

namespace TaskForce.Application.Cases.Specifications;

/// <summary>The building blocks of case-listing specifications (ardalis/Specification style: named, reusable
/// <c>Where</c> clauses over <see cref="CaseSummary"/>, evaluated in memory over rows loaded with a safe filter).</summary>
public static class CaseSpecificationExtensions
{
    /// <summary>Keeps cases whose region lies within a region (a kabupaten covers its kecamatan; <c>*</c> covers all).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="region">The region selector. Cannot be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is <see langword="null"/>.</exception>
    public static ISpecificationBuilder<CaseSummary> InRegion(this ISpecificationBuilder<CaseSummary> builder, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return builder.Where(c => region.Covers(c.Region));
    }

    /// <summary>Keeps cases of a type.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="caseType">The case type.</param>
    /// <returns>The builder.</returns>
    public static ISpecificationBuilder<CaseSummary> OfType(this ISpecificationBuilder<CaseSummary> builder, CaseType caseType) =>
        builder.Where(c => c.CaseType == caseType);

    /// <summary>Keeps cases reported (business date in the district zone) in a closed date range.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="from">The first report date, inclusive, or <see langword="null"/> for no lower bound.</param>
    /// <param name="to">The last report date, inclusive, or <see langword="null"/> for no upper bound.</param>
    /// <returns>The builder.</returns>
    public static ISpecificationBuilder<CaseSummary> ReportedBetween(this ISpecificationBuilder<CaseSummary> builder, LocalDate? from, LocalDate? to) =>
        builder.Where(c => (from == null || c.ReportedOn >= from) && (to == null || c.ReportedOn <= to));

    /// <summary>Keeps cases with an HTCDS trafficking status.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="status">The status.</param>
    /// <returns>The builder.</returns>
    public static ISpecificationBuilder<CaseSummary> WithTraffickingStatus(this ISpecificationBuilder<CaseSummary> builder, TraffickingStatus status) =>
        builder.Where(c => c.TraffickingStatus == status);

    /// <summary>Keeps cases owned by an agency (codes compared ignoring case).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="agency">The agency code. Cannot be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agency"/> is <see langword="null"/>.</exception>
    public static ISpecificationBuilder<CaseSummary> OwnedBy(this ISpecificationBuilder<CaseSummary> builder, string agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return builder.Where(c => string.Equals(c.OwnerAgency, agency, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Cases within a region (e.g. <c>53.03</c> keeps <c>53.03</c> and <c>53.03.01</c>).</summary>
public sealed class CasesInRegionSpec : Specification<CaseSummary>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="region">The region selector. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is <see langword="null"/>.</exception>
    public CasesInRegionSpec(RegionCode region) => Query.InRegion(region);
}

/// <summary>Cases of one type (TPPO, violence against women, violence against children).</summary>
public sealed class CasesOfTypeSpec : Specification<CaseSummary>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="caseType">The case type.</param>
    public CasesOfTypeSpec(CaseType caseType) => Query.OfType(caseType);
}

/// <summary>Cases reported (district business date) within a closed range of dates.</summary>
public sealed class CasesReportedBetweenSpec : Specification<CaseSummary>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="from">The first report date, inclusive, or <see langword="null"/>.</param>
    /// <param name="to">The last report date, inclusive, or <see langword="null"/>.</param>
    public CasesReportedBetweenSpec(LocalDate? from, LocalDate? to) => Query.ReportedBetween(from, to);
}

/// <summary>Cases with an HTCDS trafficking status (actual, possible or not a victim).</summary>
public sealed class CasesWithTraffickingStatusSpec : Specification<CaseSummary>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="status">The status.</param>
    public CasesWithTraffickingStatusSpec(TraffickingStatus status) => Query.WithTraffickingStatus(status);
}

/// <summary>Cases owned by one agency.</summary>
public sealed class CasesOwnedBySpec : Specification<CaseSummary>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="agency">The agency code. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="agency"/> is <see langword="null"/>.</exception>
    public CasesOwnedBySpec(string agency) => Query.OwnedBy(agency);
}

/// <summary>The filters of <c>GET /cases</c>; every criterion is optional and they combine with "and".</summary>
public sealed record CaseListFilter
{
    /// <summary>Gets the region selector, or <see langword="null"/> for every region.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the case type, or <see langword="null"/> for every type.</summary>
    public CaseType? CaseType { get; init; }

    /// <summary>Gets the first report date (inclusive), or <see langword="null"/>.</summary>
    public LocalDate? ReportedFrom { get; init; }

    /// <summary>Gets the last report date (inclusive), or <see langword="null"/>.</summary>
    public LocalDate? ReportedTo { get; init; }

    /// <summary>Gets the trafficking status, or <see langword="null"/> for every status.</summary>
    public TraffickingStatus? TraffickingStatus { get; init; }

    /// <summary>Gets the owning agency, or <see langword="null"/> for every agency (set by the access policy for
    /// callers who may list only their own agency's cases).</summary>
    public string? OwnerAgency { get; init; }
}

/// <summary>The listing specification: the named blocks above, each applied only when its filter is given.</summary>
public sealed class CaseListSpec : Specification<CaseSummary>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="filter">The filter. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public CaseListSpec(CaseListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Region is { } region)
        {
            Query.InRegion(region);
        }

        if (filter.CaseType is { } type)
        {
            Query.OfType(type);
        }

        if (filter.ReportedFrom is not null || filter.ReportedTo is not null)
        {
            Query.ReportedBetween(filter.ReportedFrom, filter.ReportedTo);
        }

        if (filter.TraffickingStatus is { } status)
        {
            Query.WithTraffickingStatus(status);
        }

        if (filter.OwnerAgency is { } owner)
        {
            Query.OwnedBy(owner);
        }
    }
}
