using System.Globalization;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Prevention;

namespace TaskForce.Application.Prevention;

/// <summary>The people an activity reached, as sent and shown (docs/wire-contract.md, "Prevention activities").</summary>
public sealed record ParticipantsWire
{
    /// <summary>Gets the women (18 or older).</summary>
    /// <value>0 to 1,000,000; required.</value>
    public int? FemaleAdult { get; init; }

    /// <summary>Gets the men (18 or older).</summary>
    /// <value>0 to 1,000,000; required.</value>
    public int? MaleAdult { get; init; }

    /// <summary>Gets the girls (under 18).</summary>
    /// <value>0 to 1,000,000; required.</value>
    public int? FemaleChild { get; init; }

    /// <summary>Gets the boys (under 18).</summary>
    /// <value>0 to 1,000,000; required.</value>
    public int? MaleChild { get; init; }

    /// <summary>Gets the total: optional on input (then it must equal the sum), always the sum on output.</summary>
    /// <value>0 or more, or <see langword="null"/> on input.</value>
    public int? Total { get; init; }
}

/// <summary>The body of <c>POST /prevention/activities</c> and <c>PUT /prevention/activities/{id}</c>, and one row of
/// the CSV import: a prevention activity as sent. Unknown fields are refused.</summary>
public sealed record PreventionActivityInput
{
    /// <summary>Gets the activity id: optional on POST (generated when absent; a repeated POST with the same id and
    /// values is answered with the stored activity), required in CSV, ignored on PUT (the route names it).</summary>
    /// <value>1–64 characters <c>[A-Za-z0-9_.-]</c>, or <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>Gets the kind code (<see cref="PreventionCodes.KindCodes"/>).</summary>
    /// <value>For example <c>socialisation</c>; required.</value>
    public string? Kind { get; init; }

    /// <summary>Gets the business date, <c>YYYY-MM-DD</c> in the district's zone.</summary>
    /// <value>Required; not in the future.</value>
    public string? Date { get; init; }

    /// <summary>Gets the kecamatan or desa/kelurahan code of the Kemendagri list.</summary>
    /// <value>For example <c>53.03.01.2001</c>; required.</value>
    public string? Place { get; init; }

    /// <summary>Gets the responsible agency code: the caller's own when absent; another only for the coordinator;
    /// fixed once recorded (a PUT naming another agency is refused).</summary>
    /// <value>An agency code, or <see langword="null"/>.</value>
    public string? Agency { get; init; }

    /// <summary>Gets the people reached.</summary>
    /// <value>Required.</value>
    public ParticipantsWire? Participants { get; init; }

    /// <summary>Gets the budget-source code (<see cref="PreventionCodes.BudgetCodes"/>).</summary>
    /// <value>For example <c>apbdes</c>; required.</value>
    public string? BudgetSource { get; init; }

    /// <summary>Gets free notes without personal data.</summary>
    /// <value>At most 500 characters, or <see langword="null"/>.</value>
    public string? Notes { get; init; }

    /// <summary>Checks the input and returns the domain facts.</summary>
    /// <returns>The facts (the date's plausibility and the place's existence are checked by the aggregate).</returns>
    /// <exception cref="DomainValidationException">A value is missing or malformed (names the wire field).</exception>
    public PreventionActivityFacts ToFacts()
    {
        var kind = PreventionCodes.ParseKind(Kind, "kind");
        var date = ParseDate(Date, "date");
        var place = Place is null ? throw new DomainValidationException("place", PreventionAppText.Required) : ParsePlace(Place);
        var p = Participants ?? throw new DomainValidationException("participants", PreventionAppText.Required);
        var counts = ParticipantCounts.Create(p.FemaleAdult, p.MaleAdult, p.FemaleChild, p.MaleChild, p.Total);
        var budget = PreventionCodes.ParseBudget(BudgetSource, "budget_source");
        return new PreventionActivityFacts(kind, date, place, counts, budget, Notes);
    }

    /// <summary>Parses a business date <c>YYYY-MM-DD</c>.</summary>
    /// <param name="value">The text.</param>
    /// <param name="field">The wire field.</param>
    /// <returns>The date.</returns>
    /// <exception cref="DomainValidationException">Missing or not a date (names <paramref name="field"/>).</exception>
    public static LocalDate ParseDate(string? value, string field) =>
        value is null ? throw new DomainValidationException(field, PreventionAppText.Required)
        : LocalDatePattern.Iso.Parse(value.Trim()) is { Success: true } r ? r.Value
        : throw new DomainValidationException(field, Texts.Format(PreventionAppText.DateShape, value));

