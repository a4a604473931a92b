using System.Collections.Frozen;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Migration;

/// <summary>How a migrant worker came home (closed list; BP3MI's categories of returns).</summary>
public enum ReturnStatus
{
    /// <summary>Deported by the destination country (dideportasi). Wire code <c>deported</c>.</summary>
    Deported = 1,

    /// <summary>Repatriated by the government or a representative (dipulangkan/repatriasi). Wire code <c>repatriated</c>.</summary>
    Repatriated = 2,

    /// <summary>Came home on their own (pulang mandiri). Wire code <c>self_returned</c>.</summary>
    SelfReturned = 3,
}

/// <summary>Whether a migrant worker was placed through the procedure of UU 18/2017 (registered with BP2MI/BP3MI).</summary>
public enum PlacementStatus
{
    /// <summary>Procedural (prosedural): placed under UU 18/2017. Wire code <c>procedural</c>.</summary>
    Procedural = 1,

    /// <summary>Non-procedural (non-prosedural): left outside the procedure, the usual route of trafficking. Wire code <c>non_procedural</c>.</summary>
    NonProcedural = 2,
}

/// <summary>The cause of a death abroad as the receiving authority reported it (closed list with other/unknown).</summary>
public enum DeathCause
{
    /// <summary>Illness (sakit). Wire code <c>illness</c>.</summary>
    Illness = 1,

    /// <summary>Accident, at work or elsewhere (kecelakaan). Wire code <c>accident</c>.</summary>
    Accident = 2,

    /// <summary>Violence (kekerasan). Wire code <c>violence</c>.</summary>
    Violence = 3,

    /// <summary>Suicide as reported (bunuh diri). Wire code <c>suicide</c>.</summary>
    Suicide = 4,

    /// <summary>Other or not known (lainnya/tidak diketahui). Wire code <c>other_unknown</c>.</summary>
    OtherUnknown = 5,
}

/// <summary>The wire codes of the migration lists (docs/wire-contract.md, "Returns and deaths"); an unknown code is
/// an error naming the field.</summary>
public static class MigrationCodes
{
    private static readonly FrozenDictionary<string, ReturnStatus> Statuses = new Dictionary<string, ReturnStatus>(StringComparer.Ordinal)
    {
        ["deported"] = ReturnStatus.Deported, ["repatriated"] = ReturnStatus.Repatriated, ["self_returned"] = ReturnStatus.SelfReturned,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, PlacementStatus> Placements = new Dictionary<string, PlacementStatus>(StringComparer.Ordinal)
    {
        ["procedural"] = PlacementStatus.Procedural, ["non_procedural"] = PlacementStatus.NonProcedural,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DeathCause> Causes = new Dictionary<string, DeathCause>(StringComparer.Ordinal)
    {
        ["illness"] = DeathCause.Illness, ["accident"] = DeathCause.Accident, ["violence"] = DeathCause.Violence,
        ["suicide"] = DeathCause.Suicide, ["other_unknown"] = DeathCause.OtherUnknown,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the wire code of a return status.</summary>
    /// <param name="value">The status.</param>
    /// <returns>For example <c>deported</c>.</returns>
    public static string ToCode(ReturnStatus value) => Statuses.First(p => p.Value == value).Key;

    /// <summary>Returns the wire code of a placement status.</summary>
    /// <param name="value">The status.</param>
    /// <returns><c>procedural</c> or <c>non_procedural</c>.</returns>
    public static string ToCode(PlacementStatus value) => Placements.First(p => p.Value == value).Key;

    /// <summary>Returns the wire code of a cause of death.</summary>
    /// <param name="value">The cause.</param>
    /// <returns>For example <c>illness</c>.</returns>
    public static string ToCode(DeathCause value) => Causes.First(p => p.Value == value).Key;

    /// <summary>Parses a return status.</summary>
    /// <param name="code">The code.</param>
    /// <param name="field">The wire field.</param>
    /// <returns>The status.</returns>
    /// <exception cref="DomainValidationException">Missing or unknown (names <paramref name="field"/>).</exception>
    public static ReturnStatus ParseStatus(string? code, string field) => Parse(Statuses, code, field);

    /// <summary>Parses a placement status.</summary>
    /// <param name="code">The code.</param>
    /// <param name="field">The wire field.</param>
    /// <returns>The status.</returns>
    /// <exception cref="DomainValidationException">Missing or unknown (names <paramref name="field"/>).</exception>
    public static PlacementStatus ParsePlacement(string? code, string field) => Parse(Placements, code, field);

    /// <summary>Parses a cause of death.</summary>
    /// <param name="code">The code.</param>
    /// <param name="field">The wire field.</param>
    /// <returns>The cause.</returns>
    /// <exception cref="DomainValidationException">Missing or unknown (names <paramref name="field"/>).</exception>
    public static DeathCause ParseCause(string? code, string field) => Parse(Causes, code, field);

    private static T Parse<T>(FrozenDictionary<string, T> map, string? code, string field) =>
        code is null ? throw new DomainValidationException(field, ReturnsText.Required)
        : map.TryGetValue(code.Trim(), out var value) ? value
        : throw new DomainValidationException(field, Texts.Format(ReturnsText.CodeUnknown, code, string.Join(", ", map.OrderBy(p => p.Value).Select(p => p.Key))));
}
