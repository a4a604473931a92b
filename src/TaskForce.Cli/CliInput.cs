using TaskForce.Domain.Common;

namespace TaskForce.Cli;

/// <summary>Checks of an input file made the same way for every command (issue 15 §4): a missing path, a folder and
/// an empty file are bad input (exit 2) naming the option, before anything is read or stored.</summary>
internal static class CliInput
{
    /// <summary>Checks that <paramref name="path"/> names an existing file holding more than white space (a UTF-8
    /// byte-order mark alone, as Notepad writes for an empty file, counts as empty).</summary>
    /// <param name="path">The path given.</param>
    /// <param name="field">The error's field, as the command's other errors about this file name it (e.g. <c>lists</c>).</param>
    /// <param name="option">The option (or argument) that gave it, named in the message, e.g. <c>--lists</c>.</param>
    /// <exception cref="DomainValidationException">The path is empty, a folder, or the file is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static void RequireContent(string? path, string field, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DomainValidationException(field, $"{option} needs the path of a file.");
        }

        CliContext.RejectFolder(path, field);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
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

        throw new DomainValidationException(field, $"The file '{path}' given as {option} is empty; nothing was read or stored.");
    }
}
