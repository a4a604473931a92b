using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation.Numerics;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Estimation;

/// <summary>
/// Multiple systems estimation (MSE) of the number of victims no list has seen: Poisson log-linear models on a
/// capture-history table, as the R package SparseMSE 2.0.2 fits them (Chan, Silverman &amp; Vincent 2019,
/// arXiv:1902.05156), the method UNODC uses for SDG indicator 16.2.2 and the UK Home Office used for its 2014
/// modern-slavery estimate (Silverman 2014).
/// </summary>
/// <remarks>
/// <para>Steps: check the table; check that the maximum likelihood estimate of the independence model exists and is
/// identifiable (SparseMSE's <c>checkident</c>: a linear program and a rank test); fit the chosen model
/// (independence, SparseMSE's stepwise selection, or a fixed set of two-list terms); report the estimate
/// N = n + exp(b₀), SparseMSE's Wald interval n + exp(b₀ ± z·se), the profile-likelihood interval and, on request,
/// the BCa bootstrap interval.</para>
/// <para>Example: the UK 2013 six-list data (2,744 victims seen) give N ≈ 11,418 under stepwise selection, Wald
/// 95% interval [9,977, 13,146] — SparseMSE's numbers to 1e-6.</para>
/// </remarks>
public static class MultipleSystemsEstimator
{
    /// <summary>Below this number of persons seen by two or more lists, a result carries the warning
    /// <c>few_persons_on_several_lists</c>.</summary>
    /// <remarks>A judgement, not a published cut-off: the overlaps are all MSE learns list dependence from, and Chan,
    /// Silverman &amp; Vincent (2019) show estimates from sparse overlaps to be unstable; UNODC's MSE briefs ask for
    /// "sufficient" overlap without a number. 10 persons is where one more or one fewer moves a two-list estimate by
    /// about 10%.</remarks>
    public const int FewOverlapPersons = 10;

