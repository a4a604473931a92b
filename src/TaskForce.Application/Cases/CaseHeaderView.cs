using System.Diagnostics.CodeAnalysis;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Cases;

/// <summary>
/// A case's header as shown: the fields of <see cref="CaseHeader"/> read into their types, with the owning agency,
/// the business date of the report and the creation time. The one header of both views of a case, the listing item
/// (<see cref="CaseSummary"/>) and the case document (<see cref="CaseDocument"/>).
/// </summary>
/// <remarks>Serialized with <see cref="Serialization.TaskForceJson.Options"/>, a view starts with these fields in this
/// order (<c>id</c>, <c>region</c>, <c>case_type</c>, <c>reporting_agency</c>, <c>owner_agency</c>,
/// <c>intake_channel</c>, <c>reported_at</c>, <c>reported_on</c>, <c>offence_date</c>, <c>created_at</c>); enums
/// and regions are written as their wire codes.</remarks>
public abstract record CaseHeaderView
{
    /// <summary>Initializes a new instance of the <see cref="CaseHeaderView"/> class; the caller sets the members.</summary>
    protected CaseHeaderView()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CaseHeaderView"/> class from a header in wire codes.</summary>
    /// <param name="header">The header, as a case record gives it (<see cref="CaseRecord.ToHeader"/>) or as stored.
    /// Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The owning agency code. Cannot be <see langword="null"/>.</param>
    /// <param name="reportedOn">The business date of the report in the district zone.</param>
    /// <param name="createdAt">When the record was created (UTC).</param>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> or <paramref name="ownerAgency"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A header value is missing or not a valid code (the field names it).</exception>
    [SetsRequiredMembers]
    protected CaseHeaderView(CaseHeader header, string ownerAgency, LocalDate reportedOn, Instant createdAt)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(ownerAgency);
        Id = Present(header.Id, "id");
        Region = RegionCode.Parse(header.Region);
        CaseType = CaseCodes.ParseCaseType(header.CaseType, "case_type");
        ReportingAgency = new ReportingAgencyView(
            Present(header.ReportingAgency?.Kind, "reporting_agency.kind"), Present(header.ReportingAgency?.Name, "reporting_agency.name"));
        OwnerAgency = ownerAgency;
        IntakeChannel = CaseCodes.ParseIntakeChannel(header.IntakeChannel, "intake_channel");
        ReportedAt = Present(header.ReportedAt, "reported_at");
        ReportedOn = reportedOn;
        OffenceDate = header.OffenceDate;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the case id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the Kemendagri region.</summary>
    public required RegionCode Region { get; init; }

    /// <summary>Gets the case type.</summary>
    public required CaseType CaseType { get; init; }

    /// <summary>Gets the reporting agency as recorded.</summary>
    public required ReportingAgencyView ReportingAgency { get; init; }

    /// <summary>Gets the agency code that owns the case (the creator's agency; decides who sees identity).</summary>
    public required string OwnerAgency { get; init; }

    /// <summary>Gets the intake channel.</summary>
    public required IntakeChannel IntakeChannel { get; init; }

    /// <summary>Gets when the report was received (UTC).</summary>
    public required Instant ReportedAt { get; init; }

    /// <summary>Gets the business date of the report in the district zone.</summary>
    public required LocalDate ReportedOn { get; init; }

    /// <summary>Gets the date of the act, if known.</summary>
    public LocalDate? OffenceDate { get; init; }

    /// <summary>Gets when the record was created (UTC).</summary>
    public required Instant CreatedAt { get; init; }

    private static T Present<T>(T? value, string field)
        where T : class =>
        value ?? throw new DomainValidationException(field, CasesAppText.CaseHeaderViewHeaderValueMissing);

    private static T Present<T>(T? value, string field)
        where T : struct =>
        value ?? throw new DomainValidationException(field, CasesAppText.CaseHeaderViewHeaderValueMissing);
}

/// <summary>A reporting agency as shown on the wire.</summary>
/// <param name="Kind">The agency kind code (e.g. <c>uptd_ppa</c>).</param>
/// <param name="Name">The agency's name (not personal data).</param>
public sealed record ReportingAgencyView(string Kind, string Name);
