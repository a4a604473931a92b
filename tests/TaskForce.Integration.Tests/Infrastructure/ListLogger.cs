using Microsoft.Extensions.Logging;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>A logger that keeps every entry (event id, level, formatted message and the structured values) so tests
/// can check what an audit entry says and that no personal data was logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public List<(EventId Id, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        lock (Entries)
        {
            Entries.Add((eventId, logLevel, formatter(state, exception), values));
        }
    }

    /// <summary>Every message and value as one text, for "contains no secret" checks.</summary>
    public string AllText()
    {
        lock (Entries)
        {
            return string.Join("\n", Entries.Select(e => e.Message + " " + string.Join(" ", e.Values.Select(v => v.Key + "=" + v.Value))));
        }
    }
}
