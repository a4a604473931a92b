using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Snapshots;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce rebuild-facts [--json]</c>: recomputes every row of the counting read model from the stored
/// cases and workflows (docs/decisions/ADR-012-counting-read-model.md): after an identity-key rotation, a change of
/// the counting rules, or to clear write intents left by a stopped writer.</summary>
internal static class RebuildFactsCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("rebuild-facts", CliText.CmdRebuildFacts)
        {
            ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var useCase = ctx.Services.GetRequiredService<RebuildFactsUseCase>();
            var report = await useCase.RebuildAsync(ct).ConfigureAwait(false);
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(report);
            }
            else
            {
                await ctx.Out.WriteLineAsync($"Rebuilt the counting rows of {report.Cases} case(s); removed {report.RowsRemoved} stray row(s); cleared {report.IntentsCleared} old write intent(s).").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
