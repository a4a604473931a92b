using System.Text.Json.Serialization;
using NodaTime;
using TaskForce.Domain.Cases;

namespace TaskForce.Application.Cases;

/// <summary>
/// The body of <c>POST /cases/{id}/amendments</c> and the file of <c>taskforce amend</c>: named corrections and
/// completions of a stored case (ADR-017). Each member given is one named operation of the case aggregate, run with
/// the intake rules; members left out are not touched. All are applied, or none: the first refused one refuses the
/// whole amendment and nothing is written.
/// </summary>
/// <remarks>Operations run in the order of the members below (header, offence date, places, elements, violence
/// classification, persons added, persons corrected, arrests, detention periods, persons removed). Each writes one history entry naming the fields
/// it changed (ADR-016); one that changes nothing writes none.</remarks>
public sealed record CaseAmendment
{
    /// <summary>Gets why (1–500 characters). Required when a value on file is replaced or a person removed; not needed
    /// to record a fact learnt for the first time. Free text: may name a person, so it is stored encrypted.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the header corrections (region, case type, reporting agency, intake channel, report time), or
    /// <see langword="null"/>.</summary>
    public HeaderCorrection? Header { get; init; }

    /// <summary>Gets the date of the act (district business date) to record or correct, or <see langword="null"/>.</summary>
    public LocalDate? OffenceDate { get; init; }

    /// <summary>Gets the places to record, replacing those on file, or <see langword="null"/>.</summary>
    public NewPlaces? Places { get; init; }

    /// <summary>Gets the trafficking elements to record, replacing those on file, or <see langword="null"/>.</summary>
    public NewTraffickingElements? Elements { get; init; }

    /// <summary>Gets the SIMFONI-PPA forms of violence, replacing those on file, or <see langword="null"/>.</summary>
    public IReadOnlyList<string>? SimfoniForms { get; init; }

    /// <summary>Gets the GBVIMS tool's answers to classify (or reclassify) a violence case, or <see langword="null"/>.</summary>
    public NewGbvAnswers? GbvAnswers { get; init; }

    /// <summary>Gets victims who came forward or were found after intake.</summary>
    public IReadOnlyList<NewVictim>? AddVictims { get; init; }

    /// <summary>Gets suspects identified after intake.</summary>
    public IReadOnlyList<NewSuspect>? AddSuspects { get; init; }

    /// <summary>Gets witnesses heard after intake.</summary>
    public IReadOnlyList<NewWitness>? AddWitnesses { get; init; }

    /// <summary>Gets corrections of persons on file: each replaces every field of one person.</summary>
    public IReadOnlyList<PersonCorrection>? CorrectPersons { get; init; }

    /// <summary>Gets whether the corrections of persons (<see cref="CorrectPersons"/>) are made at the request of the
    /// person recorded (UU 27/2022 Pasal 6): the amendment is then logged in the subject-request log as a
    /// <c>correction</c> (ADR-019), and only a caller who may handle such requests (the coordinator) may send it.</summary>
    /// <value><see langword="null"/> or <see langword="false"/> by default.</value>
    public bool? OnRequestOfSubject { get; init; }

    /// <summary>Gets suspects' arrests to record or correct (ADR-024).</summary>
    public IReadOnlyList<ArrestRecording>? RecordArrests { get; init; }

    /// <summary>Gets suspects' detention periods to record or correct, checked by the detention ledger's rules (ADR-024).</summary>
    public IReadOnlyList<DetentionRecording>? RecordDetentions { get; init; }

    /// <summary>Gets the ids of persons recorded by mistake, to remove (a reason is required; ids are never reused).</summary>
    public IReadOnlyList<string>? RemovePersons { get; init; }
}

/// <summary>A correction of one person: the id and, for its role, all of its values (wire codes).</summary>
public sealed record PersonCorrection
{
    /// <summary>Gets the person id (<c>victim-N</c>, <c>suspect-N</c>, <c>witness-N</c>). Required.</summary>
    public string? PersonId { get; init; }

    /// <summary>Gets the victim's values, when the id is a victim's.</summary>
    public NewVictim? Victim { get; init; }

    /// <summary>Gets the suspect's values, when the id is a suspect's.</summary>
    public NewSuspect? Suspect { get; init; }

    /// <summary>Gets the witness's values, when the id is a witness's.</summary>
    public NewWitness? Witness { get; init; }
}

/// <summary>One change an amendment made, as answered to the caller (no values: read the history for them).</summary>
/// <param name="Kind">The operation's wire code (e.g. <c>person_corrected</c>).</param>
/// <param name="PersonId">The person changed, or <see langword="null"/> for a case-level change.</param>
/// <param name="Fields">The wire paths of the fields changed (e.g. <c>victims[victim-1].birth_date</c>).</param>
public sealed record AmendmentChange(string Kind, string? PersonId, IReadOnlyList<string> Fields);

/// <summary>The answer to an amendment.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="ETag">The case's version after the amendment (unchanged when nothing changed), for the next <c>If-Match</c>.</param>
/// <param name="Changes">The changes written, in order; empty when every value given was already on file.</param>
public sealed record CaseAmended(string CaseId, [property: JsonPropertyName("etag")] string ETag, IReadOnlyList<AmendmentChange> Changes);

/// <summary>One field of a history entry.</summary>
/// <param name="Path">The wire path (e.g. <c>victims[victim-2].sex</c>).</param>
/// <param name="OldJson">The value before as JSON text, or <see langword="null"/> (no value, or withheld identity).</param>
/// <param name="NewJson">The value after as JSON text, or <see langword="null"/> (no value, or withheld identity).</param>
/// <param name="Identifying">Whether the field is an identity field (its values are shown only to readers allowed identity).</param>
public sealed record CaseHistoryField(string Path, string? OldJson, string? NewJson, bool Identifying);

/// <summary>One entry of <c>GET /cases/{id}/history</c>.</summary>
/// <param name="Sequence">The position in the case's history, from 1.</param>
/// <param name="Kind">The operation's wire code (e.g. <c>header_corrected</c>).</param>
/// <param name="PersonId">The person changed, or <see langword="null"/>.</param>
/// <param name="Fields">The fields changed.</param>
/// <param name="Reason">Why, or <see langword="null"/> (none given, or withheld).</param>
/// <param name="ActorId">The staff account that made the change.</param>
/// <param name="ActorAgency">The agency it acted for.</param>
/// <param name="At">When (UTC instant).</param>
public sealed record CaseHistoryItem(int Sequence, string Kind, string? PersonId, IReadOnlyList<CaseHistoryField> Fields, string? Reason, string ActorId, string ActorAgency, Instant At);

/// <summary>The history of a case record, oldest first.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="IdentityWithheld">Whether identity values and reasons were withheld from this reader (UU 21/2007 Pasal 44).</param>
/// <param name="Entries">The entries.</param>
public sealed record CaseHistoryView(string CaseId, bool IdentityWithheld, IReadOnlyList<CaseHistoryItem> Entries);

/// <summary>Thrown when a change that must be guarded by the version the caller read comes without <c>If-Match</c>
/// (HTTP 428 Precondition Required, RFC 6585 §3): read the case, then send its <c>ETag</c>.</summary>
public sealed class PreconditionRequiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing (no personal data).</param>
    public PreconditionRequiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public PreconditionRequiredException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The cause.</param>
    public PreconditionRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
