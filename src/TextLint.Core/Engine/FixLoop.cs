using System.Collections.Immutable;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Engine;

/// <summary>
/// The outcome of fixing one text until it is stable: the final text, the same change as edits against
/// the original (for a diff), the findings whose fixes were applied (in every pass), and the findings
/// of the final text.
/// </summary>
public sealed record FixLoopResult(
    string Text,
    ImmutableArray<TextEdit> Edits,
    ImmutableArray<Diagnostic> Applied,
    IReadOnlyList<Diagnostic> Findings,
    int Passes,
    bool Converged)
{
    public bool Changed => !Edits.IsEmpty;
}

/// <summary>
/// Applies fixes until nothing more changes, as ESLint does: each pass applies the fixes of the current
/// findings (the first in file order wins where two overlap; the rest wait for the next pass), lints
/// the new text, and goes again — at most <see cref="MaxPasses"/> times. A fix that removes or creates
/// another finding so ends in a stable text, and the last pass's findings are what remains.
/// </summary>
public static class FixLoop
{
    public const int MaxPasses = 10;

    /// <param name="original">The text as read.</param>
    /// <param name="findings">Its findings (already classified: suppressed, baselined).</param>
    /// <param name="lint">Lints a text and classifies its findings the same way.</param>
    /// <param name="fixOf">The fix of a finding that may be applied, or null (suppressed, hidden, baselined, not allowed).</param>
    public static FixLoopResult Run(string original, IReadOnlyList<Diagnostic> findings, Func<string, IReadOnlyList<Diagnostic>> lint,
        Func<Diagnostic, CodeFix?> fixOf, int maxPasses = MaxPasses)
    {
        string text = original;
        var edits = ImmutableArray<TextEdit>.Empty;
        var applied = ImmutableArray.CreateBuilder<Diagnostic>();
        int passes = 0;
        bool converged = false;
        while (true)
        {
            var byFix = new Dictionary<CodeFix, Diagnostic>(ReferenceEqualityComparer.Instance);
            foreach (var d in findings)
                if (fixOf(d) is { Edits.IsEmpty: false } fix) byFix.TryAdd(fix, d);
            if (byFix.Count == 0) { converged = true; break; }
            if (passes == maxPasses) break;
            var result = FixApplier.Apply(text, byFix.Keys, FixSafety.Unsafe);
            if (string.Equals(result.Text, text, StringComparison.Ordinal)) { converged = true; break; }
            passes++;
            foreach (var f in result.Applied) applied.Add(byFix[f]);
            var passEdits = result.Applied.SelectMany(f => f.Edits).OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
            edits = Compose(edits, passEdits, text);
            text = result.Text;
            findings = lint(text);
        }
        return new FixLoopResult(text, edits, applied.ToImmutable(), findings, passes, converged);
    }

    /// <summary>
    /// Edits against A equivalent to applying <paramref name="first"/> (against A, sorted, disjoint), then
    /// <paramref name="second"/> (against <paramref name="b"/>, the result of the first; sorted, disjoint).
    /// Edits of the two that meet are merged into one.
    /// </summary>
    public static ImmutableArray<TextEdit> Compose(IReadOnlyList<TextEdit> first, IReadOnlyList<TextEdit> second, string b)
    {
        if (first.Count == 0) return [.. second];
        // Where each first edit's new text lies in B.
        var regions = new List<(TextSpan InA, int BStart, int BEnd)>(first.Count);
        int delta = 0;
        foreach (var e in first)
        {
            int bs = e.Span.Start + delta;
            regions.Add((e.Span, bs, bs + e.NewText.Length));
            delta += e.NewText.Length - e.Span.Length;
        }
        // Items in B coordinates: first edits' new text (kind 0) and second edits (kind 1), clustered where they meet.
        var items = new List<(int Start, int End, int Kind, int Index)>(first.Count + second.Count);
        for (int i = 0; i < regions.Count; i++) items.Add((regions[i].BStart, regions[i].BEnd, 0, i));
        for (int j = 0; j < second.Count; j++) items.Add((second[j].Span.Start, second[j].Span.End, 1, j));
        items.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Kind.CompareTo(y.Kind));

        var result = ImmutableArray.CreateBuilder<TextEdit>();
        int deltaBefore = 0; // growth of the first edits wholly before the current cluster
        int k = 0;
        while (k < items.Count)
        {
            int cs = items[k].Start, ce = items[k].End;
            int m = k + 1;
            while (m < items.Count && items[m].Start <= ce) { ce = Math.Max(ce, items[m].End); m++; }
            int growth = 0;
            var sb = new StringBuilder();
            int pos = cs;
            for (int t = k; t < m; t++)
            {
                var it = items[t];
                if (it.Kind == 0)
                {
                    var r = regions[it.Index];
                    growth += (r.BEnd - r.BStart) - r.InA.Length;
                    continue;
                }
                var e = second[it.Index];
                sb.Append(b, pos, e.Span.Start - pos);
                sb.Append(e.NewText);
                pos = e.Span.End;
            }
            sb.Append(b, pos, ce - pos);
            int aStart = cs - deltaBefore, aEnd = ce - deltaBefore - growth;
            result.Add(new TextEdit(TextSpan.FromBounds(aStart, aEnd), sb.ToString()));
            deltaBefore += growth;
            k = m;
        }
        return result.ToImmutable();
    }
}
