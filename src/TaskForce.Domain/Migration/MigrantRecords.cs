using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Migration;

/// <summary>
/// A migrant worker of the district who came home (issue 16 item 2; ADR-034): an aggregate-grade record from the
/// lists BP3MI and the district keep, without a name or any identifier of the person.
/// </summary>
/// <remarks>Guards (each names the wire field): <c>id</c> 1–64 <c>[A-Za-z0-9_.-]</c>; <c>country</c> an assigned
/// ISO 3166-1 alpha-2 code other than <c>ID</c>; <c>return_date</c> from 2007-01-01 to today; <c>referred_to</c> an
/// agency code, only when <c>screened</c> is true (UU 21/2007 Pasal 51–52: a victim is identified, then referred).</remarks>
/// <param name="Id">The record id of the source list.</param>
/// <param name="Status">How the worker came home.</param>
/// <param name="Placement">Procedural or not.</param>
/// <param name="Country">The destination country the worker returned from.</param>
/// <param name="ReturnDate">The business date of arrival in the district's zone.</param>
/// <param name="Screened">Whether the worker was screened as a possible trafficking victim.</param>
/// <param name="ReferredTo">The agency the worker was referred to, or <see langword="null"/>.</param>
public sealed partial record MigrantReturn(string Id, ReturnStatus Status, PlacementStatus Placement, CountryCode Country, LocalDate ReturnDate, bool Screened, string? ReferredTo)
{
    /// <summary>The earliest date accepted: the year UU 21/2007 was enacted.</summary>
    public static readonly LocalDate EarliestDate = new(2007, 1, 1);

    /// <summary>Checks and builds a return record.</summary>
    /// <param name="id">The record id.</param>
    /// <param name="status">The status.</param>
    /// <param name="placement">The placement status.</param>
    /// <param name="country">The country.</param>
    /// <param name="returnDate">The return date.</param>
    /// <param name="screened">Whether screened.</param>
    /// <param name="referredTo">The agency referred to, or <see langword="null"/>.</param>
    /// <param name="today">Today in the district's zone.</param>
    /// <returns>The record.</returns>
    /// <exception cref="DomainValidationException">A guard of the remarks fails (names the field).</exception>
    public static MigrantReturn Create(string? id, ReturnStatus status, PlacementStatus placement, CountryCode country, LocalDate returnDate, bool screened, string? referredTo, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(country);
        CheckCountry(country);
        CheckDate(returnDate, today, "return_date");
        string? agency = string.IsNullOrWhiteSpace(referredTo) ? null : referredTo.Trim();
        if (agency is not null && !screened)
        {
            throw new DomainValidationException("referred_to", ReturnsText.ReferredWithoutScreening);
        }

        if (agency is not null && (agency.Length > 128 || !Code().IsMatch(agency)))
        {
            throw new DomainValidationException("referred_to", Texts.Format(ReturnsText.AgencyCode, agency));
        }

        return new MigrantReturn(CheckId(id), status, placement, country, returnDate, screened, agency?.ToLowerInvariant());
    }

    internal static string CheckId(string? id)
    {
        string v = id?.Trim() ?? string.Empty;
        return v.Length is >= 1 and <= 64 && Code().IsMatch(v) ? v : throw new DomainValidationException("id", Texts.Format(ReturnsText.IdShape, id ?? string.Empty));
    }

    internal static void CheckCountry(CountryCode country)
    {
        if (country.IsIndonesia)
        {
            throw new DomainValidationException("country", Texts.Format(ReturnsText.CodeUnknown, country.Value, "ISO 3166-1 alpha-2 ≠ ID"));
        }
    }

    internal static void CheckDate(LocalDate date, LocalDate today, string field)
    {
        if (date < EarliestDate || date > today)
        {
            throw new DomainValidationException(field, Texts.Format(ReturnsText.DateRange, Iso(date), Iso(EarliestDate), Iso(today)));
        }
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}

/// <summary>
/// A migrant worker of the district who died abroad (issue 16 item 2; ADR-034), from BP3MI's list of bodies received:
/// no name or identifier of the person.
/// </summary>
/// <param name="Id">The record id of the source list.</param>
/// <param name="DateOfDeath">The date of death as reported.</param>
/// <param name="Country">The country of death (ISO 3166-1 alpha-2, not <c>ID</c>).</param>
/// <param name="Cause">The cause as reported.</param>
/// <param name="Placement">Procedural or not.</param>
/// <param name="Kecamatan">The kecamatan the body was returned to (Kemendagri code), or <see langword="null"/> when not known.</param>
public sealed record MigrantDeath(string Id, LocalDate DateOfDeath, CountryCode Country, DeathCause Cause, PlacementStatus Placement, RegionCode? Kecamatan)
{
    /// <summary>Checks and builds a death record.</summary>
    /// <param name="id">The record id.</param>
    /// <param name="dateOfDeath">The date of death.</param>
    /// <param name="country">The country.</param>
    /// <param name="cause">The cause.</param>
    /// <param name="placement">The placement status.</param>
    /// <param name="kecamatan">The kecamatan code, or <see langword="null"/>.</param>
    /// <param name="today">Today in the district's zone.</param>
    /// <returns>The record.</returns>
    /// <exception cref="DomainValidationException">The id, country or date is invalid, or the kecamatan is not a
    /// kecamatan code of the list (fields <c>id</c>, <c>country</c>, <c>date_of_death</c>, <c>kecamatan</c>).</exception>
    public static MigrantDeath Create(string? id, LocalDate dateOfDeath, CountryCode country, DeathCause cause, PlacementStatus placement, RegionCode? kecamatan, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(country);
        MigrantReturn.CheckCountry(country);
        MigrantReturn.CheckDate(dateOfDeath, today, "date_of_death");
        if (kecamatan is not null && (kecamatan.IsAll || kecamatan.Value.Length != 8 || !KemendagriRegions.Exists(kecamatan)))
        {
            throw new DomainValidationException("kecamatan", Texts.Format(ReturnsText.KecamatanLevel, kecamatan.Value));
        }

        return new MigrantDeath(MigrantReturn.CheckId(id), dateOfDeath, country, cause, placement, kecamatan);
    }
}
