namespace TaskForce.Domain.CourtOutcomes;

/// <summary>
/// The snake_case codes used on the wire (docs/contracts/cli.md) for the enumerations of this namespace, in one
/// place, with strict parsing: an unknown code is an error, never a default.
/// </summary>
public static class WireCodes
{
    /// <summary>Returns the wire code of a sex value.</summary>
    /// <param name="sex">The value.</param>
    /// <returns><c>female</c>, <c>male</c> or <c>unknown</c>.</returns>
    public static string ToCode(this Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        _ => "unknown",
    };

    /// <summary>Parses a sex code; <see langword="null"/> means not recorded.</summary>
    /// <param name="code"><c>female</c>, <c>male</c>, <c>unknown</c> or <see langword="null"/>.</param>
    /// <param name="sex">The parsed value.</param>
    /// <returns><see langword="false"/> when the code is none of these (case-sensitive, as the contract's codes are).</returns>
    public static bool TryParseSex(string? code, out Sex sex)
    {
        switch (code)
        {
            case null:
            case "unknown":
                sex = Sex.Unknown;
                return true;
            case "female":
                sex = Sex.Female;
                return true;
            case "male":
                sex = Sex.Male;
                return true;
            default:
                sex = Sex.Unknown;
                return false;
        }
    }

    /// <summary>Returns the wire code of a participation value.</summary>
    /// <param name="participation">The value.</param>
    /// <returns><c>perpetrator</c>, <c>attempt</c>, <c>aiding</c>, <c>conspiracy</c>, <c>other</c> or <c>unknown</c>.</returns>
    public static string ToCode(this Participation participation) => participation switch
    {
        Participation.Perpetrator => "perpetrator",
        Participation.Attempt => "attempt",
        Participation.Aiding => "aiding",
        Participation.Conspiracy => "conspiracy",
        Participation.Other => "other",
        _ => "unknown",
    };

    /// <summary>Parses a participation code; <see langword="null"/> means not recorded.</summary>
    /// <param name="code">A code of <see cref="ToCode(Participation)"/> or <see langword="null"/>.</param>
    /// <param name="participation">The parsed value.</param>
    /// <returns><see langword="false"/> when the code is unknown.</returns>
    public static bool TryParseParticipation(string? code, out Participation participation)
    {
        Participation? parsed = code switch
        {
            null or "unknown" => Participation.Unknown,
            "perpetrator" => Participation.Perpetrator,
            "attempt" => Participation.Attempt,
            "aiding" => Participation.Aiding,
            "conspiracy" => Participation.Conspiracy,
            "other" => Participation.Other,
            _ => null,
        };
        participation = parsed ?? Participation.Unknown;
        return parsed.HasValue;
    }
}
