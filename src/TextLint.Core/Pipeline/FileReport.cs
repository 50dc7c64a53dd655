using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Pipeline;

/// <summary>The findings of one file. Files reach writers in the run's stable order (by path).</summary>
public sealed record FileReport(SourceText Source, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>What --fix or --diff did with the file's fixes; null when fixes were not asked for or none applied.</summary>
    public FileFixes? Fixes { get; init; }
}

/// <summary>
/// Fixes applied (or, for --diff, that would be applied) to one file. <see cref="Applied"/>'s edits refer
/// to <see cref="Original"/>. When <see cref="Written"/> is true the file on disk now holds the fixed text,
/// and the report's <see cref="FileReport.Source"/> and diagnostics are those of the fixed text.
/// </summary>
public sealed record FileFixes(SourceText Original, ImmutableArray<CodeFix> Applied, ImmutableArray<CodeFix> Skipped, bool Written);
