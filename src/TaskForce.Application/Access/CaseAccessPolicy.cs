namespace TaskForce.Application.Access;

/// <summary>What a caller asks to do with case records.</summary>
public enum CaseOperation
{
    /// <summary>Open a case (<c>POST /cases</c>); the case is owned by the caller's agency.</summary>
    Create = 1,

    /// <summary>Read a case without identity (<c>GET /cases/{id}</c>).</summary>
    Read = 2,

    /// <summary>List cases (<c>GET /cases</c>); summaries carry no person-level field.</summary>
    List = 3,

    /// <summary>See the identity fields of a case's persons (UU 21/2007 Pasal 44).</summary>
    ReadIdentity = 4,

    /// <summary>Run the element test and candidate charges on a stored case.</summary>
    Qualify = 5,

    /// <summary>Change the state of one of the case's workflows.</summary>
    Transition = 6,

    /// <summary>Read the deadlines and history of the case's workflows.</summary>
    ReadTimeline = 7,

    /// <summary>Record case facts the workflows read (e.g. the SPDP date).</summary>
    RecordFacts = 8,

    /// <summary>Correct or complete a case record: header, places, elements, persons, removal of a person recorded by
    /// mistake (ADR-017).</summary>
    Amend = 9,

    /// <summary>Read the change history of a case record (identity values in it only with <see cref="ReadIdentity"/>).</summary>
    ReadHistory = 10,
    /// <summary>Handle a request of the person recorded (UU 27/2022 Pasal 5–8): find every record of one person
    /// across cases, export them, erase their identity, list the request log (ADR-019).</summary>
    HandleSubjectRequest = 20,
}

/// <summary>Which cases an allowed operation reaches.</summary>
public enum AccessScope
{
    /// <summary>Not allowed.</summary>
    None = 0,

    /// <summary>Only cases owned by the caller's agency.</summary>
    OwnAgency = 1,

    /// <summary>Every case.</summary>
    AnyAgency = 2,
}

/// <summary>The answer of <see cref="CaseAccessPolicy"/>.</summary>
/// <param name="Allowed">Whether the operation may go ahead.</param>
/// <param name="Scope">The widest scope the caller's roles give for the operation.</param>
/// <param name="Reason">Why, in plain words (safe to return to the caller and to log: no personal data).</param>
public sealed record AccessDecision(bool Allowed, AccessScope Scope, string Reason);

/// <summary>
/// The access rules for case records: one table of role × operation → scope, and the owning-agency rule. The HTTP
/// functions and the use cases ask here and nowhere else, so issue 7's full role matrix is a change to this table.
/// </summary>
/// <remarks>
/// <para>Identity is visible only to the owning agency and the task-force coordinator (UU 21/2007 Pasal 44;
/// docs/decisions/ADR-004-identity-fields.md). A case is owned by the agency of the person who created it (their
/// <c>agency</c> claim), recorded with the case at intake. A statistician sees aggregates only and no case.</para>
/// <para>Current table (<see cref="AccessScope.AnyAgency"/> = any, <see cref="AccessScope.OwnAgency"/> = own, blank =
/// none):</para>
/// <code>
///                coordinator case_worker police_investigator prosecutor partner_ngo statistician
/// create          own         own         own                 own        own
/// read            any         any         any                 any        own
/// list            any         any         any                 any        own
/// read_identity   any         own         own                 own        own
/// qualify         any         any         any                 any        own
/// transition      any         any         any                 any        own
/// read_timeline   any         any         any                 any        own
/// record_facts    any         any         any                 any        own
/// amend           any         any         any                 any        own
/// read_history    any         any         any                 any        own
/// </code>
/// <para>A caller with several roles gets the widest scope any of them gives. Own-agency scope needs an agency
/// claim; a caller without one is refused it.</para>
/// </remarks>
public static class CaseAccessPolicy
{
    private static readonly Dictionary<TaskForceRole, Dictionary<CaseOperation, AccessScope>> Table = new()
    {
        [TaskForceRole.Coordinator] = Row(create: AccessScope.OwnAgency, member: AccessScope.AnyAgency, identity: AccessScope.AnyAgency, subject: AccessScope.AnyAgency),
        [TaskForceRole.CaseWorker] = Row(create: AccessScope.OwnAgency, member: AccessScope.AnyAgency, identity: AccessScope.OwnAgency),
        [TaskForceRole.PoliceInvestigator] = Row(create: AccessScope.OwnAgency, member: AccessScope.AnyAgency, identity: AccessScope.OwnAgency),
        [TaskForceRole.Prosecutor] = Row(create: AccessScope.OwnAgency, member: AccessScope.AnyAgency, identity: AccessScope.OwnAgency),
        [TaskForceRole.PartnerNgo] = Row(create: AccessScope.OwnAgency, member: AccessScope.OwnAgency, identity: AccessScope.OwnAgency),
        [TaskForceRole.Statistician] = Row(create: AccessScope.None, member: AccessScope.None, identity: AccessScope.None),
    };

