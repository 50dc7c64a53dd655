using TextLint.Cli.Configuration;
using TextLint.Cli.Infrastructure;
using TextLint.LanguageServer;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint server</c>: the language server (LSP 3.17 over standard input and output).</summary>
public static class ServerCommand
{
    /// <summary>The lint options that configure what is linted, as a lint run from the workspace folder takes them.</summary>
    private static readonly string[] ConfigurationOptions =
        ["--rules", "--no-default-rules", "--max-file-size", "--config", "--severity", "--warnaserror", "--no-inline-suppressions", "--baseline"];

    /// <summary>Options whose value is a path: resolved against the folder the server starts in, not the workspace folder.</summary>
    private static readonly string[] PathOptions = ["--rules", "--config", "--baseline"];

    public static readonly OptionSpec[] Options =
    [
        .. LintCommand.Options.Where(o => ConfigurationOptions.Contains(o.Name)),
        new("--debounce", null, "ms", $"Pause after the last edit before linting and pushing diagnostics (default {ServerOptions.DefaultDebounceMilliseconds}; also the 'debounce' setting)."),
        new("--stdio", null, null, "Talk over standard input and output (the default and only transport; accepted because editors pass it)."),
        new("--help", "-h", null, "Show this help."),
    ];

    public const string Usage = "usage: dotnet textlint server [--rules <dir|file>]... [--config <file>] [--baseline <file>] [--debounce <ms>] [options]";

    public static string Help => $"""
        Runs TextLint as a language server (LSP 3.17) over standard input and output, for editors:
        findings as you type, quick fixes, suppressions and the rule's explanation on hover. Each
        workspace folder is configured as 'dotnet textlint' run in that folder would be (textlint.yaml,
        .editorconfig, rule packs); changes to them are picked up while the server runs. Set-up for
        Neovim, Helix, Emacs, Zed and VS Code: docs/editors.md.

        {Usage}

        Options:
        {ArgParser.FormatOptions(Options)}

        Examples (the editor runs the command; see docs/editors.md):
          dotnet textlint server
          dotnet textlint server --rules house-style/ --baseline textlint.baseline.json
          dotnet textlint server --debounce 300

        Exit codes:
          0  the client sent shutdown, then exit (or closed the connection after shutdown)
          1  the connection ended without shutdown
          2  usage error
        """;

    public static int Run(IReadOnlyList<string> args, CliContext ctx)
    {
        ParsedArgs parsed;
        try
        {
            parsed = ArgParser.Parse(args, Options);
        }
        catch (UsageException ex)
        {
            return ctx.UsageError(ex.Message, Usage, "dotnet textlint server --help");
        }
        if (parsed.Has("--help")) { ctx.Out.WriteLine(Help); return ExitCodes.Success; }
        if (parsed.Positionals.Count > 0)
            return ctx.UsageError($"The server takes no paths ('{parsed.Positionals[0]}'): the editor sends the documents.", Usage, "dotnet textlint server --help");
        int debounce = ServerOptions.DefaultDebounceMilliseconds;
        if (parsed.Value("--debounce") is { } d && (!int.TryParse(d, out debounce) || debounce < 0 || debounce > 60_000))
            return ctx.UsageError($"--debounce needs milliseconds from 0 to 60000, not '{d}'.", Usage, "dotnet textlint server --help");
        long maxFileSize = TextLint.Pipeline.FileLinter.DefaultMaxFileSize;
        if (parsed.Value("--max-file-size") is { } sizeText && !ByteSize.TryParse(sizeText, out maxFileSize))
            return ctx.UsageError($"--max-file-size needs a size such as 50M, 512K or 1000000 (at most 1G), not '{sizeText}'.", Usage, "dotnet textlint server --help");
        foreach (string option in PathOptions)
            if (parsed.Values.TryGetValue(option, out var values))
                for (int i = 0; i < values.Count; i++) values[i] = Path.GetFullPath(values[i], ctx.WorkingDirectory);

        var host = new CliWorkspaceHost(parsed, maxFileSize, ctx);
        var server = new Server(ctx.OpenStandardInput(), ctx.OpenStandardOutput(), host, new ServerOptions
        {
            Debounce = TimeSpan.FromMilliseconds(debounce),
            Log = ctx.Error,
            ServerVersion = ToolInfo.Version,
        });
        // Ctrl-C or SIGTERM end the server at once: it holds nothing half-written (the baseline is replaced by a rename).
        using var stop = ctx.Cancellation.Register(() => Environment.Exit(130));
        return server.Run();
    }
}
