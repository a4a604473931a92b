using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TaskForce.Domain.Common;

/// <summary>
/// Folds a person's name as recorded into the one form that de-duplication (<see cref="Cases.PersonKeyer"/>) and record
/// linkage (<see cref="Estimation.Linkage.RecordLinker"/>) compare, so the two never disagree about whether two
/// spellings are one name.
/// </summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item>Case: letters are upper-cased (invariant culture).</item>
/// <item>Accents: the letters of Latin-1 Supplement and Latin Extended-A lose their accents (é → E, ç → C, ñ → N,
/// ł → L) and the ligatures are spelled out (æ → AE, œ → OE, ß → SS, þ → TH); combining accents typed after a letter
/// are dropped. The library runs with invariant globalization, where Unicode normalisation is not available, so the
/// fold is a table. Letters of other scripts are kept, upper-cased.</item>
/// <item>Apostrophes (<c>'</c>, <c>’</c>, <c>‘</c>, <c>ʼ</c>, <c>ʻ</c>, <c>`</c>, <c>´</c>) are dropped without a
/// break: in Indonesian names they mark a glottal stop inside one word (Ma'ruf, Nur'aini, Jum'at) and are as often
/// left out (Maruf, Nuraini).</item>
/// <item>Spacing and punctuation: every run of other characters that are neither letters nor digits (spaces, dots,
/// hyphens, commas, brackets) becomes one space; leading and trailing spaces are removed. Digits are kept, so
/// placeholder names such as "Korban 1" and "Korban 2" stay apart.</item>
/// <item>Titles: leading forms of address (Ny., Nn., Nona, Tn., Tuan, Sdr., Sdri., Saudara, Saudari, Bpk., Bapak,
/// Ibu, An., Anak) are dropped, as police and service records prefix them to the same name; a name that is nothing
/// but such words is kept as it is. A title inside the name is part of it (the surname Tuan, "Yohana Nona").</item>
/// </list>
/// <para>Nothing else is done: no fuzzy matching and no reordering of words; <see cref="Estimation.Linkage.RecordLinker"/>
/// compares the folded names with Jaro–Winkler on top of this, and <see cref="Cases.PersonKeyer"/> requires them to be
/// equal.</para>
/// </remarks>
/// <example>
/// <code>
/// NameNormaliser.Normalise("  Maria   Fernandes-da Costa ")  // "MARIA FERNANDES DA COSTA"
/// NameNormaliser.Normalise("Ny. Maria Goreti-Taek")          // "MARIA GORETI TAEK"
/// NameNormaliser.Normalise("José Conceição Ximenes")         // "JOSE CONCEICAO XIMENES"
/// NameNormaliser.Normalise("Nur'aini binti Ma’ruf")          // "NURAINI BINTI MARUF"
/// NameNormaliser.Normalise("Korban 2")                       // "KORBAN 2"
/// NameNormaliser.Normalise(null)                              // ""
/// </code>
/// </example>
/// <threadsafety>Thread-safe.</threadsafety>
public static class NameNormaliser
{
    /// <summary>Base letters of U+00C0 to U+017F ('?' where the fold is not one letter).</summary>
    private const string LatinFold =
        "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??AAAAAA?CEEEEIIII?NOOOOO??UUUUY?YAAAAAACCCCCCCCDD??EEEEEEEEEEGGGGGGGGHH??IIIIIIIII?IIJJKK?LLLLLLLL??NNNNNN???OOOOOO??RRRRRRSSSSSSSSTTTT??UUUUUUUUUUUUWWYYYZZZZZZS";

    private static readonly FrozenSet<string> Titles = new[]
    {
        "NY", "NN", "NONA", "TN", "TUAN", "SDR", "SDRI", "SAUDARA", "SAUDARI", "BPK", "BAPAK", "IBU", "AN", "ANAK",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Folds a name for comparison.</summary>
    /// <param name="name">The name as recorded, or <see langword="null"/>.</param>
    /// <returns>Upper-case letters without accents and digits, words separated by one space, leading titles dropped;
    /// an empty string for <see langword="null"/>, blank or punctuation-only input. For example
    /// <c>"Ny. Maria  Goreti-Taek"</c> gives <c>"MARIA GORETI TAEK"</c>.</returns>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var words = new List<string>();
        var word = new StringBuilder(name.Length);
        foreach (char ch in name)
        {
            if (IsApostrophe(ch) || IsCombiningMark(ch))
            {
                continue;
            }

            if (Fold(ch) is { } letters)
            {
                word.Append(letters);
                continue;
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        int first = 0;
        while (first < words.Count - 1 && Titles.Contains(words[first]))
        {
            first++;
        }

        return string.Join(' ', words.Skip(first));
    }

    private static bool IsApostrophe(char ch) => ch is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '`' or '\u00B4';

    private static bool IsCombiningMark(char ch) => char.GetUnicodeCategory(ch)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Returns a character as upper-case letters without accents, or <see langword="null"/> for a separator.</summary>
    private static string? Fold(char ch)
    {
        if (ch < 0x80)
        {
            return char.IsAsciiLetterOrDigit(ch) ? char.ToUpperInvariant(ch).ToString() : null;
        }

        if (ch is >= '\u00C0' and <= '\u017F')
        {
            char b = LatinFold[ch - 0xC0];
            if (b != '?')
            {
                return b.ToString();
            }

            return ch switch
            {
                '\u00C6' or '\u00E6' => "AE",
                '\u00D0' or '\u00F0' or '\u0110' or '\u0111' => "D",
                '\u00D8' or '\u00F8' => "O",
                '\u00DE' or '\u00FE' => "TH",
                '\u00DF' => "SS",
                '\u0126' or '\u0127' => "H",
                '\u0131' => "I",
                '\u0138' => "K",
                '\u0141' or '\u0142' => "L",
                '\u0149' or '\u014A' or '\u014B' => "N",
                '\u0152' or '\u0153' => "OE",
                '\u0166' or '\u0167' => "T",
                _ => null, // multiplication and division signs
            };
        }

        return char.IsLetterOrDigit(ch) ? char.ToUpperInvariant(ch).ToString() : null;
    }
}
