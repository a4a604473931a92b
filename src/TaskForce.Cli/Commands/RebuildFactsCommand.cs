using System.CommandLine;
using System.Text.Json;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Storage;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce rebuild-facts [--json]</c>: recomputes every row of the counting read model from the stored
/// cases and workflows (docs/decisions/ADR-012-counting-read-model.md): after an identity-key rotation, a change of
/// the counting rules, or to clear write intents left by a stopped writer.</summary>
internal static class RebuildFactsCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("rebuild-facts", "Recompute the counting read model (fact rows by region and year) from the stored cases and workflows.")
        {
            ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var tables = await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var protector = IdentityProtector.FromSettings(ctx.Environment("TaskForce__IdentityKey"), ctx.Environment("TaskForce__IdentityPreviousKeys"));
            var useCase = new RebuildFactsUseCase(new TableCaseRepository(tables, protector, DistrictTime.DefaultZone), ctx.ProjectorFor(tables), ctx.Clock);
            var report = await useCase.RebuildAsync(ct).ConfigureAwait(false);
            if (parseResult.GetValue(ctx.Json))
            {
                await ctx.Out.WriteLineAsync(JsonSerializer.Serialize(new { cases = report.Cases, rows_removed = report.RowsRemoved, intents_cleared = report.IntentsCleared })).ConfigureAwait(false);
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
