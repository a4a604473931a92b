using NodaTime;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Cases;

/// <summary>An arrest to record on a suspect (member <c>record_arrests</c> of <see cref="CaseAmendment"/>, ADR-024).</summary>
public sealed record ArrestRecording
{
    /// <summary>Gets the suspect's person id (<c>suspect-N</c>). Required.</summary>
    public string? PersonId { get; init; }

    /// <summary>Gets when the suspect was arrested (penangkapan; an RFC 3339 instant, e.g.
    /// <c>2025-11-09T02:30:00Z</c> = 10:30 WITA). Required; not in the future; its business date in the district zone
    /// is the arrest date the detention ledger checks.</summary>
    public Instant? ArrestedAt { get; init; }
}

/// <summary>A detention period to record on a suspect (member <c>record_detentions</c> of <see cref="CaseAmendment"/>,
/// ADR-024): a period of a stage already on file for the suspect replaces it (a correction: <c>reason</c> required).</summary>
public sealed record DetentionRecording
{
    /// <summary>Gets the suspect's person id (<c>suspect-N</c>). Required.</summary>
    public string? PersonId { get; init; }

    /// <summary>Gets the stage code (e.g. <c>penyidik</c>, <c>penyidik_perpanjangan</c>, <c>penuntut_umum</c>,
    /// <c>penuntut_umum_perpanjangan</c>, <c>hakim_pn</c>; the codes of <c>detention-check</c>). Required.</summary>
    public string? Stage { get; init; }

    /// <summary>Gets the first day of the order (<c>YYYY-MM-DD</c>, district zone). Required; at most 7 days after today (an extension is recorded before it starts).</summary>
    public LocalDate? From { get; init; }

    /// <summary>Gets the length in days, the first day being day 1. Required; 1 to the stage's limit.</summary>
    public int? Days { get; init; }

    /// <summary>Gets <c>rutan</c> (default), <c>tahanan_rumah</c> or <c>tahanan_kota</c>.</summary>
    public string? DetentionType { get; init; }

    /// <summary>Returns the domain's input of the period.</summary>
    /// <returns>The period without the person id.</returns>
    public NewDetentionPeriod ToPeriod() => new() { Stage = Stage, From = From, Days = Days, DetentionType = DetentionType };
}
