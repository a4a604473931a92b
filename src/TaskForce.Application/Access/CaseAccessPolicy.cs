using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
namespace TaskForce.Application.Access;

/// <summary>What a caller asks to do with case records. Workflow changes are split by track (ADR-020): each workflow
/// maps to one operation (<see cref="CaseAccessPolicy.OperationFor"/>).</summary>
public enum CaseOperation
{
    /// <summary>Open a case (<c>POST /cases</c>); the case is owned by the caller's agency.</summary>
    Create = 1,

    /// <summary>Read a case without identity (<c>GET /cases/{id}</c>).</summary>
    Read = 2,

    /// <summary>List cases (<c>GET /cases</c>); summaries carry no person-level field.</summary>
    List = 3,

    /// <summary>See the identity fields of a case's persons, and the free text of its history and timeline (UU 21/2007
    /// Pasal 44).</summary>
    ReadIdentity = 4,

    /// <summary>Run the element test and candidate charges on a stored case.</summary>
    Qualify = 5,

    /// <summary>Read the deadlines and history of the case's workflows.</summary>
    ReadTimeline = 7,

    /// <summary>Record case facts: a victim's consent (ADR-018), the SPDP date as the owning agency learns it.</summary>
    RecordFacts = 8,

    /// <summary>Correct or complete a case record: header, places, elements, persons, removal of a person recorded by
    /// mistake (ADR-017).</summary>
    Amend = 9,

    /// <summary>Read the change history of a case record (identity values in it only with <see cref="ReadIdentity"/>).</summary>
    ReadHistory = 10,

    /// <summary>Assign the case to a case worker, or reassign it (<c>PUT /cases/{id}/assignment</c>).</summary>
    Assign = 11,

    /// <summary>Start or move the <c>case_management</c> workflow: the owning agency's assigned case worker (any of
    /// its staff while the case is unassigned).</summary>
    ManageCase = 12,

    /// <summary>Start or move a <c>service</c> request: the owning agency, and an agency the case is referred to.</summary>
    Service = 13,

    /// <summary>Start a referral or transfer from the caller's agency, or revoke one.</summary>
    Refer = 14,

    /// <summary>Accept or reject a referral or transfer addressed to the caller's agency, or mark an accepted referral
    /// done.</summary>
    RespondToReferral = 15,

    /// <summary>Start or move a <c>criminal_justice</c> workflow, and record the SPDP date (KUHAP Pasal 109(1)).</summary>
    CriminalJustice = 16,

    /// <summary>Start or move a <c>restitution</c> claim (UU 21/2007 Pasal 48).</summary>
    Restitution = 17,

    /// <summary>Handle a request of the person recorded (UU 27/2022 Pasal 5–8): find every record of one person
    /// across cases, export them, erase their identity, list the request log (ADR-019).</summary>
    HandleSubjectRequest = 20,
}

/// <summary>Which cases an allowed operation reaches, before the case is known.</summary>
public enum AccessScope
{
    /// <summary>Not allowed.</summary>
    None = 0,

    /// <summary>Only cases the caller's agency is tied to (owns, works, is referred or addressed); for a list, the
    /// cases it owns.</summary>
    OwnAgency = 1,

    /// <summary>Every case.</summary>
    AnyAgency = 2,
}

/// <summary>The answer of <see cref="CaseAccessPolicy"/>: safe to log (no personal data), for the access log.</summary>
/// <param name="Allowed">Whether the operation may go ahead.</param>
/// <param name="Scope">The widest scope the caller's roles give for the operation.</param>
/// <param name="Reason">Why, in plain words (safe to return to the caller and to log: no personal data).</param>
public sealed record AccessDecision(bool Allowed, AccessScope Scope, string Reason)
{
    /// <summary>Gets the operation decided.</summary>
    /// <value>The operation asked for.</value>
    public CaseOperation Operation { get; init; }

    /// <summary>Gets how the caller's agency stands to the case, as the decision read it.</summary>
    /// <value><see cref="CaseRelationship.Unrelated"/> for a decision made before the case was known.</value>
    public CaseRelationship Relationship { get; init; }
}