    /// <summary>Returns the widest scope the caller's roles give for an operation.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The scope; <see cref="AccessScope.None"/> when no role allows it, or when only own-agency scope is
    /// given and the caller has no agency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    public static AccessScope ScopeOf(Caller caller, CaseOperation operation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = caller.Roles.Select(r => Table[r].GetValueOrDefault(operation)).DefaultIfEmpty(AccessScope.None).Max();
        return scope == AccessScope.OwnAgency && caller.Agency is null ? AccessScope.None : scope;
    }

    /// <summary>Decides whether the caller may perform an operation, before the case is known (role level).</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>Allowed when some role gives any scope; the case-level check (<see cref="Decide(Caller, CaseOperation, string)"/>)
    /// follows once the case's owner is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is <see langword="null"/>.</exception>
    public static AccessDecision Decide(Caller caller, CaseOperation operation)
    {
        var scope = ScopeOf(caller, operation);
        return scope == AccessScope.None
            ? new AccessDecision(false, scope, Refusal(caller, operation))
            : new AccessDecision(true, scope, $"Allowed to {Name(operation)} ({Describe(scope)}).");
    }

    /// <summary>Decides whether the caller may perform an operation on a case owned by an agency.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="ownerAgency">The agency code that owns the case. Cannot be <see langword="null"/>.</param>
    /// <returns>Allowed with any-agency scope, or with own-agency scope when the caller acts for the owner.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AccessDecision Decide(Caller caller, CaseOperation operation, string ownerAgency)
    {
        ArgumentNullException.ThrowIfNull(ownerAgency);
        var scope = ScopeOf(caller, operation);
        return scope switch
        {
            AccessScope.AnyAgency => new AccessDecision(true, scope, $"Allowed to {Name(operation)} (any agency)."),
            AccessScope.OwnAgency when caller.IsOf(ownerAgency) => new AccessDecision(true, scope, $"Allowed to {Name(operation)} (the caller's agency owns the case)."),
            AccessScope.OwnAgency => new AccessDecision(false, scope, $"Only the owning agency or the task-force coordinator may {Name(operation)} this case."),
            _ => new AccessDecision(false, scope, Refusal(caller, operation)),
        };
    }

    /// <summary>Tells whether the caller may see the identity fields of a case (UU 21/2007 Pasal 44).</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The agency code that owns the case. Cannot be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for the coordinator and the owning agency.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool MaySeeIdentity(Caller caller, string ownerAgency) => Decide(caller, CaseOperation.ReadIdentity, ownerAgency).Allowed;

    private static Dictionary<CaseOperation, AccessScope> Row(AccessScope create, AccessScope member, AccessScope identity, AccessScope subject = AccessScope.None) => new()
    {
        [CaseOperation.HandleSubjectRequest] = subject,
        [CaseOperation.Create] = create,
        [CaseOperation.Read] = member,
        [CaseOperation.List] = member,
        [CaseOperation.ReadIdentity] = identity,
        [CaseOperation.Qualify] = member,
        [CaseOperation.Transition] = member,
        [CaseOperation.ReadTimeline] = member,
        [CaseOperation.RecordFacts] = member,
        [CaseOperation.Amend] = member,
        [CaseOperation.ReadHistory] = member,
    };

    private static string Refusal(Caller caller, CaseOperation operation) =>
        caller.Roles.Count == 0
            ? "The caller has no TaskForce role."
            : caller.Agency is null && caller.Roles.Any(r => Table[r].GetValueOrDefault(operation) == AccessScope.OwnAgency)
                ? $"The caller's principal carries no agency claim; it is needed to {Name(operation)}."
                : $"The caller's roles ({caller.RoleCodes()}) do not allow to {Name(operation)}.";

    private static string Describe(AccessScope scope) => scope == AccessScope.AnyAgency ? "any agency" : "own agency only";

    private static string Name(CaseOperation operation) => operation switch
    {
        CaseOperation.Create => "create cases",
        CaseOperation.Read => "read",
        CaseOperation.List => "list cases",
        CaseOperation.ReadIdentity => "see identity fields of",
        CaseOperation.Qualify => "qualify",
        CaseOperation.Transition => "change workflows of",
        CaseOperation.ReadTimeline => "read the timeline of",
        CaseOperation.RecordFacts => "record facts on",
        CaseOperation.Amend => "correct the record of",
        CaseOperation.ReadHistory => "read the history of",
        CaseOperation.HandleSubjectRequest => "handle requests of the persons recorded (UU 27/2022)",
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
