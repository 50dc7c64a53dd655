namespace TextLint.Cli.Infrastructure;

/// <summary>The process's surroundings, injectable so tests run commands in-process against real files.</summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public required string WorkingDirectory { get; init; }
    public Func<Stream> OpenStandardOutput { get; init; } = System.Console.OpenStandardOutput;
    public Func<Stream> OpenStandardInput { get; init; } = System.Console.OpenStandardInput;
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>Whether stderr is not a terminal (the progress bar is drawn only on a terminal).</summary>
    public bool IsErrorRedirected { get; init; } = true;

    /// <summary>Cancelled by Ctrl-C / SIGTERM: the run stops after the files in progress (see Program).</summary>
    public CancellationToken Cancellation { get; init; }

    public static CliContext FromProcess(CancellationToken cancellation = default) => new()
    {
        Cancellation = cancellation,
        Out = System.Console.Out,
        Error = System.Console.Error,
        WorkingDirectory = Directory.GetCurrentDirectory(),
        IsOutputRedirected = System.Console.IsOutputRedirected,
        IsErrorRedirected = System.Console.IsErrorRedirected,
    };

    /// <summary>Prints "textlint: error: ..." on stderr.</summary>
    public void Fail(string message) => Error.WriteLine($"textlint: error: {message}");

    /// <summary>A bad command line: the message, the command's usage line and where to read more; exit code 2.</summary>
    public int UsageError(string message, string usage, string helpCommand)
    {
        Fail(message);
        Error.WriteLine(usage);
        Error.WriteLine($"Run '{helpCommand}' for more.");
        return ExitCodes.Failure;
    }
}
