using System.Collections.Concurrent;

namespace TextLint.Text;

/// <summary>
/// <c>text.IndexOf(value, StringComparison.OrdinalIgnoreCase)</c> — the same answer, found with a
/// vectorised search for the characters that can stand first. The tool runs with invariant
/// globalization, where the runtime's case-insensitive search compares the value at every position
/// of the text, a character at a time (<c>InvariantModeCasing.IndexOfIgnoreCase</c>); a rule that
/// looks a word up in the whole document (the brokenword kind) spent most of its time there.
/// </summary>
public static class IgnoreCase
{
    /// <summary>The first position where <paramref name="value"/> occurs in <paramref name="text"/>, ignoring case ordinally, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value)
    {
        // Surrogate pairs are compared as whole scalars by the runtime: leave them to it.
        if (value.IsEmpty || value.ContainsAnyInRange('\uD800', '\uDFFF')) return text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        string first = Equivalents(value[0]);
        int last = text.Length - value.Length; // the last position a match can start at
        int from = 0;
        while (from <= last)
        {
            int k = text[from..(last + 1)].IndexOfAny(first);
            if (k < 0) return -1;
            int at = from + k;
            if (text.Slice(at, value.Length).Equals(value, StringComparison.OrdinalIgnoreCase)) return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>
    /// The characters equal to <paramref name="c"/> ignoring case: those with the same upper case
    /// ("iIı" for 'i', "sSſ" for 's'). Ordinal case-insensitive comparison compares upper cases.
    /// </summary>
    internal static string Equivalents(char c) => Cache.GetOrAdd(c, static c =>
    {
        var upper = UpperCases.Value;
        char u = upper[c];
        var found = new List<char>(4);
        ReadOnlySpan<char> all = upper;
        for (int from = 0; from < all.Length;)
        {
            int k = all[from..].IndexOf(u);
            if (k < 0) break;
            found.Add((char)(from + k));
            from += k + 1;
        }
        return new string(found.ToArray());
    });

    private static readonly ConcurrentDictionary<char, string> Cache = new();

    /// <summary>Every UTF-16 code unit's upper case (128 KB, built on first use).</summary>
    private static readonly Lazy<char[]> UpperCases = new(static () =>
    {
        var table = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++) table[c] = char.ToUpperInvariant((char)c);
        return table;
    });
}
