namespace TextLint.Matching;

/// <summary>
/// A conservative syntactic test for patterns on which a backtracking engine runs in (near-)linear time:
/// catastrophic backtracking needs an unbounded quantifier applied to a group that itself contains an
/// unbounded quantifier or an alternation ("(a+)+", "(\w+\s?)*", "(a|a)*"), or a backreference.
/// Anything this scanner does not understand counts as not linear, so the caller falls back to the
/// linear-time NonBacktracking engine.
/// </summary>
public static class BacktrackingShape
{
    public static bool IsLinear(string pattern)
    {
        // One frame per open group: does it contain an unbounded quantifier or an alternation?
        var frames = new Stack<bool>();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= pattern.Length) return false;
                    char e = pattern[i + 1];
                    if (char.IsAsciiDigit(e) && e != '0') return false;   // \1 backreference
                    if (e == 'k') return false;                           // \k<name> backreference
                    if ((e == 'p' || e == 'P') && i + 2 < pattern.Length && pattern[i + 2] == '{')
                    {
                        int close = pattern.IndexOf('}', i + 3);
                        if (close < 0) return false;
                        i = close;
                    }
                    else i++;
                    break;
                case '[':
                    i = SkipClass(pattern, i);
                    if (i < 0) return false;
                    break;
                case '(':
                    frames.Push(false);
                    break;
                case ')':
                    if (frames.Count == 0) return false;
                    bool inner = frames.Pop();
                    if (inner && IsUnboundedQuantifierAt(pattern, i + 1)) return false;
                    if (inner || IsUnboundedQuantifierAt(pattern, i + 1)) MarkRisky(frames);
                    break;
                case '|':
                    MarkRisky(frames);
                    break;
                case '*' or '+':
                    MarkRisky(frames);
                    break;
                case '{':
                    if (IsUnboundedQuantifierAt(pattern, i)) MarkRisky(frames);
                    break;
            }
        }
        return frames.Count == 0;
    }

    /// <summary>The innermost open group now holds something a quantifier on it could multiply; outside any group it does not matter.</summary>
    private static void MarkRisky(Stack<bool> frames)
    {
        if (frames.Count == 0) return;
        frames.Pop();
        frames.Push(true);
    }

    /// <summary>'*', '+' or '{n,}' at <paramref name="i"/>.</summary>
    private static bool IsUnboundedQuantifierAt(string p, int i)
    {
        if (i >= p.Length) return false;
        if (p[i] is '*' or '+') return true;
        if (p[i] != '{') return false;
        int close = p.IndexOf('}', i + 1);
        if (close < 0) return false;
        var body = p.AsSpan(i + 1, close - i - 1);
        int comma = body.IndexOf(',');
        return comma >= 0 && comma == body.Length - 1;
    }

    private static int SkipClass(string p, int i)
    {
        int j = i + 1;
        if (j < p.Length && p[j] == '^') j++;
        if (j < p.Length && p[j] == ']') j++;
        for (; j < p.Length; j++)
        {
            if (p[j] == '\\') { j++; continue; }
            if (p[j] == '[' && j + 1 < p.Length && p[j + 1] == ':') continue;
            if (p[j] == ']') return j;
        }
        return -1;
    }
}
