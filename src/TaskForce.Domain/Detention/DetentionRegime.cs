using NodaTime;

namespace TaskForce.Domain.Detention;

/// <summary>The legal limit of one detention stage under a regime.</summary>
/// <param name="Days">The maximum length in days counted inclusively, or <see langword="null"/> when the stage has no
/// limit of its own (city or house arrest without a stage, suspension).</param>
/// <param name="LegalBasis">The article, e.g. <c>KUHAP Pasal 24(1)</c>.</param>
public sealed record StageLimit(int? Days, string LegalBasis);

/// <summary>
/// A procedural regime's detention limits, as data: KUHAP 1981 (UU 8/1981, confirmed) and KUHAP 2025 (UU 20/2025,
/// in force 2 January 2026; its numbers are unconfirmed and flagged in every result that uses them).
/// </summary>
/// <param name="Code">The regime code on the wire: <c>KUHAP-1981</c> or <c>KUHAP-2025</c>.</param>
/// <param name="InForceFrom">The first day the regime governs a detention order (by the order's start date).</param>
/// <param name="Confirmed">Whether the limits are confirmed against the legal text.</param>
/// <param name="Source">Where the limits come from.</param>
/// <param name="Limits">The limit of every stage.</param>
public sealed record DetentionRegime(string Code, LocalDate InForceFrom, bool Confirmed, string Source, IReadOnlyDictionary<DetentionStage, StageLimit> Limits);

/// <summary>The detention regimes and the rule that picks one for a period.</summary>
/// <remarks>
/// <para>KUHAP 1981 (docs/sources.md#kuhap-1981) [C]: investigation 20 + 40 days, prosecution 20 + 30, district court
/// 30 + 60, high court 30 + 60, Supreme Court 50 + 60; Pasal 29 adds up to 30 + 30 days per level for offences punishable
/// by 9 years or more or a certified serious physical or mental disorder, granted by the Ketua PN (investigation and
/// prosecution), the Ketua PT (district court), the Supreme Court (appeal) and the Ketua MA (cassation).</para>
/// <para>KUHAP 2025 (UU 20/2025 Pasal 99–108) [U]: the enacted numbers were not retrieved. A 2025 draft reportedly kept
/// investigation 60, prosecution 50 and court 90 days in total, cut the Supreme Court to 90 days, and kept a 30-day
/// extension for offences over 9 years (docs/sources.md#kuhap-2025, low-reliability source). The per-stage split below mirrors KUHAP 1981
/// except the Supreme Court (30 + 60) and is marked unconfirmed until checked against the statute.</para>
/// <para>Choice of regime: a period uses the regime in force on its start date. UU 20/2025's transitional provisions
/// for detention were not confirmed, so results that cross 2 January 2026 say so.</para>
/// </remarks>
public static class DetentionRegimes
{
    /// <summary>The day UU 20/2025 took effect.</summary>
    public static readonly LocalDate Kuhap2025InForce = new(2026, 1, 2);

    /// <summary>Gets KUHAP 1981.</summary>
    /// <value>Confirmed limits.</value>
    public static DetentionRegime Kuhap1981 { get; } = new(
        "KUHAP-1981",
        new LocalDate(1981, 12, 31),
        Confirmed: true,
        "UU 8/1981 Pasal 24-29 (docs/sources.md#kuhap-1981, S-KUHAP-old) [C]",
        Build(
            (20, 40, 20, 30, 30, 60, 30, 60, 50, 60),
            lvl => lvl switch
            {
                DetentionLevel.Penyidikan => ("KUHAP Pasal 24(1)", "KUHAP Pasal 24(2)", "KUHAP Pasal 29(1)-(2), (3)(a)"),
                DetentionLevel.Penuntutan => ("KUHAP Pasal 25(1)", "KUHAP Pasal 25(2)", "KUHAP Pasal 29(1)-(2), (3)(a)"),
                DetentionLevel.PengadilanNegeri => ("KUHAP Pasal 26(1)", "KUHAP Pasal 26(2)", "KUHAP Pasal 29(1)-(2), (3)(b)"),
                DetentionLevel.PengadilanTinggi => ("KUHAP Pasal 27(1)", "KUHAP Pasal 27(2)", "KUHAP Pasal 29(1)-(2), (3)(c)"),
                _ => ("KUHAP Pasal 28(1)", "KUHAP Pasal 28(2)", "KUHAP Pasal 29(1)-(2), (3)(d)"),
            },
            ("KUHAP Pasal 22(1)(c), 22(5)", "KUHAP Pasal 22(1)(b), 22(5)", "KUHAP Pasal 31")));

    /// <summary>Gets KUHAP 2025, with unconfirmed limits.</summary>
    /// <value>Unconfirmed limits.</value>
    public static DetentionRegime Kuhap2025 { get; } = new(
        "KUHAP-2025",
        Kuhap2025InForce,
        Confirmed: false,
        "UU 20/2025 Pasal 99-108: limits NOT confirmed; draft figures (docs/sources.md#kuhap-2025) [U]",
        Build(
            (20, 40, 20, 30, 30, 60, 30, 60, 30, 60),
            _ => ("UU 20/2025 Pasal 99-108 [U: limit unconfirmed]", "UU 20/2025 Pasal 99-108 [U: limit unconfirmed]", "UU 20/2025 Pasal 99-108 [U: limit unconfirmed]"),
            ("UU 20/2025 [U]", "UU 20/2025 [U]", "UU 20/2025 [U]")));

    /// <summary>Gets both regimes, oldest first.</summary>
    /// <value>KUHAP 1981 and KUHAP 2025.</value>
    public static IReadOnlyList<DetentionRegime> All { get; } = [Kuhap1981, Kuhap2025];

