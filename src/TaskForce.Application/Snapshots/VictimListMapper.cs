using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>
/// Maps a stored case record (identity decrypted) to the record-linkage input of its victims: one
/// <see cref="VictimListEntry"/> per victim, on the list of the reporting agency.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Counted records only: a trafficking case (type <c>tppo</c> or the SIMFONI-PPA form <c>trafficking</c>), and
/// only its victims whose consent to reporting stands now (<see cref="CaseRecord.CountsForReporting"/>; ADR-018: a
/// victim who withdrew it leaves the lists built after the withdrawal), as <c>victims_identified</c> counts
/// (ADR-008); others give no entry.</item>
/// <item>List: <see cref="VictimLists.AgencyListCode"/> of the reporting agency. Record id: <c>case id/person id</c>.</item>
/// <item>Identity: the NIK and full name of the victim's identity, the birth date, and the case's kecamatan of origin.</item>
/// <item>Strata: sex; child/adult at the act (<see cref="Victim.ChildStatusAtOffence"/>); the SDG form of the case's
/// purposes when it has exactly one (a case with several forms, or none, is <see cref="ExploitationForm.Unknown"/>:
/// a person belongs to one stratum); the report's business date as the identification date.</item>
/// </list>
/// The entries hold identity in memory for the linker only (UU 21/2007 Pasal 44): never store or log them.
/// </remarks>
public static class VictimListMapper
{
    /// <summary>Tells whether a case has victims on the agency lists: a trafficking case with at least one victim
    /// consenting to reporting.</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when its victims are listed.</returns>
    public static bool IsListed(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Victims.Any(v => record.CountsForReporting(v.Id))
            && (record.CaseType == CaseType.Tppo || record.SimfoniForms.Contains(SimfoniViolenceForm.Trafficking));
    }

    /// <summary>Maps one case.</summary>
    /// <param name="record">The case with its identity readable. Cannot be <see langword="null"/>.</param>
    /// <returns>One entry per victim consenting to reporting; none when <see cref="IsListed"/> is false.</returns>
    public static IReadOnlyList<VictimListEntry> Map(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IsListed(record))
        {
            return [];
        }

        string list = VictimLists.AgencyListCode(record.ReportingAgency.Kind.ToCode(), record.ReportingAgency.Name);
        var forms = ExploitationForms.Of(PurposeSet.Of(record.Elements.Purposes));
        ExploitationForm form = forms switch
        {
            CaseExploitationForms.SexualExploitation => ExploitationForm.SexualExploitation,
            CaseExploitationForms.ForcedLabour => ExploitationForm.LabourExploitation,
            CaseExploitationForms.Other => ExploitationForm.Other,
            _ => ExploitationForm.Unknown,
        };
        return [.. record.Victims.Where(v => record.CountsForReporting(v.Id)).Select(v => new VictimListEntry
        {
            List = list,
            RecordId = $"{record.Id.Value}/{v.Id.Value}",
            Nik = v.Identity.NationalIdNumber,
            Name = v.Identity.FullName,
            BirthDate = v.BirthDate,
            Kecamatan = record.Places.OriginKecamatan?.Value,
            Sex = v.Sex,
            ChildStatus = v.ChildStatusAtOffence(),
            Form = form,
            IdentifiedOn = record.ReportedOn,
        })];
    }
}
