using NodaTime;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases.History;

namespace TaskForce.Application.Subjects;

/// <summary>The access export of one person (UU 27/2022 Pasal 7): every record held about them, as one JSON document.</summary>
/// <param name="RequestId">The id of the logged request (32 hex digits).</param>
/// <param name="GeneratedAt">When the export was made (UTC instant).</param>
/// <param name="MatchedBy">What the person was found by: <c>national_id_number</c> or <c>full_name_birth_date</c>.</param>
/// <param name="Records">One entry per case and person found, in case order; empty when none was found.</param>
public sealed record SubjectAccessExport(string RequestId, Instant GeneratedAt, string MatchedBy, IReadOnlyList<SubjectRecord> Records);

/// <summary>One record of the person: their own person record with identity, the case it belongs to with every other
/// person's identity redacted (UU 21/2007 Pasal 44 protects the others), and the history entries about them.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="PersonId">The person's id in the case.</param>
/// <param name="Role"><c>victim</c>, <c>suspect</c> or <c>witness</c>.</param>
/// <param name="Victim">The person's record when a victim, with identity and birth date; else <see langword="null"/>.</param>
/// <param name="Suspect">The person's record when a suspect, with identity; else <see langword="null"/>.</param>
/// <param name="Witness">The person's record when a witness, with identity; else <see langword="null"/>.</param>
/// <param name="Case">The case's fields (identity of every person redacted; the person's own values are above).</param>
/// <param name="History">The changes of the case about the person (their person id, or a field of theirs), with their
/// own identity values and the reasons; other persons' fields left out.</param>
public sealed record SubjectRecord(string CaseId, string PersonId, string Role, VictimView? Victim, SuspectView? Suspect, WitnessView? Witness, CaseDocument Case, IReadOnlyList<SubjectHistoryEntry> History);

/// <summary>One history entry in an access export.</summary>
/// <param name="Sequence">The change's position in the case's history, from 1.</param>
/// <param name="Kind">The change kind's wire code, e.g. <c>person_corrected</c>.</param>
/// <param name="PersonId">The person changed, or <see langword="null"/> for a case-level change.</param>
/// <param name="Fields">The fields changed (the person's own and case-level ones), old and new values as JSON text.</param>
/// <param name="Reason">The reason given, or <see langword="null"/>.</param>
/// <param name="ActorUserId">The staff account that made the change.</param>
/// <param name="ActorAgency">The agency it acted for.</param>
/// <param name="At">When (UTC instant).</param>
public sealed record SubjectHistoryEntry(int Sequence, string Kind, string? PersonId, IReadOnlyList<FieldChange> Fields, string? Reason, string ActorUserId, string ActorAgency, Instant At);

/// <summary>The answer to an erasure request.</summary>
/// <param name="RequestId">The id of the logged request.</param>
/// <param name="Outcome"><c>completed</c> or <c>not_found</c> (a refusal is an error, see <see cref="ErasureRefusedException"/>).</param>
/// <param name="Records">The records whose identity was erased, as <c>{case id}/{person id}</c>.</param>
public sealed record SubjectErasureResult(string RequestId, string Outcome, IReadOnlyList<string> Records);

/// <summary>One logged request as listed (no identity value).</summary>
/// <param name="Id">The request id.</param>
/// <param name="Kind"><c>access</c>, <c>correction</c> or <c>erasure</c>.</param>
/// <param name="Outcome"><c>completed</c>, <c>not_found</c> or <c>refused_retention</c>.</param>
/// <param name="MatchedBy"><c>national_id_number</c> or <c>full_name_birth_date</c>.</param>
/// <param name="HandledBy">The coordinator's staff account id.</param>
/// <param name="Agency">The coordinator's agency, or <see langword="null"/>.</param>
/// <param name="At">When (UTC instant).</param>
/// <param name="Records">The records touched, <c>{case id}/{person id}</c>.</param>
/// <param name="Detail">A reason code (e.g. <c>criminal_proceedings</c>) or <see langword="null"/>.</param>
public sealed record SubjectRequestView(string Id, string Kind, string Outcome, string MatchedBy, string HandledBy, string? Agency, Instant At, IReadOnlyList<string> Records, string? Detail)
{
    /// <summary>Returns the view of a log entry.</summary>
    /// <param name="e">The entry. Cannot be <see langword="null"/>.</param>
    /// <returns>The view with wire codes.</returns>
    public static SubjectRequestView From(SubjectRequestEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, SubjectCodes.Of(e.Kind), SubjectCodes.Of(e.Outcome), e.MatchedBy, e.HandledBy, e.Agency, e.At, e.Records, e.Detail);
    }
}

/// <summary>The log listing.</summary>
/// <param name="Items">The entries, newest first.</param>
public sealed record SubjectRequestList(IReadOnlyList<SubjectRequestView> Items);

/// <summary>Wire codes of the request enums: the snake_case member names.</summary>
public static class SubjectCodes
{
    /// <summary>Returns the wire code of an enum member.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">The member.</param>
    /// <returns>For example <c>refused_retention</c>.</returns>
    public static string Of<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>Thrown when an erasure is refused because a retention rule overrides it (HTTP 409; exit 3 in the tool).
/// Nothing was erased.</summary>
public sealed class ErasureRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reasonCode">The rule, e.g. <c>criminal_proceedings</c>.</param>
    /// <param name="cases">The case ids the rule keeps.</param>
    /// <param name="message">The reason in plain words (no personal data).</param>
    public ErasureRefusedException(string reasonCode, IReadOnlyList<string> cases, string message)
        : base(message)
    {
        ReasonCode = reasonCode;
        Cases = cases;
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public ErasureRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ErasureRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ErasureRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the rule that refused, e.g. <c>criminal_proceedings</c>.</summary>
    /// <value>A snake_case code; empty when not given.</value>
    public string ReasonCode { get; } = string.Empty;

    /// <summary>Gets the case ids the rule keeps.</summary>
    /// <value>Empty when not given.</value>
    public IReadOnlyList<string> Cases { get; } = [];
}
