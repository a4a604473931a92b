namespace TaskForce.Domain.Estimation;

/// <summary>A confidence interval for the total population N (observed + hidden).</summary>
/// <param name="Low">Lower limit, persons.</param>
/// <param name="High">Upper limit, persons.</param>
/// <param name="Level">Confidence level, in (0, 1), e.g. 0.95.</param>
/// <param name="Method">The method's wire code: <c>wald_log_dark_figure</c>, <c>profile_likelihood</c> or
/// <c>bca_bootstrap</c>.</param>
public sealed record MseInterval(double Low, double High, double Level, string Method);

/// <summary>A fitted coefficient of the log-linear model.</summary>
/// <param name="Term">The term: <c>(Intercept)</c>, a list name, or two names joined by ':'.</param>
/// <param name="Estimate">The coefficient (log scale).</param>
/// <param name="StandardError">Its standard error from the inverse Fisher information.</param>
public sealed record MseCoefficient(string Term, double Estimate, double StandardError);

/// <summary>One step of stepwise selection: the term added and the evidence for it.</summary>
/// <param name="Step">1-based step number.</param>
/// <param name="Term">The term added, e.g. <c>PF:NCA</c>.</param>
/// <param name="ObservedOverlap">People on both lists, whatever other lists they are on.</param>
/// <param name="ExpectedOverlap">Their expected number under the model before this step.</param>
/// <param name="PValue">min(P(X ≤ observed), P(X ≥ observed)) for X Poisson with the expected mean, in (0, 1].</param>
/// <param name="EmptyOverlap">Whether the two lists share nobody (the term's parameter is −∞).</param>
public sealed record MseStep(int Step, string Term, long ObservedOverlap, double ExpectedOverlap, double PValue, bool EmptyOverlap);

/// <summary>For a term whose lists share nobody, the probability of that under the model without the term
/// (SparseMSE's <c>poisspempty</c>); a small value means the empty overlap is itself evidence of dependence.</summary>
/// <param name="Term">The term, e.g. <c>K:R</c>.</param>
/// <param name="Probability">exp(−λ), λ the expected overlap without the term, in (0, 1].</param>
public sealed record MseEmptyOverlap(string Term, double Probability);

/// <summary>A warning about the data or the fit; the estimate is still given but should be read with it.</summary>
/// <param name="Code">A stable snake_case code, e.g. <c>list_without_overlap</c>.</param>
/// <param name="Message">What it means, in plain words.</param>
public sealed record MseWarning(string Code, string Message);

/// <summary>The BCa bootstrap result.</summary>
/// <param name="Interval">The BCa interval at the requested level.</param>
/// <param name="Quantiles">BCa quantiles of N at SparseMSE's default probabilities 0.025, 0.05, 0.1, 0.16, 0.84,
/// 0.9, 0.95, 0.975 (persons).</param>
/// <param name="Acceleration">The jackknife acceleration â.</param>
/// <param name="BiasCorrection">ẑ₀ = Φ⁻¹(share of resample estimates below the estimate).</param>
/// <param name="ResampleMean">Mean of the resample estimates of N (persons).</param>
/// <param name="ResampleStandardDeviation">Their standard deviation (n − 1 denominator, persons).</param>
/// <param name="Resamples">Resamples that gave an estimate.</param>
/// <param name="FailedResamples">Resamples whose model could not be fitted (left out).</param>
/// <param name="Seed">The seed used.</param>
public sealed record MseBootstrap(
    MseInterval Interval,
    IReadOnlyDictionary<double, double> Quantiles,
    double Acceleration,
    double BiasCorrection,
    double ResampleMean,
    double ResampleStandardDeviation,
    int Resamples,
    int FailedResamples,
    int Seed);

