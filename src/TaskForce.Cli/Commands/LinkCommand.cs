using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TaskForce.Application.Estimation;
using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary><c>taskforce link --file FILE.csv [--file FILE2.csv ...] [--out DIR] [--name-threshold 0.90]
/// [--json]</c>: links agencies' victim lists into persons and writes their capture histories for
/// <c>taskforce estimate</c>. Needs no storage.</summary>
/// <remarks>
/// Writes, into <c>--out</c> (default <c>out/</c>): <c>capture-history.csv</c> (SparseMSE layout, the input of
/// <c>estimate --file</c>), <c>capture-history-strata.csv</c> (by sex, child/adult, form and year) and
/// <c>link-decisions.csv</c> (each decision by record reference with the outcome of every field compared; no value).
/// The NIK hashes are keyed with the district secret from <c>TaskForce__Linkage__DistrictSecret</c>
/// (<see cref="LinkageSecret"/>), or a random secret for this run when it is not set.
/// </remarks>
internal static class LinkCommand
{
    public static Command Create(CliContext ctx)
    {
        var records = CliInput.Files(CliText.OptLinkFile);
        var output = new Option<string?>("--out") { Description = CliText.OptLinkOut };
        var threshold = CliOptions.Number("--name-threshold", CliText.OptNameThreshold, "a number in (0, 1] such as 0.90");
        var command = new Command("link", CliText.CmdLink)
        {
            records, output, threshold, ctx.Json,
        };
        command.SetAction((parseResult, ct) => ctx.GuardAsync(parseResult, async () =>
        {
            string folder = parseResult.GetValue(output) ?? "out";
            CliOutput.RequireWritableFolder(folder);
            CliOutput.RequireFreeNames(folder, ["capture-history.csv", "capture-history-strata.csv", "link-decisions.csv"]);
            LinkageSecret secret = ctx.ReadLinkageSecret();
            if (!secret.IsConfigured)
            {
                await ctx.Error.WriteLineAsync(Texts.Format(CliText.LinkageSecretNotSetLink, LinkageSecret.EnvironmentVariable)).ConfigureAwait(false);
            }

            string[] paths = parseResult.GetValue(records) ?? [];
            var readers = new List<(TextReader Reader, string Source)>();
            byte[] key = secret.KeyForComputation();
            LinkageResult result;
            LinkListsSummary summary;
            try
            {
                foreach (string path in paths)
                {
                    CliInput.RequireContent(path);
                    readers.Add((new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), Path.GetFileName(path)));
                }

                (result, summary) = LinkListsUseCase.Run(readers, key, parseResult.GetValue(threshold), TaskForce.Domain.Common.DistrictTime.Today(ctx.Clock, ctx.Zone));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
                foreach (var (reader, _) in readers)
                {
                    reader.Dispose();
                }
            }

            Directory.CreateDirectory(folder);
            string[] written =
            [
                Write(Path.Combine(folder, "capture-history.csv"), w => LinkListsUseCase.WriteCaptureHistory(w, result.Overall)),
                Write(Path.Combine(folder, "capture-history-strata.csv"), w => LinkListsUseCase.WriteStrata(w, result)),
                Write(Path.Combine(folder, "link-decisions.csv"), w => LinkListsUseCase.WriteDecisions(w, result)),
            ];
            if (parseResult.GetValue(ctx.Json))
            {
                ctx.WriteJson(new { summary, files = written });
            }
            else
            {
                WriteText(ctx.Out, summary, written);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Writes a file completely or not at all (a temporary file renamed into place).</summary>
    private static string Write(string path, Action<TextWriter> write)
    {
        string temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static void WriteText(TextWriter o, LinkListsSummary s, string[] written)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"Lists: {string.Join(", ", s.Lists.Select((l, i) => $"{l} ({s.PersonsByList[i]})"))}."));
        o.WriteLine(string.Create(c, $"{s.Records} records linked into {s.Persons} persons; {s.Strata} strata."));
        foreach (ListOverlap overlap in s.Overlaps)
        {
            o.WriteLine(string.Create(c, $"  on both {overlap.First} and {overlap.Second}: {overlap.Persons}{(overlap.Persons == 0 ? " (no overlap: the estimate cannot use this pair)" : string.Empty)}"));
        }

        foreach (LinkRuleCount rule in s.Decisions)
        {
            o.WriteLine(string.Create(c, $"  {rule.Rule}: {rule.Linked} linked, {rule.NotLinked} not linked"));
        }

        foreach (LinkageWarning w in s.Warnings)
        {
            o.WriteLine($"Warning ({w.Code}): {w.Message}");
        }

        o.WriteLine($"Wrote {string.Join(", ", written)}. Next: taskforce estimate --file {written[0]}");
    }
}
