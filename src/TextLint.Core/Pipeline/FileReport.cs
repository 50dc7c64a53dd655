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
/// Fixes applied (or, for --diff, that would be applied) to one file, in as many passes as it took to
/// make the text stable. <see cref="Edits"/> is the whole change as edits against <see cref="Original"/>;
/// <see cref="Applied"/> the findings whose fixes were applied, in every pass. When <see cref="Written"/>
/// is true the fixed text was written (to the file, or to standard output for --stdin), and the report's
/// <see cref="FileReport.Source"/> and diagnostics are those of the fixed text.
/// </summary>
public sealed record FileFixes(SourceText Original, ImmutableArray<TextEdit> Edits, ImmutableArray<Diagnostic> Applied, int Passes, bool Written)
{
    /// <summary>The text after the fixes.</summary>
    public string FixedText { get; init; } = "";
}
