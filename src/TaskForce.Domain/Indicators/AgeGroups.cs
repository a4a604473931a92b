using TaskForce.Domain.Common;
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

/// <summary>The age groupings of the standards TaskForce reports to. Every output names the grouping it uses.</summary>
public enum AgeGrouping
{
    /// <summary>GLOTIP / SDG 16.2.2 child (under 18) and adult: <c>child</c>, <c>adult</c>, <c>unknown</c>.
    /// Output name <c>glotip_child_adult</c>.</summary>
    GlotipChildAdult = 1,

    /// <summary>The SIMFONI-PPA dashboard groups 0–5, 6–12, 13–17, 18–24, 25–44, 45–59, 60+ (docs/sources.md#simfoni-ppa:
    /// the groups are [U] — 6–12, 13–17 and 25–44 are confirmed in SIMFONI-derived provincial data, the rest is not);
    /// codes <c>0-5</c> … <c>60+</c>, <c>unknown</c>. Output name <c>simfoni_ppa</c>.</summary>
    SimfoniPpa = 2,

    /// <summary>CTDC <c>ageBroad</c> (CTDC global synthetic data set codebook 2024, docs/sources.md#ctdc):
    /// 0–8, 9–17, 18–20, 21–23, 24–26, 27–29, 30–38, 39–47, 48+; codes <c>0-8</c> … <c>48+</c>, <c>unknown</c>
    /// (CTDC writes <c>0--8</c>; the CTDC import and export convert). Output name <c>ctdc_age_broad</c>.</summary>
    CtdcAgeBroad = 3,
}

/// <summary>
/// The one place where ages become age groups: the GLOTIP child/adult split, the SIMFONI-PPA groups and CTDC's
/// <c>ageBroad</c>. Each output names the grouping it uses (<see cref="NameOf"/>).
/// </summary>
/// <remarks>Groups are closed ranges of whole years of age at the act, [low, high], the last open-ended; a missing age
/// is the group <c>unknown</c> (an "incomplete data" bucket, never a guess and never zero — docs/sources.md#primero). Every grouping
/// splits at 18, so its child groups add up to <see cref="ChildStatus.Child"/>.</remarks>
public static class AgeGroups
{
    private static readonly WireCodeMap<ChildStatus> ChildStatuses = new(
        "child status", (ChildStatus.Child, "child"), (ChildStatus.Adult, "adult"), (ChildStatus.Unknown, "unknown"));

    /// <summary>The age, in whole years, from which a person is an adult (UU 21/2007 Pasal 1 angka 5: a child is
    /// under 18, including the unborn).</summary>
    public const int AdultAge = 18;

    /// <summary>The name of the child/adult grouping as written into outputs.</summary>
    public const string ChildAdultGrouping = "glotip_child_adult";

    /// <summary>The name of the SIMFONI-PPA grouping as written into outputs.</summary>
    public const string SimfoniGrouping = "simfoni_ppa";

    /// <summary>The name of the CTDC <c>ageBroad</c> grouping as written into outputs.</summary>
    public const string CtdcGrouping = "ctdc_age_broad";

    /// <summary>The code of a missing age in every grouping.</summary>
    public const string Unknown = "unknown";

    private static readonly int[] SimfoniLows = [0, 6, 13, 18, 25, 45, 60];
    private static readonly int[] CtdcLows = [0, 9, 18, 21, 24, 27, 30, 39, 48];
    private static readonly string[] SimfoniCodes = ["0-5", "6-12", "13-17", "18-24", "25-44", "45-59", "60+", Unknown];
    private static readonly string[] CtdcCodes = ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+", Unknown];
    private static readonly string[] ChildAdultCodes = ["child", "adult", Unknown];

    /// <summary>Returns the output name of a grouping.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <returns><c>glotip_child_adult</c>, <c>simfoni_ppa</c> or <c>ctdc_age_broad</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grouping"/> is not defined.</exception>
    public static string NameOf(AgeGrouping grouping) => grouping switch
    {
        AgeGrouping.GlotipChildAdult => ChildAdultGrouping,
        AgeGrouping.SimfoniPpa => SimfoniGrouping,
        AgeGrouping.CtdcAgeBroad => CtdcGrouping,
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown age grouping."),
    };

    /// <summary>Tells whether a grouping's boundaries are confirmed against its standard.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <returns><see langword="false"/> for <see cref="AgeGrouping.SimfoniPpa"/> (docs/sources.md#simfoni-ppa [U]);
    /// outputs using it carry a warning.</returns>
    public static bool IsConfirmed(AgeGrouping grouping) => grouping != AgeGrouping.SimfoniPpa;

