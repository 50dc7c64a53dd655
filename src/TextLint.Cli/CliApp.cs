using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using TextLint.Cli.Commands;
using TextLint.Cli.Infrastructure;
using TextLint.Cli.Patterns;
using TextLint.Matching;

namespace TextLint.Cli;

/// <summary>
/// A command: the words that select it, its syntax (System.CommandLine options and arguments, from which
/// its usage line, help and completions are generated), a one-line summary, what help says besides the
/// generated parts, its entry point, and its own words for a missing or surplus argument.
/// </summary>
public sealed class CliCommand
{
    public CliCommand(string name, string summary, Func<string> description, string epilogue, Func<ParseResult, CliContext, int> run,
        Option[] options, Argument? argument = null)
    {
        Name = name;
        Summary = summary;
        Description = description;
        Epilogue = epilogue;
        Run = run;
        Syntax = new Command(name.Split(' ')[^1], summary);
        // CliApp runs the command itself; an action only keeps a command that has subcommands in the
        // completion tree ('rules' > 'show') from requiring one when it is parsed on its own.
        Syntax.SetAction(_ => ExitCodes.Success);
        foreach (var o in options) Syntax.Options.Add(o);
        if (argument is not null) Syntax.Arguments.Add(argument);
    }

    /// <summary>The words that select the command, e.g. "rules show".</summary>
    public string Name { get; }
    public string Summary { get; }
    public Func<string> Description { get; }
    public string Epilogue { get; }
    public Func<ParseResult, CliContext, int> Run { get; }
    public Command Syntax { get; }

    /// <summary>The message when the command's required argument is missing (default: System.CommandLine's).</summary>
    public string? MissingArgument { get; init; }

    /// <summary>The message for a surplus argument (default: "Unexpected argument 'x'.").</summary>
    public Func<string, string>? SurplusArgument { get; init; }

    /// <summary>How the command is invoked, for usage lines and "Run '... --help'".</summary>
    public string Invocation => Name == "lint" ? "dotnet textlint" : "dotnet textlint " + Name;

    /// <summary>The arguments as the usage line shows them, e.g. "&lt;ID&gt;".</summary>
    public string Arguments => CliSyntax.Arguments(Syntax);

    /// <summary>The generated usage line(s).</summary>
    public string Usage => Name == "lint" ? LintCommand.Usage : CliSyntax.Usage(Invocation, Syntax);

    /// <summary>A usage error of this command: the message, its usage and where to read more; exit code 2.</summary>
    public int UsageError(CliContext ctx, string message) => ctx.UsageError(message, Usage, Invocation + " --help");
}

/// <summary>Dispatches to a command. First arguments that name a command select it; anything else lints.</summary>
public static class CliApp
{
    public static readonly CliCommand Lint = new("lint", "Lint articles (the default command).", () => LintCommand.Description,
        LintCommand.Epilogue, LintCommand.Run, LintCommand.Options, LintCommand.PathsArgument);

    /// <summary>Every command, in the order help lists them. Adding a command is a file in Commands/ plus one line here.</summary>
    public static readonly CliCommand[] Commands =
    [
        Lint,
        RulesCommand.Definition,
        RuleShowCommand.Definition,
        TestRulesCommand.Definition,
        MergeCommand.Definition,
        InitCommand.Definition,
        ServerCommand.Definition,
        GenerateDocsCommand.Definition,
        CompletionsCommand.Definition,
        HelpCommand.Definition,
    ];

    /// <summary>
    /// Maintenance commands the build runs: found like the others, but not listed in help, in completions
    /// or in "did you mean" suggestions, and named under "internal" so that they say what they are.
    /// </summary>
    public static readonly CliCommand[] InternalCommands =
    [
        PackSnapshotCommand.Definition,
        BundledPatternsCommand.Definition,
    ];

