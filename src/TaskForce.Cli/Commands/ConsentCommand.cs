using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce consent --case ID --victim victim-N --file consent.json [--if-match ETAG] [--actor ID]
/// [--agency CODE] [--json]</c>: gives, changes or withdraws one victim's consent on a stored case from a file (the body of
/// <c>POST /cases/{id}/victims/{personId}/consent</c>), with the same rules and history (ADR-018).</summary>
/// <remarks>The data officer runs the tool with the storage credentials, as the task-force secretariat: the history
/// names the actor (<c>--actor</c>, default the operating-system user) and the agency (<c>--agency</c>, default
/// <c>gugus_tugas</c>), and the access policy is that of the coordinator. Without <c>--if-match</c> the tool guards only
/// against a change between its own read and write.</remarks>
internal static class ConsentCommand
{
    public static Command Create(CliContext ctx)
    {
        var caseId = new Option<string>("--case") { Description = CliText.OptCaseId, Required = true };
        var victim = new Option<string>("--victim") { Description = CliText.OptVictim, Required = true };
        var file = new Option<string>("--file") { Description = CliText.OptConsentFile, Required = true };
        var write = new CaseWriteOptions();
        var command = new Command("consent", CliText.CmdConsent)
        {
            caseId, victim, file, ctx.Json,
        };
        write.AddTo(command);
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string path = parseResult.GetValue(file)!;
            CliContext.RejectFolder(path, "file");
            var body = await LegalCommands.ReadAsync<ConsentChangeRequest>(path, ct, ctx: ctx).ConfigureAwait(false);
            string id = CaseId.Parse(parseResult.GetValue(caseId), "case").Value;
            var caller = write.CallerOf(parseResult);

            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            string etag = await write.ETagAsync(parseResult, ctx, id, ct).ConfigureAwait(false);

            var result = await ctx.Services.GetRequiredService<RecordConsentUseCase>().RecordAsync(id, parseResult.GetValue(victim)!, body, etag, caller, ct).ConfigureAwait(false);
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(result);
                return 0;
            }

            var c = result.Consent;
            await ctx.Out.WriteLineAsync(result.ChangedFields.Count == 0
                ? $"Case {result.CaseId}, {result.PersonId}: this consent is already on file; nothing written."
                : $"Case {result.CaseId}, {result.PersonId}: services {c.ForServices}, reporting {c.ForReporting}{(c.ReportingWithdrawn ? " (withdrawn)" : string.Empty)}, sharing {c.ForSharing}{(c.SharingWithdrawn ? " (withdrawn)" : string.Empty)}, given by {c.GivenBy}. Case consent to share: {result.CaseConsentToShare}. ETag {result.ETag}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
