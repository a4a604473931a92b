using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Access;
using TaskForce.Application.Serialization;
using TaskForce.Application.Subjects;
using TaskForce.Domain.Common;

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
        var output = new Option<FileInfo>("--out") { Description = "Where to write the export (JSON). The file holds identity values: keep it encrypted and hand it only to the person.", Required = true };
        var (by, agency) = ActorOptions();
        var command = new Command("subject-access", "Export every record held about one person (UU 27/2022 Pasal 7) as one JSON document; the request is logged.")
        {
            person, output, by, agency, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            var query = ReadPerson(parseResult.GetValue(person)!);
            var caller = Coordinator(parseResult.GetValue(by), parseResult.GetValue(agency));
            var file = parseResult.GetValue(output)!;
            CliContext.RejectFolder(file.FullName, "out");
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
        var command = new Command("subject-erase", "Erase one person's identity in every record (UU 27/2022 Pasal 8); de-identified facts and counts stay. Refused (exit 3) while a retention rule keeps a record.")
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
        var limit = new Option<int?>("--limit") { Description = "The most entries to list, 1 to 1000 (default 100)." };
        var command = new Command("subject-requests", "List the log of requests of the persons recorded, newest first (no identity value).")
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
        Description = "A JSON file naming the person: {\"national_id_number\": \"…\"} or {\"full_name\": \"…\", \"birth_date\": \"YYYY-MM-DD\"}.",
        Required = true,
    };

    private static (Option<string> By, Option<string> Agency) ActorOptions() => (
        new Option<string>("--by") { Description = "The coordinator's staff account id (written to the request log and the case history).", Required = true },
        new Option<string>("--agency") { Description = "The coordinator's agency code, e.g. gugus_tugas_ttu.", Required = true });

    private static DataSubjectQuery ReadPerson(string path)
    {
        CliInput.RequireContent(path);
        byte[] bytes = File.ReadAllBytes(path);
        return InputJson.Read<DataSubjectQuery>(bytes) ?? throw new DomainValidationException(CliInput.FileField, "The file holds no JSON object.");
    }

    private static Caller Coordinator(string? userId, string? agency)
    {
        var claims = new List<(string, string)> { ("oid", userId ?? string.Empty), ("roles", "coordinator") };
        if (!string.IsNullOrWhiteSpace(agency))
        {
            claims.Add(("agency", agency));
        }

        return CallerClaims.ToCaller(claims, "taskforce-cli", null) ?? throw new DomainValidationException("by", "Give the coordinator's staff account id (1 to 128 characters).");
    }
}
