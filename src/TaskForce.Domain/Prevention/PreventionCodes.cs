using System.Collections.Frozen;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Prevention;

/// <summary>What a prevention activity of the task force was (UU 21/2007 Pasal 57–58; Perpres 69/2008 as amended by
/// Perpres 22/2021: prevention, socialisation, training and coordination are duties of the GT-PPTPPO). Closed list;
/// the wire codes are in <see cref="PreventionCodes"/>.</summary>
public enum PreventionKind
{
    /// <summary>Sosialisasi / kampanye: a socialisation meeting or an awareness campaign. Wire code <c>socialisation</c>.</summary>
    Socialisation = 1,

    /// <summary>Pelatihan / bimbingan teknis: training of officials, village staff or community members. Wire code <c>training</c>.</summary>
    Training = 2,

    /// <summary>Pembentukan gugus tugas desa / kelompok masyarakat: a village-level task force or community group
    /// formed. Wire code <c>community_group_formed</c>.</summary>
    CommunityGroupFormed = 3,

    /// <summary>Pemeriksaan calon pekerja migran pra-keberangkatan: a check of prospective migrant workers before
    /// departure (UU 18/2017 Pasal 13, documents of a procedural placement). Wire code <c>pre_departure_check</c>.</summary>
    PreDepartureCheck = 4,

    /// <summary>Layanan pengaduan / hotline: the figures of a complaint channel for a period (contacts received).
    /// Wire code <c>complaint_channel</c>.</summary>
    ComplaintChannel = 5,
}

/// <summary>Where the money for an activity came from (closed list).</summary>
public enum BudgetSource
{
    /// <summary>APBD: the district's or province's budget. Wire code <c>apbd</c>.</summary>
    Apbd = 1,

    /// <summary>APBN: the national budget. Wire code <c>apbn</c>.</summary>
    Apbn = 2,

    /// <summary>APBDes / Dana Desa: the village budget. Wire code <c>apbdes</c>.</summary>
    Apbdes = 3,

    /// <summary>A donor (international organisation, NGO, private). Wire code <c>donor</c>.</summary>
    Donor = 4,

    /// <summary>Any other source, or none. Wire code <c>other</c>.</summary>
    Other = 5,
}

/// <summary>The wire codes of <see cref="PreventionKind"/> and <see cref="BudgetSource"/> (docs/wire-contract.md,
/// "Prevention activities"): an unknown code is an error naming the field, never a default.</summary>
public static class PreventionCodes
{
    private static readonly FrozenDictionary<string, PreventionKind> Kinds = new Dictionary<string, PreventionKind>(StringComparer.Ordinal)
    {
        ["socialisation"] = PreventionKind.Socialisation,
        ["training"] = PreventionKind.Training,
        ["community_group_formed"] = PreventionKind.CommunityGroupFormed,
        ["pre_departure_check"] = PreventionKind.PreDepartureCheck,
        ["complaint_channel"] = PreventionKind.ComplaintChannel,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, BudgetSource> Budgets = new Dictionary<string, BudgetSource>(StringComparer.Ordinal)
    {
        ["apbd"] = BudgetSource.Apbd,
        ["apbn"] = BudgetSource.Apbn,
        ["apbdes"] = BudgetSource.Apbdes,
        ["donor"] = BudgetSource.Donor,
        ["other"] = BudgetSource.Other,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the kind codes in their defined order.</summary>
    /// <value><c>socialisation</c>, <c>training</c>, <c>community_group_formed</c>, <c>pre_departure_check</c>, <c>complaint_channel</c>.</value>
    public static IReadOnlyList<string> KindCodes { get; } = [.. Kinds.OrderBy(p => p.Value).Select(p => p.Key)];

    /// <summary>Gets the budget codes in their defined order.</summary>
    /// <value><c>apbd</c>, <c>apbn</c>, <c>apbdes</c>, <c>donor</c>, <c>other</c>.</value>
    public static IReadOnlyList<string> BudgetCodes { get; } = [.. Budgets.OrderBy(p => p.Value).Select(p => p.Key)];

    /// <summary>Returns the wire code of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example <c>socialisation</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public static string ToCode(PreventionKind kind) =>
        Kinds.FirstOrDefault(p => p.Value == kind).Key ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    /// <summary>Returns the wire code of a budget source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>For example <c>apbdes</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined source.</exception>
    public static string ToCode(BudgetSource source) =>
        Budgets.FirstOrDefault(p => p.Value == source).Key ?? throw new ArgumentOutOfRangeException(nameof(source), source, null);

    /// <summary>Parses a kind code (exact, lower case).</summary>
    /// <param name="code">The code.</param>
    /// <param name="field">The wire field, e.g. <c>kind</c>.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="DomainValidationException">The code is missing or unknown (names <paramref name="field"/>).</exception>
    public static PreventionKind ParseKind(string? code, string field) =>
        code is null ? throw new DomainValidationException(field, PreventionText.Required)
        : Kinds.TryGetValue(code.Trim(), out var kind) ? kind
        : throw new DomainValidationException(field, Texts.Format(PreventionText.KindUnknown, code, string.Join(", ", KindCodes)));

    /// <summary>Parses a budget-source code (exact, lower case).</summary>
    /// <param name="code">The code.</param>
    /// <param name="field">The wire field, e.g. <c>budget_source</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="DomainValidationException">The code is missing or unknown (names <paramref name="field"/>).</exception>
    public static BudgetSource ParseBudget(string? code, string field) =>
        code is null ? throw new DomainValidationException(field, PreventionText.Required)
        : Budgets.TryGetValue(code.Trim(), out var source) ? source
        : throw new DomainValidationException(field, Texts.Format(PreventionText.BudgetUnknown, code, string.Join(", ", BudgetCodes)));
}
