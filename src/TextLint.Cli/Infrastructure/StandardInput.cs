using TextLint.Diagnostics;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// Standard input linted as if it were a file (<c>--stdin --stdin-filename &lt;name&gt;</c>): editors
/// send an unsaved buffer and read the findings back. The name gives the output's path and SARIF URI
/// (relative to the working folder, exactly as linting the file on disk would show it) and picks
/// Markdown or plain text by its extension.
/// </summary>
public static class StandardInput
{
    /// <summary>The name used without --stdin-filename: no extension, so the text is read as plain text.</summary>
    public const string DefaultName = "<stdin>";

    public static InputFile? Read(CliContext ctx, string? name, long maxBytes, List<ConfigurationDiagnostic> problems)
    {
        string full = Path.GetFullPath(name ?? DefaultName, ctx.WorkingDirectory);
        string display = name is null ? DefaultName : InputFiles.DisplayPath(full, ctx.WorkingDirectory);
        using var input = ctx.OpenStandardInput();
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        // Stop at the size limit rather than hold an unbounded pipe in memory.
        while ((n = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                problems.Add(new ConfigurationDiagnostic(NotificationCodes.OverSizeLimit, Severity.Warning, display, 0, 0,
                    $"Skipped: standard input is over the {maxBytes:N0}-byte limit."));
                return null;
            }
        }
        return new InputFile(full, display) { Content = buffer.ToArray() };
    }
}
