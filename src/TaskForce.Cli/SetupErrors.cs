using System.Net.Sockets;
using Azure;
using TaskForce.Cli.Resources;
using TaskForce.Domain.Common;
using TaskForce.Storage;

namespace TaskForce.Cli;

/// <summary>Storage problems told as what to fix (issue 15 §3, ADR-027): one line naming <c>TASKFORCE_STORAGE</c> and
/// the likely cause — unreachable, refused key, malformed connection string, retries exhausted — never the SDK's text,
/// its headers, a type name or a stack trace.</summary>
internal static class SetupErrors
{
    /// <summary>The setting every storage message names.</summary>
    public static string Setting => TaskForceStorageOptions.ConnectionSettingName;

    /// <summary>Tells a failure of the storage account in one line, or <see langword="null"/> when it is not one.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="opening">Whether it happened while the storage client was created (a parse error of the connection
    /// string is then the likely cause).</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    public static string? Describe(Exception exception, bool opening)
    {
        bool retried = false; // the SDK gave up after its retries (a timeout or server errors, no socket failure)
        RequestFailedException? answered = null;
        foreach (Exception e in Chain(exception))
        {
            switch (e)
            {
                case AggregateException a when a.Message.StartsWith("Retry failed", StringComparison.Ordinal):
                    retried = true;
                    break;
                case RequestFailedException { Status: 403 } or RequestFailedException { ErrorCode: "AuthenticationFailed" }:
                    return Texts.Format(CliText.StorageKeyRefused, Setting);
                case RequestFailedException { Status: > 0 } r:
                    answered ??= r;
                    break;
                case SocketException or HttpRequestException:
                    return Texts.Format(CliText.StorageUnreachable, Setting);
                case FormatException when opening:
                    return Texts.Format(CliText.StorageMalformed, Setting);
            }
        }

        if (answered is not null)
        {
            return Texts.Format(CliText.StorageFailed, Setting, answered.Status);
        }

        if (retried || exception is RequestFailedException || exception is TimeoutException)
        {
            return Texts.Format(CliText.StorageRetriesExhausted, Setting);
        }

        // Creating the client from a connection string it cannot read fails with ArgumentException/InvalidOperationException.
        return opening && exception is ArgumentException or InvalidOperationException or UriFormatException
            ? Texts.Format(CliText.StorageMalformed, Setting)
            : null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            Exception e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
