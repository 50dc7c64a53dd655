using System.Collections.Immutable;
using System.Text;
using TextLint.Diagnostics;

namespace TextLint.Engine;

/// <summary>The text after applying fixes, and the fixes left out because they overlapped an applied one.</summary>
public sealed record FixResult(string Text, ImmutableArray<CodeFix> Applied, ImmutableArray<CodeFix> Skipped);

/// <summary>
/// Applies fixes to the unmodified text: fixes are taken in order of position, a fix that overlaps one
/// already taken is skipped (and returned, so it can be reported), and all edits refer to the original
/// offsets, exactly as SARIF's deletedRegion does.
/// </summary>
public static class FixApplier
{
    public static FixResult Apply(string text, IEnumerable<CodeFix> fixes, FixSafety allowed)
    {
        var ordered = fixes.Where(f => f.Safety != FixSafety.None && f.Safety <= allowed)
            .OrderBy(f => f.Span.Start).ThenBy(f => f.Span.End).ToList();
        var applied = ImmutableArray.CreateBuilder<CodeFix>();
        var skipped = ImmutableArray.CreateBuilder<CodeFix>();
        var edits = new List<TextEdit>();
        int lastEnd = -1;
        foreach (var fix in ordered)
        {
            var span = fix.Span;
            // Touching is fine; sharing a character (or two insertions at one point) is an overlap.
            if (span.Start < lastEnd || (span.Start == lastEnd && span.IsEmpty && edits.Count > 0 && edits[^1].Span.IsEmpty))
            {
                skipped.Add(fix);
                continue;
            }
            applied.Add(fix);
            edits.AddRange(fix.Edits.OrderBy(e => e.Span.Start));
            lastEnd = Math.Max(lastEnd, span.End);
        }
        if (edits.Count == 0) return new FixResult(text, applied.ToImmutable(), skipped.ToImmutable());
        var sb = new StringBuilder(text.Length + 64);
        int pos = 0;
        foreach (var e in edits)
        {
            sb.Append(text, pos, e.Span.Start - pos);
            sb.Append(e.NewText);
            pos = e.Span.End;
        }
        sb.Append(text, pos, text.Length - pos);
        return new FixResult(sb.ToString(), applied.ToImmutable(), skipped.ToImmutable());
    }
}