/// <summary>
/// The access rules for case records (ADR-020): one table of role × operation × relationship of the caller's agency
/// to the case. The HTTP functions, the tool and the use cases ask here and nowhere else.
/// </summary>
/// <remarks>
/// <para>Columns: <b>own</b> (the owner agency), <b>inv</b>olved (worked the criminal-justice track), <b>ref</b>erred
/// (an accepted referral), <b>adr</b> (addressed: a referral or transfer in progress to the agency), <b>unr</b>elated
/// (no tie; what every member of the task force gets). Cells: <c>y</c> allowed, <c>-</c> refused, <c>c</c> allowed only
/// while every victim consents to sharing (ADR-018), <c>a</c> allowed to the assigned case worker, or to the agency's
/// staff while the case is unassigned. A caller with several roles or ties gets the widest cell. The coordinator has
/// every cell (oversight); a statistician none (aggregates only). Identity is never visible to an unrelated agency
/// (UU 21/2007 Pasal 44).</para>
/// <code>
///                      case_worker          police_investigator  prosecutor           partner_ngo
///                      own inv ref adr unr  own inv ref adr unr  own inv ref adr unr  own inv ref adr unr
/// create               y   -   -   -   -    y   -   -   -   -    y   -   -   -   -    y   -   -   -   -
/// read, qualify,
/// read_timeline,
/// read_history         y   y   y   y   y    y   y   y   y   y    y   y   y   y   y    y   -   y   y   -
/// list                 y   y   y   y   y    y   y   y   y   y    y   y   y   y   y    y   -   -   -   -
/// read_identity        y   -   c   -   -    y   y   c   -   -    y   y   c   -   -    y   -   c   -   -
/// record_facts, amend,
/// assign               y   -   -   -   -    y   -   -   -   -    y   -   -   -   -    y   -   -   -   -
/// manage_case          a   -   -   -   -    a   -   -   -   -    a   -   -   -   -    a   -   -   -   -
/// service              y   -   y   -   -    y   -   -   -   -    y   -   -   -   -    y   -   y   -   -
/// refer                y   -   -   -   -    y   y   -   -   -    y   y   -   -   -    y   -   -   -   -
/// respond_to_referral  -   -   y   y   -    -   -   y   y   -    -   -   y   y   -    -   -   y   y   -
/// criminal_justice     -   -   -   -   -    y   y   y   -   -    y   y   y   -   -    -   -   -   -   -
/// restitution          y   -   y   -   -    y   y   y   -   -    y   y   y   -   -    y   -   y   -   -
/// subject_request      -   -   -   -   -    -   -   -   -   -    -   -   -   -   -    -   -   -   -   -
/// </code>
/// <para>Before the case is known (<see cref="Decide(Caller, CaseOperation)"/>) an operation is allowed when some cell
/// of the caller's roles is; its scope is <see cref="AccessScope.AnyAgency"/> when the unrelated cell is, else
/// <see cref="AccessScope.OwnAgency"/>. Every tie needs an agency claim: a caller without one is unrelated to every
/// case.</para>
/// </remarks>
public static class CaseAccessPolicy
{
    // Per role, per operation: the cells for own, involved, referred, addressed, unrelated.
    private const string Nothing = "-----";
    private const string Everything = "yyyyy";
    private const string OwnOnly = "y----";

    private static readonly Dictionary<TaskForceRole, Dictionary<CaseOperation, string>> Table = new()
    {
        [TaskForceRole.Coordinator] = Enum.GetValues<CaseOperation>().ToDictionary(o => o, o => o == CaseOperation.Create ? OwnOnly : Everything),
        [TaskForceRole.CaseWorker] = Row(reads: Everything, list: Everything, identity: "y-c--", service: "y-y--", refer: OwnOnly, justice: Nothing, restitution: "y-y--"),
        [TaskForceRole.PoliceInvestigator] = Row(reads: Everything, list: Everything, identity: "yyc--", service: OwnOnly, refer: "yy---", justice: "yyy--", restitution: "yyy--"),
        [TaskForceRole.Prosecutor] = Row(reads: Everything, list: Everything, identity: "yyc--", service: OwnOnly, refer: "yy---", justice: "yyy--", restitution: "yyy--"),
        [TaskForceRole.PartnerNgo] = Row(reads: "y-yy-", list: OwnOnly, identity: "y-c--", service: "y-y--", refer: OwnOnly, justice: Nothing, restitution: "y-y--"),
        [TaskForceRole.Statistician] = Enum.GetValues<CaseOperation>().ToDictionary(o => o, _ => Nothing),
    };

    private static readonly CaseRelationship[] Columns = [CaseRelationship.Own, CaseRelationship.Involved, CaseRelationship.Referred, CaseRelationship.Addressed];