    /// <summary>Estimates the total number of victims.</summary>
    /// <param name="table">The capture histories.</param>
    /// <param name="options">The options, or <see langword="null"/> for stepwise selection at p &lt; 0.02 with Wald
    /// and profile intervals and no bootstrap.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">An option is out of range (field <c>p_threshold</c>,
    /// <c>ci_level</c>, <c>fixed_pairs</c> or <c>bootstrap.resamples</c>), or the maximum likelihood estimate of
    /// the independence model (or of the fixed model) does not exist or is not identifiable for these data, or the fit
    /// gives no finite estimate (field <c>rows</c>), for example two lists that share nobody.</exception>
    public static MseEstimate Estimate(CaptureHistoryTable table, MseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new MseOptions();
        ValidateOptions(table, options);
        var warnings = new List<MseWarning>();
        AddDataWarnings(table, warnings);

        var engine = new SparseMseEngine();
        int mainCode = engine.Checks.Check(table, []);
        if (mainCode > 0)
        {
            throw new DomainValidationException("rows", ExistenceMessage(EstimationText.ModelIndependence, mainCode));
        }

        ModelFit fit;
        var steps = new List<StepRecord>();
        switch (options.Model)
        {
            case MseModel.Independence:
                fit = SparseMseEngine.Fit(table, [], covariance: true);
                break;
            case MseModel.Fixed:
                int fixedCode = engine.Checks.Check(table, options.FixedPairs);
                if (fixedCode > 0)
                {
                    throw new DomainValidationException("fixed_pairs", ExistenceMessage(EstimationText.ModelRequested, fixedCode));
                }

                fit = SparseMseEngine.Fit(table, options.FixedPairs, covariance: true);
                break;
            default:
                (fit, steps) = engine.Stepwise(table, options.PThreshold, covariance: true);
                break;
        }

        if (!fit.Glm.Converged)
        {
            warnings.Add(new MseWarning(
                "fit_not_converged", Texts.Format(EstimationText.FitNotConverged, PoissonGlm.MaxIterations)));
        }

        IReadOnlyList<string> lists = table.Lists;
        double observed = table.ObservedTotal;
        double b0 = fit.Intercept;
        double se = fit.InterceptStandardError;
        double level = options.ConfidenceLevel;
        double tail = (1 - level) / 2;
        double zLow = RDistributions.QNorm(tail);
        double zHigh = RDistributions.QNorm(1 - tail);
        var wald = new MseInterval(
            observed + Math.Exp(b0 + (se * zLow)), observed + Math.Exp(b0 + (se * zHigh)), level, "wald_log_dark_figure");

        MseInterval? profile = null;
        if (options.ProfileInterval)
        {
            (double Low, double High)? limits = ProfileLikelihood.InterceptInterval(fit, level);
            if (limits is { } l)
            {
                profile = new MseInterval(observed + Math.Exp(l.Low), observed + Math.Exp(l.High), level, "profile_likelihood");
            }
            else
            {
                warnings.Add(new MseWarning(
                    "profile_interval_unavailable",
                    EstimationText.ProfileIntervalUnavailable));
            }
        }

        double darkFigure = Math.Exp(b0);
        double estimate = observed + darkFigure;
        if (!double.IsFinite(estimate) || !double.IsFinite(se))
        {
            throw new DomainValidationException(
                "rows", EstimationText.NoFiniteEstimate);
        }

        MseBootstrap? bootstrap = null;
        if (options.Bootstrap is { } boot)
        {
            bootstrap = RunBootstrap(table, options, estimate, boot, warnings);
        }

        List<(ListPair Pair, double Probability)> emptyProbabilities = SparseMseEngine.EmptyOverlapProbabilities(table, fit);
        if (fit.Design.EmptyPairs.Length > 0)
        {
            warnings.Add(new MseWarning(
                "empty_overlap_terms",
                Texts.Format(EstimationText.EmptyOverlapTerms, string.Join(", ", fit.Design.EmptyPairs.Select(p => p.Name(lists))))));
        }

        return new MseEstimate
        {
            Lists = lists,
            Observed = table.ObservedTotal,
            Model = options.Model,
            Terms = [.. lists, .. fit.Design.ColumnPairs.Select(p => p.Name(lists))],
            EmptyOverlapTerms = [.. fit.Design.EmptyPairs.Select(p => p.Name(lists))],
            Coefficients = Coefficients(fit, lists),
            DarkFigure = darkFigure,
            Estimate = estimate,
            Wald = wald,
            Profile = profile,
            Bootstrap = bootstrap,
            Steps = [.. steps.Select((s, i) => new MseStep(
                i + 1, s.Pair.Name(lists), s.Observed, s.Expected, s.PValue, s.Observed == 0))],
            EmptyOverlapProbabilities = [.. emptyProbabilities.Select(e => new MseEmptyOverlap(e.Pair.Name(lists), e.Probability))],
            Deviance = fit.Glm.Deviance,
            ResidualDf = fit.ResidualDf,
            CellsInFit = fit.Design.N,
            Aic = fit.Aic,
            Warnings = warnings,
        };
    }

    private static MseBootstrap RunBootstrap(
        CaptureHistoryTable table, MseOptions options, double estimate, BootstrapOptions boot, List<MseWarning> warnings)
    {
        double tail = (1 - options.ConfidenceLevel) / 2;
        double[] probabilities = [.. BcaBootstrap.DefaultProbabilities, tail, 1 - tail];
        var engine = new SparseMseEngine();
        Func<CaptureHistoryTable, double> estimator = options.Model switch
        {
            MseModel.Independence => t => Total(SparseMseEngine.Fit(t, [], covariance: false)),
            MseModel.Fixed => t => Total(SparseMseEngine.Fit(t, options.FixedPairs, covariance: false)),
            _ => t => Total(engine.Stepwise(t, options.PThreshold, covariance: false).Fit),
        };

        (double[] quantiles, double acceleration, double z0, double[] estimates, int failed) =
            BcaBootstrap.Run(table, estimate, estimator, boot.Resamples, boot.Seed, probabilities);
        if (failed > 0)
        {
            warnings.Add(new MseWarning(
                "bootstrap_failures", Texts.Format(EstimationText.BootstrapFailures, failed, boot.Resamples)));
        }

        if (!double.IsFinite(z0))
        {
            warnings.Add(new MseWarning(
                "bootstrap_degenerate",
                EstimationText.BootstrapDegenerate));
        }

        var byProbability = new Dictionary<double, double>();
        for (int i = 0; i < BcaBootstrap.DefaultProbabilities.Length; i++)
        {
            byProbability[BcaBootstrap.DefaultProbabilities[i]] = quantiles[i];
        }

        var interval = new MseInterval(quantiles[^2], quantiles[^1], options.ConfidenceLevel, "bca_bootstrap");
        double mean = estimates.Length > 0 ? estimates.Average() : double.NaN;
        double sd = estimates.Length > 1
            ? Math.Sqrt(estimates.Sum(v => (v - mean) * (v - mean)) / (estimates.Length - 1))
            : double.NaN;
        return new MseBootstrap(interval, byProbability, acceleration, z0, mean, sd, estimates.Length, failed, boot.Seed);
    }

