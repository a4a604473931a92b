using TaskForce.Domain.Common;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Subjects;

/// <summary>
/// The retention rules that override an erasure request (setting <c>TaskForce:Erasure:RetainUnderCriminalProceedings</c>,
/// ADR-019).
/// </summary>
/// <remarks>
/// <para>UU 27/2022 gives the person recorded the right to have their data erased (Pasal 8) and obliges the controller
/// to erase it (Pasal 16(2) read with Pasal 43 and 44). Pasal 15(1) sets those rights aside "for the purposes
/// of law enforcement" (kepentingan proses penegakan hukum) among others — a case under criminal proceedings is such
/// a purpose: the record is evidence for the investigator and the prosecutor (KUHAP Pasal 109(1): the SPDP tells the
/// prosecutor an investigation has started). Unconfirmed: the exact letter of Pasal 15(1) and whether Pasal 44
/// (erasure when the retention period ends) adds further cases; see docs/decisions/ADR-019.</para>
/// <para>The rule is on by default; a deployment whose legal adviser decides otherwise may turn it off.</para>
/// </remarks>
/// <param name="RetainUnderCriminalProceedings">Whether an erasure is refused while a case holding the person has an
/// SPDP recorded (criminal proceedings have started).</param>
public sealed record ErasureRetentionOptions(bool RetainUnderCriminalProceedings)
{
    /// <summary>The configuration key of <see cref="RetainUnderCriminalProceedings"/>.</summary>
    public const string RetainUnderCriminalProceedingsKey = "TaskForce:Erasure:RetainUnderCriminalProceedings";

    /// <summary>Gets the default: retain under criminal proceedings.</summary>
    /// <value><see cref="RetainUnderCriminalProceedings"/> is <see langword="true"/>.</value>
    public static ErasureRetentionOptions Default { get; } = new(true);

    /// <summary>Parses the setting.</summary>
    /// <param name="value"><c>true</c> or <c>false</c> (any case); <see langword="null"/> or blank for the default.</param>
    /// <returns>The options.</returns>
    /// <exception cref="DomainValidationException">The value is neither (field names the setting).</exception>
    public static ErasureRetentionOptions Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? Default
        : bool.TryParse(value.Trim(), out bool retain) ? new(retain)
        : throw new DomainValidationException(RetainUnderCriminalProceedingsKey, SubjectsText.ErasureRetentionOptionsSetTrueFalse);
}
