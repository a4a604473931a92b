using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;

namespace TaskForce.Application.Cases;

/// <summary>
/// What a case listing shows and filters on: the case's header and counts, never a person-level field (no persons,
/// no identity, no birth dates). Stored with the case row so a listing reads case rows only (ADR-007).
/// </summary>
/// <remarks>Serialized with the shared snake_case options it is the item shape of <c>GET /cases</c>.</remarks>
public sealed record CaseSummary
{
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

    /// <summary>Gets the number of victims.</summary>
    public int Victims { get; init; }

    /// <summary>Gets the number of victims who were children at the act (under 18 or unborn).</summary>
    public int ChildVictims { get; init; }

    /// <summary>Gets the number of suspects.</summary>
    public int Suspects { get; init; }

    /// <summary>Gets the number of witnesses.</summary>
    public int Witnesses { get; init; }

    /// <summary>Gets the HTCDS trafficking status from the element test on the facts recorded at the last write
    /// (UU 21/2007 Pasal 1 angka 1, Pasal 2; <see cref="TraffickingElementTest"/>).</summary>
    public TraffickingStatus TraffickingStatus { get; init; }

    /// <summary>Gets whether consent to share with other agencies is recorded as given (<see langword="null"/> when
    /// no consent is recorded).</summary>
    public bool? ConsentForSharing { get; init; }

    /// <summary>Gets whether the case is sexual violence under UU 12/2022 Pasal 4 (<see cref="CaseRecord.IsSexualViolence"/>).</summary>
    public bool IsSexualViolence { get; init; }

    /// <summary>Gets whether the case is sexual violence against a child (<see cref="CaseRecord.IsChildSexualViolence"/>).</summary>
    public bool IsChildSexualViolence { get; init; }

    /// <summary>Gets the date the SPDP was sent, or <see langword="null"/>.</summary>
    public LocalDate? SpdpSentOn { get; init; }

    /// <summary>Builds the summary of a case.</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The owning agency code. Cannot be <see langword="null"/>.</param>
    /// <returns>The summary; its status is the element test over the recorded facts and the victims' ages at the act.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static CaseSummary From(CaseRecord record, string ownerAgency)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(ownerAgency);
        var ages = record.Victims.Select(v => new VictimAge(v.ChildStatusAtOffence(), v.AgeAtOffence, "recorded")).ToList();
        return new CaseSummary
        {
            Id = record.Id.Value,
            Region = record.Region,
            CaseType = record.CaseType,
            ReportingAgency = new ReportingAgencyView(record.ReportingAgency.Kind.ToCode(), record.ReportingAgency.Name),
            OwnerAgency = ownerAgency,
            IntakeChannel = record.IntakeChannel,
            ReportedAt = record.ReportedAt,
            ReportedOn = record.ReportedOn,
            OffenceDate = record.OffenceDate,
            CreatedAt = record.CreatedAt,
            Victims = record.Victims.Count,
            ChildVictims = record.Victims.Count(v => v.ChildStatusAtOffence() == ChildStatus.Child),
            Suspects = record.Suspects.Count,
            Witnesses = record.Witnesses.Count,
            TraffickingStatus = TraffickingElementTest.Evaluate(record.Elements, ages).Status,
            ConsentForSharing = record.Consent?.ForSharing,
            IsSexualViolence = record.IsSexualViolence,
            IsChildSexualViolence = record.IsChildSexualViolence,
            SpdpSentOn = record.SpdpSentOn,
        };
    }
}

/// <summary>A reporting agency as shown on the wire.</summary>
/// <param name="Kind">The agency kind code (e.g. <c>uptd_ppa</c>).</param>
/// <param name="Name">The agency's name (not personal data).</param>
public sealed record ReportingAgencyView(string Kind, string Name);
