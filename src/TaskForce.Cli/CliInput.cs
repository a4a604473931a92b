using System.CommandLine;
using TaskForce.Cli.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Cli;

/// <summary>The one input option of every command, <c>--file</c> (issue 15 §5, ADR-027), and the checks of an input
/// file made the same way for every command (issue 15 §3/§4): a missing path, a folder and an empty file are bad
/// input (exit 2) naming the option, before anything is read or stored.</summary>
internal static class CliInput
{
    /// <summary>The name of the input option of every command.</summary>
    public const string FileOption = "--file";

    /// <summary>The error field of the input option (its name without dashes).</summary>
    public const string FileField = "file";

    /// <summary>Creates the required <c>--file</c> option of a command that reads one file.</summary>
    /// <param name="description">The help text: what the file holds.</param>
    /// <returns>The option.</returns>
    public static Option<string> File(string description) => new(FileOption) { Description = description, Required = true };

    /// <summary>Creates the required, repeatable <c>--file</c> option of a command that reads several files
    /// (<c>--file a.csv --file b.csv</c> or <c>--file a.csv b.csv</c>).</summary>
    /// <param name="description">The help text: what each file holds.</param>
    /// <returns>The option.</returns>
    public static Option<string[]> Files(string description) => new(FileOption)
    {
        Description = description,
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Checks that <paramref name="path"/> names an existing file holding more than white space (a UTF-8
    /// byte-order mark alone, as Notepad writes for an empty file, counts as empty).</summary>
    /// <param name="path">The path given.</param>
    /// <param name="field">The error's field (e.g. <c>file</c>).</param>
    /// <param name="option">The option that gave it, named in the message, e.g. <c>--file</c>.</param>
    /// <exception cref="DomainValidationException">The path is empty, missing, a folder, or the file is empty.</exception>
    public static void RequireContent(string? path, string field = FileField, string option = FileOption)
    {
        RequireFile(path, field, option);
        using var stream = System.IO.File.OpenRead(path!);
        var buffer = new byte[4096];
        int read;
        bool first = true;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            ReadOnlySpan<byte> span = buffer.AsSpan(0, read);
            if (first && span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }

            first = false;
            if (!span.Trim(" \t\r\n"u8).IsEmpty)
            {
                return;
            }
        }

        throw new DomainValidationException(field, Texts.Format(CliText.FileEmpty, path, option));
    }

    /// <summary>Checks that <paramref name="path"/> names an existing file (not a folder).</summary>
    /// <param name="path">The path given.</param>
    /// <param name="field">The error's field.</param>
    /// <param name="option">The option that gave it, named in the message.</param>
    /// <exception cref="DomainValidationException">The path is empty, missing or a folder.</exception>
    public static void RequireFile(string? path, string field = FileField, string option = FileOption)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DomainValidationException(field, Texts.Format(CliText.FileNeedsPath, option));
        }

        if (Directory.Exists(path))
        {
            throw new DomainValidationException(field, Texts.Format(CliText.PathIsFolder, path, option));
        }

        if (!System.IO.File.Exists(path))
        {
            throw new DomainValidationException(field, Texts.Format(CliText.FileMissing, path, option));
        }
    }
}
