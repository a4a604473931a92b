using TaskForce.Application.Access;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Prevention;

namespace TaskForce.Application.Prevention;

/// <summary>
/// Who may do what with prevention activities (ADR-033, after ADR-020's owner rule): an activity belongs to its
/// responsible agency.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>operation</term><description>allowed to</description></listheader>
/// <item><term>record</term><description>a member role (coordinator, case worker, police investigator, prosecutor,
/// partner NGO) acting for an agency, for its own agency; the coordinator also for another agency (a sub-task force
/// that reports on paper)</description></item>
/// <item><term>revise</term><description>a member role of the responsible agency; the coordinator</description></item>
/// <item><term>read, indicators</term><description>every role, the statistician included: the records hold no personal
/// data</description></item>
/// </list>
/// </remarks>
public static class PreventionAccessPolicy
{
    /// <summary>Decides the agency of a new activity.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="requested">The agency named in the body, or <see langword="null"/>.</param>
    /// <returns>The agency to record (lower case).</returns>
    /// <exception cref="AccessDeniedException">The caller has no member role or no agency, or names another agency
    /// without being the coordinator.</exception>
    public static string AgencyToRecord(Caller caller, string? requested)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!IsMember(caller) || (caller.Agency is null && !caller.IsCoordinator))
        {
            throw new AccessDeniedException(PreventionAppText.RecordDenied);
        }

        if (string.IsNullOrWhiteSpace(requested) || caller.IsOf(requested))
        {
            return caller.Agency ?? throw new AccessDeniedException(PreventionAppText.RecordDenied);
        }

        return caller.IsCoordinator ? requested.Trim().ToLowerInvariant() : throw new AccessDeniedException(Texts.Format(PreventionAppText.OtherAgencyDenied, requested));
    }

    /// <summary>Checks that the caller may revise an activity.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="activity">The stored activity. Cannot be <see langword="null"/>.</param>
    /// <exception cref="AccessDeniedException">Neither the coordinator nor a member of the responsible agency.</exception>
    public static void RequireRevise(Caller caller, PreventionActivity activity)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(activity);
        if (caller.IsCoordinator || (IsMember(caller) && caller.IsOf(activity.Agency)))
        {
            return;
        }

        throw new AccessDeniedException(Texts.Format(PreventionAppText.ReviseDenied, activity.Agency));
    }

    /// <summary>Checks that the caller may read activities and their indicators.</summary>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <exception cref="AccessDeniedException">The caller has no TaskForce role.</exception>
    public static void RequireRead(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Roles.Count == 0)
        {
            throw new AccessDeniedException(PreventionAppText.ReadDenied);
        }
    }

    private static bool IsMember(Caller caller) => caller.Roles.Any(r => r is not TaskForceRole.Statistician);
}
