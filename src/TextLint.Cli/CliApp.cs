using TextLint.Cli.Commands;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli;

/// <summary>A command: the words that select it, its arguments for the help list, a one-line summary, its entry point and help.</summary>
public sealed record CliCommand(string Name, string Arguments, string Summary, Func<IReadOnlyList<string>, CliContext, int> Run, Func<string> Help);

/// <summary>Dispatches to a command. First arguments that name a command select it; anything else lints.</summary>
public static class CliApp
{
    /// <summary>Every command, in the order help lists them. Adding a command is a file in Commands/ plus one line here.</summary>
    public static readonly CliCommand[] Commands =
    [
        new("lint", "[<path|glob>...]", "Lint articles (the default command).", LintCommand.Run, () => LintCommand.Help),
        new("rules", "[--format json]", "List the loaded rules: ID, category, severity, fix, title.", RulesCommand.Run, () => RulesCommand.Help),
        new("rules show", "<ID>", "Explain a rule: what it flags, why, examples, configuration.", RuleShowCommand.Run, () => RuleShowCommand.Help),
        new("test-rules", "[<pack>...]", "Run every rule's examples (the bundled pack by default).", TestRulesCommand.Run, () => TestRulesCommand.Help),
        new("init", "[<folder>] [--force]", "Write a starter textlint.yaml and .editorconfig (here by default).", InitCommand.Run, () => InitCommand.Help),
        new("server", "[--rules <dir|file>]... [--debounce <ms>]", "Run the language server for editors (LSP over stdin/stdout).", ServerCommand.Run, () => ServerCommand.Help),
        new("generate-docs", "<pack> [--check]", "Write a pack's rule pages, catalogue and release notes.", GenerateDocsCommand.Run, () => GenerateDocsCommand.Help),
        new("help", "[<command>]", "Show the help of a command.", HelpCommand.Run, () => HelpCommand.Help),
    ];

    public static int Run(IReadOnlyList<string> args, CliContext ctx)
    {
        try
        {
            if (Find(args) is { } command)
                return command.Run(args.Skip(command.Name.Count(c => c == ' ') + 1).ToList(), ctx);
            if (args.Count > 0 && LooksLikeMistypedCommand(args[0], ctx) is { } meant)
                return LintCommand.UsageError(ctx, $"'{args[0]}' is neither a command nor a file or folder. Did you mean 'dotnet textlint {meant}'?");
            return LintCommand.Run(args, ctx);
        }
        catch (OperationCanceledException)
        {
            ctx.Fail("Cancelled.");
            return 130;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // e.g. -o into a folder that cannot be created: the user's environment, not a bug.
            ctx.Fail(ex.Message);
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // Last line of defence: never a stack trace for a user; the details go to stderr in one line.
            ctx.Fail($"internal error: {ex.GetType().Name}: {ex.Message} Please report this at {ToolInfo.InformationUri}/issues.");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command the first arguments name (the one with the most matching words), or null.</summary>
    public static CliCommand? Find(IReadOnlyList<string> args)
    {
        CliCommand? best = null;
        int bestWords = 0;
        foreach (var c in Commands)
        {
            string[] words = c.Name.Split(' ');
            if (words.Length > args.Count || words.Length <= bestWords) continue;
            bool match = true;
            for (int i = 0; i < words.Length && match; i++) match = args[i] == words[i];
            if (match) (best, bestWords) = (c, words.Length);
        }
        return best;
    }

    /// <summary>The commands as help lists them.</summary>
    public static string FormatCommandList()
    {
        var rows = Commands.Select(c => (Left: c.Name + " " + c.Arguments, c.Summary)).ToList();
        int width = rows.Max(r => r.Left.Length) + 2;
        return string.Join(Environment.NewLine, rows.Select(r => "  " + r.Left.PadRight(width) + r.Summary));
    }

    // "dotnet textlint rule show X" would otherwise lint a path 'rule' that does not exist.
    private static string? LooksLikeMistypedCommand(string arg, CliContext ctx)
    {
        if (arg.StartsWith('-') || InputFiles.IsGlob(arg)) return null;
        string full = Path.GetFullPath(arg, ctx.WorkingDirectory);
        if (File.Exists(full) || Directory.Exists(full)) return null;
        return ArgParser.Closest(arg, Commands.Select(c => c.Name.Split(' ')[0]).Distinct(), 2);
    }
}