    // @file is a path to lint, not a response file.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static int Run(IReadOnlyList<string> args, CliContext ctx)
    {
        // The bundled pack's regexes as generated code (Patterns/BundledPatterns.g.cs): the engine takes one
        // wherever it would run the same pattern on the backtracking interpreter; other patterns run as before.
        PrecompiledPatterns.Table ??= BundledPatterns.Instance;
        try
        {
            if (args.Count > 0 && args[0].StartsWith("[suggest", StringComparison.Ordinal))
                return Complete(args, ctx);
            var command = Find(args);
            var rest = args.Skip(command is null ? 0 : command.Name.Count(c => c == ' ') + 1).ToList();
            command ??= Lint;
            // The command's own name first: System.CommandLine skips a leading token that names the command
            // parsed, which would otherwise swallow a path or argument of that name ('init init').
            var parsed = command.Syntax.Parse([command.Syntax.Name, .. rest], Parsing);
            // --help wins over a missing argument ('rules show --help'), not over an unknown option.
            if (parsed.GetValue(HelpOf(command)) && parsed.UnmatchedTokens.Count == 0 && UnknownOptionToken(command, parsed) is null)
            {
                ctx.Out.WriteLine(HelpCommand.Render(command));
                return ExitCodes.Success;
            }
            if (ParseError(command, parsed, rest) is { } error) return command.UsageError(ctx, error);
            if (command == Lint && Find(args) is null && (parsed.GetValue(LintCommand.PathsArgument) ?? []) is [var first, ..]
                && LooksLikeMistypedCommand(first, ctx) is { } meant)
                return command.UsageError(ctx, $"'{first}' is neither a command nor a file or folder. Did you mean 'dotnet textlint {meant}'?");
            return command.Run(parsed, ctx);
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
        foreach (var c in Commands.Concat(InternalCommands))
        {
            string[] words = c.Name.Split(' ');
            if (words.Length > args.Count || words.Length <= bestWords) continue;
            bool match = true;
            for (int i = 0; i < words.Length && match; i++) match = args[i] == words[i];
            if (match) (best, bestWords) = (c, words.Length);
        }
        return best;
    }

    /// <summary>The commands as help lists them: name, arguments, summary.</summary>
    public static string FormatCommandList() =>
        CliSyntax.Table(Commands.Select(c => (c.Name + (c.Arguments.Length > 0 ? " " + c.Arguments : ""), c.Summary)).ToList());

    private static Option<bool> HelpOf(CliCommand command) => (Option<bool>)command.Syntax.Options.First(o => o.Name == "--help");

    /// <summary>
    /// The first problem with the command line, in our words: an unknown option (with the nearest
    /// known one), a missing value, a surplus or missing argument, or a value an option rejects.
    /// </summary>
    private static string? ParseError(CliCommand command, ParseResult parsed, IReadOnlyList<string> args)
    {
        var options = command.Syntax.Options;
        // --flag=value: System.CommandLine would take the value for an argument (a path to lint).
        foreach (string arg in args.TakeWhile(a => a != "--"))
        {
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 2
                && options.FirstOrDefault(o => o.Name == arg[..eq] || o.Aliases.Contains(arg[..eq])) is { Arity.MaximumNumberOfValues: 0 } flag)
                return $"Option '{flag.Name}' takes no value.";
        }
        if (UnknownOptionToken(command, parsed) is { } unknown) return UnknownOption(unknown, options);
        foreach (string unmatched in parsed.UnmatchedTokens)
            return unmatched.Length > 1 && unmatched[0] == '-' ? UnknownOption(unmatched, options)
                : command.SurplusArgument?.Invoke(unmatched) ?? $"Unexpected argument '{unmatched}'.";
        foreach (var error in parsed.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult { Option: var o } r when r.Tokens.Count == 0 && o.Arity.MinimumNumberOfValues > 0:
                    return $"Option '{o.Name}' needs a value: {o.Name} <{o.HelpName}>.";
                case OptionResult { Option: var o } r when r.Tokens.Count > 1 && o.Arity.MaximumNumberOfValues == 1:
                    return $"Option '{o.Name}' may be given only once.";
                case ArgumentResult when command.MissingArgument is { } missing:
                    return missing;
                default:
                    return error.Message;
            }
        }
        return null;
    }

    /// <summary>An argument that looks like an option (before any "--"): the lint command would take it for a path.</summary>
    private static string? UnknownOptionToken(CliCommand command, ParseResult parsed)
    {
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) return null;
            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-') return token.Value;
        }
        return null;
    }

    private static string UnknownOption(string token, IEnumerable<Option> options)
    {
        int eq = token.IndexOf('=');
        string name = eq > 0 ? token[..eq] : token;
        var known = options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
        if (known is not null) return $"Option '{known.Name}' takes no value.";
        string? best = CliSyntax.Closest(name, options.Select(o => o.Name), 3);
        return $"Unknown option '{name}'.{(best is null ? "" : $" Did you mean '{best}'?")}";
    }

    // "dotnet textlint rule show X" would otherwise lint a path 'rule' that does not exist.
    private static string? LooksLikeMistypedCommand(string arg, CliContext ctx)
    {
        if (arg.StartsWith('-') || InputFiles.IsGlob(arg)) return null;
        string full = Path.GetFullPath(arg, ctx.WorkingDirectory);
        if (File.Exists(full) || Directory.Exists(full)) return null;
        return CliSyntax.Closest(arg, Commands.Select(c => c.Name.Split(' ')[0]).Distinct(), 2);
    }

    private static RootCommand? _completionTree;

    /// <summary>The whole command tree (the root lints), for System.CommandLine's [suggest] directive; built once, as a command belongs to its parent.</summary>
    internal static RootCommand CompletionTree() => LazyInitializer.EnsureInitialized(ref _completionTree, BuildCompletionTree);

    private static RootCommand BuildCompletionTree()
    {
        var root = new RootCommand(Lint.Summary);
        root.Options.Clear();
        foreach (var o in Lint.Syntax.Options) root.Options.Add(o);
        foreach (var a in Lint.Syntax.Arguments) root.Arguments.Add(a);
        var byName = new Dictionary<string, Command>();
        foreach (var c in Commands)
        {
            string[] words = c.Name.Split(' ');
            Command parent = words.Length == 1 ? root : byName[words[0]];
            parent.Subcommands.Add(c.Syntax);
            byName[c.Name] = c.Syntax;
        }
        return root;
    }

    /// <summary><c>dotnet textlint "[suggest:N]" "command line"</c>: the completions at position N, one a line.</summary>
    private static int Complete(IReadOnlyList<string> args, CliContext ctx)
    {
        var root = CompletionTree();
        var parsed = root.Parse(args, Parsing);
        if (root.Directives.OfType<SuggestDirective>().FirstOrDefault() is not { } suggest || parsed.GetResult(suggest) is null) return Lint.UsageError(ctx, $"'{args[0]}' is not a directive TextLint knows; use [suggest:<position>].");
        return parsed.Invoke(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error });
    }
}
