using TextLint.Diagnostics;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>--fix, --unsafe-fixes, --diff, --dry-run, --show-fixes.</summary>
public sealed class FixOptions
{
    public static readonly OptionSpec[] Specs =
    [
        new("--fix", null, null, "Apply safe fixes to the files until they are stable (atomically; files without fixes are not touched). With --stdin, print the fixed text on standard output."),
        new("--unsafe-fixes", null, null, "With --fix or --diff, also apply fixes that may change the meaning."),
        new("--diff", null, null, "Print the fixes as a unified diff and change no file (exit code as without it)."),
        new("--dry-run", null, null, "With --fix: change no file, print what --fix would write as a unified diff (same as --diff)."),
        new("--show-fixes", null, null, "With --fix: list the fixes applied, per file and rule, before the summary."),
    ];

    public bool Fix { get; init; }
    public bool Diff { get; init; }
    public bool UnsafeFixes { get; init; }
    public bool ShowFixes { get; init; }

    public static FixOptions Parse(ParsedArgs parsed)
    {
        bool dryRun = parsed.Has("--dry-run");
        if (dryRun && !parsed.Has("--fix"))
            throw new UsageException("--dry-run goes with --fix (--fix --dry-run prints the diff --fix would apply).");
        if (dryRun && parsed.Has("--diff"))
            throw new UsageException("--fix --dry-run and --diff do the same; give one of them.");
        var options = new FixOptions
        {
            Fix = parsed.Has("--fix") && !dryRun,
            Diff = parsed.Has("--diff") || dryRun,
            UnsafeFixes = parsed.Has("--unsafe-fixes"),
            ShowFixes = parsed.Has("--show-fixes"),
        };
        if (options.Fix && options.Diff)
            throw new UsageException("--fix writes the fixes and --diff only shows them; give one of them.");
        if (options.UnsafeFixes && !options.Fix && !options.Diff)
            throw new UsageException("--unsafe-fixes needs --fix or --diff.");
        if (options.ShowFixes && !options.Fix)
            throw new UsageException("--show-fixes lists what --fix applied; add --fix.");
        return options;
    }

    /// <summary>The per-file fixer, or null when fixes were not asked for.</summary>
    /// <param name="standardInput">The input is standard input: --fix prints the fixed text instead of writing a file.</param>
    public FixWriter? CreateFixer(string workingDirectory, bool standardInput = false) =>
        Fix || Diff
            ? new FixWriter(UnsafeFixes ? FixSafety.Unsafe : FixSafety.Safe, Diff ? FixTarget.Diff : standardInput ? FixTarget.StandardOutput : FixTarget.Files, workingDirectory)
            : null;
}
