using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.AccessLog;
using TaskForce.Application.Access;
using TaskForce.Domain.Common;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary>
/// <c>taskforce access-log (--case ID | --from YYYY-MM-DD --to YYYY-MM-DD) [--limit N] [--cursor C] [--json]</c>: the
/// stored access log (ADR-022), every read and export of identity of one case or of a period of business dates in the
/// district zone, oldest first. The tool acts as the coordinator (whoever runs it holds the storage key). No value of a
/// person is printed. Bad input exits 2 naming the field.
/// </summary>
internal static class AccessLogCommand
{
    public static Command Create(CliContext ctx)
    {
        var caseId = new Option<string?>("--case") { Description = CliText.OptAccessLogCase };
        var from = new Option<string?>("--from") { Description = CliText.OptFrom };
        var to = new Option<string?>("--to") { Description = CliText.OptTo };
        var limit = new Option<int?>("--limit") { Description = CliText.OptPageSize };
        var cursor = new Option<string?>("--cursor") { Description = CliText.OptCursor };
        var command = new Command("access-log", CliText.CmdAccessLog)
        {
            caseId, from, to, limit, cursor, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var caller = CallerClaims.ToCaller([("oid", "taskforce-cli"), ("roles", "coordinator")], "taskforce-cli", null)!;
            var read = ctx.Services.GetRequiredService<ReadAccessLogUseCase>();
            AccessLogPage page;
            if (parseResult.GetValue(caseId) is { } id)
            {
                page = await read.ForCaseAsync(id, parseResult.GetValue(limit), parseResult.GetValue(cursor), caller, ct).ConfigureAwait(false)
                    ?? throw new DomainValidationException("case", Texts.Format(CliText.ErrCaseNotStored, id));
            }
            else
            {
                page = await read.ForPeriodAsync(Date(parseResult.GetValue(from), "from"), Date(parseResult.GetValue(to), "to"), parseResult.GetValue(limit), parseResult.GetValue(cursor), caller, ct).ConfigureAwait(false);
            }

            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(page);
                return 0;
            }

            foreach (var e in page.Items)
            {
                await ctx.Out.WriteLineAsync($"{InstantPattern.ExtendedIso.Format(e.At)} {e.Operation} {e.CaseId} by {e.UserId}{(e.Agency is null ? string.Empty : " (" + e.Agency + ")")} [{string.Join(",", e.Roles)}]").ConfigureAwait(false);
            }

            if (page.NextCursor is not null)
            {
                await ctx.Out.WriteLineAsync($"next: --cursor {page.NextCursor}").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static LocalDate? Date(string? value, string field) =>
        value is null ? null
            : LocalDatePattern.Iso.Parse(value) is { Success: true } r ? r.Value
            : throw new DomainValidationException(field, CliText.ErrExpectedDate);
}
