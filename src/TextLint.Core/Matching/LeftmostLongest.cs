using TextLint.Text;

namespace TextLint.Matching;

/// <summary>
/// "Leftmost-longest, non-overlapping", the one way every kind picks among matches that overlap: sort
/// by start, longest first on ties (<see cref="Compare"/>), then walk the list and take a match only when
/// it starts at or after the end of the last one taken (<see cref="Taken"/>). Whether a match that is
/// then dropped (an exception, out of scope) still blocks the ones it overlaps is the kind's choice:
/// <see cref="Taken.TryTake"/> takes first, <see cref="Taken.Overlaps"/> + <see cref="Taken.Take"/>
/// lets it test in between.
/// </summary>
public static class LeftmostLongest
{
    /// <summary>By start, then longest first.</summary>
    public static int Compare(TextSpan a, TextSpan b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End);

    /// <summary>Sorts <paramref name="spans"/> leftmost-longest.</summary>
    public static void Sort(List<TextSpan> spans) => spans.Sort(static (a, b) => Compare(a, b));

    /// <summary>The end of the last match taken while walking a leftmost-longest list.</summary>
    public struct Taken
    {
        private int _end;

        public Taken() => _end = -1;

        /// <summary>Whether <paramref name="span"/> starts before the end of the last match taken.</summary>
        public readonly bool Overlaps(TextSpan span) => span.Start < _end;

        /// <summary>Takes <paramref name="span"/>: later matches must start at or after its end.</summary>
        public void Take(TextSpan span) => _end = span.End;

        /// <summary>Takes <paramref name="span"/> unless it overlaps the last match taken.</summary>
        public bool TryTake(TextSpan span)
        {
            if (Overlaps(span)) return false;
            Take(span);
            return true;
        }
    }
}

/// <summary>
/// Spans in start order (as the literal pass hands them over) that answer "does one overlap this span?"
/// by a binary search, not a walk of the whole list: a rule's exceptions are looked up once per match,
/// and a document can hold thousands of both.
/// </summary>
public sealed class OverlapIndex
{
    private readonly List<TextSpan> _spans;
    private readonly int _maxLength;

    /// <param name="spansByStart">Spans sorted by start.</param>
    public OverlapIndex(List<TextSpan> spansByStart)
    {
        _spans = spansByStart;
        foreach (var s in spansByStart) _maxLength = Math.Max(_maxLength, s.Length);
    }

    public bool AnyOverlaps(TextSpan span)
    {
        // A span that starts at or before span.Start - maxLength ends at or before span.Start.
        int from = span.Start - _maxLength, lo = 0, hi = _spans.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_spans[mid].Start <= from) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < _spans.Count && _spans[i].Start < Math.Max(span.End, span.Start + 1); i++)
            if (_spans[i].OverlapsWith(span)) return true;
        return false;
    }
}
