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