    private static double Total(ModelFit fit) => fit.ObservedTotal + Math.Exp(fit.Intercept);

    private static List<MseCoefficient> Coefficients(ModelFit fit, IReadOnlyList<string> lists)
    {
        string[] names = ["(Intercept)", .. lists, .. fit.Design.ColumnPairs.Select(p => p.Name(lists))];
        double[]? cov = fit.Glm.Covariance;
        int p = fit.Design.P;
        return [.. names.Select((name, i) => new MseCoefficient(
            name, fit.Glm.Coefficients[i], cov is null ? double.NaN : Math.Sqrt(cov[(i * p) + i])))];
    }

    private static void AddDataWarnings(CaptureHistoryTable table, List<MseWarning> warnings)
    {
        foreach (string list in table.IsolatedLists)
        {
            warnings.Add(new MseWarning(
                "list_without_overlap",
                Texts.Format(EstimationText.ListWithoutOverlap, list)));
        }

        IReadOnlyList<ListPair> empty = table.EmptyOverlapPairs;
        if (empty.Count > 0)
        {
            warnings.Add(new MseWarning(
                "empty_overlap_pairs",
                Texts.Format(EstimationText.EmptyOverlapPairs, string.Join(", ", empty.Select(p => p.Name(table.Lists))))));
        }

        long overlapping = 0;
        for (int r = 0; r < table.RowCount; r++)
        {
            if (int.PopCount(table.RowMask(r)) >= 2)
            {
                overlapping += table.RowCountAt(r);
            }
        }

        if (overlapping < FewOverlapPersons)
        {
            warnings.Add(new MseWarning(
                "few_persons_on_several_lists",
                Texts.Format(EstimationText.FewPersonsOnSeveralLists, overlapping, FewOverlapPersons)));
        }
    }

    private static void ValidateOptions(CaptureHistoryTable table, MseOptions options)
    {
        if (!(options.PThreshold >= 0 && options.PThreshold <= 1))
        {
            throw new DomainValidationException(
                "p_threshold", Texts.Format(EstimationText.PThresholdOutOfRange, options.PThreshold));
        }

        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new DomainValidationException(
                "ci_level", Texts.Format(EstimationText.ConfidenceLevelOutOfRange, options.ConfidenceLevel));
        }

        if (options.Model == MseModel.Fixed)
        {
            ArgumentNullException.ThrowIfNull(options.FixedPairs);
            if (options.FixedPairs.Any(p => p.Second >= table.ListCount) || options.FixedPairs.Distinct().Count() != options.FixedPairs.Count)
            {
                throw new DomainValidationException(
                    "fixed_pairs", Texts.Format(EstimationText.FixedPairsInvalid, table.ListCount));
            }
        }

        if (options.Bootstrap is { } boot && (boot.Resamples < 100 || boot.Resamples > 100_000))
        {
            throw new DomainValidationException(
                "bootstrap.resamples", Texts.Format(EstimationText.BootstrapResamplesOutOfRange, boot.Resamples));
        }
    }

    private static string ExistenceMessage(string model, int code) => code switch
    {
        1 => Texts.Format(EstimationText.ModelEstimateDoesNotExist, model),
        2 => Texts.Format(EstimationText.ModelNotIdentifiable, model),
        _ => Texts.Format(EstimationText.ModelNeitherExistsNorIdentifiable, model),
    };
}
