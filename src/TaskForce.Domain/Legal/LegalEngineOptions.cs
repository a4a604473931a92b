using NodaTime;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.Legal;

/// <summary>How several "+1/3" aggravations combine (UU 21/2007 Pasal 7(1), 8, 16, 17). The statute does not say;
/// docs/sources.md#uu-21-2007-penalties marks it [U], so it is an option and every result names the policy used.</summary>
public enum AggravationStacking
{
    /// <summary>Each aggravation adds one third of the base: two give base × 5/3 (the default).</summary>
    Additive = 1,

    /// <summary>Each aggravation raises the already raised threat by one third: two give base × 16/9.</summary>
    Compound = 2,

    /// <summary>One third is added once, however many aggravations apply: base × 4/3.</summary>
    Once = 3,
}

/// <summary>
/// The documented options of the legal engine: readings of the law that the statute leaves open. Every result states
/// which reading it used in its notes.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record LegalEngineOptions
{
    /// <summary>Gets the default options: minimum not raised, additive stacking, zone <c>Asia/Makassar</c>.</summary>
    public static LegalEngineOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether a "+1/3" aggravation also raises the special minimum (prison and fine).
    /// Default <see langword="false"/>: only the maximum is raised, as in the contract's example (36-240 months for an
    /// aggravated Pasal 2); many courts read it as raising the minimum too (e.g. PN Kalianda 65/Pid.Sus/2025: 4 years as
    /// 3 years × 4/3). [U] docs/sources.md#uu-21-2007-penalties.</summary>
    public bool RaiseMinimumWithAggravation { get; init; }

    /// <summary>Gets how several "+1/3" aggravations combine. Default <see cref="AggravationStacking.Additive"/>.</summary>
    public AggravationStacking Stacking { get; init; } = AggravationStacking.Additive;

    /// <summary>Gets the district zone in which "today" is computed when no decision date is given.</summary>
    public DateTimeZone Zone { get; init; } = DistrictTime.DefaultZone;
}
