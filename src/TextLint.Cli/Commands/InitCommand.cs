using System.CommandLine;
using System.Text;
using TextLint.Cli.Infrastructure;
using TextLint.Configuration;
using TextLint.Rules;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint init [folder] [--force]</c>: a commented starter textlint.yaml and .editorconfig.</summary>
public static class InitCommand
{
    public static readonly Argument<string?> FolderArgument = new("folder") { Arity = ArgumentArity.ZeroOrOne, Description = "Where to write (default: the current folder)." };
    public static readonly Option<bool> ForceOption = CliSyntax.Flag("--force", "Overwrite an existing textlint.yaml (and rewrite TextLint's section of .editorconfig).");

    public static readonly CliCommand Definition = new("init", "Write a starter textlint.yaml and .editorconfig (here by default).", () => Description, Epilogue, Run,
        [ForceOption, CliSyntax.HelpOption()], FolderArgument)
    {
        SurplusArgument = _ => "init takes at most one folder.",
    };

    public const string Description = """
        Writes a commented starter textlint.yaml (packs, files, per-rule options) and .editorconfig
        (severities per folder) into the folder (default: the current one). An existing textlint.yaml
        is left alone unless --force is given; an existing .editorconfig keeps everything it has and
        gets TextLint's section added once.
        """;

    public const string Epilogue = """
        Exit codes: 0 written, 2 textlint.yaml exists (without --force) or a file could not be written.

        Examples:
          dotnet textlint init
          dotnet textlint init newsroom/ --force
        """;

    public const string StarterProjectConfig = """
        # textlint.yaml: project settings for TextLint. `dotnet textlint` uses the nearest one in the
        # current folder or above it; `--config FILE` names another. Severities per folder live in
        # .editorconfig; this file says what to load and how the rules behave. Lines that start with
        # '#' and no space are examples: delete the '#' to use one.
        # Reference: https://github.com/textlint-dotnet/textlint/blob/main/docs/configuration.md#textlintyaml

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

    /// <summary>The top of a new .editorconfig: only a file init creates gets <c>root = true</c>.</summary>
    public const string EditorConfigPreamble = """
        # .editorconfig: settings per folder for editors and tools. TextLint reads its severities here.
        root = true

        """;

    /// <summary>The first line of TextLint's section: init adds the section to a file only when it is not there.</summary>
    public const string SectionMarker = "# TextLint severities per folder, with Roslyn's keys and precedence (added by 'dotnet textlint init').";

    /// <summary>TextLint's section, added to an existing .editorconfig or written after the preamble.</summary>
    public const string EditorConfigSection = SectionMarker + "\n" + """
        # Levels: error, warning, suggestion, silent, none, default. A rule's ID beats its category,
        # which beats all rules; category and all-rules keys never turn on a rule that is off by
        # default. The nearest .editorconfig wins; root = true stops the search for files above.
        # Lines that start with '#' and no space are examples: delete the '#' to use one.
        # Reference: https://github.com/textlint-dotnet/textlint/blob/main/docs/configuration.md#editorconfig
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

    public static string StarterEditorConfig => EditorConfigPreamble + EditorConfigSection;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        string folder = Path.GetFullPath(parsed.GetValue(FolderArgument) ?? ".", ctx.WorkingDirectory);
        string configPath = Path.Combine(folder, ProjectConfig.FileName);
        string editorConfigPath = Path.Combine(folder, EditorConfigFile.FileName);
        string Shown(string path) => InputFiles.DisplayPath(path, ctx.WorkingDirectory);

        // Check everything before writing anything: a refused init changes nothing.
        if (Directory.Exists(configPath) || Directory.Exists(editorConfigPath))
            return Refuse(ctx, $"{Shown(Directory.Exists(configPath) ? configPath : editorConfigPath)} is a folder; nothing was written.");
        if (File.Exists(configPath) && !parsed.GetValue(ForceOption))
            return Refuse(ctx, $"{Shown(configPath)} already exists; nothing was written. "
                + "Use --force to overwrite it, or add the settings by hand (see docs/configuration.md).");
        byte[]? existingEditorConfig = File.Exists(editorConfigPath) ? File.ReadAllBytes(editorConfigPath) : null;

        if (!Write(ctx, configPath, Encoding.UTF8.GetBytes(StarterProjectConfig.ReplaceLineEndings("\n")))) return ExitCodes.Failure;
        ctx.Out.WriteLine($"Wrote {Shown(configPath)}.");

        if (existingEditorConfig is null)
        {
            if (!Write(ctx, editorConfigPath, Encoding.UTF8.GetBytes(StarterEditorConfig.ReplaceLineEndings("\n")))) return ExitCodes.Failure;
            ctx.Out.WriteLine($"Wrote {Shown(editorConfigPath)}.");
        }
        else if (AddSection(existingEditorConfig) is { } updated)
        {
            if (!Write(ctx, editorConfigPath, updated)) return ExitCodes.Failure;
            ctx.Out.WriteLine($"Added TextLint's section to {Shown(editorConfigPath)}.");
        }
        else
        {
            ctx.Out.WriteLine($"{Shown(editorConfigPath)} already has TextLint's section; left as it was.");
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// The existing .editorconfig with TextLint's section appended, byte for byte what it was before
    /// (its encoding mark and line endings kept, a missing final newline added), or null when the
    /// section is already there.
    /// </summary>
    public static byte[]? AddSection(byte[] existing)
    {
        string text = new UTF8Encoding(false, false).GetString(existing);
        if (text.Split('\n').Any(line => line.TrimEnd('\r') == SectionMarker)) return null;
        string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var added = new StringBuilder();
        if (existing.Length > 0 && existing[^1] != (byte)'\n') added.Append(newline);
        if (existing.Length > 0 && !text.EndsWith(newline + newline, StringComparison.Ordinal) && text.Trim('\uFEFF').Length > 0) added.Append(newline);
        added.Append(EditorConfigSection.ReplaceLineEndings(newline));
        return [.. existing, .. Encoding.UTF8.GetBytes(added.ToString())];
    }

    /// <summary>Writes the whole file beside it and renames it into place: never a half-written file.</summary>
    private static bool Write(CliContext ctx, string path, byte[] content)
    {
        using var target = ReportTarget.Open(path, ctx);
        target.Stream.Write(content);
        return target.Commit(ctx);
    }

    private static int Refuse(CliContext ctx, string message)
    {
        ctx.Fail(message);
        return ExitCodes.Failure;
    }
}