    /// <summary>Returns the operation that starts or moves a workflow (ADR-020).</summary>
    /// <param name="workflow">The workflow code (<c>case_management</c>, <c>service</c>, <c>referral</c>,
    /// <c>criminal_justice</c>, <c>restitution</c>).</param>
    /// <param name="to">The target state code, or <see langword="null"/> for a start. For a referral, <c>accepted</c>,
    /// <c>rejected</c> and <c>done</c> are the receiving agency's answer; a start or <c>revoked</c> the referring
    /// agency's.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="Domain.Common.DomainValidationException">The workflow code is unknown (field <c>workflow</c>).</exception>
    public static CaseOperation OperationFor(string? workflow, string? to) => workflow switch
    {
        "case_management" => CaseOperation.ManageCase,
        "service" => CaseOperation.Service,
        "referral" => to is "accepted" or "rejected" or "done" ? CaseOperation.RespondToReferral : CaseOperation.Refer,
        "criminal_justice" => CaseOperation.CriminalJustice,
        "restitution" => CaseOperation.Restitution,
        _ => throw new Domain.Common.DomainValidationException("workflow", Texts.Format(AccessText.CaseAccessPolicyWorkflowKnownCaseManagement, workflow)),
    };

    /// <summary>Returns the widest scope the caller's roles give for an operation, before the case is known.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <returns><see cref="AccessScope.AnyAgency"/> when some role allows it on an unrelated case;
    /// <see cref="AccessScope.OwnAgency"/> when only a tie allows it (and the caller has an agency);
    /// <see cref="AccessScope.None"/> otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    public static AccessScope ScopeOf(Caller caller, CaseOperation operation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var cells = caller.Roles.Select(r => Cells(r, operation)).ToList();
        if (cells.Any(c => c[4] != '-'))
        {
            return AccessScope.AnyAgency;
        }

