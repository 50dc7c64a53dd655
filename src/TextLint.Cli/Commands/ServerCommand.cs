using System.CommandLine;
using TextLint.Cli.Configuration;
using TextLint.Cli.Infrastructure;
using TextLint.LanguageServer;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint server</c>: the language server (LSP 3.17 over standard input and output).</summary>
public static class ServerCommand
{
    public static readonly Option<int> DebounceOption = CliSyntax.Typed("--debounce", "ms",
        $"Pause after the last edit before linting and pushing diagnostics (default {ServerOptions.DefaultDebounceMilliseconds}; also the 'debounce' setting).",
        t => int.TryParse(t, out int n) && n is >= 0 and <= 60_000 ? n : (int?)null, t => $"--debounce needs milliseconds from 0 to 60000, not '{t}'.",
        () => ServerOptions.DefaultDebounceMilliseconds);

    public static readonly Option<bool> StdioOption = CliSyntax.Flag("--stdio", "Talk over standard input and output (the default and only transport; accepted because editors pass it).");

    /// <summary>Options whose value is a path: resolved against the folder the server starts in, not the workspace folder.</summary>
    private static readonly Option[] PathOptions = [LintConfiguration.RulesOption, LintConfiguration.ConfigOption, LintConfiguration.BaselineOption];

    /// <summary>The lint options that configure what is linted (as a lint run from the workspace folder takes them), and the server's own.</summary>
    public static readonly Option[] Options =
    [
        LintConfiguration.RulesOption,
        LintConfiguration.NoDefaultRulesOption,
        LintCommand.MaxFileSizeOption,
        LintConfiguration.ConfigOption,
        LintConfiguration.SeverityOption,
        LintConfiguration.WarnAsErrorOption,
        LintConfiguration.PreviewOption,
        LintConfiguration.NoInlineSuppressionsOption,
        LintConfiguration.MaxFindingsPerRuleOption,
        LintConfiguration.BaselineOption,
        DebounceOption,
        StdioOption,
        CliSyntax.HelpOption(),
    ];

    public static readonly CliCommand Definition = new("server", "Run the language server for editors (LSP over stdin/stdout).", () => Description, Epilogue, Run, Options)
    {
        SurplusArgument = a => $"The server takes no paths ('{a}'): the editor sends the documents.",
    };

    public const string Description = """
        Runs TextLint as a language server (LSP 3.17) over standard input and output, for editors:
        findings as you type, quick fixes, suppressions and the rule's explanation on hover. Each
        workspace folder is configured as 'dotnet textlint' run in that folder would be (textlint.yaml,
        .editorconfig, rule packs); changes to them are picked up while the server runs. Set-up for
        Neovim, Helix, Emacs, Zed and VS Code: docs/editors.md.
        """;

    public const string Epilogue = """
        Examples (the editor runs the command; see docs/editors.md):
          dotnet textlint server
          dotnet textlint server --rules house-style/ --baseline textlint.baseline.json
          dotnet textlint server --debounce 300

        Exit codes:
          0  the client sent shutdown, then exit (or closed the connection after shutdown)
          1  the connection ended without shutdown
          2  usage error
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        var host = CreateHost(parsed, ctx);
        var server = new Server(ctx.OpenStandardInput(), ctx.OpenStandardOutput(), host, new ServerOptions
        {
            Debounce = TimeSpan.FromMilliseconds(parsed.GetValue(DebounceOption)),
            Log = ctx.Error,
            ServerVersion = ToolInfo.Version,
        });
        // Ctrl-C or SIGTERM end the server at once: it holds nothing half-written (the baseline is replaced by a rename).
        using var stop = ctx.Cancellation.Register(() => Environment.Exit(130));
        return server.Run();
    }

    /// <summary>
    /// The workspace host for a parsed command line: path options are made absolute against the folder the
    /// server starts in (<paramref name="ctx"/>'s working folder), since each workspace folder is then
    /// configured from its own folder.
    /// </summary>
    public static CliWorkspaceHost CreateHost(ParseResult parsed, CliContext ctx)
    {
        var args = new List<string> { Definition.Syntax.Name };
        foreach (var option in Options)
        {
            if (parsed.GetResult(option) is not { Implicit: false } result) continue;
            if (option is Option<bool> flag) { if (parsed.GetValue(flag)) args.Add(option.Name); continue; }
            foreach (var token in result.Tokens)
                args.AddRange([option.Name, PathOptions.Contains(option) ? Path.GetFullPath(token.Value, ctx.WorkingDirectory) : token.Value]);
        }
        var absolute = Definition.Syntax.Parse(args);
        return new CliWorkspaceHost(absolute, absolute.GetValue(LintCommand.MaxFileSizeOption), ctx);
    }

    /// <summary>The host for raw arguments (tests and embedders), parsed as the command line would be.</summary>
    public static CliWorkspaceHost CreateHost(IReadOnlyList<string> args, CliContext ctx) =>
        CreateHost(Definition.Syntax.Parse([Definition.Syntax.Name, .. args]), ctx);
}
