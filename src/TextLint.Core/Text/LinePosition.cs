namespace TextLint.Text;

/// <summary>0-based line and UTF-16 column. Writers add one at the edge.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other)
    {
        int c = Line.CompareTo(other.Line);
        return c != 0 ? c : Character.CompareTo(other.Character);
    }

    public override string ToString() => $"{Line + 1},{Character + 1}";
}

/// <summary>A start and end position; the end is exclusive.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
