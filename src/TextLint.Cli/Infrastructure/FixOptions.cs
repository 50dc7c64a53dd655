using System.CommandLine;
using TextLint.Diagnostics;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>--fix, --unsafe-fixes and --diff.</summary>
public sealed class FixOptions
{
    public static readonly Option<bool> FixOption = CliSyntax.Flag("--fix", "Apply safe fixes to the files (atomically; files without fixes are not touched).");
    public static readonly Option<bool> UnsafeFixesOption = CliSyntax.Flag("--unsafe-fixes", "With --fix or --diff, also apply fixes that may change the meaning.");
    public static readonly Option<bool> DiffOption = CliSyntax.Flag("--diff", "Print the fixes as a unified diff and change no file (exit code as without it).");

    /// <summary>The options of the lint command this class reads.</summary>
    public static readonly Option[] Specs = [FixOption, UnsafeFixesOption, DiffOption];

    public bool Fix { get; init; }
    public bool Diff { get; init; }
    public bool UnsafeFixes { get; init; }

    /// <summary>The options as given, or a usage error.</summary>
    public static FixOptions? Parse(ParseResult parsed, out string? error)
    {
        var options = new FixOptions { Fix = parsed.GetValue(FixOption), Diff = parsed.GetValue(DiffOption), UnsafeFixes = parsed.GetValue(UnsafeFixesOption) };
        error = options.Fix && options.Diff ? "--fix writes the fixes and --diff only shows them; give one of them."
            : options.UnsafeFixes && !options.Fix && !options.Diff ? "--unsafe-fixes needs --fix or --diff."
            : null;
        return error is null ? options : null;
    }

    /// <summary>The per-file fixer, or null when fixes were not asked for.</summary>
    public FixWriter? CreateFixer(string workingDirectory) =>
        Fix || Diff ? new FixWriter(UnsafeFixes ? FixSafety.Unsafe : FixSafety.Safe, write: Fix, workingDirectory) : null;
}
