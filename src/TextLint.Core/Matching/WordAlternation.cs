using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TextLint.Text;

namespace TextLint.Matching;

/// <summary>
/// A pattern that is only a list of words, <c>\b(?:I|I'm|I've|me|my|we|our|ours)\b</c> (the first-person and
/// second-person tests of the loaded-language rules' <c>unlessSentence</c> and <c>unlessParagraph</c>), whose
/// match test is answered without a regex, with the answer the regex gives: a word of the list, between two
/// of .NET's word boundaries, ignoring case as .NET's regex does with
/// <see cref="System.Text.RegularExpressions.RegexOptions.IgnoreCase"/> and
/// <see cref="System.Text.RegularExpressions.RegexOptions.CultureInvariant"/>.
/// </summary>
/// <remarks>
/// Under IgnoreCase the generated search for such a list stops at every i, m, o, w and y of the text, most of
/// them inside words, and tries the list there (about 100 M instructions on the benchmark corpus). Here
/// a word is tried only where one of the list's first letters follows a character that is not a word
/// character (found eight characters at a time), and only the words that start with that letter.
/// The words are ASCII letters with apostrophes inside, so the semantics needed are few:
/// <list type="bullet">
/// <item>.NET's boundary word characters (<c>RegexCharClass.IsBoundaryWordChar</c>): letters, non-spacing
/// marks, decimal digits, connector punctuation, and U+200C and U+200D; not spacing marks, not surrogates
/// (which <see cref="CharClass.IsWordChar"/> counts).</item>
/// <item>.NET's case equivalences of the ASCII letters under the invariant culture: upper and lower case, the
/// Kelvin sign (U+212A) with k; not the long s (U+017F), although its upper case is S, and not the dotted
/// capital I (U+0130) or the dotless small i (U+0131), which only a Turkish culture joins to i.</item>
/// </list>
/// A test checks both against the runtime's regex for every UTF-16 code unit, and the answers against the
/// regex on generated text and the seed articles.
/// </remarks>
internal sealed class WordAlternation
{
    /// <summary>The words by their first letter (folded to lower case when the case is ignored), as written or folded.</summary>
    private readonly string[]?[] _byFirst = new string[]?[128];
    private readonly bool _ignoreCase;

    /// <summary>The first letters of the words (in lower case when the case is ignored), one vector each.</summary>
    private readonly Vector128<ushort>[] _firsts;

    private WordAlternation(IEnumerable<string> words, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        foreach (var group in words.Select(w => ignoreCase ? w.ToLowerInvariant() : w).Distinct(StringComparer.Ordinal).GroupBy(w => w[0]))
            _byFirst[group.Key] = [.. group];
        _firsts = [.. Enumerable.Range(0, 128).Where(c => _byFirst[c] is not null).Select(c => Vector128.Create((ushort)c))];
    }

    /// <summary>The list of <paramref name="pattern"/> when it is exactly <c>\b(?:word|word|…)\b</c> with words of ASCII letters (apostrophes inside), else null.</summary>
    public static WordAlternation? TryParse(string pattern, bool ignoreCase)
    {
        const string Open = @"\b(?:", Close = @")\b";
        if (!pattern.StartsWith(Open, StringComparison.Ordinal) || !pattern.EndsWith(Close, StringComparison.Ordinal)
            || pattern.Length <= Open.Length + Close.Length)
            return null;
        var words = pattern[Open.Length..^Close.Length].Split('|');
        foreach (var w in words)
        {
            if (w.Length == 0 || !char.IsAsciiLetter(w[0]) || !char.IsAsciiLetter(w[^1])) return null;
            foreach (char c in w)
                if (!char.IsAsciiLetter(c) && c != '\'') return null;
        }
        return new WordAlternation(words, ignoreCase);
    }

    /// <summary>Whether the regex of the list matches somewhere in <paramref name="text"/> (all it sees: no word boundary looks outside it).</summary>
    /// <remarks>
    /// Eight characters at a time, where they and the one before them are ASCII, the candidates are found at
    /// once: a letter that starts a word of the list after a character that is not a word character. Only
    /// those are tried (<see cref="WordsAt"/>); elsewhere every position is.
    /// </remarks>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        int n = text.Length, k = 0;
        if (Vector128.IsHardwareAccelerated && n > Vector128<ushort>.Count)
        {
            if (WordsAt(text, 0)) return true;
            var units = MemoryMarshal.Cast<char, ushort>(text);
            var nonAscii = Vector128.Create((ushort)0xFF80);
            var firsts = _firsts;
            for (k = 1; k + Vector128<ushort>.Count <= n; k += Vector128<ushort>.Count)
            {
                var current = Vector128.Create(units.Slice(k, Vector128<ushort>.Count));
                var previous = Vector128.Create(units.Slice(k - 1, Vector128<ushort>.Count));
                if (((current | previous) & nonAscii) != Vector128<ushort>.Zero)
                {
                    for (int j = k; j < k + Vector128<ushort>.Count; j++)
                        if (WordsAt(text, j)) return true;
                    continue;
                }
                // Ignoring case, an ASCII character is one of a letter's two cases exactly when it is that letter with 0x20 set.
                var c = _ignoreCase ? current | Vector128.Create((ushort)0x20) : current;
                var first = Vector128.Equals(c, firsts[0]);
                for (int f = 1; f < firsts.Length; f++) first |= Vector128.Equals(c, firsts[f]);
                uint candidates = Vector128.AndNot(first, AsciiVectors.Word(previous)).AsByte().ExtractMostSignificantBits() & 0x5555;
                while (candidates != 0)
                {
                    if (WordsAt(text, k + (BitOperations.TrailingZeroCount(candidates) >> 1))) return true;
                    candidates &= candidates - 1;
                }
            }
        }
        for (; k < n; k++)
            if (WordsAt(text, k)) return true;
        return false;
    }

    /// <summary>Whether a word of the list starts at <paramref name="at"/>, with a word boundary before it and after it.</summary>
    private bool WordsAt(ReadOnlySpan<char> text, int at)
    {
        char c = _ignoreCase ? Fold(text[at]) : text[at];
        if (c >= 128 || _byFirst[c] is not { } words || (at > 0 && IsBoundaryWordChar(text[at - 1]))) return false;
        foreach (string w in words)
            if (WordAt(text, at, w)) return true;
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool WordAt(ReadOnlySpan<char> text, int at, string word)
    {
        int end = at + word.Length;
        if (end > text.Length) return false;
        for (int k = 1; k < word.Length; k++)
        {
            char c = text[at + k];
            if ((_ignoreCase ? Fold(c) : c) != word[k]) return false;
        }
        return end == text.Length || !IsBoundaryWordChar(text[end]);
    }

    /// <summary>
    /// The lower-case ASCII letter <paramref name="c"/> is equal to under .NET's invariant case equivalences,
    /// or <paramref name="c"/> itself when it is no ASCII letter's equivalent.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static char Fold(char c) => c switch
    {
        < (char)128 => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c,
        '\u212A' => 'k',
        _ => c,
    };

    /// <summary>.NET's <c>RegexCharClass.IsBoundaryWordChar</c>: the word characters of <c>\b</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsBoundaryWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : IsNonAsciiBoundaryWordChar(c);

    private static bool IsNonAsciiBoundaryWordChar(char c)
    {
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
            _ => c is '\u200C' or '\u200D',
        };
    }
}
