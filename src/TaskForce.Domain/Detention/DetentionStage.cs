using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Detention;

/// <summary>
/// A detention period's stage, as the contract's <c>detention-check</c> codes it (docs/wire-contract.md): who
/// detains, and whether the period is the base period, the ordinary extension or a KUHAP Pasal 29 extension.
/// </summary>
public enum DetentionStage
{
    /// <summary><c>penyidik</c>: investigator's detention (KUHAP Pasal 24(1)).</summary>
    Penyidik = 1,

    /// <summary><c>penyidik_perpanjangan</c>: extension by the prosecutor (Pasal 24(2)).</summary>
    PenyidikPerpanjangan = 2,

    /// <summary><c>penyidik_pasal29_1</c>: first Pasal 29 extension at investigation (by the Ketua PN).</summary>
    PenyidikPasal29Pertama = 3,

    /// <summary><c>penyidik_pasal29_2</c>: second Pasal 29 extension at investigation.</summary>
    PenyidikPasal29Kedua = 4,

    /// <summary><c>penuntut_umum</c>: prosecutor's detention (Pasal 25(1)).</summary>
    PenuntutUmum = 5,

    /// <summary><c>penuntut_umum_perpanjangan</c>: extension by the Ketua PN (Pasal 25(2)).</summary>
    PenuntutUmumPerpanjangan = 6,

    /// <summary><c>penuntut_umum_pasal29_1</c>: first Pasal 29 extension at prosecution.</summary>
    PenuntutUmumPasal29Pertama = 7,

    /// <summary><c>penuntut_umum_pasal29_2</c>: second Pasal 29 extension at prosecution.</summary>
    PenuntutUmumPasal29Kedua = 8,

    /// <summary><c>hakim_pn</c>: district-court judge's detention (Pasal 26(1)).</summary>
    HakimPn = 9,

    /// <summary><c>hakim_pn_perpanjangan</c>: extension by the Ketua PN (Pasal 26(2)).</summary>
    HakimPnPerpanjangan = 10,

    /// <summary><c>hakim_pn_pasal29_1</c>: first Pasal 29 extension at the district court (by the Ketua PT).</summary>
    HakimPnPasal29Pertama = 11,

    /// <summary><c>hakim_pn_pasal29_2</c>: second Pasal 29 extension at the district court.</summary>
    HakimPnPasal29Kedua = 12,

    /// <summary><c>hakim_pt</c>: high-court judge's detention (Pasal 27(1)).</summary>
    HakimPt = 13,

    /// <summary><c>hakim_pt_perpanjangan</c>: extension by the Ketua PT (Pasal 27(2)).</summary>
    HakimPtPerpanjangan = 14,

    /// <summary><c>hakim_pt_pasal29_1</c>: first Pasal 29 extension on appeal (by the Supreme Court).</summary>
    HakimPtPasal29Pertama = 15,

    /// <summary><c>hakim_pt_pasal29_2</c>: second Pasal 29 extension on appeal.</summary>
    HakimPtPasal29Kedua = 16,

    /// <summary><c>hakim_ma</c>: Supreme Court justice's detention (Pasal 28(1)).</summary>
    HakimMa = 17,

    /// <summary><c>hakim_ma_perpanjangan</c>: extension by the Ketua MA (Pasal 28(2)).</summary>
    HakimMaPerpanjangan = 18,

    /// <summary><c>hakim_ma_pasal29_1</c>: first Pasal 29 extension at cassation (by the Ketua MA).</summary>
    HakimMaPasal29Pertama = 19,

    /// <summary><c>hakim_ma_pasal29_2</c>: second Pasal 29 extension at cassation.</summary>
    HakimMaPasal29Kedua = 20,

    /// <summary><c>tahanan_kota</c>: city arrest with no stage recorded (Pasal 22(1)(c)); no limit can be checked.</summary>
    TahananKota = 21,

    /// <summary><c>tahanan_rumah</c>: house arrest with no stage recorded (Pasal 22(1)(b)); no limit can be checked.</summary>
    TahananRumah = 22,

    /// <summary><c>penangguhan</c>: detention suspended (Pasal 31); not detention, not counted.</summary>
    Penangguhan = 23,
}

