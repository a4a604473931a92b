using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Access;
using TaskForce.Application.Serialization;
using TaskForce.Application.Subjects;
using TaskForce.Domain.Common;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary>
/// Requests of the person recorded (UU 27/2022; docs/decisions/ADR-019-rights-of-the-person-recorded.md), for the
/// coordinator working on the tool:
/// <c>taskforce subject-access --file FILE --out FILE --by STAFF_ID --agency CODE</c>,
/// <c>taskforce subject-erase --file FILE --by STAFF_ID --agency CODE</c> and
/// <c>taskforce subject-requests [--limit N] [--json]</c>. The person's identifiers are read from a JSON file
/// (<c>{"national_id_number": "…"}</c> or <c>{"full_name": "…", "birth_date": "YYYY-MM-DD"}</c>), never from the
/// command line (shell history and process lists would keep them). The tool acts as the coordinator: whoever runs it
/// holds the storage key; <c>--by</c> and <c>--agency</c> name them in the request log and the case history.
/// </summary>
internal static class SubjectRequestCommands
{
    /// <summary>The exit code of an erasure refused by a retention rule (nothing erased).</summary>
    public const int RefusedExitCode = 3;

    public static Command Access(CliContext ctx)
    {
        var person = PersonOption();
        var output = new Option<string>("--out") { Description = CliText.OptSubjectOut, Required = true };
        var (by, agency) = ActorOptions();
        var command = new Command("subject-access", CliText.CmdSubjectAccess)
        {
            person, output, by, agency, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var query = ReadPerson(parseResult.GetValue(person)!);
            var caller = Coordinator(parseResult.GetValue(by), parseResult.GetValue(agency));
            var file = new FileInfo(RequireOut(parseResult.GetValue(output)));
            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var export = await ctx.Services.GetRequiredService<SubjectAccessUseCase>().ExecuteAsync(query, caller, ct).ConfigureAwait(false);
            await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(export, TaskForceJson.Options), ct).ConfigureAwait(false);
            var summary = new { request_id = export.RequestId, records = export.Records.Count, out_file = file.FullName };
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(summary);
            }
            else
            {
                await ctx.Out.WriteLineAsync($"Request {export.RequestId}: {export.Records.Count} record(s) exported to {file.FullName}.").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    public static Command Erase(CliContext ctx)
    {
        var person = PersonOption();
        var (by, agency) = ActorOptions();
        var command = new Command("subject-erase", CliText.CmdSubjectErase)
        {
            person, by, agency, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var query = ReadPerson(parseResult.GetValue(person)!);
            var caller = Coordinator(parseResult.GetValue(by), parseResult.GetValue(agency));
            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            bool json = parseResult.GetValue(ctx.Json);
            try
            {
                var result = await ctx.Services.GetRequiredService<SubjectErasureUseCase>().ExecuteAsync(query, caller, ct).ConfigureAwait(false);
                if (json)
                {
                    ctx.WriteJson(result);
                }
                else
                {
                    await ctx.Out.WriteLineAsync($"Request {result.RequestId}: {result.Outcome}; identity erased in {result.Records.Count} record(s){(result.Records.Count > 0 ? ": " + string.Join(", ", result.Records) : string.Empty)}.").ConfigureAwait(false);
                }

                return 0;
            }
            catch (ErasureRefusedException e)
            {
                CliError.Write(ctx.Out, ctx.Error, json, "Erasure refused", e.Message, [.. e.Cases.Select(c => (e.ReasonCode, c))]);
                return RefusedExitCode;
            }
        }));
        return command;
    }

    public static Command List(CliContext ctx)
    {
        var limit = new Option<int?>("--limit") { Description = CliText.OptSubjectLimit };
        var command = new Command("subject-requests", CliText.CmdSubjectRequests)
        {
            limit, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            await ctx.GetStorageAsync(ct).ConfigureAwait(false);
            var caller = Coordinator("taskforce-cli", null);
            var list = await ctx.Services.GetRequiredService<ListSubjectRequestsUseCase>().ExecuteAsync(parseResult.GetValue(limit), caller, ct).ConfigureAwait(false);
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(list);
                return 0;
            }

            foreach (var e in list.Items)
            {
                await ctx.Out.WriteLineAsync($"{e.At} {e.Id} {e.Kind} {e.Outcome} by {e.HandledBy}{(e.Agency is null ? string.Empty : " (" + e.Agency + ")")}, matched by {e.MatchedBy}: {e.Records.Count} record(s){(e.Detail is null ? string.Empty : "; " + e.Detail)}").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static Option<string> PersonOption() => new(CliInput.FileOption)
    {
        Description = CliText.OptPersonFile,
        Required = true,
    };

    private static (Option<string> By, Option<string> Agency) ActorOptions() => (
        new Option<string>("--by") { Description = CliText.OptBy, Required = true },
        new Option<string>("--agency") { Description = CliText.OptSubjectAgency, Required = true });

    private static DataSubjectQuery ReadPerson(string path)
    {
        CliInput.RequireContent(path);
        byte[] bytes = File.ReadAllBytes(path);
        return InputJson.Read<DataSubjectQuery>(bytes) ?? throw new DomainValidationException(CliInput.FileField, CliText.ErrNoJsonObjectInFile);
    }

    private static string RequireOut(string? path)
    {
        CliOutput.RequireWritableFile(path);
        return path!;
    }

    private static Caller Coordinator(string? userId, string? agency)
    {
        var claims = new List<(string, string)> { ("oid", userId ?? string.Empty), ("roles", "coordinator") };
        if (!string.IsNullOrWhiteSpace(agency))
        {
            claims.Add(("agency", agency));
        }

        return CallerClaims.ToCaller(claims, "taskforce-cli", null) ?? throw new DomainValidationException("by", CliText.ErrCoordinatorIdRequired);
    }
}
