using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>The stages of the criminal-justice track, in the police and court vocabulary used in NTT TPPO reporting.</summary>
public enum JusticeStage
{
    /// <summary><c>laporan_polisi</c>: police report (LP) registered.</summary>
    LaporanPolisi = 1,

    /// <summary><c>penyelidikan</c>: inquiry (lidik) to establish whether a crime occurred (KUHAP Pasal 1 angka 5).</summary>
    Penyelidikan = 2,

    /// <summary><c>penyidikan</c>: investigation (sidik), entered with the SPDP sent to the prosecutor (KUHAP Pasal 109(1)).</summary>
    Penyidikan = 3,

    /// <summary><c>p19</c>: the prosecutor returned the file as incomplete, with instructions (KUHAP Pasal 110(2), 138(2)).</summary>
    P19 = 4,

    /// <summary><c>p21</c>: the prosecutor declared the file complete (KUHAP Pasal 138(1)).</summary>
    P21 = 5,

    /// <summary><c>tahap_ii</c>: suspect and evidence handed over to the prosecutor (KUHAP Pasal 8(3)(b)).</summary>
    TahapII = 6,

    /// <summary><c>penuntutan</c>: prosecution: indictment filed with the district court and trial (KUHAP Pasal 137, 143).</summary>
    Penuntutan = 7,

    /// <summary><c>putusan_pn</c>: first-instance verdict pronounced.</summary>
    PutusanPn = 8,

    /// <summary><c>banding</c>: appeal to the high court (KUHAP Pasal 233).</summary>
    Banding = 9,

    /// <summary><c>kasasi</c>: cassation at the Supreme Court (KUHAP Pasal 244).</summary>
    Kasasi = 10,

    /// <summary><c>inkracht</c>: the verdict is final (berkekuatan hukum tetap).</summary>
    Inkracht = 11,

    /// <summary><c>eksekusi</c>: the prosecutor executes the final verdict (KUHAP Pasal 270) (final).</summary>
    Eksekusi = 12,

    /// <summary><c>sp3</c>: investigation terminated (Surat Perintah Penghentian Penyidikan, KUHAP Pasal 109(2)).</summary>
    Sp3 = 13,

    /// <summary><c>dpo</c>: suspect or convict on the wanted list (daftar pencarian orang).</summary>
    Dpo = 14,

    /// <summary><c>dihentikan</c>: the inquiry (penyelidikan) ended without finding a criminal act, so no
    /// investigation follows (KUHAP Pasal 1 angka 5, 102–105; Perkap 6/2019 on the inquiry's gelar perkara) [R]. It can
    /// be resumed on new information.</summary>
    Dihentikan = 15,

    /// <summary><c>skp2</c>: the prosecutor stopped the prosecution (Surat Ketetapan Penghentian Penuntutan, KUHAP
    /// Pasal 140(2)(a): insufficient evidence, not a criminal act, or closed by law) [R].</summary>
    Skp2 = 16,
}

/// <summary>The facts of a criminal case that its workflow reads.</summary>
/// <param name="SpdpSentOn">The business date the SPDP (notice of the start of investigation) was sent to the
/// prosecutor, or <see langword="null"/> when not sent.</param>
public sealed record CriminalJusticeContext(LocalDate? SpdpSentOn)
{
    /// <summary>Gets the suspect this track is for: a person id of the case such as <c>suspect-1</c> (no personal
    /// data); a case holds at most one criminal-justice instance per suspect (ADR-023).</summary>
    /// <value><see langword="null"/> for a track started before a suspect was named (or stored before this was kept).</value>
    public string? SuspectId { get; init; }
}

/// <summary>
/// The criminal-justice track: LP → penyelidikan → penyidikan (SPDP sent) → P-19 ↔ P-21 → Tahap II → penuntutan →
/// putusan PN → banding → kasasi → inkracht → eksekusi, with the exits dihentikan (no crime found in the inquiry), SP3,
/// SKP2 and DPO.
/// </summary>
/// <remarks>
/// <para>Sources: KUHAP (UU 8/1981) articles named per row [R: recalled article numbers, the vocabulary is C from NTT
/// police reporting, docs/sources.md#kuhap-1981]. Detention limits are not part of this workflow; see the detention ledger
/// (<c>TaskForce.Domain.Detention</c>).</para>
/// <para>P-19 ↔ P-21: the file goes back and forth until complete: a P-19 can be followed by another P-19 (the
/// completed file was returned again) or by P-21. A P-21 is not followed by a P-19: once the prosecutor declares the
/// file complete (KUHAP Pasal 138(1)) the next step is the hand-over; the table has no such row.</para>
/// <para>Direct cassation from the first-instance verdict covers acquittals (KUHAP Pasal 244 read with Constitutional
/// Court decision 114/PUU-X/2012) [R]. SP3 can be reversed by a pretrial ruling or new evidence (KUHAP Pasal 77–80)
/// [R]. A person on the wanted list (DPO) returns to the stage at which they absconded.</para>
/// <para>Deadline: after a P-19 the investigator returns the completed file within 14 days (KUHAP Pasal 138(2)) [R],
/// counted from the P-19's date.</para>
/// <para>Exits without a verdict (ADR-023): an inquiry that finds no crime stops (<c>dihentikan</c>; it can resume on
/// new information); an investigation stops by SP3; a prosecution after hand-over stops by SKP2 (KUHAP Pasal
/// 140(2)), reversible by new reasons or a pretrial ruling.</para>
/// <para>Not covered: peninjauan kembali, trial in absentia (UU 21/2007 Pasal 41) and restorative-justice
/// settlements.</para>
/// </remarks>
public static class CriminalJusticeWorkflow
{
    /// <summary>The workflow code.</summary>
    public const string Code = "criminal_justice";

