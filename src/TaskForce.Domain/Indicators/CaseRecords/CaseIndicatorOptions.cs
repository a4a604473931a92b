namespace TaskForce.Domain.Indicators;

/// <summary>Options of the case-record indicators.</summary>
public sealed record CaseIndicatorOptions
{
    /// <summary>Gets the suppression threshold k, at least 1 (1 withholds nothing).</summary>
    /// <value>Default <see cref="IndicatorCatalogue.DefaultSuppressionK"/> (11, CTDC's publication rule).</value>
    public int SuppressionK { get; init; } = IndicatorCatalogue.DefaultSuppressionK;

    /// <summary>Gets the population table for SDG 16.2.2.</summary>
    /// <value>Default <see cref="PopulationTable.Embedded"/>.</value>
    public PopulationTable Population { get; init; } = PopulationTable.Embedded;

    /// <summary>Gets the CTDC global figures to set beside the task force's, or <see langword="null"/> for none.</summary>
    /// <value>Default none.</value>
    public CtdcReference? Ctdc { get; init; }
}
