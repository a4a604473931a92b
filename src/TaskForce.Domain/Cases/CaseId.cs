using System.Text.RegularExpressions;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// The identifier of a case record, chosen by the creating client (so a retried create can be recognised) or
/// generated with <see cref="New(Guid)"/>.
/// </summary>
/// <remarks>
/// One to <see cref="MaxLength"/> characters from <c>[A-Za-z0-9_-]</c>: safe as an Azure Table partition or row key
/// (which forbid <c>/ \ # ?</c> and control characters, docs/sources.md#azure-table-storage) and in a URL path. It must not carry
/// personal data (UU 21/2007 Pasal 44): never build it from a name or an ID number.
/// </remarks>
public sealed partial record CaseId
{
    /// <summary>The longest identifier accepted, in characters.</summary>
    public const int MaxLength = 64;

    private CaseId(string value) => Value = value;

    /// <summary>Gets the identifier.</summary>
    /// <value>For example <c>c-7f3a9c0e</c>.</value>
    public string Value { get; }

    /// <summary>Parses an identifier.</summary>
    /// <param name="value">The identifier.</param>
    /// <param name="field">The snake_case wire name of the field, named in the error.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="DomainValidationException">The value is missing, longer than <see cref="MaxLength"/>, or has
    /// a character outside <c>[A-Za-z0-9_-]</c>.</exception>
    public static CaseId Parse(string? value, string field = "id")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new DomainValidationException(field, CasesText.CaseIdRequired);
        }

        if (value.Length > MaxLength || !Pattern().IsMatch(value))
        {
            throw new DomainValidationException(field, Texts.Format(CasesText.CaseIdInvalid, MaxLength));
        }

        return new CaseId(value);
    }

    /// <summary>Creates an identifier from a GUID (e.g. <c>Guid.CreateVersion7()</c> in the adapter).</summary>
    /// <param name="value">The GUID.</param>
    /// <returns>The identifier, 32 lower-case hex digits.</returns>
    public static CaseId New(Guid value) => new(value.ToString("N"));

    /// <inheritdoc/>
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>The identifier of a person within a case: its role and its position, e.g. <c>victim-1</c>.</summary>
/// <param name="Value">The identifier.</param>
public sealed record PersonId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
