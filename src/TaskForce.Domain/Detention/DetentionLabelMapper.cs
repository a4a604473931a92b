using System.Globalization;
using System.Text.RegularExpressions;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Detention;

/// <summary>The stage read from a verdict's free-text detention label, or why none could be read.</summary>
/// <param name="Label">The label as printed.</param>
/// <param name="Stage">The stage, or <see langword="null"/> when unrecognised.</param>
/// <param name="Type">Where the detainee was held (from a "(tahanan kota)" or "(tahanan rumah)" suffix).</param>
/// <param name="Note">How the label was read (e.g. "granted by the Vice-Chair", "ordinal taken from position") or
/// why it was not recognised; <see langword="null"/> for a plain match.</param>
public sealed record DetentionLabelMapping(string Label, DetentionStage? Stage, DetentionType Type, string? Note)
{
    /// <summary>Gets whether a stage was recognised.</summary>
    /// <value><see langword="true"/> when <see cref="Stage"/> is set.</value>
    public bool Recognised => Stage is not null;

    /// <summary>Gets the stage code, or <c>unrecognised</c>.</summary>
    /// <value>A contract stage code.</value>
    public string StageCode => Stage?.ToCode() ?? DetentionStages.Unrecognised;
}

/// <summary>
/// Reads the <c>by</c> labels of the verdict data (samples/verdicts/verdicts.jsonl) into the contract's stage
/// codes, returning "unrecognised" rather than guessing.
/// </summary>
/// <remarks>
/// <para>The labels come from first-instance (PN) verdicts, which list the detention up to the verdict. So "hakim PN"
/// and "majelis hakim" are the district court's detention (KUHAP Pasal 26(1)); "perpanjangan ketua PN" with no stage
/// or "(1)" is its extension (26(2)); "perpanjangan penuntut umum" is the prosecutor's extension of investigative
/// detention (24(2)); "perpanjangan ketua PN (penyidikan …)" is a Pasal 29 extension at investigation (the Ketua PN
/// extends investigative detention only under Pasal 29(3)(a)); "perpanjangan ketua PN (penuntutan …)" is the
/// extension of the prosecutor's detention (25(2)); and "perpanjangan ketua PT (n)" is the n-th Pasal 29 extension of
/// the district court's detention, which the Ketua PT grants (29(3)(b)). A Vice-Chair (wakil ketua) acting for the
/// chair is read as the chair and noted.</para>
/// <para>A Pasal 29 label without an ordinal ("perpanjangan ketua PT", "(penyidikan)") takes its ordinal from its
/// position among the Pasal 29 labels of the same level in the chain (<see cref="MapChain"/>); a third one is
/// unrecognised. Labels the data marks "sic", labels naming an authority that cannot grant that detention, a
/// "(penuntutan, n)" with n ≥ 2 and anything else are unrecognised.</para>
/// </remarks>
public static partial class DetentionLabelMapper
{
    /// <summary>Maps one label without chain context.</summary>
    /// <param name="label">The label as printed.</param>
    /// <returns>The mapping; a Pasal 29 label without an ordinal is mapped to the first extension and noted, since
    /// without the chain its position is unknown (use <see cref="MapChain"/> for chains).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is <see langword="null"/>.</exception>
    public static DetentionLabelMapping Map(string label) => MapChain([label])[0];

    /// <summary>Maps the labels of one chain, in listed order.</summary>
    /// <param name="labels">The labels as printed, in the verdict's order.</param>
    /// <returns>One mapping per label, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> or a label is <see langword="null"/>.</exception>
    public static IReadOnlyList<DetentionLabelMapping> MapChain(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var pasal29Seen = new Dictionary<DetentionLevel, int>();
        var result = new List<DetentionLabelMapping>(labels.Count);
        foreach (string label in labels)
        {
            ArgumentNullException.ThrowIfNull(label);
            var (mapping, pasal29Level, ordinal) = MapOne(label);
            if (pasal29Level is { } level)
            {
                int seen = pasal29Seen.GetValueOrDefault(level);
                pasal29Seen[level] = seen + 1;
                if (ordinal is null)
                {
                    mapping = seen switch
                    {
                        0 => mapping with { Stage = DetentionStages.Of(level, DetentionStep.Pasal29First), Note = Join(mapping.Note, DetentionText.LabelPasal29FirstByPosition) },
                        1 => mapping with { Stage = DetentionStages.Of(level, DetentionStep.Pasal29Second), Note = Join(mapping.Note, DetentionText.LabelPasal29SecondByPosition) },
                        _ => mapping with { Stage = null, Note = DetentionText.LabelNoThirdPasal29 },
                    };
                }
            }

            result.Add(mapping);
        }

        return result;
    }

