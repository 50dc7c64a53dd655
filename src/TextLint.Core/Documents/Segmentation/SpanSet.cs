using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// A set of text positions stored as sorted, non-overlapping spans (overlapping or touching input spans
/// are merged), answering "is this inside?" by binary search. Immutable.
/// </summary>
public sealed class SpanSet
{
    public static readonly SpanSet Empty = new(ImmutableArray<TextSpan>.Empty);

    private SpanSet(ImmutableArray<TextSpan> spans) => Spans = spans;

    /// <summary>The merged spans, in order.</summary>
    public ImmutableArray<TextSpan> Spans { get; }

    public bool IsEmpty => Spans.IsEmpty;

    public static SpanSet From(IEnumerable<TextSpan> spans)
    {
        var list = spans.Where(s => !s.IsEmpty).ToList();
        if (list.Count == 0) return Empty;
        list.Sort();
        var merged = ImmutableArray.CreateBuilder<TextSpan>(list.Count);
        var current = list[0];
        for (int i = 1; i < list.Count; i++)
        {
            var s = list[i];
            if (s.Start <= current.End) current = TextSpan.FromBounds(current.Start, Math.Max(current.End, s.End));
            else { merged.Add(current); current = s; }
        }
        merged.Add(current);
        return new SpanSet(merged.ToImmutable());
    }

    /// <summary>The index of the span containing <paramref name="position"/>, or -1.</summary>
    public int IndexOf(int position)
    {
        var spans = Spans.AsSpan();
        int lo = 0, hi = spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = spans[mid];
            if (position < s.Start) hi = mid - 1;
            else if (position >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>True when <paramref name="position"/> lies inside one of the spans.</summary>
    public bool Contains(int position) => IndexOf(position) >= 0;

    /// <summary>True when all of <paramref name="span"/> lies inside one of the spans.</summary>
    public bool Contains(TextSpan span)
    {
        int i = IndexOf(span.Start);
        return i >= 0 && Spans[i].End >= span.End;
    }
}

/// <summary>Binary search over spans sorted by start that do not overlap (paragraphs, sentences, lines).</summary>
public static class SortedSpans
{
    /// <summary>The index of the span that contains <paramref name="position"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<TextSpan> spans, int position)
    {
        int lo = 0, hi = spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = spans[mid];
            if (position < s.Start) hi = mid - 1;
            else if (position >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The index of the first span that ends after <paramref name="position"/> (spans.Length if none).</summary>
    public static int FirstEndingAfter(ReadOnlySpan<TextSpan> spans, int position)
    {
        int lo = 0, hi = spans.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
