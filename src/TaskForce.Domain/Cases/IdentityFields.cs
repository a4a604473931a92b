using TaskForce.Domain.Common;

namespace TaskForce.Domain.Cases;

/// <summary>
/// The wire paths of a case record that identify a person: the static list adapters use to redact, encrypt or
/// separate values without reflection (the same members carry <see cref="IdentifyingAttribute"/>).
/// </summary>
/// <remarks>
/// Legal basis: UU 21/2007 Pasal 44 (victims and witnesses, and threatened family up to the second degree) and
/// Pasal 24 (disclosure after notice is an offence); UU 27/2022 for every other person, suspects included. Paths use
/// <c>[]</c> for "every element of the list". The list is checked against the attributes by a test, so adding an
/// identifying member without listing it fails the build's tests. Storage policy: docs/decisions/ADR-004-identity-fields.md.
/// </remarks>
public static class IdentityFields
{
    private static readonly string[] IdentityMembers = ["full_name", "aliases", "national_id_number", "address", "phone", "birth_place"];

    /// <summary>Gets the identifying paths, each with how it identifies.</summary>
    /// <value>For example <c>victims[].identity.national_id_number</c> (direct) and <c>victims[].birth_date</c>
    /// (quasi-identifier).</value>
    public static IReadOnlyList<IdentityField> All { get; } =
    [
        .. new[] { "victims", "suspects", "witnesses" }.SelectMany(role => IdentityMembers.Select(m =>
            new IdentityField($"{role}[].identity.{m}", m == "birth_place" ? IdentifyingKind.QuasiIdentifier : IdentifyingKind.Direct))),
        new IdentityField("victims[].birth_date", IdentifyingKind.QuasiIdentifier),
    ];

    /// <summary>Tells whether a wire path is identifying.</summary>
    /// <param name="path">A path in the form of <see cref="All"/>, e.g. <c>victims[].identity.phone</c>; list indexes
    /// such as <c>victims[3]</c> are accepted and read as <c>victims[]</c>.</param>
    /// <returns><see langword="true"/> when the path or an ancestor (e.g. <c>victims[].identity</c>) is listed.</returns>
    public static bool IsIdentifying(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        string normalized = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return All.Any(f => f.Path == normalized || f.Path.StartsWith(normalized + ".", StringComparison.Ordinal));
    }
}

/// <summary>One identifying wire path.</summary>
/// <param name="Path">The path, e.g. <c>witnesses[].identity.full_name</c>.</param>
/// <param name="Kind">Whether it identifies directly or in combination.</param>
public sealed record IdentityField(string Path, IdentifyingKind Kind);
