using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Diagnostics;

/// <summary>Replace <see cref="Span"/> of the original text with <see cref="NewText"/>.</summary>
public readonly record struct TextEdit(TextSpan Span, string NewText);

public enum FixSafety
{
    /// <summary>The rule offers no fix.</summary>
    None = 0,
    /// <summary>Mechanical; applied by --fix.</summary>
    Safe = 1,
    /// <summary>May change meaning; applied only with --unsafe-fixes.</summary>
    Unsafe = 2,
}

/// <summary>A fix offered with a diagnostic: edits against the unmodified text.</summary>
public sealed record CodeFix(string Title, ImmutableArray<TextEdit> Edits, FixSafety Safety)
{
    public TextSpan Span
    {
        get
        {
            int start = int.MaxValue, end = 0;
            foreach (var e in Edits)
            {
                start = Math.Min(start, e.Span.Start);
                end = Math.Max(end, e.Span.End);
            }
            return Edits.IsEmpty ? default : TextSpan.FromBounds(start, end);
        }
    }
}
