using System.Text;
using TextLint.Cli;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli.Tests;

/// <summary>Runs the CLI in-process against real files, capturing stdout (as bytes, for SARIF) and stderr.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

internal static class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, _ => null, terminal: false, CancellationToken.None, args);

    /// <summary>With a cancellation token standing in for Ctrl-C.</summary>
    public static CliResult Run(string workingDirectory, CancellationToken cancellation, params string[] args) =>
        Run(workingDirectory, _ => null, terminal: false, cancellation, args);

    /// <summary>Runs with the given environment, and with standard output a terminal or redirected.</summary>
    public static CliResult Run(string workingDirectory, Func<string, string?> environment, bool terminal, params string[] args) =>
        Run(workingDirectory, environment, terminal, CancellationToken.None, null, args);

    /// <summary>Runs with <paramref name="stdin"/> (UTF-8) as standard input.</summary>
    public static CliResult RunWithInput(string workingDirectory, string? stdin, params string[] args) =>
        RunWithInput(workingDirectory, stdin is null ? null : Encoding.UTF8.GetBytes(stdin), args);

    public static CliResult RunWithInput(string workingDirectory, byte[]? stdin, params string[] args) =>
        Run(workingDirectory, _ => null, terminal: false, CancellationToken.None, stdin, args);

    private static CliResult Run(string workingDirectory, Func<string, string?> environment, bool terminal, CancellationToken cancellation, string[] args) =>
        Run(workingDirectory, environment, terminal, cancellation, null, args);

    private static CliResult Run(string workingDirectory, Func<string, string?> environment, bool terminal, CancellationToken cancellation, byte[]? stdin, string[] args)
    {
        var stdout = new MemoryStream();
        var outWriter = new StreamWriter(stdout, new UTF8Encoding(false)) { AutoFlush = true };
        var err = new StringWriter();
        var ctx = new CliContext
        {
            Out = outWriter,
            Error = err,
            WorkingDirectory = workingDirectory,
            OpenStandardOutput = () => stdout,
            IsOutputRedirected = !terminal,
            GetEnvironmentVariable = environment,
            OpenStandardInput = () => new MemoryStream(stdin ?? []),
            Cancellation = cancellation,
        };
        int code = CliApp.Run(args, ctx);
        outWriter.Flush();
        return new CliResult(code, Encoding.UTF8.GetString(stdout.ToArray()), err.ToString());
    }
}
