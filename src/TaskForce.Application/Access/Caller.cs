using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace TaskForce.Application.Access;

/// <summary>The roles of people who use TaskForce (issue 7): the task force's members and its statisticians.</summary>
/// <remarks>Wire codes (the values of the role claim) are the snake_case names: <c>coordinator</c>,
/// <c>case_worker</c>, <c>police_investigator</c>, <c>prosecutor</c>, <c>partner_ngo</c>, <c>statistician</c>.
/// What each role may do is decided in one place, <see cref="CaseAccessPolicy"/>.</remarks>
public enum TaskForceRole
{
    /// <summary>The task-force coordinator (Gugus Tugas PP-TPPO secretariat): sees every case, identity included.
    /// Wire code <c>coordinator</c>.</summary>
    Coordinator = 1,

    /// <summary>A case worker of the UPTD PPA or social services. Wire code <c>case_worker</c>.</summary>
    CaseWorker = 2,

    /// <summary>A police investigator (Unit PPA). Wire code <c>police_investigator</c>.</summary>
    PoliceInvestigator = 3,

    /// <summary>A public prosecutor. Wire code <c>prosecutor</c>.</summary>
    Prosecutor = 4,

    /// <summary>A partner NGO's worker. Wire code <c>partner_ngo</c>.</summary>
    PartnerNgo = 5,

    /// <summary>A statistician: aggregates only, never a person-level field. Wire code <c>statistician</c>.</summary>
    Statistician = 6,
}