    private const string DpoResume = "returns_to_stage_before_dpo";

    /// <summary>The transition table: the only place the criminal-justice rules live.</summary>
    public static readonly IReadOnlyList<TransitionRule<JusticeStage, CriminalJusticeContext>> Transitions =
    [
        new(JusticeStage.LaporanPolisi, JusticeStage.Penyelidikan, ReasonRule.Optional, "KUHAP Pasal 1 angka 5, 102 [R]"),
        new(JusticeStage.Penyelidikan, JusticeStage.Dihentikan, ReasonRule.Required, "KUHAP Pasal 1 angka 5, 102-105: the inquiry establishes whether an event is a crime; Perkap 6/2019: the gelar perkara may conclude it is not, and the inquiry stops [R]"),
        new(JusticeStage.Dihentikan, JusticeStage.Penyelidikan, ReasonRule.Required, "inquiry resumed on new information (KUHAP Pasal 102(1): a report obliges an inquiry) [R]"),
        new(JusticeStage.LaporanPolisi, JusticeStage.Penyidikan, ReasonRule.Optional, "KUHAP Pasal 106, 109(1): investigation may start at once (e.g. caught in the act) [R]", "spdp_sent", SpdpSent),
        new(JusticeStage.Penyelidikan, JusticeStage.Penyidikan, ReasonRule.Optional, "KUHAP Pasal 109(1): SPDP to the prosecutor [R]", "spdp_sent", SpdpSent),
        new(JusticeStage.Penyidikan, JusticeStage.P19, ReasonRule.Required, "KUHAP Pasal 110(2)-(3), 138(2): file returned with instructions [R]"),
        new(JusticeStage.Penyidikan, JusticeStage.P21, ReasonRule.Optional, "KUHAP Pasal 110(4), 138(1) [R]"),
        new(JusticeStage.Penyidikan, JusticeStage.Sp3, ReasonRule.Required, "KUHAP Pasal 109(2) [R]"),
        new(JusticeStage.Penyidikan, JusticeStage.Dpo, ReasonRule.Required, "Polri wanted-list practice (DPO) [C vocabulary]"),
        new(JusticeStage.P19, JusticeStage.P19, ReasonRule.Required, "KUHAP Pasal 138(2): completed file returned again [R]"),
        new(JusticeStage.P19, JusticeStage.P21, ReasonRule.Optional, "KUHAP Pasal 138(1) [R]"),
        new(JusticeStage.P19, JusticeStage.Sp3, ReasonRule.Required, "KUHAP Pasal 109(2) [R]"),
        new(JusticeStage.P19, JusticeStage.Dpo, ReasonRule.Required, "Polri wanted-list practice (DPO) [C vocabulary]"),
        new(JusticeStage.P21, JusticeStage.TahapII, ReasonRule.Optional, "KUHAP Pasal 8(3)(b) [R]"),
        new(JusticeStage.P21, JusticeStage.Dpo, ReasonRule.Required, "Polri wanted-list practice (DPO) [C vocabulary]"),
        new(JusticeStage.TahapII, JusticeStage.Penuntutan, ReasonRule.Optional, "KUHAP Pasal 137, 143 [R]"),
        new(JusticeStage.TahapII, JusticeStage.Skp2, ReasonRule.Required, "KUHAP Pasal 140(2)(a): prosecution stopped (insufficient evidence, not a crime, closed by law) [R]"),
        new(JusticeStage.Skp2, JusticeStage.Penuntutan, ReasonRule.Required, "KUHAP Pasal 140(2)(d) (new reasons) or a pretrial ruling, Pasal 77-80 [R]"),
        new(JusticeStage.Penuntutan, JusticeStage.PutusanPn, ReasonRule.Optional, "KUHAP Pasal 191-197 [R]"),
        new(JusticeStage.PutusanPn, JusticeStage.Banding, ReasonRule.Optional, "KUHAP Pasal 233 [R]"),
        new(JusticeStage.PutusanPn, JusticeStage.Kasasi, ReasonRule.Optional, "KUHAP Pasal 244; MK 114/PUU-X/2012 (acquittals) [R]"),
        new(JusticeStage.PutusanPn, JusticeStage.Inkracht, ReasonRule.Optional, "KUHAP Pasal 233(2), 234: no appeal within 7 days [R]"),
        new(JusticeStage.Banding, JusticeStage.Kasasi, ReasonRule.Optional, "KUHAP Pasal 244-245 [R]"),
        new(JusticeStage.Banding, JusticeStage.Inkracht, ReasonRule.Optional, "KUHAP Pasal 245(1): no cassation within 14 days [R]"),
        new(JusticeStage.Kasasi, JusticeStage.Inkracht, ReasonRule.Optional, "KUHAP Pasal 253-254 [R]"),
        new(JusticeStage.Inkracht, JusticeStage.Eksekusi, ReasonRule.Optional, "KUHAP Pasal 270 [R]"),
        new(JusticeStage.Inkracht, JusticeStage.Dpo, ReasonRule.Required, "convict absconded before execution; Polri DPO practice [C vocabulary]"),
        new(JusticeStage.Sp3, JusticeStage.Penyidikan, ReasonRule.Required, "KUHAP Pasal 77-80 (praperadilan) or new evidence [R]"),
        new(JusticeStage.Dpo, JusticeStage.Penyidikan, ReasonRule.Optional, "person found; back to the stage left", DpoResume, ResumesStageBeforeDpo),
        new(JusticeStage.Dpo, JusticeStage.P19, ReasonRule.Optional, "person found; back to the stage left", DpoResume, ResumesStageBeforeDpo),
        new(JusticeStage.Dpo, JusticeStage.P21, ReasonRule.Optional, "person found; back to the stage left", DpoResume, ResumesStageBeforeDpo),
        new(JusticeStage.Dpo, JusticeStage.Inkracht, ReasonRule.Optional, "person found; back to the stage left", DpoResume, ResumesStageBeforeDpo),
    ];

