using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce amend --case ID --file amendment.json [--if-match ETAG] [--actor ID] [--agency CODE] [--json]</c>:
/// corrects and completes a stored case from a <see cref="CaseAmendment"/> file (the body of
/// <c>POST /cases/{id}/amendments</c>), with the same rules, history and all-or-nothing write (ADR-017).</summary>
/// <remarks>The data officer runs the tool with the storage credentials, as the task-force secretariat: the history
/// names the actor (<c>--actor</c>, default the operating-system user, as <c>import</c> records it) and the agency
/// (<c>--agency</c>, default <c>gugus_tugas</c>), and the access policy is that of the coordinator. Without
/// <c>--if-match</c> the tool guards only against a change between its own read and write.</remarks>
internal static class AmendCommand
{
    public static Command Create(CliContext ctx)
    {
        var caseId = new Option<string>("--case") { Description = CliText.OptAmendCase, Required = true };
        var file = new Option<string>("--file") { Description = CliText.OptAmendFile, Required = true };
        var write = new CaseWriteOptions();
        var command = new Command("amend", CliText.CmdAmend)
        {
            caseId, file, ctx.Json,
        };
        write.AddTo(command);
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string path = parseResult.GetValue(file)!;
            CliContext.RejectFolder(path, "file");
            var amendment = await LegalCommands.ReadAsync<CaseAmendment>(path, ct, ctx: ctx).ConfigureAwait(false);
            string id = CaseId.Parse(parseResult.GetValue(caseId), "case").Value;
            var caller = write.CallerOf(parseResult);

            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            string etag = await write.ETagAsync(parseResult, ctx, id, ct).ConfigureAwait(false);

            var result = await ctx.Services.GetRequiredService<AmendCaseUseCase>().ExecuteAsync(id, amendment, etag, caller, ct).ConfigureAwait(false);
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(result);
                return 0;
            }

            ctx.Out.WriteLine(result.Changes.Count == 0
                ? $"Case {result.CaseId}: nothing to change (every value given is on file)."
                : $"Case {result.CaseId} amended: {result.Changes.Count} change(s) kept in its history. ETag {result.ETag}");
            foreach (var change in result.Changes)
            {
                ctx.Out.WriteLine($"  {change.Kind}{(change.PersonId is null ? string.Empty : " " + change.PersonId)}: {string.Join(", ", change.Fields)}");
            }

            return 0;
        }));
        return command;
    }
}
