namespace TaskForce.Cli;

/// <summary>Storage could not be opened for a reason the officer can fix in <c>TASKFORCE_STORAGE</c> (ADR-027); the
/// message is one line naming the setting and the likely cause (<see cref="SetupErrors"/>), never the SDK's text.</summary>
public sealed class StorageSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The line for the officer.</param>
    /// <param name="innerException">The storage client's failure (kept for debugging, never printed).</param>
    public StorageSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The line for the officer.</param>
    public StorageSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public StorageSetupException()
    {
    }
}
