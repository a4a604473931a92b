namespace TaskForce.Cli;

/// <summary>The entry point of the <c>taskforce</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the tool with the process's standard streams.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 on success, 2 on bad input, 1 on any other failure (docs/wire-contract.md).</returns>
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error, storage: null, CancellationToken.None);
}
