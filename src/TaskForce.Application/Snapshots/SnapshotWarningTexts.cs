using System.Globalization;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// The texts of the warnings the application adds to a snapshot, by code (ADR-030). A stored snapshot is read later
/// by people of either language, so it keeps the warning's <b>code</b> (stable, the key) and the neutral English text
/// (the snapshot JSON's contract is unchanged); a reader shows the text in its own language by rendering the code
/// here. Texts live in <c>Resources/SnapshotsText</c> under <c>SnapshotWarning_{code}</c>.
/// </summary>
public static class SnapshotWarningTexts
{
    /// <summary>Returns a warning's text in a language.</summary>
    /// <param name="code">The warning code, e.g. <c>records_without_linkage_identity</c>.</param>
    /// <param name="language"><see cref="Texts.Indonesian"/> or <see cref="Texts.English"/>.</param>
    /// <returns>The text, or <see langword="null"/> when the code is not one of the application's warnings (the
    /// domain's own warnings carry their texts).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string? Render(string code, CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(language);
        return SnapshotsText.ResourceManager.GetString("SnapshotWarning_" + code, language);
    }
}
