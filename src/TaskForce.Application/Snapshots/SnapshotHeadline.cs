using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>The figures a reader asks for first — how many victims, of what kind, how far did the cases get — read
/// from a snapshot's cells; the report's summary and the tool's summary both say these (ADR-026). A figure is
/// <see langword="null"/> when its cell is absent or withheld.</summary>
/// <param name="Snapshot">The snapshot read.</param>
public sealed record SnapshotHeadline(IndicatorSnapshot Snapshot)
{
    /// <summary>Gets the verdicts decided in the period (court records, never withheld).</summary>
    /// <value>A count, or <see langword="null"/> when absent.</value>
    public decimal? Verdicts => Cell(IndicatorIds.Cases);

    /// <summary>Gets the victims in the verdicts decided in the period.</summary>
    /// <value>Persons.</value>
    public decimal? CourtVictims => Cell(IndicatorIds.Victims);

    /// <summary>Gets whether any verdict was decided in the period.</summary>
    /// <value><see langword="true"/> when <see cref="Verdicts"/> is above 0.</value>
    public bool HasVerdicts => Verdicts > 0;

    /// <summary>Gets whether case records were read for the period (at least one case reported in it).</summary>
    /// <value><see langword="true"/> when the coverage names a case reported in the period.</value>
    public bool HasCaseRecords => Snapshot.Coverage.CaseRecords is { CasesReportedInPeriod: > 0 };

    /// <summary>Gets the victims of trafficking identified in case records (distinct persons).</summary>
    /// <value>Persons, or <see langword="null"/> when withheld or absent.</value>
    public decimal? VictimsIdentified => Cell(IndicatorIds.VictimsIdentified);

    /// <summary>Gets the cases reported in the period (all case types).</summary>
    /// <value>Cases, or <see langword="null"/> when withheld or absent.</value>
    public decimal? CasesReported => Cell(IndicatorIds.CasesReported);

    /// <summary>Gets the median prison sentence of the period's verdicts.</summary>
    /// <value>Months.</value>
    public decimal? MedianSentenceMonths => Cell(IndicatorIds.SentenceMonths, ("stat", "median"));

    /// <summary>Gets the verdicts ordering restitution (UU 21/2007 Pasal 48).</summary>
    /// <value>Verdicts.</value>
    public decimal? RestitutionVerdicts => Cell(IndicatorIds.RestitutionOrdered, ("stat", "cases"));

    /// <summary>Gets the restitution ordered in total.</summary>
    /// <value>Rupiah.</value>
    public decimal? RestitutionTotal => Cell(IndicatorIds.RestitutionOrdered, ("stat", "total_idr"));

    /// <summary>Returns a court victim count by one dimension's code (e.g. sex = female).</summary>
    /// <param name="dimension">The dimension key.</param>
    /// <param name="code">The code.</param>
    /// <returns>Persons; 0 when the verdicts have none.</returns>
    public decimal CourtVictimsBy(string dimension, string code) => Cell(IndicatorIds.Victims, (dimension, code)) ?? 0m;

    /// <summary>Returns the case-record justice funnel's count at a stage.</summary>
    /// <param name="stage">The stage code, e.g. <c>p21</c>.</param>
    /// <returns>Cases, or <see langword="null"/> when withheld or absent.</returns>
    public decimal? Funnel(string stage) => Cell(IndicatorIds.JusticeFunnel, ("stage", stage));

    /// <summary>Gets the most frequent form of exploitation among the court victims (ties: the catalogue's order),
    /// other than unknown.</summary>
    /// <value>The form code and its count, or <see langword="null"/> when no victim has a known form.</value>
    public (string Form, decimal Count)? TopCourtForm =>
        Snapshot.Indicators
            .Where(c => c.Id == IndicatorIds.Victims && c.Disaggregation.Count == 1 && c.Disaggregation[0].Key == "exploitation_form"
                && c.Disaggregation[0].Value != "unknown" && c.Value > 0)
            .Select(c => (c.Disaggregation[0].Value, c.Value!.Value))
            .OrderByDescending(x => x.Item2)
            .Select(x => ((string Form, decimal Count)?)x)
            .FirstOrDefault();

    /// <summary>Returns the value of the cell of an indicator with exactly the given disaggregation.</summary>
    /// <param name="id">The indicator id.</param>
    /// <param name="dims">The dimensions; none for the total.</param>
    /// <returns>The value, or <see langword="null"/> when the cell is absent or withheld.</returns>
    public decimal? Cell(string id, params (string Key, string Value)[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var cell = Snapshot.Indicators.FirstOrDefault(c => c.Id == id && c.Disaggregation.Count == dims.Length
            && c.Disaggregation.Zip(dims).All(p => p.First.Key == p.Second.Key && p.First.Value == p.Second.Value));
        return cell is { Suppressed: false } ? cell.Value : null;
    }
}
