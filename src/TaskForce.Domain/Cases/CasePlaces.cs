using System.Text.RegularExpressions;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// Where a trafficking case ran: the victims' kecamatan of origin, transit places and the destination (SIMFONI v2
/// "proses" variables: recruitment location, route, destination; HTCDS <c>hte_</c> historic events).
/// </summary>
/// <remarks>The origin is kept at kecamatan level (Kemendagri <c>NN.NN.NN</c>), never the village or address, so
/// the place is not identifying; an address belongs in <see cref="PersonIdentity"/>.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed partial record CasePlaces
{
    /// <summary>No place recorded.</summary>
    public static readonly CasePlaces None = new();

    private CasePlaces()
    {
    }

    /// <summary>Gets the kecamatan of origin (Kemendagri code, shape <c>NN.NN.NN</c>), or <see langword="null"/>.</summary>
    public RegionCode? OriginKecamatan { get; private init; }

    /// <summary>Gets the transit places, in travel order.</summary>
    public IReadOnlyList<TransitPlace> Transit { get; private init; } = [];

    /// <summary>Gets the destination country, or <see langword="null"/>.</summary>
    public CountryCode? DestinationCountry { get; private init; }

    /// <summary>Gets the destination province in Indonesia (Kemendagri code, shape <c>NN</c>), or <see langword="null"/>.</summary>
    public RegionCode? DestinationProvince { get; private init; }

    /// <summary>Gets a value indicating whether the destination is outside Indonesia (cross-border; UU 21/2007 Pasal 4, 6).</summary>
    public bool CrossBorder => DestinationCountry is { IsIndonesia: false } || Transit.Any(t => t.Country is not null);

    /// <summary>Validates places sent with wire codes.</summary>
    /// <param name="input">The places as sent, or <see langword="null"/> for none.</param>
    /// <param name="field">The wire name of the places object.</param>
    /// <returns>The places.</returns>
    /// <exception cref="DomainValidationException">The origin is not a kecamatan code; a transit place has neither or
    /// both of region and country, or names Indonesia as a country; the destination country is not an assigned ISO
    /// code; the destination province is not a province code or is given with a foreign destination country; a region code
    /// does not exist in the Kemendagri list (<see cref="KemendagriRegions.Require"/>).</exception>
    public static CasePlaces Create(NewPlaces? input, string field = "places")
    {
        if (input is null)
        {
            return None;
        }

        RegionCode? origin = null;
        if (input.OriginKecamatan is not null)
        {
            origin = Region(input.OriginKecamatan, $"{field}.origin_kecamatan");
            if (!KecamatanPattern().IsMatch(origin.Value))
            {
                throw new DomainValidationException($"{field}.origin_kecamatan", Texts.Format(CasesText.KecamatanCodeInvalid, origin.Value));
            }
        }

        var transit = new List<TransitPlace>();
        var inputTransit = input.Transit ?? [];
        for (int i = 0; i < inputTransit.Count; i++)
        {
            string f = $"{field}.transit[{i}]";
            var t = inputTransit[i] ?? throw new DomainValidationException(f, CasesText.TransitPlaceNull);
            if ((t.Region is null) == (t.Country is null))
            {
                throw new DomainValidationException(f, CasesText.TransitPlaceRegionOrCountry);
            }

            if (t.Region is not null)
            {
                transit.Add(new TransitPlace(Region(t.Region, $"{f}.region"), null));
            }
            else
            {
                var country = CountryCode.Parse(t.Country, $"{f}.country");
                if (country.IsIndonesia)
                {
                    throw new DomainValidationException($"{f}.country", CasesText.TransitPlaceInIndonesiaAsRegion);
                }

                transit.Add(new TransitPlace(null, country));
            }
        }

        var destinationCountry = CountryCode.ParseOptional(input.DestinationCountry, $"{field}.destination_country");
        RegionCode? province = null;
        if (input.DestinationProvince is not null)
        {
            province = Region(input.DestinationProvince, $"{field}.destination_province");
            if (!ProvincePattern().IsMatch(province.Value))
            {
                throw new DomainValidationException($"{field}.destination_province", Texts.Format(CasesText.ProvinceCodeInvalid, province.Value));
            }

            if (destinationCountry is { IsIndonesia: false })
            {
                throw new DomainValidationException($"{field}.destination_province", CasesText.DestinationProvinceOnlyInIndonesia);
            }
        }

        return new CasePlaces { OriginKecamatan = origin, Transit = transit, DestinationCountry = destinationCountry, DestinationProvince = province };
    }

    internal static RegionCode Region(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException(field, CasesText.RegionCodeRequired);
        }

        RegionCode code;
        try
        {
            code = RegionCode.Parse(value);
        }
        catch (DomainValidationException)
        {
            throw new DomainValidationException(field, Texts.Format(CasesText.RegionCodeInvalid, value));
        }

        return code.IsAll
            ? throw new DomainValidationException(field, CasesText.RegionAllIsNotAPlace)
            : KemendagriRegions.Require(code, field);
    }

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex KecamatanPattern();

    [GeneratedRegex(@"^\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvincePattern();
}

/// <summary>One transit place: an Indonesian region or a foreign country.</summary>
/// <param name="Region">The Kemendagri region, or <see langword="null"/> when abroad.</param>
/// <param name="Country">The foreign country, or <see langword="null"/> when in Indonesia.</param>
public sealed record TransitPlace(RegionCode? Region, CountryCode? Country);
