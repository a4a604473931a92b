using TaskForce.Domain.Common;

namespace TaskForce.Domain.CourtOutcomes;

/// <summary>
/// The snake_case codes used on the wire (docs/wire-contract.md) for the enumerations of this namespace, in one
/// place, with strict parsing: an unknown code is an error, never a default.
/// </summary>
public static class WireCodes
{
    private static readonly WireCodeMap<Sex> Sexes = new("sex", (Sex.Female, "female"), (Sex.Male, "male"), (Sex.Unknown, "unknown"));

    private static readonly WireCodeMap<Participation> Participations = new(
        "participation", (Participation.Perpetrator, "perpetrator"), (Participation.Attempt, "attempt"), (Participation.Aiding, "aiding"),
        (Participation.Conspiracy, "conspiracy"), (Participation.Other, "other"), (Participation.Unknown, "unknown"));

    /// <summary>Returns the wire code of a sex value.</summary>
    /// <param name="sex">The value.</param>
    /// <returns><c>female</c>, <c>male</c> or <c>unknown</c>.</returns>
    public static string ToCode(this Sex sex) => Sexes.ToCode(Enum.IsDefined(sex) ? sex : Sex.Unknown);

    /// <summary>Parses a sex code; <see langword="null"/> means not recorded.</summary>
    /// <param name="code"><c>female</c>, <c>male</c>, <c>unknown</c> or <see langword="null"/>.</param>
    /// <param name="sex">The parsed value.</param>
    /// <returns><see langword="false"/> when the code is none of these (case-sensitive, as the contract's codes are).</returns>
    public static bool TryParseSex(string? code, out Sex sex)
    {
        // WireCodeMap leaves the default, Sex.Unknown, when the code is not one of them.
        sex = Sex.Unknown;
        return code is null || Sexes.TryParse(code, out sex);
    }

    /// <summary>Returns the wire code of a participation value.</summary>
    /// <param name="participation">The value.</param>
    /// <returns><c>perpetrator</c>, <c>attempt</c>, <c>aiding</c>, <c>conspiracy</c>, <c>other</c> or <c>unknown</c>.</returns>
    public static string ToCode(this Participation participation) =>
        Participations.ToCode(Enum.IsDefined(participation) ? participation : Participation.Unknown);

    /// <summary>Parses a participation code; <see langword="null"/> means not recorded.</summary>
    /// <param name="code">A code of <see cref="ToCode(Participation)"/> or <see langword="null"/>.</param>
    /// <param name="participation">The parsed value.</param>
    /// <returns><see langword="false"/> when the code is unknown.</returns>
    public static bool TryParseParticipation(string? code, out Participation participation)
    {
        participation = Participation.Unknown;
        return code is null || Participations.TryParse(code, out participation);
    }
}
