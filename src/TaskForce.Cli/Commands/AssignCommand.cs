using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce assign --case ID --to STAFF_ID [--reason TEXT] [--actor ID] [--agency CODE] [--json]</c>:
/// assigns a stored case to a case worker of its owning agency, or reassigns it, with the same rules and history entry
/// as <c>PUT /cases/{id}/assignment</c> (ADR-020).</summary>
/// <remarks>As every writing command of the tool, the caller is the task-force secretariat (a coordinator named by
/// <c>--actor</c> for <c>--agency</c>, <see cref="CaseWriteOptions"/>).</remarks>
internal static class AssignCommand
{
    public static Command Create(CliContext ctx)
    {
        var caseId = new Option<string>("--case") { Description = CliText.OptCaseId, Required = true };
        var to = new Option<string>("--to") { Description = CliText.OptAssignTo, Required = true };
        var reason = new Option<string?>("--reason") { Description = CliText.OptAssignReason };
        var write = new CaseWriteOptions();
        var command = new Command("assign", CliText.CmdAssign)
        {
            caseId, to, reason, write.Actor, write.Agency, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string id = CaseId.Parse(parseResult.GetValue(caseId), "case").Value;
            var caller = write.CallerOf(parseResult);
            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            if (await ctx.Services.GetRequiredService<ICaseTiesStore>().ReadAsync(id, ct).ConfigureAwait(false) is null)
            {
                throw new DomainValidationException("case", Texts.Format(CliText.ErrCaseNotStored, id));
            }

            var result = await ctx.Services.GetRequiredService<AssignCaseUseCase>()
                .AssignAsync(id, new CaseAssignmentRequest { AssignedTo = parseResult.GetValue(to), Reason = parseResult.GetValue(reason) }, caller, ct).ConfigureAwait(false);
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(result);
                return 0;
            }

            await ctx.Out.WriteLineAsync(result.HistorySequence == 0
                ? $"Case {result.CaseId} is already assigned to {result.AssignedTo}; nothing written."
                : $"Case {result.CaseId} assigned to {result.AssignedTo} (history entry {result.HistorySequence}).").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