/// <summary>The procedural level a detention stage belongs to; each level has its own maximum.</summary>
public enum DetentionLevel
{
    /// <summary>Investigation (penyidikan), KUHAP Pasal 24.</summary>
    Penyidikan = 1,

    /// <summary>Prosecution (penuntutan), KUHAP Pasal 25.</summary>
    Penuntutan = 2,

    /// <summary>District court (pengadilan negeri), KUHAP Pasal 26.</summary>
    PengadilanNegeri = 3,

    /// <summary>High court on appeal (pengadilan tinggi), KUHAP Pasal 27.</summary>
    PengadilanTinggi = 4,

    /// <summary>Supreme Court on cassation (Mahkamah Agung), KUHAP Pasal 28.</summary>
    MahkamahAgung = 5,
}

/// <summary>The kind of a detention period within its level.</summary>
public enum DetentionStep
{
    /// <summary>The base period of the detaining authority.</summary>
    Base = 1,

    /// <summary>The ordinary extension.</summary>
    Extension = 2,

    /// <summary>The first KUHAP Pasal 29 extension.</summary>
    Pasal29First = 3,

    /// <summary>The second KUHAP Pasal 29 extension.</summary>
    Pasal29Second = 4,
}

/// <summary>Where a detainee is held (KUHAP Pasal 22(1)).</summary>
public enum DetentionType
{
    /// <summary><c>rutan</c>: state detention house (the default).</summary>
    Rutan = 0,

    /// <summary><c>tahanan_rumah</c>: house arrest.</summary>
    TahananRumah = 1,

    /// <summary><c>tahanan_kota</c>: city arrest.</summary>
    TahananKota = 2,
}

/// <summary>Wire codes and classification of <see cref="DetentionStage"/>.</summary>
public static class DetentionStages
{
    /// <summary>The code used in results for a period whose stage could not be recognised.</summary>
    public const string Unrecognised = "unrecognised";

    private static readonly (DetentionStage Stage, string Code, DetentionLevel? Level, DetentionStep? Step)[] Table =
    [
        (DetentionStage.Penyidik, "penyidik", DetentionLevel.Penyidikan, DetentionStep.Base),
        (DetentionStage.PenyidikPerpanjangan, "penyidik_perpanjangan", DetentionLevel.Penyidikan, DetentionStep.Extension),
        (DetentionStage.PenyidikPasal29Pertama, "penyidik_pasal29_1", DetentionLevel.Penyidikan, DetentionStep.Pasal29First),
        (DetentionStage.PenyidikPasal29Kedua, "penyidik_pasal29_2", DetentionLevel.Penyidikan, DetentionStep.Pasal29Second),
        (DetentionStage.PenuntutUmum, "penuntut_umum", DetentionLevel.Penuntutan, DetentionStep.Base),
        (DetentionStage.PenuntutUmumPerpanjangan, "penuntut_umum_perpanjangan", DetentionLevel.Penuntutan, DetentionStep.Extension),
        (DetentionStage.PenuntutUmumPasal29Pertama, "penuntut_umum_pasal29_1", DetentionLevel.Penuntutan, DetentionStep.Pasal29First),
        (DetentionStage.PenuntutUmumPasal29Kedua, "penuntut_umum_pasal29_2", DetentionLevel.Penuntutan, DetentionStep.Pasal29Second),
        (DetentionStage.HakimPn, "hakim_pn", DetentionLevel.PengadilanNegeri, DetentionStep.Base),
        (DetentionStage.HakimPnPerpanjangan, "hakim_pn_perpanjangan", DetentionLevel.PengadilanNegeri, DetentionStep.Extension),
        (DetentionStage.HakimPnPasal29Pertama, "hakim_pn_pasal29_1", DetentionLevel.PengadilanNegeri, DetentionStep.Pasal29First),
        (DetentionStage.HakimPnPasal29Kedua, "hakim_pn_pasal29_2", DetentionLevel.PengadilanNegeri, DetentionStep.Pasal29Second),
        (DetentionStage.HakimPt, "hakim_pt", DetentionLevel.PengadilanTinggi, DetentionStep.Base),
        (DetentionStage.HakimPtPerpanjangan, "hakim_pt_perpanjangan", DetentionLevel.PengadilanTinggi, DetentionStep.Extension),
        (DetentionStage.HakimPtPasal29Pertama, "hakim_pt_pasal29_1", DetentionLevel.PengadilanTinggi, DetentionStep.Pasal29First),
        (DetentionStage.HakimPtPasal29Kedua, "hakim_pt_pasal29_2", DetentionLevel.PengadilanTinggi, DetentionStep.Pasal29Second),
        (DetentionStage.HakimMa, "hakim_ma", DetentionLevel.MahkamahAgung, DetentionStep.Base),
        (DetentionStage.HakimMaPerpanjangan, "hakim_ma_perpanjangan", DetentionLevel.MahkamahAgung, DetentionStep.Extension),
        (DetentionStage.HakimMaPasal29Pertama, "hakim_ma_pasal29_1", DetentionLevel.MahkamahAgung, DetentionStep.Pasal29First),
        (DetentionStage.HakimMaPasal29Kedua, "hakim_ma_pasal29_2", DetentionLevel.MahkamahAgung, DetentionStep.Pasal29Second),
        (DetentionStage.TahananKota, "tahanan_kota", null, null),
        (DetentionStage.TahananRumah, "tahanan_rumah", null, null),
        (DetentionStage.Penangguhan, "penangguhan", null, null),
    ];

