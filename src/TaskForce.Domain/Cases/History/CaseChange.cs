using NodaTime;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Cases.History;

/// <summary>What kind of change was made to a case record: the name of the aggregate operation that made it.</summary>
/// <remarks>Wire codes are the snake_case member names (<c>offence_date_recorded</c>, ...). The workflows' own
/// events (transitions, referrals, services) are kept by the workflows, not here (ADR-016).</remarks>
public enum CaseChangeKind
{
    /// <summary>A header field (case type, intake channel, region, reporting agency, report time) was corrected.</summary>
    HeaderCorrected = 1,

    /// <summary>The offence date (tempus delicti) was recorded or corrected.</summary>
    OffenceDateRecorded = 2,

    /// <summary>The places (origin, transit, destination) were recorded or corrected.</summary>
    PlacesRecorded = 3,

    /// <summary>The trafficking elements (acts, means, purposes, harms) were recorded or corrected.</summary>
    ElementsRecorded = 4,

    /// <summary>A violence case's GBVIMS type or SIMFONI-PPA forms were recorded or corrected.</summary>
    ViolenceClassified = 5,

    /// <summary>A victim, suspect or witness was added.</summary>
    PersonAdded = 6,

    /// <summary>A person's fields were corrected or completed.</summary>
    PersonCorrected = 7,

    /// <summary>A person recorded by mistake was removed (with a reason).</summary>
    PersonRemoved = 8,

    /// <summary>A victim's consent was given, changed or withdrawn.</summary>
    ConsentRecorded = 9,

    /// <summary>A suspect's arrest or a detention period was recorded.</summary>
    DetentionRecorded = 10,

    /// <summary>The date the SPDP was sent to the public prosecutor was recorded or corrected (KUHAP Pasal 109(1)).</summary>
    SpdpRecorded = 11,

    /// <summary>A person's identity was erased at the request of the person recorded (UU 27/2022 Pasal 8 and 16(2)).</summary>
    IdentityErased = 12,

    /// <summary>The case was assigned to a case worker, reassigned or unassigned (field <c>assigned_to</c>: staff
    /// account ids, never a victim's data; ADR-020).</summary>
    Assigned = 20,

    /// <summary>The case's owner agency changed because the receiving agency accepted a transfer (fields
    /// <c>owner_agency</c> and <c>assigned_to</c>; ADR-020).</summary>
    OwnershipTransferred = 21,
}

/// <summary>One field a change touched, with its value before and after as JSON text in the wire format.</summary>
/// <param name="Path">The wire path, persons addressed by id: e.g. <c>offence_date</c>, <c>places.origin_kecamatan</c>,
/// <c>victims[victim-2].sex</c>, <c>victims[victim-1].identity.full_name</c>.</param>
/// <param name="OldJson">The value before, as JSON text (e.g. <c>"2025-03-14"</c>, <c>12</c>, <c>["fisik"]</c>), or
/// <see langword="null"/> when the field had no value.</param>
/// <param name="NewJson">The value after, or <see langword="null"/> when the change cleared it.</param>
/// <param name="Identifying">Whether the path is an identity field (<see cref="IdentityFields.IsIdentifying"/>): its
/// values are personal data under UU 21/2007 Pasal 44 and UU 27/2022 and are stored only encrypted (ADR-004).</param>
public sealed record FieldChange(string Path, string? OldJson, string? NewJson, bool Identifying);

/// <summary>One change to a case record: what operation, on which person, which fields (with old and new values),
/// why, by whom and when. Produced by the aggregate's operations and written in the same transaction as the change
/// (ADR-016).</summary>
/// <param name="Kind">The operation.</param>
/// <param name="PersonId">The person changed (e.g. <c>victim-2</c>), or <see langword="null"/> for a case-level
/// change.</param>
/// <param name="Fields">The fields changed, in wire-path order; never empty for a recorded change.</param>
/// <param name="Reason">Why the change was made (1–<see cref="ChangeContext.ReasonMaxLength"/> characters), or
/// <see langword="null"/> for an operation that only records a newly learnt fact. Free text that may name a person:
/// stored encrypted like identity.</param>
/// <param name="Actor">Who made it and for which agency.</param>
/// <param name="At">When it was made (UTC instant, from the injected clock).</param>
public sealed record CaseChange(CaseChangeKind Kind, string? PersonId, IReadOnlyList<FieldChange> Fields, string? Reason, Actor Actor, Instant At)
{
    /// <summary>Gets the paths of the fields changed.</summary>
    /// <value>The <see cref="FieldChange.Path"/> of each field, e.g. <c>["offence_date"]</c>.</value>
    public IReadOnlyList<string> FieldPaths => [.. Fields.Select(f => f.Path)];
}
