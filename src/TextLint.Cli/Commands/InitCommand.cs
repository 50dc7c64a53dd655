using TextLint.Cli.Infrastructure;
using TextLint.Configuration;
using TextLint.Rules;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint init [folder] [--force]</c>: a commented starter textlint.yaml and .editorconfig.</summary>
public static class InitCommand
{
    public static readonly OptionSpec[] Options =
    [
        new("--force", null, null, "Overwrite textlint.yaml and .editorconfig if they exist."),
        new("--help", "-h", null, "Show this help."),
    ];

    public const string Usage = "usage: dotnet textlint init [<folder>] [--force]";

    public static string Help => $"""
        Writes a commented starter textlint.yaml (packs, files, per-rule options) and .editorconfig
        (severities per folder) into the folder (default: the current one). Existing files are left
        alone unless --force is given.

        {Usage}

        Options:
        {ArgParser.FormatOptions(Options)}

        Exit codes: 0 written, 2 a file exists (without --force) or could not be written.

        Examples:
          dotnet textlint init
          dotnet textlint init newsroom/ --force
        """;

    public const string StarterProjectConfig = """
        # textlint.yaml: project settings for TextLint. `dotnet textlint` uses the nearest one in the
        # current folder or above it; `--config FILE` names another. Severities per folder live in
        # .editorconfig; this file says what to load and how the rules behave. Lines that start with
        # '#' and no space are examples: delete the '#' to use one.
        # Reference: https://github.com/textlint-dotnet/textlint#textlintyaml

        # Rule packs to load besides the bundled one: folders or .yaml files, relative to this file.
        #packs:
        #  - house-style/

        # Load the bundled editorial pack (--no-default-rules turns it off for one run).
        defaultRules: true

        # Which files a folder walk or a glob picks up: globs relative to this file. Files named on
        # the command line are always linted. An exclude that matches a folder skips all of it.
        #include:
        #  - "articles/**"
        #exclude:
        #  - drafts
        #  - "**/*.draft.md"

        # Honour <!-- textlint-disable --> comments. Set false (or pass --no-inline-suppressions)
        # where authors must not silence the editors' rules.
        inlineSuppressions: true

        # Per-rule settings. 'severity' (error, warning, suggestion, silent, none, default) and
        # 'enabled' apply to every file unless .editorconfig or --severity says otherwise. Any other
        # key replaces the rule's own option of that name; 'extend' adds to a list option instead.
        #rules:
        #  TL1001:
        #    severity: error
        #    extend:
        #      markers: ["insiders claim"]
        #  TL7501:
        #    enabled: false

        """;

    public const string StarterEditorConfig = """
        # .editorconfig: TextLint severities per folder, with Roslyn's keys and precedence.
        # Levels: error, warning, suggestion, silent, none, default. A rule's ID beats its category,
        # which beats all rules; category and all-rules keys never turn on a rule that is off by
        # default. The nearest .editorconfig wins; root = true stops the search for files above.
        # Lines that start with '#' and no space are examples: delete the '#' to use one.
        # Reference: https://github.com/textlint-dotnet/textlint#editorconfig
        root = true

        [*.{txt,md,markdown}]
        # Every rule that is on by default:
        #textlint_analyzer_diagnostic.severity = warning
        # One category:
        #textlint_analyzer_diagnostic.category-Attribution.severity = error
        # One rule:
        #textlint_diagnostic.TL1001.severity = error
        # Show stale <!-- textlint-disable --> comments on the console (hidden by default):
        #textlint_diagnostic.TL0001.severity = suggestion

        # Old articles: no findings at all.
        #[archive/**]
        #textlint_analyzer_diagnostic.severity = none

        """;

    public static int Run(IReadOnlyList<string> args, CliContext ctx)
    {
        ParsedArgs parsed;
        try { parsed = ArgParser.Parse(args, Options); }
        catch (UsageException ex) { return Fail(ctx, ex.Message); }
        if (parsed.Has("--help")) { ctx.Out.WriteLine(Help); return ExitCodes.Success; }
        if (parsed.Positionals.Count > 1) return Fail(ctx, "init takes at most one folder.");

        string folder = Path.GetFullPath(parsed.Positionals.Count == 1 ? parsed.Positionals[0] : ".", ctx.WorkingDirectory);
        var targets = new[] { (Name: ProjectConfig.FileName, Text: StarterProjectConfig), (Name: EditorConfigFile.FileName, Text: StarterEditorConfig) }
            .Select(t => (Path: Path.Combine(folder, t.Name), t.Text))
            .ToList();
        // Check both before writing either: a refused init changes nothing.
        var existing = targets.Where(t => File.Exists(t.Path) || Directory.Exists(t.Path)).Select(t => InputFiles.DisplayPath(t.Path, ctx.WorkingDirectory)).ToList();
        if (existing.Count > 0 && !parsed.Has("--force"))
        {
            ctx.Fail($"{string.Join(" and ", existing)} already {(existing.Count == 1 ? "exists" : "exist")}; nothing was written. "
                + "Use --force to overwrite, or add the settings by hand (see the README's Configuration section).");
            return ExitCodes.Failure;
        }
        foreach (var (path, text) in targets)
        {
            using var target = ReportTarget.Open(path, ctx);
            target.Writer.Write(text.ReplaceLineEndings("\n"));
            if (!target.Commit(ctx)) return ExitCodes.Failure;
            ctx.Out.WriteLine($"Wrote {InputFiles.DisplayPath(path, ctx.WorkingDirectory)}.");
        }
        return ExitCodes.Success;
    }

    private static int Fail(CliContext ctx, string message)
    {
        ctx.Fail(message);
        ctx.Error.WriteLine(Usage);
        return ExitCodes.Failure;
    }
}
