using System.CommandLine;
using TextLint.Diagnostics;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>--fix, --unsafe-fixes, --diff, --dry-run, --show-fixes.</summary>
public sealed class FixOptions
{
    public static readonly Option<bool> FixOption = CliSyntax.Flag("--fix", "Apply safe fixes to the files until they are stable (atomically; files without fixes are not touched). With --stdin, print the fixed text on standard output.");
    public static readonly Option<bool> UnsafeFixesOption = CliSyntax.Flag("--unsafe-fixes", "With --fix or --diff, also apply fixes that may change the meaning.");
    public static readonly Option<bool> DiffOption = CliSyntax.Flag("--diff", "Print the fixes as a unified diff and change no file (exit code as without it).");
    public static readonly Option<bool> DryRunOption = CliSyntax.Flag("--dry-run", "With --fix: change no file, print what --fix would write as a unified diff (same as --diff).");
    public static readonly Option<bool> ShowFixesOption = CliSyntax.Flag("--show-fixes", "With --fix: list the fixes applied, per file and rule, before the summary.");

    /// <summary>The options of the lint command this class reads.</summary>
    public static readonly Option[] Specs = [FixOption, UnsafeFixesOption, DiffOption, DryRunOption, ShowFixesOption];

    public bool Fix { get; init; }
    public bool Diff { get; init; }
    public bool UnsafeFixes { get; init; }
    public bool ShowFixes { get; init; }

    /// <summary>The options as given, or a usage error.</summary>
    public static FixOptions? Parse(ParseResult parsed, out string? error)
    {
        bool fix = parsed.GetValue(FixOption), diff = parsed.GetValue(DiffOption), dryRun = parsed.GetValue(DryRunOption);
        var options = new FixOptions
        {
            Fix = fix && !dryRun,
            Diff = diff || dryRun,
            UnsafeFixes = parsed.GetValue(UnsafeFixesOption),
            ShowFixes = parsed.GetValue(ShowFixesOption),
        };
        error = dryRun && !fix ? "--dry-run goes with --fix (--fix --dry-run prints the diff --fix would apply)."
            : dryRun && diff ? "--fix --dry-run and --diff do the same; give one of them."
            : options.Fix && options.Diff ? "--fix writes the fixes and --diff only shows them; give one of them."
            : options.UnsafeFixes && !options.Fix && !options.Diff ? "--unsafe-fixes needs --fix or --diff."
            : options.ShowFixes && !options.Fix ? "--show-fixes lists what --fix applied; add --fix."
            : null;
        return error is null ? options : null;
    }

    /// <summary>The per-file fixer, or null when fixes were not asked for.</summary>
    /// <param name="standardInput">The input is standard input: --fix prints the fixed text instead of writing a file.</param>
    public FixWriter? CreateFixer(string workingDirectory, bool standardInput = false) =>
        Fix || Diff
            ? new FixWriter(UnsafeFixes ? FixSafety.Unsafe : FixSafety.Safe, Diff ? FixTarget.Diff : standardInput ? FixTarget.StandardOutput : FixTarget.Files, workingDirectory)
            : null;
}
