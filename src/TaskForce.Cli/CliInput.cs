using TaskForce.Domain.Common;

namespace TaskForce.Cli;

/// <summary>Checks of an input file made the same way for every command (issue 15 §4): a missing path, a folder and
/// an empty file are bad input (exit 2) naming the option, before anything is read or stored.</summary>
internal static class CliInput
{
    /// <summary>Checks that <paramref name="path"/> names an existing file holding more than white space (a UTF-8
    /// byte-order mark alone, as Notepad writes for an empty file, counts as empty).</summary>
    /// <param name="path">The path given.</param>
    /// <param name="option">The option (or argument) that gave it, named in the error, e.g. <c>--lists</c>.</param>
    /// <exception cref="DomainValidationException">The path is empty, a folder, or the file is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static void RequireContent(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DomainValidationException(option, $"{option} needs the path of a file.");
        }

        CliContext.RejectFolder(path, option);
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

        throw new DomainValidationException(option, $"The file '{path}' given as {option} is empty; nothing was read or stored.");
    }
}
