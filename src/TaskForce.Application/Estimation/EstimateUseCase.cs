using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Estimation;

/// <summary>What the caller asks for: the model and its options, as given on the command line or in the query.</summary>
/// <param name="Model"><c>independence</c> or <c>stepwise</c> (default), or null for the default.</param>
/// <param name="PThreshold">The stepwise p-value threshold in [0, 1], or null for 0.02.</param>
/// <param name="BootstrapResamples">Resamples for a BCa interval in [100, 100000], or null for none.</param>
/// <param name="Seed">The bootstrap seed, or null for 1234.</param>
public sealed record EstimateRequest(string? Model, double? PThreshold, int? BootstrapResamples, int? Seed);

/// <summary>A warning in the response.</summary>
/// <param name="Code">A snake_case code.</param>
/// <param name="Message">What it means.</param>
public sealed record EstimateWarning(string Code, string Message);

/// <summary>One stepwise step in the response.</summary>
/// <param name="Step">1-based.</param>
/// <param name="Term">The term added.</param>
/// <param name="ObservedOverlap">People on both lists.</param>
/// <param name="ExpectedOverlap">Expected under the model before the step.</param>
/// <param name="PValue">The Poisson p-value.</param>
/// <param name="EmptyOverlap">Whether the lists share nobody.</param>
public sealed record EstimateStep(int Step, string Term, long ObservedOverlap, double ExpectedOverlap, double PValue, bool EmptyOverlap);

/// <summary>The BCa part of the response.</summary>
/// <param name="CiLow">Lower limit, persons, or null when the bootstrap is degenerate.</param>
/// <param name="CiHigh">Upper limit, persons, or null when the bootstrap is degenerate.</param>
/// <param name="Resamples">Resamples used.</param>
/// <param name="FailedResamples">Resamples that could not be fitted.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Acceleration">The jackknife acceleration, or null when undefined.</param>
public sealed record EstimateBootstrap(double? CiLow, double? CiHigh, int Resamples, int FailedResamples, int Seed, double? Acceleration);

/// <summary>
/// The <c>estimate</c> document of docs/wire-contract.md: <c>lists</c>, <c>observed</c>, <c>model</c>,
/// <c>terms</c>, <c>dark_figure</c>, <c>estimate</c>, <c>ci_low</c>/<c>ci_high</c> (the Wald interval on the log of
/// the dark figure, as SparseMSE), <c>ci_level</c>, <c>ci_method</c> = <c>wald_log_dark_figure</c>,
/// <c>warnings</c>; plus the fields added here (profile interval, optional BCa, steps, fit statistics).
/// </summary>
public sealed record EstimateResponse
{
    /// <summary>Gets the list names.</summary>
    public required IReadOnlyList<string> Lists { get; init; }

    /// <summary>Gets the people seen on at least one list.</summary>
    public required long Observed { get; init; }

    /// <summary>Gets <c>independence</c> or <c>stepwise</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the stepwise threshold used (null for independence).</summary>
    public required double? PThreshold { get; init; }

    /// <summary>Gets the model terms (main effects, then two-list terms in the order added).</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>Gets the two-list terms whose lists share nobody (parameter −∞).</summary>
    public required IReadOnlyList<string> EmptyOverlapTerms { get; init; }

    /// <summary>Gets the estimated number seen by no list, persons.</summary>
    public required double DarkFigure { get; init; }

    /// <summary>Gets the estimated total, persons.</summary>
    public required double Estimate { get; init; }

    /// <summary>Gets the Wald lower limit, persons.</summary>
    public required double CiLow { get; init; }

    /// <summary>Gets the Wald upper limit, persons.</summary>
    public required double CiHigh { get; init; }

    /// <summary>Gets the confidence level.</summary>
    public required double CiLevel { get; init; }

    /// <summary>Gets <c>wald_log_dark_figure</c>.</summary>
    public required string CiMethod { get; init; }

    /// <summary>Gets the profile-likelihood lower limit, or null.</summary>
    public required double? ProfileCiLow { get; init; }

