using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>
/// Who made a change: a staff account id and the agency it acted for. Recorded in every audit event.
/// </summary>
/// <remarks>
/// The id is a staff account identifier (e.g. the identity provider's subject id), never a victim's or witness's
/// name: victim and witness identity is confidential by law (UU 21/2007 Pasal 44). Agency codes are the district's
/// own short codes (e.g. <c>uptd_ppa_ttu</c>, <c>polres_ttu</c>, <c>kejari_ttu</c>); the domain compares them
/// ordinally, ignoring case, and does not keep a list of them.
/// </remarks>
public sealed record Actor
{
    /// <summary>The longest id or agency code accepted, in characters.</summary>
    public const int MaxLength = 128;

    private Actor(string userId, string agency)
    {
        UserId = userId;
        Agency = agency;
    }

    /// <summary>Gets the staff account id.</summary>
    /// <value>Non-empty, at most <see cref="MaxLength"/> characters, no control characters.</value>
    public string UserId { get; }

    /// <summary>Gets the agency code the actor acted for.</summary>
    /// <value>Non-empty, at most <see cref="MaxLength"/> characters, no control characters.</value>
    public string Agency { get; }

    /// <summary>Creates an actor.</summary>
    /// <param name="userId">The staff account id; surrounding spaces are removed.</param>
    /// <param name="agency">The agency code; surrounding spaces are removed.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="DomainValidationException">A value is empty, longer than <see cref="MaxLength"/> or contains
    /// control characters (field <c>actor</c> or <c>agency</c>).</exception>
    public static Actor Create(string? userId, string? agency) =>
        new(Clean(userId, "actor"), Clean(agency, "agency"));

    /// <summary>Tells whether this actor acts for the given agency (ordinal, case-insensitive).</summary>
    /// <param name="agency">An agency code.</param>
    /// <returns><see langword="true"/> when the codes are equal ignoring case.</returns>
    public bool IsOf(string? agency) => string.Equals(Agency, agency?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Clean(string? value, string field)
    {
        string v = value?.Trim() ?? string.Empty;
        if (v.Length == 0)
        {
            throw new DomainValidationException(field, Texts.Format(WorkflowsText.ActorFieldRequired, field));
        }

        if (v.Length > MaxLength || v.Any(char.IsControl))
        {
            throw new DomainValidationException(field, Texts.Format(WorkflowsText.ActorFieldTooLong, field, MaxLength));
        }

        return v;
    }
}