    /// <summary>Returns the codes of a grouping in their natural order, <c>unknown</c> last.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <returns>For SIMFONI-PPA: <c>0-5</c>, <c>6-12</c>, <c>13-17</c>, <c>18-24</c>, <c>25-44</c>, <c>45-59</c>,
    /// <c>60+</c>, <c>unknown</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grouping"/> is not defined.</exception>
    public static IReadOnlyList<string> Codes(AgeGrouping grouping) => grouping switch
    {
        AgeGrouping.GlotipChildAdult => ChildAdultCodes,
        AgeGrouping.SimfoniPpa => SimfoniCodes,
        AgeGrouping.CtdcAgeBroad => CtdcCodes,
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown age grouping."),
    };

    /// <summary>Returns the position of an age's group in <see cref="Codes"/>.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <param name="age">The age in whole years at the act (0 for the unborn), or <see langword="null"/> when unknown.</param>
    /// <returns>An index into <see cref="Codes"/>; the last index (<c>unknown</c>) for a missing or negative age.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grouping"/> is not defined.</exception>
    public static int IndexOf(AgeGrouping grouping, int? age)
    {
        var codes = Codes(grouping);
        if (age is not { } a || a < 0)
        {
            return codes.Count - 1;
        }

        int[] lows = grouping switch
        {
            AgeGrouping.GlotipChildAdult => [0, AdultAge],
            AgeGrouping.SimfoniPpa => SimfoniLows,
            _ => CtdcLows,
        };
        int i = lows.Length - 1;
        while (lows[i] > a)
        {
            i--;
        }

        return i;
    }

    /// <summary>Returns the code of an age's group.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <param name="age">The age in whole years at the act (0 for the unborn), or <see langword="null"/>.</param>
    /// <returns>For example <c>13-17</c> for 17 and <c>18-24</c> for 18 (SIMFONI-PPA); <c>unknown</c> for no age.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grouping"/> is not defined.</exception>
    public static string CodeOf(AgeGrouping grouping, int? age) => Codes(grouping)[IndexOf(grouping, age)];

    /// <summary>Tells whether a group of a grouping is a child group (all its ages under 18).</summary>
    /// <param name="grouping">The grouping.</param>
    /// <param name="index">An index into <see cref="Codes"/>.</param>
    /// <returns><see cref="ChildStatus.Child"/>, <see cref="ChildStatus.Adult"/> or, for <c>unknown</c>,
    /// <see cref="ChildStatus.Unknown"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grouping"/> is not defined.</exception>
    public static ChildStatus ChildStatusOfGroup(AgeGrouping grouping, int index)
    {
        var codes = Codes(grouping);
        if (index == codes.Count - 1)
        {
            return ChildStatus.Unknown;
        }

        int low = grouping switch
        {
            AgeGrouping.GlotipChildAdult => index == 0 ? 0 : AdultAge,
            AgeGrouping.SimfoniPpa => SimfoniLows[index],
            _ => CtdcLows[index],
        };
        return low < AdultAge ? ChildStatus.Child : ChildStatus.Adult;
    }

    /// <summary>Returns whether a verdict's victim counts as a child, an adult or unknown.</summary>
    /// <param name="victim">The victim as recorded. Cannot be <see langword="null"/>.</param>
    /// <returns><see cref="ChildStatus.Child"/> when the verdict marks the victim a child, or, with no mark, when the
    /// age is below 18; <see cref="ChildStatus.Adult"/> when it marks an adult, or, with no mark, when the age is 18 or
    /// more; otherwise <see cref="ChildStatus.Unknown"/> (docs/wire-contract.md, "first snapshot"). The verdict's own
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

    /// <summary>Returns the child status of an age at the act.</summary>
    /// <param name="age">The age in whole years (0 for the unborn), or <see langword="null"/>.</param>
    /// <returns>Child under 18, adult from 18, unknown without an age.</returns>
    public static ChildStatus OfAge(int? age) => age switch
    {
        null or < 0 => ChildStatus.Unknown,
        < AdultAge => ChildStatus.Child,
        _ => ChildStatus.Adult,
    };

    /// <summary>Returns the wire code of a child status.</summary>
    /// <param name="status">The status.</param>
    /// <returns><c>child</c>, <c>adult</c> or <c>unknown</c>.</returns>
    public static string ToCode(this ChildStatus status) => ChildStatuses.ToCode(Enum.IsDefined(status) ? status : ChildStatus.Unknown);

    /// <summary>Parses a child-status code.</summary>
    /// <param name="code"><c>child</c>, <c>adult</c> or <c>unknown</c> (case-sensitive).</param>
    /// <param name="status">The status; <see cref="ChildStatus.Unknown"/> when the code is none of these.</param>
    /// <returns><see langword="false"/> when the code is missing or none of these.</returns>
    public static bool TryParseChildStatus(string? code, out ChildStatus status) => ChildStatuses.TryParse(code, out status);
}