    /// <summary>Gets every stage code in the contract's order.</summary>
    /// <value>23 codes.</value>
    public static IReadOnlyList<string> Codes { get; } = [.. Table.Select(t => t.Code)];

    /// <summary>Returns the wire code of a stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>Its code, e.g. <c>penyidik_pasal29_1</c>.</returns>
    public static string ToCode(this DetentionStage stage) => Table.First(t => t.Stage == stage).Code;

    /// <summary>Returns the wire code of a detention type.</summary>
    /// <param name="type">The type.</param>
    /// <returns><c>rutan</c>, <c>tahanan_rumah</c> or <c>tahanan_kota</c>.</returns>
    public static string ToCode(this DetentionType type) => type switch
    {
        DetentionType.TahananKota => "tahanan_kota",
        DetentionType.TahananRumah => "tahanan_rumah",
        _ => "rutan",
    };

    /// <summary>Parses a stage code of the contract.</summary>
    /// <param name="code">The code, case-sensitive.</param>
    /// <param name="field">The snake_case field name to report, e.g. <c>periods[2].stage</c>.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="DomainValidationException">The code is not one of <see cref="Codes"/>.</exception>
    public static DetentionStage Parse(string? code, string field = "stage")
    {
        foreach (var t in Table)
        {
            if (t.Code == code)
            {
                return t.Stage;
            }
        }

        throw new DomainValidationException(field, Texts.Format(DetentionText.DetentionStageUnknown, code, string.Join(", ", Codes)));
    }

    /// <summary>Returns the level a stage belongs to.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The level, or <see langword="null"/> for <c>tahanan_kota</c>, <c>tahanan_rumah</c> and <c>penangguhan</c>.</returns>
    public static DetentionLevel? Level(this DetentionStage stage) => Table.First(t => t.Stage == stage).Level;

    /// <summary>Returns the step of a stage within its level.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The step, or <see langword="null"/> for stages without a level.</returns>
    public static DetentionStep? Step(this DetentionStage stage) => Table.First(t => t.Stage == stage).Step;

    /// <summary>Returns the stage of a level and step.</summary>
    /// <param name="level">The level.</param>
    /// <param name="step">The step.</param>
    /// <returns>The stage.</returns>
    public static DetentionStage Of(DetentionLevel level, DetentionStep step) => Table.First(t => t.Level == level && t.Step == step).Stage;

    /// <summary>Tells whether a stage is a KUHAP Pasal 29 extension.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns><see langword="true"/> for the <c>*_pasal29_1</c> and <c>*_pasal29_2</c> stages.</returns>
    public static bool IsPasal29(this DetentionStage stage) => stage.Step() is DetentionStep.Pasal29First or DetentionStep.Pasal29Second;
}
