namespace TextLint.Text;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a decoded text, as Roslyn's TextSpan.</summary>
public readonly record struct TextSpan(int Start, int Length) : IComparable<TextSpan>
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end)
    {
        // The throw is in a method of its own so that this one is small enough to inline (millions of calls a run).
        if (end < start) ThrowEndBeforeStart();
        return new TextSpan(start, end - start);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowEndBeforeStart() => throw new ArgumentOutOfRangeException("end", "end must not precede start");

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the spans share at least one character (empty spans overlap nothing).</summary>
    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public int CompareTo(TextSpan other)
    {
        int c = Start.CompareTo(other.Start);
        return c != 0 ? c : Length.CompareTo(other.Length);
    }

    public override string ToString() => $"[{Start}..{End})";
}