        return caller.Agency is not null && cells.Any(c => c[..4].Any(x => x != '-')) ? AccessScope.OwnAgency : AccessScope.None;
    }

    /// <summary>Decides whether the caller may perform an operation, before the case is known (role level).</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>Allowed when some role gives any scope; the case-level check
    /// (<see cref="Decide(Caller, CaseOperation, CaseTies)"/>) follows once the case's ties are known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    public static AccessDecision Decide(Caller caller, CaseOperation operation)
    {
        var scope = ScopeOf(caller, operation);
        return scope == AccessScope.None
            ? new AccessDecision(false, scope, Refusal(caller, operation)) { Operation = operation }
            : new AccessDecision(true, scope, Texts.Format(AccessText.AccessAllowedScope, Name(operation), Describe(scope))) { Operation = operation };
    }

    /// <summary>Decides whether the caller may perform an operation on a case of which only the owner is known (the
    /// other ties are not read: use it only for operations that the table gives to the owner alone).</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="ownerAgency">The agency code that owns the case. Cannot be <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AccessDecision Decide(Caller caller, CaseOperation operation, string ownerAgency) =>
        Decide(caller, operation, CaseTies.OwnedBy(ownerAgency));

    /// <summary>Decides whether the caller may perform an operation on a case, from its ties (ADR-020).</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="ties">The case's ties. Cannot be <see langword="null"/>.</param>
    /// <returns>Allowed when a cell of one of the caller's roles, in a column of the caller agency's relationship (or
    /// the unrelated column), allows it; the decision names the relationship.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AccessDecision Decide(Caller caller, CaseOperation operation, CaseTies ties)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ties);
        var relation = ties.RelationOf(caller.Agency);
        var scope = ScopeOf(caller, operation);
        string codes = CaseTies.ToCodes(relation);
        foreach (var cells in caller.Roles.Select(r => Cells(r, operation)))
        {
            for (int i = 0; i <= Columns.Length; i++)
            {
                bool applies = i == Columns.Length || relation.HasFlag(Columns[i]);
                if (applies && Grants(cells[i], caller, ties))
                {
                    return new AccessDecision(true, scope, Texts.Format(AccessText.AccessAllowedRelation, Name(operation), codes)) { Operation = operation, Relationship = relation };
                }
            }
        }

        string reason = scope switch
        {
            AccessScope.None => Refusal(caller, operation),
            _ when operation == CaseOperation.ManageCase && relation.HasFlag(CaseRelationship.Own) =>
                AccessText.AccessAssignedToAnother,
            _ when operation == CaseOperation.ReadIdentity && relation.HasFlag(CaseRelationship.Referred) =>
                AccessText.AccessNoSharingConsent,
            _ => Texts.Format(AccessText.AccessTableRefuses, codes, caller.RoleCodes(), Name(operation)),
        };
        return new AccessDecision(false, scope, reason) { Operation = operation, Relationship = relation };
    }

    /// <summary>Tells whether the caller may see the identity fields and free text of a case (UU 21/2007 Pasal 44).</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="ties">The case's ties. Cannot be <see langword="null"/>.</param>
    /// <returns>The <see cref="CaseOperation.ReadIdentity"/> decision's answer.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool MaySeeIdentity(Caller caller, CaseTies ties) => Decide(caller, CaseOperation.ReadIdentity, ties).Allowed;

    /// <summary>Tells whether the caller may see the identity fields of a case of which only the owner is known.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The agency code that owns the case. Cannot be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for the coordinator and the owning agency's members.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool MaySeeIdentity(Caller caller, string ownerAgency) => Decide(caller, CaseOperation.ReadIdentity, ownerAgency).Allowed;

    private static bool Grants(char cell, Caller caller, CaseTies ties) => cell switch
    {
        'y' => true,
        'c' => ties.SharingConsentGiven,
        'a' => ties.AssignedTo is null || string.Equals(ties.AssignedTo, caller.UserId, StringComparison.Ordinal),
        _ => false,
    };

    private static string Cells(TaskForceRole role, CaseOperation operation) => Table[role].GetValueOrDefault(operation, Nothing);

    private static Dictionary<CaseOperation, string> Row(string reads, string list, string identity, string service, string refer, string justice, string restitution) => new()
    {
        [CaseOperation.Create] = OwnOnly,
        [CaseOperation.Read] = reads,
        [CaseOperation.Qualify] = reads,
        [CaseOperation.ReadTimeline] = reads,
        [CaseOperation.ReadHistory] = reads,
        [CaseOperation.List] = list,
        [CaseOperation.ReadIdentity] = identity,
        [CaseOperation.RecordFacts] = OwnOnly,
        [CaseOperation.Amend] = OwnOnly,
        [CaseOperation.Assign] = OwnOnly,
        [CaseOperation.ManageCase] = "a----",
        [CaseOperation.Service] = service,
        [CaseOperation.Refer] = refer,
        [CaseOperation.RespondToReferral] = "--yy-",
        [CaseOperation.CriminalJustice] = justice,
        [CaseOperation.Restitution] = restitution,
        [CaseOperation.HandleSubjectRequest] = Nothing,
    };

    private static string Refusal(Caller caller, CaseOperation operation) =>
        caller.Roles.Count == 0
            ? AccessText.AccessNoRole
            : caller.Agency is null && caller.Roles.Any(r => Cells(r, operation)[..4].Any(c => c != '-'))
                ? Texts.Format(AccessText.AccessNoAgencyClaim, Name(operation))
                : Texts.Format(AccessText.AccessRolesRefuse, caller.RoleCodes(), Name(operation));

    private static string Describe(AccessScope scope) => scope == AccessScope.AnyAgency ? AccessText.AccessScopeAnyAgency : AccessText.AccessScopeOwnAgency;

    private static string Name(CaseOperation operation) => operation switch
    {
        CaseOperation.Create => AccessText.AccessOp_Create,
        CaseOperation.Read => AccessText.AccessOp_Read,
        CaseOperation.List => AccessText.AccessOp_List,
        CaseOperation.ReadIdentity => AccessText.AccessOp_ReadIdentity,
        CaseOperation.Qualify => AccessText.AccessOp_Qualify,
        CaseOperation.ReadTimeline => AccessText.AccessOp_ReadTimeline,
        CaseOperation.RecordFacts => AccessText.AccessOp_RecordFacts,
        CaseOperation.Amend => AccessText.AccessOp_Amend,
        CaseOperation.ReadHistory => AccessText.AccessOp_ReadHistory,
        CaseOperation.Assign => AccessText.AccessOp_Assign,
        CaseOperation.ManageCase => AccessText.AccessOp_ManageCase,
        CaseOperation.Service => AccessText.AccessOp_Service,
        CaseOperation.Refer => AccessText.AccessOp_Refer,
        CaseOperation.RespondToReferral => AccessText.AccessOp_RespondToReferral,
        CaseOperation.CriminalJustice => AccessText.AccessOp_CriminalJustice,
        CaseOperation.Restitution => AccessText.AccessOp_Restitution,
        CaseOperation.HandleSubjectRequest => AccessText.AccessOp_HandleSubjectRequest,
        _ => operation.ToString(),
    };
}

/// <summary>Thrown when the caller's roles or agency do not allow an operation (HTTP 403). The message is the
/// policy's reason and carries no personal data.</summary>
public sealed class AccessDeniedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why access is refused.</param>
    public AccessDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public AccessDeniedException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">Why access is refused.</param>
    /// <param name="innerException">The cause.</param>
    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
