namespace TextLint.Matching;

/// <summary>Pieces of .NET regex syntax that the pattern readers (<see cref="RequiredLiterals"/>, <see cref="BacktrackingCost"/>) share.</summary>
internal static class RegexSyntax
{
    /// <summary>
    /// A counted quantifier at <paramref name="at"/> ('{'): {n}, {n,} or {n,m}, with <paramref name="end"/>
    /// just after its '}'; false for any other '{', which .NET reads as a literal brace.
    /// </summary>
    public static bool TryBraces(string pattern, int at, out int min, out int max, out int end)
    {
        min = max = 0;
        end = at;
        int p = at + 1;
        int Digits(ref int i)
        {
            int start = i, value = 0;
            while (i < pattern.Length && char.IsAsciiDigit(pattern[i]) && i - start < 9) value = value * 10 + (pattern[i++] - '0');
            return i == start ? -1 : value;
        }
        min = Digits(ref p);
        if (min < 0 || p >= pattern.Length) return false;
        if (pattern[p] == '}') { max = min; end = p + 1; return true; }
        if (pattern[p] != ',') return false;
        p++;
        max = Digits(ref p);
        if (max < 0) max = int.MaxValue;
        if (p >= pattern.Length || pattern[p] != '}') return false;
        end = p + 1;
        return true;
    }
}
