namespace TaskForce.Domain.CourtOutcomes;

/// <summary>Sex of a person as recorded (HTCDS v2 <c>gender</c>, CTDC <c>gender</c>; SIMFONI-PPA jenis kelamin).</summary>
/// <remarks>Missing values are <see cref="Unknown"/>, never a guess (counting rule: missing goes to an
/// "incomplete data" bucket, docs/sources.md#ctdc).</remarks>
public enum Sex
{
    /// <summary>Not recorded. Wire code <c>unknown</c> (JSON <c>null</c> on input).</summary>
    Unknown = 0,

    /// <summary>Female (perempuan). Wire code <c>female</c>.</summary>
    Female = 1,

    /// <summary>Male (laki-laki). Wire code <c>male</c>.</summary>
    Male = 2,
}

/// <summary>How a defendant took part in the offence, as held proven in the verdict.</summary>
/// <remarks>UU 21/2007 Pasal 10 (attempt and aiding take the base article's penalty), Pasal 11 (conspiracy), and the
/// KUHP participation articles (Pasal 53 percobaan, Pasal 55 turut serta, Pasal 56 pembantuan; UU 1/2023 Pasal 17,
/// 20, 21 after 2 January 2026).</remarks>
public enum Participation
{
    /// <summary>The verdict record does not say. Wire code <c>unknown</c>.</summary>
    Unknown = 0,

    /// <summary>Perpetrator or co-perpetrator (pelaku, turut serta). Wire code <c>perpetrator</c>.</summary>
    Perpetrator = 1,

    /// <summary>Attempt (percobaan; UU 21/2007 Pasal 10). Wire code <c>attempt</c>.</summary>
    Attempt = 2,

    /// <summary>Aiding (pembantuan; UU 21/2007 Pasal 10). Wire code <c>aiding</c>.</summary>
    Aiding = 3,

    /// <summary>Conspiracy (permufakatan jahat; UU 21/2007 Pasal 11). Wire code <c>conspiracy</c>.</summary>
    Conspiracy = 4,

    /// <summary>Another form the record names. Wire code <c>other</c>.</summary>
    Other = 5,
}