/// <summary>A person calling TaskForce: their account id, the agency they act for and their roles, as the identity
/// provider asserted them.</summary>
/// <remarks>Built only by <see cref="CallerClaims.ToCaller"/> from claims the adapter trusts (App Service
/// authentication's principal over HTTP). The user id is a staff account id, never a victim's data; it may be logged.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Caller
{
    internal Caller(string userId, string? agency, IReadOnlySet<TaskForceRole> roles, string authenticationType)
    {
        UserId = userId;
        Agency = agency;
        Roles = roles;
        AuthenticationType = authenticationType;
    }

    /// <summary>Gets the staff account id (the identity provider's object or subject id).</summary>
    /// <value>1 to 128 characters.</value>
    public string UserId { get; }

    /// <summary>Gets the agency code the caller acts for (e.g. <c>uptd_ppa_ttu</c>), or <see langword="null"/> when
    /// the principal carries none.</summary>
    /// <value>Lower-case letters, digits, <c>_ . -</c>; 1 to 128 characters.</value>
    public string? Agency { get; }

    /// <summary>Gets the caller's TaskForce roles (unknown role values in the principal are ignored).</summary>
    /// <value>Possibly empty.</value>
    public IReadOnlySet<TaskForceRole> Roles { get; }

    /// <summary>Gets the authentication type the principal reports (e.g. <c>aad</c>).</summary>
    /// <value>Possibly empty.</value>
    public string AuthenticationType { get; }

    /// <summary>Gets a value indicating whether the caller is the task-force coordinator.</summary>
    /// <value><see langword="true"/> with the <see cref="TaskForceRole.Coordinator"/> role.</value>
    public bool IsCoordinator => Roles.Contains(TaskForceRole.Coordinator);

    /// <summary>Tells whether the caller acts for an agency (codes compared ordinally, ignoring case, as
    /// <c>TaskForce.Domain.Workflows.Actor.IsOf</c> does).</summary>
    /// <param name="agency">An agency code.</param>
    /// <returns><see langword="true"/> when the caller has an agency equal to <paramref name="agency"/>.</returns>
    public bool IsOf(string? agency) => Agency is not null && string.Equals(Agency, agency?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the role codes for logs and audit records.</summary>
    /// <returns>The codes, sorted, joined by commas (e.g. <c>case_worker</c>).</returns>
    public string RoleCodes() => string.Join(',', Roles.Select(CallerClaims.ToCode).Order(StringComparer.Ordinal));
}

/// <summary>
/// Reads a <see cref="Caller"/> from identity-provider claims: which claim types carry the user id, the roles and the
/// agency. The one place that knows them, so issue 7's role matrix extends it rather than a copy.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>User id: the first of <c>http://schemas.microsoft.com/identity/claims/objectidentifier</c>, <c>oid</c>,
/// <c>sub</c>, <c>http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier</c>.</item>
/// <item>Roles: claims of the principal's role type, <c>roles</c> or
/// <c>http://schemas.microsoft.com/ws/2008/06/identity/claims/role</c> whose value is a role code (Entra app roles
/// named with the codes of <see cref="TaskForceRole"/>); other values are ignored.</item>
/// <item>Agency: the first claim of type <c>agency</c> or <c>extn.agency</c> (a directory extension attribute);
/// it must be an agency code (<c>[a-z0-9_.-]</c>, at most 128 characters) or it is ignored.</item>
/// </list>
/// </remarks>
public static partial class CallerClaims
{
    /// <summary>The claim types read for the user id, in order of preference.</summary>
    public static readonly IReadOnlyList<string> UserIdTypes =
        ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid", "sub", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier"];

    /// <summary>The claim types read for roles, besides the principal's own role type.</summary>
    public static readonly IReadOnlyList<string> RoleTypes = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    /// <summary>The claim types read for the agency code, in order of preference.</summary>
    public static readonly IReadOnlyList<string> AgencyTypes = ["agency", "extn.agency"];

    private const int MaxLength = 128;

    private static readonly FrozenDictionary<string, TaskForceRole> ByCode = new Dictionary<string, TaskForceRole>(StringComparer.Ordinal)
    {
        ["coordinator"] = TaskForceRole.Coordinator,
        ["case_worker"] = TaskForceRole.CaseWorker,
        ["police_investigator"] = TaskForceRole.PoliceInvestigator,
        ["prosecutor"] = TaskForceRole.Prosecutor,
        ["partner_ngo"] = TaskForceRole.PartnerNgo,
        ["statistician"] = TaskForceRole.Statistician,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the wire code of a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>For example <c>case_worker</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined role.</exception>
    public static string ToCode(TaskForceRole role) =>
        ByCode.FirstOrDefault(p => p.Value == role).Key ?? throw new ArgumentOutOfRangeException(nameof(role), role, "Not a TaskForce role.");

    /// <summary>Builds the caller from trusted claims.</summary>
    /// <param name="claims">The claims as (type, value) pairs. Cannot be <see langword="null"/>.</param>
    /// <param name="authenticationType">The principal's authentication type, or <see langword="null"/>.</param>
    /// <param name="roleType">The principal's own role claim type (<c>role_typ</c>), or <see langword="null"/>.</param>
    /// <returns>The caller, or <see langword="null"/> when no claim gives a usable user id (1 to 128 characters
    /// without control characters): such a principal is not a person TaskForce can hold to account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> is <see langword="null"/>.</exception>
    public static Caller? ToCaller(IEnumerable<(string Type, string Value)> claims, string? authenticationType, string? roleType)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var list = claims.Where(c => c.Type is not null && c.Value is not null).ToList();
        string? userId = UserIdTypes.Select(t => list.FirstOrDefault(c => string.Equals(c.Type, t, StringComparison.OrdinalIgnoreCase)).Value?.Trim())
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (userId is null || userId.Length > MaxLength || userId.Any(char.IsControl))
        {
            return null;
        }

        var roleTypes = RoleTypes.Concat(roleType is null ? [] : [roleType]).ToList();
        var roles = list.Where(c => roleTypes.Contains(c.Type, StringComparer.OrdinalIgnoreCase) && ByCode.ContainsKey(c.Value.Trim()))
            .Select(c => ByCode[c.Value.Trim()])
            .ToFrozenSet();
        string? agency = AgencyTypes.Select(t => list.FirstOrDefault(c => string.Equals(c.Type, t, StringComparison.OrdinalIgnoreCase)).Value?.Trim())
            .FirstOrDefault(v => v is not null && v.Length <= MaxLength && AgencyPattern().IsMatch(v));
        return new Caller(userId, agency?.ToLowerInvariant(), roles, authenticationType ?? string.Empty);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPattern();
}
