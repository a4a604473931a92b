namespace TaskForce.Domain.Legal;

/// <summary>
/// The validated trafficking elements of a case: what was done (acts), how (means), what for (purposes), whether
/// exploitation happened and what harm followed (UU 21/2007 Pasal 1 angka 1, 7; Pasal 2, 7).
/// </summary>
/// <remarks>Lists are distinct and keep input order. Consent and coercion are recorded because the law makes them
/// explicit: consent never defeats the offence (Pasal 1 angka 7, Pasal 26) and a victim who offended under coercion
/// is not punished (Pasal 18).</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TraffickingFacts
{
    /// <summary>No element recorded.</summary>
    public static readonly TraffickingFacts None = new();

    /// <summary>Gets the acts (element A).</summary>
    /// <value>Distinct acts, possibly empty.</value>
    public IReadOnlyList<TraffickingAct> Acts { get; init; } = [];

    /// <summary>Gets the means (element B).</summary>
    /// <value>Distinct means, possibly empty.</value>
    public IReadOnlyList<TraffickingMeans> Means { get; init; } = [];

    /// <summary>Gets the exploitative purposes (element C).</summary>
    /// <value>Distinct purposes, possibly empty.</value>
    public IReadOnlyList<ExploitationPurpose> Purposes { get; init; } = [];

    /// <summary>Gets the harms to the victim (Pasal 7).</summary>
    /// <value>Distinct harms, possibly empty.</value>
    public IReadOnlyList<VictimHarm> Harms { get; init; } = [];

    /// <summary>Gets whether exploitation actually happened (Pasal 2(2)), or <see langword="null"/> when unknown.</summary>
    public bool? ExploitationOccurred { get; init; }

    /// <summary>Gets whether the victim consented, or <see langword="null"/> when not recorded.</summary>
    public bool? VictimConsented { get; init; }

    /// <summary>Gets whether the victim committed an offence under the trafficker's coercion (Pasal 18).</summary>
    public bool? VictimCommittedCoercedOffence { get; init; }

    /// <summary>Parses elements sent with wire codes.</summary>
    /// <param name="acts">Act codes, or <see langword="null"/>.</param>
    /// <param name="means">Means codes, or <see langword="null"/>.</param>
    /// <param name="purposes">Purpose codes, or <see langword="null"/>.</param>
    /// <param name="harms">Harm codes, or <see langword="null"/>.</param>
    /// <param name="exploitationOccurred">Whether exploitation happened.</param>
    /// <param name="victimConsented">Whether the victim consented.</param>
    /// <param name="victimCommittedCoercedOffence">Whether the victim offended under coercion.</param>
    /// <param name="fieldPrefix">A prefix for field names in errors (e.g. <c>elements.</c>), or empty.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="Common.DomainValidationException">A code is unknown; the field names the list item, e.g.
    /// <c>acts[1]</c>.</exception>
    public static TraffickingFacts Parse(
        IReadOnlyList<string>? acts,
        IReadOnlyList<string>? means,
        IReadOnlyList<string>? purposes,
        IReadOnlyList<string>? harms,
        bool? exploitationOccurred,
        bool? victimConsented,
        bool? victimCommittedCoercedOffence,
        string fieldPrefix = "") => new()
        {
            Acts = LegalCodes.ParseActs(acts, fieldPrefix + "acts"),
            Means = LegalCodes.ParseMeans(means, fieldPrefix + "means"),
            Purposes = LegalCodes.ParsePurposes(purposes, fieldPrefix + "purposes"),
            Harms = LegalCodes.ParseHarms(harms, fieldPrefix + "harms"),
            ExploitationOccurred = exploitationOccurred,
            VictimConsented = victimConsented,
            VictimCommittedCoercedOffence = victimCommittedCoercedOffence,
        };
}