/// <summary>
/// A multiple systems estimate of the total number of victims, seen and unseen, from a capture-history table.
/// </summary>
/// <remarks>
/// <see cref="Estimate"/> = <see cref="Observed"/> + <see cref="DarkFigure"/>, the dark figure being exp(b₀), the
/// fitted count of the cell "on no list". <see cref="Wald"/> is SparseMSE's interval (<c>estimatepopulation.0</c>):
/// N = n + exp(b₀ ± z·se(b₀)), i.e. Wald on the log of the dark figure. Source: Chan, Silverman &amp; Vincent (2019),
/// "Multiple systems estimation for sparse capture data", arXiv:1902.05156, and SparseMSE 2.0.2.
/// </remarks>
public sealed record MseEstimate
{
    /// <summary>Gets the list names.</summary>
    /// <value>In the table's order.</value>
    public required IReadOnlyList<string> Lists { get; init; }

    /// <summary>Gets the number of people seen on at least one list.</summary>
    /// <value>Persons, ≥ 1.</value>
    public required long Observed { get; init; }

    /// <summary>Gets the model used.</summary>
    /// <value>As requested.</value>
    public required MseModel Model { get; init; }

    /// <summary>Gets the model's terms: the lists (main effects), then the two-list terms with a parameter in the
    /// order added, e.g. <c>LA, NG, PF, GO, GP, NCA, PF:NCA, LA:NG</c>.</summary>
    /// <value>Terms whose lists share nobody are in <see cref="EmptyOverlapTerms"/> instead.</value>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>Gets the model's two-list terms whose lists share nobody, in the order added: their parameter is −∞
    /// and the cells with both lists are left out of the fit.</summary>
    /// <value>Empty for most models.</value>
    public required IReadOnlyList<string> EmptyOverlapTerms { get; init; }

    /// <summary>Gets the fitted coefficients, intercept first.</summary>
    /// <value>One per column of the design.</value>
    public required IReadOnlyList<MseCoefficient> Coefficients { get; init; }

    /// <summary>Gets the estimated number of people on no list, exp(intercept).</summary>
    /// <value>Persons, &gt; 0 (not rounded).</value>
    public required double DarkFigure { get; init; }

    /// <summary>Gets the estimated total, <see cref="Observed"/> + <see cref="DarkFigure"/>.</summary>
    /// <value>Persons (not rounded).</value>
    public required double Estimate { get; init; }

    /// <summary>Gets the Wald interval on the log of the dark figure, as SparseMSE reports it.</summary>
    /// <value>Method <c>wald_log_dark_figure</c>.</value>
    public required MseInterval Wald { get; init; }

    /// <summary>Gets the profile-likelihood interval of N, or <see langword="null"/> when not requested or the
    /// profile did not reach the limits.</summary>
    /// <value>Method <c>profile_likelihood</c>.</value>
    public MseInterval? Profile { get; init; }

    /// <summary>Gets the BCa bootstrap result, or <see langword="null"/> when not requested.</summary>
    /// <value>Its interval has method <c>bca_bootstrap</c>.</value>
    public MseBootstrap? Bootstrap { get; init; }

    /// <summary>Gets the steps of stepwise selection.</summary>
    /// <value>Empty for the other models.</value>
    public required IReadOnlyList<MseStep> Steps { get; init; }

    /// <summary>Gets SparseMSE's <c>poisspempty</c> for each empty-overlap term.</summary>
    /// <value>One per entry of <see cref="EmptyOverlapTerms"/>.</value>
    public required IReadOnlyList<MseEmptyOverlap> EmptyOverlapProbabilities { get; init; }

    /// <summary>Gets the residual deviance of the fit.</summary>
    /// <value>≥ 0.</value>
    public required double Deviance { get; init; }

    /// <summary>Gets the residual degrees of freedom (cells in the fit − parameters).</summary>
    /// <value>≥ 0.</value>
    public required int ResidualDf { get; init; }

    /// <summary>Gets the number of cells (capture histories) in the fit.</summary>
    /// <value>2^k − 1 less the cells removed by empty-overlap terms.</value>
    public required int CellsInFit { get; init; }

    /// <summary>Gets SparseMSE's AIC: R's Poisson AIC plus 2 per empty-overlap term.</summary>
    /// <value>Unitless.</value>
    public required double Aic { get; init; }

    /// <summary>Gets warnings about the data or the fit.</summary>
    /// <value>Empty when there is nothing to say.</value>
    public required IReadOnlyList<MseWarning> Warnings { get; init; }
}
