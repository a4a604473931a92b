using System.CommandLine;
using NodaTime;
using TaskForce.Cli.Commands;
using TaskForce.Cli.Resources;
using TaskForce.Storage;

namespace TaskForce.Cli;

/// <summary>Builds and runs the <c>taskforce</c> command line (docs/wire-contract.md).</summary>
public static class CliApp
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Standard output (one JSON document with <c>--json</c>).</param>
    /// <param name="stderr">Standard error (progress, logs, human-readable errors).</param>
    /// <param name="storage">Storage to use instead of <c>TASKFORCE_STORAGE</c> or the embedded default (tests), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="clock">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="caseFacts">The case records as indicator input (tests), or <see langword="null"/> for the stored
    /// cases.</param>
    /// <param name="environment">The environment lookup (tests), or <see langword="null"/> for the process
    /// environment (<c>TASKFORCE_STORAGE</c> and the <c>TaskForce__*</c> settings of
    /// <see cref="TaskForce.Hosting.TaskForceOptions"/>, e.g. <c>TaskForce__TimeZone</c>, <c>TaskForce__IdentityKey</c>).</param>
    /// <returns>0 on success, 2 on bad input, 1 on any other failure.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<TaskForceTables>? storage, CancellationToken cancellationToken, IClock? clock = null,
        TaskForce.Application.Ports.ICaseFactSource? caseFacts = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        await using var context = new CliContext(stdout, stderr, storage, clock ?? SystemClock.Instance, caseFacts, environment);
        var root = new RootCommand("taskforce — data officer's tool of the district anti-trafficking task force (GT-PPTPPO).")
        {
            ImportCommand.Create(context),
            SnapshotCommand.Create(context),
            EstimateCommand.Create(context),
            LinkCommand.Create(context),
            DetentionCheckCommand.Create(context), // issue 4
            LegalCommands.Qualify(context), // issue 3
            LegalCommands.SentenceCheck(context),
            ExportCommand.Create(context),
            RebuildFactsCommand.Create(context), // issue 12
            VerdictHistoryCommand.Create(context), // issue 13, ADR-015
            AmendCommand.Create(context), // issue 13
            ConsentCommand.Create(context), // issue 13 (ADR-018)
            AssignCommand.Create(context), // issue 14 (ADR-020)
            SubjectRequestCommands.Access(context), // issue 13: requests of the person recorded (ADR-019)
            SubjectRequestCommands.Erase(context),
            SubjectRequestCommands.List(context),
            AccessLogCommand.Create(context), // issue 14: the access log (ADR-022)
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            bool json = args.Contains("--json", StringComparer.Ordinal);
            if (LegacyInputOptions.Find(parsed) is { } legacy)
            {
                CliError.Write(stdout, stderr, json, CliText.BadInputTitle, legacy.Message, [legacy]);
                return 2;
            }

            CliError.Write(stdout, stderr, json, CliText.BadInputTitle, CliText.BadCommandLine,
                parsed.Errors.Select(e => (FieldOf(e), e.Message)));
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
    }

    // The option or argument a parse error is about, snake_case without dashes (e.g. "k", "format", "file").
    private static string FieldOf(System.CommandLine.Parsing.ParseError error) => error.SymbolResult switch
    {
        System.CommandLine.Parsing.OptionResult o => o.Option.Name.TrimStart('-').Replace('-', '_'),
        System.CommandLine.Parsing.ArgumentResult a => a.Argument.Name.ToLowerInvariant(),
        _ => string.Empty,
    };
}
