using System.Diagnostics.CodeAnalysis;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;

namespace TaskForce.Application.Cases;

/// <summary>
/// What a case listing shows and filters on: the case's header (<see cref="CaseHeaderView"/>) and counts, never a
/// person-level field (no persons, no identity, no birth dates). Stored with the case row so a listing reads case rows only (ADR-007).
/// </summary>
/// <remarks>Serialized with the shared snake_case options it is the item shape of <c>GET /cases</c>.</remarks>
public sealed record CaseSummary : CaseHeaderView
{
    /// <summary>Initializes a new instance of the <see cref="CaseSummary"/> class; the caller sets the members.</summary>
    public CaseSummary()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CaseSummary"/> class with a header in wire codes (see
    /// <see cref="CaseHeaderView(CaseHeader, string, LocalDate, Instant)"/>); the caller sets the counts and flags.</summary>
    /// <param name="header">The header. Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The owning agency code. Cannot be <see langword="null"/>.</param>
    /// <param name="reportedOn">The business date of the report in the district zone.</param>
    /// <param name="createdAt">When the record was created (UTC).</param>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> or <paramref name="ownerAgency"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A header value is missing or not a valid code.</exception>
    [SetsRequiredMembers]
    public CaseSummary(CaseHeader header, string ownerAgency, LocalDate reportedOn, Instant createdAt)
        : base(header, ownerAgency, reportedOn, createdAt)
    {
    }

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

    /// <summary>Gets whether consent to share with other agencies is given by every victim (<see langword="true"/>),
    /// refused or withdrawn by one (<see langword="false"/>), or not recorded for one (<see langword="null"/>);
    /// <see cref="CaseRecord.SharingConsent"/>.</summary>
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
        return new CaseSummary(record.ToHeader(), ownerAgency, record.ReportedOn, record.CreatedAt)
        {
            Victims = record.Victims.Count,
            ChildVictims = record.Victims.Count(v => v.ChildStatusAtOffence() == ChildStatus.Child),
            Suspects = record.Suspects.Count,
            Witnesses = record.Witnesses.Count,
            TraffickingStatus = TraffickingElementTest.Evaluate(record.Elements, ages).Status,
            ConsentForSharing = record.SharingConsent switch
            {
                ConsentToShare.Given => true,
                ConsentToShare.NotRecorded => null,
                _ => false,
            },
            IsSexualViolence = record.IsSexualViolence,
            IsChildSexualViolence = record.IsChildSexualViolence,
            SpdpSentOn = record.SpdpSentOn,
        };
    }
}
