using System.CommandLine;
using System.Globalization;
using TaskForce.Application.Estimation;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce estimate --file FILE.csv [--model independence|stepwise] [--p-threshold 0.02]
/// [--bootstrap N] [--seed S] [--json]</c>: multiple systems estimation of the victims no list has seen
/// (docs/wire-contract.md). Needs no storage.</summary>
internal static class EstimateCommand
{
    public static Command Create(CliContext ctx)
    {
        var lists = CliInput.File("Capture-history CSV: one 0/1 column per list, last column 'count'.");
        var model = new Option<string?>("--model") { Description = "independence or stepwise (default: stepwise, as SparseMSE)." };
        var pThreshold = CliOptions.Number("--p-threshold", "Stepwise: add a two-list term while its p-value is below this (default 0.02).", "a number in [0, 1] such as 0.02");
        var bootstrap = CliOptions.WholeNumber("--bootstrap", "Also compute SparseMSE's BCa bootstrap interval with this many resamples (e.g. 1000).", "a whole number of resamples in [100, 100000]");
        var seed = CliOptions.WholeNumber("--seed", "Seed of the bootstrap's random numbers, as R's set.seed (default 1234, SparseMSE's).", "a whole number");
        var command = new Command("estimate", "Estimate the total number of victims, seen and unseen, from overlapping agency lists.")
        {
            lists, model, pThreshold, bootstrap, seed, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            if (parseResult.GetValue(seed) is not null && parseResult.GetValue(bootstrap) is null)
            {
                await ctx.Error.WriteLineAsync("Warning: --seed is used only with --bootstrap; without --bootstrap it is ignored.").ConfigureAwait(false);
            }

            var request = new EstimateRequest(
                parseResult.GetValue(model), parseResult.GetValue(pThreshold), parseResult.GetValue(bootstrap), parseResult.GetValue(seed));
            EstimateResponse response;
            CliInput.RequireContent(parseResult.GetValue(lists));
            using (var reader = File.OpenText(parseResult.GetValue(lists)!))
            {
                response = EstimateUseCase.Run(reader, request);
            }

            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(response);
            }
            else
            {
                WriteText(ctx.Out, response);
            }

            await Task.CompletedTask.ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static void WriteText(TextWriter o, EstimateResponse r)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"Lists: {string.Join(", ", r.Lists)}; seen on at least one list: {r.Observed}."));
        o.WriteLine(string.Create(c, $"Model: {r.Model}; terms: {string.Join(" + ", r.Terms)}{(r.EmptyOverlapTerms.Count > 0 ? $" (empty overlaps: {string.Join(", ", r.EmptyOverlapTerms)})" : string.Empty)}."));
        o.WriteLine(string.Create(c, $"Estimated total: {r.Estimate:F0} (unseen {r.DarkFigure:F0}); {r.CiLevel * 100:F0}% interval {r.CiLow:F0}–{r.CiHigh:F0} (Wald on the log of the unseen count)."));
        if (r.ProfileCiLow is { } pl && r.ProfileCiHigh is { } ph)
        {
            o.WriteLine(string.Create(c, $"Profile-likelihood interval: {pl:F0}–{ph:F0}."));
        }

        if (r.Bca is { CiLow: { } bl, CiHigh: { } bh } bca)
        {
            o.WriteLine(string.Create(c, $"BCa bootstrap interval: {bl:F0}–{bh:F0} ({bca.Resamples} resamples, seed {bca.Seed})."));
        }

        foreach (EstimateWarning w in r.Warnings)
        {
            o.WriteLine($"Warning ({w.Code}): {w.Message}");
        }
    }
}
