using TextLint.Diagnostics;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>--fix, --unsafe-fixes and --diff.</summary>
public sealed class FixOptions
{
    public static readonly OptionSpec[] Specs =
    [
        new("--fix", null, null, "Apply safe fixes to the files (atomically; files without fixes are not touched)."),
        new("--unsafe-fixes", null, null, "With --fix or --diff, also apply fixes that may change the meaning."),
        new("--diff", null, null, "Print the fixes as a unified diff and change no file (exit code as without it)."),
    ];

    public bool Fix { get; init; }
    public bool Diff { get; init; }
    public bool UnsafeFixes { get; init; }

    public static FixOptions Parse(ParsedArgs parsed)
    {
        var options = new FixOptions { Fix = parsed.Has("--fix"), Diff = parsed.Has("--diff"), UnsafeFixes = parsed.Has("--unsafe-fixes") };
        if (options.Fix && options.Diff)
            throw new UsageException("--fix writes the fixes and --diff only shows them; give one of them.");
        if (options.UnsafeFixes && !options.Fix && !options.Diff)
            throw new UsageException("--unsafe-fixes needs --fix or --diff.");
        return options;
    }

    /// <summary>The per-file fixer, or null when fixes were not asked for.</summary>
    public FixWriter? CreateFixer(string workingDirectory) =>
        Fix || Diff ? new FixWriter(UnsafeFixes ? FixSafety.Unsafe : FixSafety.Safe, write: Fix, workingDirectory) : null;
}
