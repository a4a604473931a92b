using System.Text;
using System.Text.RegularExpressions;

namespace TaskForce.Integration.Tests.Packaging;

/// <summary>
/// The C# examples of a Markdown file (issue 18 part 5): every fenced block whose info string is <c>csharp</c>,
/// <c>cs</c> or <c>c#</c>, with the output it states: the <c>text</c> block that follows it (only blank lines
/// between), or nothing when none follows.
/// </summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Code">The block's code.</param>
/// <param name="StatedOutput">The output the text block states, lines joined with <c>\n</c>; empty when none.</param>
public sealed partial record ReadmeExample(string File, int Line, string Code, string StatedOutput)
{
    /// <summary>Reads the C# examples of a Markdown file.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="relativePath">The file, relative to <paramref name="root"/>.</param>
    /// <returns>The examples in the file's order.</returns>
    public static IReadOnlyList<ReadmeExample> Read(string root, string relativePath)
    {
        string[] lines = System.IO.File.ReadAllLines(Path.Combine(root, relativePath));
        var examples = new List<ReadmeExample>();
        for (int i = 0; i < lines.Length; i++)
        {
            string info = lines[i].Trim();
            if (!info.StartsWith("```", StringComparison.Ordinal) || info.Length == 3)
            {
                continue;
            }

            int end = Close(lines, i);
            string lang = info[3..].Trim().ToLowerInvariant();
            if (lang is "csharp" or "cs" or "c#")
            {
                string code = string.Join('\n', lines[(i + 1)..end]);
                int next = end + 1;
                while (next < lines.Length && lines[next].Trim().Length == 0)
                {
                    next++;
                }

                string output = "";
                if (next < lines.Length && lines[next].Trim() == "```text")
                {
                    int outEnd = Close(lines, next);
                    output = string.Join('\n', lines[(next + 1)..outEnd]);
                }

                examples.Add(new ReadmeExample(relativePath, i + 1, code, output));
            }

            i = end;
        }

        return examples;
    }

    /// <summary>Builds one console program that runs every example in its own scope, in order, each announced by a
    /// marker line so that its output can be told apart: <c>using</c> directives are hoisted to the top.</summary>
    /// <param name="examples">The examples.</param>
    /// <returns>The program's source.</returns>
    public static string Program(IReadOnlyList<ReadmeExample> examples)
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        for (int i = 0; i < examples.Count; i++)
        {
            body.Append("Console.WriteLine(\"").Append(Marker(i)).Append("\");\n{\n");
            foreach (string line in examples[i].Code.Split('\n'))
            {
                if (UsingDirective().IsMatch(line))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    body.Append(line).Append('\n');
                }
            }

            body.Append("}\n");
        }

        body.Append("Console.WriteLine(\"").Append(Marker(examples.Count)).Append("\");\n");
        return string.Join('\n', usings) + "\n\n" + body;
    }

    /// <summary>Splits the program's output into each example's output.</summary>
    /// <param name="stdout">The program's standard output.</param>
    /// <param name="count">The number of examples.</param>
    /// <returns>Each example's output, lines joined with <c>\n</c>, trailing blank lines removed.</returns>
    public static IReadOnlyList<string> Outputs(string stdout, int count)
    {
        string text = stdout.Replace("\r\n", "\n", StringComparison.Ordinal);
        var outputs = new List<string>();
        for (int i = 0; i < count; i++)
        {
            int start = text.IndexOf(Marker(i) + "\n", StringComparison.Ordinal);
            int end = text.IndexOf(Marker(i + 1) + "\n", StringComparison.Ordinal);
            outputs.Add(start < 0 || end < 0 ? "<marker missing>" : text[(start + Marker(i).Length + 1)..end].TrimEnd('\n'));
        }

        return outputs;
    }

    private static string Marker(int i) => $"#### readme-example {i} ####";

    private static int Close(string[] lines, int open)
    {
        for (int j = open + 1; j < lines.Length; j++)
        {
            if (lines[j].Trim() == "```")
            {
                return j;
            }
        }

        throw new InvalidDataException($"The fence on line {open + 1} is not closed.");
    }

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