    /// <summary>The state codes.</summary>
    public static readonly IReadOnlyList<KeyValuePair<JusticeStage, string>> StateCodes =
    [
        new(JusticeStage.LaporanPolisi, "laporan_polisi"),
        new(JusticeStage.Penyelidikan, "penyelidikan"),
        new(JusticeStage.Penyidikan, "penyidikan"),
        new(JusticeStage.P19, "p19"),
        new(JusticeStage.P21, "p21"),
        new(JusticeStage.TahapII, "tahap_ii"),
        new(JusticeStage.Penuntutan, "penuntutan"),
        new(JusticeStage.PutusanPn, "putusan_pn"),
        new(JusticeStage.Banding, "banding"),
        new(JusticeStage.Kasasi, "kasasi"),
        new(JusticeStage.Inkracht, "inkracht"),
        new(JusticeStage.Eksekusi, "eksekusi"),
        new(JusticeStage.Sp3, "sp3"),
        new(JusticeStage.Dpo, "dpo"),
        new(JusticeStage.Dihentikan, "dihentikan"),
        new(JusticeStage.Skp2, "skp2"),
    ];

    /// <summary>Gets the workflow.</summary>
    /// <value>The definition.</value>
    public static WorkflowDefinition<JusticeStage, CriminalJusticeContext> Default { get; } = new(
        Code,
        JusticeStage.LaporanPolisi,
        StateCodes,
        Transitions,
        [
            new DeadlineRule<JusticeStage, CriminalJusticeContext>(
                "p19_file_return",
                new HashSet<JusticeStage> { JusticeStage.P19 },
                new HashSet<JusticeStage> { JusticeStage.P19, JusticeStage.Dpo },
                new HashSet<JusticeStage> { JusticeStage.P19, JusticeStage.P21 },
                _ => DeadlineTerms.InDays(14, DayCounting.InclusiveOfStartDay, "KUHAP Pasal 138(2): completed file back within 14 days [R; counting convention U]", confirmed: false)),
        ]);

    private static string? SpdpSent(TransitionAttempt<JusticeStage, CriminalJusticeContext> a) =>
        a.Context.SpdpSentOn is { } sent && sent <= a.EffectiveOn
            ? null
            : WorkflowsText.SpdpDateFirst;

    private static string? ResumesStageBeforeDpo(TransitionAttempt<JusticeStage, CriminalJusticeContext> a)
    {
        string target = Default.ToCode(a.To);
        string? left = a.History.LastOrDefault(r => r.To == "dpo")?.From;
        return left == target ? null : Texts.Format(WorkflowsText.DpoReturnsToStageLeft, left, target);
    }
}
