using System.Runtime.CompilerServices;
using System.Text;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>One line of a line-based input file (JSON Lines), decoded strictly.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The decoded text without its line break, or <see langword="null"/> when the line's bytes are
/// not UTF-8.</param>
/// <param name="Error">Why the line cannot be read (invalid UTF-8, with the byte's position), or
/// <see langword="null"/>.</param>
public sealed record InputLine(int Number, string? Text, DomainValidationException? Error);

/// <summary>
/// Reads a JSON Lines file line by line with a throwing UTF-8 decoder (docs/decisions/ADR-028-bad-input.md): a line
/// whose bytes are not UTF-8 is reported with its number (<see cref="InputLine.Error"/>, kind
/// <see cref="InputProblems.InvalidUtf8"/>) and the next lines are still read, where a lenient reader would store
/// U+FFFD in their place. A UTF-8 byte-order mark at the start is skipped; lines end at LF (a CR before it is
/// dropped).
/// </summary>
public static class Utf8Lines
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the lines of a stream.</summary>
    /// <param name="stream">The file's bytes. Cannot be <see langword="null"/>.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes; a longer line is an error line.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The lines, in order, blank ones included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public static async IAsyncEnumerable<InputLine> ReadAsync(Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[64 * 1024];
        using var line = new MemoryStream();
        int number = 0;
        bool first = true, tooLong = false;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            int start = 0;
            if (first && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                start = 3;
            }

            first = false;
            for (int i = start; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                Append(line, buffer, start, i - start, maxLineBytes, ref tooLong);
                yield return Decode(++number, line, tooLong, maxLineBytes);
                line.SetLength(0);
                tooLong = false;
                start = i + 1;
            }

            Append(line, buffer, start, read - start, maxLineBytes, ref tooLong);
        }

        if (line.Length > 0 || tooLong)
        {
            yield return Decode(++number, line, tooLong, maxLineBytes);
        }
    }

    /// <summary>Turns text already decoded (an HTTP body, a test's reader) into lines: a line holding U+FFFD is an
    /// error line, as its bytes were not UTF-8 before a lenient decoder replaced them.</summary>
    /// <param name="reader">The text. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The lines, in order, blank ones included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    public static async IAsyncEnumerable<InputLine> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            number++;
            if (number == 1)
            {
                text = text.TrimStart('\uFEFF');
            }

            int bad = text.IndexOf('\uFFFD', StringComparison.Ordinal);
            yield return bad < 0 ? new InputLine(number, text, null)
                : new InputLine(number, null, InputProblems.Create("line", Texts.Format(ImportText.LineNotUtf8, bad + 1), InputProblems.InvalidUtf8));
        }
    }

    private static void Append(MemoryStream line, byte[] buffer, int start, int count, int max, ref bool tooLong)
    {
        if (tooLong || count <= 0)
        {
            return;
        }

        if (line.Length + count > max)
        {
            tooLong = true;
            return;
        }

        line.Write(buffer, start, count);
    }

    private static InputLine Decode(int number, MemoryStream line, bool tooLong, int max)
    {
        if (tooLong)
        {
            return new InputLine(number, null, InputProblems.Create("line", Texts.Format(ImportText.LineTooLong, max), InputProblems.InvalidValue));
        }

        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        try
        {
            return new InputLine(number, Strict.GetString(bytes), null);
        }
        catch (DecoderFallbackException ex)
        {
            int at = ex.Index >= 0 ? ex.Index + 1 : 0;
            return new InputLine(number, null, InputProblems.Create("line", Texts.Format(ImportText.LineNotUtf8Byte, at), InputProblems.InvalidUtf8));
        }
    }
}
