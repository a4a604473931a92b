namespace TaskForce.Domain.Estimation;

/// <summary>Which log-linear model the estimate uses.</summary>
public enum MseModel
{
    /// <summary>Main effects only: the lists are assumed independent (wire code <c>independence</c>).</summary>
    Independence = 0,

    /// <summary>SparseMSE's stepwise selection of two-list interactions by Poisson p-values (wire code
    /// <c>stepwise</c>).</summary>
    Stepwise = 1,

    /// <summary>Main effects plus the two-list terms given in <see cref="MseOptions.FixedPairs"/> (SparseMSE's
    /// <c>method = "fixed"</c>; wire code <c>fixed</c>).</summary>
    Fixed = 2,
}

/// <summary>Options of the bias-corrected and accelerated (BCa) bootstrap interval.</summary>
/// <remarks>Defaults are SparseMSE's <c>estimatepopulation</c> defaults: 1,000 resamples, seed 1234. The random
/// numbers are R's (Mersenne-Twister seeded as <c>set.seed</c>, multinomial draws as <c>rmultinom</c>), so with the
/// rows in the same order as the data given to SparseMSE the resamples, and hence the BCa bounds, are SparseMSE's
/// (R 4.2, x86-64).</remarks>
public sealed record BootstrapOptions
{
    /// <summary>Gets the number of bootstrap resamples.</summary>
    /// <value>In [100, 100,000]; default 1,000.</value>
    public int Resamples { get; init; } = 1000;

    /// <summary>Gets the seed of the random numbers; the same seed and data give the same interval.</summary>
    /// <value>Any 32-bit integer, as R's <c>set.seed</c>; default 1234 (SparseMSE's <c>iseed</c>).</value>
    public int Seed { get; init; } = 1234;
}

/// <summary>Options of <see cref="MultipleSystemsEstimator.Estimate"/>.</summary>
public sealed record MseOptions
{
    /// <summary>Gets the model.</summary>
    /// <value>Default <see cref="MseModel.Stepwise"/>.</value>
    public MseModel Model { get; init; } = MseModel.Stepwise;

    /// <summary>Gets the p-value below which stepwise selection adds a two-list term.</summary>
    /// <value>In [0, 1]; default 0.02 (SparseMSE's <c>pthresh</c>). 0 gives the independence model.</value>
    public double PThreshold { get; init; } = 0.02;

    /// <summary>Gets the two-list terms of a <see cref="MseModel.Fixed"/> model, in order.</summary>
    /// <value>Pairs of 0-based list indices; ignored for the other models.</value>
    public IReadOnlyList<ListPair> FixedPairs { get; init; } = [];

    /// <summary>Gets the confidence level of every interval.</summary>
    /// <value>In (0, 1); default 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Gets a value indicating whether to compute the profile-likelihood interval.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ProfileInterval { get; init; } = true;

    /// <summary>Gets the bootstrap options, or <see langword="null"/> for no BCa interval.</summary>
    /// <value>Default <see langword="null"/> (the bootstrap refits the model about 1,000 times).</value>
    public BootstrapOptions? Bootstrap { get; init; }
}