    /// <summary>Gets the profile-likelihood upper limit, or null.</summary>
    public required double? ProfileCiHigh { get; init; }

    /// <summary>Gets the BCa bootstrap result, or null when not requested.</summary>
    public required EstimateBootstrap? Bca { get; init; }

    /// <summary>Gets the stepwise steps.</summary>
    public required IReadOnlyList<EstimateStep> Steps { get; init; }

    /// <summary>Gets the residual deviance.</summary>
    public required double Deviance { get; init; }

    /// <summary>Gets the residual degrees of freedom.</summary>
    public required int ResidualDf { get; init; }

    /// <summary>Gets SparseMSE's AIC.</summary>
    public required double Aic { get; init; }

    /// <summary>Gets the warnings.</summary>
    public required IReadOnlyList<EstimateWarning> Warnings { get; init; }
}

/// <summary>
/// The <c>estimate</c> use case: read a capture-history CSV, run multiple systems estimation
/// (<see cref="MultipleSystemsEstimator"/>), answer the contract's document. The same code serves
/// <c>taskforce estimate</c> and <c>POST /api/estimates</c>. Nothing is stored.
/// </summary>
public static class EstimateUseCase
{
    /// <summary>Runs the estimation.</summary>
    /// <param name="csv">The capture-history CSV.</param>
    /// <param name="request">The model options.</param>
    /// <returns>The response document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The CSV or an option is invalid (fields <c>file</c>, <c>lists</c>,
    /// <c>rows[i]…</c>, <c>model</c>, <c>p_threshold</c>, <c>bootstrap</c>), or the estimate does not exist for these
    /// data (field <c>rows</c>).</exception>
    public static EstimateResponse Run(TextReader csv, EstimateRequest request)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(request);
        MseModel model = request.Model switch
        {
            null or "stepwise" => MseModel.Stepwise,
            "independence" => MseModel.Independence,
            _ => throw new DomainValidationException("model", Texts.Format(EstimationAppText.EstimateModelMustIndependenceStepwise, request.Model)),
        };

        if (request.BootstrapResamples is { } n && (n < 100 || n > 100_000))
        {
            throw new DomainValidationException("bootstrap", Texts.Format(EstimationAppText.EstimateNumberBootstrapResamplesMust, n));
        }

        CaptureHistoryTable table = CaptureHistoryCsv.Read(csv);
        var options = new MseOptions
        {
            Model = model,
            PThreshold = request.PThreshold ?? 0.02,
            Bootstrap = request.BootstrapResamples is { } resamples
                ? new BootstrapOptions { Resamples = resamples, Seed = request.Seed ?? 1234 }
                : null,
        };
        MseEstimate result = MultipleSystemsEstimator.Estimate(table, options);
        return new EstimateResponse
        {
            Lists = result.Lists,
            Observed = result.Observed,
            Model = model == MseModel.Independence ? "independence" : "stepwise",
            PThreshold = model == MseModel.Stepwise ? options.PThreshold : null,
            Terms = result.Terms,
            EmptyOverlapTerms = result.EmptyOverlapTerms,
            DarkFigure = result.DarkFigure,
            Estimate = result.Estimate,
            CiLow = result.Wald.Low,
            CiHigh = result.Wald.High,
            CiLevel = result.Wald.Level,
            CiMethod = result.Wald.Method,
            ProfileCiLow = Finite(result.Profile?.Low),
            ProfileCiHigh = Finite(result.Profile?.High),
            Bca = result.Bootstrap is { } b
                ? new EstimateBootstrap(Finite(b.Interval.Low), Finite(b.Interval.High), b.Resamples, b.FailedResamples, b.Seed, Finite(b.Acceleration))
                : null,
            Steps = [.. result.Steps.Select(s => new EstimateStep(s.Step, s.Term, s.ObservedOverlap, s.ExpectedOverlap, s.PValue, s.EmptyOverlap))],
            Deviance = result.Deviance,
            ResidualDf = result.ResidualDf,
            Aic = result.Aic,
            Warnings = [.. result.Warnings.Select(w => new EstimateWarning(w.Code, w.Message))],
        };
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
