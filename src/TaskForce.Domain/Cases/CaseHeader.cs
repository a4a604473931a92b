using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// The header of a case in wire codes: what identifies it and frames every count made from it (id, region, case type,
/// reporting agency, intake channel, report time, offence date). The one declaration of these fields: a new case
/// (<see cref="CaseRecord.Open(CaseHeader, IClock, DateTimeZone)"/>), a stored case (<see cref="CaseRecordState"/>) and
/// the adapters' request documents derive from it instead of restating them.
/// </summary>
/// <remarks>
/// <para>Values are as sent or stored, not yet checked: <see cref="CaseRecord.Open(CaseHeader, IClock, DateTimeZone)"/>
/// and <see cref="CaseRecord.Restore"/> validate them with the same rules, each error naming its wire field
/// (<c>region</c>, <c>case_type</c>, ...).</para>
/// <para>Serialized (snake_case), a derived document lists these fields first, in this order: the JSON shape of a
/// <c>POST /cases</c> body starts <c>id</c>, <c>region</c>, <c>case_type</c>, <c>reporting_agency</c>,
/// <c>intake_channel</c>, <c>reported_at</c>, <c>offence_date</c> (docs/wire-contract.md). Add a header field here
/// and in the storage mapping, not in the derived types.</para>
/// </remarks>
public record CaseHeader
{
    /// <summary>Gets the case id (see <see cref="CaseId"/>). Required to open or restore a case; a request document
    /// may leave it out when the server assigns it.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the Kemendagri region code of the case (e.g. <c>53.03</c>). Required; <c>*</c> is not a region.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the case type code (<c>tppo</c>, <c>violence_against_women</c>, <c>violence_against_children</c>). Required.</summary>
    public string? CaseType { get; init; }

    /// <summary>Gets the reporting agency (kind code and name). Required.</summary>
    public NewAgency? ReportingAgency { get; init; }

    /// <summary>Gets the intake channel code (e.g. <c>walk_in</c>). Required.</summary>
    public string? IntakeChannel { get; init; }

    /// <summary>Gets when the report was received (UTC instant). Required; not in the future when a case is opened.</summary>
    public Instant? ReportedAt { get; init; }

    /// <summary>Gets the date of the act (tempus delicti, district business date), if known; not after the report
    /// date (so never in the future).</summary>
    public LocalDate? OffenceDate { get; init; }
}

/// <content>The header of a case record (<see cref="CaseHeader"/>): written once, read by opening and restoring.</content>
public sealed partial class CaseRecord
{
    /// <summary>Returns the header of the case in wire codes.</summary>
    /// <returns>The header; <see cref="Open(CaseHeader, IClock, DateTimeZone)"/> of it opens a case with the same header.</returns>
    public CaseHeader ToHeader() => new()
    {
        Id = Id.Value,
        Region = Region.Value,
        CaseType = CaseType.ToCode(),
        ReportingAgency = new NewAgency(ReportingAgency.Kind.ToCode(), ReportingAgency.Name),
        IntakeChannel = IntakeChannel.ToCode(),
        ReportedAt = ReportedAt,
        OffenceDate = OffenceDate,
    };

    /// <summary>Validates a header and builds a case with no persons from it: the one set of header rules for a new
    /// case and a stored one.</summary>
    /// <param name="header">The header.</param>
    /// <param name="zone">The district zone, for the business date of the report.</param>
    /// <param name="createdAt">When the record was created.</param>
    /// <param name="now">"Now" for the future-time check of a new case; <see langword="null"/> for a stored case,
    /// whose report time is not checked against the clock again.</param>
    private static CaseRecord FromHeader(CaseHeader header, DateTimeZone zone, Instant createdAt, Instant? now)
    {
        var id = CaseId.Parse(header.Id, "id");
        var region = CasePlaces.Region(header.Region, "region");
        var type = CaseCodes.CaseTypes.Parse(header.CaseType, "case_type");
        var agency = ReportingAgency.Create(header.ReportingAgency, "reporting_agency");
        var channel = CaseCodes.Channels.Parse(header.IntakeChannel, "intake_channel");
        Instant reportedAt = header.ReportedAt ?? throw new DomainValidationException("reported_at", CasesText.ReportedAtRequired);
        if (reportedAt > now)
        {
            throw new DomainValidationException("reported_at", Texts.Format(CasesText.ReportedAtInFuture, reportedAt, now));
        }

        LocalDate reportedOn = DistrictTime.BusinessDate(reportedAt, zone);
        if (header.OffenceDate is { } offence && offence > reportedOn)
        {
            throw new DomainValidationException("offence_date", Texts.Format(CasesText.OffenceDateAfterReportDate, offence.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), reportedOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        return new CaseRecord(id, region, type, agency, channel, reportedAt, reportedOn, header.OffenceDate, createdAt, zone);
    }
}