    /// <summary>Returns the regime in force on a date.</summary>
    /// <param name="date">A detention order's start date.</param>
    /// <returns>KUHAP 2025 from 2 January 2026, KUHAP 1981 before.</returns>
    public static DetentionRegime For(LocalDate date) => date >= Kuhap2025InForce ? Kuhap2025 : Kuhap1981;

    private static Dictionary<DetentionStage, StageLimit> Build(
        (int PenyidikBase, int PenyidikExt, int PuBase, int PuExt, int PnBase, int PnExt, int PtBase, int PtExt, int MaBase, int MaExt) d,
        Func<DetentionLevel, (string Base, string Extension, string Pasal29)> basis,
        (string Kota, string Rumah, string Penangguhan) other)
    {
        var days = new Dictionary<DetentionLevel, (int Base, int Ext)>
        {
            [DetentionLevel.Penyidikan] = (d.PenyidikBase, d.PenyidikExt),
            [DetentionLevel.Penuntutan] = (d.PuBase, d.PuExt),
            [DetentionLevel.PengadilanNegeri] = (d.PnBase, d.PnExt),
            [DetentionLevel.PengadilanTinggi] = (d.PtBase, d.PtExt),
            [DetentionLevel.MahkamahAgung] = (d.MaBase, d.MaExt),
        };
        var limits = new Dictionary<DetentionStage, StageLimit>();
        foreach (var (level, (b, e)) in days)
        {
            var text = basis(level);
            limits[DetentionStages.Of(level, DetentionStep.Base)] = new StageLimit(b, text.Base);
            limits[DetentionStages.Of(level, DetentionStep.Extension)] = new StageLimit(e, text.Extension);
            limits[DetentionStages.Of(level, DetentionStep.Pasal29First)] = new StageLimit(30, text.Pasal29);
            limits[DetentionStages.Of(level, DetentionStep.Pasal29Second)] = new StageLimit(30, text.Pasal29);
        }

        limits[DetentionStage.TahananKota] = new StageLimit(null, other.Kota);
        limits[DetentionStage.TahananRumah] = new StageLimit(null, other.Rumah);
        limits[DetentionStage.Penangguhan] = new StageLimit(null, other.Penangguhan);
        return limits;
    }
}

/// <summary>The maximum prison term of an offence, which decides whether KUHAP Pasal 29 extensions are available.</summary>
/// <param name="ArticleId">The article id, e.g. <c>UU21-2007:2(1)</c>.</param>
/// <param name="MaxPrisonMonths">The maximum prison term in months (before aggravations; attempt or aiding is not
/// deducted, since detention follows the offence suspected).</param>
/// <param name="Confirmed">Whether the maximum is confirmed.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record OffenceCeiling(string ArticleId, int MaxPrisonMonths, bool Confirmed, string Source);

/// <summary>Known offence maxima, as data (docs/sources.md#uu-21-2007-penalties, #uu-18-2017, #uu-21-2007-children).</summary>
public static class OffenceCeilings
{
    /// <summary>The threshold of KUHAP Pasal 29(1)(b): offences punishable by 9 years (108 months) or more.</summary>
    public const int Pasal29ThresholdMonths = 108;

    private static readonly OffenceCeiling[] Table =
    [
        new("UU21-2007:2(1)", 180, true, "UU 21/2007 Pasal 2(1): 3-15 years [C, S-SBMI]"),
        new("UU21-2007:2(2)", 180, false, "UU 21/2007 Pasal 2(2) [R]"),
        new("UU21-2007:3", 180, true, "UU 21/2007 Pasal 3 [C, S-SBMI]"),
        new("UU21-2007:4", 180, true, "UU 21/2007 Pasal 4 [C, S-SBMI]"),
        new("UU21-2007:5", 180, false, "UU 21/2007 Pasal 5 [R]"),
        new("UU21-2007:6", 180, false, "UU 21/2007 Pasal 6 [R]"),
        new("UU21-2007:9", 72, false, "UU 21/2007 Pasal 9: 1-6 years [R]"),
        new("UU21-2007:19", 84, true, "UU 21/2007 Pasal 19: 1-7 years [C]"),
        new("UU21-2007:20", 84, true, "UU 21/2007 Pasal 20: 1-7 years [C]"),
        new("UU21-2007:21", 60, true, "UU 21/2007 Pasal 21(1): 1-5 years [C]; 21(2)-(3) higher [R]"),
        new("UU21-2007:22", 60, false, "UU 21/2007 Pasal 22 [R]"),
        new("UU21-2007:23", 60, false, "UU 21/2007 Pasal 23 [R]"),
        new("UU21-2007:24", 84, false, "UU 21/2007 Pasal 24 [R]"),
        new("UU18-2017:81", 120, true, "UU 18/2017 Pasal 81: at most 10 years [C, verdict texts]"),
        new("UU35-2014:88", 120, true, "UU 35/2014 Pasal 88 jo 76I: at most 10 years [C, S-UUPA88]"),
        new("KUHP:296", 16, false, "KUHP (WvS) Pasal 296: at most 1 year 4 months [R]"),
    ];

    /// <summary>Gets every known ceiling.</summary>
    /// <value>The table.</value>
    public static IReadOnlyList<OffenceCeiling> All => Table;

    /// <summary>Finds the ceiling of an article.</summary>
    /// <param name="articleId">An article id such as <c>UU21-2007:4</c>, <c>UU18-2017:81</c>, <c>KUHP:296</c>.</param>
    /// <returns>The ceiling, or <see langword="null"/> when the article is not in the table (or is <c>other</c>).</returns>
    public static OffenceCeiling? Find(string? articleId) =>
        articleId is null ? null : Array.Find(Table, c => string.Equals(c.ArticleId, articleId.Trim(), StringComparison.OrdinalIgnoreCase));
}