    private static (DetentionLabelMapping Mapping, DetentionLevel? Pasal29Level, int? Ordinal) MapOne(string label)
    {
        string text = Spaces().Replace(label.Trim().ToUpperInvariant(), " ");
        var type = DetentionType.Rutan;
        if (text.EndsWith("(TAHANAN KOTA)", StringComparison.Ordinal))
        {
            type = DetentionType.TahananKota;
            text = text[..^"(TAHANAN KOTA)".Length].TrimEnd();
        }
        else if (text.EndsWith("(TAHANAN RUMAH)", StringComparison.Ordinal))
        {
            type = DetentionType.TahananRumah;
            text = text[..^"(TAHANAN RUMAH)".Length].TrimEnd();
        }

        DetentionLabelMapping Plain(DetentionStage stage, string? note = null) => new(label, stage, type, note);
        DetentionLabelMapping Unrecognised(string why) => new(label, null, type, why);

        if (Sic().IsMatch(text))
        {
            return (Unrecognised(DetentionText.LabelMarkedErroneous), null, null);
        }

        switch (text)
        {
            case "PENYIDIK":
                return (Plain(DetentionStage.Penyidik), null, null);
            case "PERPANJANGAN PENUNTUT UMUM":
            case "PERPANJANGAN PENUNTUT UMUM (PASAL 24)":
                return (Plain(DetentionStage.PenyidikPerpanjangan), null, null);
            case "PENUNTUT UMUM":
                return (Plain(DetentionStage.PenuntutUmum), null, null);
            case "HAKIM PN":
            case "MAJELIS HAKIM":
                return (Plain(DetentionStage.HakimPn, text == "MAJELIS HAKIM" ? DetentionText.LabelPanelOfFirstInstance : null), null, null);
        }

        var m = Extension().Match(text);
        if (!m.Success)
        {
            return (Unrecognised(DetentionText.LabelNotInVocabulary), null, null);
        }

        string? vice = m.Groups["wakil"].Success ? DetentionText.LabelGrantedByViceChair : null;
        string court = m.Groups["court"].Value;
        string inner = m.Groups["inner"].Success ? m.Groups["inner"].Value : string.Empty;
        var parts = inner.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? phase = parts.FirstOrDefault(p => p is "PENYIDIKAN" or "PENUNTUTAN");
        int? ordinal = parts.Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) ? k : (int?)null).FirstOrDefault(k => k is not null);
        bool unknownPart = parts.Any(p => p is not ("PENYIDIKAN" or "PENUNTUTAN") && !p.StartsWith("PASAL", StringComparison.Ordinal) && !int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _));
        if (unknownPart)
        {
            return (Unrecognised(DetentionText.LabelNotInVocabulary), null, null);
        }

        if (court == "PT")
        {
            if (phase is not null)
            {
                return (Unrecognised(DetentionText.LabelKetuaPtNotForInvestigation), null, null);
            }

            return ordinal switch
            {
                null => (Plain(DetentionStage.HakimPnPasal29Pertama, vice), DetentionLevel.PengadilanNegeri, null),
                1 => (Plain(DetentionStage.HakimPnPasal29Pertama, Join(vice, DetentionText.LabelKetuaPtExtension)), DetentionLevel.PengadilanNegeri, 1),
                2 => (Plain(DetentionStage.HakimPnPasal29Kedua, Join(vice, DetentionText.LabelKetuaPtExtension)), DetentionLevel.PengadilanNegeri, 2),
                _ => (Unrecognised(DetentionText.LabelNoThirdPasal29), null, null),
            };
        }

        return phase switch
        {
            null when ordinal is null or 1 => (Plain(DetentionStage.HakimPnPerpanjangan, vice), null, null),
            null => (Unrecognised(DetentionText.LabelNoSecondOrdinaryExtension), null, null),
            "PENUNTUTAN" when ordinal is null or 1 => (Plain(DetentionStage.PenuntutUmumPerpanjangan, vice), null, null),
            "PENUNTUTAN" => (Unrecognised(DetentionText.LabelProsecutorSecondAmbiguous), null, null),
            _ => ordinal switch
            {
                null => (Plain(DetentionStage.PenyidikPasal29Pertama, vice), DetentionLevel.Penyidikan, null),
                1 => (Plain(DetentionStage.PenyidikPasal29Pertama, vice), DetentionLevel.Penyidikan, 1),
                2 => (Plain(DetentionStage.PenyidikPasal29Kedua, vice), DetentionLevel.Penyidikan, 2),
                _ => (Unrecognised(DetentionText.LabelNoThirdPasal29), null, null),
            },
        };
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + "; " + b;

    [GeneratedRegex(@"\bSIC\b", RegexOptions.CultureInvariant)]
    private static partial Regex Sic();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^PERPANJANGAN (?<wakil>WAKIL )?KETUA (?<court>PN|PT)(?: \((?<inner>[^()]*)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Extension();
}
