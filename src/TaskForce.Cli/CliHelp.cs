using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli;

/// <summary>An "Examples" section at the end of every command's help (issue 15 §5): a command line that works from
/// the repository's root with its samples, or with the files the README shows.</summary>
internal static class CliHelp
{
    /// <summary>The examples of each command, by name (command lines are not translated).</summary>
    public static IReadOnlyDictionary<string, string[]> Examples { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["taskforce"] = ["taskforce import --format putusan --file samples/verdicts/verdicts.jsonl", "taskforce snapshot --region 53.03 --period 2025 --out out/2025", "taskforce --lang en --help"],
        ["import"] =
        [
            "taskforce import --format putusan --file samples/verdicts/verdicts.jsonl --region 53.03",
            "taskforce import --format taskforce --file samples/cases/cases.jsonl --agency uptd_ppa_ttu",
            "taskforce import --format ctdc --file CTDC_global_synthetic_data.csv",
            "taskforce import --format prevention --file samples/prevention/activities-synthetic.csv --agency dinsos_ttu",
        ],
        ["snapshot"] = ["taskforce snapshot --region 53.03 --period 2025 --out out/2025", "taskforce snapshot --region '*' --period 2025-Q1 --json"],
        ["estimate"] = ["taskforce estimate --file samples/mse/UKdat.csv", "taskforce estimate --file out/link/capture-history.csv --bootstrap 1000 --seed 1234"],
        ["link"] = ["taskforce link --file samples/lists/police.csv --file samples/lists/uptd_ppa.csv --file samples/lists/ngo.csv --out out/link"],
        ["detention-check"] = ["taskforce detention-check --file chain.json"],
        ["qualify"] = ["taskforce qualify --file samples/legal/qualify-example.json"],
        ["sentence-check"] = ["taskforce sentence-check --file samples/legal/sentence-check-example.json"],
        ["export"] = ["taskforce export --format simfoni --region 53.03 --period 2025 --out out/simfoni-2025.csv"],
        ["rebuild-facts"] = ["taskforce rebuild-facts"],
        ["verdict-history"] = ["taskforce verdict-history --case-number \"27/Pid.Sus/2019/PN Kpg\""],
        ["amend"] = ["taskforce amend --case case-ttu-2025-001 --file amendment.json --actor staff-7"],
        ["consent"] = ["taskforce consent --case case-ttu-2025-001 --victim victim-1 --file consent.json"],
        ["assign"] = ["taskforce assign --case case-ttu-2025-001 --to worker-3"],
        ["subject-access"] = ["taskforce subject-access --file person.json --out export.json --by coord-1 --agency gugus_tugas_ttu"],
        ["subject-erase"] = ["taskforce subject-erase --file person.json --by coord-1 --agency gugus_tugas_ttu"],
        ["subject-requests"] = ["taskforce subject-requests --limit 20"],
        ["report"] = ["taskforce report --year 2025 --region 53.03 --out laporan", "taskforce --lang en report --year 2025 --region '*' --out report"],
        ["access-log"] = ["taskforce access-log --case case-ttu-2025-001", "taskforce access-log --from 2025-01-01 --to 2025-03-31"],
    };

    /// <summary>Adds the examples section to the help of <paramref name="root"/> and every command under it (after
    /// System.CommandLine's own help, whose layout API is not public in 3.0).</summary>
    /// <param name="root">The root command, with its help option.</param>
    public static void AddExamples(RootCommand root)
    {
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: SynchronousCommandLineAction inner } help)
        {
            help.Action = new WithExamples(inner);
        }
    }

    /// <summary>Writes the examples of a command, if it has any.</summary>
    /// <param name="command">The command.</param>
    /// <param name="output">The help's writer.</param>
    internal static void WriteExamples(Command command, TextWriter output)
    {
        string name = command is RootCommand ? "taskforce" : command.Name;
        if (!Examples.TryGetValue(name, out string[]? lines))
        {
            return;
        }

        output.WriteLine(CliText.HelpExamples);
        foreach (string line in lines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
    }

    /// <summary>The help action: System.CommandLine's help, then the examples.</summary>
    internal sealed class WithExamples(SynchronousCommandLineAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            WriteExamples(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return code;
        }
    }
}
