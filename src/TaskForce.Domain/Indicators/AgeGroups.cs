using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Indicators;

/// <summary>Child or adult at the time of the offence: the GLOTIP / SDG 16.2.2 split (under 18 is a child).</summary>
public enum ChildStatus
{
    /// <summary>Neither a child mark nor an age is recorded. Wire code <c>unknown</c>.</summary>
    Unknown = 0,

    /// <summary>Under 18 at the time of the offence (UU 21/2007 Pasal 1 angka 5; Palermo Protocol art. 3(d)). Wire code <c>child</c>.</summary>
    Child = 1,

    /// <summary>18 or older at the time of the offence. Wire code <c>adult</c>.</summary>
    Adult = 2,
}

/// <summary>
/// The one place where ages become age groups. Each output names the grouping it uses; this first version has the
/// GLOTIP child/adult split used by the court-outcome snapshot.
/// </summary>
public static class AgeGroups
{
    /// <summary>The age, in whole years, from which a person is an adult (UU 21/2007 Pasal 1 angka 5: a child is
    /// under 18, including the unborn).</summary>
    public const int AdultAge = 18;

    /// <summary>The name of the child/adult grouping as written into outputs.</summary>
    public const string ChildAdultGrouping = "glotip_child_adult";

    /// <summary>Returns whether a verdict's victim counts as a child, an adult or unknown.</summary>
    /// <param name="victim">The victim as recorded. Cannot be <see langword="null"/>.</param>
    /// <returns><see cref="ChildStatus.Child"/> when the verdict marks the victim a child, or, with no mark, when the
    /// age is below 18; <see cref="ChildStatus.Adult"/> when it marks an adult, or, with no mark, when the age is 18 or
    /// more; otherwise <see cref="ChildStatus.Unknown"/> (shared/contracts/cli.md, "first snapshot"). The verdict's own
    /// mark wins over a conflicting age; the conflict is reported as a data-quality issue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="victim"/> is <see langword="null"/>.</exception>
    public static ChildStatus OfVerdictVictim(VerdictVictim victim)
    {
        ArgumentNullException.ThrowIfNull(victim);
        return victim.Child switch
        {
            true => ChildStatus.Child,
            false => ChildStatus.Adult,
            null when victim.Age is { } age => age < AdultAge ? ChildStatus.Child : ChildStatus.Adult,
            _ => ChildStatus.Unknown,
        };
    }

    /// <summary>Returns the wire code of a child status.</summary>
    /// <param name="status">The status.</param>
    /// <returns><c>child</c>, <c>adult</c> or <c>unknown</c>.</returns>
    public static string ToCode(this ChildStatus status) => status switch
    {
        ChildStatus.Child => "child",
        ChildStatus.Adult => "adult",
        _ => "unknown",
    };
}
