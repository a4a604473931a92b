namespace TaskForce.Domain.Common;

/// <summary>
/// Marks a property whose value identifies a person, alone or combined with others. Adapters must keep such values
/// out of indicators, exports and logs, show them only to the owning agency and the task-force coordinator, and
/// store them protected (docs/decisions/ADR-004-identity-fields.md).
/// </summary>
/// <remarks>
/// Legal basis: UU 21/2007 Pasal 44(1)–(2) (a TPPO witness or victim, and their family up to the second degree when
/// threatened, has the right to confidentiality of identity) and Pasal 24 (disclosing it after notice is an offence,
/// 3–7 years); UU 35/2014 Pasal 64 huruf i and UU 11/2012 (SPPA) Pasal 19 for children (recalled, to check); UU 27/2022 (personal data
/// protection) for everyone else, suspects included. The same marks are listed as wire paths in
/// <c>TaskForce.Domain.Cases.IdentityFields</c> for adapters that do not use reflection.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class IdentifyingAttribute : Attribute
{
    /// <summary>Creates the mark.</summary>
    /// <param name="kind">Whether the value identifies directly or only in combination.</param>
    public IdentifyingAttribute(IdentifyingKind kind = IdentifyingKind.Direct) => Kind = kind;

    /// <summary>Gets whether the value identifies directly or only in combination.</summary>
    /// <value>The kind.</value>
    public IdentifyingKind Kind { get; }
}

/// <summary>How a marked value identifies a person.</summary>
public enum IdentifyingKind
{
    /// <summary>Identifies on its own: a name, an ID number (NIK), an address, a phone number.</summary>
    Direct = 1,

    /// <summary>Identifies in combination with other values (a quasi-identifier): an exact birth date, a birth place.
    /// Indicators use derived, coarser values instead (age at offence, age group).</summary>
    QuasiIdentifier = 2,
}