    private static RegionCode ParsePlace(string value)
    {
        try
        {
            return RegionCode.Parse(value);
        }
        catch (DomainValidationException)
        {
            throw new DomainValidationException("place", Texts.Format(PreventionAppText.PlaceShape, value));
        }
    }
}

/// <summary>A stored prevention activity as shown (<c>GET /prevention/activities/{id}</c>); its ETag is in the
/// <c>ETag</c> header and in <see cref="Etag"/>.</summary>
/// <param name="Id">The activity id.</param>
/// <param name="Kind">The kind code.</param>
/// <param name="Date">The business date <c>YYYY-MM-DD</c>.</param>
/// <param name="Place">The kecamatan or desa code.</param>
/// <param name="Kecamatan">The kecamatan code of the place.</param>
/// <param name="PlaceName">The place's name in the Kemendagri list.</param>
/// <param name="Agency">The responsible agency (the record's owner).</param>
/// <param name="Participants">The people reached, with the total.</param>
/// <param name="BudgetSource">The budget-source code.</param>
/// <param name="Notes">The notes, or <see langword="null"/>.</param>
/// <param name="RecordedBy">The staff account that recorded it.</param>
/// <param name="RecordedAt">When it was recorded (UTC, ISO 8601).</param>
/// <param name="UpdatedAt">When it was last revised (UTC, ISO 8601).</param>
/// <param name="Etag">The version to send in <c>If-Match</c>.</param>
public sealed record PreventionActivityView(
    string Id,
    string Kind,
    string Date,
    string Place,
    string Kecamatan,
    string? PlaceName,
    string Agency,
    ParticipantsWire Participants,
    string BudgetSource,
    string? Notes,
    string RecordedBy,
    string RecordedAt,
    string UpdatedAt,
    string Etag)
{
    /// <summary>Builds the view of a stored activity.</summary>
    /// <param name="activity">The activity. Cannot be <see langword="null"/>.</param>
    /// <param name="etag">Its version.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activity"/> is <see langword="null"/>.</exception>
    public static PreventionActivityView Of(PreventionActivity activity, string etag)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var f = activity.Facts;
        var p = f.Participants;
        return new PreventionActivityView(
            activity.Id,
            PreventionCodes.ToCode(f.Kind),
            f.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            f.Place.Value,
            activity.Kecamatan,
            KemendagriRegions.NameOf(f.Place),
            activity.Agency,
            new ParticipantsWire { FemaleAdult = p.FemaleAdult, MaleAdult = p.MaleAdult, FemaleChild = p.FemaleChild, MaleChild = p.MaleChild, Total = p.Total },
            PreventionCodes.ToCode(f.Budget),
            f.Notes,
            activity.RecordedBy,
            InstantPattern.General.Format(activity.RecordedAt),
            InstantPattern.General.Format(activity.UpdatedAt),
            etag);
    }
}

/// <summary>One cell of the prevention indicators as shown.</summary>
/// <param name="Id">The indicator id (<see cref="PreventionCatalogue"/>).</param>
/// <param name="Value">The value; <see langword="null"/> only for a coverage without a denominator.</param>
/// <param name="Unit"><c>activities</c>, <c>persons</c> or <c>percent</c>.</param>
/// <param name="Disaggregation">Dimension → value (<c>kind</c>, <c>kecamatan</c>, <c>quarter</c>, <c>sex</c>,
/// <c>age_broad</c>); empty for a total.</param>
public sealed record PreventionCellView(string Id, decimal? Value, string Unit, IReadOnlyDictionary<string, string> Disaggregation);

/// <summary>The body of <c>GET /prevention/indicators</c> (docs/wire-contract.md, "Prevention indicators").</summary>
/// <param name="Region">The region code.</param>
/// <param name="Period">The period label.</param>
/// <param name="Cells">The cells (not suppressed: ADR-033).</param>
/// <param name="DesaCoverage">The coverage of desa reached with its numerator and denominator.</param>
public sealed record PreventionIndicatorsView(string Region, string Period, IReadOnlyList<PreventionCellView> Cells, DesaCoverage DesaCoverage)
{
    /// <summary>Builds the view of computed indicators.</summary>
    /// <param name="set">The indicators. Cannot be <see langword="null"/>.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is <see langword="null"/>.</exception>
    public static PreventionIndicatorsView Of(PreventionIndicatorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new PreventionIndicatorsView(set.Region, set.Period,
            [.. set.Cells.Select(c => new PreventionCellView(c.Id, c.Value, c.Unit, c.Disaggregation.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)))],
            set.Coverage);
    }
}
